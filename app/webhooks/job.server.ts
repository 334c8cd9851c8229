// The worker's side of a webhook: runs the topic's handler from the registry with the shop's offline
// session, then marks the delivery processed; on error it marks it failed and rethrows, so the queue
// retries (docs/decisions/100-job-queue.md).
import type { JobContext } from "~/jobs/types";
// Static: loading the worker's job kinds evaluates shopify.server, whose start-up checks (no
// development redirect in production) then stop a worker-only process at once.
import { sessionStorage } from "~/shopify.server";
import { createRepos } from "~/db";
import { webhookHandlerFor } from "./registry.server";
import type { WebhookJobPayload } from "./types";

export async function runWebhookJob(job: JobContext<WebhookJobPayload>): Promise<void> {
  const { topic, webhookId, apiVersion, payload } = job.payload;
  const { default: prisma } = await import("~/db.server");
  const deliveries = createRepos(prisma).webhookDeliveries;
  try {
    const handler = webhookHandlerFor(topic);
    // Fail (and retry later) rather than mark processed: an instance with an older build may lack it.
    if (!handler) throw new Error(`no handler registered for webhook topic ${topic} in this process`);
    const session = await sessionStorage!.loadSession(`offline_${job.shop}`);
    await handler({ shop: job.shop, topic, webhookId, apiVersion, payload, session });
  } catch (error) {
    await deliveries.markFailed(job.shop, webhookId, error instanceof Error ? error.message : String(error));
    throw error;
  }
  await deliveries.markProcessed(job.shop, webhookId, new Date());
}
