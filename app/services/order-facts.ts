// The order facts the shopper path reads instead of the order at Shopify (docs/decisions/180).
//
//   knownOrder(deps, shop, orderId, need) -> the order as the policy reads it: from the kept facts when
//   they are fresh and hold what `need` asks for (0 Admin calls), else one read at Shopify that replaces
//   them (guarded by the order's updatedAt, app/db/order-facts.ts).
//
// Fresh means: no webhook announced a newer version of the order, read within FACTS_MAX_AGE_MS (a
// safety net for a webhook Shopify never delivered), product collections present when a policy of the
// shop matches on them, and the return reason ids a submission needs present. What is kept is the
// OrderSnapshotResult without the customer's name (a protected customer data field).
import { z } from "zod";
import { createRepos, isAnnouncedNewer, type Repos } from "~/db";
import type { AdminClient } from "~/shopify/admin-client";
import { loadOrderSnapshot, OrderSnapshotError, sizesFor, type OrderSnapshotResult } from "~/shopify/order-snapshot";
import { orderShapeHints, type OrderShapeHints } from "~/shopify/order-shape-hints";
import { orderSchema, shopSchema } from "~/returns";

/** Facts older than this are read again even without a webhook (one lost delivery cannot keep them wrong for long). */
export const FACTS_MAX_AGE_MS = 60 * 60 * 1000;

const refs = z.record(z.string(), z.array(z.object({ id: z.string(), quantity: z.number().int() })));

/** The JSON kept per order (version 1). Parsed on the way out, so a row from an older build is re-read, never misread. */
const keptSchema = z.object({
  v: z.literal(1),
  order: orderSchema,
  shop: shopSchema,
  fulfillmentLineItems: refs,
  returnable: refs,
  reasonIds: z.record(z.string(), z.string()),
  /** the handles the read asked for (a handle Shopify does not know is asked, and absent from reasonIds) */
  reasonHandles: z.array(z.string()),
  // imageAlt: optional, facts stored before it was read have none
  lineExtras: z.record(z.string(), z.object({ imageUrl: z.string().nullable(), imageAlt: z.string().nullable().optional() })),
  shape: z.object({ lines: z.number().int(), fulfillments: z.number().int(), fulfillmentLines: z.number().int() }),
  withCollections: z.boolean(),
  /** the Shopify Returns of the app's requests that the read already counted (listed before it) */
  returnsSeen: z.array(z.string()),
  /** Shopify's count of the customer's orders when read (customer history, decision 190); at most FACTS_MAX_AGE_MS old */
  customerOrders: z.number().int().nullable().optional(),
  /** whether the read asked for the customer's e-mail (approved, and a policy blocks e-mail domains) */
  withEmail: z.boolean().optional(),
  /** the domain of the customer's e-mail when asked for (never the address); decision 190 */
  customerEmailDomain: z.string().nullable().optional(),
});
export type KeptOrderFacts = z.infer<typeof keptSchema>;

/** What is kept of a read: everything the policy and the Return's plan use; not the customer's name. */
export function keptFacts(
  snap: OrderSnapshotResult,
  withCollections: boolean,
  reasonHandles: readonly string[],
  returnsSeen: readonly string[],
  withEmail = false,
): KeptOrderFacts {
  return {
    v: 1,
    order: snap.order,
    shop: snap.shop,
    fulfillmentLineItems: snap.fulfillmentLineItems,
    returnable: snap.returnable,
    reasonIds: snap.reasonIds,
    reasonHandles: [...reasonHandles],
    lineExtras: snap.lineExtras,
    shape: snap.shape,
    withCollections,
    returnsSeen: [...returnsSeen],
    customerOrders: snap.customerOrders,
    ...(withEmail ? { withEmail, customerEmailDomain: snap.customerEmailDomain } : {}),
  };
}

export interface FactsNeed {
  /** a policy of the shop matches on product collections */
  withCollections: boolean;
  /** return reason handles to resolve (every handle the shop's policies map to, plus the fallbacks) */
  reasonHandles: readonly string[];
  /** the ids of `reasonHandles` must be present (a submission plans its Return with them) */
  needReasonIds: boolean;
  /** ask for the customer's e-mail domain: the app is approved for e-mail and a policy blocks e-mail domains */
  withEmail?: boolean;
}

export interface KnownOrder {
  /** the order as Shopify shows it now: the read, less the units of Returns the app made since */
  snap: OrderSnapshotResult;
  /** units per line item held by the app's stored requests whose Return Shopify has not made yet */
  awaiting: Map<string, number>;
  /** false when this call read the order at Shopify */
  fromFacts: boolean;
}

function fromKept(k: KeptOrderFacts, customerId: string | null, updatedAt: Date): OrderSnapshotResult {
  return {
    order: k.order,
    updatedAt: updatedAt.toISOString(),
    shop: k.shop,
    customerId,
    customerDisplayName: null,
    customerEmailDomain: k.customerEmailDomain ?? null,
    customerOrders: k.customerOrders ?? null,
    fulfillmentLineItems: k.fulfillmentLineItems,
    returnable: k.returnable,
    reasonIds: k.reasonIds,
    shape: k.shape,
    lineExtras: k.lineExtras,
    truncated: false,
  };
}

/**
 * The order from its kept facts when they are fresh and cover `need`, else read at Shopify (sized
 * from the shape last seen) and kept. Null: Shopify has no such order.
 */
