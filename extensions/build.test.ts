// Every extension builds on API 2026-07 and stays within the 16 KB compressed budget.
import { describe, expect, it } from "vitest";
import { BUDGET_BYTES, buildAll } from "./build";

describe("extension bundles", () => {
  it("build and fit the budget", async () => {
    const reports = await buildAll("esbuild");
    expect(reports.map((r) => r.name)).toEqual(["checkout-terms", "customer-returns"]);
    for (const r of reports) expect(r.gzip, r.name).toBeLessThanOrEqual(BUDGET_BYTES);
  });
});
