/**
 * Idempotency for webhook deliveries, keyed by (shop, X-Shopify-Webhook-Id).
 *
 * Shopify delivers at least once and retries on non-2xx or slow answers, so every handler records
 * the delivery first and does its work only the first time it sees the id.
 */
export interface WebhookDelivery {
  shop: string;
  webhookId: string;
  topic: string;
  apiVersion: string;
  eventId?: string;
  triggeredAt?: string;
}

export interface WebhookDeliveryStore {
  /** Records the delivery; resolves true the first time (shop, webhookId) is seen, false on a repeat. */
  recordOnce(delivery: WebhookDelivery): Promise<boolean>;
}

/** Process-local store. TODO: swap for the db helper's persistent repository once app/db exposes one. */
export class InMemoryWebhookDeliveryStore implements WebhookDeliveryStore {
  private readonly seen = new Set<string>();
  async recordOnce(delivery: WebhookDelivery): Promise<boolean> {
    const key = `${delivery.shop}\u0000${delivery.webhookId}`;
    if (this.seen.has(key)) return false;
    this.seen.add(key);
    return true;
  }
}

let store: WebhookDeliveryStore = new InMemoryWebhookDeliveryStore();

export function webhookDeliveryStore(): WebhookDeliveryStore {
  return store;
}

/** Replaces the delivery store (wiring to the database, or a fresh one in tests). */
export function setWebhookDeliveryStore(next: WebhookDeliveryStore): void {
  store = next;
}
