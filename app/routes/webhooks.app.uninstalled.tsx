import { sessionStorage } from "~/shopify.server";
import { webhookJobRoute } from "~/webhooks/handle.server";

// The shop removed the app: its access tokens are dead, so drop every stored session for it (as a job).
export const action = webhookJobRoute("APP_UNINSTALLED", async ({ shop }) => {
  const sessions = await sessionStorage!.findSessionsByShop(shop);
  if (sessions.length > 0) await sessionStorage!.deleteSessions(sessions.map((s) => s.id));
});
