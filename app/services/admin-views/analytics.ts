// Analytics read model: return rate, reasons, top returned products, refunded and credited totals by week.
// Aggregations run in the database (count/groupBy); only the refund rows of the period are bucketed here.
import type { AdminServiceContext, ServiceContext } from "~/services/context";
import { ORDERS_COUNT_FOR_ANALYTICS } from "~/shopify/operations/orders-count";
import { ORDERS_DELIVERED_UNITS } from "~/shopify/operations/orders-delivered-units";
import type { OrdersDeliveredUnitsQuery } from "~/types/admin.generated";
import { parseStoredVerdict } from "~/returns";
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
  /** why items come back (declined and cancelled requests brought nothing back and are left out) */
  reasons: { reason: string; lines: number; units: number }[];
  /**
   * Returned units / delivered units on the orders placed in the period (the latest `orders` of them when
   * there are more than the screen reads), overall, by product and by reason; null when Shopify can't say.
   */
  returnRate: ReturnRate | null;
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
  /**
   * Revenue kept instead of refunded, per currency the shoppers paid in (never summed across them):
   * the new items of replacements and exchanges processed in the period, at their price, and the store
   * credit issued instead of a refund (the refund it replaced; a store credit bonus is not revenue).
   * Most requests first.
   */
  revenueKept: RevenueKept[];
}

export interface RevenueKept {
  currency: string;
  /** the value of the new items sent instead of a refund (replacements and exchanges) */
  exchangesMinor: number;
  exchanges: number;
  /** refunds taken as store credit instead */
  storeCreditMinor: number;
  storeCredits: number;
  /** exchangesMinor + storeCreditMinor, in this one currency */
  totalMinor: number;
}

export interface CurrencyMoney {
  currency: string | null;
  refundedMinor: number;
  creditedMinor: number;
  /** oldest first; `week` is the local date of the Monday starting the week */
  weeks: { week: string; refundedMinor: number; creditedMinor: number }[];
}

/** Units Shopify delivered on the orders read, by line title. */
export interface Delivered {
  orderIds: string[];
  byTitle: Record<string, number>;
  /** more orders were placed in the period than were read */
  capped: boolean;
}

export interface ReturnRate {
  orders: number;
  capped: boolean;
  deliveredUnits: number;
  returnedUnits: number;
  /** basis points (1234 = 12.34%); null when nothing was delivered */
  rateBps: number | null;
  /** most returned first */
  byProduct: { title: string; delivered: number; returned: number; rateBps: number | null }[];
  byReason: { reason: string; returned: number; rateBps: number | null }[];
}

const bps = (part: number, whole: number) => (whole > 0 ? Math.round((part * 10_000) / whole) : null);

