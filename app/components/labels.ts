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
};

export const REASON_LABEL: Record<string, string> = {
  UNWANTED: "Changed mind",
  DEFECTIVE: "Defective",
  DAMAGED: "Damaged",
  WRONG_ITEM: "Wrong item",
  NOT_AS_DESCRIBED: "Not as described",
  SIZE_TOO_SMALL: "Too small",
  SIZE_TOO_LARGE: "Too large",
  STYLE: "Style",
  COLOR: "Colour",
  OTHER: "Other",
};

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

export const RESOLUTION_LABEL: Record<string, string> = {
  refund: "Refund",
  store_credit: "Store credit",
  exchange: "Exchange",
  replacement: "Replacement",
};

export function label(map: Record<string, string>, key: string | null | undefined): string {
  if (!key) return "—";
  return map[key] ?? key.replace(/_/g, " ").toLowerCase().replace(/^./, (c) => c.toUpperCase());
}

// Client-safe lists (the DB and read-model modules import Prisma, so components must not import them).
export const STATUS_VALUES = Object.keys(STATUS_LABEL);
export const FLAG_VALUES = ["OUTSIDE_WINDOW", "FINAL_SALE", "EVIDENCE_REQUIRED"] as const;
