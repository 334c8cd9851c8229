// Formatting helpers. Money stays a decimal string end to end: Intl formats the string directly
// (Intl.NumberFormat v3 accepts decimal strings), so no float ever touches an amount.
import type { ReturnStatus } from "./api";

export function formatMoney(amount: string, currency: string, locale: string): string {
  if (!/^-?\d+(\.\d+)?$/.test(amount)) return `${amount} ${currency}`;
  try {
    return new Intl.NumberFormat(locale, { style: "currency", currency }).format(amount as `${number}`);
  } catch {
    return `${amount} ${currency}`;
  }
}

/**
 * Multiplies a decimal string by an integer quantity without floats: the digits are read as an integer count of
 * minor units (exact below 2^53, far beyond any order) and the decimal point is put back. No BigInt: Shopify
 * bundles extensions for ES2015.
 */
export function multiplyAmount(amount: string, quantity: number): string {
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(amount);
  if (!m || !Number.isInteger(quantity)) return amount;
  const decimals = (m[3] ?? "").length;
  const minor = Number((m[2] ?? "0") + (m[3] ?? "")) * quantity;
  if (!Number.isSafeInteger(minor)) return amount;
  const s = String(Math.abs(minor)).padStart(decimals + 1, "0");
  const intPart = decimals ? s.slice(0, -decimals) : s;
  const frac = decimals ? "." + s.slice(-decimals) : "";
  return (m[1] === "-" && minor !== 0 ? "-" : "") + intPart + frac;
}

/**
 * Calendar date of an ISO timestamp or date, in UTC (deadlines are dates, not instants on a clock), in the
 * one style the app's own sentences use for the same language ("31 December 2026" for English, as
 * app/returns/messages.ts formatDate), so a screen never shows two styles.
 */
export function formatDate(iso: string, locale: string): string {
  const d = new Date(/^\d{4}-\d{2}-\d{2}$/.test(iso) ? iso + "T00:00:00Z" : iso);
  if (Number.isNaN(d.getTime())) return iso;
  const lang = locale.toLowerCase().split("-")[0];
  return new Intl.DateTimeFormat(lang === "en" ? "en-GB" : locale, { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" }).format(d);
}

/** Customer-account badges take only these tones. */
export type BadgeTone = "auto" | "neutral" | "critical";

export function statusTone(status: ReturnStatus): BadgeTone {
  switch (status) {
    case "declined":
    case "refused":
      return "critical";
    case "closed":
    case "cancelled":
      return "neutral";
    default:
      return "auto";
  }
}

/** i18n key for a status label. */
export function statusKey(status: ReturnStatus): string {
  return `status.${status}`;
}

/** i18n key for a condition code ("unused" -> "conditions.unused"); unknown codes fall back to the code. */
export function conditionKey(code: string): string {
  return `conditions.${code.replace(/[^a-zA-Z0-9_]/g, "_")}`;
}
