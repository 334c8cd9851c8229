import { describe, expect, it } from "vitest";
import { judge } from "./judge";
import { orderSchema, type Shop } from "./order";
import { getPreset } from "./presets";
import { buildStoredVerdict, plannedShippingFeeOf, parseStoredVerdict, planOf, StoredVerdictError, verdictLineFor, verdictOf } from "./verdict";

const PLAN = [{ fulfillmentLineItemId: "gid://shopify/FulfillmentLineItem/1", quantity: 2, returnReasonDefinitionId: "gid://shopify/ReturnReasonDefinition/9", customerNote: "too small" }];

describe("parseStoredVerdict reads every shape the app stored", () => {
  it("a shopper submission with plan, trace and fingerprint", () => {
    const stored = {
      locale: "fr",
      requestedResolution: "replacement",
      decision: "approve",
      policyId: "standard-30-day",
      policyVersion: 3,
      policySource: "in_force",
      evaluatedAt: "2026-11-01T00:00:00.000Z",
      lines: [
        {
          lineItemId: "gid://shopify/LineItem/1",
          eligible: true,
          route: "return",
          codes: [],
          deadline: "2026-11-30T10:59:59.999Z",
          explanation: "Returnable until 30 November",
          trace: [{ rule: "window:change_of_mind", pass: true, code: "OUTSIDE_WINDOW", detail: "deadline 2026-11-30" }],
        },
      ],
      refund: { totalMinor: 4500, restockingMinor: 0, returnShippingFeeMinor: 500, cappedByRefundable: false },
      plan: { returnLineItems: PLAN },
      requestFingerprint: "abc",
    };
    const v = parseStoredVerdict(stored);
    expect(v).toEqual(stored);
    expect(planOf(v)).toEqual(PLAN);
    expect(verdictLineFor(v, "gid://shopify/LineItem/1")?.explanation).toBe("Returnable until 30 November");
  });

  it("a first-version submission (no trace, no fingerprint) and a self-serve import (no plan)", () => {
    const first = parseStoredVerdict({ locale: "en", requestedResolution: "refund", decision: "review", lines: [{ lineItemId: "gid://shopify/LineItem/1", eligible: true, route: "return", codes: [], deadline: null, explanation: "" }], plan: { returnLineItems: PLAN } });
    expect(first.requestFingerprint).toBeUndefined();
    expect(first.lines![0]!.trace).toBeUndefined();
    const imported = parseStoredVerdict({ locale: "en", decision: "review", attestations: "not_collected", policyId: "p", policyVersion: 1, policySource: "preset", lines: [] });
    expect(planOf(imported)).toBeNull();
    expect(imported.attestations).toBe("not_collected");
  });

  it("a plan whose notes were erased, JSON text, and nothing stored", () => {
    const erased = parseStoredVerdict(JSON.stringify({ plan: { returnLineItems: [{ fulfillmentLineItemId: "gid://shopify/FulfillmentLineItem/1", quantity: 1 }] } }));
    expect(planOf(erased)).toEqual([{ fulfillmentLineItemId: "gid://shopify/FulfillmentLineItem/1", quantity: 1 }]);
    expect(parseStoredVerdict(null)).toEqual({});
    expect(parseStoredVerdict(undefined)).toEqual({});
    expect(planOf(parseStoredVerdict({ plan: { returnLineItems: [] } }))).toBeNull();
  });

  it("lines keyed by the engine's lineId read as lineItemId", () => {
    const v = parseStoredVerdict({ lines: [{ lineId: "gid://shopify/LineItem/7", explanation: "x" }] });
    expect(v.lines).toEqual([{ lineItemId: "gid://shopify/LineItem/7", explanation: "x" }]);
  });

  it("lines stored without ids take the request's line ids by position, and only then", () => {
    const row = { verdict: { decision: "decline", lines: [{ explanation: "closed" }, { explanation: "also closed" }] }, lines: [{ lineItemId: "gid://shopify/LineItem/1" }, { lineItemId: "gid://shopify/LineItem/2" }] };
    const v = verdictOf(row);
    expect(verdictLineFor(v, "gid://shopify/LineItem/2")?.explanation).toBe("also closed");
    expect(() => parseStoredVerdict(row.verdict)).toThrow(/lines\[0\]\.lineItemId/);
  });

  it("keeps unknown fields out and tolerates them", () => {
    expect(parseStoredVerdict({ eligible: true, codes: ["X"], decision: "review" })).toEqual({ eligible: true, decision: "review" });
  });
});

