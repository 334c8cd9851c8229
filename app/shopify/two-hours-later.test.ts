/**
 * Expiring offline tokens through the app's real paths: one whole return (request -> approve -> receive
 * -> refund -> close) with two hours passing before every step, so every offline access token the app
 * holds has expired (they last one hour) each time it is needed. Shopper API submission (customer session
 * token, offline token), staff actions (admin session token, token exchange), webhook jobs (signed
 * deliveries, queued, offline token) and the checkout-terms sync (products/update job and the catalogue
 * sync queued at token exchange, offline token) all run against the stand-in, whose clock is the same
 * faked Date as the app's. Every Admin API call must succeed: none answered 401 or 403.
 * Runs on SQLite, and on PostgreSQL when DATABASE_URL=postgresql://...
 */
import type { ActionFunctionArgs } from "@remix-run/node";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { type TestDatabase } from "~/db/test-db";
import { drainJobs, pgBossSchemaFor, stopJobQueue } from "~/jobs";
import { saveManualApprovalPolicy, startInstalledApp } from "~/test/installed-app";
import { signedWebhookRequest } from "~/test/session-token";
import { type Standin, type OrderRec } from "../../standin";
import { testAppCredentials } from "~/test/app-under-test";

const { apiKey: API_KEY, apiSecret: SECRET, appUrl: APP_URL } = testAppCredentials("two-hours");
const ALEX = "gid://shopify/Customer/1";
const HOUR = 3_600_000;
const SCOPES = "read_orders,write_orders,read_all_orders,write_returns,read_products,write_products,write_files,read_customers";

type Fn = (args: ActionFunctionArgs) => Promise<unknown>;
interface Seen {
  to: "admin" | "token";
  what: string;
  status: number;
}

let db: TestDatabase;
let standin: Standin;
let installedToken: string;
const realFetch = globalThis.fetch;
const seen: Seen[] = [];
const routes: Record<string, Fn> = {};

/** Records every request the app makes to Shopify (the library's and its own), with Shopify's status. */
const recording: typeof fetch = async (input, init) => {
  const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
  const res = await realFetch(input, init);
  const body = typeof init?.body === "string" ? init.body : "";
  if (url.includes("/graphql.json")) {
    seen.push({ to: "admin", what: /(?:query|mutation)\s+(\w+)/.exec(body)?.[1] ?? "?", status: res.status });
  } else if (url.includes("/admin/oauth/access_token")) {
    const b = JSON.parse(body || "{}") as { grant_type?: string; subject_token_type?: string };
    seen.push({ to: "token", what: b.grant_type === "refresh_token" ? "refresh" : b.subject_token_type?.endsWith("offline-access-token") ? "migrate" : "exchange", status: res.status });
  }
  return res;
};

async function later(hours: number) {
  await termsSyncIdle();
  vi.setSystemTime(Date.now() + hours * HOUR);
}

/**
 * The catalogue sync is queued at token exchange on the app's job queue: run what is due (as the
 * server's worker does in the background) before time jumps.
 */
async function termsSyncIdle() {
  await drainJobs();
}

/** The states of the catalogue sync's jobs, on either engine ("succeeded" for a completed job). */
async function catalogueJobStates(): Promise<string[]> {
  if (!db.url.startsWith("postgres")) {
    return (await db.prisma.job.findMany({ where: { kind: "terms-sync.catalogue" }, select: { status: true } })).map((j) => j.status);
  }
  const rows = await db.prisma.$queryRawUnsafe<{ state: string }[]>(`SELECT state::text AS state FROM "${pgBossSchemaFor(db.url)}".job WHERE name = 'terms-sync.catalogue'`);
  return rows.map((r) => (r.state === "completed" ? "succeeded" : r.state));
}

function mats(): OrderRec {
  const o = [...standin.store.orders.values()].find(
    (x) => x.customerId === ALEX && x.returnIds.length === 0 && x.lineItems.some((l) => l.productId === "gid://shopify/Product/103") && x.lineItems.some((l) => l.productId === "gid://shopify/Product/209"),
  );
  if (!o) throw new Error("no such seeded order");
  return o;
}

async function staff(requestId: string, form: Record<string, string>) {
  const request = new Request(`${APP_URL}/app/requests/${requestId}?shop=${standin.shop}`, {
    method: "POST",
    headers: { Authorization: `Bearer ${standin.mintAdminSessionToken()}` },
    body: new URLSearchParams(form),
  });
  return (await routes.detail!({ request, params: { id: requestId }, context: {} })) as { ok: boolean; message: string };
}

async function webhook(route: string, topic: string, body: Record<string, unknown>) {
  const request = signedWebhookRequest({ url: `${APP_URL}/webhooks/${topic}`, secret: SECRET, shop: standin.shop, topic, body, webhookId: randomUUID() });
  const res = (await routes[route]!({ request, params: {}, context: {} })) as Response;
  expect(res.status, topic).toBe(200);
  await drainJobs();
}

beforeAll(async () => {
  // One clock for the app, the library (session tokens, token expiry) and the stand-in; it runs on from
  // now and jumps when the test says so.
  vi.useFakeTimers({ toFake: ["Date"], shouldAdvanceTime: true });
  globalThis.fetch = recording;
  ({ db, standin, accessToken: installedToken } = await startInstalledApp({ apiKey: API_KEY, apiSecret: SECRET, appUrl: APP_URL, scopes: SCOPES }));
  await saveManualApprovalPolicy(db, standin.shop);
  routes.submit = (await import("~/routes/api.customer.orders.$orderId.returns")).action as Fn;
  routes.detail = (await import("~/routes/app.requests.$id")).action as Fn;
  routes.returnsApprove = (await import("~/routes/webhooks.returns.approve")).action as Fn;
  routes.refundsCreate = (await import("~/routes/webhooks.refunds.create")).action as Fn;
  routes.returnsClose = (await import("~/routes/webhooks.returns.close")).action as Fn;
  routes.productsUpdate = (await import("~/routes/webhooks.products.update")).action as Fn;
}, 120_000);

