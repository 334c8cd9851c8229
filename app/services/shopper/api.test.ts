/**
 * The shopper API through its real Remix routes: real customer account session tokens minted by the
 * stand-in (signed with the app secret), the library's authenticate.public.customerAccount, the
 * Admin API of the in-process stand-in (SHOPIFY_ADMIN_ORIGIN), and a fresh migrated database
 * (SQLite, or PostgreSQL when DATABASE_URL says so).
 */
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestDatabase } from "~/db/test-db";
import { createRepos } from "~/db";
import { parseStoredVerdict } from "~/returns";
import { AdminClient, offlineTransport } from "~/shopify/admin-client";
import { ShopperError, submitReturnRequest } from "~/services/shopper";
import type { SubmitBody } from "~/services/shopper/schemas";
import { openReturnLater } from "~/services/shopper/submit";
import { type Standin, type OrderRec } from "../../../standin";
// The extension's own client types: the answers must fit the contract it compiles against.
import type { ApiErrorBody, PreviewResult, ReturnRequest, ReturnsOverview } from "../../../extensions/customer-returns/src/api";
import { saveManualApprovalPolicy, startInstalledApp } from "~/test/installed-app";
import { loadRoutes, testAppCredentials } from "~/test/app-under-test";
import { customerSessionClaims, signJwt } from "../../../standin/testing";

type ErrorBody = { error: ApiErrorBody };
type RequestBody = { request: ReturnRequest };

const { apiKey: API_KEY, apiSecret: SECRET, appUrl: APP_URL } = testAppCredentials("shopper-api");
const ORIGIN = "https://extensions.shopifycdn.com";
const ALEX = "gid://shopify/Customer/1";
const OTHER = "gid://shopify/Customer/2";

type Fn = (args: LoaderFunctionArgs | ActionFunctionArgs) => Promise<Response>;
let db: TestDatabase;
let standin: Standin;
let routes: Record<"returnsLoader" | "returnsAction" | "previewLoader" | "previewAction" | "cancelLoader" | "cancelAction" | "uploadsLoader" | "uploadsAction", Fn>;

beforeAll(async () => {
  ({ db, standin } = await startInstalledApp({ apiKey: API_KEY, apiSecret: SECRET, appUrl: APP_URL, scopes: "read_orders,write_returns,write_files" }));
  await saveManualApprovalPolicy(db, standin.shop);
  routes = await loadRoutes({
    returnsLoader: "api.customer.orders.$orderId.returns#loader",
    returnsAction: "api.customer.orders.$orderId.returns#action",
    previewLoader: "api.customer.orders.$orderId.returns.preview#loader",
    previewAction: "api.customer.orders.$orderId.returns.preview#action",
    cancelLoader: "api.customer.returns.$requestId.cancel#loader",
    cancelAction: "api.customer.returns.$requestId.cancel#action",
    uploadsLoader: "api.customer.uploads#loader",
    uploadsAction: "api.customer.uploads#action",
  });
}, 60_000);

afterAll(async () => {
  await standin?.close();
  await db?.cleanup();
});

const orders = () => [...standin.store.orders.values()] as OrderRec[];
const hasProduct = (o: OrderRec, n: number) => o.lineItems.some((l) => l.productId === `gid://shopify/Product/${n}`);
function order(pred: (o: OrderRec) => boolean): OrderRec {
  const o = orders().find(pred);
  if (!o) throw new Error("no such seeded order");
  return o;
}
// Alex's order delivered a day ago: floor mats (103) + straws (209 x2)
const mats = () => order((o) => o.customerId === ALEX && hasProduct(o, 103) && hasProduct(o, 209));
// Alex's order with a gift card (105) and floor mats (103)
const giftCardOrder = () => order((o) => o.customerId === ALEX && hasProduct(o, 105));
// Alex's order with bottle (203) + tote (207)
const bottleOrder = () => order((o) => o.customerId === ALEX && hasProduct(o, 203) && hasProduct(o, 207));
const someoneElses = () => order((o) => o.customerId === OTHER && o.fulfillments.length > 0);
const lineOf = (o: OrderRec, product: number) => o.lineItems.find((l) => l.productId === `gid://shopify/Product/${product}`)!.id;

function call(fn: Fn, path: string, init: { method?: string; token?: string | null; body?: unknown; headers?: Record<string, string> }, params: Record<string, string>) {
  const headers: Record<string, string> = { Origin: ORIGIN, ...init.headers };
  const token = init.token === undefined ? standin.mintCustomerSessionToken({ customerId: ALEX }) : init.token;
  if (token) headers.Authorization = `Bearer ${token}`;
  if (init.body !== undefined) headers["Content-Type"] = "application/json";
  const request = new Request(`${APP_URL}${path}`, {
    method: init.method ?? "GET",
    headers,
    ...(init.body !== undefined ? { body: typeof init.body === "string" ? init.body : JSON.stringify(init.body) } : {}),
  });
  return fn({ request, params, context: {} });
}

const overview = (orderId: string, token?: string | null, headers?: Record<string, string>) =>
  call(routes.returnsLoader, `/api/customer/orders/${encodeURIComponent(orderId)}/returns`, { token, headers }, { orderId });
const submit = (orderId: string, body: unknown, token?: string | null) =>
  call(routes.returnsAction, `/api/customer/orders/${encodeURIComponent(orderId)}/returns`, { method: "POST", token, body }, { orderId });
const preview = (orderId: string, body: unknown, token?: string | null) =>
  call(routes.previewAction, `/api/customer/orders/${encodeURIComponent(orderId)}/returns/preview`, { method: "POST", token, body }, { orderId });
const cancel = (requestId: string, token?: string | null) =>
  call(routes.cancelAction, `/api/customer/returns/${requestId}/cancel`, { method: "POST", token, body: {} }, { requestId });

