// Money reconciliation (issue 14, decision 160): per request with a Shopify Return, the app's money beside
// Shopify's record, drift flagged with both figures. Cheap in Admin calls: one `nodes` read per batch of
// Returns (RETURNS_MONEY), a Return with more refunds than the batch read is read again alone. Read-only at
// Shopify; the run is stored as one shop-level event ("money_reconciled"), so the job can run again at any
// time (at-least-once queue) and the home tile and list read the latest run.
import type { ReturnEventRecord, ReturnRequestRecord } from "~/db";
import type { ReturnsMoneyQuery } from "~/types/admin.generated";
import { checkMoney, parseMoney, storeCreditWithBonus, verdictOf, type MoneyCheck, type ShopifyMoney } from "~/returns";
import type { RequestStatus } from "~/returns/request-state";
import type { AdminServiceContext, ServiceContext } from "~/services/context";
import { RETURNS_MONEY, STORE_CREDIT_BONUS_READS } from "~/shopify/operations";

export const RECONCILED_EVENT = "money_reconciled";
/** Returns per `nodes` read: sized so one read stays well under Shopify's 1,000-point query limit. */
export const BATCH = 25;
/** Drifted requests kept in the stored run (the list behind the tile). */
const KEEP = 500;

export interface ReconciliationRun {
  at: string;
  checked: number;
  drifted: number;
  /** requests whose Return Shopify no longer has (deleted order, another shop's id) */
  missing: number;
  adminCalls: number;
  drift: MoneyCheck[];
}

type ReturnNode = Extract<NonNullable<ReturnsMoneyQuery["nodes"][number]>, { refunds: unknown }>;
type Money = { amount: string; currencyCode: string };

const SETTLED: readonly RequestStatus[] = ["refunded", "credited"];

/** The request's events, read only when they matter: closed (did money go back?) or credited (the bonus). */
async function eventsIfNeeded(ctx: Pick<ServiceContext, "repos">, shop: string, r: ReturnRequestRecord): Promise<ReturnEventRecord[]> {
  return r.status === "closed" || r.status === "credited" ? ctx.repos.events.listForRequest(shop, r.id) : [];
}

/** Whether the app holds that money went back: refunded/credited, or closed after a refund it recorded. */
function appSettled(r: ReturnRequestRecord, events: readonly ReturnEventRecord[]): boolean {
  if (SETTLED.includes(r.status as RequestStatus)) return true;
  if (r.status !== "closed") return false;
  return events.some((e) => {
    const to = (e.payload as { to?: unknown } | null)?.to;
    return e.type === "refunded" || to === "refunded" || to === "credited";
  });
}

/**
 * Decision 220: the store credit bonus the app owes beside a refund to store credit (the policy's bonus
 * stored with the verdict, on the amount refunded, half up: the figure the staff step credits), and the
 * credit transaction Shopify answered for it (kept in the `refunded` event), or null when the money did not
 * go back as store credit or the policy gave no bonus.
 */
export function expectedBonus(r: ReturnRequestRecord, events: readonly ReturnEventRecord[]): { bonusMinor: number; creditId: string | null } | null {
  const refunded = [...events].reverse().find((e) => e.type === "refunded");
  const p = (refunded?.payload ?? null) as { to?: unknown; bonus?: { id?: unknown } } | null;
  // the event keeps the staff's choice (`to: store_credit`); a request credited without that event (an
  // older row) is taken as store credit by its status
  const asCredit = p ? p.to === "store_credit" || p.to === "credited" : r.status === "credited";
  if (!asCredit) return null;
  let bps = 0;
  let exchange = false;
  try {
    const v = verdictOf(r);
    bps = v.storeCreditBonusBps ?? 0;
    exchange = v.exchange !== undefined;
  } catch {
    return null; // a verdict the app never wrote: no bonus was offered by it
  }
  if (bps <= 0 || exchange) return null;
  const { bonusMinor } = storeCreditWithBonus(Math.max(0, r.refundMinor), bps);
  if (bonusMinor <= 0) return null;
  return { bonusMinor, creditId: typeof p?.bonus?.id === "string" ? p.bonus.id : null };
}

