/**
 * Compliance services on a fresh migrated database (SQLite, or PostgreSQL with DATABASE_URL), and
 * the three compliance webhook routes end to end with HMAC-signed requests.
 */
import { readFileSync } from "node:fs";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRepos, SHOP_TABLES } from "~/db";
import { serviceContext } from "~/services/context";
import { createTestDatabase, type TestDatabase } from "~/db/test-db";
import {
  exportCustomerData,
  listCustomerDataExports,
  parseCustomerRedact,
  parseDataRequest,
  redactCustomer,
  redactShop,
  WebhookPayloadError,
} from "./index";

const SHOP = "compliance-a.myshopify.com";
const OTHER_SHOP = "compliance-b.myshopify.com";
const ALEX = "gid://shopify/Customer/7001";
const SAM = "gid://shopify/Customer/7002";
const now = new Date("2026-07-10T00:00:00Z");
let db: TestDatabase;
const ctx = (at?: Date) => serviceContext({ db: db.prisma, now: () => at ?? new Date() });

async function seedRequest(shop: string, customerId: string | null, orderN: number, noteArg?: string) {
  const name = customerId === SAM ? "Sam Jones" : "Alex Smith";
  const note = noteArg ?? `Too small for ${name}, call ${customerId === SAM ? "021 555 0202" : "021 555 0101"}`;
  const repos = createRepos(db.prisma);
  const { request } = await repos.returnRequests.create(shop, {
    idempotencyKey: randomUUID(),
    orderId: `gid://shopify/Order/${orderN}`,
    orderName: `#${orderN}`,
    customerId,
    customerDisplayName: customerId ? name : null,
    currency: "NZD",
    refundMinor: 4599,
    feesMinor: 500,
    resolution: "refund",
    lines: [{ lineItemId: "gid://shopify/LineItem/1", title: "Floor mats", quantity: 1, reason: "UNWANTED", note, photos: [`https://shopify-staged-uploads.storage.googleapis.com/x/${name.split(" ")[0]!.toLowerCase()}.jpg`], eligible: true, refundMinor: 4599 }],
    now,
  });
  await repos.events.append(shop, { requestId: request.id, type: "requested", actor: customerId ? `customer:${customerId}` : "webhook", at: now, payload: { resolution: "refund", decision: "approve", policyVersion: 1 } });
  await repos.events.append(shop, {
    requestId: request.id,
    type: "declined",
    actor: "staff:99",
    at: now,
    payload: { action: "decline", from: "requested", to: "declined", reason: "OTHER", message: `${name}, these were worn`, note: { text: "nested" } },
    shopifyResponse: { customer: { email: `${name.split(" ")[0]!.toLowerCase()}@example.com` } },
  });
  return request;
}

beforeAll(async () => {
  db = await createTestDatabase();
}, 60_000);
afterAll(async () => db?.cleanup());

describe("payload parsing", () => {
  it("maps Shopify's numeric ids to GIDs and names the bad field", () => {
    expect(parseDataRequest({ shop_id: 1, shop_domain: SHOP, customer: { id: 7001, email: "a@b.c" }, orders_requested: [1, "2"], data_request: { id: 9 } })).toEqual({
      customerId: ALEX,
      orderIds: ["gid://shopify/Order/1", "gid://shopify/Order/2"],
      dataRequestId: "9",
    });
    expect(parseCustomerRedact({ customer: { id: "7001" } })).toEqual({ customerId: ALEX, orderIds: [] });
    const bad = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        expect(e).toBeInstanceOf(WebhookPayloadError);
        return (e as WebhookPayloadError).field;
      }
      throw new Error("did not throw");
    };
    expect(bad(() => parseDataRequest(null))).toBe("body");
    expect(bad(() => parseDataRequest({}))).toBe("customer");
    expect(bad(() => parseDataRequest({ customer: { id: -1 } }))).toBe("customer.id");
    expect(bad(() => parseCustomerRedact({ customer: { id: 1 }, orders_to_redact: [1, "x"] }))).toBe("orders_to_redact.1");
    expect(bad(() => parseCustomerRedact({ customer: { id: 1.5 } }))).toBe("customer.id");
  });
});