afterAll(async () => {
  if (db) await termsSyncIdle().catch(() => undefined);
  await stopJobQueue();
  vi.useRealTimers();
  globalThis.fetch = realFetch;
  await standin?.close();
  await db?.cleanup();
});

describe("two hours between every step", () => {
  it("a whole return completes through the shopper API, staff actions, webhook jobs and the terms sync", async () => {
    const start = Date.now();
    const order = mats();

    await later(2);
    const line = order.lineItems.find((l) => l.productId === "gid://shopify/Product/103")!;
    const submitted = (await routes.submit!({
      request: new Request(`${APP_URL}/api/customer/orders/${encodeURIComponent(order.id)}/returns`, {
        method: "POST",
        headers: { Origin: "https://extensions.shopifycdn.com", Authorization: `Bearer ${standin.mintCustomerSessionToken({ customerId: ALEX })}`, "Content-Type": "application/json" },
        body: JSON.stringify({
          idempotencyKey: randomUUID(),
          lines: [{ lineItemId: line.id, quantity: 1, reason: "UNWANTED", conditions: ["unused", "tags_attached", "original_packaging"], photos: [], note: "" }],
          resolution: "refund",
        }),
      }),
      params: { orderId: order.id },
      context: {},
    })) as Response;
    expect(submitted.status).toBe(201);
    const requestId = ((await submitted.json()) as { request: { id: string } }).request.id;
    const stored = await db.prisma.returnRequest.findUniqueOrThrow({ where: { id: requestId } });
    expect(stored.status).toBe("requested");
    const returnId = stored.shopifyReturnId!;
    expect(standin.store.returns.get(returnId)?.status).toBe("REQUESTED");

    await later(2);
    expect(await staff(requestId, { intent: "approve" })).toMatchObject({ ok: true });
    await later(2);
    await webhook("returnsApprove", "returns/approve", { admin_graphql_api_id: returnId });

    await later(2);
    expect(await staff(requestId, { intent: "receive", restock: "true" })).toMatchObject({ ok: true });
    await later(2);
    expect(await staff(requestId, { intent: "refund", to: "original_payment" })).toMatchObject({ ok: true });
    await later(2);
    const refundId = standin.store.returns.get(returnId)!.refundIds[0]!;
    await webhook("refundsCreate", "refunds/create", { admin_graphql_api_id: refundId, return: { admin_graphql_api_id: returnId } });

    await later(2);
    expect(await staff(requestId, { intent: "close" })).toMatchObject({ ok: true });
    await later(2);
    await webhook("returnsClose", "returns/close", { admin_graphql_api_id: returnId });

    await later(2);
    await webhook("productsUpdate", "products/update", { admin_graphql_api_id: line.productId });
    await termsSyncIdle();

    // the return is whole, at Shopify and here
    expect((await db.prisma.returnRequest.findUniqueOrThrow({ where: { id: requestId } })).status).toBe("closed");
    expect(standin.store.returns.get(returnId)).toMatchObject({ status: "CLOSED", refundIds: [refundId] });
    expect(await db.prisma.webhookDelivery.findMany({ where: { shop: standin.shop }, select: { status: true } })).toEqual(Array(4).fill({ status: "processed" }));
    // the checkout terms were kept by the offline paths: the product re-read on products/update, the
    // catalogue runs queued at each token exchange
    expect(seen.filter((s) => s.what === "ProductForTerms").length).toBe(1);
    expect(seen.some((s) => s.what === "ProductsForTerms")).toBe(true);
    const catalogue = await catalogueJobStates();
    expect(catalogue.length).toBeGreaterThan(0);
    expect(catalogue.every((state) => state === "succeeded")).toBe(true);

    // 18 hours on, no Shopify call was refused: offline tokens were refreshed before they expired, staff
    // pages exchanged their session token for an expiring pair
    expect(Date.now() - start).toBeGreaterThanOrEqual(18 * HOUR);
    expect(seen.filter((s) => s.status !== 200)).toEqual([]);
    expect(seen.filter((s) => s.to === "token" && s.what === "refresh").length).toBeGreaterThanOrEqual(4);
    expect(seen.some((s) => s.to === "token" && s.what === "exchange")).toBe(true);
    expect(seen.filter((s) => s.to === "admin").length).toBeGreaterThan(10);
    // The money reconciliation scheduled itself twice, each run one read of every Return, both by the
    // offline token (decision 160): after the staff refund (run when the next step's jobs were drained, two
    // hours on) and after refunds/create (run at the close's drain). The safety run a day after them falls
    // beyond the test's 18 hours. pg-boss runs jobs by the database's clock, which the faked Date does
    // not move, so there the runs are still waiting.
    expect(seen.filter((s) => s.what === "ReturnsMoney").length).toBe(db.url.startsWith("postgres") ? 0 : 2);
    const res = await realFetch(`${standin.url}/admin/api/2026-07/graphql.json`, {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-Shopify-Access-Token": installedToken },
      body: JSON.stringify({ query: "query S { shop { name } }" }),
    });
    expect(res.status).toBe(401); // the token stored at install expired long ago
  }, 120_000);
});
