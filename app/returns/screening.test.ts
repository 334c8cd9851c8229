// Decision 190: per-reason rules, customer history screening, keep the item.
import { describe, expect, it } from "vitest";
import { evaluate, returnableLines } from "./engine";
import { judge } from "./judge";
import { orderSchema, type Order, type Shop } from "./order";
import { parsePolicy, PolicyError, type PolicyInput } from "./policy";
import { presets } from "./presets";
import { customerHistorySchema, screen } from "./screening";

const NZ: Shop = { country: "NZ", timezone: "Pacific/Auckland", currency: "NZD" };

function order(lines: Array<Record<string, unknown>>, over: Record<string, unknown> = {}): Order {
  return orderSchema.parse({
    id: "gid://shopify/Order/1",
    processedAt: "2026-02-25T09:00:00Z",
    currency: "NZD",
    salesChannel: "online_store",
    shippingCountry: "NZ",
    ...over,
    lines: lines.map((l, i) => ({
      id: `L${i + 1}`,
      title: `Item ${i + 1}`,
      quantity: 1,
      unitPrice: "40.00",
      fulfilledQuantity: 1,
      fulfilledAt: "2026-02-26T02:00:00Z",
      deliveredAt: "2026-03-01T03:00:00Z",
      ...l,
    })),
  });
}

const base = structuredClone(presets["standard-30-day"]) as PolicyInput;
function policy(over: Partial<PolicyInput>) {
  return parsePolicy({ ...base, ...over });
}
const line = (reason: string, over: Record<string, unknown> = {}) =>
  ({ lineId: "L1", quantity: 1, reason, conditions: ["unused", "original_packaging"], photos: 1, note: "", ...over }) as never;

describe("per-reason rules", () => {
  const p = policy({
    reasonRules: [
      { id: "wrong-item", name: "Wrong item", reasons: ["WRONG_ITEM"], window: { days: 14, from: "order" }, resolutions: ["replacement", "refund"] },
      { id: "faults", reasons: ["DEFECTIVE", "DAMAGED"], window: { days: 60, from: "delivery" }, minPhotos: 2, fees: { restockingBps: 0, returnShippingFeeMinor: 0 } },
      { id: "change-of-mind", reasons: ["UNWANTED"], conditions: ["unopened"], fees: { restockingBps: 1500, returnShippingFeeMinor: 500 } },
    ],
  });

  it("gives a reason its own window and start (order date), and its own resolutions", () => {
    // Processed 25 Feb 22:00 NZDT -> 14 days -> 11 March 23:59:59.999 NZDT = 11 March 10:59:59.999Z
    const r = evaluate({ policy: p, order: order([{}]), request: { lines: [line("WRONG_ITEM")] }, now: "2026-03-11T10:59:59.999Z", shop: NZ });
    expect(r.lines[0]?.deadline).toBe("2026-03-11T10:59:59.999Z");
    expect(r.lines[0]?.eligible).toBe(true);
    expect(r.resolutions).toEqual(["replacement", "refund"]);
    expect(r.lines[0]?.explanation).toMatch(/within 14 days of your order/);
    const late = evaluate({ policy: p, order: order([{}]), request: { lines: [line("WRONG_ITEM")] }, now: "2026-03-11T11:00:00Z", shop: NZ });
    expect(late.lines[0]?.codes).toEqual(["OUTSIDE_WINDOW"]);
  });

  it("asks a reason's own evidence and conditions; other reasons keep their group's", () => {
    const d = evaluate({ policy: p, order: order([{}]), request: { lines: [line("DEFECTIVE", { photos: 1 })] }, now: "2026-04-20T00:00:00Z", shop: NZ });
    expect(d.lines[0]?.codes).toEqual(["EVIDENCE_REQUIRED"]);
    const u = evaluate({ policy: p, order: order([{}]), request: { lines: [line("UNWANTED")] }, now: "2026-03-05T00:00:00Z", shop: NZ });
    expect(u.lines[0]?.codes).toEqual(["CONDITION_NOT_MET"]);
    const s = evaluate({ policy: p, order: order([{}]), request: { lines: [line("STYLE")] }, now: "2026-03-05T00:00:00Z", shop: NZ });
    expect(s.lines[0]?.eligible).toBe(true);
  });

  it("charges a reason's own fees: restocking and return shipping for a change of mind, free for faults", () => {
    const now = new Date("2026-03-05T00:00:00Z");
    const u = judge({ policy: p, order: order([{}]), shop: NZ, now, locale: "en", lines: [{ lineItemId: "L1", quantity: 1, reason: "UNWANTED", conditions: ["unopened", "unused", "original_packaging"], photos: 0, note: "" }] });
    expect(u.refund).toMatchObject({ subtotalMinor: 4000, restockingMinor: 600, returnShippingFeeMinor: 500, totalMinor: 2900 });
    const f = judge({ policy: p, order: order([{}]), shop: NZ, now, locale: "en", lines: [{ lineItemId: "L1", quantity: 1, reason: "DAMAGED", conditions: [], photos: 2, note: "" }] });
    expect(f.refund).toMatchObject({ restockingMinor: 0, returnShippingFeeMinor: 0, totalMinor: 4000 });
  });

  it("lets a reason be accepted with its own window when its group has none", () => {
    const q = parsePolicy({ ...structuredClone(presets["ekoh-store"]), reasonRules: [{ id: "defective", reasons: ["DEFECTIVE"], window: { days: 30 } }] } as PolicyInput);
    const lines = returnableLines({ policy: q, order: order([{}]), now: "2026-03-20T00:00:00Z", shop: NZ });
    expect(lines[0]?.reasons.map((r) => r.reason)).toEqual(["DEFECTIVE"]);
  });

  it("names the bad field: a reason in two rules, a bad window start", () => {
    expect(() => policy({ reasonRules: [{ id: "a", reasons: ["DEFECTIVE"] }, { id: "b", reasons: ["DAMAGED", "DEFECTIVE"] }] })).toThrow(
      expect.objectContaining({ field: "reasonRules[1].reasons[1]" }),
    );
    try {
      policy({ reasonRules: [{ id: "a", reasons: ["DEFECTIVE"], window: { days: 5, from: "payment" as never } }] });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(PolicyError);
      expect((e as PolicyError).field).toBe("reasonRules[0].window.from");
    }
  });

  it("leaves every preset reading unchanged (no reason rules, no history, no keep-the-item)", () => {
    for (const p0 of Object.values(presets)) expect([p0.reasonRules, p0.history, p0.keepItem]).toEqual([[], null, null]);
  });
});

