import { describe, expect, it } from "vitest";
import { carriesSessionToken, judgedByToken } from "./bot-filter.server";

const HEADLESS = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/140.0.0.0 Safari/537.36";
const CHROME = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36";

describe("bot filter: requests with a session token are judged by the token", () => {
  it("leaves a tokenless bot's request as it is, so the library still answers it 410", () => {
    const req = new Request("https://app.example/app?shop=s.myshopify.com", { headers: { "user-agent": HEADLESS } });
    expect(carriesSessionToken(req)).toBe(false);
    expect(judgedByToken(req)).toBe(req);
    const crawler = new Request("https://app.example/auth/login", { headers: { "user-agent": "Googlebot/2.1 (+http://www.google.com/bot.html)" } });
    expect(judgedByToken(crawler)).toBe(crawler);
  });

  it("leaves a person's browser alone, token or not", () => {
    const req = new Request("https://app.example/app?id_token=abc", { headers: { "user-agent": CHROME } });
    expect(judgedByToken(req)).toBe(req);
  });

  it("hands the library a copy without the bot's user agent when a token is in the URL or the header", () => {
    const doc = new Request("https://app.example/app?embedded=1&id_token=abc", { headers: { "user-agent": HEADLESS } });
    const judged = judgedByToken(doc);
    expect(judged).not.toBe(doc);
    expect(judged.headers.get("user-agent")).toBeNull();
    expect(judged.url).toBe(doc.url);

    const post = new Request("https://app.example/api/customer/orders/1/returns", {
      method: "POST",
      headers: { "user-agent": HEADLESS, authorization: "Bearer t.k.n", origin: "https://extensions.shopifycdn.com" },
      body: JSON.stringify({ a: 1 }),
    });
    const copy = judgedByToken(post);
    expect(copy.method).toBe("POST");
    expect(copy.headers.get("authorization")).toBe("Bearer t.k.n");
    expect(copy.headers.get("origin")).toBe("https://extensions.shopifycdn.com");
    // The route still reads the body of the original request.
    expect(post.bodyUsed).toBe(false);
  });

  it("does not count an empty Bearer or an empty id_token as a token", () => {
    expect(carriesSessionToken(new Request("https://a.example/app?id_token=", { headers: { authorization: "Bearer " } }))).toBe(false);
  });
});
