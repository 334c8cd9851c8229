// Every webhook topic the app serves, in one place: its body schema and size cap
// (./payloads.ts, kept pure so services can cut stored bodies down without loading handlers) and the
// job that processes it. A route is `export const action = webhookRoute(TOPIC)` (./handle.server.ts);
// the worker runs `webhookHandlerFor(topic)` (./job.server.ts), so app/jobs never loads a route.
// A new topic: a line here, a schema (and cap) in ./payloads.ts, a one-line route, and the toml.
//
// Handlers load the database and Shopify clients when they run, not at import: the registry is read
// by the routes and by the worker, and tests import it before their environment is set.
import { processReturnWebhook } from "./returns-lifecycle";
import { parseWebhookPayload, webhookBodyLimit } from "./payloads";
import type { WebhookHandler } from "./types";

export type { WebhookHandler, WebhookJobPayload, WebhookWork } from "./types";
export { WEBHOOK_JOB_KIND } from "./types";

/** returns/* and refunds/create: reconcile our request with the Return at Shopify (./returns-lifecycle.ts). */
const reconcileReturn: WebhookHandler = async ({ shop, topic, payload }) => {
  const { adminClientForShop, NoOfflineSessionError } = await import("~/shopify/admin-client.server");
  let admin;
  try {
    admin = await adminClientForShop(shop);
  } catch (e) {
    // uninstalled: nothing to reconcile against
    if (e instanceof NoOfflineSessionError) return;
    throw e;
  }
  const { default: prisma } = await import("~/db.server");
  const result = await processReturnWebhook({ db: prisma, admin, now: () => new Date() }, shop, topic, payload);
  if (result.outcome === "ignored") console.info(`webhook ${topic} for ${shop} ignored: ${result.reason}`);
  // Units back on the order (a Return declined, cancelled or reopened) or refunded: the order's kept facts
  // no longer say what Shopify will take back; the next visit reads the order (docs/decisions/180).
  if (RELEASING_TOPICS.has(topic)) {
    const { forgetOrderFactsFor } = await import("~/services/order-facts");
    await forgetOrderFactsFor(prisma, shop, payload);
  }
  // Money moved (a refund, a processed Return) on one of our requests: the money reconciliation runs a
  // few minutes later as its own job, which does the reading (decision 160). Declines, cancels and
  // reopens move no money and schedule nothing.
  const { reconcileAfterWebhook } = await import("~/services/reconcile/job.server");
  await reconcileAfterWebhook(prisma, shop, topic, payload, new Date());
};
const RELEASING_TOPICS = new Set(["RETURNS_DECLINE", "RETURNS_CANCEL", "RETURNS_REOPEN", "RETURNS_PROCESS", "REFUNDS_CREATE"]);

/**
 * The order changed at Shopify (a fulfillment, a delivery, a refund, an edit...): its kept facts, if
 * any, are stale unless read from that version or a later one; the next visit reads it again.
 */
const orderUpdated: WebhookHandler = async ({ shop, payload }) => {
  const { orderUpdateOf } = await import("~/services/order-facts");
  const { default: prisma } = await import("~/db.server");
  const { createRepos } = await import("~/db");
  const update = orderUpdateOf(payload);
  if (update) await createRepos(prisma).orderFacts.announce(shop, update.orderId, update.updatedAt);
};

