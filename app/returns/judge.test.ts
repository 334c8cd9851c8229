import { describe, expect, it } from "vitest";
import { allocateReturnLines } from "./allocate";
import { judge, JudgeInputError, type RequestedLine } from "./judge";
import { orderSchema, type Shop } from "./order";
import { presets } from "./presets";

const NZ: Shop = { country: "NZ", timezone: "Pacific/Auckland", currency: "NZD" };
const order = orderSchema.parse({
  id: "gid://shopify/Order/1",
  processedAt: "2026-02-25T09:00:00Z",
  currency: "NZD",
  salesChannel: "online_store",
  shippingCountry: "NZ",
  lines: [
    { id: "L1", title: "Mug", quantity: 2, unitPrice: "10.00", fulfilledQuantity: 2, fulfilledAt: "2026-02-26T02:00:00Z", deliveredAt: "2026-03-01T03:00:00Z" },
    { id: "L2", title: "Tote", quantity: 1, unitPrice: "25.50", fulfilledQuantity: 1, fulfilledAt: "2026-02-26T02:00:00Z", deliveredAt: "2026-03-01T03:00:00Z" },
  ],
});
const line = (over: Partial<RequestedLine> = {}): RequestedLine => ({ lineItemId: "L1", quantity: 1, reason: "UNWANTED", conditions: ["unused", "unopened", "tags_attached", "original_packaging"], photos: 0, note: "", ...over });
const policy = presets["standard-30-day"];

describe("judge", () => {
  it("judges each line and prices only the eligible ones", () => {
    const inWindow = judge({ policy, order, shop: NZ, now: new Date("2026-03-05T00:00:00Z"), locale: "en", lines: [line({ quantity: 2 }), line({ lineItemId: "L2" })] });
    expect(inWindow.verdicts.map((v) => v.eligible)).toEqual([true, true]);
    expect(inWindow.refund.lines).toHaveLength(2);
    const late = judge({ policy, order, shop: NZ, now: new Date("2026-06-05T00:00:00Z"), locale: "en", lines: [line()] });
    expect(late.verdicts[0]).toMatchObject({ lineItemId: "L1", eligible: false });
    expect(late.verdicts[0]!.codes).toContain("OUTSIDE_WINDOW");
    expect(late.refund.totalMinor).toBe(0);
    expect(late.refund.lines).toHaveLength(0);
  });

  it("names the request field of a line the order does not have", () => {
    const at = (lines: RequestedLine[]) => {
      try {
        judge({ policy, order, shop: NZ, now: new Date("2026-03-05T00:00:00Z"), locale: "en", lines });
      } catch (e) {
        expect(e).toBeInstanceOf(JudgeInputError);
        return (e as JudgeInputError).field;
      }
      return null;
    };
    expect(at([line(), line({ lineItemId: "L9" })])).toBe("lines[1].lineItemId");
  });
});

describe("allocateReturnLines", () => {
  const returnable = { L1: [{ id: "F1", quantity: 1 }, { id: "F2", quantity: 2 }], L2: [{ id: "F3", quantity: 1 }] };
  const reasonIds = { "size-too-small": "R-size", other: "R-other" };

  it("takes each line's units from its fulfillment line items in order, with reason ids and notes", () => {
    const a = allocateReturnLines({
      returnable,
      awaiting: new Map(),
      reasonIds,
      lines: [
        { lineItemId: "L1", quantity: 2, note: "small", reasonHandle: "size-too-small" },
        { lineItemId: "L2", quantity: 1, note: "", reasonHandle: "unknown" },
      ],
    });
    expect(a).toEqual({
      ok: true,
      plan: [
        { fulfillmentLineItemId: "F1", quantity: 1, returnReasonDefinitionId: "R-size", customerNote: "small" },
        { fulfillmentLineItemId: "F2", quantity: 1, returnReasonDefinitionId: "R-size", customerNote: "small" },
        { fulfillmentLineItemId: "F3", quantity: 1, returnReasonDefinitionId: "R-other" },
      ],
      firstFulfillmentLineItem: ["F1", "F3"],
    });
  });

  it("leaves the units stored requests await (from the last fulfillment line item) and refuses more", () => {
    const a = allocateReturnLines({ returnable, awaiting: new Map([["L1", 2]]), reasonIds: {}, lines: [{ lineItemId: "L1", quantity: 1, note: "", reasonHandle: null }] });
    expect(a).toEqual({ ok: true, plan: [{ fulfillmentLineItemId: "F1", quantity: 1 }], firstFulfillmentLineItem: ["F1"] });
    const over = allocateReturnLines({ returnable, awaiting: new Map([["L1", 2]]), reasonIds: {}, lines: [{ lineItemId: "L2", quantity: 1, note: "", reasonHandle: null }, { lineItemId: "L1", quantity: 2, note: "", reasonHandle: null }] });
    expect(over).toEqual({ ok: false, line: 1, available: 1 });
    expect(returnable.L1[1]!.quantity).toBe(2); // the input is not consumed
  });

  it("falls back to Shopify's other-reason handle", () => {
    const a = allocateReturnLines({ returnable, awaiting: new Map(), reasonIds: { "other-reason": "R-o" }, lines: [{ lineItemId: "L2", quantity: 1, note: "", reasonHandle: null }] });
    expect(a.ok && a.plan[0]!.returnReasonDefinitionId).toBe("R-o");
  });
});
