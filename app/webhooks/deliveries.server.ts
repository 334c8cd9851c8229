/**
 * Idempotency for webhook deliveries, keyed by X-Shopify-Webhook-Id and scoped by shop.
 *
 * Shopify delivers at least once and retries on non-2xx or slow answers. Every handler calls
 * begin() first and does its work only when the delivery is new, or a previous attempt did not
 * finish (status received/failed); complete() / fail() record the outcome. Two concurrent copies
 * of one delivery can both run (at-least-once), so the work itself must be idempotent too.
 */
import type { PrismaClient } from "~/db.server";
import { storableText } from "~/db/text";

export interface WebhookDelivery {
  shop: string;
  webhookId: string;
  topic: string;
}

export type BeginResult = "new" | "retry" | "duplicate";

export interface WebhookDeliveryStore {
  begin(delivery: WebhookDelivery): Promise<BeginResult>;
  complete(shop: string, webhookId: string): Promise<void>;
  fail(shop: string, webhookId: string, error: string): Promise<void>;
}

type DeliveryDb = Pick<PrismaClient, "webhookDelivery">;

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}

/** Durable store over the WebhookDelivery model (unique webhookId). */
export class PrismaWebhookDeliveryStore implements WebhookDeliveryStore {
  constructor(
    private readonly db: DeliveryDb,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async begin(d: WebhookDelivery): Promise<BeginResult> {
    try {
      await this.db.webhookDelivery.create({
        data: { shop: d.shop, webhookId: d.webhookId, topic: d.topic, receivedAt: this.now(), status: "received" },
      });
      return "new";
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
    const existing = await this.db.webhookDelivery.findFirst({ where: { shop: d.shop, webhookId: d.webhookId } });
    // Same id recorded for another shop: never act on it for this one.
    if (!existing) throw new Error(`webhook ${d.webhookId} is already recorded for a different shop`);
    return existing.status === "processed" ? "duplicate" : "retry";
  }

  async complete(shop: string, webhookId: string): Promise<void> {
    await this.db.webhookDelivery.updateMany({
      where: { shop, webhookId },
      data: { status: "processed", processedAt: this.now(), error: null },
    });
  }

  async fail(shop: string, webhookId: string, error: string): Promise<void> {
    await this.db.webhookDelivery.updateMany({
      where: { shop, webhookId },
      data: { status: "failed", error: storableText(error.slice(0, 2000)) },
    });
  }
}

let store: WebhookDeliveryStore | undefined;

export async function webhookDeliveryStore(): Promise<WebhookDeliveryStore> {
  if (!store) {
    const { default: prisma } = await import("~/db.server");
    store = new PrismaWebhookDeliveryStore(prisma);
  }
  return store;
}

/** Replaces the delivery store (tests, or another persistence). */
export function setWebhookDeliveryStore(next: WebhookDeliveryStore | undefined): void {
  store = next;
}
