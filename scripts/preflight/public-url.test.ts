import { describe, expect, it } from "vitest";
import { normaliseUrl, publicUrlProblem, sameOrigin } from "./public-url";

describe("publicUrlProblem", () => {
  it("refuses the exact placeholder hosts, this machine, http: and dev tunnels", () => {
    for (const u of ["https://example.com", "https://www.example.com/x", "https://example.org", "http://localhost:3000", "https://127.0.0.1", "https://0.0.0.0", "https://app.localhost"]) {
      expect(publicUrlProblem(u), u).toMatch(/placeholder or this machine/);
    }
    expect(publicUrlProblem("http://returns.shop-app.com")).toMatch(/uses http: but Shopify only calls apps over https:/);
    expect(publicUrlProblem("https://abc-def.trycloudflare.com")).toMatch(/tunnel/);
    expect(publicUrlProblem("")).toBe("is empty");
    expect(publicUrlProblem("returns")).toBe("is not a URL");
  });

  it("accepts a real host even when its name contains 'example'", () => {
    expect(publicUrlProblem("https://returns.example-merchant-app.com")).toBeNull();
    expect(publicUrlProblem("https://shop.example.com.au")).toBeNull();
  });

  it("compares addresses by origin, and without a trailing slash", () => {
    expect(sameOrigin("https://a.shop-app.com/auth/callback", "https://a.shop-app.com")).toBe(true);
    expect(sameOrigin("https://a.shop-app.com", "https://b.shop-app.com")).toBe(false);
    expect(normaliseUrl("https://a.shop-app.com//")).toBe("https://a.shop-app.com");
  });
});
