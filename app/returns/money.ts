// Money as integer minor units in the order's currency. Decimal strings are parsed by the
// currency's exponent with string arithmetic, never through floats.
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
  lines: Array<{ paidMinor: number; taxMinor: number; restockingMinor: number; refundMinor: number }>;
  subtotalMinor: number;
  restockingMinor: number;
  returnShippingFeeMinor: number;
  /** What the shopper gets back: never negative, never more than paid or still refundable. */
  totalMinor: number;
  cappedByRefundable: boolean;
}

/**
 * Refund for a set of returned lines: what was actually paid (unit price after discounts × qty,
 * plus the tax share when known), minus restocking (per line, in basis points) and a flat
 * return shipping fee (once per return), capped by `refundableAmount` when given.
 * Fees apply only to the groups listed in policy.fees.appliesTo, or as a line's per-reason rule sets
 * them (decision 190); a line the shopper keeps carries none.
 */
export function computeRefund(args: {
  policy: Policy;
  currency: string;
  lines: RefundLineInput[];
  refundableAmount?: string;
}): RefundBreakdown {
  const { policy, currency } = args;
  const fees = policy.fees;
  let subtotal = 0;
  let restocking = 0;
  // The return shipping fee is charged once per return: the highest any returned line carries.
  let shipping = 0;
  const lines = args.lines.map((l) => {
    const unit = parseMoney(l.unitPrice, currency);
    const tax = l.unitTax !== undefined ? parseMoney(l.unitTax, currency) : 0;
    const paid = unit * l.quantity + tax * l.quantity;
    if (!Number.isSafeInteger(paid)) throw new MoneyError(`line total too large for ${currency}`);
    const own = l.reason !== undefined && l.group !== "warranty" ? policy.reasonRules.find((r) => r.reasons.includes(l.reason!))?.fees : undefined;
    const applies = !l.keepItem && (own !== undefined || fees.appliesTo.includes(l.group));
    const bps = own ? own.restockingBps : fees.restockingBps;
    if (applies) shipping = Math.max(shipping, own ? own.returnShippingFeeMinor : fees.returnShippingFeeMinor);
    const rs = applies ? Math.min(paid, applyBps(paid, bps)) : 0;
    subtotal += paid;
    restocking += rs;
    return { paidMinor: paid, taxMinor: tax * l.quantity, restockingMinor: rs, refundMinor: paid - rs };
  });
  let total = Math.max(0, subtotal - restocking - shipping);
  let capped = false;
  if (args.refundableAmount !== undefined) {
    const cap = Math.max(0, parseMoney(args.refundableAmount, currency));
    if (total > cap) {
      total = cap;
      capped = true;
    }
  }
  return {
    currency,
    lines,
    subtotalMinor: subtotal,
    restockingMinor: restocking,
    returnShippingFeeMinor: Math.min(shipping, Math.max(0, subtotal - restocking)),
    totalMinor: total,
    cappedByRefundable: capped,
  };
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
