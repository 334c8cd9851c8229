import { describe, expect, it } from "vitest";
import { createStore } from "../state/store";
import { seedDemo } from "./demo";
import { orderReturnStatus } from "../state/returns";

const NOW = new Date("2026-11-20T00:00:00Z");

function seeded(now = NOW) {
  const store = createStore("demo-returns.myshopify.com");
  seedDemo(store, now);
  return store;
}

describe("demo seed", () => {
  it("is deterministic for a given now", () => {
    const a = seeded();
    const b = seeded();
    expect(JSON.stringify([...a.orders.values()])).toBe(JSON.stringify([...b.orders.values()]));
    expect(JSON.stringify([...a.returns.values()])).toBe(JSON.stringify([...b.returns.values()]));
  });

  it("has the shop, catalogue and customers the demo needs", () => {
    const s = seeded();
    expect(s.shop).toMatchObject({ myshopifyDomain: "demo-returns.myshopify.com", currencyCode: "NZD", ianaTimezone: "Pacific/Auckland", countryCode: "NZ" });
    expect(s.customers.get("gid://shopify/Customer/1")).toMatchObject({ firstName: "Alex", lastName: "Example" });
    expect(s.customers.size).toBe(10);
    const products = [...s.products.values()];
    expect(products.some((p) => p.productType === "Custom Seat Cover")).toBe(true);
    expect(products.some((p) => p.isGiftCard)).toBe(true);
    for (const tag of ["personal-care", "perishable", "final-sale", "personalised"]) expect(products.some((p) => p.tags.includes(tag))).toBe(true);
  });

  it("has about 50 orders covering the states that matter", () => {
    const s = seeded();
    const orders = [...s.orders.values()];
    expect(orders).toHaveLength(50);
    const day = 86_400_000;
    const delivered = (o: (typeof orders)[number]) => o.fulfillments.find((f) => f.deliveredAt)?.deliveredAt;
    expect(orders.some((o) => o.fulfillments.length === 0)).toBe(true); // unfulfilled
    expect(orders.some((o) => o.fulfillments.some((f) => f.displayStatus === "IN_TRANSIT"))).toBe(true);
    expect(orders.some((o) => { const d = delivered(o); return d && NOW.getTime() - Date.parse(d) <= 2 * day; })).toBe(true); // delivered yesterday-ish
    expect(orders.some((o) => { const d = delivered(o); return d && NOW.getTime() - Date.parse(d) > 90 * day; })).toBe(true); // months ago
    expect(orders.some((o) => o.channel?.handle === "amazon")).toBe(true);
    expect(orders.some((o) => o.presentmentCurrencyCode !== o.currencyCode)).toBe(true);
    expect(orders.some((o) => o.lineItems.some((l) => l.discount > 0))).toBe(true);
    const statuses = new Set(orders.map((o) => orderReturnStatus(s, o)));
    expect([...statuses].sort()).toEqual(["IN_PROGRESS", "NO_RETURN", "RETURNED", "RETURN_REQUESTED"]);
    expect(orders.some((o) => o.refundIds.length > 0)).toBe(true); // partly returned and refunded
    const alex = orders.filter((o) => o.customerId === "gid://shopify/Customer/1");
    expect(alex.filter((o) => o.fulfillments.some((f) => f.deliveredAt)).length).toBeGreaterThanOrEqual(5);
    // order numbers follow creation time
    const byNumber = [...orders].sort((x, y) => x.number - y.number);
    expect(byNumber.map((o) => o.createdAt)).toEqual([...byNumber.map((o) => o.createdAt)].sort());
  });
});
