// Pure helpers for the policy editor (browser and server): field errors from the zod issues, fee inputs
// as the merchant types them (percent, decimal money) to integer bps / minor units, and the try-it run.
import {
  evaluate,
  parseMoney,
  returnableLines,
  safeParsePolicy,
  toDecimalString,
  CONDITIONS,
  type Evaluation,
  type Order,
  type Policy,
  type Reason,
  type ReturnableLine,
  type Shop,
} from "~/returns";

/** field path ("windows.faults.days", "rules[0].match") -> first message for it */
export function fieldErrors(draft: unknown): { policy: Policy | null; errors: Record<string, string> } {
  const r = safeParsePolicy(draft);
  if (r.ok) return { policy: r.policy, errors: {} };
  const errors: Record<string, string> = {};
  for (const i of r.error.issues) if (!(i.field in errors)) errors[i.field] = i.message;
  return { policy: null, errors };
}

/** Errors at `path` or below it (for a card that groups several fields). */
export function errorsUnder(errors: Record<string, string>, path: string): string[] {
  return Object.entries(errors)
    .filter(([f]) => f === path || f.startsWith(`${path}.`) || f.startsWith(`${path}[`))
    .map(([f, m]) => `${f}: ${m}`);
}

/** "12.5" -> 1250 basis points, exactly (no float): up to 2 decimals, 0..100. */
export function percentToBps(text: string): number {
  const m = /^\s*(\d{1,3})(?:\.(\d{1,2}))?\s*%?\s*$/.exec(text);
  if (!m) throw new Error("must be a percentage like 10 or 12.5");
  const bps = Number(m[1]) * 100 + Number((m[2] ?? "").padEnd(2, "0"));
  if (bps > 10_000) throw new Error("must be at most 100%");
  return bps;
}

/** The store credit bonus as typed ("10", "12.5", "" = none) -> basis points, at most 50%. */
export function bonusToBps(text: string): number {
  if (text.trim() === "") return 0;
  const bps = percentToBps(text);
  if (bps > 5_000) throw new Error("must be at most 50%");
  return bps;
}

export function bpsToPercent(bps: number): string {
  const whole = Math.trunc(bps / 100);
  const frac = String(bps % 100).padStart(2, "0").replace(/0+$/, "");
  return frac ? `${whole}.${frac}` : String(whole);
}

/** Fee as typed ("8.50") -> minor units in the shop currency. */
export function feeToMinor(text: string, currency: string): number {
  const t = text.trim();
  if (t === "") return 0;
  const n = parseMoney(t, currency);
  if (n < 0) throw new Error("must not be negative");
  return n;
}

export function minorToFee(minor: number, currency: string): string {
  return toDecimalString(minor, currency);
}

/** A return rate as typed ("25", "12.5%") -> basis points (2500), exactly; blank -> not set. Above 100% is a rate too. */
export function rateToBps(text: string): number | undefined {
  if (text.trim() === "") return undefined;
  const m = /^\s*(\d{1,5})(?:\.(\d{1,2}))?\s*%?\s*$/.exec(text);
  if (!m) throw new Error("must be a percentage like 25 or 12.5");
  return Number(m[1]) * 100 + Number((m[2] ?? "").padEnd(2, "0"));
}

/** The customer-history settings (decision 190) as the editor's form holds them. */
export interface HistoryDraft {
  windowDays?: number;
  hold?: { maxRequests?: number; maxUnits?: number; maxRefunded?: Record<string, string>; maxReturnRateBps?: number; minOrdersForRate?: number };
  blocklist?: { customers?: string[]; emailDomains?: string[] };
}

export type HistoryField = "windowDays" | "maxRequests" | "maxUnits" | "maxReturnRateBps" | "minOrdersForRate" | { refundedIn: string };

/**
 * The history settings after one field of the form changed. A blank field (undefined, or "" for an
 * amount) is left out, so the policy's default applies or the threshold is not checked. With every field
 * blank and nobody on the blocklist, the answer is null: the policy screens no one, exactly as a policy
 * that never had history settings.
 */
