// The request timeline and its failures in the merchant's words: who acted ("The customer", "Staff",
// "Automatic approval", "Shopify"), what happened, money as the shopper paid it ("NZ$89.00"). What
// support needs (Shopify's raw answer, operation names, HTTP statuses) is kept apart, for a disclosure.
// Pure: the stored event in, words out.
import { formatMoney } from "~/returns/money";

export interface TimelineEventInput {
  id: number;
  type: string;
  actor: string;
  at: Date;
  payload: unknown;
}

export interface TimelineEntry {
  id: number;
  at: string;
  /** what happened, e.g. "Approved", "Refund didn't go through" */
  title: string;
  /** who did it, e.g. "The customer", "Staff" */
  actor: string;
  /** plain details: the note, the tracking number, the amount */
  details: string[];
  /** true for a step that did not go through (its words are shown once, in the failure banner) */
  failed: boolean;
}

/** The last failed Shopify step, as a merchant reads it; `support` is what a support person needs. */
export interface FailureWords {
  title: string;
  body: string;
  support: string;
}

/** Who acted, from the stored actor ("customer:gid://…", "staff:1", "auto", "webhook"). */
export function actorWords(actor: string, staffNames: Readonly<Record<string, string>> = {}): string {
  if (actor.startsWith("customer:")) return "The customer";
  if (actor.startsWith("staff:")) return staffNames[actor] || "Staff";
  if (actor === "auto") return "Automatic approval";
  if (actor === "webhook" || actor.startsWith("shopify:")) return "Shopify";
  return "The app";
}

const ACTION_NOUN: Record<string, string> = {
  approve: "Approval",
  decline: "Decline",
  refund: "Refund",
  close: "Closing",
  receive: "Receipt",
};

const ACTION_VERB: Record<string, string> = {
  approve: "approve this return",
  decline: "decline this return",
  refund: "refund this return",
  close: "close this return",
  receive: "mark this return as received",
};

const TITLES: Record<string, string> = {
  requested: "Return requested",
  shopify_return_requested: "Return opened in Shopify",
  shopify_return_adopted: "Linked to the return already open in Shopify",
  imported_self_serve: "Requested through Shopify's own returns",
  approved: "Approved",
  declined: "Declined",
  received: "Marked as received",
  refunded: "Refunded",
  closed: "Closed",
  cancelled: "Cancelled",
  auto_approve_failed: "Automatic approval didn't go through",
  shopify_returns_approve: "Approved in Shopify",
  shopify_returns_decline: "Declined in Shopify",
  shopify_returns_cancel: "Cancelled in Shopify",
  shopify_returns_close: "Closed in Shopify",
  shopify_returns_reopen: "Reopened in Shopify",
  shopify_returns_process: "Processed in Shopify",
  shopify_returns_request: "Requested in Shopify",
  shopify_refunds_create: "Refund made in Shopify",
};

const DECLINE_WORDS: Record<string, string> = {
  RETURN_PERIOD_ENDED: "the return period has ended",
  FINAL_SALE: "final sale",
  OTHER: "other",
};

/** "8900 NZD (minor units)" (how refund events stored the amount) or a number of minor units -> "NZ$89.00". */
export function amountWords(v: unknown, currency: string | null): string | null {
  if (typeof v === "number" && Number.isInteger(v) && currency) return formatMoney(v, currency);
  if (typeof v !== "string") return null;
  const m = /^(-?\d+)\s+([A-Z]{3})\b/.exec(v.trim());
  if (!m) return null;
  try {
    return formatMoney(Number(m[1]), m[2]!);
  } catch {
    return null;
  }
}

