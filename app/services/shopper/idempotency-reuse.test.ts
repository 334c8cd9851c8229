/**
 * An idempotency key means one request: replaying it with the same body answers the stored request
 * (200), and reusing it with a different body on the same order is refused with 409
 * idempotency_key_reused naming the key (as Stripe refuses a key reused with other parameters),
 * never the first request's answer, with nothing stored and nothing sent to Shopify. Real routes,
 * real customer tokens, the in-process stand-in, a fresh database (both providers).
 */
import type { ActionFunctionArgs } from "@remix-run/node";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestDatabase } from "~/db/test-db";
import { saveManualApprovalPolicy, startInstalledApp } from "~/test/installed-app";
import { type Standin, type OrderRec } from "../../../standin";
import { testAppCredentials } from "~/test/app-under-test";

const { apiKey: API_KEY, apiSecret: SECRET, appUrl: APP_URL } = testAppCredentials("idem-reuse");
const ALEX = "gid://shopify/Customer/1";
const CONDITIONS = ["unused", "tags_attached", "original_packaging"];

type Fn = (args: ActionFunctionArgs) => Promise<Response>;
let db: TestDatabase;
let standin: Standin;
let submitAction: Fn;

beforeAll(async () => {
  ({ db, standin } = await startInstalledApp({ apiKey: API_KEY, apiSecret: SECRET, appUrl: APP_URL, scopes: "read_orders,write_returns,write_files" }));
  await saveManualApprovalPolicy(db, standin.shop);
  submitAction = (await import("~/routes/api.customer.orders.$orderId.returns")).action as Fn;
}, 60_000);

afterAll(async () => {
  await standin?.close();
  await db?.cleanup();
});

const hasProduct = (o: OrderRec, n: number) => o.lineItems.some((l) => l.productId === `gid://shopify/Product/${n}`);
const lineOf = (o: OrderRec, n: number) => o.lineItems.find((l) => l.productId === `gid://shopify/Product/${n}`)!.id;
// Alex's order delivered a day ago: floor mats (103) + straws (209 x2)
const order = () => ([...standin.store.orders.values()] as OrderRec[]).find((o) => o.customerId === ALEX && hasProduct(o, 103) && hasProduct(o, 209))!;
const shopifyReturns = () => standin.store.orders.get(order().id)!.returnIds.length;

async function submit(body: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
  const o = order();
  const request = new Request(`${APP_URL}/api/customer/orders/${encodeURIComponent(o.id)}/returns`, {
    method: "POST",
    headers: { Authorization: `Bearer ${standin.mintCustomerSessionToken({ customerId: ALEX })}`, "Content-Type": "application/json", Origin: "https://extensions.shopifycdn.com" },
    body: JSON.stringify(body),
  });
  const res = await submitAction({ request, params: { orderId: o.id }, context: {} });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

const body = (key: string, over: { quantity?: number; note?: string; resolution?: string; product?: number } = {}) => ({
  idempotencyKey: key,
  lines: [{ lineItemId: lineOf(order(), over.product ?? 209), quantity: over.quantity ?? 1, reason: "UNWANTED", conditions: CONDITIONS, photos: [], note: over.note ?? "Too many straws" }],
  resolution: over.resolution ?? "refund",
});

describe("one idempotency key, one request", () => {
  it("the same body replays the stored request; a different body with the key is 409 idempotency_key_reused naming the key", async () => {
    const key = randomUUID();
    const first = await submit(body(key));
    expect(first.status).toBe(201);
    const id = (first.json.request as { id: string }).id;
    const returnsAfterFirst = shopifyReturns();
    const requestsAfterFirst = await db.prisma.returnRequest.count();

    // same body, fields in another order: the same request
    const replay = await submit({ resolution: "refund", lines: body(key).lines, idempotencyKey: key });
    expect(replay.status).toBe(200);
    expect((replay.json.request as { id: string }).id).toBe(id);

    for (const [label, other] of [
      ["another quantity", body(key, { quantity: 2 })],
      ["another note", body(key, { note: "Actually the mats" })],
      ["another resolution", body(key, { resolution: "store_credit" })],
      ["another line", body(key, { product: 103 })],
    ] as const) {
      const res = await submit(other);
      expect(res.status, label).toBe(409);
      expect(res.json.error, label).toMatchObject({ code: "idempotency_key_reused", field: "idempotencyKey" });
      expect((res.json.error as { message: string }).message, label).toContain(key);
      expect(res.json.request, label).toBeUndefined();
    }
    expect(await db.prisma.returnRequest.count()).toBe(requestsAfterFirst);
    expect(shopifyReturns()).toBe(returnsAfterFirst);
  });

  it("two different bodies sent at once with one key: one request is made, the other answer is 409", async () => {
    const key = randomUUID();
    const requestsBefore = await db.prisma.returnRequest.count();
    const returnsBefore = shopifyReturns();
    const answers = await Promise.all([submit(body(key, { note: "first" })), submit(body(key, { note: "second" }))]);
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409]);
    expect(answers.find((a) => a.status === 409)!.json.error).toMatchObject({ code: "idempotency_key_reused" });
    expect(await db.prisma.returnRequest.count()).toBe(requestsBefore + 1);
    expect(shopifyReturns()).toBe(returnsBefore + 1);
  });
});
