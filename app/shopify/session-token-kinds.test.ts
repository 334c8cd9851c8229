/**
 * A session token opens only the side of the app it was issued for, and only while it expires: staff
 * screens take admin (App Bridge) tokens only, the shopper API customer account tokens only, both
 * with `exp`, and the shopper API's audience must be the app. Tokens are signed with the app's real
 * secret (as Shopify signs both kinds), through the real route loaders/actions, against the
 * in-process stand-in and a fresh database.
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRepos } from "~/db";
import { type TestDatabase } from "~/db/test-db";
import { startInstalledApp } from "~/test/installed-app";
import { loadRoutes, testAppCredentials } from "~/test/app-under-test";
import { type Standin, type OrderRec } from "../../standin";
import { adminSessionClaims, customerSessionClaims, signJwt, type Claims } from "../../standin/testing";

const { apiKey: API_KEY, apiSecret: SECRET, appUrl: APP_URL } = testAppCredentials("token-kinds");
const ALEX = "gid://shopify/Customer/1";
const SAM = "gid://shopify/Customer/2";

type Fn = (args: LoaderFunctionArgs) => Promise<unknown>;
let db: TestDatabase;
let standin: Standin;
let staff: Record<"app" | "queue" | "detail" | "home", Fn>;
let shopper: Record<"overview" | "submit", Fn>;
let samsRequestId: string;
let alexOrder: OrderRec;

async function call(fn: Fn, request: Request, params: Record<string, string> = {}): Promise<{ status: number; data?: unknown; location?: string | null }> {
  try {
    const out = await fn({ request, params, context: {} });
    if (out instanceof Response) return { status: out.status, data: await out.clone().json().catch(() => undefined), location: out.headers.get("Location") };
    return { status: 200, data: out };
  } catch (thrown) {
    if (thrown instanceof Response) return { status: thrown.status, location: thrown.headers.get("Location") };
    throw thrown;
  }
}

const now = () => new Date();
const customerToken = (over: Claims = {}, drop: string[] = []) => {
  const claims: Claims = { ...customerSessionClaims(standin.shop, API_KEY, ALEX, now()), ...over };
  for (const k of drop) delete claims[k];
  return signJwt(claims, SECRET);
};
const adminToken = (over: Claims = {}, drop: string[] = []) => {
  const claims: Claims = { ...adminSessionClaims(standin.shop, API_KEY, now()), ...over };
  for (const k of drop) delete claims[k];
  return signJwt(claims, SECRET);
};
const staffFetch = (path: string, token: string) => new Request(`${APP_URL}${path}?shop=${standin.shop}`, { headers: { Authorization: `Bearer ${token}` } });
const shopperCall = (token: string, method = "GET", body?: unknown) =>
  new Request(`${APP_URL}/api/customer/orders/x/returns`, {
    method,
    headers: { Authorization: `Bearer ${token}`, Origin: "https://extensions.shopifycdn.com", "Content-Type": "application/json" },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });

beforeAll(async () => {
  ({ db, standin } = await startInstalledApp({ apiKey: API_KEY, apiSecret: SECRET, appUrl: APP_URL, scopes: "read_orders,write_returns,write_files,read_customers" }));
  const repos = createRepos(db.prisma);
  const { request } = await repos.returnRequests.create(standin.shop, {
    idempotencyKey: randomUUID(),
    orderId: "gid://shopify/Order/999001",
    orderName: "#999001",
    customerId: SAM,
    customerDisplayName: "Sam Jones",
    currency: "NZD",
    refundMinor: 1000,
    lines: [{ lineItemId: "gid://shopify/LineItem/1", title: "Mat", quantity: 1, reason: "UNWANTED", note: "Sam's private note", eligible: true }],
    now: new Date(),
  });
  samsRequestId = request.id;
  alexOrder = ([...standin.store.orders.values()] as OrderRec[]).find((o) => o.customerId === ALEX && o.fulfillments.length > 0)!;
  staff = await loadRoutes({
    app: "app#loader",
    home: "app._index#loader",
    queue: "app.requests._index#loader",
    detail: "app.requests.$id#loader",
  });
  shopper = await loadRoutes({ overview: "api.customer.orders.$orderId.returns#loader", submit: "api.customer.orders.$orderId.returns#action" });
}, 60_000);

afterAll(async () => {
  await standin?.close();
  await db?.cleanup();
});

describe("staff screens take admin session tokens only", () => {
  it("an admin token opens the queue (control)", async () => {
    expect((await call(staff.queue, staffFetch("/app/requests", adminToken()))).status).toBe(200);
  });

  const customerForms: [string, () => string][] = [
    ["dest written https://<shop>", () => customerToken({ dest: `https://${standin.shop}` })],
    ["bare dest (was a 500)", () => customerToken()],
    ["signed-out (no sub)", () => customerToken({ dest: `https://${standin.shop}` }, ["sub"])],
  ];
  it.each(customerForms)("a customer account token (%s) gets 401 on every staff loader, and no data", async (_label, make) => {
    for (const [name, fn, path, params] of [
      ["app", staff.app, "/app", {}],
      ["home", staff.home, "/app", {}],
      ["queue", staff.queue, "/app/requests", {}],
      ["another customer's request", staff.detail, `/app/requests/${samsRequestId}`, { id: samsRequestId }],
    ] as const) {
      const r = await call(fn, staffFetch(path, make()), params);
      expect(r.status, name).toBe(401);
      expect(JSON.stringify(r.data ?? null), name).not.toContain("Sam");
    }
  });

  it("a customer account token as a document's id_token is not taken: the page bounces for a real one", async () => {
    const host = Buffer.from(`admin.shopify.com/store/${standin.shop.split(".")[0]}`).toString("base64url");
    const token = customerToken({ dest: `https://${standin.shop}` });
    const r = await call(staff.queue, new Request(`${APP_URL}/app/requests?embedded=1&shop=${standin.shop}&host=${host}&id_token=${token}`));
    expect(r.status).toBe(302);
    expect(new URL(r.location!, APP_URL).pathname).toBe("/auth/session-token");
  });

  it.each([
    ["without exp", () => adminToken({}, ["exp"])],
    ["whose iss is another shop's admin", () => adminToken({ iss: "https://other-shop.myshopify.com/admin" })],
    ["whose sub is a customer", () => adminToken({ sub: SAM })],
  ])("an admin-looking token %s gets 401", async (_label, make) => {
    expect((await call(staff.queue, staffFetch("/app/requests", make()))).status).toBe(401);
  });
});

describe("the shopper API takes customer account tokens that expire and are addressed to this app", () => {
  const params = () => ({ orderId: alexOrder.id });

  it("a valid customer token reads the overview (control)", async () => {
    expect((await call(shopper.overview, shopperCall(customerToken()), params())).status).toBe(200);
  });

  it.each([
    ["without exp", () => customerToken({}, ["exp"])],
    ["for another app (aud)", () => customerToken({ aud: "another-app" })],
    ["without aud", () => customerToken({}, ["aud"])],
    ["that is a staff admin token", () => adminToken({ sub: ALEX, dest: standin.shop })],
  ])("a token %s is a 401 and nothing is written", async (_label, make) => {
    const before = await db.prisma.returnRequest.count();
    const read = await call(shopper.overview, shopperCall(make()), params());
    expect(read.status).toBe(401);
    expect(read.data).toMatchObject({ error: { code: "unauthorized" } });
    const line = alexOrder.lineItems[0]!;
    const write = await call(shopper.submit, shopperCall(make(), "POST", { idempotencyKey: randomUUID(), resolution: "refund", lines: [{ lineItemId: line.id, quantity: 1, reason: "DEFECTIVE" }] }), params());
    expect(write.status).toBe(401);
    expect(await db.prisma.returnRequest.count()).toBe(before);
  });
});
