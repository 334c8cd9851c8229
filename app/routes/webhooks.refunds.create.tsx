import { recordOnlyWebhook } from "~/webhooks/handle.server";

// REFUNDS_CREATE: recorded (idempotent by X-Shopify-Webhook-Id); processing is added with the returns workflow.
export const action = recordOnlyWebhook("REFUNDS_CREATE");
