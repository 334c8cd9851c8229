/**
 * returns/* and refunds/create processing against the in-process stand-in: self-serve returns join
 * the queue once, outside changes reconcile our request whatever order deliveries come in, and a
 * replayed delivery through the real route (HMAC checked) is processed once.
 * Runs on SQLite, and on PostgreSQL when DATABASE_URL=postgresql://...
 */
import type { ActionFunctionArgs } from "@remix-run/node";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "~/db/test-db";
import { configureAppUnderTest, testAppCredentials } from "~/test/app-under-test";
import { drainJobs, stopJobQueue } from "~/jobs";
import { createRepos } from "~/db";
import { getPreset, parsePolicy, parseStoredVerdict, type Policy } from "~/returns";
import { offlineAdminClient, type AdminClient } from "~/shopify/admin-client";
import { RETURN_APPROVE_REQUEST, RETURN_CANCEL, RETURN_CLOSE, RETURN_REQUEST } from "~/shopify/operations";
import { signedWebhookRequest } from "~/test/session-token";
import { startStandin, tomlScopes, type Standin } from "../../standin";
import { refundAtShopify } from "~/services/staff/shopify-steps";
import { approveRequest, refundRequest } from "~/services/staff";
import { previewReturn } from "~/services/shopper/preview";
import { NOT_COLLECTED, processReturnWebhook, RetryLaterError, type ReturnWebhookDeps } from "./returns-lifecycle";

const SHOP = "demo-returns.myshopify.com";
const TOKEN = "shpat_webhook_test";
const { apiKey: KEY, apiSecret: SECRET, appUrl: APP_URL } = testAppCredentials("wh");

let db: TestDatabase;
let standin: Standin;
let admin: AdminClient;
let refreshToken: string;
const clock = new Date("2026-11-20T01:00:00Z");
const used = new Set<string>();

const deps = (): ReturnWebhookDeps => ({ db: db.prisma, admin, now: () => clock });

const manual: Policy = parsePolicy({ ...getPreset("standard-30-day")!, approval: { mode: "manual" } });

/**
 * A Return requested at Shopify (as Shopify's own self-serve flow does), on an unused order; `inWindow`
 * picks an order whose line the policy would take back (false: one it would not, any: the first).
 */
async function shopifyReturn(inWindow?: boolean): Promise<{ returnId: string; orderId: string }> {
  const { o, line } = await unusedOrderLine(inWindow);
  const reason = standin.store.returnReasonDefinitions.find((d) => d.handle === "changed-my-mind")!;
  const res = await admin.mutate(RETURN_REQUEST, {
    input: { orderId: o.id, returnLineItems: [{ fulfillmentLineItemId: line.id, quantity: 1, returnReasonDefinitionId: reason.id }] },
  });
  return { returnId: res.returnRequest!.return!.id, orderId: o.id };
}

async function unusedOrderLine(inWindow?: boolean) {
  for (const o of standin.store.orders.values()) {
    if (used.has(o.id) || !o.customerId || o.returnIds.length > 0 || o.refundIds.length > 0) continue;
    const f = o.fulfillments.find((x) => x.status === "SUCCESS" && x.lines.length > 0);
    const line = f?.lines[0];
    const li = line && o.lineItems.find((l) => l.id === line.lineItemId);
    if (!line || !li || li.isGiftCard) continue;
    if (inWindow !== undefined) {
      const who = { shop: SHOP, customerId: o.customerId, locale: "en" as const };
      const lines = [{ lineItemId: li.id, quantity: 1, reason: "UNWANTED" as const, conditions: ["unused" as const, "original_packaging" as const], photos: 0, note: "" }];
      const verdict = await previewReturn({ repos: createRepos(db.prisma), admin, now: () => clock }, who, o.id, { lines });
      if (verdict.eligible !== inWindow) continue;
    }
    used.add(o.id);
    return { o, line, li };
  }
  throw new Error("no unused order");
}

