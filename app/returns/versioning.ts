// Policies change; a return is judged by the version in force when the order was placed. Versions are
// append-only (saving makes version N+1, and going back means saving a copy), so a version is in force
// from the moment it was saved until the next one was: the one in force at T is the highest version
// saved at or before T. A merchant may apply a version to earlier orders too (only one at least as
// generous as every earlier version, see generosity.ts): it then counts as in force for orders placed
// before it was saved as well. (A policy's own `effectiveFrom` is informational; merchants cannot date a
// version ahead, and nothing judges by it.)

/**
 * The version in force at `at`: the highest `version` saved (`createdAt`) at or before it, or applied to
 * earlier orders; null when none was yet.
 */
export function policyInForce<V extends { version: number; createdAt: Date; appliesToEarlierOrders?: boolean }>(versions: readonly V[], at: Date): V | null {
  const t = at.getTime();
  if (!Number.isFinite(t)) throw new RangeError("at is not a date");
  let best: V | null = null;
  for (const v of versions) {
    if (v.createdAt.getTime() > t && v.appliesToEarlierOrders !== true) continue;
    if (best === null || v.version > best.version) best = v;
  }
  return best;
}
