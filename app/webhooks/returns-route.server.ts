// Route action factory for returns/* and refunds/create: verified + de-duplicated + queued by
// handleWebhook; the job processes it (app/webhooks/returns-lifecycle.ts) with the shop's offline
// Admin client. The processing is registered when the route module loads, so any worker has it.
import type { ActionFunctionArgs } from "@remix-run/node";
import prisma from "~/db.server";
import { adminClientForShop, NoOfflineSessionError } from "~/shopify/admin-client.server";
import { registerWebhookJob, type WebhookWork } from "~/jobs/webhook-jobs";
import { handleWebhook } from "./handle.server";
import { processReturnWebhook } from "./returns-lifecycle";

export async function processReturnsWebhookJob({ shop, topic, payload }: WebhookWork): Promise<void> {
  let admin;
  try {
    admin = await adminClientForShop(shop);
  } catch (e) {
    // uninstalled: nothing to reconcile against
    if (e instanceof NoOfflineSessionError) return;
    throw e;
  }
  const result = await processReturnWebhook({ db: prisma, admin, now: () => new Date() }, shop, topic, payload);
  if (result.outcome === "ignored") console.info(`webhook ${topic} for ${shop} ignored: ${result.reason}`);
}

export function returnsWebhook(topic: string) {
  registerWebhookJob(topic, processReturnsWebhookJob);
  return async ({ request }: ActionFunctionArgs) => handleWebhook(request, [topic]);
}