const HANDLERS = {
  // The merchant granted/revoked optional scopes: keep the stored offline session's scope in step.
  APP_SCOPES_UPDATE: async ({ payload, session }) => {
    const current = payload.current;
    if (!session || !Array.isArray(current)) return;
    session.scope = current.map(String).join(",");
    const { sessionStorage } = await import("~/shopify.server");
    await sessionStorage!.storeSession(session);
  },
  // The shop removed the app: its access tokens are dead, so drop every stored session for it.
  APP_UNINSTALLED: async ({ shop }) => {
    const { sessionStorage } = await import("~/shopify.server");
    const sessions = await sessionStorage!.findSessionsByShop(shop);
    if (sessions.length > 0) await sessionStorage!.deleteSessions(sessions.map((s) => s.id));
  },
  // Mandatory compliance topics (docs/security.md, "Compliance").
  CUSTOMERS_DATA_REQUEST: async ({ shop, payload }) => (await import("~/services/compliance/jobs.server")).exportForDataRequest(shop, payload),
  CUSTOMERS_REDACT: async ({ shop, payload }) => (await import("~/services/compliance/jobs.server")).eraseCustomer(shop, payload),
  SHOP_REDACT: async ({ shop }) => (await import("~/services/compliance/jobs.server")).eraseShop(shop),
  // Recompute that product's checkout-terms metafield (2 calls; a write only when the terms changed,
  // so the products/update our own metafield write causes ends there).
  PRODUCTS_UPDATE: async ({ shop, payload }) => (await import("~/services/terms-sync/server")).termsSyncForProductUpdate(shop, payload),
  // A refund on a Return (made outside the app) moves our request to refunded; refunds without a
  // return move no request. Either, on an order a request is for, schedules the money reconciliation.
  REFUNDS_CREATE: reconcileReturn,
  // The order's kept facts (docs/decisions/180) follow the order: a newer updated_at makes them stale.
  ORDERS_UPDATED: orderUpdated,
  // A Return requested through Shopify's own self-serve returns joins our queue (judged by our
  // policy, source "shopify_self_serve"); returns the app created itself are recognised and left alone.
  RETURNS_REQUEST: reconcileReturn,
  // Changes made outside the app: our request follows the Return's current state at Shopify.
  RETURNS_APPROVE: reconcileReturn,
  RETURNS_DECLINE: reconcileReturn,
  RETURNS_CANCEL: reconcileReturn,
  RETURNS_CLOSE: reconcileReturn,
  RETURNS_REOPEN: reconcileReturn,
  RETURNS_PROCESS: reconcileReturn,
} satisfies Record<string, WebhookHandler>;

export type WebhookTopicName = keyof typeof HANDLERS;

export interface WebhookTopic {
  topic: string;
  /** the largest body accepted, before reading and while streaming */
  maxBytes: number;
  /** the body checked for the topic and bound to the shop: what is queued (throws naming the field) */
  parse(shop: string, body: unknown): Record<string, unknown>;
  handle: WebhookHandler;
}

function entry(topic: string, handle: WebhookHandler): WebhookTopic {
  return { topic, maxBytes: webhookBodyLimit([topic]), parse: (shop, body) => parseWebhookPayload(topic, shop, body), handle };
}

const topics = new Map<string, WebhookTopic>(Object.entries(HANDLERS).map(([t, h]) => [t, entry(t, h as WebhookHandler)]));

/** The topics the app serves (each has a route `app/routes/webhooks.<topic>.tsx` and a toml subscription). */
export const WEBHOOK_TOPICS: readonly WebhookTopicName[] = Object.keys(HANDLERS) as WebhookTopicName[];

export function webhookTopic(topic: string): WebhookTopic | undefined {
  return topics.get(topic);
}

/**
 * Tests: serve a topic the app does not (e.g. ORDERS_CREATE) with `handler`. A topic the registry
 * already has cannot be replaced.
 */
export function registerWebhookJob(topic: string, handler: WebhookHandler): void {
  const existing = topics.get(topic);
  if (existing && existing.handle !== handler) throw new Error(`webhook topic ${topic} already has a handler`);
  topics.set(topic, entry(topic, handler));
}

/**
 * The topic's processing, given the payload only once it fits the topic and names the job's shop
 * (./payloads.ts): the route checked it before queueing, and this holds for jobs queued before that
 * check existed, so a handler never meets `null` or an array (a refusal is our own
 * WebhookPayloadError, retried then dead, never a TypeError).
 */
export function webhookHandlerFor(topic: string): WebhookHandler | undefined {
  const t = topics.get(topic);
  if (!t) return undefined;
  return async (work) => t.handle({ ...work, payload: t.parse(work.shop, work.payload) });
}
