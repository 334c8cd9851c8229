import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createTranslate, type Messages } from "../../../preview/i18n";
import {
  interceptDecision,
  labelFor,
  linesTerms,
  parseProductTerms,
  parseShopTerms,
  productTermsFrom,
  shopTermsFrom,
  termsForLine,
  type AppMetafieldEntryLike,
} from "./terms";

const locale = (name: string) =>
  JSON.parse(readFileSync(new URL(`../locales/${name}.json`, import.meta.url), "utf8")) as Messages;
const en = locale("en.default");
const tFor = (name: string, code: string) => createTranslate(name === "en.default" ? en : locale(name), en, code);

const shopValue = {
  version: 1,
  requireFinalSaleAck: true,
  defaultTerm: { code: "WINDOW_30D", days: 30, from: "delivery" },
  texts: { de: { FINAL_SALE: "Reduziert – vom Umtausch ausgeschlossen" } },
};
const entries: AppMetafieldEntryLike[] = [
  { target: { type: "shop", id: "1" }, metafield: { namespace: "$app:returns", key: "terms", value: JSON.stringify(shopValue) } },
  { target: { type: "product", id: "101" }, metafield: { namespace: "$app:returns", key: "terms", value: '{"codes":["FINAL_SALE"]}' } },
  { target: { type: "product", id: "102" }, metafield: { namespace: "$app:returns", key: "terms", value: '{"codes":["WINDOW_30D","WARRANTY_2Y"]}' } },
  { target: { type: "product", id: "103" }, metafield: { namespace: "$app", key: "returns.terms", value: '{"codes":["WINDOW_14D"],"from":"fulfillment"}' } },
  { target: { type: "product", id: "104" }, metafield: { namespace: "other", key: "terms", value: '{"codes":["FINAL_SALE"]}' } },
];
const shop = parseShopTerms(JSON.stringify(shopValue))!;
const line = (n: number, title: string) => ({ id: `gid://shopify/CartLine/${n}`, merchandise: { title, product: { id: `gid://shopify/Product/${n}` } } });

describe("metafield parsing", () => {
  it("parses the shop metafield and tolerates junk", () => {
    expect(shop).toEqual({
      version: 1,
      requireFinalSaleAck: true,
      defaultTerm: { code: "WINDOW_30D", days: 30, from: "delivery" },
      texts: { de: { FINAL_SALE: "Reduziert – vom Umtausch ausgeschlossen" } },
    });
    expect(parseShopTerms("not json")).toBeNull();
    expect(parseShopTerms({ version: 1 })).toBeNull();
    expect(parseShopTerms({ defaultTerm: { days: 14 } })?.defaultTerm).toEqual({ code: "WINDOW_14D", days: 14, from: "delivery" });
    expect(parseShopTerms({ defaultTerm: { code: "WINDOW_30D", days: 30 } })?.requireFinalSaleAck).toBe(false);
  });

  it("parses product codes, dropping malformed ones", () => {
    expect(parseProductTerms('{"codes":["FINAL_SALE","bad code",3]}')).toEqual({ codes: ["FINAL_SALE"] });
    expect(parseProductTerms('{"nope":1}')).toBeNull();
  });

  it("finds metafields by owner, matching gids to numeric ids, and ignores other namespaces", () => {
    expect(shopTermsFrom(entries)?.defaultTerm.days).toBe(30);
    expect(productTermsFrom(entries, "gid://shopify/Product/101")).toEqual({ codes: ["FINAL_SALE"] });
    expect(productTermsFrom(entries, "103")).toEqual({ codes: ["WINDOW_14D"], from: "fulfillment" });
    expect(productTermsFrom(entries, "gid://shopify/Product/104")).toBeNull();
    expect(shopTermsFrom([])).toBeNull();
  });
});

