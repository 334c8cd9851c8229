// `npm run bench reconcile-cost`: what the money reconciliation costs in Admin API calls and requested
// points, measured on real Returns at the in-process stand-in (whose cost model follows Shopify's:
// requestedQueryCost from the document and variables) and given per 1,000 requests. The requested cost
// of a batch read depends on the batch size, not on what the Returns hold, so a full batch measured is
// exact for every full batch; Returns with more refunds than the batch read asks for add one read each.
// The store credit bonus credits (decision 220) are read by id once per run, BONUS_BATCH per read.
import { createTestDatabase } from "../app/db/test-db";
import { createRepos } from "../app/db/index";
import { offlineAdminClient } from "../app/shopify/admin-client";
import { RETURN_REQUEST, STORE_CREDIT_BONUS_CREDIT, STORE_CREDIT_BONUS_READS } from "../app/shopify/operations/index";
import { BATCH, BONUS_BATCH, reconcileMoney } from "../app/services/reconcile/index";
import { startStandin, tomlScopes } from "../standin";

const SHOP = "demo-returns.myshopify.com";
const TOKEN = "shpat_reconcile_bench";

export interface ReconcileCost {
  requests: number;
  calls: number;
  requested: number[];
  actual: number[];
  /** decision 220: one read of BONUS_BATCH store credit bonus credits by id, its requested and actual points */
  bonusRead: { ids: number; requested: number; actual: number };
}

export async function measureReconciliation(): Promise<ReconcileCost> {
  const db = await createTestDatabase();
  const standin = await startStandin({ apiKey: "reconcile-key", apiSecret: "reconcile-secret-0123456789", seed: "demo", webhooks: [] });
  try {
    standin.grantOfflineToken({ token: TOKEN, scope: tomlScopes() });
    let counting = false;
    const requested: number[] = [];
    const actual: number[] = [];
    const fetchCounting: typeof fetch = async (input, init) => {
      const res = await fetch(input, init);
      if (counting) {
        const j = (await res.clone().json().catch(() => ({}))) as { extensions?: { cost?: { requestedQueryCost?: number; actualQueryCost?: number } } };
        requested.push(j.extensions?.cost?.requestedQueryCost ?? 0);
        actual.push(j.extensions?.cost?.actualQueryCost ?? 0);
      }
      return res;
    };
    const admin = offlineAdminClient({ shop: SHOP, accessToken: TOKEN, env: { SHOPIFY_ADMIN_ORIGIN: standin.url }, fetch: fetchCounting });
    const repos = createRepos(db.prisma);
    const reason = standin.store.returnReasonDefinitions.find((d) => d.handle === "changed-my-mind")!;
    const now = new Date("2026-11-20T01:00:00Z");
    let n = 0;
    // one full batch of real Returns (the demo seed's fulfilled orders)
    for (const o of standin.store.orders.values()) {
      if (n >= BATCH) break;
      const f = o.fulfillments.find((x) => x.status === "SUCCESS" && x.lines.length > 0);
      const line = f?.lines[0];
      if (!line || o.returnIds.length > 0) continue;
      const made = await admin.mutate(RETURN_REQUEST, {
        input: { orderId: o.id, returnLineItems: [{ fulfillmentLineItemId: line.id, quantity: 1, returnReasonDefinitionId: reason.id }] },
      }).catch(() => null);
      const returnId = made?.returnRequest?.return?.id;
      if (!returnId) continue;
      await repos.returnRequests.create(SHOP, {
        idempotencyKey: `bench-${o.id}`,
        orderId: o.id,
        orderName: o.name,
        currency: o.presentmentCurrencyCode,
        refundMinor: 1000,
        shopifyReturnId: returnId,
        lines: [{ lineItemId: line.lineItemId, title: "Item", quantity: 1, reason: "UNWANTED", eligible: true }],
        now,
      });
      n++;
    }
    // decision 220: every request credited as store credit with a bonus, the bonus credit recorded in its
    // refunded event (a real storeCreditAccountCredit at the stand-in), so the run reads the bonuses too
    const customer = [...standin.store.orders.values()].find((o) => o.customerId)!.customerId!;
    const bonusIds: string[] = [];
    for (let i = 0; i < BONUS_BATCH; i++) {
      const made = await admin.mutate(STORE_CREDIT_BONUS_CREDIT, { id: customer, creditInput: { creditAmount: { amount: "1.00", currencyCode: "NZD" }, notify: false } });
      bonusIds.push(made.storeCreditAccountCredit!.storeCreditAccountTransaction!.id);
    }
    const page = await repos.returnRequests.list(SHOP, { limit: 250 });
    for (const [i, r] of page.items.entries()) {
      await repos.returnRequests.transition(SHOP, r.id, { expectedLockVersion: r.lockVersion, to: "credited", patch: { verdict: { storeCreditBonusBps: 1000 } }, now });
      await repos.events.append(SHOP, { requestId: r.id, type: "refunded", actor: "staff:1", at: now, payload: { to: "store_credit", bonus: { id: bonusIds[i]!, amountMinor: 100, currency: "NZD" } } });
    }
    counting = true;
    const run = await reconcileMoney({ repos, admin, now: () => now }, SHOP);
    const runRequested = [...requested];
    const runActual = [...actual];
    // a full bonus read, BONUS_BATCH ids, as a run with that many bonus credits makes
    requested.length = 0;
    actual.length = 0;
    await admin.request(STORE_CREDIT_BONUS_READS, { ids: bonusIds });
    return { requests: run.checked, calls: run.adminCalls, requested: runRequested, actual: runActual, bonusRead: { ids: bonusIds.length, requested: requested[0]!, actual: actual[0]! } };
  } finally {
    await standin.close();
    await db.cleanup();
  }
}

export async function main(): Promise<void> {
  const m = await measureReconciliation();
  // the run reads the bonus credits (decision 220) first, then the Returns: the last read is a Returns read
  const perBatch = m.requested.at(-1)!;
  const actualPerBatch = m.actual.at(-1)!;
  const batches = Math.ceil(1000 / BATCH);
  console.log(`money reconciliation, measured: ${m.requests} requests -> ${m.calls} Admin API call(s), requested ${m.requested.join(" + ")} points (actual ${m.actual.join(" + ")})`);
  console.log(`  per 1,000 requests: ${batches} Admin API calls (one nodes read per ${BATCH} Returns), ${batches * perBatch} requested points, ${batches * actualPerBatch} actual points`);
  // the stand-in prices nodes(ids:) as one element when requested (a list without first/last); the actual
  // cost counts every Return answered, so the actual figure is the one to budget a shop's bucket by
  console.log(`  one read: ${perBatch} requested / ${actualPerBatch} actual points (Shopify's single-query limit: 1,000)`);
  const bonusCalls = Math.ceil(1000 / BONUS_BATCH);
  console.log(
    `  store credit bonus (decision 220): one nodes read per ${BONUS_BATCH} bonus credits, ${m.bonusRead.requested} requested / ${m.bonusRead.actual} actual points for ${m.bonusRead.ids}; ` +
      `per 1,000 requests all credited with a bonus: +${bonusCalls} Admin calls, +${bonusCalls * m.bonusRead.requested} requested / +${bonusCalls * m.bonusRead.actual} actual points; none without a bonus`,
  );
}