const ALL_CONDITIONS = ["unused", "tags_attached", "original_packaging"];
const matsBody = (key = randomUUID()) => ({
  idempotencyKey: key,
  lines: [{ lineItemId: lineOf(mats(), 103), quantity: 1, reason: "UNWANTED", conditions: ALL_CONDITIONS, photos: [], note: "Wrong size for my ute" }],
  resolution: "refund",
});
const shopifyReturnsOf = (o: OrderRec) => standin.store.orders.get(o.id)!.returnIds.map((id) => standin.store.returns.get(id)!);
const requestCount = () => db.prisma.returnRequest.count();

function tamper(token: string): string {
  const [h, p, s] = token.split(".") as [string, string, string];
  const payload = JSON.parse(Buffer.from(p, "base64url").toString("utf8")) as Record<string, unknown>;
  payload.sub = ALEX; // another customer's token, rewritten to claim Alex's orders
  return `${h}.${Buffer.from(JSON.stringify(payload)).toString("base64url")}.${s}`;
}

describe("auth and CORS", () => {
  it("answers the CORS preflight without a token on every route (Remix sends OPTIONS to the loader)", async () => {
    const loaders: [Fn, string][] = [
      [routes.returnsLoader, "/api/customer/orders/1/returns"],
      [routes.previewLoader, "/api/customer/orders/1/returns/preview"],
      [routes.cancelLoader, "/api/customer/returns/x/cancel"],
      [routes.uploadsLoader, "/api/customer/uploads"],
    ];
    for (const [fn, path] of loaders) {
      const res = await call(fn, path, { method: "OPTIONS", token: null, headers: { "Access-Control-Request-Method": "POST" } }, { orderId: "1", requestId: "x" });
      expect(res.status, path).toBe(204);
      expect(res.headers.get("Access-Control-Allow-Origin")).toBe("*");
      expect(res.headers.get("Access-Control-Allow-Headers")).toMatch(/Authorization/);
    }
  });

  it("POST-only routes answer GET with 405 once authenticated, 401 before", async () => {
    expect((await call(routes.previewLoader, "/api/customer/orders/1/returns/preview", {}, { orderId: "1" })).status).toBe(405);
    expect((await call(routes.uploadsLoader, "/api/customer/uploads", { token: null }, {})).status).toBe(401);
  });

  it("refuses a tampered token (sub swapped) with 401 and CORS headers, and writes nothing", async () => {
    const before = await requestCount();
    const returns = shopifyReturnsOf(mats()).length;
    const res = await submit(mats().id, matsBody(), tamper(standin.mintCustomerSessionToken({ customerId: OTHER })));
    expect(res.status).toBe(401);
    expect(res.headers.get("Access-Control-Allow-Origin")).toBe("*");
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("unauthorized");
    expect(await requestCount()).toBe(before);
    expect(shopifyReturnsOf(mats())).toHaveLength(returns);
  });

  it("refuses a missing token, a token signed with another secret and an expired token with 401", async () => {
    expect((await overview(mats().id, null)).status).toBe(401);
    const forged = standin.mintCustomerSessionToken({ customerId: ALEX }).split(".");
    forged[2] = Buffer.from("x".repeat(32)).toString("base64url");
    expect((await overview(mats().id, forged.join("."))).status).toBe(401);
    const [h, p] = standin.mintCustomerSessionToken({ customerId: ALEX }).split(".") as [string, string];
    const claims = JSON.parse(Buffer.from(p, "base64url").toString()) as Record<string, number>;
    claims.exp = Math.floor(Date.now() / 1000) - 600;
    claims.iat = claims.nbf = claims.exp - 300;
    const { createHmac } = await import("node:crypto");
    const body = Buffer.from(JSON.stringify(claims)).toString("base64url");
    const sig = createHmac("sha256", SECRET).update(`${h}.${body}`).digest("base64url");
    expect((await overview(mats().id, `${h}.${body}.${sig}`)).status).toBe(401);
  });
});

describe("signed out (a valid session token without sub)", () => {
  // What Shopify gives an extension on the pre-authenticated order status page (opened from an email link):
  // dest and aud, no customer. Signed with the app secret like any other.
  const signedOut = () => {
    const claims = customerSessionClaims(standin.shop, API_KEY, ALEX, new Date());
    delete claims.sub;
    return signJwt(claims, SECRET);
  };

  it("every route answers 401 sign_in_required (not unauthorized), with CORS, reading and writing nothing", async () => {
    const before = await requestCount();
    const operations: string[] = [];
    const take = standin.faults.take.bind(standin.faults);
    standin.faults.take = (op, q) => (operations.push(op ?? ""), take(op, q));
    try {
      const answers = [
        await overview(mats().id, signedOut()),
        await preview(mats().id, { lines: [{ ...matsBody().lines[0]!, photos: 0 }] }, signedOut()),
        await submit(mats().id, matsBody(), signedOut()),
        await cancel("any", signedOut()),
        await call(routes.uploadsAction, "/api/customer/uploads", { method: "POST", token: signedOut(), body: { filename: "a.jpg", mimeType: "image/jpeg", fileSize: 10 } }, {}),
      ];
      for (const res of answers) {
        expect(res.status).toBe(401);
        expect(res.headers.get("Access-Control-Allow-Origin")).toBe("*");
        expect(((await res.json()) as ErrorBody).error).toEqual({ code: "sign_in_required", message: "Sign in to your account to see returns for this order" });
      }
    } finally {
      standin.faults.take = take;
    }
    expect(operations).toEqual([]);
    expect(await requestCount()).toBe(before);
    // a bad token stays "unauthorized": only a genuine token without a customer asks for sign-in
    const forged = signedOut().split(".");
    forged[2] = "x" + forged[2]!.slice(1);
    expect(((await (await overview(mats().id, forged.join("."))).json()) as ErrorBody).error.code).toBe("unauthorized");
  });
});

