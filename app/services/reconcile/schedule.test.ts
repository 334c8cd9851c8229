/**
 * The money reconciliation runs by itself (decision 160), through the app's real routes and job queue
 * against the stand-in: a store credit issued on the request screen and the refunds/create webhook that
 * follows ask for one run (the same job, debounced per shop in a 5-minute window) and make no Admin call
 * of their own beyond what they made before; the run comes at the window's end, reads in one
 * `ReturnsMoney` call, finds no drift, and queues the safety run a day later, which queues the next.
 * A refund on an order no request is for, and a declined Return, schedule nothing; an uninstalled shop
 * ends the chain. The app's clock is faked (Date only) so the windows can be crossed.
 * Runs on SQLite (the Job table runs jobs by the app's clock); on PostgreSQL pg-boss runs them by the
 * database's clock, which a faked Date does not move, so the parts that wait for a run are SQLite only.
 */
import type { ActionFunctionArgs } from "@remix-run/node";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { type TestDatabase } from "~/db/test-db";
import { createRepos } from "~/db";
import { drainJobs, pgBossSchemaFor, stopJobQueue } from "~/jobs";
import { installAppAtStandin, saveManualApprovalPolicy, startInstalledApp } from "~/test/installed-app";
import { signedWebhookRequest } from "~/test/session-token";
import { testAppCredentials } from "~/test/app-under-test";
import { type Standin, type OrderRec } from "../../../standin";
import { latestReconciliation } from "./index";

// ./job.server binds the app's database client at import: loaded once the test database is configured
let job: typeof import("./job.server");
const AFTER_MONEY_WINDOW_MS = 5 * 60_000;

const { apiKey: API_KEY, apiSecret: SECRET, appUrl: APP_URL } = testAppCredentials("reconcile-schedule");
const ALEX = "gid://shopify/Customer/1";
const SCOPES = "read_orders,write_orders,read_all_orders,write_returns,read_products,write_products,write_files,read_customers";
type Fn = (args: ActionFunctionArgs) => Promise<unknown>;

let db: TestDatabase;
let standin: Standin;
const realFetch = globalThis.fetch;
/** Admin operations the app sent, by name */
const admin: string[] = [];
const routes: Record<string, Fn> = {};
const onJobTable = () => !db.url.startsWith("postgres");

const recording: typeof fetch = async (input, init) => {
  const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
  if (url.includes("/graphql.json")) admin.push(/(?:query|mutation)\s+(\w+)/.exec(typeof init?.body === "string" ? init.body : "")?.[1] ?? "?");
  return realFetch(input, init);
};

/** The shop's reconciliation jobs, oldest due first: the Job table's rows, or pg-boss's ("created" is queued). */
async function reconcileJobs(): Promise<{ status: string; runAt: Date }[]> {
  if (onJobTable()) return db.prisma.job.findMany({ where: { shop: standin.shop, kind: job.RECONCILE_JOB }, orderBy: { runAt: "asc" } });
  const rows = await db.prisma.$queryRawUnsafe<{ state: string; runAt: Date }[]>(
    `SELECT state::text AS state, start_after AS "runAt" FROM "${pgBossSchemaFor(db.url)}".job WHERE name = $1 ORDER BY start_after`,
    job.RECONCILE_JOB,
  );
  return rows.map((r) => ({ status: r.state === "created" ? "queued" : r.state === "completed" ? "succeeded" : r.state, runAt: new Date(r.runAt) }));
}

async function staff(requestId: string, form: Record<string, string>) {
  const request = new Request(`${APP_URL}/app/requests/${requestId}?shop=${standin.shop}`, {
    method: "POST",
    headers: { Authorization: `Bearer ${standin.mintAdminSessionToken()}` },
    body: new URLSearchParams(form),
  });
  const res = (await routes.detail!({ request, params: { id: requestId }, context: {} })) as Response;
  return (await res.json()) as { ok: boolean; message: string };
}

