// Pure mapping from the app-owned metafields to the return terms shown at checkout.
// No `shopify` global here: the targets pass in what they read, so this is unit-tested in terms.test.ts.
// The JSON shapes are documented in ../README.md (the app writes them from the engine's lineTerms()).

export const LOCALES = ["en", "fr", "de", "es"] as const;
export type Locale = (typeof LOCALES)[number];

export type From = "delivery" | "fulfillment" | "order";

const fromOf = (v: unknown): From | undefined => (v === "delivery" || v === "fulfillment" || v === "order" ? v : undefined);
const CODE = /^[A-Z0-9_]+$/;
const codesOf = (v: unknown): string[] => (Array.isArray(v) ? v.filter((c): c is string => typeof c === "string" && CODE.test(c)) : []);

/** Shop metafield $app:returns / terms. */
export interface ShopTerms {
  version: number;
  requireFinalSaleAck: boolean;
  /** `extra`: the default's per-reason window codes (REASON_...), shown beside its main code. */
  defaultTerm: { code: string; days: number; from: From; extra?: string[] };
  /** Optional merchant wording per locale and term code; overrides the built-in labels. */
  texts: Partial<Record<string, Record<string, string>>>;
}

/** Product metafield $app:returns / terms. */
export interface ProductTerms {
  codes: string[];
  /** Window start for WINDOW_<n>D codes; defaults to the shop's defaultTerm.from. */
  from?: From;
}

export interface Term {
  code: string;
  /** i18n key in locales/*.json */
  key: string;
  params: Record<string, string | number>;
  /** The return reason a per-reason window is for (its words come from the locale's `reasons`). */
  reason?: string;
}

/** Codes that make a line not returnable. */
export const NOT_RETURNABLE = new Set(["FINAL_SALE", "GIFT_CARD", "EXCLUDED"]);

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function parseJson(value: unknown): unknown {
  if (typeof value !== "string") return value;
  try {
    return JSON.parse(value);
  } catch {
    return undefined;
  }
}

/** Lenient: a missing or malformed shop metafield yields null (the extension then renders nothing). */
export function parseShopTerms(value: unknown): ShopTerms | null {
  const v = parseJson(value);
  if (!isRecord(v)) return null;
  const dt = isRecord(v.defaultTerm) ? v.defaultTerm : undefined;
  const days = dt && typeof dt.days === "number" && Number.isInteger(dt.days) && dt.days > 0 ? dt.days : undefined;
  const from: From = fromOf(dt?.from) ?? "delivery";
  const extra = codesOf(dt?.extra);
  const code = dt && typeof dt.code === "string" ? dt.code : days ? `WINDOW_${days}D` : "";
  if (!code) return null;
  const texts: ShopTerms["texts"] = {};
  if (isRecord(v.texts)) {
    for (const [loc, t] of Object.entries(v.texts)) {
      if (!isRecord(t)) continue;
      const entries = Object.entries(t).filter((e): e is [string, string] => typeof e[1] === "string");
      texts[loc] = Object.fromEntries(entries);
    }
  }
  return {
    version: typeof v.version === "number" ? v.version : 1,
    requireFinalSaleAck: v.requireFinalSaleAck === true,
    defaultTerm: { code, days: days ?? windowDays(code) ?? 0, from, ...(extra.length ? { extra } : {}) },
    texts,
  };
}

export function parseProductTerms(value: unknown): ProductTerms | null {
  const v = parseJson(value);
  if (!isRecord(v) || !Array.isArray(v.codes)) return null;
  const codes = codesOf(v.codes);
  const from = fromOf(v.from);
  return { codes, ...(from ? { from } : {}) };
}

function windowDays(code: string): number | undefined {
  const m = /^WINDOW_(\d+)D$/.exec(code);
  return m ? Number(m[1]) : undefined;
}

function warrantyMonths(code: string): number | undefined {
  const y = /^WARRANTY_(\d+)Y$/.exec(code);
  if (y) return Number(y[1]) * 12;
  const m = /^WARRANTY_(\d+)M$/.exec(code);
  return m ? Number(m[1]) : undefined;
}

const WINDOW_KEY: Record<From, string> = { delivery: "Delivery", fulfillment: "Fulfillment", order: "Order" };

/** REASON_<REASON>_<n>D_<START>: a return reason with its own window (the policy's per-reason rules). */
function reasonWindow(code: string): { reason: string; days: number; from: From } | undefined {
  const m = /^REASON_([A-Z_]+)_(\d+)D_(DELIVERY|FULFILLMENT|ORDER)$/.exec(code);
  return m ? { reason: m[1]!, days: Number(m[2]), from: m[3]!.toLowerCase() as From } : undefined;
}

/** One code -> one label key with its parameters. Unknown codes map to null (not shown). */
export function termFor(code: string, from: From): Term | null {
  if (code === "FINAL_SALE") return { code, key: "terms.finalSale", params: {} };
  if (code === "GIFT_CARD") return { code, key: "terms.giftCard", params: {} };
  if (code === "EXCLUDED") return { code, key: "terms.excluded", params: {} };
  if (code === "NO_CHANGE_OF_MIND") return { code, key: "terms.noChangeOfMind", params: {} };
  const days = windowDays(code);
  if (days !== undefined) return { code, key: `terms.window${WINDOW_KEY[from]}`, params: { days } };
  const own = reasonWindow(code);
  if (own) return { code, key: `terms.reason${WINDOW_KEY[own.from]}`, params: { days: own.days }, reason: own.reason };
  const months = warrantyMonths(code);
  if (months !== undefined) {
    return months % 12 === 0
      ? { code, key: "terms.warrantyYears", params: { count: months / 12 } }
      : { code, key: "terms.warrantyMonths", params: { count: months } };
  }
  return null;
}

