/**
 * loadOrderSnapshot against the stand-in's seeded demo shop (real schema execution, real HTTP),
 * checking each mapping rule documented in order-snapshot.ts on orders the seed puts in that state.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startStandin, type Standin } from "../../standin";
import { exchange, TEST_KEY, TEST_SECRET } from "../../standin/testClient";
import { offlineAdminClient, type AdminClient } from "./admin-client";
import { findOrderIdByName, loadOrderSnapshot, mapSalesChannel, toOrderGid } from "./order-snapshot";
import { requestedQueryCost } from "./query-cost";
import { ORDER_SNAPSHOT } from "./operations/order-snapshot";
import { buildSchema } from "graphql";
import { readFileSync } from "node:fs";
import type { OrderRec } from "../../standin/state/types";

let standin: Standin;
let admin: AdminClient;
const NOW = new Date("2026-11-20T00:00:00Z");

beforeAll(async () => {
  standin = await startStandin({ apiKey: TEST_KEY, apiSecret: TEST_SECRET, webhooks: [], seed: "demo", clock: () => NOW });
  const ex = await exchange(standin, standin.mintAdminSessionToken());
  admin = offlineAdminClient({ shop: standin.shop, accessToken: ex.body.access_token as string, env: { SHOPIFY_ADMIN_ORIGIN: standin.url } });
});
afterAll(async () => {
  await standin.close();
});

const orders = () => [...standin.store.orders.values()] as OrderRec[];
const find = (pred: (o: OrderRec) => boolean) => {
  const o = orders().find(pred);
  if (!o) throw new Error("seed has no such order");
  return o;
};
const hasProduct = (o: OrderRec, n: number) => o.lineItems.some((l) => l.productId === `gid://shopify/Product/${n}`);

describe("loadOrderSnapshot", () => {
  it("maps a delivered web order of Customer/1: shop facts, prices paid, fulfilment dates, owner", async () => {
    const rec = find((o) => o.customerId === "gid://shopify/Customer/1" && hasProduct(o, 203) && hasProduct(o, 207));
    const snap = (await loadOrderSnapshot(admin, rec.id))!;
    expect(snap.customerId).toBe("gid://shopify/Customer/1");
    expect(snap.shop).toEqual({ country: "NZ", timezone: "Pacific/Auckland", currency: "NZD" });
    expect(snap.order).toMatchObject({ id: rec.id, name: rec.name, currency: "NZD", salesChannel: "online_store", shippingCountry: "NZ" });
    const bottle = snap.order.lines.find((l) => l.title.startsWith("Glass Water Bottle"))!;
    expect(bottle).toMatchObject({ unitPrice: "35.00", quantity: 1, fulfilledQuantity: 1, returnedQuantity: 0, vendor: "EKOH", productType: "Bottle" });
    expect(bottle.tags).toContain("personal-care");
    expect(bottle.collections.length).toBeGreaterThan(0);
    expect(bottle.unitTax).toBeUndefined(); // NZ prices include GST
    expect(bottle.fulfilledAt).toBe(rec.fulfillments[0]!.createdAt);
    expect(bottle.deliveredAt).toBe(rec.fulfillments[0]!.deliveredAt);
    // 50% off the clearance tote: what was paid, not the list price
    const tote = snap.order.lines.find((l) => l.title.startsWith("Linen Tote"))!;
    expect(tote.unitPrice).toBe("7.50");
    expect(tote.tags).toContain("final-sale");
    // fulfillment line items for returnRequest
    expect(snap.fulfillmentLineItems[bottle.id]).toEqual([{ id: rec.fulfillments[0]!.lines.find((x) => x.lineItemId === bottle.id)!.id, quantity: 1 }]);
    expect(snap.truncated).toBe(false);
  });

  it("custom attributes, gift cards and in-transit orders", async () => {
    const hilux = (await loadOrderSnapshot(admin, find((o) => o.customerId === "gid://shopify/Customer/1" && hasProduct(o, 101)).id))!;
    expect(hilux.order.lines[0]!.customAttributes).toEqual([{ key: "Vehicle", value: "2021 Toyota Hilux" }]);
    const gift = (await loadOrderSnapshot(admin, find((o) => hasProduct(o, 105)).id))!;
    expect(gift.order.lines.find((l) => l.title === "EKR Gift Card")!.isGiftCard).toBe(true);
    const transit = (await loadOrderSnapshot(admin, find((o) => o.customerId === "gid://shopify/Customer/1" && hasProduct(o, 104) && o.lineItems.length === 1).id))!;
    expect(transit.order.lines[0]).toMatchObject({ fulfilledQuantity: 1, deliveredAt: null });
    expect(transit.order.lines[0]!.fulfilledAt).not.toBeNull();
    const unfulfilled = (await loadOrderSnapshot(admin, find((o) => o.fulfillments.length === 0).id))!;
    expect(unfulfilled.order.lines.every((l) => l.fulfilledQuantity === 0 && l.fulfilledAt === null)).toBe(true);
  });

  it("counts units already on an open return as returned", async () => {
    const rec = find((o) => o.customerId === "gid://shopify/Customer/1" && o.returnIds.length > 0);
    const snap = (await loadOrderSnapshot(admin, rec.id))!;
    expect(snap.order.lines[0]).toMatchObject({ quantity: 2, fulfilledQuantity: 2, returnedQuantity: 1 });
  });

  it("does not count a declined return, counts a refunded one", async () => {
    const declined = find((o) => o.returnIds.some((id) => standin.store.returns.get(id)?.status === "DECLINED"));
    const d = (await loadOrderSnapshot(admin, declined.id))!;
    expect(d.order.lines[0]!.returnedQuantity).toBe(0);
    const closed = find((o) => o.returnIds.some((id) => standin.store.returns.get(id)?.status === "CLOSED"));
    const c = (await loadOrderSnapshot(admin, closed.id))!;
    expect(c.order.lines[0]!.returnedQuantity).toBe(1);
  });

  it("maps sales channels and presentment-currency orders' shipping country", async () => {
    expect((await loadOrderSnapshot(admin, find((o) => o.sourceName === "amazon").id))!.order.salesChannel).toBe("marketplace");
    expect((await loadOrderSnapshot(admin, find((o) => o.sourceName === "trademe").id))!.order.salesChannel).toBe("marketplace");
    const pos = find((o) => o.sourceName === "pos");
    expect((await loadOrderSnapshot(admin, pos.id))!.order.salesChannel).toBe("pos");
    const aud = (await loadOrderSnapshot(admin, find((o) => o.presentmentCurrencyCode === "AUD").id))!;
    expect(aud.order).toMatchObject({ currency: "NZD", shippingCountry: "AU" });
  });

  it("accepts numeric ids, returns null for an unknown order, rejects junk", async () => {
    const rec = orders()[0]!;
    const numeric = rec.id.split("/").pop()!;
    expect((await loadOrderSnapshot(admin, numeric))!.order.id).toBe(rec.id);
    expect(await loadOrderSnapshot(admin, "gid://shopify/Order/1")).toBeNull();
    expect(() => toOrderGid("gid://shopify/Customer/1")).toThrow(/not an order id/);
  });

  it("findOrderIdByName", async () => {
    const rec = orders()[3]!;
    expect(await findOrderIdByName(admin, rec.name)).toBe(rec.id);
    expect(await findOrderIdByName(admin, rec.name.slice(1))).toBe(rec.id);
    expect(await findOrderIdByName(admin, "#999999")).toBeNull();
  });

  it("the query stays under the single-query cost limit", () => {
    const schema = buildSchema(readFileSync("/work/shared/shopify/admin-2026-07.schema.graphql", "utf8"));
    expect(requestedQueryCost(schema, ORDER_SNAPSHOT)).toBeLessThan(1000);
  });
});

describe("mapSalesChannel", () => {
  it.each([
    [{ channelHandle: "online_store" }, "online_store"],
    [{ sourceName: "web" }, "online_store"],
    [{ sourceName: "pos" }, "pos"],
    [{ sourceName: "shopify_draft_order" }, "draft_order"],
    [{ isMarketplace: true, channelHandle: "x" }, "marketplace"],
    [{ appName: "Amazon" }, "marketplace"],
    [{ appName: "Wholesale" }, "retail_partner"],
    [{ sourceName: "1234567" }, "other"],
    [{}, "other"],
  ] as const)("%o -> %s", (hints, expected) => {
    expect(mapSalesChannel(hints)).toBe(expected);
  });
});
