/**
 * No credential survives into a log line: session tokens (JWTs, in id_token or anywhere), embedded
 * URL parameters (session, hmac), Authorization / X-Shopify-Access-Token headers, Shopify access
 * tokens; and the filter sits on the process's stdout/stderr, so it holds for every writer.
 */
import { createHmac } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { installLogRedaction, redactSecrets } from "./redact";

const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString("base64url");
const JWT = (() => {
  const h = b64({ alg: "HS256", typ: "JWT" });
  const p = b64({ iss: "https://demo.myshopify.com/admin", dest: "https://demo.myshopify.com", aud: "k", sub: "42", exp: 2e9 });
  return `${h}.${p}.${createHmac("sha256", "s").update(`${h}.${p}`).digest("base64url")}`;
})();
const SESSION = "3b1f0c0a9d6e4c1b8a2f7e5d4c3b2a19";
const HMAC = "f2b1c0d9e8a7b6c5d4e3f2a1b0c9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a3b2c1";

describe("redactSecrets", () => {
  const lines: [string, string][] = [
    ["remix-serve's access log line of an embedded load", `GET /app?embedded=1&hmac=${HMAC}&host=YWRtaW4&id_token=${JWT}&locale=en&session=${SESSION}&shop=demo.myshopify.com&timestamp=1751328000 200 5123 - 12.345 ms`],
    ["the bounce page's reload URL, percent-encoded", `GET /auth/session-token?shop=demo.myshopify.com&shopify-reload=%2Fapp%3Fembedded%3D1%26id_token%3D${JWT}%26session%3D${SESSION}%26shop%3Ddemo 200`],
    ["an error logged with the request's headers (util.inspect)", `{ host: 'x', authorization: 'Bearer ${JWT}', 'x-shopify-access-token': 'shpat_0123456789abcdef' }`],
    ["a JSON log with headers", `{"Authorization":"Bearer ${JWT}","X-Shopify-Access-Token":"shpat_abc123"}`],
    ["the library's token error message", `InvalidJwtError: Failed to parse session token '${JWT}': signature verification failed`],
    ["an access token in free text", "stored session offline_demo.myshopify.com with shpat_9f8e7d6c5b4a"],
  ];
  it.each(lines)("%s", (_label, line) => {
    const out = redactSecrets(line);
    for (const secret of [JWT, JWT.split(".")[2]!, SESSION, HMAC, "shpat_0123456789abcdef", "shpat_abc123", "shpat_9f8e7d6c5b4a"]) expect(out).not.toContain(secret);
    expect(out).toContain("[redacted]");
  });

  it("keeps what the lines are for: method, path, shop, status, timings", () => {
    const out = redactSecrets(lines[0]![1]);
    expect(out).toBe("GET /app?embedded=1&hmac=[redacted]&host=YWRtaW4&id_token=[redacted]&locale=en&session=[redacted]&shop=demo.myshopify.com&timestamp=1751328000 200 5123 - 12.345 ms");
  });
});

describe("installLogRedaction", () => {
  it("filters what anything writes to stdout and stderr (console, a logger writing the stream directly, Buffers)", () => {
    const written: string[] = [];
    const spies = [process.stdout, process.stderr].map((stream) =>
      vi.spyOn(stream, "write").mockImplementation(((chunk: unknown) => {
        written.push(typeof chunk === "string" ? chunk : Buffer.from(chunk as Uint8Array).toString("utf8"));
        return true;
      }) as typeof stream.write),
    );
    try {
      installLogRedaction();
      console.log(`GET /app?id_token=${JWT} 200`);
      console.error("request failed", { headers: { authorization: `Bearer ${JWT}` } });
      process.stdout.write(Buffer.from(`GET /app?session=${SESSION}&hmac=${HMAC} 302\n`));
    } finally {
      for (const s of spies) s.mockRestore();
    }
    const all = written.join("");
    expect(all).toContain("GET /app?");
    for (const secret of [JWT, SESSION, HMAC]) expect(all).not.toContain(secret);
  });
});
