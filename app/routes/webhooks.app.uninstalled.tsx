import type { ActionFunctionArgs } from "@remix-run/node";
import { sessionStorage } from "~/shopify.server";
import { handleWebhook, registerWebhookJob } from "~/webhooks/handle.server";

// The shop removed the app: its access tokens are dead, so drop every stored session for it (as a job).
registerWebhookJob("APP_UNINSTALLED", async ({ shop }) => {
  const sessions = await sessionStorage!.findSessionsByShop(shop);
  if (sessions.length > 0) await sessionStorage!.deleteSessions(sessions.map((s) => s.id));
});

export const action = async ({ request }: ActionFunctionArgs) => handleWebhook(request, ["APP_UNINSTALLED"]);
