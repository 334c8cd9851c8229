// Property tests: invariants that must hold for any order, request and moment.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evaluate } from "./engine";
import { computeRefund, parseMoney, toDecimalString } from "./money";
import { orderSchema, type Order, type ReturnRequest, type Shop } from "./order";
import { CONDITIONS, REASONS, SALES_CHANNELS, parsePolicy, type Policy } from "./policy";
import { presets } from "./presets";

const T0 = Date.parse("2026-01-01T00:00:00Z");
const T1 = Date.parse("2029-01-01T00:00:00Z");
const instant = fc.integer({ min: T0, max: T1 });
const zones = ["Pacific/Auckland", "America/Los_Angeles", "UTC", "Asia/Tokyo", "Europe/Berlin"];

const shopArb = fc.constantFrom(...zones).map((timezone): Shop => ({ country: "NZ", timezone, currency: "NZD" }));
const policyArb = fc.constantFrom(...Object.values(presets));

const lineArb = fc
  .record({
    tags: fc.subarray(["custom", "perishable", "personal-care", "final-sale", "Personalised", "misc"]),
    productType: fc.constantFrom("Accessory", "Custom Seat Cover", "Food"),
    isGiftCard: fc.boolean(),
    onSale: fc.boolean(),
    props: fc.boolean(),
    quantity: fc.integer({ min: 1, max: 5 }),
    fulfilledFrac: fc.integer({ min: 0, max: 5 }),
    returnedFrac: fc.integer({ min: 0, max: 5 }),
    fulfilledAt: instant,
    deliveryLag: fc.option(fc.integer({ min: 0, max: 20 * 86_400_000 }), { nil: null }),
    unitMinor: fc.integer({ min: 0, max: 10_000_000 }),
  })
  .map((l) => {
    const fulfilled = Math.min(l.quantity, l.fulfilledFrac);
    return {
      id: "L1",
      title: "x",
      tags: l.tags,
      productType: l.productType,
      isGiftCard: l.isGiftCard,
      onSale: l.onSale,
      customAttributes: l.props ? [{ key: "Engraving", value: "A" }] : [],
      quantity: l.quantity,
      unitPrice: toDecimalString(l.unitMinor, "NZD"),
      fulfilledQuantity: fulfilled,
      returnedQuantity: Math.min(fulfilled, l.returnedFrac),
      fulfilledAt: fulfilled > 0 ? new Date(l.fulfilledAt).toISOString() : null,
      deliveredAt: fulfilled > 0 && l.deliveryLag !== null ? new Date(l.fulfilledAt + l.deliveryLag).toISOString() : null,
    };
  });

const requestLineArb = fc.record({
  lineId: fc.constant("L1"),
  quantity: fc.integer({ min: 1, max: 6 }),
  reason: fc.constantFrom(...REASONS),
  conditions: fc.subarray([...CONDITIONS]),
  photos: fc.integer({ min: 0, max: 3 }),
  note: fc.constant(""),
});

const caseArb = fc.record({
  policy: policyArb,
  shop: shopArb,
  line: lineArb,
  channel: fc.constantFrom(...SALES_CHANNELS),
  req: requestLineArb,
  now: instant,
});

type CaseValue = typeof caseArb extends fc.Arbitrary<infer T> ? T : never;
function build(c: CaseValue): { policy: Policy; order: Order; request: ReturnRequest; now: number; shop: Shop } {
  return {
    policy: c.policy,
    order: orderSchema.parse({ id: "O1", processedAt: "2025-12-31T00:00:00Z", currency: "NZD", salesChannel: c.channel, shippingCountry: "NZ", lines: [c.line] }),
    request: { lines: [c.req] },
    now: c.now,
    shop: c.shop,
  };
}

const RUNS = { numRuns: 400 };

