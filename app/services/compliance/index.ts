/**
 * Mandatory compliance webhooks (GDPR/CCPA), as services over the PrismaClient the caller passes in.
 * Every query is scoped by the shop of the (HMAC-verified) webhook.
 *
 * - customers/data_request -> exportCustomerData: everything we hold on the customer (requests,
 *   lines, notes, photo references, audit events) as one JSON export, stored as a ReturnEvent of type
 *   "customer_data_export" (requestId null) so the merchant can be given it; listCustomerDataExports
 *   reads them back.
 * - customers/redact -> redactCustomer: erases personal data (customer id and display name, line
 *   notes and the notes in the stored Return plan, photo references, free text and Shopify answers in
 *   event payloads, the customer's actor id, any earlier export about them, and whole webhook bodies
 *   left in the shop's job rows) and keeps the anonymised money record (amounts, currency,
 *   statuses, dates, order id/name, policy verdict).
 * - shop/redact -> redactShop: deletes every row of every table for the shop, sessions included.
 * All three are idempotent: running them again changes nothing more.
 */
import type { PrismaClient } from "~/db.server";
import { requireShop } from "~/db";
import { WEBHOOK_JOB_KIND, type WebhookJobPayload } from "~/webhooks/types";
import { parseWebhookPayload } from "~/webhooks/payloads";
import type { CustomerDataRequest, CustomerRedaction } from "./payload";

export { parseCustomerRedact, parseDataRequest, WebhookPayloadError } from "./payload";
export type { CustomerDataRequest, CustomerRedaction } from "./payload";

type Db = Pick<
  PrismaClient,
  "returnRequest" | "returnRequestLine" | "returnEvent" | "session" | "shop" | "policyVersion" | "shopifyOperation" | "webhookDelivery" | "job" | "offlineTokenRefresh" | "$transaction"
>;

export const EXPORT_EVENT_TYPE = "customer_data_export";
export const REDACTED_ACTOR = "customer:redacted";

/** Event payload keys that carry no personal data (statuses, enums, amounts, ids of our own). */
const SAFE_EVENT_KEYS = new Set(["action", "from", "to", "topic", "amount", "decision", "policyVersion", "resolution", "restock", "reason", "declineReason", "returnId", "status", "refunds"]);

const parseJson = (text: string | null): unknown => {
  if (text === null) return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
};

function whereCustomer(shop: string, who: { customerId: string; orderIds: string[] }) {
  return { shop, OR: [{ customerId: who.customerId }, ...(who.orderIds.length ? [{ orderId: { in: who.orderIds } }] : [])] };
}

export interface CustomerDataExport {
  kind: typeof EXPORT_EVENT_TYPE;
  shop: string;
  customerId: string;
  dataRequestId: string | null;
  ordersRequested: string[];
  generatedAt: string;
  requests: {
    id: string;
    orderId: string;
    orderName: string;
    customerId: string | null;
    customerDisplayName: string | null;
    status: string;
    resolution: string | null;
    currency: string;
    refundMinor: string;
    feesMinor: string;
    shopifyReturnId: string | null;
    createdAt: string;
    updatedAt: string;
    lines: { lineItemId: string; title: string; quantity: number; reason: string; conditions: unknown; note: string | null; photos: unknown }[];
    events: { type: string; actor: string; at: string; payload: unknown }[];
  }[];
}

