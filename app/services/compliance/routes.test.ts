/**
 * The compliance webhook routes end to end: HMAC-signed deliveries through the real Remix actions
 * (authenticate.webhook), recorded and queued, processed by the job worker (drainJobs), on a fresh
 * database (SQLite, or PostgreSQL with DATABASE_URL). Plus regressions for the 500s the webhook fuzz
 * found (test/fuzz/webhooks.fuzz.test.ts).
 */
import type { ActionFunctionArgs } from "@remix-run/node";
import { createHmac, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createRepos } from "~/db";
import { serviceContext } from "~/services/context";
import { createTestDatabase, type TestDatabase } from "~/db/test-db";
import { drainJobs, stopJobQueue } from "~/jobs";
import { signedWebhookRequest } from "~/test/session-token";
import { callRoute, configureAppUnderTest, loadRoutes, testAppCredentials } from "~/test/app-under-test";
import { EXPORT_EVENT_TYPE, listCustomerDataExports } from "./index";

const { apiKey: API_KEY, apiSecret: SECRET, appUrl: APP_URL } = testAppCredentials("compliance-routes");
const SHOP = "compliance-routes.myshopify.com";
type Action = (args: ActionFunctionArgs) => Promise<Response>;
let db: TestDatabase;
const ctx = (at?: Date) => serviceContext({ db: db.prisma, now: () => at ?? new Date() });
let routes: Record<"dataRequest" | "redact" | "shopRedact", Action>;

const run = (action: Action, request: Request): Promise<Response> => callRoute(action, request);
const send = (action: Action, topic: string, body: unknown, extra: Partial<Parameters<typeof signedWebhookRequest>[0]> = {}) =>
  run(action, signedWebhookRequest({ url: `${APP_URL}/webhooks/${topic}`, secret: SECRET, shop: SHOP, topic, body, ...extra }));

beforeAll(async () => {
  vi.spyOn(console, "info").mockImplementation(() => {});
  vi.spyOn(console, "log").mockImplementation(() => {});
  db = await createTestDatabase();
  configureAppUnderTest({ apiKey: API_KEY, apiSecret: SECRET, appUrl: APP_URL, scopes: "read_orders", databaseUrl: db.url });
  routes = await loadRoutes({ dataRequest: "webhooks.customers.data_request#action", redact: "webhooks.customers.redact#action", shopRedact: "webhooks.shop.redact#action" });
  const now = new Date("2026-07-01T00:00:00Z");
  await createRepos(db.prisma).returnRequests.create(SHOP, {
    idempotencyKey: randomUUID(),
    orderId: "gid://shopify/Order/501",
    orderName: "#501",
    customerId: "gid://shopify/Customer/77",
    customerDisplayName: "Riley Tane",
    currency: "NZD",
    refundMinor: 1200,
    lines: [{ lineItemId: "gid://shopify/LineItem/5", title: "Tote", quantity: 1, reason: "UNWANTED", note: "Riley's note", eligible: true }],
    now,
  });
  await db.prisma.session.create({ data: { id: `offline_${SHOP}`, shop: SHOP, state: "", accessToken: "shpat_x" } });
}, 60_000);

afterAll(async () => {
  await stopJobQueue();
  await db?.cleanup();
});

describe("compliance webhooks through the routes", () => {
  it("customers/data_request: 200 at once, the job stores the export for the merchant", async () => {
    const res = await send(routes.dataRequest, "customers/data_request", { shop_id: 1, shop_domain: SHOP, customer: { id: 77, email: "r@example.com" }, orders_requested: [501], data_request: { id: 3 } });
    expect(res.status).toBe(200);
    await drainJobs();
    const exports = await listCustomerDataExports(ctx(), SHOP);
    expect(exports).toHaveLength(1);
    expect(exports[0]!.export.requests[0]).toMatchObject({ customerDisplayName: "Riley Tane", orderName: "#501" });
    expect(exports[0]!.export.requests[0]!.lines[0]!.note).toBe("Riley's note");
  });

  it("customers/redact: the job erases the customer's name and notes and the export; amounts stay", async () => {
    expect((await send(routes.redact, "customers/redact", { shop_id: 1, shop_domain: SHOP, customer: { id: 77 }, orders_to_redact: [501] })).status).toBe(200);
    await drainJobs();
    const row = await db.prisma.returnRequest.findFirstOrThrow({ where: { shop: SHOP }, include: { lines: true } });
    expect(row).toMatchObject({ customerId: null, customerDisplayName: null, refundMinor: 1200n, currency: "NZD" });
    expect(row.lines[0]!.note).toBeNull();
    expect(await db.prisma.returnEvent.count({ where: { shop: SHOP, type: EXPORT_EVENT_TYPE } })).toBe(0);
  });

  it("a compliance body that does not fit is refused 422 naming the field, and nothing is recorded", async () => {
    const before = await db.prisma.webhookDelivery.count();
    const res = await send(routes.redact, "customers/redact", { shop_id: 1, shop_domain: SHOP, customer: { id: "seventy-seven" } });
    expect(res.status).toBe(422);
    expect(await res.json()).toMatchObject({ error: { code: "invalid_payload", field: "customer.id" } });
    expect(await db.prisma.webhookDelivery.count()).toBe(before);
  });

  it("shop/redact: the job deletes every row for the shop, sessions included", async () => {
    expect((await send(routes.shopRedact, "shop/redact", { shop_id: 1, shop_domain: SHOP })).status).toBe(200);
    await drainJobs();
    expect(await db.prisma.returnRequest.count({ where: { shop: SHOP } })).toBe(0);
    expect(await db.prisma.session.count({ where: { shop: SHOP } })).toBe(0);
    expect(await db.prisma.returnEvent.count({ where: { shop: SHOP } })).toBe(0);
  });
});

describe("regressions from the webhook fuzz (were 500s)", () => {
  const raw = (body: string, headers: Record<string, string> = {}) =>
    new Request(`${APP_URL}/webhooks/customers/redact`, {
      method: "POST",
      body,
      headers: {
        "Content-Type": "application/json",
        "X-Shopify-Hmac-Sha256": createHmac("sha256", SECRET).update(body, "utf8").digest("base64"),
        "X-Shopify-Topic": "customers/redact",
        "X-Shopify-Shop-Domain": SHOP,
        "X-Shopify-API-Version": "2026-07",
        "X-Shopify-Webhook-Id": randomUUID(),
        ...headers,
      },
    });

  it("a correctly signed body that is not JSON is a 400 naming body", async () => {
    const res = await run(routes.redact, raw("{"));
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { field: "body", message: "must be JSON" } });
  });

  it("a signed delivery whose shop header is not a shop domain is a 400 naming the header", async () => {
    const res = await run(routes.redact, raw("{}", { "X-Shopify-Shop-Domain": "!" }));
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { field: "X-Shopify-Shop-Domain" } });
  });

  it("bad and missing signatures name the signature header (401 / 400) and record nothing", async () => {
    const before = await db.prisma.webhookDelivery.count();
    const bad = await run(routes.redact, raw("{}", { "X-Shopify-Hmac-Sha256": "AAAA" }));
    expect(bad.status).toBe(401);
    expect(await bad.json()).toMatchObject({ error: { code: "unauthorized", field: "X-Shopify-Hmac-Sha256" } });
    const missing = await run(routes.redact, raw("{}", { "X-Shopify-Hmac-Sha256": "" }));
    expect(missing.status).toBe(400);
    expect(await missing.json()).toMatchObject({ error: { field: "X-Shopify-Hmac-Sha256", message: "is required" } });
    expect(await db.prisma.webhookDelivery.count()).toBe(before);
  });
});
