// The compliance webhooks' reads and erasures (app/services/compliance): what is held about a
// customer, and the writes that erase it or a whole shop, each erasure in one transaction. The
// service decides what the erased values are; this module only reads and writes them.
import type { PrismaClient } from "./client";
import { requireShop, type Db } from "./shared";

/**
 * Every table that holds rows for a shop, and how the shop is named in it. The test compares this
 * with prisma/schema.prisma so a new table cannot be forgotten.
 */
export const SHOP_TABLES = {
  Session: "shop",
  Shop: "domain",
  PolicyVersion: "shop",
  ReturnRequest: "shop",
  ReturnRequestLine: "shop",
  ReturnEvent: "shop",
  ShopifyOperation: "shop",
  WebhookDelivery: "shop",
  Job: "shop",
  OfflineTokenRefresh: "shop",
  OrderFacts: "shop",
  StaffMember: "shop",
} as const;

export type ShopTable = keyof typeof SHOP_TABLES;

/** A customer as the compliance bodies name them: their id, and orders named in the request. */
export interface CustomerRef {
  customerId: string;
  orderIds: string[];
}

/** What customers/redact writes, computed by the service from what customerErasureRows read. */
export interface CustomerErasure {
  requestIds: string[];
  /** the customer and the orders the request names: their kept order facts are deleted */
  customerId: string;
  orderIds: string[];
  /** events of those requests: their payload cut down, the actor when it was the customer */
  events: { id: number; payload: string | null; actor?: string }[];
  /** earlier exports about the customer, deleted */
  exportIds: number[];
  /** requests whose stored verdict held the customer's notes, with the verdict without them */
  verdicts: { id: string; verdict: string }[];
  /** the shop's webhook jobs (not running) whose stored body is cut down to what the handler needs */
  jobs: { id: string; payload: string }[];
}

function whereCustomer(shop: string, who: CustomerRef) {
  return { shop, OR: [{ customerId: who.customerId }, ...(who.orderIds.length ? [{ orderId: { in: who.orderIds } }] : [])] };
}

function transactional(db: Db): Pick<PrismaClient, "$transaction"> {
  const client = db as Db & Partial<Pick<PrismaClient, "$transaction">>;
  if (typeof client.$transaction !== "function") throw new Error("compliance erasures run on the PrismaClient (they open their own transaction)");
  return client as Pick<PrismaClient, "$transaction">;
}

