/**
 * Pure mapping from the return policy to the checkout-terms metafields
 * (shapes: extensions/checkout-terms/README.md). The labels come from the engine's lineTerms(), the
 * same code that judges returns: there is no second copy of the rules here, only a translation of
 * its result into the extension's term codes.
 *
 * Engine result -> extension code (one "main" code per product, plus a warranty code):
 *   GIFT_CARD rule                         -> GIFT_CARD
 *   FINAL_SALE rule                        -> FINAL_SALE
 *   EXCLUDED_ITEM rule, faults still open  -> NO_CHANGE_OF_MIND (faulty items stay claimable; "Not
 *                                             returnable" would promise less than the law and policy give)
 *   EXCLUDED_ITEM rule, nothing open       -> EXCLUDED
 *   change-of-mind window open             -> WINDOW_<days>D (+ from)
 *   no change-of-mind window, faults open  -> NO_CHANGE_OF_MIND
 *   nothing open at all                    -> EXCLUDED
 *   warranty of n months                   -> WARRANTY_<n/12>Y when whole years, else WARRANTY_<n>M
 *   beside a window, a change-of-mind reason
 *   with its own window (decision 190)     -> REASON_<REASON>_<days>D_<DELIVERY|FULFILLMENT|ORDER>
 * A product whose codes equal the shop default (no warranty) is "plain": it gets no metafield; the
 * default's reason codes travel in the shop metafield's defaultTerm.extra.
 */
import { lineTerms, type LineTerms, type MatchableLine, type Policy } from "~/returns";

export const TERMS_NAMESPACE = "$app:returns";
export const TERMS_KEY = "terms";
export const TERMS_TYPE = "json";
export const SHOP_TERMS_VERSION = 1;

export type From = "delivery" | "fulfillment" | "order";

/** Shop metafield value ($app:returns / terms on the Shop). */
export interface ShopTermsJson {
  version: number;
  requireFinalSaleAck: boolean;
  defaultTerm: { code: string; days?: number; from: From; extra?: string[] };
  texts?: Record<string, Record<string, string>>;
}

/** Product metafield value ($app:returns / terms on a Product). */
export interface ProductTermsJson {
  codes: string[];
  from?: From;
}

/** What the catalogue tells us about a product before anyone buys it. */
export interface CatalogueProduct {
  id: string;
  tags: readonly string[];
  productType: string;
  vendor: string;
  /** Collection handles (the order snapshot matches collections by handle too). */
  collections: readonly string[];
  isGiftCard: boolean;
  /** Any variant has a compare-at price above its price. */
  onSale: boolean;
}

interface Mapped {
  codes: string[];
  from: From;
}

function toLine(p: Omit<CatalogueProduct, "id">): MatchableLine {
  return {
    tags: p.tags,
    productType: p.productType,
    vendor: p.vendor,
    collections: p.collections,
    // Line item properties are chosen in the cart, not known from the catalogue.
    customAttributes: [],
    isGiftCard: p.isGiftCard,
    onSale: p.onSale,
  };
}

const PLAIN: Omit<CatalogueProduct, "id"> = {
  tags: [],
  productType: "",
  vendor: "",
  collections: [],
  isGiftCard: false,
  onSale: false,
};

function warrantyCode(months: number): string {
  return months % 12 === 0 ? `WARRANTY_${months / 12}Y` : `WARRANTY_${months}M`;
}

/** The extension codes for one engine result. */
export function codesFromLineTerms(lt: LineTerms): Mapped {
  const faults = lt.windows.faults;
  const com = lt.windows.change_of_mind;
  const nothingOpen = !faults && !com;
  let main: string;
  let from: From = com?.from ?? faults?.from ?? "delivery";
  if (lt.codes.includes("GIFT_CARD")) main = "GIFT_CARD";
  else if (lt.codes.includes("FINAL_SALE")) main = "FINAL_SALE";
  else if (lt.codes.includes("EXCLUDED_ITEM")) main = nothingOpen ? "EXCLUDED" : "NO_CHANGE_OF_MIND";
  else if (com) {
    main = `WINDOW_${com.days}D`;
    from = com.from;
  } else main = nothingOpen ? "EXCLUDED" : "NO_CHANGE_OF_MIND";
  const codes = [main];
  if (main.startsWith("WINDOW_"))
    for (const rw of lt.reasonWindows)
      if (rw.group === "change_of_mind") codes.push(`REASON_${rw.reason}_${rw.days}D_${rw.from.toUpperCase()}`);
  if (lt.warranty) codes.push(warrantyCode(lt.warranty.months));
  return { codes, from };
}

