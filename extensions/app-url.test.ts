// The customer-returns backend URL is generated, never a committed placeholder: deploy builds take it from
// SHOPIFY_APP_URL or stop, and the `shopify app dev` variant cannot end up in any other build.
import * as esbuild from "esbuild";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { AppUrlError, deployAppUrl, devModule, fixedModule, readAppUrlModule, writeAppUrlModule } from "./app-url";

const tmp = mkdtempSync(path.join(os.tmpdir(), "app-url-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Bundles `entry` the way Shopify CLI bundles a UI extension: env values as process.env.* defines. */
async function cliBundle(entry: string, env: Record<string, string>) {
  const define = Object.fromEntries(Object.entries(env).map(([k, v]) => [`process.env.${k}`, JSON.stringify(v)]));
  const r = await esbuild.build({ entryPoints: [entry], bundle: true, format: "esm", write: false, target: "es6", define, logLevel: "silent" });
  return r.outputFiles[0]!.text;
}

describe("deployAppUrl", () => {
  it("stops a deploy build without SHOPIFY_APP_URL, naming the variable and what to do", () => {
    expect(() => deployAppUrl({})).toThrow(AppUrlError);
    expect(() => deployAppUrl({ SHOPIFY_APP_URL: " " })).toThrow(/SHOPIFY_APP_URL is not set.*public https address/);
  });

  it("refuses placeholders, this machine and plain http, and accepts a real https address", () => {
    for (const bad of ["https://example.com", "http://localhost:3000", "https://127.0.0.1", "http://returns.shop.com"]) {
      expect(() => deployAppUrl({ SHOPIFY_APP_URL: bad }), bad).toThrow(/SHOPIFY_APP_URL/);
    }
    expect(deployAppUrl({ SHOPIFY_APP_URL: "https://returns.example-merchant-app.com/" })).toBe("https://returns.example-merchant-app.com");
  });
});

describe("the generated module", () => {
  it("round-trips a fixed URL and tells a missing, a dev and a foreign file apart", () => {
    const file = path.join(tmp, "app-url.ts");
    expect(readAppUrlModule(file)).toEqual({ kind: "missing" });
    expect(writeAppUrlModule(fixedModule("https://a.shop-app.com/"), file)).toBe(true);
    expect(writeAppUrlModule(fixedModule("https://a.shop-app.com/"), file)).toBe(false);
    expect(readAppUrlModule(file)).toEqual({ kind: "fixed", url: "https://a.shop-app.com" });
    writeAppUrlModule(devModule(), file);
    expect(readAppUrlModule(file)).toEqual({ kind: "dev" });
    writeFileSync(file, "export const APP_URL = process.env.X;\n");
    expect(readAppUrlModule(file)).toEqual({ kind: "unreadable" });
  });

  it("dev variant: `shopify app dev` bundles the tunnel URL; a deploy build of it fails to resolve", async () => {
    const dir = mkdtempSync(path.join(tmp, "dev-"));
    writeFileSync(path.join(dir, "app-url.ts"), devModule());
    writeFileSync(path.join(dir, "entry.ts"), 'import { APP_URL } from "./app-url";\nexport const u = APP_URL;\n');
    const dev = await cliBundle(path.join(dir, "entry.ts"), { NODE_ENV: "development", APP_URL: "https://abc.trycloudflare.com" });
    expect(dev).toContain('"https://abc.trycloudflare.com"');
    expect(dev).not.toContain("require");
    const deploy = cliBundle(path.join(dir, "entry.ts"), { NODE_ENV: "production" });
    await expect(deploy).rejects.toThrow(/app-url--dev-only--set-SHOPIFY_APP_URL/);
  });

  it("a build with no generated module fails instead of calling a placeholder", async () => {
    const dir = mkdtempSync(path.join(tmp, "none-"));
    writeFileSync(path.join(dir, "entry.ts"), 'import { APP_URL } from "./app-url";\nexport const u = APP_URL;\n');
    await expect(cliBundle(path.join(dir, "entry.ts"), { NODE_ENV: "production" })).rejects.toThrow(/Could not resolve "\.\/app-url"/);
  });
});
