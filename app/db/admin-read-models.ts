// Named read models for the admin screens: the aggregate and list queries that stay direct Prisma
// queries for speed (counts and groupBy in the database, the queue's index-friendly keyset scan), each
// scoped by shop. The services in app/services/admin-views shape their answers for the screens.
import { REASONS } from "~/returns";
import { DbInputError, requireOneOf, requireShop, type Db } from "./shared";
import { decodeCursor, RETURN_STATUSES, type ReturnStatus } from "./return-requests";

/** Verdict flags staff filter on; they are the engine's failing codes stored on each line. */
export const QUEUE_FLAGS = ["OUTSIDE_WINDOW", "FINAL_SALE", "EVIDENCE_REQUIRED"] as const;
export type QueueFlag = (typeof QUEUE_FLAGS)[number];

export type Provider = "sqlite" | "postgresql";

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
  /** only requests on these orders (the orders Shopify found for a shopper's e-mail address) */
  orderIds?: string[];
  cursor?: string | null;
  limit?: number;
  /** also count every request matching the filters (the screen's total) */
  withTotal?: boolean;
}

/** Requests that brought nothing back: not counted among returned units or "why items come back". */
const NOT_RETURNED: ReturnStatus[] = ["declined", "cancelled"];

export function createAdminReadModels(db: Db) {
  return {
    /** Home: latest policy version, counts by status, failed calls, and request times since `since`. */
    async dashboard(shop: string, { since, now }: { since: Date; now: Date }) {
      const s = requireShop(shop);
      const [policy, statusRows, failed, recent] = await Promise.all([
        db.policyVersion.findFirst({ where: { shop: s }, orderBy: { version: "desc" }, select: { version: true } }),
        db.returnRequest.groupBy({ by: ["status"], where: { shop: s }, _count: { _all: true } }),
        db.returnRequest.count({
          where: { shop: s, OR: [{ status: "failed" }, { lastError: { not: null }, status: { notIn: ["closed", "cancelled"] } }] },
        }),
        db.returnRequest.findMany({ where: { shop: s, createdAt: { gte: since, lte: now } }, select: { createdAt: true } }),
      ]);
      return {
        policyVersion: policy?.version ?? null,
        byStatus: statusRows.map((r) => ({ status: r.status, count: r._count._all })),
        failedShopifyCalls: failed,
        createdAts: recent.map((r) => r.createdAt),
      };
    },

    /**
     * Requests: filters, search and keyset pagination on (createdAt, id). Every page is one indexed range
     * scan from the cursor ([shop, createdAt, id] / [shop, status, createdAt, id]), never OFFSET. Returns
     * up to limit + 1 rows (the extra one says there is a next page).
     */
    async queue(shop: string, query: QueueQuery = {}, { provider = "sqlite" }: { provider?: Provider } = {}) {
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
      if (query.orderIds) {
        if (query.orderIds.length > 500) throw new DbInputError("orderIds", "must be at most 500 orders");
        and.push({ orderId: { in: query.orderIds } });
      }
      // the total matches the filters, whatever the page
      const total = query.withTotal ? db.returnRequest.count({ where: { AND: [...and] } as never }) : Promise.resolve(null);
      if (query.cursor) {
        const c = decodeCursor(query.cursor);
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
          resolution: true,
          lines: { select: { reason: true, codes: true, quantity: true, eligible: true } },
        },
      });
      // a replacement and an exchange share the resolution "exchange": which one it is (and so what the
      // queue calls it once processed) is in the stored verdict, read for those rows only (one indexed read)
      const exchangeIds = rows.filter((r) => r.resolution === "exchange").map((r) => r.id);
      const verdicts = exchangeIds.length === 0 ? [] : await db.returnRequest.findMany({ where: { shop: s, id: { in: exchangeIds } }, select: { id: true, verdict: true } });
      const exchangeVerdicts = new Map(verdicts.map((v) => [v.id, v.verdict]));
      return { rows: rows.map((r) => ({ ...r, exchangeVerdict: exchangeVerdicts.get(r.id) ?? null })), limit, total: await total };
    },

    /** Analytics: counts and groupings of the period's requests, and the money settled in it. */
    async analytics(shop: string, { from, to }: { from: Date; to: Date }) {
      const s = requireShop(shop);
      const inPeriod = { shop: s, createdAt: { gte: from, lt: to } };
      const [requests, orders, reasonRows, productRows, settled, exchanged] = await Promise.all([
        db.returnRequest.count({ where: inPeriod }),
        db.returnRequest.groupBy({ by: ["orderId"], where: inPeriod }),
        // why items come back: a declined or cancelled request brought nothing back
        db.returnRequestLine.groupBy({
          by: ["reason"],
          where: { shop: s, request: { is: { ...inPeriod, status: { notIn: NOT_RETURNED } } } },
          _count: { _all: true },
          _sum: { quantity: true },
        }),
        db.returnRequestLine.groupBy({
          by: ["title"],
          where: { shop: s, request: { is: { ...inPeriod, status: { notIn: NOT_RETURNED } } } },
          _count: { requestId: true },
          _sum: { quantity: true },
          orderBy: { _sum: { quantity: "desc" } },
          take: 10,
        }),
        // Money that left the shop: refunds and store credit issued, by when the request reached that state.
        db.returnRequest.findMany({
          where: {
            shop: s,
            updatedAt: { gte: from, lt: to },
            // a replacement or even exchange is processed as "refunded" with nothing refunded: no money left, not
            // counted; a cheaper exchange's difference did leave (refunded, even once closed)
            OR: [{ status: { in: ["refunded", "credited"] }, refundMinor: { gt: 0 } }, { status: "closed", resolution: { in: ["refund", "store_credit", "exchange"] }, refundMinor: { gt: 0 } }],
          },
          select: { status: true, resolution: true, refundMinor: true, currency: true, updatedAt: true },
        }),
        // Replacements and exchanges processed in the period: the new items went out instead of a refund.
        db.returnRequest.findMany({
          where: { shop: s, updatedAt: { gte: from, lt: to }, resolution: "exchange", status: { in: ["refunded", "credited", "closed"] } },
          select: { currency: true, verdict: true, updatedAt: true },
        }),
      ]);
      return {
        requests,
        ordersWithReturns: orders.length,
        reasons: reasonRows.map((r) => ({ reason: r.reason, lines: r._count._all, units: r._sum.quantity ?? 0 })),
        topProducts: productRows.map((r) => ({ title: r.title, units: r._sum.quantity ?? 0, requests: r._count.requestId })),
        settled: settled.map((r) => ({ ...r, refundMinor: Number(r.refundMinor) })),
        exchanged,
      };
    },

    /**
     * The shop-wide activity log: events newest first, keyset-paged on (at, id), with the request's order
     * and customer name so every row says what it was about. `actorPrefixes` ("staff:", "customer:") and
     * `types` narrow it; `hiddenTypes` are never listed (compliance exports carry personal data).
     */
    async activity(
      shop: string,
      query: {
        actorPrefixes?: string[];
        actors?: string[];
        types?: string[];
        hiddenTypes?: string[];
        from?: Date;
        /** exclusive */
        to?: Date;
        /** keyset: events strictly older than (at, id) */
        before?: { at: Date; id: number } | null;
        limit?: number;
      } = {},
    ) {
      const s = requireShop(shop);
      const limit = query.limit ?? 50;
      if (!Number.isInteger(limit) || limit < 1 || limit > 5000) throw new DbInputError("limit", "must be 1 to 5000");
      const and: object[] = [{ shop: s }];
      const who = [...(query.actorPrefixes ?? []).map((p) => ({ actor: { startsWith: p } })), ...(query.actors ?? []).map((a) => ({ actor: a }))];
      if (who.length > 0) and.push({ OR: who });
      if (query.types && query.types.length > 0) and.push({ type: { in: query.types } });
      if (query.hiddenTypes && query.hiddenTypes.length > 0) and.push({ type: { notIn: query.hiddenTypes } });
      if (query.from) and.push({ at: { gte: query.from } });
      if (query.to) and.push({ at: { lt: query.to } });
      if (query.before) {
        const b = query.before;
        and.push({ at: { lte: b.at } });
        and.push({ OR: [{ at: { lt: b.at } }, { at: b.at, id: { lt: b.id } }] });
      }
      const rows = await db.returnEvent.findMany({
        where: { AND: and } as never,
        orderBy: [{ at: "desc" }, { id: "desc" }],
        take: limit + 1,
        select: {
          id: true,
          requestId: true,
          type: true,
          actor: true,
          at: true,
          payload: true,
          request: { select: { orderName: true, customerDisplayName: true } },
        },
      });
      return { rows: rows.slice(0, limit), hasMore: rows.length > limit };
    },

    /**
     * Units asked back on these orders (any time), by line title and reason, leaving out declined and
     * cancelled requests: the numerator of the return rate whose denominator is the units Shopify
     * delivered on the same orders.
     */
    async returnedUnitsOnOrders(shop: string, orderIds: readonly string[]) {
      const s = requireShop(shop);
      const out: { title: string; reason: string; units: number }[] = [];
      // chunked so the IN list stays well under either engine's bound-parameter limit
      for (let i = 0; i < orderIds.length; i += 500) {
        const rows = await db.returnRequestLine.groupBy({
          by: ["title", "reason"],
          where: { shop: s, request: { is: { shop: s, orderId: { in: orderIds.slice(i, i + 500) }, status: { notIn: NOT_RETURNED } } } },
          _sum: { quantity: true },
        });
        for (const r of rows) out.push({ title: r.title, reason: r.reason, units: r._sum.quantity ?? 0 });
      }
      return out;
    },

    /**
     * Requests made through Shopify's own self-serve returns since the shop-level event `dismissedType`
     * was last recorded (or ever): how many, the latest order name, and whether it was ever recorded.
     */
    async selfServeSince(shop: string, dismissedType: string) {
      const s = requireShop(shop);
      const dismissed = await db.returnEvent.findFirst({
        where: { shop: s, requestId: null, type: dismissedType },
        orderBy: [{ at: "desc" }, { id: "desc" }],
        select: { at: true },
      });
      const since = dismissed ? { createdAt: { gt: dismissed.at } } : {};
      const where = { shop: s, source: "shopify_self_serve", ...since };
      const [count, latest] = await Promise.all([
        db.returnRequest.count({ where }),
        db.returnRequest.findFirst({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: { orderName: true } }),
      ]);
      return { dismissed: dismissed !== null, count, latestOrderName: latest?.orderName ?? null };
    },
  };
}

export type AdminReadModels = ReturnType<typeof createAdminReadModels>;