describe("customers/data_request", () => {
  it("exports the customer's requests, lines, notes, photos and events, stored for the merchant, and nothing of anyone else", async () => {
    const mine = await seedRequest(SHOP, ALEX, 1001);
    const byOrder = await seedRequest(SHOP, null, 1002, "imported"); // self-serve import without customer, named by order
    await seedRequest(SHOP, SAM, 1003);
    await seedRequest(OTHER_SHOP, ALEX, 1001);
    const { eventId, export: data } = await exportCustomerData(ctx(now), SHOP, { customerId: ALEX, orderIds: ["gid://shopify/Order/1002"], dataRequestId: "9" });
    expect(data.requests.map((r) => r.id).sort()).toEqual([mine.id, byOrder.id].sort());
    const r = data.requests.find((x) => x.id === mine.id)!;
    expect(r).toMatchObject({ customerId: ALEX, customerDisplayName: "Alex Smith", currency: "NZD", refundMinor: "4599", feesMinor: "500" });
    expect(r.lines[0]).toMatchObject({ note: expect.stringContaining("Alex Smith"), photos: ["https://shopify-staged-uploads.storage.googleapis.com/x/alex.jpg"] });
    expect(r.events.map((e) => e.type)).toEqual(["requested", "declined"]);
    const stored = await listCustomerDataExports(ctx(), SHOP);
    expect(stored.map((s) => s.id)).toEqual([eventId]);
    expect(stored[0]!.export).toEqual(data);
    expect(await listCustomerDataExports(ctx(), OTHER_SHOP)).toEqual([]);
  });
});

describe("customers/redact", () => {
  it("erases personal data, keeps amounts, currency, statuses and dates, leaves others alone, and is idempotent", async () => {
    const shop = "redact-c.myshopify.com";
    const mine = await seedRequest(shop, ALEX, 2001);
    const samS = await seedRequest(shop, SAM, 2002);
    const elsewhere = await seedRequest(OTHER_SHOP, ALEX, 2001);
    await exportCustomerData(ctx(now), shop, { customerId: ALEX, orderIds: [], dataRequestId: null });
    await exportCustomerData(ctx(now), shop, { customerId: SAM, orderIds: [], dataRequestId: null });

    const result = await redactCustomer(ctx(), shop, { customerId: ALEX, orderIds: [] });
    expect(result).toMatchObject({ requests: 1, lines: 1, events: 2, exportsDeleted: 1 });

    const row = await db.prisma.returnRequest.findUniqueOrThrow({ where: { id: mine.id }, include: { lines: true, events: { orderBy: { id: "asc" } } } });
    expect(row).toMatchObject({ customerId: null, customerDisplayName: null, refundMinor: 4599n, feesMinor: 500n, currency: "NZD", status: "requested", orderName: "#2001" });
    expect(row.createdAt).toEqual(now);
    expect(row.lines[0]).toMatchObject({ note: null, photos: "[]", title: "Floor mats", quantity: 1, refundMinor: 4599n });
    expect(row.events.map((e) => e.actor)).toEqual(["customer:redacted", "staff:99"]);
    expect(JSON.parse(row.events[1]!.payload!)).toEqual({ action: "decline", from: "requested", to: "declined", reason: "OTHER", redacted: true });
    expect(row.events[1]!.shopifyResponse).toBeNull();
    const big = (_k: string, v: unknown) => (typeof v === "bigint" ? v.toString() : v);
    const everything = JSON.stringify(await db.prisma.returnEvent.findMany({ where: { shop, OR: [{ requestId: mine.id }, { requestId: null }] } }), big) + JSON.stringify(row, big);
    expect(everything).not.toMatch(/Alex|alex|7001|555 0101/);

    // Sam's data and the other shop's copy are untouched
    const sam = await db.prisma.returnRequest.findUniqueOrThrow({ where: { id: samS.id }, include: { lines: true } });
    expect(sam.customerDisplayName).toBe("Sam Jones");
    expect(sam.lines[0]!.note).toContain("Sam Jones");
    expect((await db.prisma.returnRequest.findUniqueOrThrow({ where: { id: elsewhere.id } })).customerId).toBe(ALEX);
    expect((await listCustomerDataExports(ctx(), shop)).map((e) => e.export.customerId)).toEqual([SAM]);

    const again = await redactCustomer(ctx(), shop, { customerId: ALEX, orderIds: [] });
    expect(again).toMatchObject({ requests: 0, exportsDeleted: 0 });
  });

  it("also redacts requests named only by orders_to_redact", async () => {
    const shop = "redact-d.myshopify.com";
    const imported = await seedRequest(shop, null, 3001, "note from an import");
    await redactCustomer(ctx(), shop, { customerId: ALEX, orderIds: ["gid://shopify/Order/3001"] });
    const line = await db.prisma.returnRequestLine.findFirstOrThrow({ where: { requestId: imported.id } });
    expect(line.note).toBeNull();
  });
});

