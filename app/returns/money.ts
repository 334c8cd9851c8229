// Money as integer minor units in the order's currency: the currency the shopper paid (Shopify's
// presentment money), with shop money beside it where the two differ. Decimal strings are parsed by
// the currency's exponent with string arithmetic, never through floats; converting between the two
// uses the rate Shopify recorded on the order (docs/decisions/150-shop-and-presentment-money.md).
import type { ClaimGroup, Policy, Reason } from "./policy";
import { addBusinessDays, civilDateOf, formatCivil, parseCivil } from "./time";

/** ISO 4217 minor-unit exponents that differ from 2. */
const EXPONENTS: Record<string, number> = {
  BIF: 0, CLP: 0, DJF: 0, GNF: 0, ISK: 0, JPY: 0, KMF: 0, KRW: 0, PYG: 0, RWF: 0,
  UGX: 0, UYI: 0, VND: 0, VUV: 0, XAF: 0, XOF: 0, XPF: 0,
  BHD: 3, IQD: 3, JOD: 3, KWD: 3, LYD: 3, OMR: 3, TND: 3,
};

export function currencyExponent(currency: string): number {
  return EXPONENTS[currency.toUpperCase()] ?? 2;
}

export class MoneyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "MoneyError";
  }
}

const DECIMAL = /^(-)?(\d+)(?:\.(\d+))?$/;

/** True when `s` is a decimal string with no more significant decimals than the currency has. */
export function isDecimalForCurrency(s: string, currency: string): boolean {
  const m = DECIMAL.exec(s);
  if (!m) return false;
  const frac = (m[3] ?? "").replace(/0+$/, "");
  return frac.length <= currencyExponent(currency);
}

/** "8.50" NZD -> 850; "1000" JPY -> 1000; "1.234" KWD -> 1234. Throws on extra precision. */
export function parseMoney(s: string, currency: string): number {
  const m = DECIMAL.exec(s.trim());
  if (!m) throw new MoneyError(`not a decimal amount: "${s}"`);
  const exp = currencyExponent(currency);
  const frac = m[3] ?? "";
  if (frac.replace(/0+$/, "").length > exp) throw new MoneyError(`"${s}" has more than ${exp} decimals for ${currency}`);
  const digits = (m[2] ?? "0") + frac.padEnd(exp, "0").slice(0, exp);
  const value = BigInt(digits);
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new MoneyError(`"${s}" is too large`);
  const n = Number(value);
  return m[1] && n !== 0 ? -n : n;
}

/** 850 NZD -> "8.50"; 1000 JPY -> "1000"; -5 USD -> "-0.05". */
export function toDecimalString(minor: number, currency: string): string {
  if (!Number.isSafeInteger(minor)) throw new MoneyError(`minor units must be a safe integer, got ${minor}`);
  const exp = currencyExponent(currency);
  const neg = minor < 0;
  const digits = String(Math.abs(minor)).padStart(exp + 1, "0");
  const whole = digits.slice(0, digits.length - exp);
  const frac = digits.slice(digits.length - exp);
  return `${neg ? "-" : ""}${whole}${exp > 0 ? `.${frac}` : ""}`;
}

/** Localised display, e.g. formatMoney(850, "NZD", "en-NZ") -> "$8.50". Intl reads the string exactly. */
export function formatMoney(minor: number, currency: string, locale = "en"): string {
  const exp = currencyExponent(currency);
  const nf = new Intl.NumberFormat(locale, {
    style: "currency",
    currency,
    minimumFractionDigits: exp,
    maximumFractionDigits: exp,
  });
  // Intl.NumberFormat.format accepts a decimal string and formats it without a float round-trip.
  return nf.format(toDecimalString(minor, currency) as unknown as number);
}

/** amount * bps / 10000, rounded half up, in integer arithmetic. */
export function applyBps(amountMinor: number, bps: number): number {
  const num = BigInt(amountMinor) * BigInt(bps);
  return Number((num + 5000n) / 10000n);
}

/**
 * Shopify's recorded rate of one order: the same amount (the order's total) in shop money and in
 * presentment money, both in minor units. Ratios of minor units carry the exponents, so NZD cents to
 * whole JPY needs no extra factor.
 */
export interface RecordedRate {
  shopCurrency: string;
  shopMinor: number;
  presentmentMinor: number;
}

