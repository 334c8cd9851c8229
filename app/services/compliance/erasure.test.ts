/**
 * Erasure leaves nothing behind: after customers/redact the customer's note is gone from the stored
 * verdict (the Return plan) and no job row holds their e-mail or phone; after shop/redact the SQLite
 * file's bytes hold neither the offline token nor the customer's details (deleted rows are zeroed,
 * not left in free pages). Through the real webhook routes with real signatures and the job worker
 * (drainJobs), on a fresh database (SQLite; PostgreSQL with DATABASE_URL, where the file check does
 * not apply).
 */
import type { ActionFunctionArgs } from "@remix-run/node";
import { existsSync, readFileSync } from "node:fs";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createRepos } from "~/db";
import { createTestDatabase, type TestDatabase } from "~/db/test-db";
import { sqliteFilePath } from "~/db/url";
import { drainJobs, stopJobQueue } from "~/jobs";
import { signedWebhookRequest } from "~/test/session-token";
import { callRoute, configureAppUnderTest, loadRoutes, testAppCredentials } from "~/test/app-under-test";
import { storedJobPayloads } from "~/test/stored-jobs";

const { apiKey: API_KEY, apiSecret: SECRET, appUrl: APP_URL } = testAppCredentials("erasure");
const SHOP = "erasure-shop.myshopify.com";
const TOKEN = "shpat_erasure0123456789abcdefSECRET";
const EMAIL = "kai.tane.private@example.com";
const PHONE = "+64215550199";
const NOTE = "Kai's private note: ring the back door";
const KAI = 4242;

type Action = (args: ActionFunctionArgs) => Promise<Response>;
let db: TestDatabase;
let routes: Record<"dataRequest" | "redact" | "shopRedact", Action>;

async function deliver(action: Action, topic: string, body: unknown): Promise<number> {
  return (await callRoute(action, signedWebhookRequest({ url: `${APP_URL}/webhooks/${topic}`, secret: SECRET, shop: SHOP, topic, body }))).status;
}

/** A request as the shopper API stores it: the line's note, and the same note in the Return plan of the verdict. */
async function storeKaisRequest(orderN: number) {
  const { request } = await createRepos(db.prisma).returnRequests.create(SHOP, {
    idempotencyKey: randomUUID(),
    orderId: `gid://shopify/Order/${orderN}`,
    orderName: `#${orderN}`,
    customerId: `gid://shopify/Customer/${KAI}`,
    customerDisplayName: "Kai Tane",
    currency: "NZD",
    refundMinor: 2500,
    verdict: { locale: "en", requestedResolution: "refund", plan: { returnLineItems: [{ fulfillmentLineItemId: "gid://shopify/FulfillmentLineItem/1", quantity: 1, customerNote: NOTE }] } },
    lines: [{ lineItemId: "gid://shopify/LineItem/1", title: "Tote", quantity: 1, reason: "UNWANTED", note: NOTE, eligible: true }],
    now: new Date("2026-07-01T00:00:00Z"),
  });
  return request;
}

beforeAll(async () => {
  vi.spyOn(console, "info").mockImplementation(() => {});
  vi.spyOn(console, "warn").mockImplementation(() => {});
  db = await createTestDatabase();
  configureAppUnderTest({ apiKey: API_KEY, apiSecret: SECRET, appUrl: APP_URL, scopes: "read_orders", databaseUrl: db.url });
  routes = await loadRoutes({ dataRequest: "webhooks.customers.data_request#action", redact: "webhooks.customers.redact#action", shopRedact: "webhooks.shop.redact#action" });
  await db.prisma.session.create({ data: { id: `offline_${SHOP}`, shop: SHOP, state: "", isOnline: false, accessToken: TOKEN } });
}, 60_000);

afterAll(async () => {
  await stopJobQueue();
  await db?.cleanup();
});

describe("customers/redact", () => {
  it("erases the note from the stored verdict and the customer's e-mail and phone from every job row", async () => {
    const request = await storeKaisRequest(7001);
    // A job queued before webhook bodies were cut down to what the handler needs: the whole body.
    await db.prisma.job.create({
      data: {
        shop: SHOP,
        kind: "webhook",
        status: "succeeded",
        dedupeKey: `webhook:${randomUUID()}`,
        runAt: new Date("2026-06-01T00:00:00Z"),
        createdAt: new Date("2026-06-01T00:00:00Z"),
        updatedAt: new Date("2026-06-01T00:00:00Z"),
        payload: JSON.stringify({ topic: "CUSTOMERS_DATA_REQUEST", webhookId: randomUUID(), apiVersion: "2026-07", payload: { shop_id: 1, shop_domain: SHOP, customer: { id: KAI, email: EMAIL, phone: PHONE }, orders_requested: [7001], data_request: { id: 9 } } }),
      },
    });
    expect(await deliver(routes.dataRequest, "customers/data_request", { shop_id: 1, shop_domain: SHOP, customer: { id: KAI, email: EMAIL, phone: PHONE }, orders_requested: [7001], data_request: { id: 10 } })).toBe(200);
    expect(await deliver(routes.redact, "customers/redact", { shop_id: 1, shop_domain: SHOP, customer: { id: KAI, email: EMAIL, phone: PHONE }, orders_to_redact: [7001] })).toBe(200);
    await drainJobs();

    const row = await db.prisma.returnRequest.findUniqueOrThrow({ where: { id: request.id }, include: { lines: true } });
    expect(row.customerId).toBeNull();
    expect(row.lines[0]!.note).toBeNull();
    expect(row.verdict).not.toContain("ring the back door");
    expect(JSON.parse(row.verdict!)).toMatchObject({ plan: { returnLineItems: [{ fulfillmentLineItemId: "gid://shopify/FulfillmentLineItem/1", quantity: 1 }] } });
    const jobs = await storedJobPayloads(db);
    expect(jobs).toContain("CUSTOMERS_REDACT");
    expect(jobs).not.toContain(EMAIL);
    expect(jobs).not.toContain("5550199");
  });
});

describe.skipIf(process.env.DATABASE_URL?.startsWith("postgres"))("shop/redact on SQLite", () => {
  it("leaves neither the offline token nor the customer's details in the database file's bytes", async () => {
    for (let i = 0; i < 40; i++) await storeKaisRequest(8000 + i);
    await db.prisma.job.create({
      data: { shop: SHOP, kind: "webhook", status: "succeeded", runAt: new Date(), createdAt: new Date(), updatedAt: new Date(), payload: JSON.stringify({ topic: "CUSTOMERS_DATA_REQUEST", payload: { customer: { email: EMAIL, phone: PHONE } } }) },
    });
    const file = sqliteFilePath(db.url);
    const bytes = () => Buffer.concat(["", "-journal", "-wal"].filter((s) => existsSync(file + s)).map((s) => readFileSync(file + s)));
    expect(bytes().includes(TOKEN)).toBe(true); // the check below can see these bytes
    expect(bytes().includes(EMAIL)).toBe(true);

    expect(await deliver(routes.shopRedact, "shop/redact", { shop_id: 1, shop_domain: SHOP })).toBe(200);
    await drainJobs();
    expect(await db.prisma.session.count({ where: { shop: SHOP } })).toBe(0);
    expect(await db.prisma.returnRequest.count({ where: { shop: SHOP } })).toBe(0);

    const after = bytes();
    expect(after.includes(TOKEN)).toBe(false);
    expect(after.includes(EMAIL)).toBe(false);
    expect(after.includes("5550199")).toBe(false);
    expect(after.includes("ring the back door")).toBe(false);
  });
});
