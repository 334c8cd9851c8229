// What every shopper service needs, and the two checks every one of them starts with:
// the order belongs to the signed-in customer, and which policy judges it.
import { OrderSnapshotError, toOrderGid, type OrderSnapshotResult } from "~/shopify/order-snapshot";
import type { OrderShapeHints } from "~/shopify/order-shape-hints";
import { knownOrder } from "~/services/order-facts";
import type { Repos } from "~/db";
import { getPreset, parsePolicy, policyMatchesCollections, type Locale } from "~/returns";
import type { AdminServiceContext } from "~/services/context";
import { FALLBACK_PRESET } from "~/services/policy-for-order";
import { notFound } from "./errors";

/** Mirrors the result of maybeAutoApprove (app/services/staff); only `ok` and `request.id` are read. */
export type AutoApprove = (shop: string, requestId: string) => Promise<{ ok: boolean } | null>;

/**
 * The composition root (repositories, the shop's Admin client, the clock; built once per request in
 * http.server.ts or per job) and the shopper API's hooks.
 */
export interface ShopperDeps extends AdminServiceContext {
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
  /**
   * Opens a stored request's Shopify Return from the job queue ("shopper.open-return", at once, at the
   * rate the shop's bucket allows) instead of within the shopper's request: the shopper is answered
   * "requested" as soon as the request is stored (docs/decisions/180). Without it (tests, benches) the
   * Return is opened in the request, as before.
   */
  openReturn?: (shop: string, requestId: string) => Promise<void>;
  /**
   * The protected customer data fields Shopify approved for the app beyond level 1 ("name", "email"); the
   * order read asks for the customer's e-mail domain only with "email" here (decision 130). Default none.
   */
  customerFields?: ReadonlySet<string>;
}

export const SHOPIFY_STAGED_UPLOAD_ORIGINS = ["https://shopify-staged-uploads.storage.googleapis.com"] as const;

export interface Shopper {
  shop: string;
  /** gid://shopify/Customer/<n> from the session token's `sub`. */
  customerId: string;
  locale: Locale | null;
}

/** The order's gid from a numeric id or gid; anything else is the same 404 as an order not owned. */
export function ownedOrderGid(orderId: string): string {
  try {
    return toOrderGid(orderId);
  } catch (e) {
    if (e instanceof OrderSnapshotError) throw notFound();
    throw e;
  }
}

/**
 * The order, checked to belong to the signed-in customer. Anything else (unknown order, someone
 * else's, guest order, malformed id) is the same 404, so the answer leaks nothing about orders the
 * customer does not own.
 *
 * From the order's kept facts when they are fresh (no Admin call; docs/decisions/180), else one read
 * at Shopify, sized from what was last seen of the order, with product collections only when one of
 * the shop's policy versions has a collection rule, and the return reason ids of every handle the
 * shop's policies map to, so a later submission plans its Return from the same facts. `reasons` (a
 * submission's) requires those ids.
 */
export async function loadOwnedOrder(
  deps: ShopperDeps,
  who: Shopper,
  orderId: string,
  opts: { reasons?: readonly string[] } = {},
): Promise<OwnedOrder> {
  const gid = ownedOrderGid(orderId);
  const facts = await policyReadFacts(deps.repos, who.shop, "all");
  let known;
  try {
    known = await knownOrder(deps, who.shop, gid, {
      withCollections: facts.withCollections,
      reasonHandles: facts.reasonHandles,
      needReasonIds: opts.reasons !== undefined,
      // the customer's e-mail (level 2) only when approved and a policy blocks e-mail domains
      withEmail: facts.withEmailDomains && (deps.customerFields?.has("email") ?? false),
    });
  } catch (e) {
    if (e instanceof OrderSnapshotError) throw notFound();
    throw e;
  }
  const snap = known?.snap;
  if (!snap || snap.customerId === null || snap.customerId !== who.customerId) throw notFound();
  return Object.assign(snap, { awaiting: known!.awaiting });
}

/** The order, and the units per line item that stored requests hold for a Return Shopify has not made yet. */
export type OwnedOrder = OrderSnapshotResult & { awaiting: Map<string, number> };

/**
 * What the order read needs from the shop's policies, from one list of its versions (the version
 * that judges the order is known only once the order is read): whether any matches on collections,
 * and the Shopify return reason handles `reasons` map to under any version, plus the "other"
 * fallbacks.
 */
export async function policyReadFacts(
  repos: Pick<Repos, "policies">,
  shop: string,
  reasons: readonly string[] | "all",
): Promise<{ withCollections: boolean; reasonHandles: string[]; withEmailDomains: boolean }> {
  const all = await repos.policies.list(shop, { limit: 250 });
  const policies = all.length ? all.map((v) => parsePolicy(v.policy)) : [getPreset(FALLBACK_PRESET)!];
  const reasonHandles = new Set<string>(["other", "other-reason"]);
  for (const p of policies) {
    const handles = p.reasons.shopifyHandles as Record<string, string | undefined>;
    for (const r of reasons === "all" ? Object.keys(handles) : reasons) {
      const h = handles[r];
      if (h) reasonHandles.add(h);
    }
  }
  return {
    withCollections: policies.some(policyMatchesCollections),
    reasonHandles: [...reasonHandles].sort(),
    withEmailDomains: policies.some((p) => (p.history?.blocklist.emailDomains.length ?? 0) > 0),
  };
}
