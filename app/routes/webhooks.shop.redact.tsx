import type { ActionFunctionArgs } from "@remix-run/node";
import { sessionStorage } from "~/shopify.server";
import { handleWebhook } from "~/webhooks/handle.server";

// shop/redact arrives 48h after uninstall: erase what we hold for the shop. Sessions now; the
// returns data is erased by the returns repositories once they exist (TODO in the C2 report).
export const action = async ({ request }: ActionFunctionArgs) =>
  handleWebhook(request, ["SHOP_REDACT"], async ({ shop }) => {
    const sessions = await sessionStorage!.findSessionsByShop(shop);
    if (sessions.length > 0) await sessionStorage!.deleteSessions(sessions.map((s) => s.id));
  });
