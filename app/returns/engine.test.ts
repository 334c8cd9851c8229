import { describe, expect, it } from "vitest";
import { evaluate, lineTerms, returnableLines } from "./engine";
import { orderSchema, type Order, type Shop } from "./order";
import { parsePolicy } from "./policy";
import { presets } from "./presets";
import { policyInForce } from "./versioning";
import { MESSAGE_KEYS, t as translate } from "./messages";
import { PolicyError } from "./policy";

const NZ: Shop = { country: "NZ", timezone: "Pacific/Auckland", currency: "NZD" };
const US: Shop = { country: "US", timezone: "America/Los_Angeles", currency: "USD" };

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
      unitPrice: "10.00",
      fulfilledQuantity: 1,
      fulfilledAt: "2026-02-26T02:00:00Z",
      deliveredAt: "2026-03-01T03:00:00Z",
      ...l,
    })),
  });
}

describe("evaluate", () => {
  it("records policy id and version and is deterministic", () => {
    const input = {
      policy: presets["ekoh-store"],
      order: order([{}]),
      request: { lines: [{ lineId: "L1", quantity: 1, reason: "WRONG_ITEM" as const, conditions: [], photos: 0, note: "" }] },
      now: "2026-03-03T00:00:00Z",
      shop: NZ,
    };
    const a = evaluate(input);
    expect(a.policyId).toBe("ekoh-store");
    expect(a.policyVersion).toBe(1);
    expect(evaluate(input)).toEqual(a);
    expect(a.lines[0]?.trace.some((e) => e.rule === "window" && e.pass)).toBe(true);
    expect(a.lines[0]?.reasonHandle).toBe("received-the-wrong-item");
  });

  it("without attestations (a Return made at Shopify) conditions and photos are unknown, not failed; everything else still counts", () => {
    const input = {
      policy: presets["standard-30-day"],
      order: order([{}, { onSale: false, isGiftCard: true }]),
      request: {
        lines: [
          { lineId: "L1", quantity: 1, reason: "UNWANTED" as const, conditions: [], photos: 0, note: "" },
          { lineId: "L2", quantity: 1, reason: "UNWANTED" as const, conditions: [], photos: 0, note: "" },
        ],
      },
      now: "2026-03-03T00:00:00Z",
      shop: NZ,
    };
    const attested = evaluate(input);
    expect(attested.lines[0]?.codes).toContain("CONDITION_NOT_MET");
    const unknown = evaluate({ ...input, checkAttestations: false });
    expect(unknown.lines[0]).toMatchObject({ eligible: true, codes: [] });
    expect(unknown.lines[1]?.codes).toEqual(["GIFT_CARD"]);
    expect(evaluate({ ...input, now: "2026-06-01T00:00:00Z", checkAttestations: false }).lines[0]?.codes).toContain("OUTSIDE_WINDOW");
  });

  it("shares fulfilled units across request lines for the same order line", () => {
    const r = evaluate({
      policy: presets["ekr-auto"],
      order: order([{ quantity: 2, fulfilledQuantity: 2, deliveredAt: "2026-03-01T20:00:00Z" }], { currency: "USD", shippingCountry: "US" }),
      request: {
        lines: [
          { lineId: "L1", quantity: 2, reason: "DEFECTIVE", conditions: [], photos: 0, note: "" },
          { lineId: "L1", quantity: 1, reason: "DEFECTIVE", conditions: [], photos: 0, note: "" },
        ],
      },
      now: "2026-03-10T00:00:00Z",
      shop: US,
    });
    expect(r.lines[0]?.eligible).toBe(true);
    expect(r.lines[1]?.codes).toEqual(["QUANTITY_UNAVAILABLE"]);
    expect(r.eligible).toBe(false);
    // nothing left: the shopper reads that the item is already requested, never "Only 0 of this item"
    expect(r.lines[1]?.explanation).toBe("This item is already in a return request, or has already been returned.");
  });

  it("writes counts with the locale's plural rules, never 'photo(s)'", () => {
    expect(translate("EVIDENCE_REQUIRED", "en", { photos: 1 })).toBe("Please attach at least 1 photo of the problem.");
    expect(translate("EVIDENCE_REQUIRED", "en", { photos: 2 })).toBe("Please attach at least 2 photos of the problem.");
    expect(translate("EVIDENCE_REQUIRED", "de", { photos: 3 })).toBe("Bitte fügen Sie mindestens 3 Fotos des Problems bei.");
    expect(translate("QUANTITY_UNAVAILABLE", "fr", { available: 1 })).toBe("Seulement 1 exemplaire de cet article peut encore être retourné.");
    expect(translate("QUANTITY_UNAVAILABLE", "es", { available: 2 })).toBe("Solo se pueden devolver 2 unidades de este artículo.");
    for (const key of MESSAGE_KEYS) for (const loc of ["en", "fr", "de", "es"] as const) expect(translate(key, loc, { photos: 2, available: 2 })).not.toMatch(/\(s\)|\(es\)/);
  });

  it("throws a PolicyError naming the request line that points nowhere", () => {
    expect(() =>
      evaluate({
        policy: presets["ekoh-store"],
        order: order([{}]),
        request: { lines: [{ lineId: "nope", quantity: 1, reason: "WRONG_ITEM", conditions: [], photos: 0, note: "" }] },
        now: "2026-03-03T00:00:00Z",
        shop: NZ,
      }),
    ).toThrow(PolicyError);
  });

  it("explains in the requested locale", () => {
    const base = {
      policy: presets["ekoh-store"],
      order: order([{}]),
      request: { lines: [{ lineId: "L1", quantity: 1, reason: "UNWANTED" as const, conditions: [], photos: 0, note: "" }] },
      now: "2026-03-03T00:00:00Z",
      shop: NZ,
    };
    expect(evaluate(base).lines[0]?.explanation).toMatch(/not accepted/);
    expect(evaluate({ ...base, locale: "fr" }).lines[0]?.explanation).toMatch(/pas acceptés/);
    expect(evaluate({ ...base, locale: "de" }).lines[0]?.explanation).toMatch(/nicht angenommen/);
    expect(evaluate({ ...base, locale: "es" }).lines[0]?.explanation).toMatch(/No se aceptan/);
  });

  it("uses a policy's own message override", () => {
    const policy = parsePolicy({ ...presets["ekoh-store"], messages: { REASON_NOT_ACCEPTED: { en: "We only take back faulty goods." } } });
    const r = evaluate({
      policy,
      order: order([{}]),
      request: { lines: [{ lineId: "L1", quantity: 1, reason: "STYLE", conditions: [], photos: 0, note: "" }] },
      now: "2026-03-03T00:00:00Z",
      shop: NZ,
    });
    expect(r.lines[0]?.explanation).toBe("We only take back faulty goods.");
  });

  it("uses a rule's own explanation, from the rule or from messages['rule:<id>']", () => {
    const run = (policy: ReturnType<typeof parsePolicy>) =>
      evaluate({
        policy,
        order: order([{ tags: ["perishable"] }]),
        request: { lines: [{ lineId: "L1", quantity: 1, reason: "UNWANTED", conditions: [], photos: 0, note: "" }] },
        now: "2026-03-03T00:00:00Z",
        shop: NZ,
        locale: "fr",
      }).lines[0]?.explanation;
    const rules = presets["ekoh-store"].rules.map((r) => (r.id === "perishable" ? { ...r, explanation: { fr: "Denrées périssables : pas de retour." } } : r));
    expect(run(parsePolicy({ ...presets["ekoh-store"], rules }))).toContain("Denrées périssables : pas de retour.");
    const viaMessages = parsePolicy({ ...presets["ekoh-store"], messages: { "rule:perishable": { fr: "Produit frais, non repris." } } });
    expect(run(viaMessages)).toContain("Produit frais, non repris.");
  });

  it("follows the approval mode", () => {
    const mk = (mode: string) => parsePolicy({ ...presets["ekoh-store"], approval: { mode } });
    const req = (reason: "WRONG_ITEM" | "UNWANTED") => ({ lines: [{ lineId: "L1", quantity: 1, reason, conditions: [], photos: 0, note: "" }] });
    const run = (mode: string, reason: "WRONG_ITEM" | "UNWANTED") =>
      evaluate({ policy: mk(mode), order: order([{}]), request: req(reason), now: "2026-03-03T00:00:00Z", shop: NZ }).decision;
    expect(run("manual", "WRONG_ITEM")).toBe("review");
    expect(run("auto_approve_eligible", "WRONG_ITEM")).toBe("approve");
    expect(run("auto_approve_eligible", "UNWANTED")).toBe("review");
    expect(run("auto_approve_and_decline", "UNWANTED")).toBe("decline");
  });
});

