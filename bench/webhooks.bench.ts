// `npm run bench webhooks`: signed webhook deliveries per second through the route, in process:
// HMAC check (authenticate.webhook), idempotent delivery record, durable job enqueued, 200. The jobs'
// processing is not included (it runs in the worker, after the answer; see docs/decisions/100-job-queue.md).
// products/update deliveries with distinct webhook ids, sequential and 16 at a time; then the same
// deliveries again (Shopify's redeliveries), which must be recognised as duplicates.
// Fresh SQLite database; PostgreSQL when DATABASE_URL=postgresql://...
import type { ActionFunctionArgs } from "@remix-run/node";
import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import { signedWebhookRequest } from "../app/test/session-token";
import { API_SECRET, APP_URL, percentile, startInProcessApp } from "../load/in-process";

const N = Number(process.env.BENCH_WEBHOOKS ?? 500);
type Action = (args: ActionFunctionArgs) => Promise<Response>;

async function run(action: Action, shop: string, ids: string[], concurrency: number): Promise<{ perSecond: number; p50: number; p95: number; statuses: Record<number, number> }> {
  const lat: number[] = [];
  const statuses: Record<number, number> = {};
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < ids.length) {
        const id = ids[next++]!;
        const productId = 1000 + (next % 40);
        const request = signedWebhookRequest({
          url: `${APP_URL}/webhooks/products/update`,
          secret: API_SECRET,
          shop,
          topic: "products/update",
          webhookId: id,
          body: { id: productId, admin_graphql_api_id: `gid://shopify/Product/${productId}`, title: "Bench product", updated_at: "2026-11-20T00:00:00Z" },
        });
        const s = performance.now();
        const res = await action({ request, params: {}, context: {} });
        lat.push(performance.now() - s);
        statuses[res.status] = (statuses[res.status] ?? 0) + 1;
      }
    }),
  );
  const secs = (performance.now() - t0) / 1000;
  lat.sort((a, b) => a - b);
  return { perSecond: ids.length / secs, p50: percentile(lat, 50), p95: percentile(lat, 95), statuses };
}

export async function main(): Promise<void> {
  const app = await startInProcessApp();
  try {
    const route = await import("../app/routes/webhooks.products.update");
    const action = route.action as Action;
    const shop = app.standin.shop;
    // warm-up (module init, prepared statements)
    await run(action, shop, Array.from({ length: 20 }, () => randomUUID()), 1);
    const seq = Array.from({ length: N }, () => randomUUID());
    const par = Array.from({ length: N }, () => randomUUID());
    const a = await run(action, shop, seq, 1);
    const b = await run(action, shop, par, 16);
    const c = await run(action, shop, par, 16);
    const line = (name: string, r: Awaited<ReturnType<typeof run>>) =>
      console.log(`  ${name.padEnd(36)} ${r.perSecond.toFixed(0).padStart(5)} deliveries/s  p50 ${r.p50.toFixed(1)} ms  p95 ${r.p95.toFixed(1)} ms  answers ${JSON.stringify(r.statuses)}`);
    console.log(`signed products/update deliveries through the route (verify, record, enqueue), ${N} each, ${app.db.provider}:`);
    line("sequential", a);
    line("16 concurrent", b);
    line("16 concurrent, all redeliveries", c);
    const recorded = await app.db.prisma.webhookDelivery.count({ where: { shop } });
    console.log(`  deliveries recorded: ${recorded} (expected ${2 * N + 20}: redeliveries add none)`);
  } finally {
    await app.close();
  }
}
