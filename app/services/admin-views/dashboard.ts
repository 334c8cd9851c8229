// Home screen read model: what needs attention now, and requests per day over the last 14 days.
import { RETURN_STATUSES } from "~/db";
import type { ServiceContext } from "~/services/context";
import { lastDays, localDay } from "./shared";

export interface Dashboard {
  hasPolicy: boolean;
  policyVersion: number | null;
  attention: {
    /** status requested: a person has to decide */
    awaitingReview: number;
    /** approved, the parcel has not been marked received */
    awaitingParcel: number;
    /** requests whose last Shopify call failed (lastError set, not closed/cancelled) */
    failedShopifyCalls: number;
  };
  /** requests by status (every status, 0 when none) */
  byStatus: Record<string, number>;
  /** oldest first; `day` is YYYY-MM-DD in the shop time zone */
  trend: { day: string; requested: number }[];
  trendTotal: number;
}

export async function loadDashboard(
  ctx: Pick<ServiceContext, "repos">,
  shop: string,
  { now, timeZone = "UTC", days = 14 }: { now: Date; timeZone?: string; days?: number },
): Promise<Dashboard> {
  const dayList = lastDays(now, days, timeZone);
  // 14 local days start at most 15 UTC days ago; rows outside the local range are dropped when bucketing.
  const since = new Date(now.getTime() - (days + 1) * 86_400_000);
  const counts = await ctx.repos.adminViews.dashboard(shop, { since, now });
  const buckets = new Map(dayList.map((d) => [d, 0]));
  for (const at of counts.createdAts) {
    const d = localDay(at, timeZone);
    const n = buckets.get(d);
    if (n !== undefined) buckets.set(d, n + 1);
  }
  const byStatus: Record<string, number> = Object.fromEntries(RETURN_STATUSES.map((st) => [st, 0]));
  for (const r of counts.byStatus) byStatus[r.status] = r.count;
  const awaitingReview = byStatus.requested ?? 0;
  const awaitingParcel = byStatus.approved ?? 0;
  const trend = dayList.map((day) => ({ day, requested: buckets.get(day) ?? 0 }));
  return {
    hasPolicy: counts.policyVersion !== null,
    policyVersion: counts.policyVersion,
    attention: { awaitingReview, awaitingParcel, failedShopifyCalls: counts.failedShopifyCalls },
    byStatus,
    trend,
    trendTotal: trend.reduce((a, b) => a + b.requested, 0),
  };
}