function termsOf(codes: readonly string[], from: From): Term[] {
  return codes.flatMap((c) => {
    const t = termFor(c, from);
    return t ? [t] : [];
  });
}

/** The shop default's terms: its main code and any per-reason windows. */
export function defaultTerms(shop: ShopTerms): Term[] {
  return termsOf([shop.defaultTerm.code, ...(shop.defaultTerm.extra ?? [])], shop.defaultTerm.from);
}

/** Terms of a line: its own codes, or the shop default when the product has no metafield. */
export function termsForLine(product: ProductTerms | null, shop: ShopTerms): Term[] {
  if (!product || product.codes.length === 0) return defaultTerms(shop);
  const terms = termsOf(product.codes, product.from ?? shop.defaultTerm.from);
  // A not-returnable line shows only that: a window next to "Final sale" would contradict it.
  const blocking = terms.filter((t) => NOT_RETURNABLE.has(t.code));
  return blocking.length ? blocking.concat(terms.filter((t) => t.code.startsWith("WARRANTY_"))) : terms;
}

export function isDefaultTerms(terms: Term[], shop: ShopTerms): boolean {
  const def = defaultTerms(shop);
  return def.length > 0 && terms.length === def.length && terms.every((t, i) => t.key === def[i]!.key && t.reason === def[i]!.reason && sameParams(t.params, def[i]!.params));
}

function sameParams(a: Term["params"], b: Term["params"]) {
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => a[k] === b[k]);
}

export function isNotReturnable(terms: Term[]): boolean {
  return terms.some((t) => NOT_RETURNABLE.has(t.code));
}

export type Translate = (key: string, params?: Record<string, string | number>) => string;

/** Label for a term: the merchant's text for this locale when given, else the extension's translation. */
export function labelFor(term: Term, shop: ShopTerms, locale: string, t: Translate): string {
  const lang = locale.toLowerCase().split("-")[0] ?? "en";
  const custom = shop.texts[locale]?.[term.code] ?? shop.texts[lang]?.[term.code];
  return custom ?? t(term.key, term.reason ? { ...term.params, reason: t(`reasons.${term.reason}`) } : term.params);
}

/** Numeric tail of a gid or a plain numeric id, so product ids from different APIs compare equal. */
export function numericId(id: string | number | undefined | null): string {
  if (id === undefined || id === null) return "";
  const s = String(id);
  const m = /(\d+)(?:\?.*)?$/.exec(s);
  return m ? (m[1] ?? s) : s;
}

export interface AppMetafieldEntryLike {
  target: { type: string; id: string | number };
  metafield: { namespace: string; key: string; value: string | number | boolean };
}

export const METAFIELD_NAMESPACE = "$app:returns";
export const METAFIELD_KEY = "terms";

function isTermsMetafield(m: AppMetafieldEntryLike["metafield"]) {
  // Shopify returns app-owned namespaces in the "$app" form; accept both "$app:returns"/"terms" and
  // "$app"/"returns.terms" spellings so a change in how the host reports them does not blank the UI.
  return (
    (m.namespace === METAFIELD_NAMESPACE && m.key === METAFIELD_KEY) ||
    (m.namespace === "$app" && m.key === "returns.terms")
  );
}

export function shopTermsFrom(entries: readonly AppMetafieldEntryLike[]): ShopTerms | null {
  const e = entries.find((x) => x.target.type === "shop" && isTermsMetafield(x.metafield));
  return e ? parseShopTerms(e.metafield.value) : null;
}

export function productTermsFrom(entries: readonly AppMetafieldEntryLike[], productId: string): ProductTerms | null {
  const id = numericId(productId);
  const e = entries.find(
    (x) => x.target.type === "product" && numericId(x.target.id) === id && isTermsMetafield(x.metafield),
  );
  return e ? parseProductTerms(e.metafield.value) : null;
}

export interface CartLineLike {
  id: string;
  merchandise: { title?: string; product?: { id: string }; type?: string };
}

export interface LineTerms {
  lineId: string;
  title: string;
  terms: Term[];
  notReturnable: boolean;
  differs: boolean;
}

export function linesTerms(lines: readonly CartLineLike[], entries: readonly AppMetafieldEntryLike[], shop: ShopTerms): LineTerms[] {
  return lines.map((l) => {
    const terms = termsForLine(productTermsFrom(entries, l.merchandise.product?.id ?? ""), shop);
    return {
      lineId: l.id,
      title: l.merchandise.title ?? "",
      terms,
      notReturnable: isNotReturnable(terms),
      differs: !isDefaultTerms(terms, shop),
    };
  });
}

// ---- Final-sale acknowledgement (buyer journey intercept) ----

export interface InterceptDecision {
  behavior: "allow" | "block";
  reason?: string;
  /** i18n key of the message shown to the buyer */
  messageKey?: string;
}

/**
 * Block progress only when the merchant asked for the acknowledgement, the cart holds a final-sale line,
 * the box is not ticked, and Shopify says this extension may block (block_progress granted by merchant).
 */
export function interceptDecision(args: {
  requireAck: boolean;
  hasFinalSale: boolean;
  acknowledged: boolean;
  canBlockProgress: boolean;
}): InterceptDecision {
  if (!args.requireAck || !args.hasFinalSale || args.acknowledged || !args.canBlockProgress) {
    return { behavior: "allow" };
  }
  return { behavior: "block", reason: "final-sale acknowledgement missing", messageKey: "ack.error" };
}