export function withHistoryField(history: HistoryDraft | null | undefined, field: HistoryField, value: number | string | undefined): HistoryDraft | null {
  const next: HistoryDraft = structuredClone(history ?? {});
  const hold = { ...(next.hold ?? {}) };
  if (field === "windowDays") {
    if (value === undefined) delete next.windowDays;
    else next.windowDays = value as number;
  } else if (typeof field === "object") {
    const refunded = { ...(hold.maxRefunded ?? {}) };
    const amount = typeof value === "string" ? value.trim() : "";
    if (amount === "") delete refunded[field.refundedIn];
    else refunded[field.refundedIn] = amount;
    if (Object.keys(refunded).length) hold.maxRefunded = refunded;
    else delete hold.maxRefunded;
  } else if (value === undefined) {
    delete hold[field];
  } else {
    hold[field] = value as number;
  }
  next.hold = hold;
  return historyOrNull(next);
}

/** null when nothing is set and nobody is on the blocklist: the policy screens no one. */
function historyOrNull(next: HistoryDraft): HistoryDraft | null {
  const listed = (next.blocklist?.customers?.length ?? 0) + (next.blocklist?.emailDomains?.length ?? 0);
  const anySet = next.windowDays !== undefined || Object.keys(next.hold ?? {}).length > 0;
  return anySet || listed > 0 ? next : null;
}

/** The history settings with this blocklist (customers by Shopify id, e-mail domains); null when nothing is left. */
export function withBlocklist(history: HistoryDraft | null | undefined, blocklist: { customers: string[]; emailDomains: string[] }): HistoryDraft | null {
  const next: HistoryDraft = structuredClone(history ?? {});
  const customers = [...new Set(blocklist.customers)];
  const emailDomains = [...new Set(blocklist.emailDomains)];
  if (customers.length === 0 && emailDomains.length === 0) delete next.blocklist;
  else next.blocklist = { customers, emailDomains };
  return historyOrNull(next);
}

/**
 * An e-mail domain as the merchant types or pastes it ("Mailinator.com", "@mailinator.com", a whole
 * address "someone@mailinator.com") -> "mailinator.com"; a subdomain is covered by its domain. Throws in
 * the merchant's words when it is not a domain.
 */
export function emailDomainOf(text: string): string {
  const t = text.trim().toLowerCase();
  const domain = t.slice(t.lastIndexOf("@") + 1).replace(/\.$/, "");
  if (!/^[^@\s./:]+(\.[^@\s./:]+)+$/.test(domain)) throw new Error("Enter a domain like mailinator.com");
  return domain;
}

/** Keep-the-item settings (decision 190) as the editor's form holds them. */
export interface KeepItemDraft {
  maxLineValue?: Record<string, string>;
  reasons?: Reason[];
  match?: unknown[];
}

export type KeepItemField = { valueIn: string } | "reasons" | "match";

/**
 * Keep-the-item settings after one field changed: a blank amount is left out (that currency is not kept
 * by value). With no amount, no reason and no product rule the answer is null: every item comes back.
 */
export function withKeepItemField(keep: KeepItemDraft | null | undefined, field: KeepItemField, value: string | Reason[] | unknown[]): KeepItemDraft | null {
  const next: KeepItemDraft = structuredClone(keep ?? {});
  if (typeof field === "object") {
    const amounts = { ...(next.maxLineValue ?? {}) };
    const amount = typeof value === "string" ? value.trim() : "";
    if (amount === "") delete amounts[field.valueIn];
    else amounts[field.valueIn] = amount;
    next.maxLineValue = amounts;
  } else if (field === "reasons") next.reasons = [...(value as Reason[])];
  else next.match = [...(value as unknown[])];
  const any = Object.keys(next.maxLineValue ?? {}).length + (next.reasons?.length ?? 0) + (next.match?.length ?? 0);
  return any > 0 ? next : null;
}

export interface TryItResult {
  orderName: string;
  currency: string;
  reason: Reason;
  lines: ReturnableLine[];
  /** one unit of every line that still has units, for `reason`, with every condition attested */
  evaluation: Evaluation | null;
}

/** Runs the draft policy against an order as a shopper would see it now, and as a claim for `reason`. */
export function tryPolicy(args: { policy: Policy; order: Order; shop: Shop; now: string; reason: Reason }): TryItResult {
  const { policy, order, shop, now, reason } = args;
  const lines = returnableLines({ policy, order, now, shop });
  const claimable = lines.filter((l) => l.quantityLeft > 0);
  const evaluation =
    claimable.length === 0
      ? null
      : evaluate({
          policy,
          order,
          shop,
          now,
          request: {
            lines: claimable.map((l) => ({
              lineId: l.lineId,
              quantity: 1,
              reason,
              conditions: [...CONDITIONS],
              photos: 0,
              note: "",
            })),
          },
        });
  return { orderName: order.name, currency: order.currency, reason, lines, evaluation };
}
