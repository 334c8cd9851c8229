// Rule -> label, end to end: policy -> (this mapping) -> metafield JSON text -> the checkout extension's
// own parsing and labelling (extensions/checkout-terms/src/terms.ts + its locale files).
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { getPreset, parsePolicy, type Policy } from "~/returns";
import { createTranslate, type Messages } from "../../../preview/i18n";
import {
  interceptDecision,
  isNotReturnable,
  labelFor,
  linesTerms,
  shopTermsFrom,
  type AppMetafieldEntryLike,
} from "../../../extensions/checkout-terms/src/terms";
import { productTermsFor, productWrite, shopTermsFor, shopWrite, stableJson, type CatalogueProduct } from "./mapping";

const locale = (name: string) =>
  JSON.parse(readFileSync(new URL(`../../../extensions/checkout-terms/locales/${name}.json`, import.meta.url), "utf8")) as Messages;
const en = locale("en.default");
const translators = { en: createTranslate(en, en, "en"), de: createTranslate(locale("de"), en, "de") };

const product = (p: Partial<CatalogueProduct> & { id: string }): CatalogueProduct => ({
  tags: [],
  productType: "",
  vendor: "",
  collections: [],
  isGiftCard: false,
  onSale: false,
  ...p,
});

const CATALOGUE = {
  plain: product({ id: "gid://shopify/Product/1", productType: "Floor Mats", tags: ["floor-mats"] }),
  finalSale: product({ id: "gid://shopify/Product/2", tags: ["final-sale"] }),
  custom: product({ id: "gid://shopify/Product/3", tags: ["custom"] }),
  perishable: product({ id: "gid://shopify/Product/4", tags: ["perishable"] }),
  seatCover: product({ id: "gid://shopify/Product/5", productType: "Custom Seat Cover" }),
  customSeatCover: product({ id: "gid://shopify/Product/6", productType: "Custom Seat Cover", tags: ["custom"] }),
  giftCard: product({ id: "gid://shopify/Product/7", productType: "Gift Card", isGiftCard: true }),
  onSale: product({ id: "gid://shopify/Product/8", onSale: true }),
  personalCare: product({ id: "gid://shopify/Product/9", tags: ["personal-care"] }),
};
type Name = keyof typeof CATALOGUE;

/** What a buyer sees at checkout for each product, through the extension's code only. */
function buyerView(policy: Policy, lang: "en" | "de" = "en") {
  const entries: AppMetafieldEntryLike[] = [
    { target: { type: "shop", id: "1" }, metafield: { namespace: "$app:returns", key: "terms", value: stableJson(shopTermsFor(policy)) } },
  ];
  for (const p of Object.values(CATALOGUE)) {
    const value = productTermsFor(policy, p);
    if (value) entries.push({ target: { type: "product", id: p.id.split("/").pop()! }, metafield: { namespace: "$app:returns", key: "terms", value: JSON.stringify(value) } });
  }
  const shop = shopTermsFrom(entries);
  if (!shop) throw new Error("extension could not read the shop metafield");
  const lines = Object.entries(CATALOGUE).map(([name, p]) => ({ id: name, merchandise: { title: name, product: { id: p.id } } }));
  const out = {} as Record<Name, { label: string; noNote: boolean; notReturnable: boolean }>;
  for (const l of linesTerms(lines, entries, shop)) {
    out[l.lineId as Name] = {
      label: l.terms.map((t) => labelFor(t, shop, lang, translators[lang])).join(" · "),
      noNote: !l.differs,
      notReturnable: isNotReturnable(l.terms),
    };
  }
  return { shop, lines: out };
}

describe("ekr-auto: labels a buyer sees", () => {
  const { shop, lines } = buyerView(getPreset("ekr-auto")!);
  it("shop default is 30 days from delivery, no acknowledgement by default", () => {
    expect(shopTermsFor(getPreset("ekr-auto")!)).toEqual({
      version: 1,
      requireFinalSaleAck: false,
      defaultTerm: { code: "WINDOW_30D", days: 30, from: "delivery" },
    });
    expect(shop.requireFinalSaleAck).toBe(false);
  });
  it("plain, final-sale-tagged and on-sale products get the default and no note (EKR has no sale rule)", () => {
    for (const n of ["plain", "finalSale", "onSale", "perishable"] as const) {
      expect(lines[n], n).toEqual({ label: "30-day returns from delivery", noNote: true, notReturnable: false });
    }
  });
  it("custom products: no change-of-mind returns (faults stay claimable)", () => {
    expect(lines.custom).toEqual({ label: "No returns for a change of mind", noNote: false, notReturnable: false });
  });
  it("seat covers carry the two-year warranty", () => {
    expect(lines.seatCover).toEqual({ label: "30-day returns from delivery · 2-year warranty", noNote: false, notReturnable: false });
    expect(lines.customSeatCover.label).toBe("No returns for a change of mind · 2-year warranty");
  });
  it("gift cards can't be returned", () => {
    expect(lines.giftCard).toEqual({ label: "Gift cards can't be returned", noNote: false, notReturnable: true });
  });
  it("plain products get no metafield at all", () => {
    expect(productTermsFor(getPreset("ekr-auto")!, CATALOGUE.plain)).toBeNull();
    expect(productTermsFor(getPreset("ekr-auto")!, CATALOGUE.seatCover)).toEqual({ codes: ["WINDOW_30D", "WARRANTY_2Y"], from: "delivery" });
  });
});