describe("ownership", () => {
  it("another customer's order is a 404 for overview, preview and submit, and nothing is written", async () => {
    const theirs = someoneElses();
    const before = await requestCount();
    const returns = shopifyReturnsOf(theirs).length;
    const events = await db.prisma.returnEvent.count();
    expect((await overview(theirs.id)).status).toBe(404);
    const line = theirs.lineItems[0]!.id;
    const draft = { lineItemId: line, quantity: 1, reason: "DEFECTIVE", conditions: [], note: "" };
    expect((await preview(theirs.id, { lines: [{ ...draft, photos: 0 }] })).status).toBe(404);
    const res = await submit(theirs.id, { idempotencyKey: randomUUID(), lines: [{ ...draft, photos: [] }], resolution: "refund" });
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("not_found");
    expect(await requestCount()).toBe(before);
    expect(await db.prisma.returnEvent.count()).toBe(events);
    expect(shopifyReturnsOf(theirs)).toHaveLength(returns);
  });

  it("an unknown order and a malformed id are the same 404", async () => {
    expect((await overview("gid://shopify/Order/999999")).status).toBe(404);
    expect((await overview("not-an-id")).status).toBe(404);
  });
});

describe("overview", () => {
  it("lists the returnable lines of the customer's own order (numeric id or gid)", async () => {
    const o = mats();
    for (const id of [o.id, o.id.split("/").pop()!]) {
      const res = await overview(id);
      expect(res.status).toBe(200);
      expect(res.headers.get("Access-Control-Allow-Origin")).toBe("*");
      const body = (await res.json()) as ReturnsOverview;
      expect(body.order).toEqual({ id: o.id, name: o.name, currency: "NZD" });
      expect(body.canRequest).toBe(true);
      const line = body.lines.find((l) => l.lineItemId === lineOf(o, 103))!;
      expect(line).toMatchObject({ title: "All-Weather Floor Mats (set of 4)", quantityLeft: 1, unitPrice: "89.00" });
      expect(line.deadline).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      const unwanted = line.reasons.find((r) => r.code === "UNWANTED")!;
      expect(unwanted).toMatchObject({ label: "Changed my mind", minPhotos: 0 });
      expect(unwanted.conditions.length).toBeGreaterThan(0);
      for (const c of unwanted.conditions) expect(ALL_CONDITIONS).toContain(c);
      expect(body.resolutions.map((r) => r.code)).toContain("refund");
      expect(Array.isArray(body.requests)).toBe(true);
    }
  });

  it("localises explanations by Accept-Language", async () => {
    const res = await overview(giftCardOrder().id, undefined, { "Accept-Language": "fr-FR,fr;q=0.9,en;q=0.5" });
    const body = (await res.json()) as ReturnsOverview;
    const gift = body.lines.find((l) => l.title === "EKR Gift Card")!;
    expect(gift.quantityLeft).toBe(0);
    expect(gift.reasons).toEqual([]);
    expect(gift.note).toMatch(/cartes-cadeaux/);
  });
});

