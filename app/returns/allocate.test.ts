import { describe, expect, it } from "vitest";
import { allocateRefundToPayments, allocateReturnLines, type PaymentTransaction } from "./allocate";

const sale = (id: string, amountMinor: number, gateway = "shopify_payments"): PaymentTransaction => ({ id, kind: "SALE", status: "SUCCESS", gateway, amountMinor, parentId: null });
const refund = (parentId: string, amountMinor: number, status = "SUCCESS"): PaymentTransaction => ({ id: `r-${parentId}-${amountMinor}`, kind: "REFUND", status, gateway: "shopify_payments", amountMinor, parentId });

describe("allocateRefundToPayments", () => {
  it("two card payments: the one with the most left first, then the other", () => {
    expect(allocateRefundToPayments([sale("a", 3000), sale("b", 5000)], 6000)).toEqual({ ok: true, parts: [{ parentId: "b", amountMinor: 5000 }, { parentId: "a", amountMinor: 1000 }] });
    expect(allocateRefundToPayments([sale("a", 3000), sale("b", 5000)], 2000)).toEqual({ ok: true, parts: [{ parentId: "b", amountMinor: 2000 }] });
  });

  it("two card payments after a refund made in the Shopify admin: each gives back only what it still holds", () => {
    // 4500 of b was refunded in the admin: b holds 500, a 3000
    const txs = [sale("a", 3000), sale("b", 5000), refund("b", 4500)];
    expect(allocateRefundToPayments(txs, 3200)).toEqual({ ok: true, parts: [{ parentId: "a", amountMinor: 3000 }, { parentId: "b", amountMinor: 200 }] });
    expect(allocateRefundToPayments(txs, 3501)).toEqual({ ok: false, availableMinor: 3500 });
  });

  it("gift card plus card: both are payments, spread by what each holds", () => {
    const txs = [sale("gift", 2000, "gift_card"), sale("card", 4000)];
    expect(allocateRefundToPayments(txs, 5000)).toEqual({ ok: true, parts: [{ parentId: "card", amountMinor: 4000 }, { parentId: "gift", amountMinor: 1000 }] });
  });

  it("a partial earlier refund on a single payment leaves the rest, no more", () => {
    const txs = [sale("a", 5000), refund("a", 1500)];
    expect(allocateRefundToPayments(txs, 3500)).toEqual({ ok: true, parts: [{ parentId: "a", amountMinor: 3500 }] });
    expect(allocateRefundToPayments(txs, 3501)).toEqual({ ok: false, availableMinor: 3500 });
  });

  it("ignores failed and pending transactions, authorizations and refunds that failed", () => {
    const txs: PaymentTransaction[] = [
      sale("a", 5000),
      { id: "f", kind: "SALE", status: "FAILURE", gateway: "x", amountMinor: 9000, parentId: null },
      { id: "auth", kind: "AUTHORIZATION", status: "SUCCESS", gateway: "x", amountMinor: 9000, parentId: null },
      refund("a", 4000, "FAILURE"),
    ];
    expect(allocateRefundToPayments(txs, 5000)).toEqual({ ok: true, parts: [{ parentId: "a", amountMinor: 5000 }] });
  });

  it("ties keep Shopify's order; nothing to refund is no parts", () => {
    expect(allocateRefundToPayments([sale("a", 1000), sale("b", 1000)], 1500)).toEqual({ ok: true, parts: [{ parentId: "a", amountMinor: 1000 }, { parentId: "b", amountMinor: 500 }] });
    expect(allocateRefundToPayments([sale("a", 1000)], 0)).toEqual({ ok: true, parts: [] });
  });
});

describe("allocateReturnLines with fees", () => {
  it("records the restocking fee on each planned line of a line it applies to", () => {
    const r = allocateReturnLines({
      returnable: { L1: [{ id: "F1", quantity: 1 }, { id: "F2", quantity: 2 }], L2: [{ id: "F3", quantity: 1 }] },
      awaiting: new Map(),
      reasonIds: { other: "R" },
      lines: [
        { lineItemId: "L1", quantity: 2, note: "", reasonHandle: null, restockingPercentage: 12.5 },
        { lineItemId: "L2", quantity: 1, note: "", reasonHandle: null },
      ],
    });
    expect(r.ok && r.plan).toEqual([
      { fulfillmentLineItemId: "F1", quantity: 1, returnReasonDefinitionId: "R", restockingFee: { percentage: 12.5 } },
      { fulfillmentLineItemId: "F2", quantity: 1, returnReasonDefinitionId: "R", restockingFee: { percentage: 12.5 } },
      { fulfillmentLineItemId: "F3", quantity: 1, returnReasonDefinitionId: "R" },
    ]);
  });
});
