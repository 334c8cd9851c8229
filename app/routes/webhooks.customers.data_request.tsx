import { recordOnlyWebhook } from "~/webhooks/handle.server";

// CUSTOMERS_DATA_REQUEST: recorded (idempotent by X-Shopify-Webhook-Id); processing is added with the returns workflow.
export const action = recordOnlyWebhook("CUSTOMERS_DATA_REQUEST");