/** `amount` * to / from, rounded half up, in integer arithmetic (to/from: one amount in two currencies). */
export function convertMinor(amount: number, from: number, to: number): number {
  if (!Number.isSafeInteger(amount) || !Number.isSafeInteger(from) || !Number.isSafeInteger(to)) throw new MoneyError("amounts must be safe integers");
  if (from <= 0) throw new MoneyError("a rate needs a positive amount to convert from");
  const neg = amount < 0;
  const num = BigInt(Math.abs(amount)) * BigInt(to) * 2n + BigInt(from);
  const out = Number(num / (2n * BigInt(from)));
  return neg ? -out : out;
}

/** Shop money (minor units) to the order's presentment money at the order's recorded rate. */
export const shopToPresentment = (minor: number, rate: RecordedRate | undefined) => (rate ? convertMinor(minor, rate.shopMinor, rate.presentmentMinor) : minor);
/** Presentment money (minor units) to shop money at the order's recorded rate. */
export const presentmentToShop = (minor: number, rate: RecordedRate | undefined) => (rate ? convertMinor(minor, rate.presentmentMinor, rate.shopMinor) : minor);

/** A restocking fee in basis points as the percentage Shopify's RestockingFeeInput takes (1250 -> 12.5). */
export function bpsToPercentage(bps: number): number {
  // exact: bps are integers, and two decimals of a percentage are what basis points can express
  return Number(toDecimalString(bps, "USD"));
}

export interface RefundLineInput {
  /** Decimal strings as on the order snapshot. */
  unitPrice: string;
  unitTax?: string;
  quantity: number;
  group: ClaimGroup | "warranty";
  /** The line's reason: a per-reason rule's fees replace the group's (decision 190). */
  reason?: Reason;
  /** Kept by the shopper (no return): no restocking, no return shipping. */
  keepItem?: boolean;
}

export interface RefundBreakdown {
  currency: string;
  /** `restockingPercentage`: the line's own restocking fee as sent to Shopify (0 when none) */
  lines: Array<{ paidMinor: number; taxMinor: number; restockingMinor: number; refundMinor: number; restockingPercentage: number }>;
  subtotalMinor: number;
  restockingMinor: number;
  returnShippingFeeMinor: number;
  /** What the shopper gets back: never negative, never more than paid or still refundable. */
  totalMinor: number;
  cappedByRefundable: boolean;
  /** The first restocking percentage any line carries (0 when none); per line in `lines` (per-reason rules may differ). */
  restockingPercentage: number;
  /** The same money in the shop's currency, at the order's recorded rate (equal amounts when the shopper paid in it). */
  shop: { currency: string; totalMinor: number; feesMinor: number };
}

/**
 * Refund for a set of returned lines: what was actually paid (unit price after discounts × qty,
 * plus the tax share when known), minus restocking (per line, in basis points of the line's price
 * after discounts, without tax, as Shopify takes it) and a flat
 * return shipping fee (once per return), capped by `refundableAmount` when given.
 * Fees apply only to the groups listed in policy.fees.appliesTo, or as a line's per-reason rule sets
 * them (decision 190); a line the shopper keeps carries none.
 *
 * `currency` is the order's presentment currency (what the shopper paid in); line prices and
 * `refundableAmount` are in it. The policy's flat return shipping fee is set in shop money and is
 * converted at the order's recorded `rate` (half up, to the currency's minor unit: whole yen for JPY).
 */
