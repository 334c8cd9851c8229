/**
 * Mandatory compliance webhooks (GDPR/CCPA), as services over the composition root's repositories
 * (app/db/compliance.ts reads and writes; this module decides what is kept). Every query is scoped by
 * the shop of the (HMAC-verified) webhook.
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
import { requireShop, type ShopTable } from "~/db";
import type { ServiceContext } from "~/services/context";
import { WEBHOOK_JOB_KIND, type WebhookJobPayload } from "~/webhooks/types";
import { parseWebhookPayload } from "~/webhooks/payloads";
import type { CustomerDataRequest, CustomerRedaction } from "./payload";

export { parseCustomerRedact, parseDataRequest, WebhookPayloadError } from "./payload";
export type { CustomerDataRequest, CustomerRedaction } from "./payload";

type Ctx = Pick<ServiceContext, "repos">;

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
export async function exportCustomerData(
  ctx: Pick<ServiceContext, "repos" | "now">,
  shopDomain: string,
  req: CustomerDataRequest,
): Promise<{ eventId: number; export: CustomerDataExport }> {
  const shop = requireShop(shopDomain);
  const now = ctx.now();
  const rows = await ctx.repos.compliance.customerRequests(shop, req);
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
  const eventId = await ctx.repos.compliance.storeExport(shop, { type: EXPORT_EVENT_TYPE, actor: "shopify:customers/data_request", at: now, payload: JSON.stringify(data) });
  return { eventId, export: data };
}

/** The stored exports of a shop, newest first (what the merchant hands to the customer). */
export async function listCustomerDataExports(ctx: Ctx, shopDomain: string): Promise<{ id: number; at: Date; export: CustomerDataExport }[]> {
  const rows = await ctx.repos.compliance.listExports(shopDomain, EXPORT_EVENT_TYPE);
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
export async function redactCustomer(ctx: Ctx, shopDomain: string, who: CustomerRedaction): Promise<RedactionResult> {
  const shop = requireShop(shopDomain);
  const rows = await ctx.repos.compliance.customerErasureRows(shop, who, { exportType: EXPORT_EVENT_TYPE, webhookJobKind: WEBHOOK_JOB_KIND });
  const requestIds = rows.requests.map((r) => r.id);
  // The verdict keeps the Return's plan, whose lines carry the customer's note as sent to Shopify.
  const verdicts = rows.requests.flatMap((r) => {
    const verdict = withoutCustomerNotes(r.verdict);
    return verdict === null ? [] : [{ id: r.id, verdict }];
  });
  const exportIds = rows.exports.filter((e) => (parseJson(e.payload) as { customerId?: unknown } | null)?.customerId === who.customerId).map((e) => e.id);
  const { lines } = await ctx.repos.compliance.eraseCustomer(shop, {
    requestIds,
    customerId: who.customerId,
    orderIds: who.orderIds,
    events: rows.events.map((e) => ({ id: e.id, payload: redactPayload(e.payload), ...(e.actor.startsWith("customer:") ? { actor: REDACTED_ACTOR } : {}) })),
    exportIds,
    verdicts,
    jobs: minimisedWebhookJobs(rows.jobs, shop),
  });
  return { requests: requestIds.length, lines, events: rows.events.length, exportsDeleted: exportIds.length };
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
function minimisedWebhookJobs(rows: { id: string; payload: string }[], shop: string): { id: string; payload: string }[] {
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

/** shop/redact: delete everything we hold for the shop. Returns rows deleted per table. */
export async function redactShop(ctx: Ctx, shopDomain: string): Promise<Record<ShopTable, number>> {
  return ctx.repos.compliance.deleteShop(requireShop(shopDomain));
}
