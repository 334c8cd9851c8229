import { recordOnlyWebhook } from "~/webhooks/handle.server";

// PRODUCTS_UPDATE: recorded (idempotent by X-Shopify-Webhook-Id); processing is added with the returns workflow.
export const action = recordOnlyWebhook("PRODUCTS_UPDATE");
