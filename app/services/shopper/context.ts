// What every shopper service needs, and the two checks every one of them starts with:
// the order belongs to the signed-in customer, and which policy judges it.
import type { PrismaClient } from "~/db/client";
import type { AdminClient } from "~/shopify/admin-client";
import { loadOrderSnapshot, OrderSnapshotError, type OrderSnapshotResult } from "~/shopify/order-snapshot";
import { createRepos, type Repos } from "~/db";
import { getPreset, parsePolicy, type Locale, type Policy } from "~/returns";
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
 */
export async function loadOwnedOrder(deps: ShopperDeps, who: Shopper, orderId: string): Promise<OrderSnapshotResult> {
  let snap: OrderSnapshotResult | null;
  try {
    snap = await loadOrderSnapshot(deps.admin, orderId);
  } catch (e) {
    if (e instanceof OrderSnapshotError) throw notFound();
    throw e;
  }
  if (!snap || snap.customerId === null || snap.customerId !== who.customerId) throw notFound();
  return snap;
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
