import { webhookRoute } from "~/webhooks/handle.server";

// ORDERS_UPDATED: verified, bound to its shop, recorded once and queued; processed as a job (app/webhooks/registry.server.ts).
export const action = webhookRoute("ORDERS_UPDATED");
