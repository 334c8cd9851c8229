// `npm run bench shopper-api`: latency of the shopper API's request endpoints, through the real Remix
// route handlers (customer account session token check, Admin API reads from the stand-in over loopback,
// policy engine, database), without an HTTP server in front. Sequential calls, so the figures are
// per-request latency, not throughput:
//   GET  /api/customer/orders/:id/returns          (overview: OrderSnapshot + engine)
//   POST /api/customer/orders/:id/returns/preview  (verdict + refund estimate)
//   POST /api/customer/orders/:id/returns          (submit: stores the request, creates the Shopify Return)
// Fresh SQLite database; PostgreSQL when DATABASE_URL=postgresql://...
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { performance } from "node:perf_hooks";
import { percentile, startInProcessApp, APP_URL } from "../load/in-process";

type Fn = (args: LoaderFunctionArgs | ActionFunctionArgs) => Promise<Response>;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 100);
const PACED = Number(process.env.BENCH_PACED ?? 30);

function stats(name: string, ms: number[]): void {
  const s = [...ms].sort((a, b) => a - b);
  console.log(`  ${name.padEnd(44)} n=${String(s.length).padStart(4)}  p50 ${percentile(s, 50).toFixed(1).padStart(6)} ms  p95 ${percentile(s, 95).toFixed(1).padStart(6)} ms  max ${s[s.length - 1]!.toFixed(1)} ms`);
}

export async function main(): Promise<void> {
  const app = await startInProcessApp();
  try {
    const returns = await import("../app/routes/api.customer.orders.$orderId.returns");
    const previewRoute = await import("../app/routes/api.customer.orders.$orderId.returns.preview");
    const call = (fn: Fn, customerId: string, path: string, params: Record<string, string>, body?: unknown) =>
      fn({
        request: new Request(`${APP_URL}${path}`, {
          method: body === undefined ? "GET" : "POST",
          headers: {
            Origin: "https://extensions.shopifycdn.com",
            Authorization: `Bearer ${app.standin.mintCustomerSessionToken({ customerId })}`,
            ...(body === undefined ? {} : { "Content-Type": "application/json" }),
          },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        }),
        params,
        context: {},
      });

    // Returnable orders (as the extension finds them), one submit each.
    type Line = { lineItemId: string; quantityLeft: number; reasons: { code: string; conditions: string[]; minPhotos: number }[] };
    const targets: { orderId: string; customerId: string; line: Line }[] = [];
    for (const o of app.standin.store.orders.values()) {
      if (!o.customerId) continue;
      const res = await call(returns.loader as Fn, o.customerId, `/api/customer/orders/${o.id}/returns`, { orderId: o.id });
      if (res.status !== 200) continue;
      const ov = (await res.json()) as { canRequest: boolean; lines: Line[] };
      const line = ov.lines.find((l) => l.quantityLeft > 0 && l.reasons.some((r) => r.minPhotos === 0));
      if (ov.canRequest && line) targets.push({ orderId: o.id, customerId: o.customerId, line });
    }
    if (targets.length === 0) throw new Error("no returnable orders");
    const bodyFor = (t: (typeof targets)[number], key?: string) => {
      const r = t.line.reasons.find((x) => x.minPhotos === 0)!;
      return {
        ...(key ? { idempotencyKey: key } : {}),
        lines: [{ lineItemId: t.line.lineItemId, quantity: 1, reason: r.code, conditions: r.conditions, ...(key ? { photos: [] } : { photos: 0 }) }],
        resolution: "refund",
      };
    };

    // Pass 1, back to back: the demo bucket (2,000 points, 100/s restore) runs dry after a few dozen
    // reads (each overview and preview reads the order, ~65 requested points once its size is known),
    // and from then on it admits about one read per 0.65 s: this pass shows the throttle-bound latency.
    // Pass 2, paced (1 s apart, the bucket refilled): the latency of one request on its own.
    const overview: number[] = [];
    const preview: number[] = [];
    const paced: { overview: number[]; preview: number[] } = { overview: [], preview: [] };
    app.proxy.reset();
    for (let i = 0; i < ROUNDS + PACED; i++) {
      const into = i < ROUNDS ? { overview, preview } : paced;
      if (i >= ROUNDS) await new Promise((r) => setTimeout(r, 1000));
      const t = targets[i % targets.length]!;
      let t0 = performance.now();
      let res = await call(returns.loader as Fn, t.customerId, `/api/customer/orders/${t.orderId}/returns`, { orderId: t.orderId });
      await res.text();
      into.overview.push(performance.now() - t0);
      if (res.status !== 200) throw new Error(`overview ${res.status}`);
      t0 = performance.now();
      res = await call(previewRoute.action as Fn, t.customerId, `/api/customer/orders/${t.orderId}/returns/preview`, { orderId: t.orderId }, bodyFor(t));
      await res.text();
      into.preview.push(performance.now() - t0);
      if (res.status !== 200) throw new Error(`preview ${res.status}`);
    }
    const readCalls = app.proxy.calls.length;
    const readThrottled = app.proxy.calls.filter((c) => c.throttled).length;
    app.proxy.reset();
    const submit: number[] = [];
    for (const [i, t] of targets.entries()) {
      const t0 = performance.now();
      const res = await call(returns.action as Fn, t.customerId, `/api/customer/orders/${t.orderId}/returns`, { orderId: t.orderId }, bodyFor(t, `bench-submit-${i}-0000`));
      await res.text();
      submit.push(performance.now() - t0);
      if (res.status !== 201) throw new Error(`submit ${res.status}`);
      // the demo bucket (2,000 points, 100/s) would throttle back-to-back submits (see return-cost); let it refill
      await new Promise((r) => setTimeout(r, 1500));
    }
    console.log(`shopper API request endpoints, in-process routes, stand-in on loopback, ${app.db.provider}:`);
    stats("GET  .../returns (overview), back to back", overview);
    stats("POST .../returns/preview, back to back", preview);
    console.log(`    (Admin calls ${readCalls}, of which THROTTLED answers ${readThrottled})`);
    stats("GET  .../returns (overview), paced 1/s", paced.overview);
    stats("POST .../returns/preview, paced 1/s", paced.preview);
    stats("POST .../returns (submit, new request), paced", submit);
    console.log(`    (submit: Admin calls ${app.proxy.calls.length}, THROTTLED answers ${app.proxy.calls.filter((c) => c.throttled).length})`);
  } finally {
    await app.close();
  }
}