const obj = (v: unknown): Record<string, unknown> => (v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
const text = (v: unknown): string | null => (typeof v === "string" && v.trim() !== "" ? v.trim() : null);

function titleOf(type: string, p: Record<string, unknown>): string {
  // a processed replacement or exchange: the new items were sent (decision 170)
  if (type === "refunded" && p.newItems === "replacement") return "Replaced — new item sent";
  if (type === "refunded" && p.newItems === "exchange") return "Exchanged — new items sent";
  if (type === "refunded" && p.to === "store_credit") return "Store credit issued";
  if (type.endsWith("_failed")) {
    const action = type.slice(0, -"_failed".length);
    if (action in ACTION_NOUN) return `${ACTION_NOUN[action]} didn't go through at Shopify`;
  }
  return TITLES[type] ?? type.replace(/^shopify_/, "").replace(/[._]+/g, " ").replace(/^./, (c) => c.toUpperCase());
}

function detailsOf(type: string, p: Record<string, unknown>, currency: string | null): string[] {
  const out: string[] = [];
  const note = text(p.note);
  const message = text(p.message);
  if (type === "declined" && typeof p.reason === "string") out.push(`Reason: ${DECLINE_WORDS[p.reason] ?? p.reason.toLowerCase().replace(/_/g, " ")}`);
  if (message) out.push(`Message to the customer: “${message}”`);
  if (note) out.push(`Note to the customer: “${note}”`);
  const tracking = text(p.trackingNumber);
  if (tracking) out.push(`Tracking number ${tracking}${text(p.carrierName) ? ` (${text(p.carrierName)})` : ""}`);
  if (text(p.returnLabelUrl)) out.push("Return label sent");
  if (type === "received" && typeof p.restock === "boolean") out.push(p.restock ? "Items put back in stock" : "Items not put back in stock");
  if (type === "refunded") {
    // events since presentment pricing keep the amount already in words ("NZ$89.00")
    const amount = amountWords(p.amount, currency) ?? (typeof p.amount === "string" && /\d/.test(p.amount) ? p.amount.trim() : null);
    const bonus = text(obj(p.bonus).amount);
    const nothing = amount !== null && !/[1-9]/.test(amount);
    if (p.newItems === "replacement") out.push("Nothing refunded — replaced free of charge");
    else if (p.newItems === "exchange" && (nothing || !amount)) out.push("Nothing refunded — same price");
    else if (p.newItems === "exchange" && amount) out.push(p.to === "store_credit" ? `${amount} price difference as store credit` : `${amount} price difference to the original payment`);
    else if (amount) out.push(p.to === "store_credit" ? `${amount} as store credit${bonus ? `, ${bonus} more than a refund` : ""}` : `${amount} to the original payment`);
  }
  if (type === "imported_self_serve") {
    const amount = amountWords(p.refundMinor, currency);
    if (amount) out.push(`Expected refund ${amount}`);
  }
  if ((type === "approved" || type === "declined") && typeof p.notifyCustomer === "boolean") {
    out.push(p.notifyCustomer ? "Shopify emailed the customer" : "The customer was not emailed");
  }
  return out;
}

/** One stored event as a timeline entry. `currency` is the request's (the one the shopper paid in). */
export function timelineEntry(e: TimelineEventInput, currency: string | null, staffNames: Readonly<Record<string, string>> = {}): TimelineEntry {
  const p = obj(e.payload);
  const failed = e.type.endsWith("_failed");
  return {
    id: e.id,
    at: e.at.toISOString(),
    title: titleOf(e.type, p),
    actor: actorWords(e.actor, staffNames),
    details: failed ? [] : detailsOf(e.type, p, currency),
    failed,
  };
}

const KIND_WORDS: Record<string, string> = {
  user_error: "Shopify refused it",
  throttled: "Shopify was busy",
  transport: "Shopify did not answer in time",
  graphql: "Shopify reported a problem",
};

/**
 * The request's failed step in words, from its latest "<action>_failed" event. `support` keeps the raw
 * error (operation, HTTP status) for a "details for support" disclosure; null when nothing failed.
 */
export function failureWords(lastError: string | null, events: readonly TimelineEventInput[]): FailureWords | null {
  if (lastError === null) return null;
  const failedEvent = [...events].reverse().find((e) => e.type.endsWith("_failed"));
  const p = obj(failedEvent?.payload);
  const pending = obj(p.pending);
  const action = typeof pending.action === "string" ? pending.action : failedEvent ? failedEvent.type.slice(0, -"_failed".length) : "";
  const kind = typeof pending.kind === "string" ? pending.kind : "";
  const what = ACTION_VERB[action] ?? "finish the last step";
  const why = KIND_WORDS[kind] ?? "Shopify did not accept it";
  // Shopify's own user errors are sentences written for merchants; transport errors are not
  const shopifySays = kind === "user_error" && typeof pending.message === "string" && pending.message ? ` Shopify said: “${pending.message}”.` : "";
  const outcome =
    pending.mayHaveApplied === true
      ? " It may have gone through at Shopify; retrying checks Shopify first, so nothing happens twice."
      : " Nothing changed at Shopify. You can try again.";
  return {
    title: `The app couldn't ${what}`,
    body: `${why}.${shopifySays}${outcome}`,
    support: lastError,
  };
}
