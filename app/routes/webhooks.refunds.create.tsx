import { webhookRoute } from "~/webhooks/handle.server";

// REFUNDS_CREATE: verified, bound to its shop, recorded once and queued; processed as a job (app/webhooks/registry.server.ts).
export const action = webhookRoute("REFUNDS_CREATE");
