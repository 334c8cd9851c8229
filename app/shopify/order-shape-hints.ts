/**
 * What the app last saw of each order's size (lines, fulfillments, lines per fulfillment), so the
 * next read of that order asks Shopify for exactly that much instead of the worst case (see
 * `sizesFor` in order-snapshot.ts). A shopper opens the order's returns page, then submits: the
 * second read costs a fraction of the first.
 *
 * Process-local and bounded (least recently used goes first): it only decides page sizes, so a
 * miss (another instance, a restart) costs points, never correctness, and a stale entry costs one
 * more read. It holds counts keyed by order id, no personal data, so the compliance erasures
 * (which run on whichever instance takes the job) have nothing to remove from it.
 */
import type { OrderShape } from "./order-snapshot";

export class OrderShapeHints {
  private readonly map = new Map<string, OrderShape>();
  constructor(private readonly capacity = 10_000) {}

  private key(shop: string, orderId: string): string {
    return `${shop}\u0000${orderId}`;
  }

  get(shop: string, orderId: string): OrderShape | null {
    const k = this.key(shop, orderId);
    const hit = this.map.get(k);
    if (!hit) return null;
    this.map.delete(k);
    this.map.set(k, hit);
    return hit;
  }

  set(shop: string, orderId: string, shape: OrderShape): void {
    const k = this.key(shop, orderId);
    this.map.delete(k);
    this.map.set(k, shape);
    while (this.map.size > this.capacity) this.map.delete(this.map.keys().next().value!);
  }

  get size(): number {
    return this.map.size;
  }
}

/** The app's one instance (tests make their own). */
export const orderShapeHints = new OrderShapeHints();