describe("shop/redact", () => {
  it("covers every table of prisma/schema.prisma that names a shop", () => {
    const schema = readFileSync(new URL("../../../prisma/schema.prisma", import.meta.url), "utf8");
    const models = [...schema.matchAll(/^model (\w+) \{([\s\S]*?)^\}/gm)].filter(([, , body]) => /^\s+(shop|domain)\s+String/m.test(body!)).map(([, name]) => name);
    expect(Object.keys(SHOP_TABLES).sort()).toEqual(models.sort());
  });

  it("deletes every row for the shop in every table, sessions included, and nothing of other shops", async () => {
    const shop = "redact-e.myshopify.com";
    const repos = createRepos(db.prisma);
    await seedRequest(shop, ALEX, 4001);
    await seedRequest(OTHER_SHOP, ALEX, 4001);
    await db.prisma.session.create({ data: { id: `offline_${shop}`, shop, state: "", accessToken: "shpat_x" } });
    await db.prisma.session.create({ data: { id: `offline_${OTHER_SHOP}`, shop: OTHER_SHOP, state: "", accessToken: "shpat_y" } });
    await repos.shops.upsertInstalled(shop, { now });
    await db.prisma.policyVersion.create({ data: { shop, version: 1, policy: "{}", createdAt: now } });
    await db.prisma.shopifyOperation.create({ data: { shop, key: "k", kind: "approve", createdAt: now, updatedAt: now } });
    await db.prisma.webhookDelivery.create({ data: { shop, webhookId: randomUUID(), topic: "SHOP_REDACT", receivedAt: now } });
    await db.prisma.job.create({ data: { shop, kind: "x", runAt: now, createdAt: now, updatedAt: now } });
    await db.prisma.offlineTokenRefresh.create({ data: { shop, holder: "h", leaseUntil: now, updatedAt: now } });
    const otherBefore = await db.prisma.returnRequest.count({ where: { shop: OTHER_SHOP } });

    const deleted = await redactShop(ctx(), shop);
    expect(deleted).toMatchObject({ Session: 1, Shop: 1, PolicyVersion: 1, ReturnRequest: 1, ReturnRequestLine: 1, ReturnEvent: 2, ShopifyOperation: 1, WebhookDelivery: 1, Job: 1, OfflineTokenRefresh: 1 });
    const p = db.prisma;
    const left = await Promise.all([
      p.session.count({ where: { shop } }),
      p.shop.count({ where: { domain: shop } }),
      p.policyVersion.count({ where: { shop } }),
      p.returnRequest.count({ where: { shop } }),
      p.returnRequestLine.count({ where: { shop } }),
      p.returnEvent.count({ where: { shop } }),
      p.shopifyOperation.count({ where: { shop } }),
      p.webhookDelivery.count({ where: { shop } }),
      p.job.count({ where: { shop } }),
      p.offlineTokenRefresh.count({ where: { shop } }),
    ]);
    expect(left).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(await p.returnRequest.count({ where: { shop: OTHER_SHOP } })).toBe(otherBefore);
    expect(await p.session.count({ where: { shop: OTHER_SHOP } })).toBe(1);
    expect(Object.values(await redactShop(ctx(), shop)).every((n) => n === 0)).toBe(true);
  });
});
