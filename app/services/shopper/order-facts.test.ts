/**
 * The shopper path on the order's kept facts (docs/decisions/180), through the services against the
 * in-process stand-in and a fresh database (SQLite, or PostgreSQL when DATABASE_URL says so), every
 * Admin API call counted at the transport:
 *  - an order read once is then shown, previewed and submitted without reading it at Shopify again;
 *  - with the job queue, a submission Shopify cannot take now is answered "requested" and queued;
 *  - a queued Return Shopify refuses moves the request to "refused", which shopper and staff both see.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestDatabase } from "~/db/test-db";
import { createRepos } from "~/db";
import { AdminClient, offlineTransport } from "~/shopify/admin-client";
import { getOverview, previewReturn, submitReturnRequest, type ShopperDeps } from "~/services/shopper";
import type { SubmitBody } from "~/services/shopper/schemas";
import { openReturnLater } from "~/services/shopper/submit";
import { presentRequest } from "~/services/shopper/present";
import { STATUS_LABEL } from "~/components/labels";
import { type Standin, type OrderRec } from "../../../standin";
import { saveManualApprovalPolicy, startInstalledApp } from "~/test/installed-app";
import { testAppCredentials } from "~/test/app-under-test";
import { parseWebhookPayload } from "~/webhooks/payloads";
import { orderUpdateOf } from "~/services/order-facts";

const { apiKey: API_KEY, apiSecret: SECRET, appUrl: APP_URL } = testAppCredentials("order-facts");
const CONDITIONS = ["unused", "tags_attached", "original_packaging"];

let db: TestDatabase;
let standin: Standin;
const calls: string[] = [];
let admin: AdminClient;

beforeAll(async () => {
  ({ db, standin } = await startInstalledApp({ apiKey: API_KEY, apiSecret: SECRET, appUrl: APP_URL, scopes: "read_orders,write_returns,write_files" }));
  await saveManualApprovalPolicy(db, standin.shop);
  const session = await db.prisma.session.findFirstOrThrow({ where: { id: `offline_${standin.shop}` } });
  const transport = offlineTransport({ shop: standin.shop, accessToken: session.accessToken!, env: { SHOPIFY_ADMIN_ORIGIN: standin.url } });
  admin = new AdminClient(
    async (doc, vars) => {
      calls.push(/(?:query|mutation)\s+(\w+)/.exec(doc)?.[1] ?? "?");
      return transport(doc, vars);
    },
    { sleep: async () => {} },
  );
}, 60_000);

afterAll(async () => {
  await standin?.close();
  await db?.cleanup();
});

const hasProduct = (o: OrderRec, n: number) => o.lineItems.some((l) => l.productId === `gid://shopify/Product/${n}`);
const lineOf = (o: OrderRec, n: number) => o.lineItems.find((l) => l.productId === `gid://shopify/Product/${n}`)!.id;
/**
 * A seeded order with the floor mats (103) the shopper may still return, each taken once; its first
 * overview (the read that keeps its facts) is the last thing in `calls`.
 */
const taken = new Set<string>();
async function freshOrder(): Promise<{ o: OrderRec; first: Awaited<ReturnType<typeof getOverview>> }> {
  for (const o of standin.store.orders.values()) {
    if (o.customerId === null || !hasProduct(o, 103) || o.returnIds.length > 0 || taken.has(o.id)) continue;
    taken.add(o.id);
    calls.length = 0;
    const first = await getOverview(deps(), whoOf(o), o.id).catch(() => null);
    if (first?.canRequest && first.lines.find((l) => l.lineItemId === lineOf(o, 103))!.quantityLeft > 0) return { o, first };
  }
  throw new Error("no seeded order left");
}
const bodyFor = (o: OrderRec): SubmitBody => ({
  idempotencyKey: randomUUID(),
  lines: [{ lineItemId: lineOf(o, 103), quantity: 1, reason: "UNWANTED", conditions: CONDITIONS as SubmitBody["lines"][number]["conditions"], photos: [], note: "" }],
  resolution: "refund",
});
const deps = (over: Partial<ShopperDeps> = {}): ShopperDeps => ({ repos: createRepos(db.prisma), admin, now: () => new Date(), ...over });
const whoOf = (o: OrderRec) => ({ shop: standin.shop, customerId: o.customerId!, locale: "en" as const });

