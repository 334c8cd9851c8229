// The shop-wide activity log: who did what, when, across every request (the detail screen shows one
// request's timeline). Filters by who and what and by shop-local dates, keyset-paged newest first, and the
// same rows as CSV. Words only: no ids, codes or raw payloads reach the merchant.
import { DbInputError, requireOneOf } from "~/db";
import { EXPORT_EVENT_TYPE } from "~/services/compliance";
import type { ServiceContext } from "~/services/context";
import { SELF_SERVE_NOTE_DISMISSED } from "./self-serve-returns";
import { startOfLocalDay } from "./shared";

export const ACTIVITY_WHO = ["staff", "customer", "shopify", "automatic"] as const;
export type ActivityWho = (typeof ACTIVITY_WHO)[number];
export const ACTIVITY_WHAT = ["requests", "decisions", "parcels", "money", "closed", "problems"] as const;
export type ActivityWhat = (typeof ACTIVITY_WHAT)[number];

export const WHO_LABEL: Record<ActivityWho, string> = {
  staff: "Staff",
  customer: "Customers",
  shopify: "Shopify",
  automatic: "Automatic",
};
export const WHAT_LABEL: Record<ActivityWhat, string> = {
  requests: "New requests",
  decisions: "Approvals and declines",
  parcels: "Parcels received",
  money: "Refunds, store credit and new items sent",
  closed: "Closed and cancelled",
  problems: "Failed Shopify calls",
};

const WHO_ACTORS: Record<ActivityWho, { prefixes: string[]; exact: string[] }> = {
  staff: { prefixes: ["staff:", "merchant:"], exact: [] },
  customer: { prefixes: ["customer:"], exact: [] },
  shopify: { prefixes: ["shopify"], exact: ["webhook"] },
  automatic: { prefixes: [], exact: ["auto", "system"] },
};

const FAILED = ["approve_failed", "decline_failed", "receive_failed", "refund_failed", "close_failed", "auto_approve_failed"];
const WHAT_TYPES: Record<ActivityWhat, string[]> = {
  requests: ["requested", "imported_self_serve", "shopify_return_requested", "shopify_return_adopted", "shopify_returns_request"],
  decisions: ["approved", "declined", "shopify_returns_approve", "shopify_returns_decline"],
  parcels: ["received", "shopify_returns_process"],
  money: ["refunded", "shopify_refunds_create"],
  closed: ["closed", "cancelled", "shopify_returns_close", "shopify_returns_cancel", "shopify_returns_reopen"],
  problems: FAILED,
};

/** Never listed: compliance exports hold a customer's personal data. */
const HIDDEN_TYPES = [EXPORT_EVENT_TYPE];

const STATUS_WORD: Record<string, string> = {
  requested: "awaiting review",
  approved: "approved",
  declined: "declined",
  received: "received",
  refunded: "refunded",
  credited: "store credit issued",
  closed: "closed",
  cancelled: "cancelled",
  failed: "failed",
};

const TYPE_WORDS: Record<string, string> = {
  requested: "Asked to return items",
  imported_self_serve: "Asked to return items through Shopify's own returns",
  shopify_return_requested: "Opened the return at Shopify",
  shopify_return_adopted: "Linked the return at Shopify",
  approved: "Approved the return",
  declined: "Declined the return",
  received: "Marked the parcel as received",
  refunded: "Refunded",
  closed: "Closed the return",
  cancelled: "Cancelled the request",
  approve_failed: "Tried to approve; Shopify did not accept it",
  decline_failed: "Tried to decline; Shopify did not accept it",
  receive_failed: "Tried to mark as received; Shopify did not accept it",
  refund_failed: "Tried to refund; Shopify did not accept it",
  close_failed: "Tried to close; Shopify did not accept it",
  auto_approve_failed: "Automatic approval did not go through",
  [SELF_SERVE_NOTE_DISMISSED]: "Hid the note about Shopify's self-serve returns",
};

export interface ActivityQuery {
  who: ActivityWho[];
  what: ActivityWhat[];
  /** shop-local days, YYYY-MM-DD, inclusive */
  from: string | null;
  to: string | null;
  before: string | null;
}

export interface ActivityRow {
  id: number;
  at: string;
  who: string;
  what: string;
  /** the order the event is about, or null for the shop itself */
  orderName: string | null;
  requestId: string | null;
}