describe("returnableLines", () => {
  it("lists the reasons still open and the quantity left", () => {
    const [l] = returnableLines({
      policy: presets["ekoh-store"],
      order: order([{ quantity: 3, fulfilledQuantity: 3, returnedQuantity: 1 }]),
      now: "2026-03-03T00:00:00Z",
      shop: NZ,
    });
    expect(l?.returnable).toBe(true);
    expect(l?.quantityLeft).toBe(2);
    expect(l?.reasons.map((r) => r.reason).sort()).toEqual(["DAMAGED", "DEFECTIVE", "NOT_AS_DESCRIBED", "WRONG_ITEM"]);
    expect(l?.reasons.find((r) => r.reason === "DAMAGED")?.minPhotos).toBe(1);
    expect(l?.deadline).toBe("2026-03-08T10:59:59.999Z");
  });

  it("says when returns closed", () => {
    const [l] = returnableLines({ policy: presets["ekoh-store"], order: order([{ deliveredAt: "2026-03-24T03:00:00Z" }]), now: "2026-04-05T00:00:00Z", shop: NZ });
    expect(l?.returnable).toBe(false);
    expect(l?.codes).toContain("OUTSIDE_WINDOW");
    expect(l?.explanation).toBe("Returns for this order closed on 31 March 2026.");
  });

  it("offers only the warranty once the seat cover return window closed", () => {
    const [l] = returnableLines({
      policy: presets["ekr-auto"],
      order: order([{ productType: "Custom Seat Cover", deliveredAt: "2026-03-01T20:00:00Z" }], { currency: "USD" }),
      now: "2026-09-01T00:00:00Z",
      shop: US,
    });
    expect(l?.reasons).toEqual([
      { reason: "DEFECTIVE", route: "warranty", deadline: "2028-03-02T07:59:59.999Z", minPhotos: 0, conditions: [] },
      { reason: "DAMAGED", route: "warranty", deadline: "2028-03-02T07:59:59.999Z", minPhotos: 0, conditions: [] },
    ]);
  });

  it("blocks gift cards and unshipped lines", () => {
    const ls = returnableLines({
      policy: presets["ekr-auto"],
      order: order([{ isGiftCard: true }, { fulfilledQuantity: 0, fulfilledAt: null, deliveredAt: null }], { currency: "USD" }),
      now: "2026-03-05T00:00:00Z",
      shop: US,
    });
    expect(ls[0]?.codes).toEqual(["GIFT_CARD"]);
    expect(ls[1]?.codes).toContain("NOT_DELIVERED");
    expect(ls[1]?.deadline).toBeNull();
  });
});

