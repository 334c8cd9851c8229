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
  /**
   * The money of the currency most requests settled in (integer minor units of that currency only);
   * `moneyByCurrency[0]`, or empty with `currency: null` when nothing settled.
   */
  money: CurrencyMoney;
  /**
   * Refunded and credited per currency the shoppers paid in, most settled requests first. Amounts are
   * never summed across currencies nor converted: each equals what Shopify's refunds in that currency
   * show (docs/decisions/150-shop-and-presentment-money.md).
   */
  moneyByCurrency: (CurrencyMoney & { currency: string; requests: number })[];
}

export interface CurrencyMoney {
  currency: string | null;
  refundedMinor: number;
  creditedMinor: number;
  /** oldest first; `week` is the local date of the Monday starting the week */
  weeks: { week: string; refundedMinor: number; creditedMinor: number }[];
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
  // every week of the period, so empty weeks show as empty bars
  const emptyWeeks = () => {
    const weeks = new Map<string, { refundedMinor: number; creditedMinor: number }>();
    for (let ms = from.getTime(); ms < to.getTime(); ms += 7 * 86_400_000) {
      weeks.set(mondayOf(localDay(new Date(ms), timeZone)), { refundedMinor: 0, creditedMinor: 0 });
    }
    weeks.set(mondayOf(localDay(new Date(to.getTime() - 1), timeZone)), { refundedMinor: 0, creditedMinor: 0 });
    return weeks;
  };
  const byCurrency = new Map<string, { requests: number; refunded: number; credited: number; weeks: ReturnType<typeof emptyWeeks> }>();
  for (const r of settled) {
    const amount = r.refundMinor;
    let c = byCurrency.get(r.currency);
    if (!c) byCurrency.set(r.currency, (c = { requests: 0, refunded: 0, credited: 0, weeks: emptyWeeks() }));
    c.requests += 1;
    const isCredit = r.status === "credited" || (r.status === "closed" && r.resolution === "store_credit");
    const w = mondayOf(localDay(r.updatedAt, timeZone));
    const bucket = c.weeks.get(w) ?? { refundedMinor: 0, creditedMinor: 0 };
    if (isCredit) {
      c.credited += amount;
      bucket.creditedMinor += amount;
    } else {
      c.refunded += amount;
      bucket.refundedMinor += amount;
    }
    c.weeks.set(w, bucket);
  }
  const weeksOf = (weeks: ReturnType<typeof emptyWeeks>) => [...weeks.entries()].sort((a, b) => a[0].localeCompare(b[0])).map(([week, v]) => ({ week, ...v }));
  const moneyByCurrency = [...byCurrency.entries()]
    .sort((a, b) => b[1].requests - a[1].requests || a[0].localeCompare(b[0]))
    .map(([currency, c]) => ({ currency, requests: c.requests, refundedMinor: c.refunded, creditedMinor: c.credited, weeks: weeksOf(c.weeks) }));
  return {
    from: from.toISOString(),
    to: to.toISOString(),
    requests,
    ordersWithReturns,
    ordersCount,
    returnRateBps: ordersCount && ordersCount > 0 ? Math.round((ordersWithReturns * 10_000) / ordersCount) : null,
    reasons: [...reasons].sort((a, b) => b.units - a.units || a.reason.localeCompare(b.reason)),
    topProducts,
    money: moneyByCurrency[0] ?? { currency: null, refundedMinor: 0, creditedMinor: 0, weeks: weeksOf(emptyWeeks()) },
    moneyByCurrency,
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
