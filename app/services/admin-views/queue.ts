// The Requests screen read model: filters, search and keyset pagination on (createdAt, id), shaped for
// the screen. The query itself is the named read model `repos.adminViews.queue` (app/db/admin-read-models.ts):
// every page is one indexed range scan from the cursor, never OFFSET, so page 400 of 100,000 requests
// costs the same as page 1.
import { DbInputError, QUEUE_FLAGS, RETURN_STATUSES, encodeCursor, requireOneOf, type Provider, type QueueQuery, type ReturnStatus } from "~/db";
import { parseStoredVerdict, REASONS } from "~/returns";
import { shownStatus, type RequestStatus, type ShownStatus } from "~/returns/request-state";
import type { AdminServiceContext, ServiceContext } from "~/services/context";
import { ORDER_IDS_BY_EMAIL } from "~/shopify/operations/order-ids-by-email";
import { parseJsonArray, startOfLocalDay } from "./shared";

export { QUEUE_FLAGS, type QueueFlag, type QueueQuery } from "~/db";

export interface QueueItem {
  id: string;
  orderName: string;
  orderId: string;
  customer: string | null;
  status: ReturnStatus;
  /** what the badge says happened: a processed replacement or exchange is "replaced" / "exchanged" (decision 170) */
  shownStatus: ShownStatus;
  createdAt: string;
  currency: string;
  refundMinor: number;
  feesMinor: number;
  reasons: string[];
  flags: string[];
  quantity: number;
  lineCount: number;
  lastError: string | null;
  /** refund, store credit, exchange or replacement, as chosen by the shopper or staff; null when not chosen yet */
  resolution: string | null;
  /** "approve" when every line meets the policy, "decline" when none does (and still requested), else null */
  clearCase: "approve" | "decline" | null;
}

export interface QueueResult {
  items: QueueItem[];
  nextCursor: string | null;
  /** requests matching the filters, across pages (when asked for with `withTotal`) */
  total: number | null;
}

export async function listQueue(
  ctx: Pick<ServiceContext, "repos">,
  shop: string,
  query: QueueQuery = {},
  { provider = "sqlite" }: { provider?: Provider } = {},
): Promise<QueueResult> {
  const { rows, limit, total } = await ctx.repos.adminViews.queue(shop, query, { provider });
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: page.map((r) => {
      const flags = new Set<string>();
      for (const l of r.lines) for (const c of parseJsonArray(l.codes)) if (typeof c === "string") flags.add(c);
      const allEligible = r.lines.length > 0 && r.lines.every((l) => l.eligible);
      const noneEligible = r.lines.length > 0 && r.lines.every((l) => !l.eligible);
      const kind = exchangeKindOf(r.exchangeVerdict);
      return {
        id: r.id,
        orderName: r.orderName,
        orderId: r.orderId,
        // without the customer's name (the app is not approved for names: protected customer data level 1) the
        // order says whose request it is; never an id
        customer: r.customerDisplayName ?? (r.customerId ? `Customer of ${r.orderName}` : null),
        status: r.status as ReturnStatus,
        shownStatus: shownStatus(r.status as RequestStatus, kind),
        createdAt: r.createdAt.toISOString(),
        currency: r.currency,
        refundMinor: Number(r.refundMinor),
        feesMinor: Number(r.feesMinor),
        reasons: [...new Set(r.lines.map((l) => l.reason))],
        flags: [...flags],
        quantity: r.lines.reduce((a, l) => a + l.quantity, 0),
        lineCount: r.lines.length,
        lastError: r.lastError,
        // the database keeps a replacement as "exchange": the verdict says which it is
        resolution: kind ?? r.resolution,
        clearCase: r.status !== "requested" ? null : allEligible ? "approve" : noneEligible ? "decline" : null,
      };
    }),
    nextCursor: rows.length > limit && last ? encodeCursor(last) : null,
    total,
  };
}
/** A replacement or an exchange, from the stored verdict of a request whose resolution is "exchange"; else null. */
function exchangeKindOf(verdict: string | null): "replacement" | "exchange" | null {
  if (!verdict) return null;
  try {
    return parseStoredVerdict(verdict).exchange?.kind ?? null;
  } catch {
    return null; // a verdict the app never wrote: shown by its stored status
  }
}

