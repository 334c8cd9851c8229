// Route action factory for returns/* and refunds/create: verified + de-duplicated by handleWebhook,
// then processed (app/webhooks/returns-lifecycle.ts) with the shop's offline Admin client.
import type { ActionFunctionArgs } from "@remix-run/node";
import prisma from "~/db.server";
import { adminClientForShop, NoOfflineSessionError } from "~/shopify/admin-client.server";
import { handleWebhook } from "./handle.server";
import { processReturnWebhook } from "./returns-lifecycle";

export function returnsWebhook(topic: string) {
  return async ({ request }: ActionFunctionArgs) =>
    handleWebhook(request, [topic], async ({ shop, topic: t, payload }) => {
      let admin;
      try {
        admin = await adminClientForShop(shop);
      } catch (e) {
        // uninstalled: nothing to reconcile against
        if (e instanceof NoOfflineSessionError) return;
        throw e;
      }
      const result = await processReturnWebhook({ db: prisma, admin, now: () => new Date() }, shop, t, payload);
      if (result.outcome === "ignored") console.info(`webhook ${t} for ${shop} ignored: ${result.reason}`);
    });
}
