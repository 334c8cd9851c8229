// The preflight's wiring against this repository: the committed shopify.app.toml keeps placeholder URLs,
// which the preflight refuses; a linked config on SHOPIFY_APP_URL (what `shopify app config link` writes,
// and what .ci/run checks) passes the address check. Each check's own cases are in scripts/preflight/.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { adminApiVersionOf, configPath, formatReport, preflight } from "./preflight";
import { SECURITY_CHECKS } from "./preflight/security-checks";

const ROOT = path.resolve(__dirname, "..");
const APP = "https://returns.example-merchant-app.com";
const tmp = mkdtempSync(path.join(os.tmpdir(), "preflight-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe("preflight wiring", () => {
  it("reads the Admin API version the server pins and resolves --config like the CLI", () => {
    expect(adminApiVersionOf(readFileSync(path.join(ROOT, "app/shopify.server.ts"), "utf8"))).toBe("2026-07");
    expect(configPath("/r", undefined)).toBe("/r/shopify.app.toml");
    expect(configPath("/r", "production")).toBe("/r/shopify.app.production.toml");
    expect(configPath("/r", "/tmp/x.toml")).toBe("/tmp/x.toml");
  });

  it("refuses the committed placeholder addresses, and runs every security check by id", async () => {
    const r = await preflight({ root: ROOT, env: {} });
    const addresses = r.sections.find((s) => s.title === "App addresses")!;
    expect(addresses.problems.join("\n")).toMatch(/application_url https:\/\/example\.com is a placeholder/);
    expect(r.failed).toBe(true);
    expect(r.security.map((c) => c.id)).toEqual(SECURITY_CHECKS.map((c) => c.id));
    expect(r.sections.find((s) => s.title === "Webhook API version")!.problems).toEqual([]);
    const text = formatReport(r);
    expect(text).toMatch(/^FAIL {2}App addresses: shopify\.app\.toml application_url/m);
    expect(text).toMatch(/^needs a person: DEPENDENCY_REACHABILITY/m);
  }, 60_000);

  it("accepts a config linked to the app's address, and holds it to SHOPIFY_APP_URL", async () => {
    const linked = readFileSync(path.join(ROOT, "shopify.app.toml"), "utf8").replaceAll("https://example.com", APP);
    const file = path.join(tmp, "shopify.app.linked.toml");
    writeFileSync(file, linked);
    const ok = await preflight({ root: ROOT, config: file, env: { SHOPIFY_APP_URL: APP } });
    expect(ok.sections.find((s) => s.title === "App addresses")!.problems).toEqual([]);
    const other = await preflight({ root: ROOT, config: file, env: { SHOPIFY_APP_URL: "https://elsewhere.shop-app.com" } });
    expect(other.sections.find((s) => s.title === "App addresses")!.problems[0]).toMatch(/is not SHOPIFY_APP_URL https:\/\/elsewhere\.shop-app\.com/);
  }, 60_000);
});
