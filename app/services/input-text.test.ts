/**
 * Text that cannot be stored (an unpaired surrogate half: no UTF-8 form; NUL: refused by PostgreSQL)
 * in any free-text field is a 400 naming the field, with nothing stored and nothing sent to Shopify:
 * the shopper API's JSON bodies (notes, filenames), the staff screens' forms (approve notes, decline
 * messages, the policy editor), the queue's search and route ids. It was a 500 on SQLite and
 * PostgreSQL. Real routes, the in-process stand-in, a fresh database (run on both providers).
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createRepos } from "~/db";
import { type TestDatabase } from "~/db/test-db";
import { getPreset } from "~/returns";
import { saveManualApprovalPolicy, startInstalledApp } from "~/test/installed-app";
import { callRoute, loadRoutes, testAppCredentials } from "~/test/app-under-test";
import { type Standin, type OrderRec } from "../../standin";

const { apiKey: API_KEY, apiSecret: SECRET, appUrl: APP_URL } = testAppCredentials("input-text");
const ALEX = "gid://shopify/Customer/1";
const LONE = "\uD800";
const NUL = "\u0000";

type Fn = (args: LoaderFunctionArgs) => Promise<unknown>;
let db: TestDatabase;
let standin: Standin;
let shopper: Record<"submit" | "preview" | "uploads" | "cancel", Fn>;
let staff: Record<"detailAction" | "detailLoader" | "queue" | "policy", Fn>;
let alexOrder: OrderRec;
let requestId: string;

async function call(fn: Fn, request: Request, params: Record<string, string> = {}): Promise<{ status: number; body: Record<string, unknown> }> {
  const out: unknown = await callRoute(fn, request, params);
  if (out instanceof Response) return { status: out.status, body: ((await out.json().catch(() => ({}))) ?? {}) as Record<string, unknown> };
  return { status: 200, body: out as Record<string, unknown> };
}

/** A shopper API call with a raw JSON text body (so escapes like \ud800 arrive as written). */
const shopperPost = (path: string, raw: string) =>
  new Request(`${APP_URL}${path}`, {
    method: "POST",
    body: raw,
    headers: { Authorization: `Bearer ${standin.mintCustomerSessionToken({ customerId: ALEX })}`, "Content-Type": "application/json", Origin: "https://extensions.shopifycdn.com" },
  });
const staffRequest = (path: string, form?: Record<string, string>) => {
  const url = `${APP_URL}${path}${path.includes("?") ? "&" : "?"}shop=${standin.shop}`;
  const headers = { Authorization: `Bearer ${standin.mintAdminSessionToken()}` };
  return form ? new Request(url, { method: "POST", headers, body: new URLSearchParams(form) }) : new Request(url, { headers });
};
const errorField = (body: Record<string, unknown>) => (body.error as { field?: string } | undefined)?.field ?? (body.field as string | undefined);

async function stored() {
  return {
    requests: await db.prisma.returnRequest.count(),
    events: await db.prisma.returnEvent.count(),
    policies: await db.prisma.policyVersion.count(),
    shopifyReturns: standin.store.returns.size,
  };
}

beforeAll(async () => {
  vi.spyOn(console, "error").mockImplementation(() => {});
  ({ db, standin } = await startInstalledApp({ apiKey: API_KEY, apiSecret: SECRET, appUrl: APP_URL, scopes: "read_orders,write_returns,write_files,read_customers,read_products" }));
  await saveManualApprovalPolicy(db, standin.shop);
  const { request } = await createRepos(db.prisma).returnRequests.create(standin.shop, {
    idempotencyKey: randomUUID(),
    orderId: "gid://shopify/Order/999002",
    orderName: "#999002",
    customerId: ALEX,
    currency: "NZD",
    refundMinor: 1000,
    lines: [{ lineItemId: "gid://shopify/LineItem/1", title: "Mat", quantity: 1, reason: "UNWANTED", eligible: true }],
    now: new Date(),
  });
  requestId = request.id;
  alexOrder = ([...standin.store.orders.values()] as OrderRec[]).find((o) => o.customerId === ALEX && o.fulfillments.length > 0)!;
  shopper = await loadRoutes({
    submit: "api.customer.orders.$orderId.returns#action",
    preview: "api.customer.orders.$orderId.returns.preview#action",
    uploads: "api.customer.uploads#action",
    cancel: "api.customer.returns.$requestId.cancel#action",
  });
  staff = await loadRoutes({
    detailAction: "app.requests.$id#action",
    detailLoader: "app.requests.$id#loader",
    queue: "app.requests._index#loader",
    policy: "app.policy#action",
  });
}, 60_000);