async function webhook(route: string, topic: string, body: Record<string, unknown>) {
  const request = signedWebhookRequest({ url: `${APP_URL}/webhooks/${topic}`, secret: SECRET, shop: standin.shop, topic, body, webhookId: randomUUID() });
  const res = (await routes[route]!({ request, params: {}, context: {} })) as Response;
  expect(res.status, topic).toBe(200);
}

function unusedOrder(): OrderRec {
  const o = [...standin.store.orders.values()].find(
    (x) => x.customerId === ALEX && x.returnIds.length === 0 && x.lineItems.some((l) => l.productId === "gid://shopify/Product/103"),
  );
  if (!o) throw new Error("no such seeded order");
  return o;
}

/** A request submitted through the shopper route, approved by staff. */
async function submitOne(): Promise<{ order: OrderRec; requestId: string }> {
  const order = unusedOrder();
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
  expect(await staff(requestId, { intent: "approve" })).toMatchObject({ ok: true });
  return { order, requestId };
}

beforeAll(async () => {
  // the app's clock, 10 s into a 5-minute window: the steps below stay inside it
  vi.useFakeTimers({ toFake: ["Date"], shouldAdvanceTime: true });
  vi.setSystemTime(Math.ceil(Date.now() / AFTER_MONEY_WINDOW_MS) * AFTER_MONEY_WINDOW_MS + 10_000);
  globalThis.fetch = recording;
  ({ db, standin } = await startInstalledApp({ apiKey: API_KEY, apiSecret: SECRET, appUrl: APP_URL, scopes: SCOPES }));
  await saveManualApprovalPolicy(db, standin.shop);
  job = await import("./job.server");
  expect(job.AFTER_MONEY_WINDOW_MS).toBe(AFTER_MONEY_WINDOW_MS);
  routes.submit = (await import("~/routes/api.customer.orders.$orderId.returns")).action as Fn;
  routes.detail = (await import("~/routes/app.requests.$id")).action as Fn;
  routes.refundsCreate = (await import("~/routes/webhooks.refunds.create")).action as Fn;
  routes.returnsDecline = (await import("~/routes/webhooks.returns.decline")).action as Fn;
  await drainJobs(); // the catalogue sync queued at install
}, 120_000);

afterAll(async () => {
  await stopJobQueue();
  vi.useRealTimers();
  globalThis.fetch = realFetch;
  await standin?.close();
  await db?.cleanup();
});