describe("customer history", () => {
  const rules = policy({
    history: {
      windowDays: 90,
      hold: { maxRequests: 3, maxUnits: 5, maxRefunded: { NZD: "200.00" }, maxReturnRateBps: 5000, minOrdersForRate: 4 },
      blocklist: { customers: ["gid://shopify/Customer/9"], emailDomains: ["example.com"] },
    },
  }).history;
  const h = (over: Record<string, unknown>) => customerHistorySchema.parse({ id: "gid://shopify/Customer/1", orders: 10, ...over });

  it("holds above each threshold, never at it", () => {
    expect(screen(rules, h({ requests: 2 }), { units: 1 }).outcome).toBe("clear");
    expect(screen(rules, h({ requests: 3 }), { units: 1 }).findings.map((f) => f.code)).toEqual(["REQUESTS_ABOVE"]);
    expect(screen(rules, h({ units: 4 }), { units: 1 }).outcome).toBe("clear");
    expect(screen(rules, h({ units: 4 }), { units: 2 }).findings.map((f) => f.code)).toEqual(["UNITS_ABOVE"]);
    expect(screen(rules, h({ refunded: { NZD: "200.00" } }), { units: 1 }).outcome).toBe("clear");
    expect(screen(rules, h({ refunded: { NZD: "200.01" } }), { units: 1 }).findings.map((f) => f.code)).toEqual(["REFUNDED_ABOVE"]);
    // Another currency is never converted nor compared.
    expect(screen(rules, h({ refunded: { USD: "9999.00" } }), { units: 1 }).outcome).toBe("clear");
  });

  it("judges the return rate only from the set number of orders", () => {
    // 2 of 4 orders = 50%: at the threshold; 3 of 4 above it; 1 of 1 too few orders.
    expect(screen(rules, h({ orders: 4, requests: 1 }), { units: 1 }).outcome).toBe("clear");
    expect(screen(rules, h({ orders: 4, requests: 2 }), { units: 1 }).findings.map((f) => f.code)).toEqual(["RETURN_RATE_ABOVE"]);
    expect(screen(rules, h({ orders: 3, requests: 2 }), { units: 1 }).outcome).toBe("clear");
  });

  it("blocks a listed customer or e-mail domain (and its subdomains), without case", () => {
    expect(screen(rules, h({ id: "gid://shopify/Customer/9" }), { units: 1 }).outcome).toBe("blocked");
    expect(screen(rules, h({ emailDomain: "Mail.Example.COM" }), { units: 1 }).findings[0]?.code).toBe("BLOCKED_EMAIL_DOMAIN");
    expect(screen(rules, h({ emailDomain: "notexample.com" }), { units: 1 }).outcome).toBe("clear");
  });

  it("turns an auto-approval into staff review and tells the shopper in words; the lines stay eligible", () => {
    const p = policy({ approval: { mode: "auto_approve_eligible" }, history: { hold: { maxRequests: 0 } } as never });
    const r = evaluate({ policy: p, order: order([{}]), request: { lines: [line("STYLE")] }, now: "2026-03-05T00:00:00Z", shop: NZ, customer: h({}) });
    expect(r.eligible).toBe(true);
    expect(r.decision).toBe("review");
    expect(r.screening.outcome).toBe("hold");
    expect(r.screening.explanation).toMatch(/Our team will look at this request/);
    const clear = evaluate({ policy: p, order: order([{}]), request: { lines: [line("STYLE")] }, now: "2026-03-05T00:00:00Z", shop: NZ });
    expect([clear.decision, clear.screening.outcome, clear.screening.explanation]).toEqual(["approve", "clear", ""]);
  });
});