describe("per-reason windows (decision 190): labels a buyer sees", () => {
  const ruled = parsePolicy({
    ...structuredClone(getPreset("ekr-auto")!),
    reasonRules: [{ id: "mind", reasons: ["UNWANTED"], window: { days: 14, from: "order" } }, { id: "faults", reasons: ["DEFECTIVE"], window: { days: 60 } }],
  });
  const { shop, lines } = buyerView(ruled);
  it("the shop default names the change-of-mind reason with its own window; a fault's window is not a checkout term", () => {
    expect(shopTermsFor(ruled).defaultTerm).toEqual({ code: "WINDOW_30D", days: 30, from: "delivery", extra: ["REASON_UNWANTED_14D_ORDER"] });
    expect(shop.defaultTerm.extra).toEqual(["REASON_UNWANTED_14D_ORDER"]);
    expect(lines.plain).toEqual({ label: "30-day returns from delivery · Changed my mind: 14 days from the order date", noNote: true, notReturnable: false });
    expect(productTermsFor(ruled, CATALOGUE.plain)).toBeNull();
  });
  it("a product excluded from change-of-mind returns, a warranty and a gift card read as before", () => {
    expect(lines.custom.label).toBe("No returns for a change of mind");
    expect(lines.seatCover).toEqual({ label: "30-day returns from delivery · Changed my mind: 14 days from the order date · 2-year warranty", noNote: false, notReturnable: false });
    expect(lines.giftCard.label).toBe("Gift cards can't be returned");
  });
  it("a change-of-mind window only a reason has, counted from the order, in German", () => {
    const only = parsePolicy({
      ...structuredClone(getPreset("ekr-auto")!),
      reasons: { ...getPreset("ekr-auto")!.reasons, accepted: ["UNWANTED", "DEFECTIVE", "DAMAGED"] },
      windows: { change_of_mind: null, faults: { days: 30, from: "delivery" } },
      reasonRules: [{ id: "mind", reasons: ["UNWANTED"], window: { days: 14, from: "order" } }],
    });
    expect(shopTermsFor(only).defaultTerm).toEqual({ code: "WINDOW_14D", days: 14, from: "order" });
    expect(buyerView(only, "de").lines.plain.label).toBe("14 Tage Rückgabe ab Bestelldatum");
  });
});

describe("ekoh-store: labels a buyer sees", () => {
  const policy = getPreset("ekoh-store")!;
  const { shop, lines } = buyerView(policy);
  it("shop default: no change-of-mind returns", () => {
    expect(shop.defaultTerm.code).toBe("NO_CHANGE_OF_MIND");
    for (const n of ["plain", "perishable", "custom", "personalCare"] as const) {
      expect(lines[n], n).toEqual({ label: "No returns for a change of mind", noNote: true, notReturnable: false });
    }
  });
  it("final-sale tag and on-sale products are final sale, not returnable", () => {
    expect(lines.finalSale).toEqual({ label: "Final sale", noNote: false, notReturnable: true });
    expect(lines.onSale).toEqual({ label: "Final sale", noNote: false, notReturnable: true });
  });
  it("gift cards", () => {
    expect(lines.giftCard).toEqual({ label: "Gift cards can't be returned", noNote: false, notReturnable: true });
  });
  it("no warranty for seat covers in this shop", () => {
    expect(lines.seatCover.label).toBe("No returns for a change of mind");
  });
  it("German buyer: built-in translations and merchant wording", () => {
    const custom = parsePolicy({ ...policy, messages: { "terms.final_sale": { de: "Reduziert – vom Umtausch ausgeschlossen" } } });
    const view = buyerView(custom, "de");
    expect(view.lines.finalSale.label).toBe("Reduziert – vom Umtausch ausgeschlossen");
    expect(view.lines.giftCard.label).not.toBe("Gift cards can't be returned");
    expect(shopTermsFor(custom).texts).toEqual({ de: { FINAL_SALE: "Reduziert – vom Umtausch ausgeschlossen" } });
  });
});

describe("requireFinalSaleAck flows from the policy to the extension's intercept", () => {
  it("off by default; on when the policy asks", () => {
    const off = getPreset("ekoh-store")!;
    const on = parsePolicy({ ...off, checkout: { requireFinalSaleAck: true } });
    for (const [policy, expected] of [[off, "allow"], [on, "block"]] as const) {
      const { shop, lines } = buyerView(policy);
      expect(shopTermsFor(policy).requireFinalSaleAck).toBe(expected === "block");
      const decision = interceptDecision({
        requireAck: shop.requireFinalSaleAck,
        hasFinalSale: lines.finalSale.notReturnable,
        acknowledged: false,
        canBlockProgress: true,
      });
      expect(decision.behavior).toBe(expected);
    }
  });
});

describe("write only when changed", () => {
  const policy = getPreset("ekr-auto")!;
  it("products", () => {
    const desired = productTermsFor(policy, CATALOGUE.seatCover)!;
    expect(productWrite(null, desired)).toBe(stableJson(desired));
    expect(productWrite('{"from":"delivery","codes":["WINDOW_30D","WARRANTY_2Y"]}', desired)).toBeNull();
    expect(productWrite('{"codes":["WINDOW_30D"]}', desired)).toBe(stableJson(desired));
    expect(productWrite("{not json", desired)).toBe(stableJson(desired));
    // a product that became plain is reset to the shop default; absent or empty stays as is
    expect(productWrite('{"codes":["FINAL_SALE"]}', null)).toBe('{"codes":[]}');
    expect(productWrite(null, null)).toBeNull();
    expect(productWrite('{"codes":[]}', null)).toBeNull();
  });
  it("shop", () => {
    const desired = shopTermsFor(policy);
    expect(shopWrite(null, desired)).toBe(stableJson(desired));
    expect(shopWrite(JSON.stringify(desired), desired)).toBeNull();
    expect(shopWrite(stableJson({ ...desired, requireFinalSaleAck: true }), desired)).toBe(stableJson(desired));
  });
});
