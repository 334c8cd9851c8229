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
  // shown, never stored: a processed replacement or exchange (shownStatus, decision 170)
  replaced: "Replaced",
  exchanged: "Exchanged",
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
  replaced: "success",
  exchanged: "success",
};

// Reasons and resolutions: the core's words (one vocabulary with the policy summary and the shopper's
// translations).
export { REASON_LABEL, RESOLUTION_LABEL } from "~/returns/labels";
import { REASON_LABEL } from "~/returns/labels";

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
// The statuses a request is stored in (the queue filters by them); "replaced"/"exchanged" are only shown.
export const STATUS_VALUES = Object.keys(STATUS_LABEL).filter((s) => s !== "replaced" && s !== "exchanged");
export const FLAG_VALUES = ["OUTSIDE_WINDOW", "FINAL_SALE", "EVIDENCE_REQUIRED"] as const;

// The engine's trace in sentences a merchant reads: what was checked and how it came out, never a code,
// a rule id's punctuation or a channel handle ("Not a gift card" rather than "Rule 'gift card' ✓").
export const CHANNEL_WORDS: Record<string, string> = {
  online_store: "the online store",
  pos: "point of sale",
  marketplace: "a marketplace",
  retail_partner: "a retail partner",
  draft_order: "a draft order",
  other: "another channel",
};

export const CONDITION_WORDS: Record<string, string> = {
  unused: "unused",
  unopened: "unopened",
  tags_attached: "tags attached",
  original_packaging: "in the original packaging",
};

const ISO_INSTANT = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z/;
const words = (id: string) => id.replace(/[-_]+/g, " ").trim();
const reasonWords = (r: string) => REASON_LABEL[r as keyof typeof REASON_LABEL]?.toLowerCase() ?? words(r).toLowerCase();

function ruleSentence(code: string | undefined, pass: boolean, name: string): string {
  switch (code) {
    case "GIFT_CARD":
      return pass ? "Not a gift card" : "A gift card, which can't be returned";
    case "FINAL_SALE":
      return pass ? `Not a final-sale item (${name})` : `A final-sale item (${name})`;
    default:
      return pass ? `Not excluded from returns (${name})` : `Excluded from returns (${name})`;
  }
}

/** A trace entry as a sentence; instants in the detail are shown with `formatInstant` (the shop's time zone). */
export function traceLabel(t: { rule: string; pass?: boolean; code?: string; detail?: string }, formatInstant: (iso: string) => string): string {
  const pass = t.pass !== false;
  const d = t.detail ?? "";
  if (t.rule.startsWith("rule:")) return ruleSentence(t.code, pass, words(t.rule.slice("rule:".length)));
  switch (t.rule) {
    case "channel": {
      const where = CHANNEL_WORDS[d] ?? (d ? words(d) : "this channel");
      return pass ? `Bought through ${where}, which the policy accepts` : `Bought through ${where}, which the policy excludes`;
    }
    case "fulfilled":
      return pass ? "Sent to the customer" : "Not sent to the customer yet";
    case "quantity": {
      const m = /asked (\d+), available (\d+)/.exec(d);
      const count = m ? ` (${m[1]} asked, ${m[2]} left to return)` : "";
      return pass ? `Quantity can still be returned${count}` : `More than can still be returned${count}`;
    }
    case "reason": {
      const w = /^(\w+) covered by warranty/.exec(d);
      if (w) return `Covered by the warranty (${reasonWords(w[1]!)})`;
      return pass ? `Reason accepted (${reasonWords(d)})` : `Reason not accepted (${reasonWords(d)})`;
    }
    case "window": {
      const kind = d.startsWith("warranty") ? "warranty" : "return window";
      const iso = ISO_INSTANT.exec(d)?.[0];
      const end = iso ? formatInstant(iso) : null;
      if (pass) return end ? `Within the ${kind} (ends ${end})` : `Within the ${kind}`;
      return end ? `Outside the ${kind} (it ended ${end})` : `Outside the ${kind}`;
    }
    case "conditions": {
      const missing = d.split(",").filter(Boolean).map((c) => CONDITION_WORDS[c] ?? words(c));
      return pass ? "Condition confirmed by the customer" : `The customer did not confirm: ${missing.join(", ")}`;
    }
    case "evidence": {
      const m = /(\d+)\/(\d+) photos/.exec(d);
      if (!m) return pass ? "Photos attached" : "Photos missing";
      const [, got, need] = m;
      if (need === "0") return "No photos needed";
      return pass ? `Photos attached (${got} of ${need})` : `Photos missing (${got} of ${need} attached)`;
    }
    default:
      return words(t.rule);
  }
}
