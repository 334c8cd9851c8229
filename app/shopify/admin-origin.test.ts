import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import {
  adminOriginFor,
  allowAdminOriginToFrame,
  assertNoDevelopmentRedirects,
  installAdminOriginOverride,
  parseAdminOrigin,
  rewriteShopUrl,
  withAdminOrigin,
} from "./admin-origin.server";

describe("SHOPIFY_ADMIN_ORIGIN", () => {
  it("is off unless set, and must be a bare http(s) origin", () => {
    expect(parseAdminOrigin(undefined)).toBeUndefined();
    expect(parseAdminOrigin("")).toBeUndefined();
    expect(parseAdminOrigin("http://127.0.0.1:4100")).toBe("http://127.0.0.1:4100");
    expect(() => parseAdminOrigin("127.0.0.1:4100")).toThrow(/SHOPIFY_ADMIN_ORIGIN/);
    expect(() => parseAdminOrigin("http://127.0.0.1:4100/admin")).toThrow(/without path/);
    expect(() => parseAdminOrigin("ftp://x")).toThrow(/http/);
  });

  it("must be a loopback address: tokens and the client secret never go to another host", () => {
    expect(parseAdminOrigin("http://localhost:4100")).toBe("http://localhost:4100");
    expect(parseAdminOrigin("http://[::1]:4100")).toBe("http://[::1]:4100");
    expect(parseAdminOrigin("http://127.0.0.2:4100")).toBe("http://127.0.0.2:4100");
    for (const elsewhere of ["https://standin.example.com", "http://10.0.0.5:4100", "http://127.0.0.1.nip.io:4100", "http://localhost.example.com"]) {
      expect(() => parseAdminOrigin(elsewhere), elsewhere).toThrow(/must be a loopback address/);
    }
  });

  it("is refused in production, naming the variable; without it production talks to https://<shop>", () => {
    const prod = { NODE_ENV: "production" };
    expect(() => parseAdminOrigin("http://127.0.0.1:4100", prod)).toThrow(/SHOPIFY_ADMIN_ORIGIN is set while NODE_ENV=production/);
    expect(() => adminOriginFor("demo-returns.myshopify.com", { ...prod, SHOPIFY_ADMIN_ORIGIN: "http://127.0.0.1:4100" })).toThrow(/unset it in production/);
    expect(() => installAdminOriginOverride({ ...prod, SHOPIFY_ADMIN_ORIGIN: "http://127.0.0.1:4100" })).toThrow(/SHOPIFY_ADMIN_ORIGIN/);
    expect(() => assertNoDevelopmentRedirects({ ...prod, SHOPIFY_APP_BRIDGE_URL: "http://127.0.0.1:4000/app-bridge.js" })).toThrow(/SHOPIFY_APP_BRIDGE_URL is set while NODE_ENV=production/);
    expect(adminOriginFor("demo-returns.myshopify.com", prod)).toBe("https://demo-returns.myshopify.com");
    expect(() => assertNoDevelopmentRedirects({ ...prod, SHOPIFY_ADMIN_ORIGIN: "" })).not.toThrow();
    expect(() => assertNoDevelopmentRedirects({ NODE_ENV: "test", SHOPIFY_ADMIN_ORIGIN: "http://127.0.0.1:4100" })).not.toThrow();
  });

  it("adminOriginFor validates the shop and honours the override", () => {
    expect(adminOriginFor("demo-returns.myshopify.com", {})).toBe("https://demo-returns.myshopify.com");
    expect(adminOriginFor("demo-returns.myshopify.com", { SHOPIFY_ADMIN_ORIGIN: "http://127.0.0.1:4100" })).toBe("http://127.0.0.1:4100");
    expect(() => adminOriginFor("evil.example.com", {})).toThrow(/shop/);
  });

  it("rewrites only https://<shop>.myshopify.com URLs, keeping path and query", () => {
    const o = "http://127.0.0.1:4100";
    expect(rewriteShopUrl("https://demo-returns.myshopify.com/admin/oauth/access_token?x=1", o)).toEqual({
      url: "http://127.0.0.1:4100/admin/oauth/access_token?x=1",
      shop: "demo-returns.myshopify.com",
    });
    expect(rewriteShopUrl("https://example.com/admin/api/2026-07/graphql.json", o)).toEqual({
      url: "https://example.com/admin/api/2026-07/graphql.json",
    });
    expect(rewriteShopUrl("https://demo-returns.myshopify.com/x", undefined)).toEqual({ url: "https://demo-returns.myshopify.com/x" });
  });

  it("the wrapped fetch changes the address only: same method, body and auth headers", async () => {
    const seen: { url: string; init?: RequestInit }[] = [];
    const inner = async (input: string | URL | Request, init?: RequestInit) => {
      seen.push({ url: String(input), init });
      return new Response("{}");
    };
    const f = withAdminOrigin(inner, "http://127.0.0.1:4100");
    await f("https://demo-returns.myshopify.com/admin/api/2026-07/graphql.json", {
      method: "POST",
      body: "{\"query\":\"{shop{id}}\"}",
      headers: { "X-Shopify-Access-Token": "shpat_1" },
    });
    expect(seen[0]!.url).toBe("http://127.0.0.1:4100/admin/api/2026-07/graphql.json");
    const h = new Headers(seen[0]!.init!.headers);
    expect(h.get("x-shopify-access-token")).toBe("shpat_1");
    expect(h.get("x-forwarded-host")).toBe("demo-returns.myshopify.com");
    expect(seen[0]!.init!.method).toBe("POST");
    expect(seen[0]!.init!.body).toBe("{\"query\":\"{shop{id}}\"}");
  });
});

