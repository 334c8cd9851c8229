import { recordOnlyWebhook } from "~/webhooks/handle.server";

// RETURNS_DECLINE: recorded (idempotent by X-Shopify-Webhook-Id); processing is added with the returns workflow.
export const action = recordOnlyWebhook("RETURNS_DECLINE");