describe("preview", () => {
  it("gives per-line verdicts and the refund of what was paid", async () => {
    const o = bottleOrder();
    const res = await preview(o.id, {
      lines: [
        { lineItemId: lineOf(o, 203), quantity: 1, reason: "DEFECTIVE", conditions: [], photos: 1, note: "" },
        { lineItemId: lineOf(o, 207), quantity: 1, reason: "UNWANTED", conditions: ALL_CONDITIONS, photos: 0, note: "" },
      ],
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as PreviewResult;
    expect(body.lines[0]).toMatchObject({ lineItemId: lineOf(o, 203), eligible: true, codes: [] });
    expect(body.lines[1]).toMatchObject({ lineItemId: lineOf(o, 207), eligible: false });
    expect(body.lines[1]!.codes).toContain("FINAL_SALE");
    expect(body.lines[1]!.explanation).not.toBe("");
    expect(body.eligible).toBe(false);
    expect(body.refund).toEqual({ amount: "35.00", currency: "NZD" });
    // store credit is offered: what it gives, with the policy's bonus (none in this policy) (decision 220)
    expect((body as PreviewResult & { storeCredit?: unknown }).storeCredit).toEqual({ amount: "35.00", bonus: "0.00", currency: "NZD" });
  });
});

describe("submit", () => {
  it("names the bad field and writes nothing on invalid input", async () => {
    const before = await requestCount();
    const bad = matsBody();
    (bad.lines[0] as { quantity: number }).quantity = 0;
    const res = await submit(mats().id, bad);
    expect(res.status).toBe(400);
    const body = (await res.json()) as ErrorBody;
    expect(body.error).toMatchObject({ code: "invalid", field: "lines[0].quantity" });
    expect(body.error.message).toMatch(/at least 1/);
    const res2 = await submit(mats().id, { ...matsBody(), resolution: "cash" });
    expect(((await res2.json()) as ErrorBody).error.field).toBe("resolution");
    const res3 = await submit(mats().id, "{not json");
    expect(res3.status).toBe(400);
    expect(await requestCount()).toBe(before);
  });

  it("a note longer than Shopify keeps (300 characters) is refused naming lines[0].note, before anything is stored or sent to Shopify", async () => {
    const o = mats();
    const before = await requestCount();
    const returnsBefore = shopifyReturnsOf(o).length;
    for (const length of [301, 1000]) {
      const body = matsBody();
      body.lines[0]!.note = "n".repeat(length);
      const res = await submit(o.id, body);
      expect(res.status, `${length} characters`).toBe(400);
      expect(((await res.json()) as ErrorBody).error).toEqual({ code: "invalid", field: "lines[0].note", message: "must be at most 300 characters" });
      const pre = await preview(o.id, { lines: [{ ...body.lines[0]!, photos: 0 }] });
      expect(((await pre.json()) as ErrorBody).error.field).toBe("lines[0].note");
    }
    expect(await requestCount()).toBe(before);
    expect(await db.prisma.returnRequest.count({ where: { shopifyReturnId: null } })).toBe(0);
    expect(shopifyReturnsOf(o)).toHaveLength(returnsBefore);
  });

  it("an ineligible line gets 422 with per-line explanations, and nothing is written", async () => {
    const o = giftCardOrder();
    const before = await requestCount();
    const res = await submit(o.id, {
      idempotencyKey: randomUUID(),
      lines: [
        { lineItemId: lineOf(o, 103), quantity: 1, reason: "DEFECTIVE", conditions: [], photos: [], note: "" },
        { lineItemId: lineOf(o, 105), quantity: 1, reason: "UNWANTED", conditions: ALL_CONDITIONS, photos: [], note: "" },
      ],
      resolution: "refund",
    });
    expect(res.status).toBe(422);
    const body = (await res.json()) as ErrorBody & { lines: PreviewResult["lines"] };
    expect(body.error).toMatchObject({ code: "ineligible", field: "lines[0]" });
    expect(body.lines).toHaveLength(2);
    expect(body.lines[1]).toMatchObject({ lineItemId: lineOf(o, 105), eligible: false });
    expect(body.lines[1]!.codes).toContain("GIFT_CARD");
    expect(body.lines[1]!.explanation).toMatch(/Gift cards/);
    expect(await requestCount()).toBe(before);
    expect(shopifyReturnsOf(o)).toHaveLength(0);
  });

  it("a double submit (sequential and concurrent) makes one request and one Shopify Return", async () => {
    const o = mats();
    const before = shopifyReturnsOf(o).length;
    const body = matsBody();
    const first = await submit(o.id, body);
    expect(first.status).toBe(201);
    const created = ((await first.json()) as RequestBody).request;
    expect(created).toMatchObject({ status: "requested", canCancel: true, lines: [{ lineItemId: lineOf(o, 103), quantity: 1, reason: "Changed my mind" }] });
    const again = await submit(o.id, body);
    expect(again.status).toBe(200);
    expect(((await again.json()) as RequestBody).request.id).toBe(created.id);
    expect(await db.prisma.returnRequest.count({ where: { idempotencyKey: body.idempotencyKey } })).toBe(1);
    expect(shopifyReturnsOf(o)).toHaveLength(before + 1);
    // the key replayed by another customer, or for another order, shows nothing of the request
    const stranger = await submit(o.id, body, standin.mintCustomerSessionToken({ customerId: OTHER }));
    expect(stranger.status).toBe(409);
    const strangerBody = (await stranger.json()) as ErrorBody & { request?: unknown };
    expect(strangerBody.error).toMatchObject({ code: "idempotency_conflict", field: "idempotencyKey" });
    expect(strangerBody.request).toBeUndefined();
    const otherOrder = orders().find((x) => x.customerId === ALEX && x.id !== o.id)!;
    expect((await submit(otherOrder.id, body)).status).toBe(409);
    const stored = await db.prisma.returnRequest.findFirstOrThrow({ where: { id: created.id } });
    expect(stored.policyVersion).toBe(1);
    expect(stored.status).toBe("requested"); // manual approval: waits for staff
    expect(stored.refundMinor).toBe(8900n);
    expect(stored.shopifyReturnId).toBe(shopifyReturnsOf(o).at(-1)!.id);
    // protected customer data level 1 (the stand-in's default): Shopify refuses the customer's name and the
    // request is made without it (the queue then says "Customer of <order>"; with level 2 names it shows the
    // name: order-snapshot.test.ts)
    expect(stored.customerId).toBe(ALEX);
    expect(stored.customerDisplayName).toBeNull();
    // the engine's rule-by-rule check is kept per line for the staff detail page
    const viaRepo = await createRepos(db.prisma).returnRequests.findById(standin.shop, created.id);
    // the stored verdict is one the core's parser reads: what was asked, the policy, the trace, the plan
    const verdict = parseStoredVerdict(viaRepo!.verdict);
    expect(verdict).toMatchObject({ locale: "en", requestedResolution: body.resolution, policyVersion: 1, policySource: "earliest" }); // the orders predate the saved policy
    expect(verdict.requestFingerprint).toEqual(expect.any(String));
    expect(verdict.plan?.returnLineItems).toHaveLength(1);
    const vLine = verdict.lines![0]!;
    expect(vLine.lineItemId).toBe(lineOf(o, 103));
    expect(vLine.trace!.length).toBeGreaterThan(0);
    expect(vLine.trace!.every((t) => typeof t.rule === "string" && typeof t.pass === "boolean")).toBe(true);
    const ret = shopifyReturnsOf(o).at(-1)!;
    expect(ret.status).toBe("REQUESTED");
    // the fulfillment line item of the mats, the reason definition matching the engine's handle, the note
    const changedMyMind = standin.store.returnReasonDefinitions.find((d) => d.handle === "changed-my-mind")!.id;
    expect(ret.lines).toEqual([
      expect.objectContaining({
        fulfillmentLineItemId: o.fulfillments[0]!.lines.find((l) => l.lineItemId === lineOf(o, 103))!.id,
        quantity: 1,
        returnReasonDefinitionId: changedMyMind,
        customerNote: "Wrong size for my ute",
      }),
    ]);

    // concurrent: both race past the key lookup
    const o2 = mats();
    const before2 = shopifyReturnsOf(o2).length;
    const body2 = {
      idempotencyKey: randomUUID(),
      lines: [{ lineItemId: lineOf(o2, 209), quantity: 2, reason: "UNWANTED", conditions: ALL_CONDITIONS, photos: [], note: "" }],
      resolution: "refund",
    };
    const [a, b] = await Promise.all([submit(o2.id, body2), submit(o2.id, body2)]);
    expect([a.status, b.status].sort()).toEqual([200, 201]);
    const ids = [((await a.json()) as RequestBody).request.id, ((await b.json()) as RequestBody).request.id];
    expect(ids[0]).toBe(ids[1]);
    expect(await db.prisma.returnRequest.count({ where: { idempotencyKey: body2.idempotencyKey } })).toBe(1);
    expect(shopifyReturnsOf(o2)).toHaveLength(before2 + 1);
  });

  it("when Shopify refuses the Return, answers 502, keeps the request (its units held from other keys), and the same key retries it into one Return", async () => {
    const o = giftCardOrder(); // its floor mats line; the gift card line stays out of it
    const body = {
      idempotencyKey: randomUUID(),
      lines: [{ lineItemId: lineOf(o, 103), quantity: 1, reason: "UNWANTED", conditions: ALL_CONDITIONS, photos: [], note: "" }],
      resolution: "store_credit",
    };
    standin.faults.inject({ operationName: "ReturnRequest", kind: "userErrors", times: 1 });
    const first = await submit(o.id, body);
    expect(first.status).toBe(502);
    expect(((await first.json()) as ErrorBody).error.code).toBe("shopify_error");
    const stored = await db.prisma.returnRequest.findFirstOrThrow({ where: { idempotencyKey: body.idempotencyKey } });
    expect(stored.shopifyReturnId).toBeNull();
    expect(stored.lastError).toMatch(/userErrors/);
    expect(shopifyReturnsOf(o)).toHaveLength(0);

    // Shopify still counts that unit returnable, but the stored request holds it: another key
    // asking for every unit of the line is refused, naming the line, and stores nothing.
    const units = o.lineItems.find((l) => l.id === lineOf(o, 103))!.quantity;
    const other = await submit(o.id, { ...body, idempotencyKey: randomUUID(), lines: [{ ...body.lines[0]!, quantity: units }] });
    expect(other.status).toBe(422);
    expect(((await other.json()) as ErrorBody).error).toMatchObject({ code: "quantity_unavailable", field: "lines[0].quantity" });
    expect(await db.prisma.returnRequest.count({ where: { orderId: o.id } })).toBe(1);

    const retry = await submit(o.id, body);
    expect(retry.status).toBe(200);
    expect(((await retry.json()) as RequestBody).request.id).toBe(stored.id);
    const after = await db.prisma.returnRequest.findFirstOrThrow({ where: { id: stored.id } });
    expect(after.lastError).toBeNull();
    expect(after.resolution).toBe("store_credit");
    expect(shopifyReturnsOf(o)).toHaveLength(1);
    expect(after.shopifyReturnId).toBe(shopifyReturnsOf(o)[0]!.id);
  });

  it("after a lost answer (HTTP 500: may have applied) the retry adopts the Return Shopify made, or makes one if none", async () => {
    const candidates = orders().filter((x) => x.customerId !== ALEX && x.customerId !== null && x.lineItems.length === 1 && hasProduct(x, 103) && x.lineItems[0]!.discount > 0 && x.returnIds.length === 0);
    expect(candidates.length).toBeGreaterThanOrEqual(2);
    const [applied, lost] = candidates as [OrderRec, OrderRec];
    const tokenFor = (o: OrderRec) => standin.mintCustomerSessionToken({ customerId: o.customerId! });
    const bodyFor = (o: OrderRec) => ({
      idempotencyKey: randomUUID(),
      lines: [{ lineItemId: lineOf(o, 103), quantity: 1, reason: "UNWANTED", conditions: ALL_CONDITIONS, photos: [], note: "" }],
      resolution: "refund",
    });

    // 1) Shopify did make the Return, but the answer was lost.
    const b1 = bodyFor(applied);
    standin.faults.inject({ operationName: "ReturnRequest", kind: "http500", times: 1 });
    const r1 = await submit(applied.id, b1, tokenFor(applied));
    // The request is stored: the shopper is answered "requested" and the job queue takes the Return
    // over (docs/decisions/180), instead of a 502 to retry.
    expect(r1.status).toBe(201);
    expect(((await r1.json()) as RequestBody).request).toMatchObject({ status: "requested", statusMessage: expect.stringMatching(/passing it to the store/) });
    const op = await db.prisma.shopifyOperation.findFirstOrThrow({ where: { key: { startsWith: "shopper:returnRequest:" }, error: { startsWith: "uncertain: " } } });
    // emulate "it applied": the same Return, made at Shopify with the stored plan
    const stored = await db.prisma.returnRequest.findFirstOrThrow({ where: { idempotencyKey: b1.idempotencyKey } });
    const plan = parseStoredVerdict(stored.verdict).plan!;
    const session = await db.prisma.session.findFirstOrThrow({ where: { id: `offline_${standin.shop}` } });
    const made = await fetch(`${standin.url}/admin/api/2026-07/graphql.json`, {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-Shopify-Access-Token": session.accessToken },
      body: JSON.stringify({ query: "mutation M($input: ReturnRequestInput!) { returnRequest(input: $input) { return { id } userErrors { message } } }", variables: { input: { orderId: applied.id, returnLineItems: plan.returnLineItems } } }),
    });
    const madeId = ((await made.json()) as { data: { returnRequest: { return: { id: string } } } }).data.returnRequest.return.id;
    const again = await submit(applied.id, b1, tokenFor(applied));
    expect(again.status).toBe(200);
    expect(shopifyReturnsOf(applied)).toHaveLength(1);
    expect((await db.prisma.returnRequest.findFirstOrThrow({ where: { id: stored.id } })).shopifyReturnId).toBe(madeId);
    expect((await db.prisma.shopifyOperation.findFirstOrThrow({ where: { id: op.id } })).status).toBe("succeeded");

    // 2) Nothing was made: the retry makes exactly one.
    const b2 = bodyFor(lost);
    standin.faults.inject({ operationName: "ReturnRequest", kind: "http500", times: 1 });
    expect((await submit(lost.id, b2, tokenFor(lost))).status).toBe(201);
    expect(shopifyReturnsOf(lost)).toHaveLength(0);
    expect((await submit(lost.id, b2, tokenFor(lost))).status).toBe(200);
    expect(shopifyReturnsOf(lost)).toHaveLength(1);
  });

  it("a Return Shopify could not open (throttled past the client's retries) is scheduled, and the retry job opens it once", async () => {
    const candidates = orders().filter((x) => x.customerId !== ALEX && x.customerId !== null && x.lineItems.length === 1 && hasProduct(x, 103) && x.returnIds.length === 0 && shopifyReturnsOf(x).length === 0);
    const o = candidates[candidates.length - 1]!;
    const session = await db.prisma.session.findFirstOrThrow({ where: { id: `offline_${standin.shop}` } });
    const transport = offlineTransport({ shop: standin.shop, accessToken: session.accessToken!, env: { SHOPIFY_ADMIN_ORIGIN: standin.url } });
    const admin = new AdminClient(transport, { sleep: async () => {} });
    const scheduled: { shop: string; requestId: string; attempt: number }[] = [];
    const deps = { repos: createRepos(db.prisma), admin, now: () => new Date(), retryOpenReturn: async (shop: string, requestId: string, attempt: number) => void scheduled.push({ shop, requestId, attempt }) };
    const who = { shop: standin.shop, customerId: o.customerId!, locale: "en" as const };
    const body: SubmitBody = {
      idempotencyKey: randomUUID(),
      lines: [{ lineItemId: lineOf(o, 103), quantity: 1, reason: "UNWANTED", conditions: ["unused", "tags_attached", "original_packaging"], photos: [], note: "" }],
      resolution: "refund",
    };
    standin.faults.inject({ operationName: "ReturnRequest", kind: "throttle", times: 5 });
    const failed = await submitReturnRequest(deps, who, o.id, body).catch((e: unknown) => e);
    expect(failed).toMatchObject({ status: 502, code: "shopify_unavailable" });
    const stored = await db.prisma.returnRequest.findFirstOrThrow({ where: { idempotencyKey: body.idempotencyKey } });
    expect(stored).toMatchObject({ shopifyReturnId: null, lastError: expect.stringMatching(/throttled/) });
    expect(scheduled).toEqual([{ shop: standin.shop, requestId: stored.id, attempt: 1 }]);
    expect(shopifyReturnsOf(o)).toHaveLength(0);

    // the job (at-least-once: run it twice) opens exactly one Return and clears the error
    await openReturnLater(deps, standin.shop, stored.id);
    await openReturnLater(deps, standin.shop, stored.id);
    expect(shopifyReturnsOf(o)).toHaveLength(1);
    const after = await db.prisma.returnRequest.findFirstOrThrow({ where: { id: stored.id } });
    expect(after).toMatchObject({ shopifyReturnId: shopifyReturnsOf(o)[0]!.id, lastError: null });
    expect(scheduled).toHaveLength(1);
  });

  it("two different keys submitted at once for the only unit: one request and one Shopify Return, the other 422 naming the line", async () => {
    // A seeded order of another customer, untouched by the other tests, with a line the policy takes back whole.
    let found: { o: OrderRec; lineItemId: string; quantity: number } | undefined;
    for (const x of orders().filter((x) => x.customerId !== ALEX && x.customerId !== null && x.fulfillments.length > 0 && x.returnIds.length === 0 && !hasProduct(x, 103))) {
      for (const l of x.lineItems) {
        const line = { lineItemId: l.id, quantity: l.quantity, reason: "UNWANTED", conditions: ALL_CONDITIONS, photos: 0, note: "" };
        const res = await preview(x.id, { lines: [line] }, standin.mintCustomerSessionToken({ customerId: x.customerId! }));
        if (res.status === 200 && ((await res.json()) as PreviewResult).eligible) found = { o: x, lineItemId: l.id, quantity: l.quantity };
        if (found) break;
      }
      if (found) break;
    }
    expect(found).toBeDefined();
    const { o, lineItemId, quantity } = found!; // all of the line: only one request can hold it
    const bodyFor = (): SubmitBody => ({
      idempotencyKey: randomUUID(),
      lines: [{ lineItemId, quantity, reason: "UNWANTED", conditions: ["unused", "tags_attached", "original_packaging"], photos: [], note: "" }],
      resolution: "refund",
    });
    const [b1, b2] = [bodyFor(), bodyFor()];
    // Through the service with the real offline transport. Each submit reads the order inside the
    // per-order lock; the first read's answer is held until the other submit is waiting on that lock
    // (it has tried to claim it twice), so the two really overlap: the race the lock closes.
    const session = await db.prisma.session.findFirstOrThrow({ where: { id: `offline_${standin.shop}` } });
    const inner = offlineTransport({ shop: standin.shop, accessToken: session.accessToken!, env: { SHOPIFY_ADMIN_ORIGIN: standin.url } });
    const nowCalls = [0, 0];
    let heldOnce = false;
    const depsFor = (me: 0 | 1) => {
      const admin = new AdminClient(async (query, variables) => {
        const result = await inner(query, variables);
        if (/query OrderSnapshot\b/.test(query) && !heldOnce) {
          heldOnce = true;
          const other = 1 - me;
          while (nowCalls[other]! < 2) await new Promise((r) => setTimeout(r, 5));
        }
        return result;
      });
      return {
        repos: createRepos(db.prisma),
        admin,
        now: () => {
          nowCalls[me]!++;
          return new Date();
        },
      };
    };
    const who = { shop: standin.shop, customerId: o.customerId!, locale: "en" as const };
    const settled = await Promise.allSettled([submitReturnRequest(depsFor(0), who, o.id, b1), submitReturnRequest(depsFor(1), who, o.id, b2)]);
    const ok = settled.filter((r) => r.status === "fulfilled");
    const refused = settled.flatMap((r) => (r.status === "rejected" ? [r.reason as unknown] : []));
    expect(ok).toHaveLength(1);
    expect(refused).toHaveLength(1);
    expect(refused[0]).toBeInstanceOf(ShopperError);
    // the second read (inside the lock) already sees the unit on the first Return: the engine refuses it
    expect(refused[0]).toMatchObject({ status: 422, code: "ineligible", field: "lines[0]", message: "This item is already in a return request, or has already been returned." });
    expect((refused[0] as ShopperError).lines?.[0]).toMatchObject({ lineItemId, eligible: false });
    expect(await db.prisma.returnRequest.count({ where: { orderId: o.id } })).toBe(1);
    expect(await db.prisma.returnRequest.count({ where: { idempotencyKey: { in: [b1.idempotencyKey, b2.idempotencyKey] } } })).toBe(1);
    expect(shopifyReturnsOf(o)).toHaveLength(1);
    const stored = await db.prisma.returnRequest.findFirstOrThrow({ where: { orderId: o.id } });
    expect(stored.shopifyReturnId).toBe(shopifyReturnsOf(o)[0]!.id);
    expect(stored.lastError).toBeNull();
  });

  it("the request then shows in the overview with a status message, and can be cancelled (at Shopify too)", async () => {
    const o = mats();
    const res = await overview(o.id);
    const body = (await res.json()) as ReturnsOverview;
    expect(body.requests.length).toBeGreaterThan(0);
    const r = body.requests[0]!;
    expect(r.statusMessage).toMatch(/received your request/);
    // the unit on the request is no longer returnable
    expect(body.lines.find((l) => l.lineItemId === lineOf(o, 103))!.quantityLeft).toBe(0);

    // someone else cannot cancel it
    expect((await cancel(r.id, standin.mintCustomerSessionToken({ customerId: OTHER }))).status).toBe(404);
    const c = await cancel(r.id);
    expect(c.status).toBe(200);
    expect(((await c.json()) as RequestBody).request).toMatchObject({ id: r.id, status: "cancelled", canCancel: false });
    const stored = await db.prisma.returnRequest.findFirstOrThrow({ where: { id: r.id } });
    expect(stored.status).toBe("cancelled");
    expect(standin.store.returns.get(stored.shopifyReturnId!)!.status).toBe("CANCELED");
    // cancelling twice is harmless
    expect((await cancel(r.id)).status).toBe(200);
  });
});

describe("uploads", () => {
  it("returns a Shopify staged upload target, and submit turns the upload into a shop file", async () => {
    const res = await call(routes.uploadsAction, "/api/customer/uploads", { method: "POST", body: { filename: "crack.jpg", mimeType: "image/jpeg", fileSize: 1234 } }, {});
    expect(res.status).toBe(200);
    const target = (await res.json()) as { url: string; resourceUrl: string; parameters: { name: string; value: string }[] };
    expect(target.url).toMatch(/^http/);
    expect(target.parameters.length).toBeGreaterThan(0);
    // the browser's part: multipart POST to the target
    const form = new FormData();
    for (const p of target.parameters) form.append(p.name, p.value);
    form.append("file", new Blob([Buffer.from("fake-jpeg-bytes")], { type: "image/jpeg" }), "crack.jpg");
    expect((await fetch(target.url, { method: "POST", body: form })).ok).toBe(true);

    const o = order((x) => x.customerId === ALEX && hasProduct(x, 201) && hasProduct(x, 204));
    const sub = await submit(o.id, {
      idempotencyKey: randomUUID(),
      lines: [{ lineItemId: lineOf(o, 204), quantity: 1, reason: "DAMAGED", conditions: [], photos: [target.resourceUrl], note: "torn" }],
      resolution: "refund",
    });
    expect(sub.status).toBe(201);
    const id = ((await sub.json()) as RequestBody).request.id;
    const line = await db.prisma.returnRequestLine.findFirstOrThrow({ where: { requestId: id } });
    const photos = JSON.parse(line.photos) as { resourceUrl: string; fileId: string }[];
    expect(photos).toHaveLength(1);
    expect(photos[0]!.resourceUrl).toBe(target.resourceUrl);
    expect(standin.store.files.has(photos[0]!.fileId)).toBe(true);
  });

  it("refuses a photo URL that is not a staged upload (no fetching arbitrary URLs into the shop's Files)", async () => {
    const o = giftCardOrder();
    const files = standin.store.files.size;
    const before = await requestCount();
    const res = await submit(o.id, {
      idempotencyKey: randomUUID(),
      lines: [{ lineItemId: lineOf(o, 103), quantity: 1, reason: "DAMAGED", conditions: [], photos: ["https://evil.example/cat.png"], note: "" }],
      resolution: "refund",
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as ErrorBody).error.field).toBe("lines[0].photos[0]");
    expect(standin.store.files.size).toBe(files);
    expect(await requestCount()).toBe(before);
  });

  it("refuses a non-image upload naming the field", async () => {
    const res = await call(routes.uploadsAction, "/api/customer/uploads", { method: "POST", body: { filename: "x.exe", mimeType: "application/x-msdownload", fileSize: 10 } }, {});
    expect(res.status).toBe(400);
    expect(((await res.json()) as ErrorBody).error.field).toBe("mimeType");
  });
});

describe("notes", () => {
  /** Orders of other customers no other test uses (no floor mats, no returns yet) with a first line the policy takes back. */
  async function* freshReturnableLines() {
    for (const o of orders().filter((x) => x.customerId && x.customerId !== ALEX && x.fulfillments.length > 0 && x.returnIds.length === 0 && !hasProduct(x, 103))) {
      const token = standin.mintCustomerSessionToken({ customerId: o.customerId! });
      const line = { lineItemId: o.lineItems[0]!.id, quantity: 1, reason: "UNWANTED", conditions: ALL_CONDITIONS, note: "" };
      const pre = (await (await preview(o.id, { lines: [{ ...line, photos: 0 }] }, token)).json()) as PreviewResult;
      if (pre.eligible && !(await db.prisma.returnRequest.count({ where: { orderId: o.id } }))) yield { o, token, line, resolution: pre.resolutions[0]!.code };
    }
  }

  it("a note of exactly 300 characters (an emoji counts once, as Shopify counts) reaches the Shopify Return whole", async () => {
    const note = "📦 " + "n".repeat(298);
    for await (const { o, token, line, resolution } of freshReturnableLines()) {
      const key = randomUUID();
      const res = await submit(o.id, { idempotencyKey: key, lines: [{ ...line, note, photos: [] }], resolution }, token);
      expect(res.status, await res.clone().text()).toBe(201);
      const stored = await db.prisma.returnRequest.findFirstOrThrow({ where: { idempotencyKey: key }, include: { lines: true } });
      expect(stored.lines[0]!.note).toBe(note);
      expect(standin.store.returns.get(stored.shopifyReturnId!)!.lines.map((l) => l.customerNote)).toEqual([note]);
      return;
    }
    throw new Error("no returnable order of another customer in the demo seed");
  });

  it("a request stored before the limit, planning a 400-character note, still gets its Return: Shopify is sent the first 300", async () => {
    for await (const { o } of freshReturnableLines()) {
      const li = o.lineItems[0]!;
      const fli = o.fulfillments.flatMap((f) => f.lines).find((l) => l.lineItemId === li.id)!;
      const reason = standin.store.returnReasonDefinitions.find((d) => d.handle === "changed-my-mind")!;
      const long = "é".repeat(400);
      const { request } = await createRepos(db.prisma).returnRequests.create(standin.shop, {
        idempotencyKey: randomUUID(),
        orderId: o.id,
        orderName: o.name,
        customerId: o.customerId,
        currency: o.currencyCode,
        refundMinor: 0,
        feesMinor: 0,
        verdict: { plan: { returnLineItems: [{ fulfillmentLineItemId: fli.id, quantity: 1, returnReasonDefinitionId: reason.id, customerNote: long }] } },
        lines: [{ lineItemId: li.id, fulfillmentLineItemId: fli.id, title: li.title, quantity: 1, reason: "UNWANTED", eligible: true, note: long }],
        now: new Date(),
      });
      const session = await db.prisma.session.findFirstOrThrow({ where: { id: `offline_${standin.shop}` } });
      const admin = new AdminClient(offlineTransport({ shop: standin.shop, accessToken: session.accessToken!, env: { SHOPIFY_ADMIN_ORIGIN: standin.url } }), { sleep: async () => {} });
      await openReturnLater({ repos: createRepos(db.prisma), admin, now: () => new Date() }, standin.shop, request.id);
      const after = await db.prisma.returnRequest.findFirstOrThrow({ where: { id: request.id }, include: { lines: true } });
      expect(after.lastError).toBeNull();
      expect(standin.store.returns.get(after.shopifyReturnId!)!.lines[0]!.customerNote).toBe("é".repeat(300));
      expect(after.lines[0]!.note).toBe(long);
      return;
    }
    throw new Error("no returnable order of another customer in the demo seed");
  });
});

describe("exchanges at submission", () => {
  const LARGE = "gid://shopify/ProductVariant/1031";
  // earlier tests return the seeded mats: a copy of Alex's gift card order (new ids) keeps a unit to exchange
  let fresh: OrderRec;
  beforeAll(() => {
    const copy = structuredClone(giftCardOrder());
    const re = (id: string) => id.replace(/\/(\d+)$/, (_m, d: string) => `/${d}7001`);
    copy.id = re(copy.id);
    copy.name = `${copy.name}7001`;
    copy.number = copy.number * 10_000 + 7001;
    copy.lineItems = copy.lineItems.map((l) => ({ ...l, id: re(l.id) }));
    copy.fulfillments = copy.fulfillments.map((f) => ({ ...f, id: re(f.id), orderId: copy.id, lines: f.lines.map((l) => ({ ...l, id: re(l.id), lineItemId: re(l.lineItemId) })) }));
    copy.transactions = copy.transactions.map((t) => ({ ...t, id: re(t.id) }));
    copy.returnIds = [];
    copy.refundIds = [];
    standin.store.orders.set(copy.id, copy);
    fresh = copy;
  });
  const exchangeBody = (variantId?: string) => ({
    idempotencyKey: randomUUID(),
    lines: [{ lineItemId: lineOf(fresh, 103), quantity: 1, reason: "UNWANTED", conditions: ALL_CONDITIONS, photos: [], note: "", ...(variantId ? { exchangeVariantId: variantId } : {}) }],
    resolution: "exchange",
  });

  it("refuses an exchange without a chosen item, a dearer one and one out of stock, naming the field; writes nothing", async () => {
    const before = await requestCount();
    for (const [variantId, message] of [
      [undefined, /Choose the new size/],
      ["gid://shopify/ProductVariant/1032", /costs NZ\$10\.00 more/],
      ["gid://shopify/ProductVariant/1033", /out of stock/],
      ["gid://shopify/ProductVariant/1030", /different size/],
    ] as const) {
      const res = await submit(fresh.id, exchangeBody(variantId));
      expect(res.status).toBe(422);
      const body = (await res.json()) as ErrorBody;
      expect(body.error.field).toBe("lines[0].exchangeVariantId");
      expect(body.error.message).toMatch(message);
    }
    expect(await requestCount()).toBe(before);
  });

  it("an exchange for another size in stock is kept with its priced item and nothing to refund", async () => {
    const res = await submit(fresh.id, exchangeBody(LARGE));
    expect(res.status).toBe(201);
    const { request } = (await res.json()) as RequestBody;
    const row = await db.prisma.returnRequest.findFirst({ where: { id: request.id } });
    expect(row).toMatchObject({ resolution: "exchange" });
    expect(Number(row!.refundMinor)).toBe(0);
    expect(parseStoredVerdict(row!.verdict).exchange).toMatchObject({ kind: "exchange", items: [{ variantId: LARGE, quantity: 1, unitPriceMinor: 8900 }], refundMinor: 0 });
  });
});
