// The kept order facts (docs/decisions/180) on a real migrated database (SQLite; PostgreSQL when
// DATABASE_URL says so): shop scoping, the updatedAt version guard, webhooks marking a row stale, and
// the units the app's requests hold beyond what a read counted.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRepos, isAnnouncedNewer, type Repos } from "./index";
import { createTestDatabase, type TestDatabase } from "./test-db";

const A = "facts-a.myshopify.com";
const B = "facts-b.myshopify.com";
const ORDER = "gid://shopify/Order/501";
const T0 = new Date("2026-03-01T10:00:00.000Z");
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

let db: TestDatabase;
let repos: Repos;
beforeAll(async () => {
  db = await createTestDatabase();
  repos = createRepos(db.prisma);
});
afterAll(() => db.cleanup());

const write = (version: number, facts: unknown) => ({ orderId: ORDER, customerId: "gid://shopify/Customer/7", shopifyUpdatedAt: at(version), facts, readAt: at(100 + version) });

describe("order facts", () => {
  it("keeps the newest version: an older read never overwrites a newer one; rows are per shop", async () => {
    expect(await repos.orderFacts.put(A, write(5, { v: "five" }))).toBe(true);
    expect(await repos.orderFacts.put(A, write(3, { v: "three" }))).toBe(false);
    expect((await repos.orderFacts.get(A, ORDER))?.facts).toEqual({ v: "five" });
    expect(await repos.orderFacts.put(A, write(5, { v: "five again" }))).toBe(true);
    expect(await repos.orderFacts.put(A, write(8, { v: "eight" }))).toBe(true);
    expect((await repos.orderFacts.get(A, ORDER))?.facts).toEqual({ v: "eight" });
    expect(await repos.orderFacts.get(B, ORDER)).toBeNull();
  });

  it("a webhook announcing a newer updated_at makes the row stale until a read at least that new", async () => {
    const row = () => repos.orderFacts.get(A, ORDER).then((r) => r!);
    expect(isAnnouncedNewer(await row())).toBe(false);
    expect(await repos.orderFacts.announce(A, ORDER, at(8))).toBe(false); // the version the row holds
    expect(await repos.orderFacts.announce(A, ORDER, at(10))).toBe(true);
    expect(await repos.orderFacts.announce(A, ORDER, at(9))).toBe(false); // out of order: the newer one stays
    expect((await row()).announcedUpdatedAt).toEqual(at(10));
    expect(isAnnouncedNewer(await row())).toBe(true);
    await repos.orderFacts.put(A, write(9, { v: "nine" })); // a read that started before the change
    expect(isAnnouncedNewer(await row())).toBe(true);
    await repos.orderFacts.put(A, write(10, { v: "ten" }));
    expect(isAnnouncedNewer(await row())).toBe(false);
    expect(await repos.orderFacts.announce(B, ORDER, at(20))).toBe(false); // no row: nothing to mark
  });

  it("counts the units of requests a read did not count: awaiting a Return, or with a Return made since", async () => {
    const make = async (key: string, quantity: number, returnId: string | null, status: "requested" | "declined" = "requested") => {
      await repos.returnRequests.create(A, {
        idempotencyKey: key,
        orderId: ORDER,
        orderName: "#501",
        customerId: "gid://shopify/Customer/7",
        currency: "EUR",
        refundMinor: 100,
        verdict: {},
        policyVersion: null,
        status,
        shopifyReturnId: returnId,
        lines: [{ lineItemId: "gid://shopify/LineItem/1", title: "Mug", quantity, reason: "UNWANTED", eligible: true, refundMinor: 100 }],
        now: T0,
      });
    };
    await make("k-seen", 1, "gid://shopify/Return/1");
    await make("k-since", 2, "gid://shopify/Return/2");
    await make("k-waiting", 3, null);
    await make("k-declined", 4, null, "declined");
    expect(await repos.orderFacts.returnsOnOrder(A, ORDER)).toEqual(["gid://shopify/Return/1", "gid://shopify/Return/2"]);
    const beyond = await repos.orderFacts.unitsBeyond(A, ORDER, ["gid://shopify/Return/1"]);
    expect(beyond.awaiting).toEqual(new Map([["gid://shopify/LineItem/1", 3]]));
    expect(beyond.madeSince).toEqual(new Map([["gid://shopify/LineItem/1", 2]]));
  });

  it("customers/redact and shop/redact forget the facts", async () => {
    await repos.orderFacts.put(B, { ...write(1, {}), orderId: "gid://shopify/Order/777", customerId: "gid://shopify/Customer/9" });
    expect(await repos.orderFacts.deleteForCustomer(B, "gid://shopify/Customer/9")).toBe(1);
    const deleted = await repos.compliance.deleteShop(A);
    expect(deleted.OrderFacts).toBe(1);
    expect(await repos.orderFacts.get(A, ORDER)).toBeNull();
  });
});
