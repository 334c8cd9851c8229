import type { Minor } from "./types";

const ZERO_DECIMAL = new Set(["JPY", "KRW", "VND", "CLP", "ISK", "UGX", "XAF", "XOF", "XPF"]);

export function decimalsOf(currency: string): number {
  return ZERO_DECIMAL.has(currency) ? 0 : 2;
}

/** Minor units -> Shopify's decimal string ("12.5", "12.0" style is what Shopify returns). */
export function toDecimal(minor: Minor, currency: string): string {
  const d = decimalsOf(currency);
  if (d === 0) return `${minor}.0`;
  const sign = minor < 0 ? "-" : "";
  const abs = Math.abs(minor);
  const whole = Math.floor(abs / 100);
  const cents = abs % 100;
  const frac = cents === 0 ? "0" : cents % 10 === 0 ? String(cents / 10) : String(cents).padStart(2, "0");
  return `${sign}${whole}.${frac}`;
}

/** Decimal string at the API boundary -> minor units (never via float arithmetic). */
export function fromDecimal(amount: string | number, currency: string): Minor {
  const s = String(amount).trim();
  const m = /^(-)?(\d+)(?:\.(\d+))?$/.exec(s);
  if (!m) throw new Error(`invalid decimal amount "${s}"`);
  const d = decimalsOf(currency);
  const frac = (m[3] ?? "").padEnd(d, "0").slice(0, d);
  const v = Number(m[2]) * 10 ** d + (frac ? Number(frac) : 0);
  return m[1] ? -v : v;
}

export function moneyV2(minor: Minor, currencyCode: string) {
  return { __typename: "MoneyV2", amount: toDecimal(minor, currencyCode), currencyCode };
}

export function moneyBag(shop: Minor, shopCurrency: string, presentment: Minor, presentmentCurrency: string) {
  return {
    __typename: "MoneyBag",
    shopMoney: moneyV2(shop, shopCurrency),
    presentmentMoney: moneyV2(presentment, presentmentCurrency),
  };
}

/** "$25.00" style used in Shopify's refund error messages. */
export function displayMoney(minor: Minor, currency: string): string {
  const symbols: Record<string, string> = { USD: "$", NZD: "$", AUD: "$", CAD: "$", EUR: "€", GBP: "£", JPY: "¥" };
  const d = decimalsOf(currency);
  const abs = Math.abs(minor);
  const body = d === 0 ? String(abs) : `${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
  return `${minor < 0 ? "-" : ""}${symbols[currency] ?? ""}${body}`;
}

/** `presentment` in shop money at the rate of one payment (shopAmount / presentmentAmount), half up; integers only. */
export function toShop(presentment: Minor, shopAmount: Minor, presentmentAmount: Minor): Minor {
  if (presentmentAmount <= 0 || shopAmount === presentmentAmount) return presentment;
  const sign = presentment < 0 ? -1 : 1;
  return sign * Math.floor((Math.abs(presentment) * shopAmount * 2 + presentmentAmount) / (2 * presentmentAmount));
}

/** `shop` in presentment money at the rate of one payment, half up; integers only. */
export function toPresentment(shop: Minor, shopAmount: Minor, presentmentAmount: Minor): Minor {
  return toShop(shop, presentmentAmount, shopAmount);
}
