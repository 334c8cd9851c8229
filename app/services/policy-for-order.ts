// Which policy judges a return on an order: shared by the shopper API, the import of Returns made with
// Shopify's own flow, and the checkout terms.
import type { Repos } from "~/db";
import { getPreset, parsePolicy, type Policy, type PolicySource } from "~/returns";

export const FALLBACK_PRESET = "standard-30-day" as const;

export interface PolicyChoice {
  policy: Policy;
  /** The shop's stored version, or null when a preset stood in. */
  version: number | null;
  source: PolicySource;
}

/**
 * The policy a return on this order is judged by: the shop's version in force when the order was
 * placed. An order older than the shop's first saved policy is judged by that first version (the
 * merchant set no other terms for it). A shop that never saved a policy gets the
 * "standard-30-day" preset (shops keep no separate preset choice until they save one).
 */
export async function policyForOrder(repos: Pick<Repos, "policies">, shop: string, processedAt: string): Promise<PolicyChoice> {
  const at = new Date(processedAt);
  const inForce = await repos.policies.inForceAt(shop, at);
  if (inForce) return { policy: parsePolicy(inForce.policy), version: inForce.version, source: "in_force" };
  const all = await repos.policies.list(shop, { limit: 250 });
  const earliest = all[all.length - 1];
  if (earliest) return { policy: parsePolicy(earliest.policy), version: earliest.version, source: "earliest" };
  return { policy: getPreset(FALLBACK_PRESET)!, version: null, source: "preset" };
}