function minor(m: Money): { amountMinor: number; currency: string } {
  return { amountMinor: parseMoney(m.amount, m.currencyCode), currency: m.currencyCode };
}

/** Shopify's money on one Return, with the order's refunds outside any Return for `lineItemIds` (or for no item). */
function shopifyMoney(node: ReturnNode, lineItemIds: ReadonlySet<string>): ShopifyMoney {
  const fees = [
    ...node.returnShippingFees.map((f) => f.amountSet.presentmentMoney),
    ...node.returnLineItems.nodes.flatMap((l) => ("restockingFee" in l && l.restockingFee ? [l.restockingFee.amountSet.presentmentMoney] : [])),
  ];
  return {
    returnId: node.id,
    refunds: node.refunds.nodes.map((r) => ({ id: r.id, ...minor(r.totalRefundedSet.presentmentMoney) })),
    feesMinor: fees.length === 0 ? null : fees.reduce((a, f) => a + minor(f).amountMinor, 0),
    outsideReturn: node.order.refunds
      // for the request's items, or for no item at all (an amount refunded on the order): either may be this money
      .filter((r) => r.return === null && (r.refundLineItems.nodes.length === 0 || r.refundLineItems.nodes.some((l) => lineItemIds.has(l.lineItem.id))))
      .map((r) => ({ id: r.id, ...minor(r.totalRefundedSet.presentmentMoney) })),
  };
}

/** The batch read's sizes (the query's defaults) and the larger ones a Return is read again alone at. */
const BATCH_REFUNDS = 3;
const ALONE = { refunds: 50, lines: 50 };

/** Whether the batch read may have left some of the Return's refunds, fee-carrying lines or the order's refunds unread. */
function cutShort(n: ReturnNode): boolean {
  return n.refunds.pageInfo.hasNextPage || n.returnLineItems.pageInfo.hasNextPage || n.order.refunds.length >= BATCH_REFUNDS;
}

async function readBatch(ctx: AdminServiceContext, ids: string[], counter: { calls: number }): Promise<Map<string, ReturnNode>> {
  const out = new Map<string, ReturnNode>();
  counter.calls++;
  const data = await ctx.admin.request(RETURNS_MONEY, { ids, refunds: BATCH_REFUNDS });
  for (const n of data.nodes) if (n && "refunds" in n) out.set(n.id, n);
  for (const [id, n] of out) {
    if (!cutShort(n)) continue;
    // more refunds or lines than the batch read asks for: this one again, alone, at the larger size
    counter.calls++;
    const alone = await ctx.admin.request(RETURNS_MONEY, { ids: [id], ...ALONE });
    const full = alone.nodes[0];
    if (full && "refunds" in full) out.set(id, full);
  }
  return out;
}

/** Bonus credits per `nodes` read: a transaction costs a few points, so 100 stay far under the 1,000-point limit. */
export const BONUS_BATCH = 100;

type BonusNode = { id: string; amountMinor: number; currency: string; ownerId: string | null };

/** The bonus credit transactions by id, `BONUS_BATCH` per read; an id Shopify does not answer is absent. */
async function readBonuses(ctx: AdminServiceContext, ids: readonly string[], counter: { calls: number }): Promise<Map<string, BonusNode>> {
  const out = new Map<string, BonusNode>();
  for (let i = 0; i < ids.length; i += BONUS_BATCH) {
    counter.calls++;
    const data = await ctx.admin.request(STORE_CREDIT_BONUS_READS, { ids: ids.slice(i, i + BONUS_BATCH) });
    for (const n of data.nodes) {
      if (!n || !("amount" in n)) continue;
      const owner = n.account.owner && "id" in n.account.owner ? n.account.owner.id : null;
      out.set(n.id, { id: n.id, ...minor(n.amount), ownerId: owner });
    }
  }
  return out;
}