/** Reads the queue query from URL search params (the Requests screen's address is shareable). */
export function queueQueryFromSearchParams(sp: URLSearchParams, timeZone = "UTC"): QueueQuery {
  const list = (k: string) => sp.getAll(k).flatMap((v) => v.split(",")).map((v) => v.trim()).filter(Boolean);
  const date = (k: string, endOfDay = false): Date | undefined => {
    const v = sp.get(k);
    if (!v) return undefined;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) throw new DbInputError(k, "must be a date YYYY-MM-DD");
    if (!Number.isFinite(new Date(`${v}T00:00:00Z`).getTime())) throw new DbInputError(k, "must be a valid date");
    // days are the shop's days: "to" is inclusive, so it ends where the next local day starts
    const next = new Date(Date.parse(`${v}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    return startOfLocalDay(endOfDay ? next : v, timeZone);
  };
  const statuses = list("status");
  const flags = list("flag");
  const reasons = list("reason");
  return {
    statuses: statuses.map((st, i) => requireOneOf(`status[${i}]`, st, RETURN_STATUSES)),
    flags: flags.map((f, i) => requireOneOf(`flag[${i}]`, f, QUEUE_FLAGS)),
    reasons: reasons.map((r, i) => requireOneOf(`reason[${i}]`, r, REASONS)),
    createdFrom: date("from"),
    createdTo: date("to", true),
    q: sp.get("q") ?? undefined,
    withError: sp.get("errors") === "1",
    cursor: sp.get("cursor"),
  };
}

const EMAIL = /^[^\s@"]+@[^\s@"]+\.[^\s@"]+$/;

/**
 * A search for an e-mail address asks Shopify which orders were placed with it (the app keeps no shopper
 * addresses) and narrows the queue to requests on those orders; any other search is left as it is.
 */
export async function searchByEmail(ctx: Pick<AdminServiceContext, "admin">, query: QueueQuery): Promise<QueueQuery> {
  const q = query.q?.trim();
  if (!q || !q.includes("@")) return query;
  if (q.length > 254 || !EMAIL.test(q)) throw new DbInputError("q", "must be a whole e-mail address, like name@example.com");
  const data = await ctx.admin.request(ORDER_IDS_BY_EMAIL, { query: `email:"${q}"` });
  return { ...query, q: undefined, orderIds: data.orders.nodes.map((o) => o.id) };
}

/** The words a merchant reads for a filter the address got wrong. */
export const QUEUE_FIELD_LABEL: Record<string, string> = {
  status: "Status",
  flag: "Verdict",
  reason: "Reason",
  from: "Date requested (from)",
  to: "Date requested (to)",
  q: "Search",
  cursor: "Page",
};

/** "status[0]" -> "Status" */
export function queueFieldLabel(field: string): string {
  return QUEUE_FIELD_LABEL[field.replace(/\[\d+\]$/, "")] ?? "A filter";
}

/** A bad filter in the address, in a sentence a merchant can act on (no codes, no field names). */
export function queueFieldProblem(field: string, message: string): string {
  const key = field.replace(/\[\d+\]$/, "");
  const name = queueFieldLabel(field);
  // DbInputError's message starts with its field ("q: must be ..."): the merchant reads the filter's name instead
  if (key === "q") return `${name} ${message.startsWith(`${field}: `) ? message.slice(field.length + 2) : message}.`;
  if (key === "from" || key === "to") return `${name} must be a date like 2026-12-31.`;
  if (key === "cursor") return "That page of results is no longer available.";
  return `${name} asks for a choice this screen doesn't offer.`;
}