describe("engine properties", () => {
  it("is never eligible after the deadline, and always has one when eligible", () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const r = evaluate(build(c)).lines[0]!;
        if (r.deadline !== null && c.now > Date.parse(r.deadline)) expect(r.eligible).toBe(false);
        if (r.eligible) {
          expect(r.deadline).not.toBeNull();
          expect(c.now).toBeLessThanOrEqual(Date.parse(r.deadline!));
          expect(r.codes).toEqual([]);
        } else {
          expect(r.codes.length).toBeGreaterThan(0);
          expect(r.route).toBe("none");
        }
      }),
      RUNS,
    );
  });

  it("same input -> same answer (and the input is not mutated)", () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const input = build(c);
        const copy = structuredClone(input);
        const a = evaluate(input);
        expect(input).toEqual(copy);
        expect(evaluate(copy)).toEqual(a);
      }),
      { numRuns: 200 },
    );
  });

  type Break = (i: ReturnType<typeof build>) => ReturnType<typeof build>;
  const breaks: Array<[string, Break]> = [
    ["drop an attested condition", (i) => ({ ...i, request: { lines: i.request.lines.map((l) => ({ ...l, conditions: l.conditions.slice(1) })) } })],
    ["drop all photos", (i) => ({ ...i, request: { lines: i.request.lines.map((l) => ({ ...l, photos: 0 })) } })],
    ["ask for more units", (i) => ({ ...i, request: { lines: i.request.lines.map((l) => ({ ...l, quantity: l.quantity + 10 })) } })],
    ["tag it perishable and custom", (i) => ({ ...i, order: { ...i.order, lines: i.order.lines.map((l) => ({ ...l, tags: [...l.tags, "perishable", "custom"] })) } })],
    ["make it a gift card", (i) => ({ ...i, order: { ...i.order, lines: i.order.lines.map((l) => ({ ...l, isGiftCard: true })) } })],
    ["put it on sale", (i) => ({ ...i, order: { ...i.order, lines: i.order.lines.map((l) => ({ ...l, onSale: true })) } })],
    ["buy it on a marketplace", (i) => ({ ...i, order: { ...i.order, salesChannel: "marketplace" } })],
    ["unfulfil it", (i) => ({ ...i, order: { ...i.order, lines: i.order.lines.map((l) => ({ ...l, fulfilledQuantity: 0, returnedQuantity: 0 })) } })],
  ];

  it("breaking one more rule never makes a line eligible, nor removes a code", () => {
    fc.assert(
      fc.property(caseArb, fc.constantFrom(...breaks), (c, [, brk]) => {
        const input = build(c);
        const before = evaluate(input).lines[0]!;
        const after = evaluate(brk(input)).lines[0]!;
        if (!before.eligible) expect(after.eligible).toBe(false);
        // Unfulfilling drops the window (no start); every other break only adds codes.
        for (const code of before.codes) if (code !== "OUTSIDE_WINDOW") expect(after.codes).toContain(code);
      }),
      RUNS,
    );
  });
});

describe("refund properties", () => {
  const feesPolicy = (bps: number, ship: number) =>
    parsePolicy({ ...presets["standard-30-day"], fees: { restockingBps: bps, returnShippingFeeMinor: ship, appliesTo: ["change_of_mind", "faults", "warranty"] } });

  it("never refunds more than was paid (nor more than refundable, nor below zero)", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("NZD", "JPY", "KWD"),
        fc.array(fc.record({ unit: fc.integer({ min: 0, max: 5_000_000 }), tax: fc.option(fc.integer({ min: 0, max: 500_000 }), { nil: undefined }), qty: fc.integer({ min: 1, max: 20 }) }), { minLength: 1, maxLength: 10 }),
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 0, max: 100_000 }),
        fc.option(fc.integer({ min: 0, max: 10_000_000 }), { nil: undefined }),
        (cur, ls, bps, ship, refundable) => {
          const r = computeRefund({
            policy: feesPolicy(bps, ship),
            currency: cur,
            lines: ls.map((l) => ({
              unitPrice: toDecimalString(l.unit, cur),
              ...(l.tax !== undefined ? { unitTax: toDecimalString(l.tax, cur) } : {}),
              quantity: l.qty,
              group: "change_of_mind" as const,
            })),
            ...(refundable !== undefined ? { refundableAmount: toDecimalString(refundable, cur) } : {}),
          });
          const paid = ls.reduce((s, l) => s + (l.unit + (l.tax ?? 0)) * l.qty, 0);
          expect(r.subtotalMinor).toBe(paid);
          expect(r.totalMinor).toBeLessThanOrEqual(paid);
          expect(r.totalMinor).toBeGreaterThanOrEqual(0);
          if (refundable !== undefined) expect(r.totalMinor).toBeLessThanOrEqual(refundable);
          expect(Number.isInteger(r.totalMinor)).toBe(true);
        },
      ),
      RUNS,
    );
  });

  it("parse(format(x)) = x for minor units", () => {
    fc.assert(
      fc.property(fc.constantFrom("USD", "JPY", "KWD"), fc.integer({ min: -1e12, max: 1e12 }), (cur, x) => {
        expect(parseMoney(toDecimalString(x, cur), cur)).toBe(x);
      }),
      RUNS,
    );
  });
});
