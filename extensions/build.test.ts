// Every extension builds on API 2026-07 and stays within the 16 KB compressed budget, and the customer-returns
// bundles (the status block and menu item; the request page mounting the same form) carry the backend URL they
// were built for (never a committed placeholder).
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { BUDGET_BYTES, buildAll } from "./build";

const APP_URL = "https://returns.example-merchant-app.com";

describe("extension bundles", () => {
  it("build and fit the budget", async () => {
    const reports = await buildAll("esbuild", { appUrl: APP_URL });
    expect(reports.map((r) => r.name)).toEqual(["checkout-terms", "customer-returns", "customer-returns-page"]);
    for (const r of reports) expect(r.gzip, r.name).toBeLessThanOrEqual(BUDGET_BYTES);
    for (const name of ["customer-returns", "customer-returns-page"]) {
      const code = readFileSync(reports.find((r) => r.name === name)!.file, "utf8");
      expect(code, name).toContain(JSON.stringify(APP_URL));
      expect(code, name).not.toContain('"https://example.com"');
    }
    // the page is Shopify's full-page target alone: Shopify refuses any other target beside it
    expect(reports.find((r) => r.name === "customer-returns-page")!.targets).toBe(1);
  });
});