describe("lineTerms", () => {
  const product = { tags: [] as string[], productType: "Accessory", collections: [] as string[], vendor: "V", customAttributes: [], isGiftCard: false, onSale: false };

  it("tells a buyer about final sale items under ekoh-store", () => {
    const t = lineTerms(presets["ekoh-store"], { ...product, onSale: true });
    expect(t.codes).toEqual(["FINAL_SALE"]);
    expect(t.finalSale).toBe(true);
    expect(t.windows.faults?.days).toBe(7);
    expect(t.explanation).toMatch(/^Final sale/);
  });

  it("describes the seat cover warranty under ekr-auto", () => {
    const t = lineTerms(presets["ekr-auto"], { ...product, productType: "Custom Seat Cover", tags: ["custom"] });
    expect(t.codes).toEqual(["EXCLUDED_ITEM"]);
    expect(t.warranty).toEqual({ months: 24, reasons: ["DEFECTIVE", "DAMAGED"], resolutions: ["replacement"] });
    expect(t.explanation).toContain("24-month warranty: free replacement.");
  });

  it("plain items under ekr-auto have 30 days, and gift cards none at all", () => {
    const plain = lineTerms(presets["ekr-auto"], product, "de");
    expect(plain.finalSale).toBe(false);
    expect(plain.windows.change_of_mind?.days).toBe(30);
    expect(plain.explanation).toContain("30 Tagen");
    const gc = lineTerms(presets["ekr-auto"], { ...product, isGiftCard: true });
    expect(gc.codes).toEqual(["GIFT_CARD"]);
    expect(gc.windows).toEqual({ change_of_mind: null, faults: null });
    expect(gc.reasonWindows).toEqual([]);
  });

  it("speaks of a reason's own window, and opens a group whose window is off for a reason that has one (decision 190)", () => {
    const ruled = parsePolicy({
      ...structuredClone(presets["ekr-auto"]),
      reasonRules: [{ id: "mind", reasons: ["UNWANTED"], window: { days: 14, from: "order" } }, { id: "style", reasons: ["STYLE"], window: { days: 30, from: "delivery" } }],
    });
    const t = lineTerms(ruled, product);
    expect(t.windows.change_of_mind).toEqual({ days: 30, from: "delivery" });
    expect(t.reasonWindows).toEqual([{ reason: "UNWANTED", group: "change_of_mind", days: 14, from: "order" }]);
    // excluded from change-of-mind returns: no reason of the group is open, so none is named
    expect(lineTerms(ruled, { ...product, tags: ["custom"] }).reasonWindows).toEqual([]);

    const only = parsePolicy({
      ...structuredClone(presets["ekr-auto"]),
      reasons: { ...presets["ekr-auto"].reasons, accepted: ["UNWANTED", "DEFECTIVE", "DAMAGED"] },
      windows: { change_of_mind: null, faults: { days: 30, from: "delivery" } },
      reasonRules: [{ id: "mind", reasons: ["UNWANTED"], window: { days: 14, from: "order" } }],
    });
    const o = lineTerms(only, product);
    expect(o.windows.change_of_mind).toEqual({ days: 14, from: "order" });
    expect(o.reasonWindows).toEqual([]);
    expect(o.finalSale).toBe(false);
    expect(o.explanation).toContain("Returns accepted within 14 days of your order.");
  });
});

