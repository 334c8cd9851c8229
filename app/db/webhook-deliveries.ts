// Webhook idempotency: Shopify may deliver the same webhook (X-Shopify-Webhook-Id) more than once.
//   const d = await webhooks.begin(shop, { webhookId, topic, receivedAt: now });
//   if (d.outcome === "duplicate") return 200;          // processed, or being processed, already
//   ... process ... then markProcessed / markFailed (a failed one is processed again on redelivery)
import { isUniqueViolation, requireDate, requireShop, requireString, type Db } from "./shared";

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

function toRecord(row: {
  shop: string;
  webhookId: string;
  topic: string;
  receivedAt: Date;
  processedAt: Date | null;
  status: string;
  error: string | null;
}): WebhookDeliveryRecord {
  return {
    shop: row.shop,
    webhookId: row.webhookId,
    topic: row.topic,
    receivedAt: row.receivedAt,
    processedAt: row.processedAt,
    status: row.status as DeliveryStatus,
    error: row.error,
  };
}

export function createWebhookDeliveriesRepo(db: Db) {
  return {
    /**
     * Records the delivery once. `new`: first time, process it. `retry`: an earlier attempt failed,
     * process it again (this caller now owns it). `duplicate`: received/processed already, skip.
     */
    async begin(
      shop: string,
      input: { webhookId: string; topic: string; receivedAt: Date },
    ): Promise<{ outcome: "new" | "retry" | "duplicate"; delivery: WebhookDeliveryRecord }> {
      const s = requireShop(shop);
      const webhookId = requireString("webhookId", input.webhookId, { max: 255 });
      const topic = requireString("topic", input.topic, { max: 255 });
      const receivedAt = requireDate("receivedAt", input.receivedAt);
      try {
        const row = await db.webhookDelivery.create({ data: { shop: s, webhookId, topic, receivedAt, status: "received" } });
        return { outcome: "new", delivery: toRecord(row) };
      } catch (e) {
        if (!isUniqueViolation(e)) throw e;
      }
      const existing = await db.webhookDelivery.findFirst({ where: { webhookId, shop: s } });
      if (!existing) throw new Error(`webhookId: ${webhookId} was recorded for another shop`);
      if (existing.status === "failed") {
        const res = await db.webhookDelivery.updateMany({
          where: { id: existing.id, status: "failed" },
          data: { status: "received", receivedAt, error: null },
        });
        if (res.count === 1) {
          return { outcome: "retry", delivery: toRecord({ ...existing, status: "received", receivedAt, error: null }) };
        }
      }
      return { outcome: "duplicate", delivery: toRecord(existing) };
    },

    async markProcessed(shop: string, webhookId: string, now: Date): Promise<void> {
      await db.webhookDelivery.updateMany({
        where: { shop: requireShop(shop), webhookId: requireString("webhookId", webhookId) },
        data: { status: "processed", processedAt: requireDate("now", now), error: null },
      });
    },

    async markFailed(shop: string, webhookId: string, error: string, now: Date): Promise<void> {
      requireDate("now", now);
      await db.webhookDelivery.updateMany({
        where: { shop: requireShop(shop), webhookId: requireString("webhookId", webhookId), status: { not: "processed" } },
        data: { status: "failed", error: requireString("error", error, { max: 10_000, clean: true }) },
      });
    },

    async get(shop: string, webhookId: string): Promise<WebhookDeliveryRecord | null> {
      const row = await db.webhookDelivery.findFirst({
        where: { shop: requireShop(shop), webhookId: requireString("webhookId", webhookId) },
      });
      return row ? toRecord(row) : null;
    },
  };
}

export type WebhookDeliveriesRepo = ReturnType<typeof createWebhookDeliveriesRepo>;
