// The Requests screen read model: filters, search and keyset pagination on (createdAt, id).
// Every page is one indexed range scan from the cursor ([shop, createdAt, id] / [shop, status, createdAt, id]),
// never OFFSET, so page 400 of 100,000 requests costs the same as page 1.
import type { PrismaClient } from "~/db/client";
import { DbInputError, RETURN_STATUSES, requireOneOf, requireShop, type ReturnStatus } from "~/db";
import { REASONS } from "~/returns";
import { decodeQueueCursor, encodeQueueCursor, parseJsonArray, startOfLocalDay, type Provider } from "./shared";

/** Verdict flags staff filter on; they are the engine's failing codes stored on each line. */
export const QUEUE_FLAGS = ["OUTSIDE_WINDOW", "FINAL_SALE", "EVIDENCE_REQUIRED"] as const;
export type QueueFlag = (typeof QUEUE_FLAGS)[number];

export interface QueueQuery {
  statuses?: ReturnStatus[];
  reasons?: string[];
  /** any of these flags on any line */
  flags?: QueueFlag[];
  createdFrom?: Date;
  /** exclusive */
  createdTo?: Date;
  /** only requests whose last Shopify call failed (status failed, or lastError set and still open) */
  withError?: boolean;
  /** order name ("#1001", "1001") or part of the customer's name */
  q?: string;
  cursor?: string | null;
  limit?: number;
}

export interface QueueItem {
  id: string;
  orderName: string;
  orderId: string;
  customer: string | null;
  status: ReturnStatus;
  createdAt: string;
  currency: string;
  refundMinor: number;
  feesMinor: number;
  reasons: string[];
  flags: string[];
  quantity: number;
  lineCount: number;
  lastError: string | null;
  /** "approve" when every line meets the policy, "decline" when none does (and still requested), else null */
  clearCase: "approve" | "decline" | null;
}

export interface QueueResult {
  items: QueueItem[];
  nextCursor: string | null;
}

export async function listQueue(
  db: PrismaClient,
  shop: string,
  query: QueueQuery = {},
  { provider = "sqlite" }: { provider?: Provider } = {},
): Promise<QueueResult> {
  const s = requireShop(shop);
  const limit = query.limit ?? 25;
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) throw new DbInputError("limit", "must be 1 to 100");
  const and: object[] = [{ shop: s }];
  if (query.statuses && query.statuses.length > 0) {
    and.push({ status: { in: query.statuses.map((st, i) => requireOneOf(`statuses[${i}]`, st, RETURN_STATUSES)) } });
  }
  const lineConds: object[] = [];
  if (query.reasons && query.reasons.length > 0) {
    const reasons = query.reasons.map((r, i) => requireOneOf(`reasons[${i}]`, r, REASONS));
    lineConds.push({ reason: { in: reasons } });
  }
  if (query.flags && query.flags.length > 0) {
    const flags = query.flags.map((f, i) => requireOneOf(`flags[${i}]`, f, QUEUE_FLAGS));
    // codes is a JSON array of code strings; the quoted code cannot match another code by accident
    lineConds.push({ OR: flags.map((f) => ({ codes: { contains: `"${f}"` } })) });
  }
  if (lineConds.length > 0) and.push({ lines: { some: { AND: lineConds } } });
  if (query.withError) {
    and.push({ OR: [{ status: "failed" }, { lastError: { not: null }, status: { notIn: ["closed", "cancelled"] } }] });
  }
  if (query.createdFrom) and.push({ createdAt: { gte: query.createdFrom } });
  if (query.createdTo) and.push({ createdAt: { lt: query.createdTo } });
  const q = query.q?.trim();
  if (q) {
    if (q.length > 200) throw new DbInputError("q", "must be at most 200 characters");
    if (/^#?\d+$/.test(q)) {
      // An order number: a prefix range on [shop, orderName] (index-friendly, unlike LIKE on SQLite).
      const name = q.startsWith("#") ? q : `#${q}`;
      const bare = name.slice(1);
      const byName = {
        OR: [
          { orderName: { gte: name, lt: `${name}\uffff` } },
          { orderName: { gte: bare, lt: `${bare}\uffff` } },
        ],
      };
      // Look the (few) matching ids up on the orderName index first; otherwise SQLite's planner walks the
      // createdAt index for the ORDER BY and filters every row. A short prefix with many matches falls back.
      const hits = await db.returnRequest.findMany({ where: { shop: s, ...byName }, select: { id: true }, take: 501 });
      and.push(hits.length <= 500 ? { id: { in: hits.map((h) => h.id) } } : byName);
    } else {
      const ci = provider === "postgresql" ? { mode: "insensitive" } : {};
      and.push({
        OR: [
          { orderName: { startsWith: q } },
          { customerDisplayName: { contains: q, ...ci } },
          { customerId: q },
        ],
      });
    }
  }
  if (query.cursor) {
    const c = decodeQueueCursor(query.cursor);
    // the plain bound lets the planner seek the (shop, createdAt, id) index instead of filtering the OR
    and.push({ createdAt: { lte: c.createdAt } });
    and.push({ OR: [{ createdAt: { lt: c.createdAt } }, { createdAt: c.createdAt, id: { lt: c.id } }] });
  }
  const rows = await db.returnRequest.findMany({
    where: { AND: and } as never,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    select: {
      id: true,
      orderName: true,
      orderId: true,
      customerDisplayName: true,
      customerId: true,
      status: true,
      createdAt: true,
      currency: true,
      refundMinor: true,
      feesMinor: true,
      lastError: true,
      lines: { select: { reason: true, codes: true, quantity: true, eligible: true } },
    },
  });
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: page.map((r) => {
      const flags = new Set<string>();
      for (const l of r.lines) for (const c of parseJsonArray(l.codes)) if (typeof c === "string") flags.add(c);
      const allEligible = r.lines.length > 0 && r.lines.every((l) => l.eligible);
      const noneEligible = r.lines.length > 0 && r.lines.every((l) => !l.eligible);
      return {
        id: r.id,
        orderName: r.orderName,
        orderId: r.orderId,
        // without the customer's name (the app is not approved for names: protected customer data level 1) the
        // order says whose request it is; never an id
        customer: r.customerDisplayName ?? (r.customerId ? `Customer of ${r.orderName}` : null),
        status: r.status as ReturnStatus,
        createdAt: r.createdAt.toISOString(),
        currency: r.currency,
        refundMinor: Number(r.refundMinor),
        feesMinor: Number(r.feesMinor),
        reasons: [...new Set(r.lines.map((l) => l.reason))],
        flags: [...flags],
        quantity: r.lines.reduce((a, l) => a + l.quantity, 0),
        lineCount: r.lines.length,
        lastError: r.lastError,
        clearCase: r.status !== "requested" ? null : allEligible ? "approve" : noneEligible ? "decline" : null,
      };
    }),
    nextCursor: rows.length > limit && last ? encodeQueueCursor(last) : null,
  };
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
