import { webhookRoute } from "~/webhooks/handle.server";

// SHOP_REDACT: verified, bound to its shop, recorded once and queued; processed as a job (app/webhooks/registry.server.ts).
export const action = webhookRoute("SHOP_REDACT");