function returnRateOf(delivered: Delivered, returned: { title: string; reason: string; units: number }[]): ReturnRate {
  const deliveredUnits = Object.values(delivered.byTitle).reduce((a, n) => a + n, 0);
  const byTitle = new Map<string, number>();
  const byReason = new Map<string, number>();
  for (const r of returned) {
    byTitle.set(r.title, (byTitle.get(r.title) ?? 0) + r.units);
    byReason.set(r.reason, (byReason.get(r.reason) ?? 0) + r.units);
  }
  const returnedUnits = [...byTitle.values()].reduce((a, n) => a + n, 0);
  return {
    orders: delivered.orderIds.length,
    capped: delivered.capped,
    deliveredUnits,
    returnedUnits,
    rateBps: bps(returnedUnits, deliveredUnits),
    byProduct: [...byTitle.entries()]
      .map(([title, n]) => ({ title, returned: n, delivered: delivered.byTitle[title] ?? 0, rateBps: bps(n, delivered.byTitle[title] ?? 0) }))
      .sort((a, b) => b.returned - a.returned || a.title.localeCompare(b.title))
      .slice(0, 10),
    byReason: [...byReason.entries()]
      .map(([reason, n]) => ({ reason, returned: n, rateBps: bps(n, deliveredUnits) }))
      .sort((a, b) => b.returned - a.returned || a.reason.localeCompare(b.reason)),
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
    delivered = null,
  }: { from: Date; to: Date; timeZone?: string; ordersCount?: number | null; delivered?: Delivered | null },
): Promise<Analytics> {
  const returned = delivered ? await ctx.repos.adminViews.returnedUnitsOnOrders(shop, delivered.orderIds) : [];
  const { requests, ordersWithReturns, reasons, topProducts, settled, exchanged } = await ctx.repos.adminViews.analytics(shop, { from, to });
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
  const kept = new Map<string, RevenueKept>();
  const keptIn = (currency: string) => {
    let k = kept.get(currency);
    if (!k) kept.set(currency, (k = { currency, exchangesMinor: 0, exchanges: 0, storeCreditMinor: 0, storeCredits: 0, totalMinor: 0 }));
    return k;
  };
  for (const [currency, c] of byCurrency) {
    if (c.credited <= 0) continue;
    const k = keptIn(currency);
    k.storeCreditMinor += c.credited;
    k.storeCredits += settled.filter((r) => r.currency === currency && (r.status === "credited" || (r.status === "closed" && r.resolution === "store_credit"))).length;
  }
  for (const r of exchanged) {
    let items: { unitPriceMinor: number; quantity: number }[] = [];
    try {
      items = parseStoredVerdict(r.verdict).exchange?.items ?? [];
    } catch {
      continue; // a verdict the app never wrote: nothing to count
    }
    if (items.length === 0) continue;
    const k = keptIn(r.currency);
    k.exchangesMinor += items.reduce((a, i) => a + i.unitPriceMinor * i.quantity, 0);
    k.exchanges += 1;
  }
  for (const k of kept.values()) k.totalMinor = k.exchangesMinor + k.storeCreditMinor;
  // amounts in different currencies never compare: most requests first
  const revenueKept = [...kept.values()].sort((a, b) => b.exchanges + b.storeCredits - (a.exchanges + a.storeCredits) || a.currency.localeCompare(b.currency));
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
    returnRate: delivered ? returnRateOf(delivered, returned) : null,
    reasons: [...reasons].sort((a, b) => b.units - a.units || a.reason.localeCompare(b.reason)),
    topProducts,
    money: moneyByCurrency[0] ?? { currency: null, refundedMinor: 0, creditedMinor: 0, weeks: weeksOf(emptyWeeks()) },
    moneyByCurrency,
    revenueKept,
  };
}

/** At most this many orders (the latest of the period) are read for the return rate's delivered units. */
export const DELIVERED_ORDERS_READ = 500;

/**
 * Units Shopify delivered (fulfilled) on the orders placed in the period, by line title, reading the
 * latest DELIVERED_ORDERS_READ orders at most; cancelled orders are left out.
 */
export async function readDeliveredUnits(
  admin: AdminServiceContext["admin"],
  query: string,
  limit = DELIVERED_ORDERS_READ,
): Promise<Delivered> {
  const out: Delivered = { orderIds: [], byTitle: {}, capped: false };
  let after: string | null = null;
  for (;;) {
    const data: OrdersDeliveredUnitsQuery = await admin.request(ORDERS_DELIVERED_UNITS, { query, after });
    for (const o of data.orders.nodes) {
      if (out.orderIds.length >= limit) {
        out.capped = true;
        return out;
      }
      if (o.cancelledAt) continue;
      out.orderIds.push(o.id);
      for (const l of o.lineItems.nodes) {
        const units = l.quantity - l.unfulfilledQuantity;
        if (units > 0) out.byTitle[l.title] = (out.byTitle[l.title] ?? 0) + units;
      }
    }
    if (!data.orders.pageInfo.hasNextPage || !data.orders.pageInfo.endCursor) return out;
    after = data.orders.pageInfo.endCursor;
  }
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
  const query = `created_at:>=${localDay(from, timeZone)} created_at:<=${localDay(to, timeZone)}`;
  const [ordersCount, delivered] = await Promise.all([
    ctx.admin
      .request(ORDERS_COUNT_FOR_ANALYTICS, { query })
      .then((data) => data.ordersCount?.count ?? null)
      .catch(() => null),
    readDeliveredUnits(ctx.admin, query).catch(() => null),
  ]);
  const analytics = await loadAnalytics(ctx, shop, { from, to: new Date(to.getTime() + 1), timeZone, ordersCount, delivered });
  return { analytics, period };
}
