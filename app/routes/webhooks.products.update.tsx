import type { ActionFunctionArgs } from "@remix-run/node";
import { termsSyncForProductUpdate } from "~/services/terms-sync/server";
import { handleWebhook, registerWebhookJob } from "~/webhooks/handle.server";

// PRODUCTS_UPDATE: recompute that product's checkout-terms metafield (2 calls; a write only when the
// terms changed, so the products/update our own metafield write causes ends there). Runs as a job.
registerWebhookJob("PRODUCTS_UPDATE", ({ shop, payload }) => termsSyncForProductUpdate(shop, payload));

export const action = async ({ request }: ActionFunctionArgs) => handleWebhook(request, ["PRODUCTS_UPDATE"]);
