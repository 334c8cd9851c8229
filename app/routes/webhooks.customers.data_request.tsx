import { webhookRoute } from "~/webhooks/handle.server";

// CUSTOMERS_DATA_REQUEST: verified, bound to its shop, recorded once and queued; processed as a job (app/webhooks/registry.server.ts).
export const action = webhookRoute("CUSTOMERS_DATA_REQUEST");
