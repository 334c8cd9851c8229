// What every shopper service needs, and the two checks every one of them starts with:
// the order belongs to the signed-in customer, and which policy judges it.
import type { PrismaClient } from "~/db/client";
import type { AdminClient } from "~/shopify/admin-client";
import { loadOrderSnapshot, OrderSnapshotError, sizesFor, toOrderGid, type OrderSnapshotResult } from "~/shopify/order-snapshot";
import { orderShapeHints, type OrderShapeHints } from "~/shopify/order-shape-hints";
import { createRepos, type Repos } from "~/db";
import { getPreset, parsePolicy, policyMatchesCollections, type Locale, type Policy } from "~/returns";
import { notFound } from "./errors";

/** Mirrors the result of G's maybeAutoApprove (app/services/staff); only `ok` and `request.id` are read. */
export type AutoApprove = (shop: string, requestId: string) => Promise<{ ok: boolean } | null>;

export interface ShopperDeps {
  db: PrismaClient;
  admin: AdminClient;
  now: () => Date;
  /** Policy approval mode hook, run after a request is stored and sent to Shopify. */
  autoApprove?: AutoApprove;
  /**
   * Origins a photo's resourceUrl may come from (Shopify's staged upload storage; plus the
   * stand-in's origin when SHOPIFY_ADMIN_ORIGIN points at it). Anything else is refused, so a
   * shopper cannot make the shop's Files fetch an arbitrary URL.
   */
  uploadOrigins?: readonly string[];
  /** Sizes of orders seen before, to size the next read of each (default: the process's one). */
  orderShapes?: OrderShapeHints;
  /**
   * Schedules a durable retry of opening a stored request's Shopify Return after its returnRequest
   * failed for a passing reason (throttled, 5xx, no answer): the app wires it to the job queue
   * ("shopper.open-return"), so the request gets its Return even if the shopper never retries.
   */
  retryOpenReturn?: (shop: string, requestId: string, attempt: number) => Promise<void>;
}

export const SHOPIFY_STAGED_UPLOAD_ORIGINS = ["https://shopify-staged-uploads.storage.googleapis.com"] as const;

export interface Shopper {
  shop: string;
  /** gid://shopify/Customer/<n> from the session token's `sub`. */
  customerId: string;
  locale: Locale | null;
}

export function reposOf(deps: ShopperDeps): Repos {
  return createRepos(deps.db);
}

/**
 * Reads the order at Shopify and checks it belongs to the signed-in customer. Anything else
 * (unknown order, someone else's, guest order, malformed id) is the same 404, so the answer
 * leaks nothing about orders the customer does not own.
 *
 * The read is sized from what this process last saw of the order, and asks for product
 * collections only when one of the shop's policy versions has a collection rule; `reasonHandles`
 * resolves a submission's return reasons in the same call.
 */
export async function loadOwnedOrder(
  deps: ShopperDeps,
  who: Shopper,
  orderId: string,
  opts: { reasonHandles?: readonly string[] } = {},
): Promise<OrderSnapshotResult> {
  let snap: OrderSnapshotResult | null;
  let gid: string;
  try {
    gid = toOrderGid(orderId);
  } catch (e) {
    if (e instanceof OrderSnapshotError) throw notFound();
    throw e;
  }
  const shapes = deps.orderShapes ?? orderShapeHints;
  try {
    snap = await loadOrderSnapshot(deps.admin, gid, {
      sizes: sizesFor(shapes.get(who.shop, gid)),
      withCollections: await policiesMatchCollections(reposOf(deps), who.shop),
      ...(opts.reasonHandles ? { reasonHandles: opts.reasonHandles } : {}),
    });
  } catch (e) {
    if (e instanceof OrderSnapshotError) throw notFound();
    throw e;
  }
  if (!snap || snap.customerId === null || snap.customerId !== who.customerId) throw notFound();
  shapes.set(who.shop, gid, snap.shape);
  return snap;
}

/** Whether any policy version the shop has (or the fallback preset) matches on collections. */
export async function policiesMatchCollections(repos: Repos, shop: string): Promise<boolean> {
  const all = await repos.policies.list(shop, { limit: 250 });
  if (all.length === 0) return policyMatchesCollections(getPreset(FALLBACK_PRESET));
  return all.some((v) => policyMatchesCollections(v.policy));
}

/**
 * The Shopify return reason handles a submission with these reasons can use, under any of the
 * shop's policy versions (the one that judges the order is known only once the order is read),
 * plus the "other" fallbacks.
 */
export async function reasonHandlesFor(repos: Repos, shop: string, reasons: readonly string[]): Promise<string[]> {
  const all = await repos.policies.list(shop, { limit: 250 });
  const policies = all.length ? all.map((v) => parsePolicy(v.policy)) : [getPreset(FALLBACK_PRESET)!];
  const out = new Set<string>(["other", "other-reason"]);
  for (const p of policies) {
    for (const r of reasons) {
      const h = (p.reasons.shopifyHandles as Record<string, string | undefined>)[r];
      if (h) out.add(h);
    }
  }
  return [...out];
}

export const FALLBACK_PRESET = "standard-30-day" as const;

export interface PolicyChoice {
  policy: Policy;
  /** The shop's stored version, or null when a preset stood in. */
  version: number | null;
  source: "in_force" | "earliest" | "preset";
}

/**
 * The policy a return on this order is judged by: the shop's version in force when the order was
 * placed. An order older than the shop's first saved policy is judged by that first version (the
 * merchant set no other terms for it). A shop that never saved a policy gets the
 * "standard-30-day" preset (shops keep no separate preset choice until they save one).
 */
export async function policyForOrder(repos: Repos, shop: string, processedAt: string): Promise<PolicyChoice> {
  const at = new Date(processedAt);
  const inForce = await repos.policies.inForceAt(shop, at);
  if (inForce) return { policy: parsePolicy(inForce.policy), version: inForce.version, source: "in_force" };
  const all = await repos.policies.list(shop, { limit: 250 });
  const earliest = all[all.length - 1];
  if (earliest) return { policy: parsePolicy(earliest.policy), version: earliest.version, source: "earliest" };
  return { policy: getPreset(FALLBACK_PRESET)!, version: null, source: "preset" };
}
