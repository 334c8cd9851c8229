import { webhookRoute } from "~/webhooks/handle.server";

// RETURNS_CLOSE: verified, bound to its shop, recorded once and queued; processed as a job (app/webhooks/registry.server.ts).
export const action = webhookRoute("RETURNS_CLOSE");
