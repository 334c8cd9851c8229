// The home page's note about Shopify's own self-serve returns, against a real migrated database.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRepos } from "~/db";
import { serviceContext } from "~/services/context";
import { createTestDatabase, type TestDatabase } from "~/db/test-db";
import { dismissSelfServeNotice, selfServeNotice } from "./self-serve-returns";

const SHOP = "self-serve.myshopify.com";
const OTHER = "someone-else.myshopify.com";
const T0 = new Date("2026-11-02T09:00:00Z");
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
let db: TestDatabase;
const views = () => serviceContext({ db: db.prisma, now: () => new Date() });
let n = 0;

async function request(shop: string, source: "app" | "shopify_self_serve", now: Date, orderName: string) {
  n++;
  await createRepos(db.prisma).returnRequests.create(shop, {
    idempotencyKey: `k-${n}`,
    orderId: `gid://shopify/Order/${n}`,
    orderName,
    status: "requested",
    currency: "NZD",
    source,
    lines: [{ lineItemId: `gid://shopify/LineItem/${n}`, title: "Linen shirt", quantity: 1, reason: "UNWANTED", eligible: true, codes: [] }],
    now,
  });
}

beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db?.cleanup();
});

describe("self-serve returns note", () => {
  it("reminds once until hidden; requests made in the app do not bring it back", async () => {
    expect(await selfServeNotice(views(), SHOP)).toEqual({ kind: "reminder" });
    await request(SHOP, "app", at(1), "#1001");
    expect(await selfServeNotice(views(), SHOP)).toEqual({ kind: "reminder" });
    await dismissSelfServeNotice(views(), SHOP, { actor: "staff:42", now: at(2) });
    expect(await selfServeNotice(views(), SHOP)).toBeNull();
    await request(SHOP, "app", at(3), "#1002");
    expect(await selfServeNotice(views(), SHOP)).toBeNull();
  });

  it("warns when requests made through Shopify's returns arrive after it was hidden, counting only those, for this shop only", async () => {
    await request(OTHER, "shopify_self_serve", at(4), "#9001");
    expect(await selfServeNotice(views(), SHOP)).toBeNull();
    await request(SHOP, "shopify_self_serve", at(5), "#1003");
    await request(SHOP, "shopify_self_serve", at(6), "#1004");
    expect(await selfServeNotice(views(), SHOP)).toEqual({ kind: "arrived", count: 2, latestOrderName: "#1004" });
    await dismissSelfServeNotice(views(), SHOP, { actor: "staff:42", now: at(7) });
    expect(await selfServeNotice(views(), SHOP)).toBeNull();
    await request(SHOP, "shopify_self_serve", at(8), "#1005");
    expect(await selfServeNotice(views(), SHOP)).toEqual({ kind: "arrived", count: 1, latestOrderName: "#1005" });
  });

  it("warns right away, never hidden, when Shopify's returns were used before the first visit", async () => {
    await request(OTHER, "shopify_self_serve", at(9), "#9002");
    expect(await selfServeNotice(views(), OTHER)).toEqual({ kind: "arrived", count: 2, latestOrderName: "#9002" });
  });

  it("records who hid it, as a shop-level event", async () => {
    const events = await db.prisma.returnEvent.findMany({ where: { shop: SHOP, requestId: null }, orderBy: { id: "asc" } });
    expect(events.map((e) => [e.type, e.actor])).toEqual([
      ["self_serve_returns_note_dismissed", "staff:42"],
      ["self_serve_returns_note_dismissed", "staff:42"],
    ]);
  });
});
