// Analytics read model: return rate, reasons, top returned products, refunded and credited totals by week.
// Aggregations run in the database (count/groupBy); only the refund rows of the period are bucketed here.
import type { AdminServiceContext, ServiceContext } from "~/services/context";
import { ORDERS_COUNT_FOR_ANALYTICS } from "~/shopify/operations/orders-count";
import { localDay } from "./shared";

export interface Analytics {
  from: string;
  to: string;
  requests: number;
  /** distinct orders with at least one return request in the period */
  ordersWithReturns: number;
  /** orders placed in the period (from Shopify), when known */
  ordersCount: number | null;
  /** ordersWithReturns / ordersCount in basis points (1234 = 12.34%), null when ordersCount is unknown or 0 */
  returnRateBps: number | null;
  reasons: { reason: string; lines: number; units: number }[];
  topProducts: { title: string; units: number; requests: number }[];
  /** one currency per shop in practice; amounts are integer minor units */
  money: {
    currency: string | null;
    refundedMinor: number;
    creditedMinor: number;
    /** oldest first; `week` is the local date of the Monday starting the week */
    weeks: { week: string; refundedMinor: number; creditedMinor: number }[];
  };
}

function mondayOf(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  const dow = (d.getUTCDay() + 6) % 7; // Monday = 0
  return new Date(d.getTime() - dow * 86_400_000).toISOString().slice(0, 10);
}

export async function loadAnalytics(
  ctx: Pick<ServiceContext, "repos">,
  shop: string,
  {
    from,
    to,
    timeZone = "UTC",
    ordersCount = null,
  }: { from: Date; to: Date; timeZone?: string; ordersCount?: number | null },
): Promise<Analytics> {
  const { requests, ordersWithReturns, reasons, topProducts, settled } = await ctx.repos.adminViews.analytics(shop, { from, to });
  const weeks = new Map<string, { refundedMinor: number; creditedMinor: number }>();
  // every week of the period, so empty weeks show as empty bars
  for (let ms = from.getTime(); ms < to.getTime(); ms += 7 * 86_400_000) {
    weeks.set(mondayOf(localDay(new Date(ms), timeZone)), { refundedMinor: 0, creditedMinor: 0 });
  }
  weeks.set(mondayOf(localDay(new Date(to.getTime() - 1), timeZone)), { refundedMinor: 0, creditedMinor: 0 });
  let refunded = 0;
  let credited = 0;
  const currencies = new Map<string, number>();
  for (const r of settled) {
    const amount = r.refundMinor;
    currencies.set(r.currency, (currencies.get(r.currency) ?? 0) + 1);
    const isCredit = r.status === "credited" || (r.status === "closed" && r.resolution === "store_credit");
    const w = mondayOf(localDay(r.updatedAt, timeZone));
    const bucket = weeks.get(w) ?? { refundedMinor: 0, creditedMinor: 0 };
    if (isCredit) {
      credited += amount;
      bucket.creditedMinor += amount;
    } else {
      refunded += amount;
      bucket.refundedMinor += amount;
    }
    weeks.set(w, bucket);
  }
  return {
    from: from.toISOString(),
    to: to.toISOString(),
    requests,
    ordersWithReturns,
    ordersCount,
    returnRateBps: ordersCount && ordersCount > 0 ? Math.round((ordersWithReturns * 10_000) / ordersCount) : null,
    reasons: [...reasons].sort((a, b) => b.units - a.units || a.reason.localeCompare(b.reason)),
    topProducts,
    money: {
      currency: [...currencies.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null,
      refundedMinor: refunded,
      creditedMinor: credited,
      weeks: [...weeks.entries()].sort((a, b) => a[0].localeCompare(b[0])).map(([week, v]) => ({ week, ...v })),
    },
  };
}

/** The periods the Analytics screen offers, in days. */
export const ANALYTICS_PERIODS = [30, 90, 365] as const;

/**
 * The Analytics screen for the last `days` (one of ANALYTICS_PERIODS, else 90) up to now: the read model,
 * with the orders placed in the period read from Shopify as the return rate's denominator. When Shopify
 * can't say, the rate is unknown and everything else still shows.
 */
export async function loadAnalyticsForPeriod(
  ctx: Pick<AdminServiceContext, "repos" | "admin" | "now">,
  shop: string,
  { days, timeZone }: { days: number; timeZone: string },
): Promise<{ analytics: Analytics; period: number }> {
  const period = (ANALYTICS_PERIODS as readonly number[]).includes(days) ? days : 90;
  const to = ctx.now();
  const from = new Date(to.getTime() - period * 86_400_000);
  let ordersCount: number | null = null;
  try {
    const data = await ctx.admin.request(ORDERS_COUNT_FOR_ANALYTICS, {
      query: `created_at:>=${localDay(from, timeZone)} created_at:<=${localDay(to, timeZone)}`,
    });
    ordersCount = data.ordersCount?.count ?? null;
  } catch {
    ordersCount = null;
  }
  const analytics = await loadAnalytics(ctx, shop, { from, to: new Date(to.getTime() + 1), timeZone, ordersCount });
  return { analytics, period };
}
