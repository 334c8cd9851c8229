import { sessionStorage } from "~/shopify.server";
import { webhookJobRoute } from "~/webhooks/handle.server";

// The merchant granted/revoked optional scopes: keep the stored offline session's scope in step (as a
// job; the worker loads the offline session).
export const action = webhookJobRoute("APP_SCOPES_UPDATE", async ({ payload, session }) => {
  const current = payload.current;
  if (!session || !Array.isArray(current)) return;
  session.scope = current.map(String).join(",");
  await sessionStorage!.storeSession(session);
});
