// Home screen read model: what needs attention now, and requests per day over the last 14 days.
import type { PrismaClient } from "~/db/client";
import { RETURN_STATUSES, requireShop } from "~/db";
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
  db: PrismaClient,
  shop: string,
  { now, timeZone = "UTC", days = 14 }: { now: Date; timeZone?: string; days?: number },
): Promise<Dashboard> {
  const s = requireShop(shop);
  const dayList = lastDays(now, days, timeZone);
  // 14 local days start at most 15 UTC days ago; rows outside the local range are dropped when bucketing.
  const since = new Date(now.getTime() - (days + 1) * 86_400_000);
  const [policy, statusRows, failed, recent] = await Promise.all([
    db.policyVersion.findFirst({ where: { shop: s }, orderBy: { version: "desc" }, select: { version: true } }),
    db.returnRequest.groupBy({ by: ["status"], where: { shop: s }, _count: { _all: true } }),
    db.returnRequest.count({
      where: { shop: s, OR: [{ status: "failed" }, { lastError: { not: null }, status: { notIn: ["closed", "cancelled"] } }] },
    }),
    db.returnRequest.findMany({
      where: { shop: s, createdAt: { gte: since, lte: now } },
      select: { createdAt: true },
    }),
  ]);
  const buckets = new Map(dayList.map((d) => [d, 0]));
  for (const r of recent) {
    const d = localDay(r.createdAt, timeZone);
    const n = buckets.get(d);
    if (n !== undefined) buckets.set(d, n + 1);
  }
  const byStatus: Record<string, number> = Object.fromEntries(RETURN_STATUSES.map((st) => [st, 0]));
  for (const r of statusRows) byStatus[r.status] = r._count._all;
  const awaitingReview = byStatus.requested ?? 0;
  const awaitingParcel = byStatus.approved ?? 0;
  const trend = dayList.map((day) => ({ day, requested: buckets.get(day) ?? 0 }));
  return {
    hasPolicy: policy !== null,
    policyVersion: policy?.version ?? null,
    attention: { awaitingReview, awaitingParcel, failedShopifyCalls: failed },
    byStatus,
    trend,
    trendTotal: trend.reduce((a, b) => a + b.requested, 0),
  };
}
