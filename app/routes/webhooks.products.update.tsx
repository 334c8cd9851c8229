import { termsSyncForProductUpdate } from "~/services/terms-sync/server";
import { webhookJobRoute } from "~/webhooks/handle.server";

// PRODUCTS_UPDATE: recompute that product's checkout-terms metafield (2 calls; a write only when the
// terms changed, so the products/update our own metafield write causes ends there). Runs as a job.
export const action = webhookJobRoute("PRODUCTS_UPDATE", ({ shop, payload }) => termsSyncForProductUpdate(shop, payload));
