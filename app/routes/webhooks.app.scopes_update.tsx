import type { ActionFunctionArgs } from "@remix-run/node";
import { sessionStorage } from "~/shopify.server";
import { handleWebhook, registerWebhookJob } from "~/webhooks/handle.server";

// The merchant granted/revoked optional scopes: keep the stored offline session's scope in step (as a job;
// the worker loads the offline session).
registerWebhookJob("APP_SCOPES_UPDATE", async ({ payload, session }) => {
  const current = payload.current;
  if (!session || !Array.isArray(current)) return;
  session.scope = current.map(String).join(",");
  await sessionStorage!.storeSession(session);
});

export const action = async ({ request }: ActionFunctionArgs) => handleWebhook(request, ["APP_SCOPES_UPDATE"]);