function plainTerms(policy: Policy): Mapped {
  return codesFromLineTerms(lineTerms(policy, toLine(PLAIN)));
}

// Merchant overrides in policy.messages that have a code-level counterpart in the extension.
// Window and warranty texts carry parameters ({days}) and stay with the extension's translations.
const TEXT_CODES: Record<string, string> = {
  "terms.final_sale": "FINAL_SALE",
  "terms.gift_card": "GIFT_CARD",
  "terms.no_change_of_mind": "NO_CHANGE_OF_MIND",
  "terms.excluded_item": "EXCLUDED",
};

/** Policy -> the shop metafield value. */
export function shopTermsFor(policy: Policy): ShopTermsJson {
  const plain = plainTerms(policy);
  const code = plain.codes[0] ?? "EXCLUDED";
  const days = /^WINDOW_(\d+)D$/.exec(code)?.[1];
  const extra = plain.codes.filter((c) => c.startsWith("REASON_"));
  const texts: Record<string, Record<string, string>> = {};
  for (const [key, code] of Object.entries(TEXT_CODES)) {
    for (const [locale, text] of Object.entries(policy.messages[key] ?? {})) {
      if (typeof text !== "string" || text.trim() === "") continue;
      (texts[locale] ??= {})[code] = text;
    }
  }
  return {
    version: SHOP_TERMS_VERSION,
    requireFinalSaleAck: policy.checkout.requireFinalSaleAck,
    defaultTerm: { code, ...(days ? { days: Number(days) } : {}), from: plain.from, ...(extra.length ? { extra } : {}) },
    ...(Object.keys(texts).length ? { texts } : {}),
  };
}

/** Policy + product -> the product metafield value, or null when the shop default covers it. */
export function productTermsFor(policy: Policy, product: Omit<CatalogueProduct, "id">): ProductTermsJson | null {
  const plain = plainTerms(policy);
  const mine = codesFromLineTerms(lineTerms(policy, toLine(product)));
  // The shop default carries the main code and the reason codes, never a warranty.
  const isPlain =
    mine.from === plain.from &&
    mine.codes.length === plain.codes.length &&
    mine.codes.every((c, i) => c === plain.codes[i] && !c.startsWith("WARRANTY_"));
  if (isPlain) return null;
  return mine.codes.some((c) => c.startsWith("WINDOW_")) ? { codes: mine.codes, from: mine.from } : { codes: mine.codes };
}

// ---- comparing with what is stored ----

function canonical(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canonical);
  if (v && typeof v === "object") {
    return Object.fromEntries(
      Object.keys(v as Record<string, unknown>)
        .sort()
        .map((k) => [k, canonical((v as Record<string, unknown>)[k])]),
    );
  }
  return v;
}

/** Stable JSON text (sorted keys), so equal values always serialise the same. */
export function stableJson(v: unknown): string {
  return JSON.stringify(canonical(v));
}

function parseStored(stored: string | null | undefined): unknown {
  if (stored === null || stored === undefined) return undefined;
  try {
    return JSON.parse(stored);
  } catch {
    return Symbol("malformed"); // never equal to anything: gets rewritten
  }
}

/**
 * The value to write for a product, or null when what is stored already says the same.
 * A product that became plain gets `{"codes":[]}` (the extension reads that as "shop default").
 */
export function productWrite(stored: string | null | undefined, desired: ProductTermsJson | null): string | null {
  const current = parseStored(stored);
  if (desired === null) {
    if (current === undefined) return null;
    const c = current as { codes?: unknown };
    if (c && typeof c === "object" && Array.isArray(c.codes) && c.codes.length === 0) return null;
    return stableJson({ codes: [] });
  }
  const text = stableJson(desired);
  return current !== undefined && typeof current !== "symbol" && stableJson(current) === text ? null : text;
}

/** The value to write for the shop, or null when unchanged. */
export function shopWrite(stored: string | null | undefined, desired: ShopTermsJson): string | null {
  const current = parseStored(stored);
  const text = stableJson(desired);
  return current !== undefined && typeof current !== "symbol" && stableJson(current) === text ? null : text;
}
