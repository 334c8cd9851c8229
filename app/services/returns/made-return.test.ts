import { describe, expect, it } from "vitest";
import { madeReturnCandidates, madeSince, type PlannedReturnLine, type SeenReturn } from "./made-return";

const FLI_A = "gid://shopify/FulfillmentLineItem/1";
const FLI_B = "gid://shopify/FulfillmentLineItem/2";
const REASON = "gid://shopify/ReturnReasonDefinition/7";
const OTHER_REASON = "gid://shopify/ReturnReasonDefinition/8";
const stored = new Date("2026-11-20T01:00:00Z");

const plan: PlannedReturnLine[] = [
  { fulfillmentLineItemId: FLI_A, quantity: 1, returnReasonDefinitionId: REASON, customerNote: "Too small" },
  { fulfillmentLineItemId: FLI_B, quantity: 2, returnReasonDefinitionId: REASON },
];

function ret(id: number, minutesAfter: number, lines: SeenReturn["lines"]): SeenReturn {
  return { id: `gid://shopify/Return/${id}`, status: "REQUESTED", createdAt: new Date(stored.getTime() + minutesAfter * 60_000).toISOString(), lines };
}
const asPlanned = (reason = REASON, note: string | null = "Too small"): SeenReturn["lines"] => [
  { fulfillmentLineItemId: FLI_B, quantity: 2, returnReasonDefinitionId: reason, customerNote: null },
  { fulfillmentLineItemId: FLI_A, quantity: 1, returnReasonDefinitionId: reason, customerNote: note },
];

describe("the Return a submission made", () => {
  const since = madeSince({ createdAt: stored });

  it("holds exactly the planned fulfillment line items and quantities, in any order", () => {
    const exact = ret(1, 0, asPlanned());
    const fewer = ret(2, 0, [{ fulfillmentLineItemId: FLI_A, quantity: 1, returnReasonDefinitionId: REASON, customerNote: "Too small" }]);
    const more = ret(3, 0, [...asPlanned(), { fulfillmentLineItemId: "gid://shopify/FulfillmentLineItem/3", quantity: 1, returnReasonDefinitionId: null, customerNote: null }]);
    expect(madeReturnCandidates(plan, [fewer, more, exact], since).map((r) => r.id)).toEqual([exact.id]);
    // a plan that splits one fulfillment line item over two lines matches the summed quantity
    const split: PlannedReturnLine[] = [
      { fulfillmentLineItemId: FLI_A, quantity: 1 },
      { fulfillmentLineItemId: FLI_A, quantity: 2 },
    ];
    const merged = ret(4, 0, [{ fulfillmentLineItemId: FLI_A, quantity: 3, returnReasonDefinitionId: null, customerNote: null }]);
    expect(madeReturnCandidates(split, [merged], since)).toEqual([merged]);
  });

  it("was created after the request was stored (less a margin for the clocks), never before", () => {
    const before = ret(1, -10, asPlanned());
    const skewed = ret(2, -1, asPlanned());
    expect(madeReturnCandidates(plan, [before, skewed], since).map((r) => r.id)).toEqual([skewed.id]);
  });

  it("prefers the one whose reasons and notes are the planned ones, then the oldest", () => {
    const otherReason = ret(1, 1, asPlanned(OTHER_REASON));
    const otherNote = ret(2, 2, asPlanned(REASON, "Changed my mind"));
    const laterMatch = ret(3, 4, asPlanned());
    const firstMatch = ret(4, 3, asPlanned(REASON, "  Too small "));
    expect(madeReturnCandidates(plan, [otherReason, otherNote, laterMatch, firstMatch], since).map((r) => r.id)).toEqual([firstMatch.id, laterMatch.id, otherReason.id, otherNote.id]);
  });
});
