/**
 * Decision 190: the policy editor adds a blocked customer as "the customer of order #…" and shows blocked
 * customers by name or by their order, never by Shopify id. Against the in-process stand-in at protected
 * customer data level 1 (no names), on SQLite.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "~/db/test-db";
import { createRepos } from "~/db";
import type { AdminClient } from "~/shopify/admin-client";
import { startStandinWithAdmin } from "~/test/standin-admin";
import type { Standin } from "../../../standin";
import { blockedCustomerLabels, customerOfOrder } from "./blocklist";

const SHOP = "demo-returns.myshopify.com";
const clock = new Date("2026-11-20T01:00:00Z");

let db: TestDatabase;
let standin: Standin;
let admin: AdminClient;

beforeAll(async () => {
  db = await createTestDatabase();
  ({ standin, admin } = await startStandinWithAdmin({}, { sleep: async () => {}, retry: { maxAttempts: 2 } }));
});

afterAll(async () => {
  await standin?.close();
  await db?.cleanup();
});

describe("the blocklist in the policy editor", () => {
  it("finds the customer of an order by its number; without name access it is the customer of that order", async () => {
    const o = [...standin.store.orders.values()].find((x) => x.customerId)!;
    const found = await customerOfOrder({ admin }, ` ${o.name.replace("#", "")} `);
    expect(found).toEqual({ ok: true, customer: { id: o.customerId, label: `Customer of ${o.name}` } });
    expect(await customerOfOrder({ admin }, "#999999")).toEqual({ ok: false, status: 404, field: "orderName", message: "No order #999999 in this store" });
    expect(await customerOfOrder({ admin }, "  ")).toMatchObject({ ok: false, status: 422, field: "orderName", message: "Enter an order number, like #1001" });
    const guest = [...standin.store.orders.values()].find((x) => !x.customerId);
    if (guest) expect(await customerOfOrder({ admin }, guest.name)).toMatchObject({ ok: false, status: 422, message: expect.stringContaining("without a customer account") });
  });

  it("names blocked customers from the requests the app keeps, never by id", async () => {
    const repos = createRepos(db.prisma);
    const base = { orderId: "gid://shopify/Order/1", currency: "NZD", lines: [{ lineItemId: "gid://shopify/LineItem/1", title: "Item", quantity: 1, reason: "UNWANTED", eligible: true }] };
    await repos.returnRequests.create(SHOP, { ...base, idempotencyKey: "a", orderName: "#1001", customerId: "gid://shopify/Customer/7", now: new Date("2026-11-01T00:00:00Z") });
    await repos.returnRequests.create(SHOP, { ...base, idempotencyKey: "b", orderName: "#1038", customerId: "gid://shopify/Customer/7", now: clock });
    await repos.returnRequests.create(SHOP, { ...base, idempotencyKey: "c", orderName: "#1040", customerId: "gid://shopify/Customer/8", customerDisplayName: "Ana Ruiz", now: clock });
    // another shop's request says nothing about this shop's customers
    await repos.returnRequests.create("other.myshopify.com", { ...base, idempotencyKey: "d", orderName: "#2000", customerId: "gid://shopify/Customer/9", now: clock });
    const labels = await blockedCustomerLabels({ repos }, SHOP, ["gid://shopify/Customer/7", "gid://shopify/Customer/8", "gid://shopify/Customer/9"]);
    expect(labels).toEqual({
      "gid://shopify/Customer/7": "Customer of #1038",
      "gid://shopify/Customer/8": "Ana Ruiz",
      "gid://shopify/Customer/9": "A customer with no order the app can read (3)",
    });
    for (const l of Object.values(labels)) expect(l).not.toMatch(/gid:|Customer\/\d/);
  });

  it("a blocked customer the app has no request from is named by their last order at Shopify, in one read", async () => {
    const repos = createRepos(db.prisma);
    const mine = (id: string) => [...standin.store.orders.values()].filter((o) => o.customerId === id);
    const id = [...standin.store.customers.keys()].find((c) => mine(c).length > 1 && c !== "gid://shopify/Customer/7" && c !== "gid://shopify/Customer/8")!;
    const last = mine(id).sort((a, b) => Date.parse(a.processedAt) - Date.parse(b.processedAt)).at(-1)!;
    const calls: string[] = [];
    const counting = new Proxy(admin, {
      get: (t, p, r) => (p === "request" ? (doc: string, ...rest: unknown[]) => (calls.push(/query\s+(\w+)/.exec(doc)![1]!), (t.request as (...a: unknown[]) => unknown)(doc, ...rest)) : Reflect.get(t, p, r)),
    });
    const labels = await blockedCustomerLabels({ repos, admin: counting }, SHOP, [id, "gid://shopify/Customer/7"]);
    expect(labels).toEqual({ [id]: `Customer of ${last.name}`, "gid://shopify/Customer/7": "Customer of #1038" });
    expect(calls).toEqual(["BlockedCustomers"]);
    // everyone known from the app's requests: no read at all
    calls.length = 0;
    await blockedCustomerLabels({ repos, admin: counting }, SHOP, ["gid://shopify/Customer/7"]);
    expect(calls).toEqual([]);
  });
});