export function createComplianceRepo(db: Db) {
  return {
    /** The customer's requests with their lines and events, oldest first (customers/data_request). */
    async customerRequests(shop: string, who: CustomerRef) {
      return db.returnRequest.findMany({
        where: whereCustomer(requireShop(shop), who),
        include: { lines: { orderBy: { position: "asc" } }, events: { orderBy: [{ at: "asc" }, { id: "asc" }] } },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      });
    },

    /** Stores an export as a shop-level event (requestId null) the merchant can be given. */
    async storeExport(shop: string, input: { type: string; actor: string; at: Date; payload: string }): Promise<number> {
      const event = await db.returnEvent.create({ data: { shop: requireShop(shop), requestId: null, ...input } });
      return event.id;
    },

    /** The shop's stored exports of a type, newest first. */
    async listExports(shop: string, type: string): Promise<{ id: number; at: Date; payload: string | null }[]> {
      const rows = await db.returnEvent.findMany({ where: { shop: requireShop(shop), type }, orderBy: [{ at: "desc" }, { id: "desc" }] });
      return rows.map((r) => ({ id: r.id, at: r.at, payload: r.payload }));
    },

    /** What customers/redact reads before it writes: the customer's requests, their events, the shop's exports and webhook jobs. */
    async customerErasureRows(shop: string, who: CustomerRef, input: { exportType: string; webhookJobKind: string }) {
      const s = requireShop(shop);
      const requests = await db.returnRequest.findMany({ where: whereCustomer(s, who), select: { id: true, verdict: true } });
      const ids = requests.map((r) => r.id);
      const jobs = await db.job.findMany({ where: { shop: s, kind: input.webhookJobKind, status: { not: "running" } }, select: { id: true, payload: true } });
      const events = ids.length ? await db.returnEvent.findMany({ where: { shop: s, requestId: { in: ids } }, select: { id: true, actor: true, payload: true } }) : [];
      const exports = await db.returnEvent.findMany({ where: { shop: s, type: input.exportType, requestId: null }, select: { id: true, payload: true } });
      return { requests, jobs, events, exports };
    },

    /**
     * customers/redact's writes, in one transaction: the requests lose the customer's id and name,
     * their lines the notes and photos; events, verdicts and webhook job bodies get the given values;
     * the given exports are deleted. A job that started running since it was read is left alone.
     * Returns how many lines were erased.
     */
    async eraseCustomer(shop: string, e: CustomerErasure): Promise<{ lines: number }> {
      const s = requireShop(shop);
      const [, lines] = await transactional(db).$transaction([
        db.returnRequest.updateMany({ where: { shop: s, id: { in: e.requestIds } }, data: { customerId: null, customerDisplayName: null } }),
        db.returnRequestLine.updateMany({ where: { shop: s, requestId: { in: e.requestIds } }, data: { note: null, photos: "[]" } }),
        ...e.events.map((ev) =>
          db.returnEvent.update({ where: { id: ev.id }, data: { payload: ev.payload, shopifyResponse: null, ...(ev.actor ? { actor: ev.actor } : {}) } }),
        ),
        db.returnEvent.deleteMany({ where: { shop: s, id: { in: e.exportIds } } }),
        // the kept facts of the customer's orders hold their customer id (docs/decisions/180)
        db.orderFacts.deleteMany({ where: { shop: s, OR: [{ customerId: e.customerId }, { orderId: { in: e.orderIds } }] } }),
        ...e.verdicts.map((v) => db.returnRequest.updateMany({ where: { shop: s, id: v.id }, data: { verdict: v.verdict } })),
        ...e.jobs.map((j) => db.job.updateMany({ where: { shop: s, id: j.id, status: { not: "running" } }, data: { payload: j.payload } })),
      ]);
      return { lines: (lines as { count: number }).count };
    },

    /** shop/redact: deletes every row of every table for the shop, in one transaction. Rows deleted per table. */
    async deleteShop(shop: string): Promise<Record<ShopTable, number>> {
      const s = requireShop(shop);
      // Children before parents (lines/events cascade from requests, but delete them explicitly so rows
      // of this shop that point at nothing are gone too).
      const r = await transactional(db).$transaction([
        db.returnEvent.deleteMany({ where: { shop: s } }),
        db.returnRequestLine.deleteMany({ where: { shop: s } }),
        db.returnRequest.deleteMany({ where: { shop: s } }),
        db.policyVersion.deleteMany({ where: { shop: s } }),
        db.shopifyOperation.deleteMany({ where: { shop: s } }),
        db.webhookDelivery.deleteMany({ where: { shop: s } }),
        db.job.deleteMany({ where: { shop: s } }),
        db.session.deleteMany({ where: { shop: s } }),
        db.offlineTokenRefresh.deleteMany({ where: { shop: s } }),
        db.orderFacts.deleteMany({ where: { shop: s } }),
        db.staffMember.deleteMany({ where: { shop: s } }),
        db.shop.deleteMany({ where: { domain: s } }),
      ]);
      const [events, lines, requests, policies, ops, deliveries, jobs, sessions, tokenRefresh, orderFacts, staff, shops] = r.map((x) => x.count);
      return {
        ReturnEvent: events!,
        ReturnRequestLine: lines!,
        ReturnRequest: requests!,
        PolicyVersion: policies!,
        ShopifyOperation: ops!,
        WebhookDelivery: deliveries!,
        Job: jobs!,
        Session: sessions!,
        OfflineTokenRefresh: tokenRefresh!,
        OrderFacts: orderFacts!,
        StaffMember: staff!,
        Shop: shops!,
      };
    },
  };
}

export type ComplianceRepo = ReturnType<typeof createComplianceRepo>;
