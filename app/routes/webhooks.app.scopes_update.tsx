import type { ActionFunctionArgs } from "@remix-run/node";
import { sessionStorage } from "~/shopify.server";
import { handleWebhook } from "~/webhooks/handle.server";

// The merchant granted/revoked optional scopes: keep the stored offline session's scope in step.
export const action = async ({ request }: ActionFunctionArgs) =>
  handleWebhook(request, ["APP_SCOPES_UPDATE"], async ({ payload, session }) => {
    const current = payload.current;
    if (!session || !Array.isArray(current)) return;
    session.scope = current.map(String).join(",");
    await sessionStorage!.storeSession(session);
  });
