// Webhook processing as jobs: the route verifies, records the delivery and enqueues one job per
// webhook id (kind "webhook"); the worker runs the topic's registered handler, then marks the
// delivery processed (failed + retried by the queue on error).
//
// To process a topic, register its handler when its route module loads on the server, inside the
// action export so the client bundle drops it (app/jobs/handlers.server.ts imports every
// app/routes/webhooks.*.tsx, so a separate `npm run worker` process knows it too):
//   export const action = webhookJobRoute("CUSTOMERS_REDACT", async ({ shop, payload }) => { ... });
// or, in a factory called from `export const action = ...`, registerWebhookJob(topic, handler).
import type { Session } from "@shopify/shopify-api";
import { parseWebhookPayload } from "~/webhooks/payloads";

export const WEBHOOK_JOB_KIND = "webhook";

export interface WebhookWork {
  shop: string;
  topic: string;
  webhookId: string;
  apiVersion: string;
  payload: Record<string, unknown>;
  /** The shop's offline session, loaded by the worker (undefined after uninstall). */
  session: Session | undefined;
}

export type WebhookHandler = (work: WebhookWork) => Promise<void>;

export interface WebhookJobPayload {
  topic: string;
  webhookId: string;
  apiVersion: string;
  payload: Record<string, unknown>;
}

const webhookHandlers = new Map<string, WebhookHandler>();

/** Topic (e.g. "RETURNS_APPROVE") -> processing. A second, different handler for a topic is a bug. */
export function registerWebhookJob(topic: string, handler: WebhookHandler): void {
  const existing = webhookHandlers.get(topic);
  if (existing && existing !== handler && existing !== recordOnly) throw new Error(`webhook topic ${topic} already has a handler`);
  webhookHandlers.set(topic, handler);
}

/** Topics whose only work is being recorded. */
export function registerRecordOnlyWebhook(...topics: string[]): void {
  for (const t of topics) if (!webhookHandlers.has(t)) webhookHandlers.set(t, recordOnly);
}
const recordOnly: WebhookHandler = async () => {};

/**
 * The topic's processing, given the payload only once it fits the topic and names the job's shop
 * (app/webhooks/payloads.ts): the route checked it before queueing, and this holds for jobs queued
 * before that check existed, so a handler never meets `null` or an array (a refusal is our own
 * WebhookPayloadError, retried then dead, never a TypeError).
 */
export function webhookHandlerFor(topic: string): WebhookHandler | undefined {
  const handler = webhookHandlers.get(topic);
  if (!handler) return undefined;
  return async (work) => handler({ ...work, payload: parseWebhookPayload(topic, work.shop, work.payload) });
}
