// `npm run bench reconcile-cost`: what the money reconciliation costs in Admin API calls and requested
// points, measured on real Returns at the in-process stand-in (whose cost model follows Shopify's:
// requestedQueryCost from the document and variables) and given per 1,000 requests. The requested cost
// of a batch read depends on the batch size, not on what the Returns hold, so a full batch measured is
// exact for every full batch; Returns with more refunds than the batch read asks for add one read each.
import { createTestDatabase } from "../app/db/test-db";
import { createRepos } from "../app/db/index";
import { offlineAdminClient } from "../app/shopify/admin-client";
import { RETURN_REQUEST } from "../app/shopify/operations/index";
import { BATCH, reconcileMoney } from "../app/services/reconcile/index";
import { startStandin, tomlScopes } from "../standin";

const SHOP = "demo-returns.myshopify.com";
const TOKEN = "shpat_reconcile_bench";

export interface ReconcileCost {
  requests: number;
  calls: number;
  requested: number[];
  actual: number[];
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
    counting = true;
    const run = await reconcileMoney({ repos, admin, now: () => now }, SHOP);
    return { requests: run.checked, calls: run.adminCalls, requested, actual };
  } finally {
    await standin.close();
    await db.cleanup();
  }
}

export async function main(): Promise<void> {
  const m = await measureReconciliation();
  const perBatch = Math.max(...m.requested);
  const actualPerBatch = Math.max(...m.actual);
  const batches = Math.ceil(1000 / BATCH);
  console.log(`money reconciliation, measured: ${m.requests} requests -> ${m.calls} Admin API call(s), requested ${m.requested.join(" + ")} points (actual ${m.actual.join(" + ")})`);
  console.log(`  per 1,000 requests: ${batches} Admin API calls (one nodes read per ${BATCH} Returns), ${batches * perBatch} requested points, ${batches * actualPerBatch} actual points`);
  // the stand-in prices nodes(ids:) as one element when requested (a list without first/last); the actual
  // cost counts every Return answered, so the actual figure is the one to budget a shop's bucket by
  console.log(`  one read: ${perBatch} requested / ${actualPerBatch} actual points (Shopify's single-query limit: 1,000)`);
}
