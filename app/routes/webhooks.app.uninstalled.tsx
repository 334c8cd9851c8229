import { webhookRoute } from "~/webhooks/handle.server";

// APP_UNINSTALLED: verified, bound to its shop, recorded once and queued; processed as a job (app/webhooks/registry.server.ts).
export const action = webhookRoute("APP_UNINSTALLED");
