/**
 * loadOrderSnapshot against the stand-in's seeded demo shop (real schema execution, real HTTP),
 * checking each mapping rule documented in order-snapshot.ts on orders the seed puts in that state.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startStandin, adminSchema, type Standin, type OrderRec } from "../../standin";
import { exchange, TEST_KEY, TEST_SECRET } from "../../standin/testing";
import { startStandinWithAdmin } from "~/test/standin-admin";
import { offlineAdminClient, type AdminClient } from "./admin-client";
import { DEFAULT_SNAPSHOT_SIZES, FIRST_READ_SIZES, findOrderIdByName, loadOrderSnapshot, mapOrderSnapshot, mapSalesChannel, sizesFor, toOrderGid } from "./order-snapshot";
import { requestedQueryCost } from "./query-cost";
import { ORDER_SNAPSHOT } from "./operations/order-snapshot";

let standin: Standin;
let admin: AdminClient;
let token: string;
const NOW = new Date("2026-11-20T00:00:00Z");

beforeAll(async () => {
  ({ standin, token, admin } = await startStandinWithAdmin({ clock: () => NOW }));
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
    // protected customer data level 1 (the stand-in's default): the owner is known, the name is not
    expect(snap.customerDisplayName).toBeNull();
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

  it("maps sales channels (from Order.attribution) and presentment-currency orders' shipping country", async () => {
    expect((await loadOrderSnapshot(admin, find((o) => o.sourceName === "amazon").id))!.order.salesChannel).toBe("marketplace");
    expect((await loadOrderSnapshot(admin, find((o) => o.sourceName === "trademe").id))!.order.salesChannel).toBe("marketplace");
    const pos = find((o) => o.sourceName === "pos");
    expect((await loadOrderSnapshot(admin, pos.id))!.order.salesChannel).toBe("pos");
    const audRec = find((o) => o.presentmentCurrencyCode === "AUD");
    const aud = (await loadOrderSnapshot(admin, audRec.id))!;
    // priced in the currency the shopper paid, the shop's NZD beside it (Shopify's recorded total in both)
    expect(aud.order).toMatchObject({ currency: "AUD", shippingCountry: "AU" });
    expect(aud.order.shopMoney?.currency).toBe("NZD");
    const li = audRec.lineItems[0]!;
    expect(aud.order.lines[0]!.unitPrice).toBe((li.unitPricePresentment / 100).toFixed(2));
    expect(aud.shop.currency).toBe("NZD");
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

  it("sized from the order's last shape: the same snapshot for far fewer points; a stale hint reads again", async () => {
    const requested: number[] = [];
    const counting: typeof fetch = async (input, init) => {
      const res = await fetch(input, init);
      const j = (await res.clone().json()) as { extensions?: { cost?: { requestedQueryCost?: number } } };
      requested.push(j.extensions?.cost?.requestedQueryCost ?? 0);
      return res;
    };
    const a = offlineAdminClient({ shop: standin.shop, accessToken: token, env: { SHOPIFY_ADMIN_ORIGIN: standin.url }, fetch: counting });
    const rec = find((o) => o.customerId === "gid://shopify/Customer/1" && hasProduct(o, 203) && hasProduct(o, 207));
    const full = (await loadOrderSnapshot(a, rec.id))!;
    expect(full.shape).toMatchObject({ lines: rec.lineItems.length, fulfillments: rec.fulfillments.length });
    const sized = await loadOrderSnapshot(a, rec.id, { sizes: sizesFor(full.shape) });
    expect(sized).toEqual(full);
    expect(requested).toHaveLength(2);
    expect(requested[1]!).toBeLessThan(requested[0]! / 4);

    // a hint that the order has outgrown (fewer fulfillment lines than it has): one more read at the defaults
    requested.length = 0;
    const stale = await loadOrderSnapshot(a, rec.id, { sizes: { lines: full.shape.lines, fulfillments: 1, fulfillmentLines: 1 } });
    expect(stale).toEqual(full);
    expect(requested).toHaveLength(2);
    // fewer lines than the order has: the rest is paged on
    requested.length = 0;
    const paged = await loadOrderSnapshot(a, rec.id, { sizes: { ...sizesFor(full.shape), lines: 1 } });
    expect(paged!.order).toEqual(full.order);
    expect(requested).toHaveLength(rec.lineItems.length);

    // without collections (a policy with no collection rule) the lines carry none
    const bare = (await loadOrderSnapshot(a, rec.id, { sizes: sizesFor(full.shape), withCollections: false }))!;
    expect(bare.order.lines.every((l) => l.collections.length === 0)).toBe(true);
  });

  it("resolves the reason handles a submission uses in the same read", async () => {
    const rec = find((o) => o.customerId === "gid://shopify/Customer/1" && hasProduct(o, 203));
    const defs = standin.store.returnReasonDefinitions.slice(0, 2);
    const snap = (await loadOrderSnapshot(admin, rec.id, { reasonHandles: [...defs.map((d) => d.handle), "no-such-handle"] }))!;
    expect(snap.reasonIds).toEqual(Object.fromEntries(defs.map((d) => [d.handle, d.id])));
    expect((await loadOrderSnapshot(admin, rec.id))!.reasonIds).toEqual({});
  });

  it("the query stays under the single-query cost limit", () => {
    const schema = adminSchema();
    expect(requestedQueryCost(schema, ORDER_SNAPSHOT)).toBeLessThan(1000);
  });
});

describe("protected customer data", () => {
  it("level 2 with names: the customer's name comes with the order; level 1 reads the same order without it", async () => {
    const named = await startStandin({ apiKey: TEST_KEY, apiSecret: TEST_SECRET, webhooks: [], seed: "demo", clock: () => NOW, customerData: "level1+name" });
    try {
      const ex = await exchange(named, named.mintAdminSessionToken());
      const a = offlineAdminClient({ shop: named.shop, accessToken: ex.body.access_token as string, env: { SHOPIFY_ADMIN_ORIGIN: named.url } });
      const rec = find((o) => o.customerId === "gid://shopify/Customer/1" && hasProduct(o, 203));
      const c = named.store.customers.get("gid://shopify/Customer/1")!;
      const withName = (await loadOrderSnapshot(a, rec.id))!;
      expect(withName.customerDisplayName).toBe(`${c.firstName} ${c.lastName}`);
      const withoutName = (await loadOrderSnapshot(admin, rec.id))!;
      expect(withoutName.customerDisplayName).toBeNull();
      expect(withoutName.customerId).toBe(withName.customerId);
      expect(withoutName.order).toEqual(withName.order);
    } finally {
      await named.close();
    }
  });
});

describe("the customer's e-mail domain (protected customer data level 2, decision 190)", () => {
  it("asked for only when approved and wanted: the domain comes with the order, never the address; a refusal is no e-mail", async () => {
    // https://shopify.dev/docs/apps/launch/protected-customer-data: a field beyond the grant is null with an error
    const approved = await startStandin({ apiKey: TEST_KEY, apiSecret: TEST_SECRET, webhooks: [], seed: "demo", clock: () => NOW, customerData: "level1+email" });
    try {
      const ex = await exchange(approved, approved.mintAdminSessionToken());
      const a = offlineAdminClient({ shop: approved.shop, accessToken: ex.body.access_token as string, env: { SHOPIFY_ADMIN_ORIGIN: approved.url } });
      const rec = find((o) => o.customerId === "gid://shopify/Customer/1" && hasProduct(o, 203));
      const c = approved.store.customers.get("gid://shopify/Customer/1")!;
      expect(c.email).toMatch(/@/);
      const withEmail = (await loadOrderSnapshot(a, rec.id, { withEmail: true }))!;
      expect(withEmail.customerEmailDomain).toBe(c.email!.split("@")[1]!.toLowerCase());
      expect(JSON.stringify(withEmail)).not.toContain(c.email!);
      // not asked: not read, even when approved
      expect((await loadOrderSnapshot(a, rec.id))!.customerEmailDomain).toBeNull();
      // level 1 (the suite's stand-in): Shopify refuses the e-mail; the order is read, without it
      const refused = (await loadOrderSnapshot(admin, rec.id, { withEmail: true }))!;
      expect(refused.customerEmailDomain).toBeNull();
      expect(refused.customerId).toBe(withEmail.customerId);
      expect(refused.order).toEqual(withEmail.order);
    } finally {
      await approved.close();
    }
  });

  it("costs nothing unless asked for", () => {
    const schema = adminSchema();
    const without = requestedQueryCost(schema, ORDER_SNAPSHOT);
    const withEmail = requestedQueryCost(schema, ORDER_SNAPSHOT, { withEmail: true });
    expect(requestedQueryCost(schema, ORDER_SNAPSHOT, { withEmail: false })).toBe(without);
    // the aliased customer and its defaultEmailAddress: one point each
    expect(withEmail - without).toBe(2);
  });
});

describe("mapSalesChannel", () => {
  it.each([
    [{ attributionHandle: "web" }, "online_store"],
    [{ attributionHandle: "online_store" }, "online_store"],
    [{ attributionHandle: "pos", sourceName: "pos" }, "pos"],
    [{ sourceName: "web" }, "online_store"],
    [{ sourceName: "pos" }, "pos"],
    [{ sourceName: "shopify_draft_order" }, "draft_order"],
    // an attribution definition of a marketplace app: its handle or display name names the marketplace
    [{ attributionHandle: "amazon-us", attributionName: "Amazon US" }, "marketplace"],
    [{ attributionHandle: "acc-3", attributionName: "eBay Australia", appName: "Marketplace Connect" }, "marketplace"],
    [{ attributionHandle: "trade-me" }, "marketplace"],
    [{ attributionHandle: "nz-stockists", attributionName: "Retail partners NZ" }, "retail_partner"],
    [{ attributionHandle: "b2b" }, "retail_partner"],
    // the attribution decides before sourceName (a marketplace order can carry a numeric sourceName)
    [{ attributionHandle: "tiktok-shop", sourceName: "web" }, "marketplace"],
    [{ appName: "Amazon" }, "marketplace"],
    [{ appName: "Wholesale" }, "retail_partner"],
    [{ sourceName: "1234567" }, "other"],
    [{}, "other"],
  ] as const)("%o -> %s", (hints, expected) => {
    expect(mapSalesChannel(hints)).toBe(expected);
  });
});

describe("mapOrderSnapshot (pure rules)", () => {
  const shopNode = { currencyCode: "USD", ianaTimezone: "America/New_York", shopAddress: { countryCodeV2: "US" } } as Parameters<typeof mapOrderSnapshot>[0];
  const line = (over: Record<string, unknown> = {}) => ({
    id: "gid://shopify/LineItem/1",
    title: "Tee",
    sku: null,
    quantity: 3,
    currentQuantity: 3,
    isGiftCard: false,
    customAttributes: [],
    originalUnitPriceSet: { shopMoney: { amount: "20.0" } },
    discountedUnitPriceAfterAllDiscountsSet: { presentmentMoney: { amount: "20.0" } },
    taxLines: [{ priceSet: { presentmentMoney: { amount: "5.00" } } }],
    discountAllocations: [],
    image: null,
    variant: { compareAtPrice: null },
    product: { productType: "Shirt", vendor: "V", tags: [], isGiftCard: false, collections: { pageInfo: { hasNextPage: false }, nodes: [{ handle: "tops" }] } },
    ...over,
  });
  const order = (lines: unknown[], over: Record<string, unknown> = {}) =>
    ({
      id: "gid://shopify/Order/1",
      name: "#1",
      processedAt: "2026-11-01T10:00:00Z",
      createdAt: "2026-11-01T10:00:00Z",
      cancelledAt: null,
      currencyCode: "USD",
      presentmentCurrencyCode: "USD",
      taxesIncluded: false,
      sourceName: "web",
      customer: { id: "gid://shopify/Customer/9" },
      shippingAddress: { countryCodeV2: "CA" },
      attribution: null,
      app: null,
      netPaymentSet: { presentmentMoney: { amount: "75.00" } },
      lineItems: { pageInfo: { hasNextPage: false, endCursor: null }, nodes: lines },
      fulfillments: [],
      ...over,
    }) as never;
  const noReturnable = { pageInfo: { hasNextPage: false }, nodes: [] };

  it("adds tax per unit (floored) only when prices exclude tax; normalises decimals", () => {
    const r = mapOrderSnapshot(shopNode, order([line()]), noReturnable);
    expect(r.order.lines[0]).toMatchObject({ unitPrice: "20.00", unitTax: "1.66", onSale: false });
    expect(r.order).toMatchObject({ refundableAmount: "75.00", shippingCountry: "CA", salesChannel: "online_store" });
    expect(r.shop).toEqual({ country: "US", timezone: "America/New_York", currency: "USD" });
    const incl = mapOrderSnapshot(shopNode, order([line()], { taxesIncluded: true }), noReturnable);
    expect(incl.order.lines[0]!.unitTax).toBeUndefined();
    expect(r.order.shopMoney).toBeUndefined();
  });

  it("a USD shop's order paid in yen: whole-yen prices, the recorded total in both currencies beside them", () => {
    const jpyLine = line({ discountedUnitPriceAfterAllDiscountsSet: { presentmentMoney: { amount: "2980.0" } }, taxLines: [{ priceSet: { presentmentMoney: { amount: "894.0" } } }] });
    const r = mapOrderSnapshot(
      shopNode,
      order([jpyLine], { presentmentCurrencyCode: "JPY", netPaymentSet: { presentmentMoney: { amount: "9834.0" } }, totalPriceSet: { shopMoney: { amount: "65.56" }, presentmentMoney: { amount: "9834.0" } } }),
      noReturnable,
    );
    expect(r.order).toMatchObject({ currency: "JPY", refundableAmount: "9834", shopMoney: { currency: "USD", total: "65.56", presentmentTotal: "9834" } });
    expect(r.order.lines[0]).toMatchObject({ unitPrice: "2980", unitTax: "298" });
    expect(r.shop.currency).toBe("USD");
  });

  it("onSale: compare-at above the price sold, or an automatic discount; a discount code is not a sale", () => {
    expect(mapOrderSnapshot(shopNode, order([line({ variant: { compareAtPrice: "30.00" } })]), noReturnable).order.lines[0]!.onSale).toBe(true);
    expect(mapOrderSnapshot(shopNode, order([line({ variant: { compareAtPrice: "20.00" } })]), noReturnable).order.lines[0]!.onSale).toBe(false);
    const auto = line({ discountAllocations: [{ discountApplication: { __typename: "AutomaticDiscountApplication" } }] });
    expect(mapOrderSnapshot(shopNode, order([auto]), noReturnable).order.lines[0]!.onSale).toBe(true);
    const code = line({ discountAllocations: [{ discountApplication: { __typename: "DiscountCodeApplication" } }] });
    expect(mapOrderSnapshot(shopNode, order([code]), noReturnable).order.lines[0]!.onSale).toBe(false);
  });

  it("returned = max(what Shopify no longer takes back, removed from the order), capped at fulfilled; truncated lists are flagged", () => {
    const fl = (id: string, q: number) => ({ id, quantity: q, lineItem: { id: "gid://shopify/LineItem/1" } });
    const rfli = (id: string, quantity: number) => ({ quantity, fulfillmentLineItem: { id } });
    const r = mapOrderSnapshot(
      shopNode,
      order([line({ currentQuantity: 2 })], {
        fulfillments: [
          { status: "SUCCESS", createdAt: "2026-11-02T00:00:00Z", deliveredAt: "2026-11-05T00:00:00Z", fulfillmentLineItems: { pageInfo: { hasNextPage: false }, nodes: [fl("gid://shopify/FulfillmentLineItem/1", 2)] } },
          { status: "SUCCESS", createdAt: "2026-11-03T00:00:00Z", deliveredAt: null, fulfillmentLineItems: { pageInfo: { hasNextPage: true }, nodes: [fl("gid://shopify/FulfillmentLineItem/2", 1)] } },
          { status: "CANCELLED", createdAt: "2026-11-01T00:00:00Z", deliveredAt: null, fulfillmentLineItems: { pageInfo: { hasNextPage: false }, nodes: [fl("gid://shopify/FulfillmentLineItem/3", 3)] } },
        ],
      }),
      {
        pageInfo: { hasNextPage: false },
        nodes: [
          // FLI/1: 2 fulfilled, none returnable (on an open return); FLI/2: 1 returnable; FLI/3 is not a SUCCESS fulfillment
          { returnableFulfillmentLineItems: { pageInfo: { hasNextPage: false }, nodes: [rfli("gid://shopify/FulfillmentLineItem/2", 1), rfli("gid://shopify/FulfillmentLineItem/3", 3)] } },
        ],
      },
    );
    expect(r.order.lines[0]).toMatchObject({
      fulfilledQuantity: 3,
      returnedQuantity: 2,
      fulfilledAt: "2026-11-02T00:00:00Z",
      deliveredAt: "2026-11-05T00:00:00Z",
    });
    expect(r.fulfillmentLineItems["gid://shopify/LineItem/1"]).toHaveLength(2);
    expect(r.returnable["gid://shopify/LineItem/1"]).toEqual([{ id: "gid://shopify/FulfillmentLineItem/2", quantity: 1 }]);
    expect(r.shape).toEqual({ lines: 1, fulfillments: 3, fulfillmentLines: 2 });
    expect(r.truncated).toBe(true);
  });

  it("the customer's name: as Shopify shows it, absent when refused or redacted (•••), none for a guest", () => {
    expect(mapOrderSnapshot(shopNode, order([line()], { customerName: { displayName: "Aroha Ngata" } }), noReturnable).customerDisplayName).toBe("Aroha Ngata");
    expect(mapOrderSnapshot(shopNode, order([line()], { customerName: { displayName: "•••" } }), noReturnable).customerDisplayName).toBeNull();
    expect(mapOrderSnapshot(shopNode, order([line()], { customerName: null }), noReturnable).customerDisplayName).toBeNull();
    const guest = mapOrderSnapshot(shopNode, order([line()], { customer: null, customerName: null }), noReturnable);
    expect(guest).toMatchObject({ customerId: null, customerDisplayName: null });
  });

  it("units removed from the order count as returned when Shopify's returnable says more", () => {
    const fl = { id: "gid://shopify/FulfillmentLineItem/1", quantity: 3, lineItem: { id: "gid://shopify/LineItem/1" } };
    const r = mapOrderSnapshot(
      shopNode,
      order([line({ currentQuantity: 1 })], {
        fulfillments: [{ status: "SUCCESS", createdAt: "2026-11-02T00:00:00Z", deliveredAt: null, fulfillmentLineItems: { pageInfo: { hasNextPage: false }, nodes: [fl] } }],
      }),
      { pageInfo: { hasNextPage: false }, nodes: [{ returnableFulfillmentLineItems: { pageInfo: { hasNextPage: false }, nodes: [{ quantity: 3, fulfillmentLineItem: { id: fl.id } }] } }] },
    );
    expect(r.order.lines[0]).toMatchObject({ fulfilledQuantity: 3, returnedQuantity: 2 });
    expect(r.truncated).toBe(false);
  });
});

describe("sizesFor", () => {
  it("sizes the next read exactly to the order seen, within the defaults", () => {
    expect(sizesFor(null)).toBe(FIRST_READ_SIZES);
    expect(sizesFor({ lines: 2, fulfillments: 1, fulfillmentLines: 2 })).toEqual({ lines: 2, fulfillments: 1, fulfillmentLines: 2 });
    expect(sizesFor({ lines: 0, fulfillments: 0, fulfillmentLines: 0 })).toEqual({ lines: 1, fulfillments: 1, fulfillmentLines: 1 });
    expect(sizesFor({ lines: 400, fulfillments: 40, fulfillmentLines: 90 })).toEqual(DEFAULT_SNAPSHOT_SIZES);
  });
});
