// What the returns policy needs of one order, kept per shop (docs/decisions/180): the shopper's
// overview, preview and submission read it instead of the order at Shopify.
//
// Version guard: a row holds the order's Shopify `updatedAt` at the read that wrote it. A write with an
// older `updatedAt` than the row's is ignored (a slow read cannot overwrite a newer one), and a webhook
// that announces a newer `updated_at` records it in `announcedUpdatedAt`: the row is stale until a read
// at least that new replaces it. Compare-and-set with `updateMany`, as elsewhere (docs/decisions/030).
import { fromJson, isUniqueViolation, optionalString, requireDate, requireShop, requireString, toJson, type Db } from "./shared";

/** Request statuses whose units Shopify does not hold on a Return. */
const RELEASED_STATUSES = ["declined", "cancelled", "refused"] as const;

export interface StoredOrderFacts {
  orderId: string;
  /** the order's owner (gid), null for a guest order */
  customerId: string | null;
  /** Order.updatedAt at the read that wrote the facts */
  shopifyUpdatedAt: Date;
  /** the newest updated_at a webhook announced; the facts are stale while it is newer than shopifyUpdatedAt */
  announcedUpdatedAt: Date | null;
  readAt: Date;
  facts: unknown;
}

export interface OrderFactsWrite {
  orderId: string;
  customerId: string | null;
  shopifyUpdatedAt: Date;
  facts: unknown;
  readAt: Date;
}

/** Stale: a webhook announced a newer version of the order than the one the facts were read from. */
export function isAnnouncedNewer(row: Pick<StoredOrderFacts, "shopifyUpdatedAt" | "announcedUpdatedAt">): boolean {
  return row.announcedUpdatedAt !== null && row.announcedUpdatedAt.getTime() > row.shopifyUpdatedAt.getTime();
}

export function createOrderFactsRepo(db: Db) {
  return {
    async get(shop: string, orderId: string): Promise<StoredOrderFacts | null> {
      const row = await db.orderFacts.findUnique({ where: { shop_orderId: { shop: requireShop(shop), orderId: requireString("orderId", orderId) } } });
      if (!row) return null;
      return {
        orderId: row.orderId,
        customerId: row.customerId,
        shopifyUpdatedAt: row.shopifyUpdatedAt,
        announcedUpdatedAt: row.announcedUpdatedAt,
        readAt: row.readAt,
        facts: fromJson("facts", row.facts),
      };
    },

    /**
     * Stores a read of the order unless the row already holds a newer version (true when written).
     * An equal version is written again (a re-read after a webhook that carried no newer updated_at).
     */
    async put(shop: string, w: OrderFactsWrite): Promise<boolean> {
      const s = requireShop(shop);
      const data = {
        customerId: optionalString("customerId", w.customerId),
        shopifyUpdatedAt: requireDate("shopifyUpdatedAt", w.shopifyUpdatedAt),
        facts: toJson("facts", w.facts),
        readAt: requireDate("readAt", w.readAt),
      };
      const orderId = requireString("orderId", w.orderId);
      const updated = await db.orderFacts.updateMany({ where: { shop: s, orderId, shopifyUpdatedAt: { lte: data.shopifyUpdatedAt } }, data });
      if (updated.count > 0) return true;
      try {
        await db.orderFacts.create({ data: { shop: s, orderId, ...data } });
        return true;
      } catch (e) {
        if (isUniqueViolation(e)) return false; // a newer version is stored (or another writer just created it)
        throw e;
      }
    },

    /**
     * A webhook says the order changed at `updatedAt`: the stored facts (if any) are stale unless they
     * were read from that version or a later one. True when a stored row is now stale.
     */
    async announce(shop: string, orderId: string, updatedAt: Date): Promise<boolean> {
      const s = requireShop(shop);
      const at = requireDate("updatedAt", updatedAt);
      const id = requireString("orderId", orderId);
      const r = await db.orderFacts.updateMany({
        where: { shop: s, orderId: id, shopifyUpdatedAt: { lt: at }, OR: [{ announcedUpdatedAt: null }, { announcedUpdatedAt: { lt: at } }] },
        data: { announcedUpdatedAt: at },
      });
      return r.count > 0;
    },

    /**
     * The Shopify Returns the app's requests on the order hold (listed before a read at Shopify: each
     * of them is already counted in what that read says is returnable).
     */
    async returnsOnOrder(shop: string, orderId: string): Promise<string[]> {
      const rows = await db.returnRequest.findMany({
        where: { shop: requireShop(shop), orderId: requireString("orderId", orderId), shopifyReturnId: { not: null } },
        select: { shopifyReturnId: true },
      });
      return rows.map((r) => r.shopifyReturnId!).sort();
    },

    /**
     * Units per order line that the app's requests hold beyond what a read of the order counted:
     * `awaiting`, requests still without a Return; `madeSince`, requests whose Return is not in `seen`
     * (made after the read). Requests Shopify holds no units for (declined, cancelled, refused) are left out.
     */
    async unitsBeyond(shop: string, orderId: string, seen: readonly string[]): Promise<{ awaiting: Map<string, number>; madeSince: Map<string, number> }> {
      const s = requireShop(shop);
      const rows = await db.returnRequestLine.findMany({
        where: {
          shop: s,
          request: {
            shop: s,
            orderId: requireString("orderId", orderId),
            status: { notIn: [...RELEASED_STATUSES] },
            OR: [{ shopifyReturnId: null }, { shopifyReturnId: { notIn: [...seen] } }],
          },
        },
        select: { lineItemId: true, quantity: true, request: { select: { shopifyReturnId: true } } },
      });
      const awaiting = new Map<string, number>();
      const madeSince = new Map<string, number>();
      for (const r of rows) {
        const into = r.request.shopifyReturnId === null ? awaiting : madeSince;
        into.set(r.lineItemId, (into.get(r.lineItemId) ?? 0) + r.quantity);
      }
      return { awaiting, madeSince };
    },

    /** customers/redact: forget the facts of the customer's orders (they hold the customer's id). */
    async deleteForCustomer(shop: string, customerId: string): Promise<number> {
      const r = await db.orderFacts.deleteMany({ where: { shop: requireShop(shop), customerId: requireString("customerId", customerId) } });
      return r.count;
    },

    async deleteForOrders(shop: string, orderIds: readonly string[]): Promise<number> {
      if (orderIds.length === 0) return 0;
      const r = await db.orderFacts.deleteMany({ where: { shop: requireShop(shop), orderId: { in: [...orderIds] } } });
      return r.count;
    },
  };
}
