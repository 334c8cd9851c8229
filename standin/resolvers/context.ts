import type { Store } from "../state/store";
import type { Clock } from "../clock";
import type { CustomerDataGrant } from "../customer-data";

export interface Ctx {
  store: Store;
  clock: Clock;
  /** origin of the stand-in, for upload targets and file URLs */
  origin: string;
  /** queue a webhook for a state change */
  emit: (topic: string, payload: unknown) => void;
  /** runtime type of a record (for Node/interfaces) */
  typeOf: WeakMap<object, string>;
  /** @idempotent(key:) directive value on the mutation field being executed, if any */
  idempotencyKey: string | null;
  /** scopes of the access token making the request, with the reads its writes imply (effectiveScopes) */
  scopes: ReadonlySet<string>;
  /** what the app may read of customers (protected customer data) */
  customerData: CustomerDataGrant;
}

export function tag<T extends object>(ctx: Ctx, type: string, rec: T): T;
export function tag<T extends object>(ctx: Ctx, type: string, rec: T | null | undefined): T | null;
export function tag<T extends object>(ctx: Ctx, type: string, rec: T | null | undefined): T | null {
  if (!rec) return null;
  ctx.typeOf.set(rec, type);
  return rec;
}

const DAY_MS = 86_400_000;

/** Without read_all_orders an app sees only orders processed in the last 60 days (Shopify's default). */
export function orderVisible(ctx: Ctx, order: { processedAt: string }): boolean {
  if (ctx.scopes.has("read_all_orders")) return true;
  return Date.parse(order.processedAt) >= ctx.clock().getTime() - 60 * DAY_MS;
}
