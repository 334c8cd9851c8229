import { recordOnlyWebhook } from "~/webhooks/handle.server";

// CUSTOMERS_REDACT: recorded (idempotent by X-Shopify-Webhook-Id); processing is added with the returns workflow.
export const action = recordOnlyWebhook("CUSTOMERS_REDACT");