describe("terms -> labels", () => {
  const labels = (n: number, loc = "en.default", code = "en") => {
    const t = tFor(loc, code);
    return termsForLine(productTermsFrom(entries, String(n)), shop).map((term) => labelFor(term, shop, code, t));
  };

  it("labels each kind of line in English", () => {
    expect(labels(101)).toEqual(["Final sale"]);
    expect(labels(102)).toEqual(["30-day returns from delivery", "2-year warranty"]);
    expect(labels(103)).toEqual(["14-day returns from shipping"]);
    expect(labels(999)).toEqual(["30-day returns from delivery"]); // no metafield: shop default
  });

  it("localises, with plural forms and merchant overrides", () => {
    expect(labels(102, "fr", "fr")).toEqual(["Retours sous 30 jours après la livraison", "Garantie 2 ans"]);
    expect(labels(102, "es", "es")).toEqual(["Devoluciones en 30 días desde la entrega", "Garantía de 2 años"]);
    expect(labels(101, "de", "de")).toEqual(["Reduziert – vom Umtausch ausgeschlossen"]);
    const one = termsForLine({ codes: ["WARRANTY_1Y"] }, shop).map((x) => labelFor(x, shop, "de", tFor("de", "de")));
    expect(one).toEqual(["1 Jahr Garantie"]);
  });

  it("a final-sale line shows only final sale (and any warranty), never a return window", () => {
    expect(termsForLine({ codes: ["FINAL_SALE", "WINDOW_30D", "WARRANTY_2Y"] }, shop).map((x) => x.code)).toEqual([
      "FINAL_SALE",
      "WARRANTY_2Y",
    ]);
  });

  it("marks which lines differ from the default and which are not returnable", () => {
    const rows = linesTerms([line(101, "Sale tee"), line(102, "Kettle"), line(999, "Socks")], entries, shop);
    expect(rows.map((r) => [r.title, r.differs, r.notReturnable])).toEqual([
      ["Sale tee", true, true],
      ["Kettle", true, false],
      ["Socks", false, false],
    ]);
  });

  it("names a reason with its own window beside the line's window, in the buyer's language", () => {
    const codes = ["WINDOW_30D", "REASON_UNWANTED_14D_ORDER", "REASON_STYLE_60D_FULFILLMENT", "REASON_BAD_1D_SOMEDAY"];
    const say = (loc: string, code: string) => termsForLine({ codes }, shop).map((x) => labelFor(x, shop, code, tFor(loc, code)));
    expect(say("en.default", "en")).toEqual([
      "30-day returns from delivery",
      "Changed my mind: 14 days from the order date",
      "Didn't like the style: 60 days from shipping",
    ]);
    expect(say("fr", "fr")[1]).toBe("J'ai changé d'avis : 14 jours après la commande");
    expect(termsForLine({ codes: ["WINDOW_14D"], from: "order" }, shop).map((x) => labelFor(x, shop, "en", tFor("en.default", "en")))).toEqual([
      "14-day returns from the order date",
    ]);
    // not returnable: no window of any kind next to it
    expect(termsForLine({ codes: ["FINAL_SALE", ...codes] }, shop).map((x) => x.code)).toEqual(["FINAL_SALE"]);
  });

  it("the shop default carries its per-reason windows: lines on it get no note, a line without them differs", () => {
    const withExtra = parseShopTerms({ defaultTerm: { code: "WINDOW_30D", days: 30, from: "delivery", extra: ["REASON_UNWANTED_14D_ORDER", "bad code", 7] } })!;
    expect(withExtra.defaultTerm).toEqual({ code: "WINDOW_30D", days: 30, from: "delivery", extra: ["REASON_UNWANTED_14D_ORDER"] });
    expect(parseShopTerms({ defaultTerm: { days: 14, from: "order" } })?.defaultTerm).toEqual({ code: "WINDOW_14D", days: 14, from: "order" });
    const own: AppMetafieldEntryLike[] = [{ target: { type: "product", id: "5" }, metafield: { namespace: "$app:returns", key: "terms", value: '{"codes":["WINDOW_30D"],"from":"delivery"}' } }];
    const rows = linesTerms([line(5, "Mat"), line(6, "Socks")], own, withExtra);
    expect(rows.map((r) => [r.title, r.terms.map((x) => x.code), r.differs])).toEqual([
      ["Mat", ["WINDOW_30D"], true],
      ["Socks", ["WINDOW_30D", "REASON_UNWANTED_14D_ORDER"], false],
    ]);
  });

  it("every key the mapping can produce exists in every locale", () => {
    const reasons = ["UNWANTED", "DEFECTIVE", "DAMAGED", "WRONG_ITEM", "NOT_AS_DESCRIBED", "SIZE_TOO_SMALL", "SIZE_TOO_LARGE", "STYLE", "COLOR", "OTHER"];
    const perReason = reasons.flatMap((r) => ["DELIVERY", "FULFILLMENT", "ORDER"].map((f) => `REASON_${r}_14D_${f}`));
    const codes = ["FINAL_SALE", "GIFT_CARD", "EXCLUDED", "NO_CHANGE_OF_MIND", "WINDOW_30D", "WARRANTY_2Y", "WARRANTY_6M", ...perReason];
    for (const loc of ["en.default", "fr", "de", "es"]) {
      const t = tFor(loc, loc.slice(0, 2));
      for (const from of ["delivery", "fulfillment", "order"] as const) {
        for (const term of termsForLine({ codes, from }, shop)) {
          expect(t(term.key, term.params), `${loc} ${term.key}`).not.toBe(term.key);
          if (term.reason) expect(t(`reasons.${term.reason}`), `${loc} ${term.reason}`).not.toBe(`reasons.${term.reason}`);
        }
      }
      for (const k of ["thankYou.heading", "thankYou.allItems", "thankYou.otherItems", "cartLine.finalSale", "ack.label", "ack.error"]) {
        expect(t(k), `${loc} ${k}`).not.toBe(k);
      }
    }
  });
});

describe("final-sale intercept", () => {
  const base = { requireAck: true, hasFinalSale: true, acknowledged: false, canBlockProgress: true };
  it("blocks until acknowledged", () => {
    expect(interceptDecision(base)).toEqual({ behavior: "block", reason: "final-sale acknowledgement missing", messageKey: "ack.error" });
    expect(interceptDecision({ ...base, acknowledged: true }).behavior).toBe("allow");
  });
  it("allows when not required, no final-sale line, or blocking is not permitted", () => {
    expect(interceptDecision({ ...base, requireAck: false }).behavior).toBe("allow");
    expect(interceptDecision({ ...base, hasFinalSale: false }).behavior).toBe("allow");
    expect(interceptDecision({ ...base, canBlockProgress: false }).behavior).toBe("allow");
  });
});