/** Compares every request with a Shopify Return; stores and returns the run. */
export async function reconcileMoney(ctx: AdminServiceContext, shop: string, { actor = "job" }: { actor?: string } = {}): Promise<ReconciliationRun> {
  const requests: ReturnRequestRecord[] = [];
  let cursor: string | null = null;
  do {
    const page = await ctx.repos.returnRequests.list(shop, { order: "oldest", limit: 250, cursor });
    requests.push(...page.items.filter((r) => r.shopifyReturnId !== null));
    cursor = page.nextCursor;
  } while (cursor);

  const counter = { calls: 0 };
  // the app's side first (database reads only), so the bonus credits of the whole run are read together
  const appSide = new Map<string, { settled: boolean; bonus: ReturnType<typeof expectedBonus> }>();
  for (const r of requests) {
    const events = await eventsIfNeeded(ctx, shop, r);
    const settled = appSettled(r, events);
    appSide.set(r.id, { settled, bonus: settled ? expectedBonus(r, events) : null });
  }
  const bonusIds = [...new Set([...appSide.values()].flatMap((a) => (a.bonus?.creditId ? [a.bonus.creditId] : [])))];
  const bonuses = bonusIds.length > 0 ? await readBonuses(ctx, bonusIds, counter) : new Map<string, BonusNode>();
  const drift: MoneyCheck[] = [];
  let checked = 0;
  let missing = 0;
  for (let i = 0; i < requests.length; i += BATCH) {
    const batch = requests.slice(i, i + BATCH);
    const nodes = await readBatch(ctx, batch.map((r) => r.shopifyReturnId!), counter);
    for (const r of batch) {
      const node = nodes.get(r.shopifyReturnId!);
      if (!node) {
        missing++;
        continue;
      }
      // the request's line items matter only when the order has refunds outside any Return
      const outsideAny = node.order.refunds.some((x) => x.return === null);
      const lineIds = outsideAny ? new Set((await ctx.repos.returnRequests.findById(shop, r.id))?.lines.map((l) => l.lineItemId) ?? []) : new Set<string>();
      const { settled, bonus } = appSide.get(r.id)!;
      // the bonus Shopify shows: the credit recorded for it, on this customer's account; none when the
      // event records no credit or Shopify has no such transaction for this customer
      const credit = bonus?.creditId ? bonuses.get(bonus.creditId) : undefined;
      const bonusCredits = bonus ? (credit && (credit.ownerId === null || credit.ownerId === r.customerId) ? [credit] : []) : undefined;
      const check = checkMoney(
        {
          requestId: r.id,
          orderName: r.orderName,
          currency: r.currency,
          status: r.status as RequestStatus,
          refundMinor: r.refundMinor,
          feesMinor: r.feesMinor,
          settled,
          ...(bonus ? { bonusMinor: bonus.bonusMinor } : {}),
        },
        { ...shopifyMoney(node, lineIds), ...(bonusCredits ? { bonusCredits } : {}) },
      );
      checked++;
      if (check.drift.length > 0) drift.push(check);
    }
  }
  const run: ReconciliationRun = {
    at: ctx.now().toISOString(),
    checked,
    drifted: drift.length,
    missing,
    adminCalls: counter.calls,
    drift: drift.slice(0, KEEP),
  };
  await ctx.repos.events.append(shop, { type: RECONCILED_EVENT, actor, at: ctx.now(), payload: run });
  return run;
}

/** The latest stored run (the home tile and the list behind it), or null before the first. */
export async function latestReconciliation(ctx: Pick<ServiceContext, "repos">, shop: string): Promise<ReconciliationRun | null> {
  const e = await ctx.repos.events.latestOfType(shop, RECONCILED_EVENT);
  return e ? (e.payload as ReconciliationRun) : null;
}
