// Analytics read model: return rate, reasons, top returned products, refunded and credited totals by week.
// Aggregations run in the database (count/groupBy); only the refund rows of the period are bucketed here.
import type { PrismaClient } from "~/db/client";
import { requireShop } from "~/db";
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
  db: PrismaClient,
  shop: string,
  {
    from,
    to,
    timeZone = "UTC",
    ordersCount = null,
  }: { from: Date; to: Date; timeZone?: string; ordersCount?: number | null },
): Promise<Analytics> {
  const s = requireShop(shop);
  const inPeriod = { shop: s, createdAt: { gte: from, lt: to } };
  const [requests, orders, reasonRows, productRows, settled] = await Promise.all([
    db.returnRequest.count({ where: inPeriod }),
    db.returnRequest.groupBy({ by: ["orderId"], where: inPeriod }),
    db.returnRequestLine.groupBy({
      by: ["reason"],
      where: { shop: s, request: { is: inPeriod } },
      _count: { _all: true },
      _sum: { quantity: true },
    }),
    db.returnRequestLine.groupBy({
      by: ["title"],
      where: { shop: s, request: { is: inPeriod } },
      _count: { requestId: true },
      _sum: { quantity: true },
      orderBy: { _sum: { quantity: "desc" } },
      take: 10,
    }),
    // Money that left the shop: refunds and store credit issued, by when the request reached that state.
    db.returnRequest.findMany({
      where: {
        shop: s,
        updatedAt: { gte: from, lt: to },
        OR: [{ status: { in: ["refunded", "credited"] } }, { status: "closed", resolution: { in: ["refund", "store_credit"] }, refundMinor: { gt: 0 } }],
      },
      select: { status: true, resolution: true, refundMinor: true, currency: true, updatedAt: true },
    }),
  ]);
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
    const amount = Number(r.refundMinor);
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
  const ordersWithReturns = orders.length;
  return {
    from: from.toISOString(),
    to: to.toISOString(),
    requests,
    ordersWithReturns,
    ordersCount,
    returnRateBps: ordersCount && ordersCount > 0 ? Math.round((ordersWithReturns * 10_000) / ordersCount) : null,
    reasons: reasonRows
      .map((r) => ({ reason: r.reason, lines: r._count._all, units: r._sum.quantity ?? 0 }))
      .sort((a, b) => b.units - a.units || a.reason.localeCompare(b.reason)),
    topProducts: productRows.map((r) => ({ title: r.title, units: r._sum.quantity ?? 0, requests: r._count.requestId })),
    money: {
      currency: [...currencies.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null,
      refundedMinor: refunded,
      creditedMinor: credited,
      weeks: [...weeks.entries()].sort((a, b) => a[0].localeCompare(b[0])).map(([week, v]) => ({ week, ...v })),
    },
  };
}
