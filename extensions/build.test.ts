// Every extension builds on API 2026-07 and stays within the 16 KB compressed budget, and the customer-returns
// bundle carries the backend URL it was built for (never a committed placeholder).
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { BUDGET_BYTES, buildAll } from "./build";

const APP_URL = "https://returns.example-merchant-app.com";

describe("extension bundles", () => {
  it("build and fit the budget", async () => {
    const reports = await buildAll("esbuild", { appUrl: APP_URL });
    expect(reports.map((r) => r.name)).toEqual(["checkout-terms", "customer-returns"]);
    for (const r of reports) expect(r.gzip, r.name).toBeLessThanOrEqual(BUDGET_BYTES);
    const code = readFileSync(reports.find((r) => r.name === "customer-returns")!.file, "utf8");
    expect(code).toContain(JSON.stringify(APP_URL));
    expect(code).not.toContain('"https://example.com"');
  });
});
