// Webhook deliveries, once per X-Shopify-Webhook-Id and scoped by shop (docs/decisions/100-job-queue.md).
// Shopify delivers at least once and retries on non-2xx or slow answers. The route calls begin() and
// queues the processing unless the delivery was processed already; the job calls markProcessed() or
// markFailed(). A delivery not yet processed (queued, running, failed, or its queueing lost in a
// crash) is queued again on redelivery: the job's dedupe key (`webhook:<id>`) keeps it to one job.
// The shop and ids come from the library's verified webhook context, which checked them.
import { storableText } from "./text";
import { isUniqueViolation, type Db } from "./shared";

export type DeliveryStatus = "received" | "processed" | "failed";

export interface WebhookDeliveryRecord {
  shop: string;
  webhookId: string;
  topic: string;
  receivedAt: Date;
  processedAt: Date | null;
  status: DeliveryStatus;
  error: string | null;
}

/** `new`: first time. `retry`: recorded, not processed yet (queue it again). `duplicate`: processed. */
export type DeliveryOutcome = "new" | "retry" | "duplicate";

function toRecord(row: Omit<WebhookDeliveryRecord, "status"> & { status: string }): WebhookDeliveryRecord {
  const { shop, webhookId, topic, receivedAt, processedAt, status, error } = row;
  return { shop, webhookId, topic, receivedAt, processedAt, status: status as DeliveryStatus, error };
}

export function createWebhookDeliveriesRepo(db: Db) {
  return {
    async begin(shop: string, input: { webhookId: string; topic: string; receivedAt: Date }): Promise<DeliveryOutcome> {
      try {
        await db.webhookDelivery.create({ data: { shop, webhookId: input.webhookId, topic: input.topic, receivedAt: input.receivedAt, status: "received" } });
        return "new";
      } catch (e) {
        if (!isUniqueViolation(e)) throw e;
      }
      const existing = await db.webhookDelivery.findFirst({ where: { shop, webhookId: input.webhookId } });
      // Same id recorded for another shop: never act on it for this one.
      if (!existing) throw new Error(`webhookId: ${input.webhookId} was recorded for another shop`);
      return existing.status === "processed" ? "duplicate" : "retry";
    },

    async markProcessed(shop: string, webhookId: string, now: Date): Promise<void> {
      await db.webhookDelivery.updateMany({ where: { shop, webhookId }, data: { status: "processed", processedAt: now, error: null } });
    },

    /** A processed delivery stays processed (a late failure of a second copy changes nothing). */
    async markFailed(shop: string, webhookId: string, error: string): Promise<void> {
      await db.webhookDelivery.updateMany({
        where: { shop, webhookId, status: { not: "processed" } },
        data: { status: "failed", error: storableText(error.slice(0, 2000)) },
      });
    },

    async get(shop: string, webhookId: string): Promise<WebhookDeliveryRecord | null> {
      const row = await db.webhookDelivery.findFirst({ where: { shop, webhookId } });
      return row ? toRecord(row) : null;
    },
  };
}

export type WebhookDeliveriesRepo = ReturnType<typeof createWebhookDeliveriesRepo>;
