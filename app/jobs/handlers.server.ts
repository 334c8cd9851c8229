// Every job kind the app runs, registered at import. Imported by ./index.ts before a queue is built,
// so the app server and a separate `npm run worker` process know the same handlers.
import { webhookDeliveryStore } from "~/webhooks/deliveries.server";
import { registerJobHandler } from "./index";
import { WEBHOOK_JOB_KIND, webhookHandlerFor, type WebhookJobPayload } from "./webhook-jobs";

// Webhook routes register their topic's processing at module load (registerWebhookJob); importing
// them here makes those registrations exist in a worker process that serves no HTTP.
import "~/routes/webhooks.app.scopes_update";
import "~/routes/webhooks.app.uninstalled";
import "~/routes/webhooks.customers.data_request";
import "~/routes/webhooks.customers.redact";
import "~/routes/webhooks.shop.redact";
import "~/routes/webhooks.products.update";
import "~/routes/webhooks.refunds.create";
import "~/routes/webhooks.returns.approve";
import "~/routes/webhooks.returns.cancel";
import "~/routes/webhooks.returns.close";
import "~/routes/webhooks.returns.decline";
import "~/routes/webhooks.returns.process";
import "~/routes/webhooks.returns.reopen";
import "~/routes/webhooks.returns.request";
// Jobs of the services
import "~/services/shopper/open-return-job.server";

registerJobHandler<WebhookJobPayload>(WEBHOOK_JOB_KIND, async (job) => {
  const { topic, webhookId, apiVersion, payload } = job.payload;
  const store = await webhookDeliveryStore();
  try {
    const handler = webhookHandlerFor(topic);
    // Fail (and retry later) rather than mark processed: an instance with an older build may lack it.
    if (!handler) throw new Error(`no handler registered for webhook topic ${topic} in this process`);
    const { sessionStorage } = await import("~/shopify.server");
    const session = await sessionStorage!.loadSession(`offline_${job.shop}`);
    await handler({ shop: job.shop, topic, webhookId, apiVersion, payload, session });
  } catch (error) {
    await store.fail(job.shop, webhookId, error instanceof Error ? error.message : String(error));
    throw error;
  }
  await store.complete(job.shop, webhookId);
});