describe("allowAdminOriginToFrame", () => {
  const shopifyCsp =
    "frame-ancestors https://demo-returns.myshopify.com https://admin.shopify.com https://*.spin.dev;";
  it("adds the configured local admin origin to frame-ancestors", () => {
    const h = new Headers({ "Content-Security-Policy": shopifyCsp });
    allowAdminOriginToFrame(h, { SHOPIFY_ADMIN_ORIGIN: "http://127.0.0.1:4000" });
    expect(h.get("Content-Security-Policy")).toBe(
      "frame-ancestors https://demo-returns.myshopify.com https://admin.shopify.com https://*.spin.dev http://127.0.0.1:4000;",
    );
  });
  it("leaves the header as the library wrote it when no origin is configured", () => {
    const h = new Headers({ "Content-Security-Policy": shopifyCsp });
    allowAdminOriginToFrame(h, {});
    expect(h.get("Content-Security-Policy")).toBe(shopifyCsp);
  });
  it("never opens a page that may not be framed at all", () => {
    const h = new Headers({ "Content-Security-Policy": "frame-ancestors 'none';" });
    allowAdminOriginToFrame(h, { SHOPIFY_ADMIN_ORIGIN: "http://127.0.0.1:4000" });
    expect(h.get("Content-Security-Policy")).toBe("frame-ancestors 'none';");
  });
});

describe("a production process with SHOPIFY_ADMIN_ORIGIN", () => {
  it("does not start: the job worker exits at once with the reason", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "returns-prod-guard-"));
    try {
      const run = promisify(execFile);
      const failure = await run(process.execPath, ["--import", "tsx", path.join("app", "jobs", "worker.ts")], {
        cwd: path.resolve(__dirname, "..", ".."),
        timeout: 60_000,
        env: {
          ...process.env,
          NODE_ENV: "production",
          SHOPIFY_ADMIN_ORIGIN: "http://127.0.0.1:4100",
          SHOPIFY_API_KEY: "k",
          SHOPIFY_API_SECRET: "s",
          SHOPIFY_APP_URL: "https://returns.example.com",
          DATABASE_URL: `file:${path.join(dir, "guard.sqlite")}`,
        },
      }).then(
        () => null,
        (e: { code?: number; stderr?: string; stdout?: string }) => e,
      );
      expect(failure).not.toBeNull();
      expect(failure!.code).not.toBe(0);
      expect(failure!.stderr).toMatch(/SHOPIFY_ADMIN_ORIGIN is set while NODE_ENV=production/);
      expect(failure!.stdout ?? "").not.toMatch(/job worker .* started/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 90_000);
});
