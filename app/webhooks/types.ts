// What a webhook job carries and what a topic's handler is given (docs/decisions/100-job-queue.md).
import type { Session } from "@shopify/shopify-api";

/** The job kind of every webhook's processing; one job per webhook id (dedupeKey `webhook:<id>`). */
export const WEBHOOK_JOB_KIND = "webhook";

export interface WebhookJobPayload {
  topic: string;
  webhookId: string;
  apiVersion: string;
  /** the body as the topic's schema keeps it (app/webhooks/payloads.ts) */
  payload: Record<string, unknown>;
}

export interface WebhookWork extends WebhookJobPayload {
  shop: string;
  /** The shop's offline session, loaded by the worker (undefined after uninstall). */
  session: Session | undefined;
}

export type WebhookHandler = (work: WebhookWork) => Promise<void>;
