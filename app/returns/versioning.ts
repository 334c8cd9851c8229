// Policies change; a return is judged by the version in force when the order was placed.
import type { Policy } from "./policy";

/**
 * The version in force at `orderProcessedAt`: among versions with the same id, the one with the
 * latest `effectiveFrom` not after the order (a version without `effectiveFrom` counts as in force
 * since forever; ties go to the higher `version`). Null when none was yet in force.
 */
export function policyInForce<P extends Pick<Policy, "version" | "effectiveFrom">>(
  versions: readonly P[],
  orderProcessedAt: string,
): P | null {
  const at = Date.parse(orderProcessedAt);
  if (!Number.isFinite(at)) throw new RangeError(`orderProcessedAt is not a date: ${orderProcessedAt}`);
  let best: P | null = null;
  let bestFrom = -Infinity;
  for (const v of versions) {
    const from = v.effectiveFrom === undefined ? -Infinity : Date.parse(v.effectiveFrom);
    if (from > at) continue;
    if (best === null || from > bestFrom || (from === bestFrom && v.version > best.version)) {
      best = v;
      bestFrom = from;
    }
  }
  return best;
}