afterAll(async () => {
  await standin?.close();
  await db?.cleanup();
});

const bad = [
  ["an unpaired surrogate", "\\ud800", LONE],
  ["a NUL character", "\\u0000", NUL],
] as const;

describe("shopper API", () => {
  it.each(bad)("a note holding %s: submit and preview answer 400 naming lines[0].note; nothing stored, no Shopify Return", async (_label, escaped) => {
    const before = await stored();
    const line = alexOrder.lineItems[0]!;
    const raw = `{"idempotencyKey":"${randomUUID()}","resolution":"refund","lines":[{"lineItemId":"${line.id}","quantity":1,"reason":"DEFECTIVE","note":"broken ${escaped} zip"}]}`;
    for (const [name, fn] of [["submit", shopper.submit], ["preview", shopper.preview]] as const) {
      const r = await call(fn, shopperPost(`/api/customer/orders/x/returns`, raw), { orderId: alexOrder.id });
      expect(r.status, name).toBe(400);
      expect(r.body, name).toMatchObject({ error: { code: "invalid", field: "lines[0].note" } });
    }
    expect(await stored()).toEqual(before);
  });

  it.each(bad)("a filename holding %s is a 400 naming filename", async (_label, escaped) => {
    const r = await call(shopper.uploads, shopperPost("/api/customer/uploads", `{"filename":"a${escaped}.jpg","mimeType":"image/jpeg","fileSize":100}`));
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ error: { field: "filename" } });
  });

  it.each(["..", ".", " .. "])("an upload filename of %j is a 400 naming filename (it is not a file name)", async (name) => {
    const r = await call(shopper.uploads, shopperPost("/api/customer/uploads", JSON.stringify({ filename: name, mimeType: "image/jpeg", fileSize: 100 })));
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ error: { code: "invalid", field: "filename" } });
  });

  it.each(bad)("a request id holding %s in the cancel path is a 4xx, not a 500", async (_label, _escaped, text) => {
    const r = await call(shopper.cancel, shopperPost(`/api/customer/returns/x/cancel`, "{}"), { requestId: `${requestId}${text}` });
    expect(r.status).toBeGreaterThanOrEqual(400);
    expect(r.status).toBeLessThan(500);
  });
});

describe("staff screens", () => {
  // A form or query string cannot carry an unpaired surrogate (its UTF-8 decoding yields U+FFFD);
  // NUL it can (%00). JSON inside a form field (the policy editor) can carry both.
  it("a decline message or approve note holding NUL is a 400 naming the field; the request is untouched", async () => {
    const text = NUL;
    const before = await stored();
    const decline = await call(staff.detailAction, staffRequest(`/app/requests/${requestId}`, { intent: "decline", reason: "OTHER", message: `worn ${text}` }), { id: requestId });
    expect(decline.status).toBe(400);
    expect(errorField(decline.body)).toBe("message");
    const approve = await call(staff.detailAction, staffRequest(`/app/requests/${requestId}`, { intent: "approve", note: `ok ${text}` }), { id: requestId });
    expect(approve.status).toBe(400);
    expect(errorField(approve.body)).toBe("note");
    expect(await stored()).toEqual(before);
    expect((await db.prisma.returnRequest.findUniqueOrThrow({ where: { id: requestId } })).status).toBe("requested");
  });

  it("a queue search or a request id holding NUL is a 400, not a 500", async () => {
    const search = await call(staff.queue, staffRequest("/app/requests?q=%2300%00"));
    expect(search.status).toBe(400);
    expect(errorField(search.body)).toBe("q");
    const detail = await call(staff.detailLoader, staffRequest(`/app/requests/${requestId}%00`), { id: `${requestId}${NUL}` });
    expect(detail.status).toBe(400);
    expect(errorField(detail.body)).toBe("path");
  });

  it.each(bad)("a policy saved with %s in a text field is a 400 naming the field; no new version", async (_label, escaped) => {
    const before = await stored();
    const policy = JSON.stringify({ ...getPreset("standard-30-day")!, name: "Standard" }).replace(/"name":"Standard"/, `"name":"Std ${escaped}"`);
    const r = await call(staff.policy, staffRequest("/app/policy", { intent: "save", policy }));
    expect(r.status).toBe(400);
    expect(errorField(r.body)).toBe("policy.name");
    expect(await stored()).toEqual(before);
  });
});