/** customers/data_request: builds the export and stores it for the merchant. */
export async function exportCustomerData(db: Db, shopDomain: string, req: CustomerDataRequest, now: Date): Promise<{ eventId: number; export: CustomerDataExport }> {
  const shop = requireShop(shopDomain);
  const rows = await db.returnRequest.findMany({
    where: whereCustomer(shop, req),
    include: { lines: { orderBy: { position: "asc" } }, events: { orderBy: [{ at: "asc" }, { id: "asc" }] } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  const data: CustomerDataExport = {
    kind: EXPORT_EVENT_TYPE,
    shop,
    customerId: req.customerId,
    dataRequestId: req.dataRequestId,
    ordersRequested: req.orderIds,
    generatedAt: now.toISOString(),
    requests: rows.map((r) => ({
      id: r.id,
      orderId: r.orderId,
      orderName: r.orderName,
      customerId: r.customerId,
      customerDisplayName: r.customerDisplayName,
      status: r.status,
      resolution: r.resolution,
      currency: r.currency,
      refundMinor: r.refundMinor.toString(),
      feesMinor: r.feesMinor.toString(),
      shopifyReturnId: r.shopifyReturnId,
      createdAt: r.createdAt.toISOString(),
      updatedAt: r.updatedAt.toISOString(),
      lines: r.lines.map((l) => ({
        lineItemId: l.lineItemId,
        title: l.title,
        quantity: l.quantity,
        reason: l.reason,
        conditions: parseJson(l.conditions),
        note: l.note,
        photos: parseJson(l.photos),
      })),
      events: r.events.map((e) => ({ type: e.type, actor: e.actor, at: e.at.toISOString(), payload: parseJson(e.payload) })),
    })),
  };
  const event = await db.returnEvent.create({
    data: { shop, requestId: null, type: EXPORT_EVENT_TYPE, actor: "shopify:customers/data_request", at: now, payload: JSON.stringify(data) },
  });
  return { eventId: event.id, export: data };
}

/** The stored exports of a shop, newest first (what the merchant hands to the customer). */
export async function listCustomerDataExports(db: Db, shopDomain: string): Promise<{ id: number; at: Date; export: CustomerDataExport }[]> {
  const shop = requireShop(shopDomain);
  const rows = await db.returnEvent.findMany({ where: { shop, type: EXPORT_EVENT_TYPE }, orderBy: [{ at: "desc" }, { id: "desc" }] });
  return rows.map((r) => ({ id: r.id, at: r.at, export: parseJson(r.payload) as CustomerDataExport }));
}

function redactPayload(text: string | null): string | null {
  const value = parseJson(text);
  if (value === null || typeof value !== "object" || Array.isArray(value)) return value === null ? null : JSON.stringify({ redacted: true });
  const kept = Object.fromEntries(Object.entries(value).filter(([k, v]) => SAFE_EVENT_KEYS.has(k) && (v === null || typeof v !== "object")));
  return JSON.stringify({ ...kept, redacted: true });
}

export interface RedactionResult {
  requests: number;
  lines: number;
  events: number;
  exportsDeleted: number;
}

/** customers/redact: erase the customer's personal data, keep anonymised money records. */
export async function redactCustomer(db: Db, shopDomain: string, who: CustomerRedaction): Promise<RedactionResult> {
  const shop = requireShop(shopDomain);
  const requests = await db.returnRequest.findMany({ where: whereCustomer(shop, who), select: { id: true, verdict: true } });
  const ids = requests.map((r) => r.id);
  // The verdict keeps the Return's plan, whose lines carry the customer's note as sent to Shopify.
  const verdicts = requests.flatMap((r) => {
    const verdict = withoutCustomerNotes(r.verdict);
    return verdict === null ? [] : [db.returnRequest.updateMany({ where: { shop, id: r.id }, data: { verdict } })];
  });
  const jobs = await minimisedWebhookJobs(db, shop);
  const events = ids.length ? await db.returnEvent.findMany({ where: { shop, requestId: { in: ids } }, select: { id: true, actor: true, payload: true } }) : [];
  const exports = await db.returnEvent.findMany({ where: { shop, type: EXPORT_EVENT_TYPE, requestId: null }, select: { id: true, payload: true } });
  const staleExports = exports.filter((e) => (parseJson(e.payload) as { customerId?: unknown } | null)?.customerId === who.customerId).map((e) => e.id);
  const [, lines] = await db.$transaction([
    db.returnRequest.updateMany({ where: { shop, id: { in: ids } }, data: { customerId: null, customerDisplayName: null } }),
    db.returnRequestLine.updateMany({ where: { shop, requestId: { in: ids } }, data: { note: null, photos: "[]" } }),
    ...events.map((e) =>
      db.returnEvent.update({
        where: { id: e.id },
        data: { payload: redactPayload(e.payload), shopifyResponse: null, ...(e.actor.startsWith("customer:") ? { actor: REDACTED_ACTOR } : {}) },
      }),
    ),
    db.returnEvent.deleteMany({ where: { shop, id: { in: staleExports } } }),
    ...verdicts,
    ...jobs.map((j) => db.job.updateMany({ where: { shop, id: j.id, status: { not: "running" } }, data: { payload: j.payload } })),
  ]);
  return { requests: ids.length, lines: (lines as { count: number }).count, events: events.length, exportsDeleted: staleExports.length };
}

/** The verdict JSON without the customer's notes in its Return plan, or null when it has none. */
function withoutCustomerNotes(text: string | null): string | null {
  const verdict = parseJson(text) as { plan?: { returnLineItems?: unknown } } | null;
  const lines = verdict?.plan?.returnLineItems;
  if (!Array.isArray(lines) || !lines.some((l) => l && typeof l === "object" && "customerNote" in l)) return null;
  verdict!.plan!.returnLineItems = lines.map((l) => {
    if (!l || typeof l !== "object") return l;
    const { customerNote: _dropped, ...rest } = l as Record<string, unknown>;
    return rest;
  });
  return JSON.stringify(verdict);
}

/**
 * The shop's webhook jobs (Job table) whose stored body holds more than its topic's handler needs,
 * with that body cut down to it (app/webhooks/payloads.ts): jobs queued before bodies were cut down
 * at the route kept whole webhook bodies (a customer's e-mail and phone, Return notes). Running jobs
 * are left alone; a body that does not parse is emptied.
 */
async function minimisedWebhookJobs(db: Db, shop: string): Promise<{ id: string; payload: string }[]> {
  const rows = await db.job.findMany({ where: { shop, kind: WEBHOOK_JOB_KIND, status: { not: "running" } }, select: { id: true, payload: true } });
  return rows.flatMap((row) => {
    const job = parseJson(row.payload) as Partial<WebhookJobPayload> | null;
    if (!job || typeof job !== "object" || typeof job.topic !== "string") return [];
    let body: Record<string, unknown>;
    try {
      body = parseWebhookPayload(job.topic, shop, job.payload);
    } catch {
      body = {};
    }
    const payload = JSON.stringify({ ...job, payload: body });
    return payload === row.payload ? [] : [{ id: row.id, payload }];
  });
}

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
} as const;

/** shop/redact: delete everything we hold for the shop. Returns rows deleted per table. */
export async function redactShop(db: Db, shopDomain: string): Promise<Record<keyof typeof SHOP_TABLES, number>> {
  const shop = requireShop(shopDomain);
  // Children before parents (lines/events cascade from requests, but delete them explicitly so rows
  // of this shop that point at nothing are gone too).
  const r = await db.$transaction([
    db.returnEvent.deleteMany({ where: { shop } }),
    db.returnRequestLine.deleteMany({ where: { shop } }),
    db.returnRequest.deleteMany({ where: { shop } }),
    db.policyVersion.deleteMany({ where: { shop } }),
    db.shopifyOperation.deleteMany({ where: { shop } }),
    db.webhookDelivery.deleteMany({ where: { shop } }),
    db.job.deleteMany({ where: { shop } }),
    db.session.deleteMany({ where: { shop } }),
    db.offlineTokenRefresh.deleteMany({ where: { shop } }),
    db.shop.deleteMany({ where: { domain: shop } }),
  ]);
  const [events, lines, requests, policies, ops, deliveries, jobs, sessions, tokenRefresh, shops] = r.map((x) => x.count);
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
    Shop: shops!,
  };
}
