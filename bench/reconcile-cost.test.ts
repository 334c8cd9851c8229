// The reconciliation's Admin cost as a budget (decision 160): one nodes read per 25 Returns, each read well
// under Shopify's 1,000-point single-query limit. `npm run bench reconcile-cost` prints the figures.
import { describe, expect, it } from "vitest";
import { measureReconciliation } from "./reconcile-cost.bench";

describe("money reconciliation cost", () => {
  it("reads 25 Returns in one Admin call of at most 250 points (40 calls per 1,000 requests)", async () => {
    const m = await measureReconciliation();
    expect(m.requests).toBe(25);
    expect(m.calls).toBe(1);
    expect(Math.max(...m.requested, ...m.actual)).toBeLessThanOrEqual(250);
  });
});
