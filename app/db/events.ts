// Audit log of return requests (append-only). Order: at, then insertion id.
import { fromOptionalJson, optionalJson, optionalString, requireDate, requireShop, requireString, type Db } from "./shared";

export interface ReturnEventRecord {
  id: number;
  shop: string;
  requestId: string | null;
  type: string;
  actor: string;
  at: Date;
  payload: unknown;
  shopifyResponse: unknown;
}

export interface AppendEventInput {
  requestId?: string | null;
  type: string;
  /** e.g. "merchant:<userId>", "customer:<customerId>", "system", "shopify" */
  actor: string;
  at: Date;
  payload?: unknown;
  shopifyResponse?: unknown;
}

/** A stored row: the record's fields, with the JSON ones as text. */
type EventRow = Omit<ReturnEventRecord, "payload" | "shopifyResponse"> & {
  payload: string | null;
  shopifyResponse: string | null;
};

function toRecord(row: EventRow): ReturnEventRecord {
  return {
    ...row,
    payload: fromOptionalJson("payload", row.payload),
    shopifyResponse: fromOptionalJson("shopifyResponse", row.shopifyResponse),
  };
}

export function createEventsRepo(db: Db) {
  return {
    async append(shop: string, input: AppendEventInput): Promise<ReturnEventRecord> {
      const s = requireShop(shop);
      const requestId = optionalString("requestId", input.requestId);
      if (requestId !== null) {
        // the request must belong to this shop: no cross-shop audit entries
        const owner = await db.returnRequest.findFirst({ where: { id: requestId, shop: s }, select: { id: true } });
        if (!owner) throw new Error(`requestId: return request ${requestId} not found for ${s}`);
      }
      const row = await db.returnEvent.create({
        data: {
          shop: s,
          requestId,
          type: requireString("type", input.type, { max: 100 }),
          actor: requireString("actor", input.actor, { max: 255 }),
          at: requireDate("at", input.at),
          payload: optionalJson("payload", input.payload),
          shopifyResponse: optionalJson("shopifyResponse", input.shopifyResponse),
        },
      });
      return toRecord(row);
    },

    async listForRequest(shop: string, requestId: string): Promise<ReturnEventRecord[]> {
      const rows = await db.returnEvent.findMany({
        where: { shop: requireShop(shop), requestId: requireString("requestId", requestId) },
        orderBy: [{ at: "asc" }, { id: "asc" }],
      });
      return rows.map(toRecord);
    },

    /**
     * The store credit bonus credits (decision 220) recorded in the `refunded` events of the customer's
     * other requests: a retry that lost the bonus's answer adopts a Shopify credit only when no other
     * request already holds it. Read on that retry only (the customer's requests, then their refunded events).
     */
    async bonusCreditIdsOfCustomer(shop: string, customerId: string, exceptRequestId: string): Promise<Set<string>> {
      const s = requireShop(shop);
      const rows = await db.returnEvent.findMany({
        where: { shop: s, type: "refunded", request: { is: { shop: s, customerId: requireString("customerId", customerId), id: { not: exceptRequestId } } } },
        select: { payload: true },
      });
      const out = new Set<string>();
      for (const r of rows) {
        const id = (fromOptionalJson("payload", r.payload) as { bonus?: { id?: unknown } } | null)?.bonus?.id;
        if (typeof id === "string") out.add(id);
      }
      return out;
    },

    /** The newest event of `type` for the shop (request or shop-level), or null. */
    async latestOfType(shop: string, type: string): Promise<ReturnEventRecord | null> {
      const row = await db.returnEvent.findFirst({
        where: { shop: requireShop(shop), type: requireString("type", type, { max: 100 }) },
        orderBy: [{ at: "desc" }, { id: "desc" }],
      });
      return row ? toRecord(row) : null;
    },

    async listForShop(shop: string, { limit = 100, before }: { limit?: number; before?: Date } = {}): Promise<ReturnEventRecord[]> {
      const rows = await db.returnEvent.findMany({
        where: { shop: requireShop(shop), ...(before ? { at: { lt: requireDate("before", before) } } : {}) },
        orderBy: [{ at: "desc" }, { id: "desc" }],
        take: limit,
      });
      return rows.map(toRecord);
    },
  };
}

export type EventsRepo = ReturnType<typeof createEventsRepo>;