describe("parseStoredVerdict refuses what the app never wrote, naming the field", () => {
  it.each([
    [[1, 2], "(root)"],
    ["{not json", "(root)"],
    [{ decision: "maybe" }, "decision"],
    [{ lines: [{ lineItemId: "gid://shopify/LineItem/1", eligible: "yes" }] }, "lines[0].eligible"],
    [{ plan: { returnLineItems: [{ fulfillmentLineItemId: "f", quantity: 0 }] } }, "plan.returnLineItems[0].quantity"],
    [{ plan: { returnLineItems: [{ quantity: 1 }] } }, "plan.returnLineItems[0].fulfillmentLineItemId"],
    [{ refund: { totalMinor: 1.5, restockingMinor: 0, returnShippingFeeMinor: 0, cappedByRefundable: false } }, "refund.totalMinor"],
    [{ locale: "xx" }, "locale"],
  ])("%j -> %s", (value, field) => {
    let err: unknown;
    try {
      parseStoredVerdict(value);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(StoredVerdictError);
    expect((err as StoredVerdictError).field).toBe(field);
    expect((err as Error).message).toContain(`stored verdict ${field}`);
  });
});

describe("buildStoredVerdict", () => {
  const policy = getPreset("standard-30-day")!;
  const order = orderSchema.parse({
    id: "gid://shopify/Order/1",
    processedAt: "2026-11-01T00:00:00Z",
    currency: "NZD",
    salesChannel: "online_store",
    shippingCountry: "NZ",
    lines: [{ id: "gid://shopify/LineItem/1", title: "Mug", quantity: 2, unitPrice: "20.00", fulfilledQuantity: 2, fulfilledAt: "2026-11-01T02:00:00Z", deliveredAt: "2026-11-02T00:00:00Z" }],
  });
  const shop: Shop = { country: "NZ", timezone: "Pacific/Auckland", currency: "NZD" };

  it("writes what the parser reads back unchanged", () => {
    const { evaluation, refund } = judge({ policy, order, shop, now: new Date("2026-11-05T00:00:00Z"), locale: "en", lines: [{ lineItemId: "gid://shopify/LineItem/1", quantity: 1, reason: "UNWANTED", conditions: [], photos: 0, note: "" }] });
    const v = buildStoredVerdict({ evaluation, refund, policySource: "preset", locale: "en", requestedResolution: "refund", withTrace: true, plan: PLAN, requestFingerprint: "fp" });
    expect(parseStoredVerdict(JSON.parse(JSON.stringify(v)))).toEqual(v);
    expect(v.lines![0]!.trace!.length).toBeGreaterThan(0);
    expect(v.decision).toBe(evaluation.decision);
    const imported = buildStoredVerdict({ evaluation, refund, policySource: "preset", locale: "en", decision: "review", attestations: "not_collected" });
    expect(imported).not.toHaveProperty("plan");
    expect(imported).not.toHaveProperty("requestedResolution");
    expect(imported.lines![0]).not.toHaveProperty("trace");
    expect(imported.decision).toBe("review");
  });

  it("an order paid in yen: money in yen, NZD beside it, fees in the plan, all read back unchanged", () => {
    const fees = { ...policy, fees: { restockingBps: 1250, returnShippingFeeMinor: 850, appliesTo: ["change_of_mind" as const] } };
    const jpy = orderSchema.parse({
      ...order,
      currency: "JPY",
      shopMoney: { currency: "NZD", total: "100.00", presentmentTotal: "9000" },
      lines: [{ ...order.lines[0]!, unitPrice: "4500" }],
    });
    const { evaluation, refund } = judge({ policy: fees, order: jpy, shop, now: new Date("2026-11-05T00:00:00Z"), locale: "en", lines: [{ lineItemId: "gid://shopify/LineItem/1", quantity: 1, reason: "UNWANTED", conditions: ["unused", "original_packaging"], photos: 0, note: "" }] });
    expect(refund).toMatchObject({ currency: "JPY", restockingMinor: 563, returnShippingFeeMinor: 765, totalMinor: 3172, restockingPercentage: 12.5 });
    const plan = [{ ...PLAN[0]!, restockingFee: { percentage: 12.5 } }];
    const shippingFee = { amount: { amount: "765", currencyCode: "JPY" } };
    const v = buildStoredVerdict({ evaluation, refund, policySource: "preset", locale: "en", plan, shippingFee });
    const back = parseStoredVerdict(JSON.parse(JSON.stringify(v)));
    expect(back).toEqual(v);
    expect(back.refund?.shop).toEqual({ currency: "NZD", totalMinor: 3524, feesMinor: 1476 });
    expect(planOf(back)).toEqual(plan);
    expect(plannedShippingFeeOf(back)).toEqual(shippingFee);
    expect(plannedShippingFeeOf(parseStoredVerdict({ plan: { returnLineItems: PLAN } }))).toBeNull();
    expect(() => parseStoredVerdict({ plan: { returnLineItems: [{ ...PLAN[0]!, restockingFee: { percentage: 150 } }] } })).toThrow(StoredVerdictError);
  });
});
