// Decision 220: a store credit with a bonus is Shopify's refund (what the order refunds) plus a credit
// outside the Return. Reconciliation compares the refund exactly with the refund, never with the
// bonus-included credit, and the bonus with the credit Shopify shows for it.
import { describe, expect, it } from "vitest";
import { checkMoney, storeCreditWithBonus, type AppMoney, type ShopifyMoney } from "./index";

const refundMinor = 5005;
const { creditMinor, bonusMinor } = storeCreditWithBonus(refundMinor, 1000);
const app: AppMoney = { requestId: "r1", orderName: "#1001", currency: "NZD", status: "credited", refundMinor, feesMinor: 0, settled: true, bonusMinor };
const shopify = (over: Partial<ShopifyMoney> = {}): ShopifyMoney => ({
  returnId: "gid://shopify/Return/1",
  refunds: [{ id: "gid://shopify/Refund/1", amountMinor: refundMinor, currency: "NZD" }],
  feesMinor: null,
  outsideReturn: [],
  ...over,
});

describe("reconciliation of store credit with a bonus", () => {
  it("the bonus is priced to the cent and is not drift: the refund matches to the minor unit", () => {
    expect({ creditMinor, bonusMinor }).toEqual({ creditMinor: 5506, bonusMinor: 501 });
    const check = checkMoney(app, shopify({ bonusCredits: [{ id: "gid://shopify/StoreCreditAccountCreditTransaction/9", amountMinor: bonusMinor, currency: "NZD" }] }));
    expect(check.drift).toEqual([]);
    expect(check.app).toMatchObject({ refundMinor, bonusMinor });
    expect(check.shopify).toMatchObject({ refundedMinor: refundMinor, bonusCreditedMinor: bonusMinor });
    // not read: nothing to compare, still no drift
    expect(checkMoney(app, shopify()).drift).toEqual([]);
  });

  it("the comparison stays exact: a refund of the bonus-included amount, or one cent off, is drift", () => {
    const whole = checkMoney(app, shopify({ refunds: [{ id: "gid://shopify/Refund/1", amountMinor: creditMinor, currency: "NZD" }] }));
    expect(whole.drift.map((d) => d.kind)).toEqual(["refund_amount"]);
    expect(whole.drift[0]!.message).toBe("The app shows NZ$50.05 given back; Shopify shows NZ$55.06.");
    const cent = checkMoney(app, shopify({ refunds: [{ id: "gid://shopify/Refund/1", amountMinor: refundMinor - 1, currency: "NZD" }] }));
    expect(cent.drift.map((d) => d.kind)).toEqual(["refund_amount"]);
  });

  it("a bonus Shopify does not show, or shows another amount of, is drift in words", () => {
    const missing = checkMoney(app, shopify({ bonusCredits: [] }));
    expect(missing.drift).toEqual([{ kind: "store_credit_bonus", message: "The app shows NZ$5.01 of store credit bonus; Shopify shows NZ$0.00 credited for it." }]);
    const other = checkMoney(app, shopify({ bonusCredits: [{ id: "x", amountMinor: 500, currency: "NZD" }] }));
    expect(other.drift.map((d) => d.kind)).toEqual(["store_credit_bonus"]);
  });
});
