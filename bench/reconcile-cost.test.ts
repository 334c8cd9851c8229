// The reconciliation's Admin cost as a budget (decision 160): one nodes read per 25 Returns (and one per 100
// store credit bonus credits, decision 220), each read well
// under Shopify's 1,000-point single-query limit. `npm run bench reconcile-cost` prints the figures.
import { describe, expect, it } from "vitest";
import { measureReconciliation } from "./reconcile-cost.bench";

describe("money reconciliation cost", () => {
  it("reads 25 Returns in one Admin call of at most 250 points (40 calls per 1,000 requests), and their bonus credits in one more", async () => {
    const m = await measureReconciliation();
    expect(m.requests).toBe(25);
    // the Returns read, and one read of the 25 bonus credits (decision 220)
    expect(m.calls).toBe(2);
    expect(Math.max(...m.requested, ...m.actual)).toBeLessThanOrEqual(250);
    // a full bonus read (100 credits) stays far under the 1,000-point limit
    expect(m.bonusRead.ids).toBe(100);
    expect(Math.max(m.bonusRead.requested, m.bonusRead.actual)).toBeLessThanOrEqual(500);
  });
});
