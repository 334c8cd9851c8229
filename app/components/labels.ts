// Words for codes shown to staff (statuses, reasons, verdict codes, events). Shared by the admin screens.
import type { BadgeProps } from "@shopify/polaris";

type Tone = NonNullable<BadgeProps["tone"]>;

export const STATUS_LABEL: Record<string, string> = {
  requested: "Awaiting review",
  approved: "Approved",
  declined: "Declined",
  received: "Received",
  refunded: "Refunded",
  credited: "Store credit issued",
  closed: "Closed",
  cancelled: "Cancelled",
  failed: "Failed",
  refused: "Not accepted by Shopify",
};

export const STATUS_TONE: Record<string, Tone | undefined> = {
  requested: "attention",
  approved: "info",
  declined: undefined,
  received: "info",
  refunded: "success",
  credited: "success",
  closed: undefined,
  cancelled: undefined,
  failed: "critical",
  refused: "critical",
};

// Reasons and resolutions: the core's words (one vocabulary with the policy summary and the shopper's
// translations).
export { REASON_LABEL, RESOLUTION_LABEL } from "~/returns/labels";

export const CODE_LABEL: Record<string, string> = {
  EXCLUDED_CHANNEL: "Bought through an excluded channel",
  NOT_DELIVERED: "Not delivered yet",
  QUANTITY_UNAVAILABLE: "More than can be returned",
  REASON_NOT_ACCEPTED: "Reason not accepted",
  OUTSIDE_WINDOW: "Outside the return window",
  GIFT_CARD: "Gift card",
  FINAL_SALE: "Final sale",
  EXCLUDED_ITEM: "Excluded item",
  CONDITION_NOT_MET: "Condition not met",
  EVIDENCE_REQUIRED: "Photos missing",
};

/** Shopify's ReturnDeclineReason values (Admin API 2026-07). */
export const DECLINE_REASONS: { value: string; label: string }[] = [
  { value: "RETURN_PERIOD_ENDED", label: "Return period ended" },
  { value: "FINAL_SALE", label: "Final sale" },
  { value: "OTHER", label: "Other" },
];

export function label(map: Record<string, string>, key: string | null | undefined): string {
  if (!key) return "—";
  return map[key] ?? key.replace(/_/g, " ").toLowerCase().replace(/^./, (c) => c.toUpperCase());
}

// Client-safe lists (the DB and read-model modules import Prisma, so components must not import them).
export const STATUS_VALUES = Object.keys(STATUS_LABEL);
export const FLAG_VALUES = ["OUTSIDE_WINDOW", "FINAL_SALE", "EVIDENCE_REQUIRED"] as const;

// The engine's trace names each check; staff read them as sentences.
const TRACE_RULE_LABEL: Record<string, string> = {
  channel: "Sales channel accepted",
  fulfilled: "Fulfilled to the shopper",
  quantity: "Quantity still returnable",
  reason: "Reason accepted",
  window: "Within the claim window",
  conditions: "Condition confirmed by the shopper",
  evidence: "Photos attached",
};

const ISO_INSTANT = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z/g;

/**
 * A trace entry in words: known checks by name, policy rules ("rule:final-sale") as "Rule “final sale”",
 * and instants in the detail shown in the shop's time zone.
 */
export function traceLabel(t: { rule: string; detail?: string }, formatInstant: (iso: string) => string): string {
  const name = t.rule.startsWith("rule:")
    ? `Rule “${t.rule.slice("rule:".length).replace(/[-_]+/g, " ")}”`
    : (TRACE_RULE_LABEL[t.rule] ?? t.rule);
  const detail = t.detail?.replace(ISO_INSTANT, (iso) => formatInstant(iso));
  return detail ? `${name} (${detail})` : name;
}