describe("keep the item", () => {
  const p = policy({ keepItem: { maxLineValue: { NZD: "15.00" }, reasons: ["WRONG_ITEM"], match: [{ kind: "tag", values: ["perishable"] }] } });
  const run = (unitPrice: string, reason: string, tags: string[] = [], quantity = 1) =>
    evaluate({ policy: p, order: order([{ unitPrice, tags, quantity, fulfilledQuantity: quantity }]), request: { lines: [line(reason, { quantity })] }, now: "2026-03-05T00:00:00Z", shop: NZ }).lines[0]!;

  it("keeps a line worth less than the amount, by the units asked; returns one worth exactly it", () => {
    expect(run("14.99", "STYLE").keepItem).toBe(true);
    expect(run("15.00", "STYLE").keepItem).toBe(false);
    expect(run("7.50", "STYLE", [], 2).keepItem).toBe(false);
    expect(run("14.99", "STYLE").explanation).toMatch(/don't need to send this item back/);
  });

  it("keeps for a chosen reason or product, whatever the value; never an ineligible line", () => {
    expect(run("99.00", "WRONG_ITEM").keepItem).toBe(true);
    expect(run("99.00", "STYLE", ["Perishable"]).keepItem).toBe(true);
    expect(run("99.00", "STYLE").keepItem).toBe(false);
    const late = evaluate({ policy: p, order: order([{ unitPrice: "5.00" }]), request: { lines: [line("STYLE")] }, now: "2026-06-05T00:00:00Z", shop: NZ });
    expect(late.lines[0]?.keepItem).toBe(false);
  });

  it("charges no fees on a kept line", () => {
    const q = policy({ fees: { restockingBps: 1000, returnShippingFeeMinor: 500, appliesTo: ["change_of_mind"] }, keepItem: { maxLineValue: { NZD: "15.00" } } as never });
    const j = judge({ policy: q, order: order([{ unitPrice: "10.00" }]), shop: NZ, now: new Date("2026-03-05T00:00:00Z"), locale: "en", lines: [{ lineItemId: "L1", quantity: 1, reason: "STYLE", conditions: ["unused", "original_packaging"], photos: 0, note: "" }] });
    expect(j.refund).toMatchObject({ restockingMinor: 0, returnShippingFeeMinor: 0, totalMinor: 1000 });
  });

  it("an order paid in another currency: the shop-currency amount converted at the order's recorded rate, unless its own currency has one", () => {
    // NZD shop, paid in AUD: the order's total is 100.00 NZD = 90.00 AUD, so 15.00 NZD is 13.50 AUD
    const aud = (unitPrice: string, q = p) =>
      evaluate({
        policy: q,
        order: order([{ unitPrice }], { currency: "AUD", shopMoney: { currency: "NZD", total: "100.00", presentmentTotal: "90.00" } }),
        request: { lines: [line("STYLE")] },
        now: "2026-03-05T00:00:00Z",
        shop: NZ,
      }).lines[0]!.keepItem;
    expect(aud("13.49")).toBe(true);
    expect(aud("13.50")).toBe(false);
    const own = policy({ keepItem: { maxLineValue: { NZD: "15.00", AUD: "5.00" } } as never });
    expect(aud("13.49", own)).toBe(false);
    expect(aud("4.99", own)).toBe(true);
    // no recorded rate (paid in the shop's currency or no total): no conversion, as before
    const noRate = evaluate({ policy: p, order: order([{ unitPrice: "1.00" }], { currency: "AUD" }), request: { lines: [line("STYLE")] }, now: "2026-03-05T00:00:00Z", shop: NZ });
    expect(noRate.lines[0]!.keepItem).toBe(false);
  });

  it("names a threshold with too many decimals for its currency", () => {
    expect(() => policy({ keepItem: { maxLineValue: { JPY: "10.50" } } as never })).toThrow(expect.objectContaining({ field: "keepItem.maxLineValue.JPY" }));
  });
});

describe("scenario input: the optional customer history", () => {
  it("is read when present and names its bad field", async () => {
    const { parseScenario } = await import("./scenario");
    const { readFileSync } = await import("node:fs");
    const { join, dirname } = await import("node:path");
    const { fileURLToPath } = await import("node:url");
    const file = join(dirname(fileURLToPath(import.meta.url)), "scenarios", "history.hold--requests-above-threshold-held.json");
    const s = JSON.parse(readFileSync(file, "utf8")) as Record<string, Record<string, unknown>>;
    expect(parseScenario(s).customer?.requests).toBe(3);
    expect(() => parseScenario({ ...s, customer: { ...s.customer, orders: -1 } })).toThrow(expect.objectContaining({ field: "customer.orders" }));
    expect(() => parseScenario({ ...s, customer: { ...s.customer, refunded: { NZD: 12 } } })).toThrow(expect.objectContaining({ field: "customer.refunded.NZD" }));
  });
});