export interface ActivityPage {
  rows: ActivityRow[];
  /** keyset cursor of the next (older) page */
  next: string | null;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function activityQueryFromSearchParams(sp: URLSearchParams): ActivityQuery {
  const list = (k: string) => sp.getAll(k).flatMap((v) => v.split(",")).map((v) => v.trim()).filter(Boolean);
  const day = (k: string) => {
    const v = sp.get(k);
    if (!v) return null;
    if (!DAY.test(v) || !Number.isFinite(Date.parse(`${v}T00:00:00Z`))) throw new DbInputError(k, "must be a date like 2026-12-31");
    return v;
  };
  return {
    who: list("who").map((w, i) => requireOneOf(`who[${i}]`, w, ACTIVITY_WHO)),
    what: list("what").map((w, i) => requireOneOf(`what[${i}]`, w, ACTIVITY_WHAT)),
    from: day("from"),
    to: day("to"),
    before: sp.get("before"),
  };
}

function decodeBefore(v: string | null): { at: Date; id: number } | null {
  if (!v) return null;
  const m = /^(\d{1,15})\.(\d{1,15})$/.exec(v);
  if (!m) throw new DbInputError("before", "is not a page of this log");
  return { at: new Date(Number(m[1])), id: Number(m[2]) };
}

function whoOf(actor: string, customer: string | null, staffNames: Readonly<Record<string, string>>): string {
  if (actor.startsWith("staff:") || actor.startsWith("merchant:")) return staffNames[actor] || "Staff";
  if (actor.startsWith("customer:")) return customer ?? "The customer";
  if (actor === "webhook" || actor.startsWith("shopify")) return "Shopify";
  if (actor === "auto") return "Automatic approval";
  return "The app";
}

function whatOf(type: string, payload: unknown): string {
  const p = (payload && typeof payload === "object" ? payload : {}) as Record<string, unknown>;
  if (type.startsWith("shopify_returns_") || type === "shopify_refunds_create") {
    const to = typeof p.to === "string" ? STATUS_WORD[p.to] : undefined;
    return to ? `Reported a change at Shopify: now ${to}` : "Reported a change at Shopify";
  }
  // a processed replacement or exchange sent new items (decision 170); the same words in the CSV
  if (type === "refunded" && p.newItems === "replacement") return "Processed the replacement — new item sent";
  if (type === "refunded" && p.newItems === "exchange") return "Processed the exchange — new items sent";
  // the event keeps the staff's choice ("store_credit") over the status it led to ("credited")
  if (type === "refunded" && (p.to === "credited" || p.to === "store_credit")) return "Issued store credit";
  return TYPE_WORDS[type] ?? type.replace(/_/g, " ").replace(/^./, (c) => c.toUpperCase());
}

/** One page of the log (or, for CSV, up to `limit` rows). */
export async function loadActivity(
  ctx: Pick<ServiceContext, "repos">,
  shop: string,
  q: ActivityQuery,
  { timeZone = "UTC", limit = 50 }: { timeZone?: string; limit?: number } = {},
): Promise<ActivityPage> {
  const who = q.who.map((w) => WHO_ACTORS[w]);
  const nextDay = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  const { rows, hasMore } = await ctx.repos.adminViews.activity(shop, {
    actorPrefixes: who.flatMap((w) => w.prefixes),
    actors: who.flatMap((w) => w.exact),
    types: q.what.flatMap((w) => WHAT_TYPES[w]),
    hiddenTypes: HIDDEN_TYPES,
    from: q.from ? startOfLocalDay(q.from, timeZone) : undefined,
    to: q.to ? startOfLocalDay(nextDay(q.to), timeZone) : undefined,
    before: decodeBefore(q.before),
    limit,
  });
  // staff who acted, by name where Shopify has told us it (app/shopify/staff-names.ts); else "Staff"
  const staffNames = await ctx.repos.staffMembers.namesFor(shop, rows.map((r) => r.actor));
  const out = rows.map((r) => {
    let payload: unknown = null;
    try {
      payload = r.payload ? JSON.parse(r.payload) : null;
    } catch {
      payload = null;
    }
    return {
      id: r.id,
      at: r.at.toISOString(),
      who: whoOf(r.actor, r.request?.customerDisplayName ?? null, staffNames),
      what: whatOf(r.type, payload),
      orderName: r.request?.orderName ?? null,
      requestId: r.requestId,
    };
  });
  const last = rows[rows.length - 1];
  return { rows: out, next: hasMore && last ? `${last.at.getTime()}.${last.id}` : null };
}

/** Rows the CSV export holds at most (the newest of the filters). */
export const ACTIVITY_CSV_MAX = 5000;

/** A CSV cell: quoted, and a leading = + - @ made inert so a spreadsheet never runs it as a formula. */
function cell(v: string): string {
  const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return `"${safe.replace(/"/g, '""')}"`;
}

/** The log as CSV (RFC 4180, CRLF), times in the shop's time zone. */
export function activityCsv(rows: ActivityRow[], timeZone: string): string {
  const fmt = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
  const when = (iso: string) => fmt.format(new Date(iso)).replace(",", "");
  const lines = [["When", "Who", "What", "Order"].map(cell).join(",")];
  for (const r of rows) lines.push([when(r.at), r.who, r.what, r.orderName ?? "Whole shop"].map(cell).join(","));
  return `${lines.join("\r\n")}\r\n`;
}
