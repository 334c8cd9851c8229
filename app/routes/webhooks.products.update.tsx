import { webhookRoute } from "~/webhooks/handle.server";

// PRODUCTS_UPDATE: verified, bound to its shop, recorded once and queued; processed as a job (app/webhooks/registry.server.ts).
export const action = webhookRoute("PRODUCTS_UPDATE");
