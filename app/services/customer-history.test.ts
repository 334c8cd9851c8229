// The customer's history for screening (decision 190), counted from the app's own records on a real
// migrated database (SQLite; PostgreSQL when DATABASE_URL says so), scoped by shop and window.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRepos, type CreateReturnRequestInput, type Repos } from "~/db";
import { createTestDatabase, type TestDatabase } from "~/db/test-db";
import { parsePolicy, presets, screen, type PolicyInput } from "~/returns";
import { customerHistoryFor } from "./customer-history";

const A = "shop-a.myshopify.com";
const B = "shop-b.myshopify.com";
const ADA = "gid://shopify/Customer/7";
const NOW = new Date("2026-06-01T00:00:00.000Z");
const daysAgo = (d: number) => new Date(NOW.getTime() - d * 86_400_000);

let db: TestDatabase;
let repos: Repos;
beforeAll(async () => {
  db = await createTestDatabase();
  repos = createRepos(db.prisma);
});
afterAll(() => db.cleanup());

let n = 0;
function request(over: Partial<CreateReturnRequestInput> & { units?: number }): CreateReturnRequestInput {
  const { units = 1, ...rest } = over;
  n++;
  return {
    idempotencyKey: `k-${n}`,
    orderId: `gid://shopify/Order/${n}`,
    orderName: `#${n}`,
    customerId: ADA,
    currency: "NZD",
    refundMinor: 2_500,
    lines: [{ lineItemId: `gid://shopify/LineItem/${n}`, title: "Mug", quantity: units, reason: "UNWANTED", eligible: true }],
    now: daysAgo(10),
    ...rest,
  };
}

const policy = parsePolicy({
  ...structuredClone(presets["standard-30-day"]),
  history: { windowDays: 90, hold: { maxRequests: 3, maxRefunded: { NZD: "50.00" } } },
} as PolicyInput);

describe(`customer history on ${process.env.DATABASE_URL?.startsWith("postgres") ? "postgresql" : "sqlite"}`, () => {
  it("counts requests, units and refunds in the window, per currency, for this shop and customer only", async () => {
    await repos.returnRequests.create(A, request({ status: "refunded", units: 2 }));
    await repos.returnRequests.create(A, request({ status: "credited", refundMinor: 3_001 }));
    await repos.returnRequests.create(A, request({ status: "refunded", currency: "USD", refundMinor: 1_000 }));
    await repos.returnRequests.create(A, request({ status: "requested", refundMinor: 9_999 })); // not refunded yet
    await repos.returnRequests.create(A, request({ status: "cancelled", units: 5 })); // withdrawn
    await repos.returnRequests.create(A, request({ status: "refunded", now: daysAgo(91) })); // before the window
    await repos.returnRequests.create(A, request({ customerId: "gid://shopify/Customer/8", status: "refunded" }));
    await repos.returnRequests.create(B, request({ status: "refunded", units: 9 }));

    const h = await customerHistoryFor(repos, A, policy, { customerId: ADA, customerOrders: 12 }, NOW);
    expect(h).toEqual({ id: ADA, emailDomain: null, orders: 12, requests: 4, units: 5, refunded: { NZD: "55.01", USD: "10.00" } });
    // the e-mail's domain, when the order read asked for it (approved for e-mail, a policy blocks domains)
    expect((await customerHistoryFor(repos, A, policy, { customerId: ADA, customerOrders: 12, customerEmailDomain: "example.co.nz" }, NOW))?.emailDomain).toBe("example.co.nz");
    // The fifth request is "more than 3"; 55.01 NZD is above 50.00 NZD; USD is not converted.
    expect(screen(policy.history, h, { units: 1 }).findings.map((f) => f.code)).toEqual(["REQUESTS_ABOVE", "REFUNDED_ABOVE"]);
  });

  it("reads nothing for a guest or a policy that screens nothing", async () => {
    expect(await customerHistoryFor(repos, A, policy, { customerId: null }, NOW)).toBeNull();
    expect(await customerHistoryFor(repos, A, presets["standard-30-day"], { customerId: ADA }, NOW)).toBeNull();
  });
});
