import { describe, expect, it } from "vitest";
import { getPreset, orderSchema } from "~/returns";
import { PRESET_IDS } from "~/returns/presets";
import { bonusToBps, bpsToPercent, emailDomainOf, errorsUnder, feeToMinor, fieldErrors, percentToBps, rateToBps, tryPolicy, withBlocklist, withHistoryField, withKeepItemField } from "./policy-editor";

describe("policy editor helpers", () => {
  it("maps zod issues to the field they are about", () => {
    const p = getPreset("standard-30-day")!;
    p.windows.faults = { days: -1, from: "delivery" };
    p.name = " ";
    const { policy, errors } = fieldErrors(p);
    expect(policy).toBeNull();
    expect(errors["windows.faults.days"]).toBe("must be 0 or more");
    expect(errors.name).toBe("must not be empty");
    expect(errorsUnder(errors, "windows")).toEqual(["windows.faults.days: must be 0 or more"]);
    expect(fieldErrors(getPreset("ekr-auto")).policy?.id).toBe("ekr-auto");
  });

  it("turns typed percentages and amounts into integers without floats", () => {
    expect(percentToBps("12.5")).toBe(1250);
    expect(percentToBps("0.01")).toBe(1);
    expect(percentToBps("100")).toBe(10_000);
    expect(() => percentToBps("100.01")).toThrow(/at most 100%/);
    expect(() => percentToBps("ten")).toThrow(/percentage/);
    expect(bpsToPercent(1250)).toBe("12.5");
    expect(bpsToPercent(1005)).toBe("10.05");
    expect(bpsToPercent(0)).toBe("0");
    expect(feeToMinor("8.50", "NZD")).toBe(850);
    expect(feeToMinor("500", "JPY")).toBe(500);
    expect(feeToMinor("", "NZD")).toBe(0);
    expect(() => feeToMinor("8.505", "NZD")).toThrow(/decimals/);
  });

  it("the store credit bonus: a percentage up to 50, blank is none, named errors in the merchant's words", () => {
    expect(bonusToBps("10")).toBe(1000);
    expect(bonusToBps("")).toBe(0);
    expect(bonusToBps("12.5")).toBe(1250);
    expect(() => bonusToBps("60")).toThrow("must be at most 50%");
    expect(() => bonusToBps("-5")).toThrow(/percentage/);
    const p = structuredClone(getPreset("standard-30-day")!) as unknown as { resolutions: Record<string, unknown> };
    p.resolutions.storeCreditBonusBps = 6000;
    expect(fieldErrors(p).errors["resolutions.storeCreditBonusBps"]).toBe("must be at most 50%");
    p.resolutions.storeCreditBonusBps = "10";
    expect(fieldErrors(p).errors["resolutions.storeCreditBonusBps"]).toBeDefined();
    p.resolutions.storeCreditBonusBps = 1000;
    expect(fieldErrors(p).policy?.resolutions.storeCreditBonusBps).toBe(1000);
  });

  it("presets read the seed policies as they are: no store credit bonus unless a seed policy gives one", () => {
    for (const id of PRESET_IDS) expect(getPreset(id)!.resolutions.storeCreditBonusBps, id).toBe(0);
  });

  it("tries a draft on an order: what is open now, and the verdict for a reason", () => {
    const order = orderSchema.parse({
      id: "gid://shopify/Order/1",
      name: "#1001",
      processedAt: "2026-11-01T00:00:00Z",
      currency: "NZD",
      salesChannel: "online_store",
      lines: [
        { id: "L1", title: "Shirt", quantity: 1, unitPrice: "50.00", fulfilledQuantity: 1, deliveredAt: "2026-11-03T00:00:00Z" },
        { id: "L2", title: "Sale hat", tags: ["final-sale"], quantity: 1, unitPrice: "20.00", fulfilledQuantity: 1, deliveredAt: "2026-11-03T00:00:00Z" },
      ],
    });
    const shop = { country: "NZ", timezone: "Pacific/Auckland", currency: "NZD" };
    const r = tryPolicy({ policy: getPreset("standard-30-day")!, order, shop, now: "2026-11-20T00:00:00Z", reason: "UNWANTED" });
    expect(r.lines.map((l) => l.returnable)).toEqual([true, true]); // the hat can still go back as faulty
    expect(r.evaluation?.lines.map((l) => l.eligible)).toEqual([true, false]);
    expect(r.evaluation?.lines[1]?.codes).toContain("FINAL_SALE");
    const late = tryPolicy({ policy: getPreset("standard-30-day")!, order, shop, now: "2026-12-20T00:00:00Z", reason: "UNWANTED" });
    expect(late.evaluation?.lines[0]?.codes).toContain("OUTSIDE_WINDOW");
  });

  it("edits the customer-history thresholds field by field, and screens no one once every field is blank", () => {
    let h = withHistoryField(null, "maxRequests", 3);
    expect(h).toEqual({ hold: { maxRequests: 3 } });
    h = withHistoryField(h, { refundedIn: "NZD" }, " 300.00 ");
    h = withHistoryField(h, "maxReturnRateBps", rateToBps("25"));
    h = withHistoryField(h, "windowDays", 90);
    expect(h).toEqual({ windowDays: 90, hold: { maxRequests: 3, maxRefunded: { NZD: "300.00" }, maxReturnRateBps: 2500 } });
    const policy = fieldErrors({ ...getPreset("standard-30-day")!, history: h }).policy;
    expect(policy?.history).toEqual({
      windowDays: 90,
      hold: { maxRequests: 3, maxRefunded: { NZD: "300.00" }, maxReturnRateBps: 2500, minOrdersForRate: 3 },
      blocklist: { customers: [], emailDomains: [] },
    });
    // an amount in another currency, set in the JSON, is kept when the shop's one is cleared
    h = withHistoryField({ ...h!, hold: { ...h!.hold, maxRefunded: { NZD: "300.00", AUD: "400.00" } } }, { refundedIn: "NZD" }, "");
    expect(h?.hold?.maxRefunded).toEqual({ AUD: "400.00" });
    h = withHistoryField(h, { refundedIn: "AUD" }, "");
    for (const f of ["maxRequests", "maxReturnRateBps", "windowDays"] as const) h = withHistoryField(h, f, undefined);
    expect(h).toBeNull();
    // a blocklist keeps the settings in force
    expect(withHistoryField({ hold: { maxUnits: 2 }, blocklist: { customers: ["gid://shopify/Customer/7"], emailDomains: [] } }, "maxUnits", undefined)).toEqual({
      hold: {},
      blocklist: { customers: ["gid://shopify/Customer/7"], emailDomains: [] },
    });
  });

  it("reads a return rate as a percentage, above 100% too, and names a bad threshold on its field in plain words", () => {
    expect(rateToBps("25")).toBe(2500);
    expect(rateToBps("12.5%")).toBe(1250);
    expect(rateToBps("150")).toBe(15_000);
    expect(rateToBps(" ")).toBeUndefined();
    expect(() => rateToBps("a quarter")).toThrow(/percentage like 25/);
    const { errors } = fieldErrors({
      ...getPreset("standard-30-day")!,
      history: { windowDays: 0, hold: { maxRequests: 2.5, maxUnits: -1, maxRefunded: { NZD: "ten" }, maxReturnRateBps: Number.NaN } },
    });
    expect(errors["history.windowDays"]).toBe("must be 1 or more");
    expect(errors["history.hold.maxRequests"]).toBe("must be a whole number");
    expect(errors["history.hold.maxUnits"]).toBe("must be 0 or more");
    expect(errors["history.hold.maxRefunded.NZD"]).toBe('must be a decimal string like "15.00"');
    expect(errors["history.hold.maxReturnRateBps"]).toBe("must be a number");
    // an amount's decimals are checked once the rest of the policy reads
    const decimals = fieldErrors({ ...getPreset("standard-30-day")!, history: { hold: { maxRefunded: { NZD: "10.005" } } } }).errors;
    expect(decimals).toEqual({ "history.hold.maxRefunded.NZD": "too many decimals for NZD" });
  });

  it("edits the blocklist: customers and e-mail domains, typed as a merchant pastes them; empty again screens no one", () => {
    expect(emailDomainOf(" Mailinator.COM ")).toBe("mailinator.com");
    expect(emailDomainOf("@mailinator.com")).toBe("mailinator.com");
    expect(emailDomainOf("someone@mail.example.co.nz")).toBe("mail.example.co.nz");
    for (const bad of ["mailinator", "", "https://mailinator.com/x", "two words.com"]) expect(() => emailDomainOf(bad)).toThrow("Enter a domain like mailinator.com");
    let h = withBlocklist(null, { customers: ["gid://shopify/Customer/7", "gid://shopify/Customer/7"], emailDomains: ["mailinator.com"] });
    expect(h).toEqual({ blocklist: { customers: ["gid://shopify/Customer/7"], emailDomains: ["mailinator.com"] } });
    // the thresholds are left as they were
    h = withBlocklist({ hold: { maxUnits: 2 } }, { customers: [], emailDomains: ["mailinator.com"] });
    expect(h).toEqual({ hold: { maxUnits: 2 }, blocklist: { customers: [], emailDomains: ["mailinator.com"] } });
    expect(withBlocklist({ blocklist: { customers: ["gid://shopify/Customer/7"] } }, { customers: [], emailDomains: [] })).toBeNull();
    // the policy reads it; a bad domain pasted in the JSON is named on its field
    const policy = { ...getPreset("standard-30-day")!, history: withBlocklist(null, { customers: [], emailDomains: ["mailinator.com"] }) };
    expect(fieldErrors(policy).policy?.history?.blocklist.emailDomains).toEqual(["mailinator.com"]);
    const bad = fieldErrors({ ...policy, history: { blocklist: { emailDomains: ["not a domain"] } } }).errors;
    expect(bad).toEqual({ "history.blocklist.emailDomains[0]": "must be a domain like example.com" });
  });

  it("edits keep-the-item: an amount in the shop currency, reasons, products; nothing set sends every item back", () => {
    let k = withKeepItemField(null, { valueIn: "NZD" }, " 15.00 ");
    expect(k).toEqual({ maxLineValue: { NZD: "15.00" } });
    k = withKeepItemField(k, "reasons", ["DAMAGED"]);
    k = withKeepItemField(k, "match", [{ kind: "productType", values: ["Perishables"] }]);
    const policy = fieldErrors({ ...getPreset("standard-30-day")!, keepItem: k }).policy;
    expect(policy?.keepItem).toEqual({ maxLineValue: { NZD: "15.00" }, reasons: ["DAMAGED"], match: [{ kind: "productType", values: ["Perishables"] }] });
    expect(fieldErrors({ ...getPreset("standard-30-day")!, keepItem: withKeepItemField(k, { valueIn: "NZD" }, "15.005") }).errors).toEqual({
      "keepItem.maxLineValue.NZD": "too many decimals for NZD",
    });
    expect(fieldErrors({ ...getPreset("standard-30-day")!, keepItem: withKeepItemField(k, { valueIn: "NZD" }, "fifteen") }).errors).toEqual({
      "keepItem.maxLineValue.NZD": 'must be a decimal string like "15.00"',
    });
    k = withKeepItemField(k, { valueIn: "NZD" }, "");
    k = withKeepItemField(k, "reasons", []);
    expect(withKeepItemField(k, "match", [])).toBeNull();
  });
});