describe("policyInForce", () => {
  const v = (version: number, savedAt: string) => ({ version, createdAt: new Date(savedAt) });
  it("picks the highest version saved at or before the order was placed", () => {
    const versions = [v(1, "2026-01-01T00:00:00Z"), v(3, "2026-06-01T00:00:00Z"), v(2, "2026-03-01T00:00:00Z")];
    expect(policyInForce(versions, new Date("2026-02-15T00:00:00Z"))?.version).toBe(1);
    expect(policyInForce(versions, new Date("2026-03-01T00:00:00Z"))?.version).toBe(2);
    expect(policyInForce(versions, new Date("2026-02-28T23:59:59.999Z"))?.version).toBe(1);
    expect(policyInForce(versions, new Date("2026-12-01T00:00:00Z"))?.version).toBe(3);
    expect(policyInForce(versions, new Date("2025-12-01T00:00:00Z"))).toBeNull();
    expect(policyInForce([], new Date("2026-12-01T00:00:00Z"))).toBeNull();
  });
  it("a later save wins over an earlier timestamp of a higher version only by version", () => {
    // same instant: the higher version (the later save) is in force
    expect(policyInForce([v(4, "2026-05-01T00:00:00Z"), v(5, "2026-05-01T00:00:00Z")], new Date("2026-05-01T00:00:00Z"))?.version).toBe(5);
  });
});