/** The app's own request for one unit of an order line, as the shopper API stores it before its Return exists. */
async function storeAppRequest(found: Awaited<ReturnType<typeof unusedOrderLine>>, plan: { fulfillmentLineItemId: string; quantity: number; returnReasonDefinitionId: string }[], now: Date) {
  const { o, li } = found;
  return createRepos(db.prisma).returnRequests.create(SHOP, {
    idempotencyKey: randomUUID(),
    orderId: o.id,
    orderName: o.name,
    customerId: o.customerId,
    source: "app",
    verdict: { decision: "review", plan: { returnLineItems: plan } },
    currency: "NZD",
    lines: [{ lineItemId: li.id, title: li.title, quantity: 1, reason: "UNWANTED", eligible: true }],
    now,
  });
}

beforeAll(async () => {
  db = await createTestDatabase();
  // a roomier cost bucket than a standard shop's: these tests read many Returns back to back (the client
  // here does not wait between throttled retries), and throttling is not what they are about
  standin = await startStandin({ apiKey: KEY, apiSecret: SECRET, seed: "demo", webhooks: [], clock: () => clock, bucket: { max: 20_000, restorePerSecond: 1_000 } });
  ({ refreshToken } = standin.grantOfflineToken({ token: TOKEN, scope: tomlScopes() }));
  admin = offlineAdminClient({ shop: SHOP, accessToken: TOKEN, env: { SHOPIFY_ADMIN_ORIGIN: standin.url } }, { sleep: async () => {} });
  await createRepos(db.prisma).policies.saveNewVersion(SHOP, { policy: manual, now: new Date("2020-01-01T00:00:00Z") });
});

afterAll(async () => {
  await stopJobQueue();
  await standin?.close();
  await db?.cleanup();
});