export async function knownOrder(
  deps: { repos: Pick<Repos, "orderFacts">; admin: AdminClient; now: () => Date; orderShapes?: OrderShapeHints },
  shop: string,
  orderId: string,
  need: FactsNeed,
): Promise<KnownOrder | null> {
  const found = await factsOrRead(deps, shop, orderId, need);
  if (!found) return null;
  // The Returns the app made since that read: off the line's returnable units and onto its returned
  // quantity, as a read now would show. Requests still waiting for their Return are the caller's to hold.
  const beyond = await deps.repos.orderFacts.unitsBeyond(shop, found.snap.order.id, found.returnsSeen);
  return { snap: withHeld(found.snap, beyond.madeSince), awaiting: beyond.awaiting, fromFacts: found.fromFacts };
}

/** The snapshot with `held` units per line item taken off (the last fulfillment line items first). */
export function withHeld(snap: OrderSnapshotResult, held: ReadonlyMap<string, number>): OrderSnapshotResult {
  if (held.size === 0) return snap;
  const returnable: OrderSnapshotResult["returnable"] = {};
  for (const [lid, list] of Object.entries(snap.returnable)) {
    let left = held.get(lid) ?? 0;
    const copy = list.map((f) => ({ ...f }));
    for (const f of [...copy].reverse()) {
      const take = Math.min(left, f.quantity);
      f.quantity -= take;
      left -= take;
    }
    const kept = copy.filter((f) => f.quantity > 0);
    if (kept.length) returnable[lid] = kept;
  }
  const lines = snap.order.lines.map((l) => {
    const h = held.get(l.id) ?? 0;
    return h > 0 ? { ...l, returnedQuantity: Math.min(l.fulfilledQuantity, l.returnedQuantity + h) } : l;
  });
  return { ...snap, returnable, order: { ...snap.order, lines } };
}

async function factsOrRead(
  deps: { repos: Pick<Repos, "orderFacts">; admin: AdminClient; now: () => Date; orderShapes?: OrderShapeHints },
  shop: string,
  orderId: string,
  need: FactsNeed,
): Promise<{ snap: OrderSnapshotResult; fromFacts: boolean; returnsSeen: readonly string[] } | null> {
  const row = await deps.repos.orderFacts.get(shop, orderId);
  if (row && !isAnnouncedNewer(row) && deps.now().getTime() - row.readAt.getTime() < FACTS_MAX_AGE_MS) {
    const kept = keptSchema.safeParse(row.facts);
    if (kept.success && covers(kept.data, need)) {
      return { snap: fromKept(kept.data, row.customerId, row.shopifyUpdatedAt), fromFacts: true, returnsSeen: kept.data.returnsSeen };
    }
  }
  // Listed before the read: each of these Returns existed at Shopify before it, so the read counts it.
  const returnsSeen = await deps.repos.orderFacts.returnsOnOrder(shop, orderId);
  const shapes = deps.orderShapes ?? orderShapeHints;
  const snap = await loadOrderSnapshot(deps.admin, orderId, {
    sizes: sizesFor(shapes.get(shop, orderId) ?? (row ? keptShape(row.facts) : null)),
    withCollections: need.withCollections,
    reasonHandles: need.reasonHandles,
    withEmail: need.withEmail ?? false,
  });
  if (!snap) return null;
  shapes.set(shop, orderId, snap.shape);
  // A read whose pages were cut short is not kept: it is answered, and the next visit reads again.
  if (!snap.truncated) {
    await deps.repos.orderFacts.put(shop, {
      orderId: snap.order.id,
      customerId: snap.customerId,
      shopifyUpdatedAt: new Date(snap.updatedAt),
      facts: keptFacts(snap, need.withCollections, need.reasonHandles, returnsSeen, need.withEmail ?? false),
      readAt: deps.now(),
    });
  }
  return { snap, fromFacts: false, returnsSeen };
}

function covers(k: KeptOrderFacts, need: FactsNeed): boolean {
  if (need.withCollections && !k.withCollections) return false;
  if (need.withEmail && !k.withEmail) return false;
  if (need.needReasonIds) {
    const asked = new Set(k.reasonHandles);
    if (!need.reasonHandles.every((h) => asked.has(h))) return false;
  }
  return true;
}

function keptShape(facts: unknown): OrderSnapshotResult["shape"] | null {
  const parsed = keptSchema.shape.shape.safeParse((facts as { shape?: unknown } | null)?.shape);
  return parsed.success ? parsed.data : null;
}

export { OrderSnapshotError };

/** The order and its updated_at from an orders/updated body (checked by app/webhooks/payloads.ts). */
export function orderUpdateOf(payload: Record<string, unknown>): { orderId: string; updatedAt: Date } | null {
  const gid = typeof payload.admin_graphql_api_id === "string" ? payload.admin_graphql_api_id : payload.id !== undefined ? `gid://shopify/Order/${String(payload.id)}` : null;
  const at = typeof payload.updated_at === "string" ? new Date(payload.updated_at) : null;
  return gid && at && !Number.isNaN(at.getTime()) ? { orderId: gid, updatedAt: at } : null;
}

/**
 * After a returns/* or refunds/create webhook that changes what Shopify will take back: drops the kept
 * facts of the order (named by a refund's order_id, or by the request holding the Return).
 */
export async function forgetOrderFactsFor(db: Parameters<typeof createRepos>[0], shop: string, payload: Record<string, unknown>): Promise<void> {
  const repos = createRepos(db);
  let orderId: string | null = payload.order_id !== undefined && payload.order_id !== null ? `gid://shopify/Order/${String(payload.order_id)}` : null;
  if (!orderId) {
    const returnId = typeof payload.admin_graphql_api_id === "string" ? payload.admin_graphql_api_id : payload.id !== undefined ? `gid://shopify/Return/${String(payload.id)}` : null;
    const request = returnId ? await repos.returnRequests.findByShopifyReturnId(shop, returnId) : null;
    orderId = request?.orderId ?? null;
  }
  if (orderId) await repos.orderFacts.deleteForOrders(shop, [orderId]);
}