describe("the order's kept facts", () => {
  it("after one read, the overview, a preview and the submission read nothing at Shopify: the submission costs only its returnRequest", async () => {
    const { o, first } = await freshOrder();
    expect(calls).toEqual(["OrderSnapshot"]);
    calls.length = 0;
    const again = await getOverview(deps(), whoOf(o), o.id);
    expect(again.lines).toEqual(first.lines);
    await previewReturn(deps(), whoOf(o), o.id, { lines: [{ ...bodyFor(o).lines[0]!, photos: 0 }] });
    expect(calls).toEqual([]);
    const { request } = await submitReturnRequest(deps(), whoOf(o), o.id, bodyFor(o));
    expect(calls).toEqual(["ReturnRequest"]);
    expect(request.status).toBe("requested");
    // the unit is on the Return now: the next overview counts it without reading the order again
    calls.length = 0;
    const after = await getOverview(deps(), whoOf(o), o.id);
    const left = (v: typeof first) => v.lines.find((l) => l.lineItemId === lineOf(o, 103))!.quantityLeft;
    expect(left(after)).toBe(left(first) - 1);
    expect(calls).toEqual([]);
  });

  it("another customer's known order is the same 404, without a read at Shopify", async () => {
    const { o } = await freshOrder();
    calls.length = 0;
    await expect(getOverview(deps(), { ...whoOf(o), customerId: "gid://shopify/Customer/999999" }, o.id)).rejects.toMatchObject({ status: 404 });
    expect(calls).toEqual([]);
  });

  it("an orders/updated webhook with a newer updated_at makes the next visit read the order again; its body is cut to ids and updated_at", async () => {
    const { o } = await freshOrder();
    const body = { id: Number(o.id.split("/").pop()), admin_graphql_api_id: o.id, updated_at: new Date(Date.now() + 60_000).toISOString(), email: "a@example.com", shipping_address: { address1: "1 Main St" } };
    const queued = parseWebhookPayload("ORDERS_UPDATED", standin.shop, body);
    expect(Object.keys(queued).sort()).toEqual(["admin_graphql_api_id", "id", "updated_at"]);
    const update = orderUpdateOf(queued)!;
    expect(update.orderId).toBe(o.id);
    expect(await createRepos(db.prisma).orderFacts.announce(standin.shop, update.orderId, update.updatedAt)).toBe(true);
    calls.length = 0;
    await getOverview(deps(), whoOf(o), o.id);
    expect(calls).toEqual(["OrderSnapshot"]);
  });
});

describe("accepted submissions with the job queue", () => {
  it("Shopify busy past the client's retries: the shopper is answered 'requested' at once and the job opens the Return once", async () => {
    const { o } = await freshOrder();
    const queued: string[] = [];
    const withQueue = deps({ openReturn: async (_shop, id) => void queued.push(id) });
    standin.faults.inject({ operationName: "ReturnRequest", kind: "throttle", times: 5 });
    const { request, created } = await submitReturnRequest(withQueue, whoOf(o), o.id, bodyFor(o));
    expect(created).toBe(true);
    expect(request.status).toBe("requested");
    expect(request.statusMessage).toMatch(/passing it to the store/);
    expect(queued).toEqual([request.id]);
    await openReturnLater(withQueue, standin.shop, request.id);
    await openReturnLater(withQueue, standin.shop, request.id);
    const stored = await db.prisma.returnRequest.findFirstOrThrow({ where: { id: request.id } });
    expect(stored.shopifyReturnId).not.toBeNull();
    expect(standin.store.orders.get(o.id)!.returnIds).toEqual([stored.shopifyReturnId]);
  });

  it("Shopify refusing the queued Return moves the request to 'refused', with the reason for staff and an explanation for the shopper", async () => {
    const { o } = await freshOrder();
    const withQueue = deps({ openReturn: async () => {} });
    standin.faults.inject({ operationName: "ReturnRequest", kind: "throttle", times: 5 });
    const { request } = await submitReturnRequest(withQueue, whoOf(o), o.id, bodyFor(o));
    standin.faults.inject({ operationName: "ReturnRequest", kind: "userErrors", times: 1 });
    await openReturnLater(withQueue, standin.shop, request.id);
    const repos = createRepos(db.prisma);
    const stored = (await repos.returnRequests.findById(standin.shop, request.id))!;
    expect(stored.status).toBe("refused");
    expect(stored.shopifyReturnId).toBeNull();
    expect(stored.lastError).toMatch(/^Shopify did not open the return: /);
    expect(STATUS_LABEL[stored.status]).toBe("Not accepted by Shopify");
    const events = await repos.events.listForRequest(standin.shop, request.id);
    expect(events.map((e) => e.type)).toContain("shopify_return_refused");
    const view = presentRequest(stored, "en");
    expect(view).toMatchObject({ status: "refused", canCancel: false });
    expect(view.statusMessage).toMatch(/could not accept this return because the order changed/);
    // the facts were dropped (the next visit reads the order), and the units are free again
    expect(await repos.orderFacts.get(standin.shop, o.id)).toBeNull();
    const overview = await getOverview(deps(), whoOf(o), o.id);
    expect(overview.requests.find((r) => r.id === request.id)?.status).toBe("refused");
    expect(overview.canRequest).toBe(true);
    // the job running again changes nothing
    await openReturnLater(withQueue, standin.shop, request.id);
    expect(standin.store.orders.get(o.id)!.returnIds).toEqual([]);
  });
});