describe("the money reconciliation schedules itself", () => {
  it("after a store credit and its refunds/create: one run at the window's end, no Admin call where the money moved; then a safety run a day later", async () => {
    const { order, requestId } = await submitOne();

    expect(await staff(requestId, { intent: "receive", restock: "true" })).toMatchObject({ ok: true });
    // nothing moved money yet: nothing scheduled
    expect(await reconcileJobs()).toEqual([]);

    admin.length = 0;
    expect(await staff(requestId, { intent: "refund", to: "store_credit" })).toMatchObject({ ok: true, message: "Store credit issued." });
    // the store credit's own calls only (the ledger's read-back is part of it); the reconciliation reads nothing yet
    expect(admin).not.toContain("ReturnsMoney");
    const windowEnd = new Date(Math.ceil(Date.now() / AFTER_MONEY_WINDOW_MS) * AFTER_MONEY_WINDOW_MS);
    const [queued] = await reconcileJobs();
    expect(queued).toMatchObject({ status: "queued", runAt: windowEnd });

    // Shopify's refunds/create: the route answers without an Admin call; its job re-reads the Return (as
    // before) and asks for the same run
    const returnId = (await db.prisma.returnRequest.findUniqueOrThrow({ where: { id: requestId } })).shopifyReturnId!;
    const refundId = standin.store.returns.get(returnId)!.refundIds[0]!;
    admin.length = 0;
    await webhook("refundsCreate", "refunds/create", { admin_graphql_api_id: refundId, order_id: Number(order.id.split("/").pop()), return: { admin_graphql_api_id: returnId } });
    expect(admin).toEqual([]);
    expect(await drainJobs()).toBe(1); // the webhook's job; the run is not due yet
    expect(admin).not.toContain("ReturnsMoney");
    expect(await reconcileJobs()).toHaveLength(1);
    expect((await job.reconcileAfterMoneyMoved(standin.shop, new Date())).created).toBe(false);

    // a refund on an order no request is for, and a declined Return: nothing more is scheduled
    const other = [...standin.store.orders.values()].find((o) => o.id !== order.id && o.returnIds.length === 0)!;
    await webhook("refundsCreate", "refunds/create", { admin_graphql_api_id: "gid://shopify/Refund/987654", order_id: Number(other.id.split("/").pop()), return: null });
    await webhook("returnsDecline", "returns/decline", { admin_graphql_api_id: returnId });
    await drainJobs();
    expect(await reconcileJobs()).toHaveLength(1);

    if (!onJobTable()) return;
    // the window ends: the run reads every Return in one call, finds no drift, queues the safety run
    vi.setSystemTime(windowEnd.getTime() + 1_000);
    admin.length = 0;
    expect(await drainJobs()).toBe(1);
    expect(admin).toEqual(["ReturnsMoney"]);
    expect(await latestReconciliation({ repos: createRepos(db.prisma) }, standin.shop)).toMatchObject({ checked: 1, drifted: 0, adminCalls: 1 });
    const afterRun = await reconcileJobs();
    expect(afterRun.map((j) => j.status)).toEqual(["succeeded", "queued"]);
    expect(afterRun[1]!.runAt.getTime()).toBeGreaterThanOrEqual(windowEnd.getTime() + job.SAFETY_AFTER_MS);
    expect(afterRun[1]!.runAt.getTime()).toBeLessThan(Date.now() + job.SAFETY_AFTER_MS + 60_000);
    expect(await drainJobs()).toBe(0);

    // a day later the safety run reads again and queues the next
    vi.setSystemTime(afterRun[1]!.runAt.getTime() + 1_000);
    admin.length = 0;
    expect(await drainJobs()).toBe(1);
    expect(admin).toEqual(["ReturnsMoney"]);
    expect((await reconcileJobs()).map((j) => j.status)).toEqual(["succeeded", "succeeded", "queued"]);

    // the shop uninstalls: the next safety run reads nothing and queues nothing
    await db.prisma.session.deleteMany({ where: { shop: standin.shop } });
    vi.setSystemTime((await reconcileJobs())[2]!.runAt.getTime() + 1_000);
    admin.length = 0;
    expect(await drainJobs()).toBe(1);
    expect(admin).toEqual([]);
    expect((await reconcileJobs()).map((j) => j.status)).toEqual(["succeeded", "succeeded", "succeeded"]);
  }, 120_000);

  it("a refund that failed schedules nothing; its successful retry schedules the run", async () => {
    if (!onJobTable()) return; // continues the first test's time line, which only the Job table follows
    // installed again (the first test uninstalled), in a fresh window
    await installAppAtStandin({ db, standin, apiKey: API_KEY, apiSecret: SECRET, appUrl: APP_URL, scopes: SCOPES });
    vi.setSystemTime(Math.ceil(Date.now() / AFTER_MONEY_WINDOW_MS) * AFTER_MONEY_WINDOW_MS + 10_000);
    const before = (await reconcileJobs()).length;
    const { requestId } = await submitOne();
    expect(await staff(requestId, { intent: "receive", restock: "true" })).toMatchObject({ ok: true });
    standin.faults.inject({ operationName: "ReturnProcess", kind: "userErrors", times: 1 });
    expect(await staff(requestId, { intent: "refund", to: "original_payment" })).toMatchObject({ ok: false });
    standin.faults.clear();
    expect(await reconcileJobs()).toHaveLength(before);
    expect(await staff(requestId, { intent: "retry" })).toMatchObject({ ok: true });
    const jobs = await reconcileJobs();
    expect(jobs).toHaveLength(before + 1);
    expect(jobs.at(-1)).toMatchObject({ status: "queued", runAt: new Date(Math.ceil(Date.now() / AFTER_MONEY_WINDOW_MS) * AFTER_MONEY_WINDOW_MS) });
  }, 120_000);
});