describe("returns webhooks", () => {
  it("a self-serve return joins the queue once, judged by our policy", async () => {
    // a line the policy takes back, so the verdict stored with it is known: eligible, for staff to review
    const { returnId, orderId } = await shopifyReturn(true);
    const first = await processReturnWebhook(deps(), SHOP, "returns/request", { admin_graphql_api_id: returnId });
    expect(first).toMatchObject({ outcome: "imported" });
    const again = await processReturnWebhook(deps(), SHOP, "RETURNS_REQUEST", { admin_graphql_api_id: returnId });
    expect(again.outcome).toBe("unchanged");
    const repos = createRepos(db.prisma);
    const rows = await repos.returnRequests.listForOrder(SHOP, orderId);
    expect(rows).toHaveLength(1);
    const r = rows[0]!;
    expect(r).toMatchObject({ source: "shopify_self_serve", shopifyReturnId: returnId, status: "requested", policyVersion: 1 });
    expect(r.lines[0]!.reason).toBe("UNWANTED");
    expect(parseStoredVerdict(r.verdict).decision).toBe("review");
    expect(r.lines[0]).toMatchObject({ eligible: true, codes: [] });
    expect((await repos.events.listForRequest(SHOP, r.id)).map((e) => e.type)).toEqual(["imported_self_serve"]);
  });

  it("outside approve/close reconcile our request; late and duplicate deliveries change nothing more", async () => {
    const { returnId } = await shopifyReturn();
    await processReturnWebhook(deps(), SHOP, "returns/request", { admin_graphql_api_id: returnId });
    const repos = createRepos(db.prisma);
    const stored = (await repos.returnRequests.findByShopifyReturnId(SHOP, returnId))!;
    // approved and closed in Shopify admin, outside the app
    await admin.mutate(RETURN_APPROVE_REQUEST, { input: { id: returnId } });
    await admin.mutate(RETURN_CLOSE, { id: returnId });
    // the close arrives first, then the (older) approve, then the close again
    expect(await processReturnWebhook(deps(), SHOP, "returns/close", { admin_graphql_api_id: returnId })).toMatchObject({ outcome: "updated", to: "closed" });
    expect(await processReturnWebhook(deps(), SHOP, "returns/approve", { admin_graphql_api_id: returnId })).toMatchObject({ outcome: "unchanged" });
    expect(await processReturnWebhook(deps(), SHOP, "returns/close", { admin_graphql_api_id: returnId })).toMatchObject({ outcome: "unchanged" });
    const after = (await repos.returnRequests.findById(SHOP, stored.id))!;
    expect(after.status).toBe("closed");
    const events = await repos.events.listForRequest(SHOP, stored.id);
    expect(events.map((e) => [e.type, e.actor])).toEqual([
      ["imported_self_serve", "webhook"],
      ["shopify_returns_close", "webhook"],
    ]);
  });

  it("a refund made outside the app moves the request to refunded; an app action in flight is left alone", async () => {
    const { returnId } = await shopifyReturn();
    await processReturnWebhook(deps(), SHOP, "returns/request", { admin_graphql_api_id: returnId });
    const repos = createRepos(db.prisma);
    const stored = (await repos.returnRequests.findByShopifyReturnId(SHOP, returnId))!;
    await admin.mutate(RETURN_APPROVE_REQUEST, { input: { id: returnId } });
    // the app is approving this request right now (ledger claim held): the echo must not interfere
    await repos.operations.claim(SHOP, { key: `approve:${stored.id}`, kind: "approve", now: clock });
    expect(await processReturnWebhook(deps(), SHOP, "returns/approve", { admin_graphql_api_id: returnId })).toMatchObject({ outcome: "unchanged" });
    await repos.operations.complete(SHOP, `approve:${stored.id}`, { result: null, now: clock });
    expect(await processReturnWebhook(deps(), SHOP, "returns/approve", { admin_graphql_api_id: returnId })).toMatchObject({ outcome: "updated", to: "approved" });
    // refunded in Shopify admin
    await refundAtShopify(admin, returnId, { to: "original_payment" }, { amountMinor: 100, currency: stored.currency }, false, false, { reconcile: false });
    const refundId = standin.store.returns.get(returnId)!.refundIds[0]!;
    const payload = { admin_graphql_api_id: refundId, return: { admin_graphql_api_id: returnId } };
    expect(await processReturnWebhook(deps(), SHOP, "refunds/create", payload)).toMatchObject({ outcome: "updated", to: "refunded" });
    expect(await processReturnWebhook(deps(), SHOP, "refunds/create", payload)).toMatchObject({ outcome: "unchanged" });
    // the refund's id and amount, as Shopify's record shows them, go with the event the request moved by
    const moved = (await repos.events.listForRequest(SHOP, stored.id)).find((e) => e.type === "shopify_refunds_create")!;
    expect(moved.shopifyResponse).toMatchObject({ settled: { refunds: [{ id: refundId, amountMinor: 100 }], totalMinor: 100 } });
  });

  it("a self-serve return is priced by what its units paid: its own units and the attestations Shopify does not collect are not held against it", async () => {
    const { returnId } = await shopifyReturn(true);
    expect(await processReturnWebhook(deps(), SHOP, "returns/request", { admin_graphql_api_id: returnId })).toMatchObject({ outcome: "imported" });
    const r = (await createRepos(db.prisma).returnRequests.findByShopifyReturnId(SHOP, returnId))!;
    expect(r.lines).toHaveLength(1);
    expect(r.lines[0]).toMatchObject({ eligible: true, codes: [] });
    expect(r.refundMinor).toBeGreaterThan(0);
    expect(r.lines[0]!.refundMinor).toBe(r.refundMinor);
    expect(r.lastError).toBeNull();
    // the conditions were never attested: staff decide, whatever the mode
    expect(parseStoredVerdict(r.verdict)).toMatchObject({ decision: "review", attestations: "not_collected", policySource: "in_force" });
  });

  it("probe: six change-of-mind returns made through Shopify's form come in eligible, priced, and sent to staff review saying what Shopify's form did not collect", async () => {
    const repos = createRepos(db.prisma);
    for (let i = 0; i < 6; i++) {
      const { returnId } = await shopifyReturn(true);
      expect(await processReturnWebhook(deps(), SHOP, "returns/request", { admin_graphql_api_id: returnId })).toMatchObject({ outcome: "imported" });
      const r = (await repos.returnRequests.findByShopifyReturnId(SHOP, returnId))!;
      // the Return's own unit is not counted as already returned, and nothing unasked is held against it
      expect(r.lines[0]).toMatchObject({ eligible: true, codes: [] });
      expect(r.refundMinor).toBeGreaterThan(0);
      expect(r.lastError).toBeNull();
      expect(parseStoredVerdict(r.verdict)).toMatchObject({ decision: "review", attestations: "not_collected" });
      const events = await repos.events.listForRequest(SHOP, r.id);
      expect(events[0]).toMatchObject({ type: "imported_self_serve", payload: { decision: "review", reason: NOT_COLLECTED } });
    }
  });

  it("an import with nothing to refund says why; a refund of nothing is refused, never marked refunded (issue 14)", async () => {
    const { returnId } = await shopifyReturn(false);
    await processReturnWebhook(deps(), SHOP, "returns/request", { admin_graphql_api_id: returnId });
    const repos = createRepos(db.prisma);
    const r = (await repos.returnRequests.findByShopifyReturnId(SHOP, returnId))!;
    expect(r.refundMinor).toBe(0);
    expect(r.lines[0]!.eligible).toBe(false);
    expect(r.lastError).toMatch(/^Imported from Shopify with nothing to refund under the policy: ./);
    // staff approve and press refund: Shopify would show no refund, so the app refuses and sends nothing
    const staff = { repos: createRepos(db.prisma), admin, now: () => clock, actor: "staff:1" };
    expect(await approveRequest(staff, SHOP, r.id)).toMatchObject({ ok: true, request: { status: "approved" } });
    expect(await refundRequest(staff, SHOP, r.id, { to: "original_payment" })).toMatchObject({ ok: false, status: 422, error: { code: "nothing_to_refund" } });
    expect(standin.store.returns.get(returnId)).toMatchObject({ status: "OPEN", refundIds: [] });
    // the approve webhook, delivered late, reads an OPEN Return without refunds: the request stays approved
    expect(await processReturnWebhook(deps(), SHOP, "returns/approve", { admin_graphql_api_id: returnId })).toMatchObject({ outcome: "unchanged" });
    expect(await processReturnWebhook(deps(), SHOP, "returns/process", { admin_graphql_api_id: returnId })).toMatchObject({ outcome: "unchanged" });
    expect((await repos.returnRequests.findById(SHOP, r.id))!.status).toBe("approved");
  });

  it("a Return the app's own submit made: its webhook waits while the submit lives, and adopts it into the request once the submit is gone", async () => {
    const found = await unusedOrderLine(true);
    const { o, line } = found;
    const repos = createRepos(db.prisma);
    const plan = [{ fulfillmentLineItemId: line.id, quantity: 1, returnReasonDefinitionId: standin.store.returnReasonDefinitions.find((d) => d.handle === "changed-my-mind")!.id }];
    const { request } = await storeAppRequest(found, plan, clock);
    // the submit holds its returnRequest claim and Shopify has made the Return; the answer is on its way
    expect(await repos.operations.claim(SHOP, { key: `shopper:returnRequest:${request.id}`, kind: "returnRequest", now: clock, leaseMs: 60_000 })).toMatchObject({ outcome: "claimed" });
    const made = await admin.mutate(RETURN_REQUEST, { input: { orderId: o.id, returnLineItems: plan } });
    const returnId = made.returnRequest!.return!.id;
    await expect(processReturnWebhook(deps(), SHOP, "returns/request", { admin_graphql_api_id: returnId })).rejects.toThrow(RetryLaterError);
    expect(await repos.returnRequests.listForOrder(SHOP, o.id)).toHaveLength(1);
    // two minutes on, the submit never recorded it (it died): the redelivery adopts the Return
    const later = { ...deps(), now: () => new Date(clock.getTime() + 120_000) };
    expect(await processReturnWebhook(later, SHOP, "returns/request", { admin_graphql_api_id: returnId })).toMatchObject({ outcome: "adopted", requestId: request.id });
    expect(await repos.returnRequests.listForOrder(SHOP, o.id)).toMatchObject([{ id: request.id, shopifyReturnId: returnId, status: "requested" }]);
    expect(await repos.operations.get(SHOP, `shopper:returnRequest:${request.id}`)).toMatchObject({ status: "succeeded", result: { returnId } });
  });

  it("a Return with the same units made (and cancelled) before the app's request was stored is never taken for the request's", async () => {
    const found = await unusedOrderLine(true);
    const { o, line } = found;
    const plan = [{ fulfillmentLineItemId: line.id, quantity: 1, returnReasonDefinitionId: standin.store.returnReasonDefinitions.find((d) => d.handle === "changed-my-mind")!.id }];
    const old = (await admin.mutate(RETURN_REQUEST, { input: { orderId: o.id, returnLineItems: plan } })).returnRequest!.return!.id;
    await admin.mutate(RETURN_CANCEL, { id: old });
    // ten minutes later the shopper asks in the app for the same unit; the submit dies holding its claim
    const at = (min: number) => new Date(clock.getTime() + min * 60_000);
    const repos = createRepos(db.prisma);
    const { request } = await storeAppRequest(found, plan, at(10));
    await repos.operations.claim(SHOP, { key: `shopper:returnRequest:${request.id}`, kind: "returnRequest", now: at(10), leaseMs: 60_000 });
    // the old Return's returns/request webhook, delivered late
    const out = await processReturnWebhook({ ...deps(), now: () => at(20) }, SHOP, "returns/request", { admin_graphql_api_id: old });
    expect(out.outcome).not.toBe("adopted");
    expect((await repos.returnRequests.findById(SHOP, request.id))!.shopifyReturnId).toBeNull();
  });

  it("refunds without a return, and returns of unknown state, are ignored", async () => {
    expect(await processReturnWebhook(deps(), SHOP, "refunds/create", { return: null })).toMatchObject({ outcome: "ignored" });
    expect(await processReturnWebhook(deps(), SHOP, "returns/approve", { admin_graphql_api_id: "gid://shopify/Return/987654321" })).toMatchObject({
      outcome: "ignored",
    });
  });

  it("through the signed route, a replayed returns/request delivery is processed once", async () => {
    configureAppUnderTest({ apiKey: KEY, apiSecret: SECRET, appUrl: APP_URL, scopes: "read_all_orders,write_orders,write_returns", databaseUrl: db.url, adminOrigin: standin.url });
    await db.prisma.session.create({
      data: {
        id: `offline_${SHOP}`,
        shop: SHOP,
        state: "",
        isOnline: false,
        accessToken: TOKEN,
        scope: tomlScopes(),
        expires: new Date(Date.now() + 3_600_000),
        refreshToken,
        refreshTokenExpires: new Date(Date.now() + 90 * 86_400_000),
      },
    });
    const { action } = (await import("~/routes/webhooks.returns.request")) as { action: (a: ActionFunctionArgs) => Promise<Response> };
    const { returnId, orderId } = await shopifyReturn();
    const deliver = () =>
      action({
        request: signedWebhookRequest({
          url: `${APP_URL}/webhooks/returns/request`,
          secret: SECRET,
          shop: SHOP,
          topic: "returns/request",
          body: { admin_graphql_api_id: returnId },
          webhookId: "wh-replay-1",
        }),
        params: {},
        context: {},
      });
    const responses = await Promise.all([deliver(), deliver()]);
    responses.push(await deliver());
    for (const r of responses) expect(r.status).toBe(200);
    // the three deliveries queued one job (keyed by webhook id); run it
    expect(await drainJobs()).toBe(1);
    const rows = await createRepos(db.prisma).returnRequests.listForOrder(SHOP, orderId);
    expect(rows).toHaveLength(1);
    expect(await createRepos(db.prisma).events.listForRequest(SHOP, rows[0]!.id)).toHaveLength(1);
    expect(await db.prisma.webhookDelivery.findMany({ where: { webhookId: "wh-replay-1" } })).toMatchObject([{ status: "processed" }]);
    // a forged signature is refused and changes nothing
    const forged = await action({
      request: signedWebhookRequest({ url: `${APP_URL}/webhooks/returns/request`, secret: "wrong", shop: SHOP, topic: "returns/request", body: { admin_graphql_api_id: returnId } }),
      params: {},
      context: {},
    }).catch((e: unknown) => e as Response);
    expect(forged.status).toBe(401);
  });
});