export function computeRefund(args: {
  policy: Policy;
  currency: string;
  lines: RefundLineInput[];
  refundableAmount?: string;
  /** when the shopper paid in a currency other than the shop's */
  rate?: RecordedRate;
}): RefundBreakdown {
  const { policy, currency } = args;
  const fees = policy.fees;
  let subtotal = 0;
  let restocking = 0;
  // The return shipping fee is charged once per return: the highest any returned line carries.
  let shippingShop = 0;
  let restockingPercentage = 0;
  const lines = args.lines.map((l) => {
    const unit = parseMoney(l.unitPrice, currency);
    const tax = l.unitTax !== undefined ? parseMoney(l.unitTax, currency) : 0;
    const paid = unit * l.quantity + tax * l.quantity;
    if (!Number.isSafeInteger(paid)) throw new MoneyError(`line total too large for ${currency}`);
    const own = l.reason !== undefined && l.group !== "warranty" ? policy.reasonRules.find((r) => r.reasons.includes(l.reason!))?.fees : undefined;
    const applies = !l.keepItem && (own !== undefined || fees.appliesTo.includes(l.group));
    const bps = own ? own.restockingBps : fees.restockingBps;
    if (applies) shippingShop = Math.max(shippingShop, own ? own.returnShippingFeeMinor : fees.returnShippingFeeMinor);
    // Shopify takes a restocking fee on the line's subtotal after discounts, without its tax: a recorded
    // returnCalculate (../shared/shopify/captures/2026-04-return-query-roots-recorded.json) answers 10% of a
    // 20.00 line with 1.00 tax as a 2.0 fee. The same basis here, so the refund and the fee equal Shopify's.
    const rs = applies ? Math.min(paid, applyBps(unit * l.quantity, bps)) : 0;
    if (rs > 0 && restockingPercentage === 0) restockingPercentage = bpsToPercentage(bps);
    subtotal += paid;
    restocking += rs;
    return { paidMinor: paid, taxMinor: tax * l.quantity, restockingMinor: rs, refundMinor: paid - rs, restockingPercentage: rs > 0 ? bpsToPercentage(bps) : 0 };
  });
  // set in shop money; converted at the order's recorded rate
  const shipping = shopToPresentment(shippingShop, args.rate);
  let total = Math.max(0, subtotal - restocking - shipping);
  let capped = false;
  if (args.refundableAmount !== undefined) {
    const cap = Math.max(0, parseMoney(args.refundableAmount, currency));
    if (total > cap) {
      total = cap;
      capped = true;
    }
  }
  const shippingTaken = Math.min(shipping, Math.max(0, subtotal - restocking));
  return {
    currency,
    lines,
    subtotalMinor: subtotal,
    restockingMinor: restocking,
    returnShippingFeeMinor: shippingTaken,
    totalMinor: total,
    cappedByRefundable: capped,
    restockingPercentage,
    shop: {
      currency: args.rate?.shopCurrency ?? currency,
      totalMinor: presentmentToShop(total, args.rate),
      feesMinor: presentmentToShop(restocking + shippingTaken, args.rate),
    },
  };
}

/**
 * The order's recorded rate, or undefined when the shopper paid in the shop's currency or the order
 * has no total to take a rate from (a zero-total order converts nothing).
 */
export function recordedRateOf(order: { currency: string; shopMoney?: { currency: string; total: string; presentmentTotal: string } | undefined }): RecordedRate | undefined {
  const sm = order.shopMoney;
  if (!sm || sm.currency === order.currency) return undefined;
  const shopMinor = parseMoney(sm.total, sm.currency);
  const presentmentMinor = parseMoney(sm.presentmentTotal, order.currency);
  if (shopMinor <= 0 || presentmentMinor <= 0) return undefined;
  return { shopCurrency: sm.currency, shopMinor, presentmentMinor };
}

export type RefundRegion = "domestic" | "international";

/**
 * When the refund should reach the shopper, in business days (Mon–Fri, minus policy holidays)
 * from approval, as local dates in the shop's zone. Earliest = domestic/international min + bank min;
 * latest = max + bank max. Null when the policy states no timeline.
 */
export function expectedRefundDates(args: {
  policy: Policy;
  approvedAt: string;
  region: RefundRegion;
  shop: { timezone: string };
}): { earliest: string; latest: string; businessDays: { min: number; max: number } } | null {
  const tl = args.policy.refundTimelines;
  if (!tl) return null;
  const approvedMs = Date.parse(args.approvedAt);
  if (!Number.isFinite(approvedMs)) throw new MoneyError(`approvedAt is not a date: ${args.approvedAt}`);
  const start = civilDateOf(approvedMs, args.shop.timezone);
  const range = tl[args.region];
  const holidays = new Set(tl.holidays.map((h) => formatCivil(parseCivil(h))));
  const min = range.min + tl.bank.min;
  const max = range.max + tl.bank.max;
  return {
    earliest: formatCivil(addBusinessDays(start, min, holidays)),
    latest: formatCivil(addBusinessDays(start, max, holidays)),
    businessDays: { min, max },
  };
}

export function regionOf(order: { shippingCountry: string | null }, shop: { country: string }): RefundRegion {
  return order.shippingCountry === null || order.shippingCountry === shop.country ? "domestic" : "international";
}
