/**
 * Money reconciliation against the in-process stand-in: the normal lifecycles (requested, approved,
 * refunded, credited, refunded then closed, declined) show no drift; drift injected at Shopify (a refund
 * made directly in the Shopify admin, a partial refund on the order outside the return, an app figure
 * that disagrees with Shopify's) is flagged with both figures. Admin calls are counted at the transport.
 * Runs on SQLite, and on PostgreSQL when DATABASE_URL=postgresql://...
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "~/db/test-db";
import { createRepos, type ReturnRequestWithLines } from "~/db";
import { computeRefund, formatMoney, getPreset, parsePolicy, toDecimalString, type Policy } from "~/returns";
import { offlineAdminClient, type AdminClient } from "~/shopify/admin-client";
import { REFUND_CREATE, RETURN_APPROVE_REQUEST, RETURN_REQUEST } from "~/shopify/operations";
import { approveRequest, closeRequest, declineRequest, markReceived, refundRequest, type StaffDeps } from "~/services/staff";
import { getOverview, submitReturnRequest, type ShopperDeps } from "~/services/shopper";
import { refundAtShopify } from "~/services/staff/shopify-steps";
import { startStandin, tomlScopes, type Standin } from "../../../standin";
import { addOrder } from "../../../standin/testing";
import { BATCH, latestReconciliation, reconcileMoney } from "./index";
import { recordingFetch } from "~/test/standin-admin";

const SHOP = "demo-returns.myshopify.com";
const TOKEN = "shpat_reconcile_test";
let db: TestDatabase;
let standin: Standin;
let admin: AdminClient;
const reads: string[] = [];
const clock = new Date("2026-11-20T01:00:00Z");
const used = new Set<string>();

const deps = (): StaffDeps => ({ repos: createRepos(db.prisma), admin, now: () => clock, actor: "staff:42" });
const ctx = () => ({ repos: createRepos(db.prisma), admin, now: () => clock });

const policy: Policy = parsePolicy({ ...getPreset("standard-30-day")!, approval: { mode: "manual" } });

function pickOrder() {
  for (const o of standin.store.orders.values()) {
    if (used.has(o.id) || !o.customerId || o.returnIds.length > 0 || o.refundIds.length > 0) continue;
    const f = o.fulfillments.find((x) => x.status === "SUCCESS" && x.lines.length > 0);
    const line = f?.lines[0];
    const li = line && o.lineItems.find((l) => l.id === line.lineItemId);
    if (!f || !line || !li || li.isGiftCard || li.unitPricePresentment <= 0) continue;
    if (!o.transactions.some((t) => t.status === "SUCCESS" && (t.kind === "SALE" || t.kind === "CAPTURE"))) continue;
    used.add(o.id);
    return { order: o, line, li };
  }
  throw new Error("no unused fulfilled order in the demo seed");
}

/** A Shopify Return in REQUESTED state and the app's request for it. */
async function requested(): Promise<{ request: ReturnRequestWithLines; order: ReturnType<typeof pickOrder>["order"]; lineItemId: string }> {
  const { order, line, li } = pickOrder();
  const reason = standin.store.returnReasonDefinitions.find((d) => d.handle === "changed-my-mind")!;
  const res = await admin.mutate(RETURN_REQUEST, {
    input: { orderId: order.id, returnLineItems: [{ fulfillmentLineItemId: line.id, quantity: 1, returnReasonDefinitionId: reason.id }] },
  });
  const currency = order.presentmentCurrencyCode;
  const unit = li.unitPricePresentment - Math.floor(li.discountPresentment / Math.max(1, li.quantity));
  const priced = computeRefund({ policy, currency, lines: [{ unitPrice: toDecimalString(unit, currency), quantity: 1, group: "change_of_mind" }] });
  const { request } = await createRepos(db.prisma).returnRequests.create(SHOP, {
    idempotencyKey: `k-${order.id}`,
    orderId: order.id,
    orderName: order.name,
    customerId: order.customerId,
    currency,
    refundMinor: priced.totalMinor,
    feesMinor: priced.restockingMinor + priced.returnShippingFeeMinor,
    shopifyReturnId: res.returnRequest!.return!.id,
    lines: [{ lineItemId: li.id, fulfillmentLineItemId: line.id, title: li.title, quantity: 1, reason: "UNWANTED", eligible: true }],
    now: clock,
  });
  return { request, order, lineItemId: li.id };
}

beforeAll(async () => {
  db = await createTestDatabase();
  standin = await startStandin({ apiKey: "reconcile-key", apiSecret: "reconcile-secret-0123456789", seed: "demo", webhooks: [] });
  standin.grantOfflineToken({ token: TOKEN, scope: tomlScopes() });
  const counting = recordingFetch(reads, "query");
  admin = offlineAdminClient({ shop: SHOP, accessToken: TOKEN, env: { SHOPIFY_ADMIN_ORIGIN: standin.url }, fetch: counting }, { sleep: async () => {}, retry: { maxAttempts: 2 } });
  await createRepos(db.prisma).policies.saveNewVersion(SHOP, { policy, now: new Date("2026-01-01T00:00:00Z") });
});

afterAll(async () => {
  await standin?.close();
  await db?.cleanup();
});

describe("money reconciliation", () => {
  const ids: Record<string, string> = {};

  it("finds no drift on the normal lifecycles, in one nodes read per batch of Returns", async () => {
    ids.requested = (await requested()).request.id;
    const approved = (await requested()).request.id;
    expect((await approveRequest(deps(), SHOP, approved)).ok).toBe(true);
    ids.approved = approved;
    for (const [name, to] of [["refunded", "original_payment"], ["credited", "store_credit"], ["closed", "original_payment"]] as const) {
      const { request } = await requested();
      expect((await approveRequest(deps(), SHOP, request.id)).ok).toBe(true);
      expect((await refundRequest(deps(), SHOP, request.id, { to })).ok).toBe(true);
      if (name === "closed") expect((await closeRequest(deps(), SHOP, request.id)).ok).toBe(true);
      ids[name] = request.id;
    }
    const declined = (await requested()).request.id;
    expect((await declineRequest(deps(), SHOP, declined, { reason: "OTHER" })).ok).toBe(true);

    reads.length = 0;
    const run = await reconcileMoney(ctx(), SHOP);
    expect(run).toMatchObject({ checked: 6, drifted: 0, missing: 0, adminCalls: 1, drift: [] });
    expect(reads).toEqual(["ReturnsMoney"]);
    expect(await latestReconciliation(ctx(), SHOP)).toMatchObject({ checked: 6, drifted: 0 });
  });

  it("flags a refund made directly in the Shopify admin, with both figures", async () => {
    const { request } = await requested();
    await admin.mutate(RETURN_APPROVE_REQUEST, { input: { id: request.shopifyReturnId! } });
    // the merchant refunds NZD 7.00 on the Return in the Shopify admin; the app is not told (no webhook)
    await refundAtShopify(admin, request.shopifyReturnId!, { to: "original_payment" }, { amountMinor: 700, currency: request.currency }, false, false, { reconcile: false });
    const run = await reconcileMoney(ctx(), SHOP);
    const found = run.drift.find((d) => d.requestId === request.id)!;
    expect(found).toMatchObject({ app: { settled: false }, shopify: { refundedMinor: 700 }, drift: [{ kind: "refund_not_recorded" }] });
    expect(found.drift[0]!.message).toMatch(/Shopify shows .*7\.00 refunded on the return; the app shows nothing given back yet\./);
    ids.adminRefund = request.id;
  });

  it("flags a partial refund made on the order outside the return (an amount, no items)", async () => {
    const { request, order } = await requested();
    expect((await approveRequest(deps(), SHOP, request.id)).ok).toBe(true);
    expect((await refundRequest(deps(), SHOP, request.id, { to: "original_payment" })).ok).toBe(true);
    const parent = order.transactions.find((t) => t.status === "SUCCESS" && (t.kind === "SALE" || t.kind === "CAPTURE"))!;
    const made = await admin.mutate(
      REFUND_CREATE,
      {
        input: {
          orderId: order.id,
          transactions: [{ orderId: order.id, parentId: parent.id, gateway: parent.gateway, kind: "REFUND", amount: toDecimalString(250, request.currency) }],
        },
      },
      { idempotencyKey: `elsewhere-${request.id}` },
    );
    expect(made.refundCreate?.refund?.id).toBeTruthy();
    const run = await reconcileMoney(ctx(), SHOP);
    const found = run.drift.find((d) => d.requestId === request.id)!;
    expect(found.shopify).toMatchObject({ refundedMinor: request.refundMinor, outsideReturnMinor: 250 });
    expect(found.drift.map((d) => d.kind)).toEqual(["refund_outside_return"]);
    expect(found.drift[0]!.message).toMatch(/2\.50 refunded on the order outside the return/);
  });

  it("flags an app figure that disagrees with Shopify's refund, and a request the app calls refunded that Shopify never refunded", async () => {
    const repos = createRepos(db.prisma);
    const r = (await repos.returnRequests.findById(SHOP, ids.refunded!))!;
    await repos.returnRequests.transition(SHOP, r.id, { expectedLockVersion: r.lockVersion, patch: { refundMinor: r.refundMinor + 100 }, now: clock });
    const a = (await repos.returnRequests.findById(SHOP, ids.approved!))!;
    await repos.returnRequests.transition(SHOP, a.id, { expectedLockVersion: a.lockVersion, to: "refunded", now: clock });
    const run = await reconcileMoney(ctx(), SHOP);
    expect(run.drift.find((d) => d.requestId === r.id)).toMatchObject({
      app: { refundMinor: r.refundMinor + 100, settled: true },
      shopify: { refundedMinor: r.refundMinor },
      drift: [{ kind: "refund_amount" }],
    });
    expect(run.drift.find((d) => d.requestId === a.id)).toMatchObject({ shopify: { refundedMinor: 0 }, drift: [{ kind: "refund_missing" }] });
    // the untouched lifecycles still show none
    for (const k of ["requested", "credited", "closed"]) expect(run.drift.find((d) => d.requestId === ids[k])).toBeUndefined();
  });

  it("checks the fees Shopify records on the Return (restocking per line, return shipping) against the app's, past the batch read's first lines", async () => {
    // Fees are recorded on the Return only through these two fields: the Fee interface has exactly
    // RestockingFee (ReturnLineItem.restockingFee) and ReturnShippingFee (Return.returnShippingFees)
    // (https://shopify.dev/docs/api/admin-graphql/latest/interfaces/Fee).
    const repos = createRepos(db.prisma);
    const withFees = parsePolicy({ ...getPreset("standard-30-day")!, approval: { mode: "manual" }, fees: { restockingBps: 1250, returnShippingFeeMinor: 850, appliesTo: ["change_of_mind"] } });
    await repos.policies.saveNewVersion(SHOP, { policy: withFees, now: new Date("2026-01-02T00:00:00Z") });
    const shopper: ShopperDeps = { repos, admin, now: () => new Date(), uploadOrigins: [standin.url] };
    const customerId = [...standin.store.orders.values()].find((o) => o.customerId)!.customerId!;
    const day = 24 * 60 * 60 * 1000;
    // seven lines, more than the batch read's five: the fees of the last two are read by reading the Return again alone
    const order = addOrder(standin.store, {
      customerId,
      presentment: "NZD",
      lines: Array.from({ length: 7 }, (_, i) => ({ title: `Fee tee ${i + 1}`, unitPresentment: 3995 + 100 * i, quantity: 1 })),
      processedAt: new Date(Date.now() - 4 * day).toISOString(),
      deliveredAt: new Date(Date.now() - 2 * day).toISOString(),
    });
    used.add(order.id);
    const ov = await getOverview(shopper, { shop: SHOP, customerId, locale: null }, order.id);
    const lines = ov.lines.map((l) => ({ l, reason: l.reasons.find((r) => r.code === "UNWANTED")! }));
    expect(lines).toHaveLength(7);
    const submitted = await submitReturnRequest(shopper, { shop: SHOP, customerId, locale: null }, order.id, {
      idempotencyKey: `fees-${order.id}`,
      lines: lines.map(({ l, reason }) => ({ lineItemId: l.lineItemId, quantity: 1, reason: reason.code as never, conditions: [...reason.conditions] as never, photos: [], note: "" })),
      resolution: "refund",
    });
    const request = (await repos.returnRequests.findById(SHOP, submitted.request.id))!;
    // 12.5% of each line, half up, and NZD 8.50 once
    const expected = lines.reduce((a, _x, i) => a + Math.round(((3995 + 100 * i) * 1250) / 10_000), 0) + 850;
    expect(request.feesMinor).toBe(expected);
    const ret = standin.store.returns.get(request.shopifyReturnId!)!;
    expect(ret.lines.filter((l) => l.restockingFeePercentage === 12.5)).toHaveLength(7);

    expect((await approveRequest(deps(), SHOP, request.id)).ok).toBe(true);
    expect((await markReceived(deps(), SHOP, request.id, { restock: true })).ok).toBe(true);
    expect((await refundRequest(deps(), SHOP, request.id, { to: "original_payment" })).ok).toBe(true);
    reads.length = 0;
    let run = await reconcileMoney(ctx(), SHOP);
    expect(run.drift.find((d) => d.requestId === request.id)).toBeUndefined();
    // the batch, then this Return alone (seven lines)
    expect(reads).toEqual(["ReturnsMoney", "ReturnsMoney"]);

    // the app's figure drifts from Shopify's record by one cent: flagged with both figures
    const now = (await repos.returnRequests.findById(SHOP, request.id))!;
    await repos.returnRequests.transition(SHOP, now.id, { expectedLockVersion: now.lockVersion, patch: { feesMinor: expected - 1 }, now: clock });
    run = await reconcileMoney(ctx(), SHOP);
    const found = run.drift.find((d) => d.requestId === request.id)!;
    expect(found).toMatchObject({ app: { feesMinor: expected - 1 }, shopify: { feesMinor: expected }, drift: [{ kind: "fees" }] });
    expect(found.drift[0]!.message).toBe(`The app kept ${formatMoney(expected - 1, "NZD")} in fees; Shopify records ${formatMoney(expected, "NZD")}.`);
  });

  it("reads the store credit bonus by id (decision 220): credited as owed is no drift; missing or another amount is drift with both figures", async () => {
    const repos = createRepos(db.prisma);
    const { request } = await requested();
    // the policy offered +10% store credit when the request was made
    await repos.returnRequests.transition(SHOP, request.id, { expectedLockVersion: request.lockVersion, patch: { verdict: { storeCreditBonusBps: 1000 } }, now: clock });
    expect((await approveRequest(deps(), SHOP, request.id)).ok).toBe(true);
    expect((await refundRequest(deps(), SHOP, request.id, { to: "store_credit" })).ok).toBe(true);
    const bonusMinor = Math.floor((request.refundMinor * 1000 + 5000) / 10_000);
    expect(bonusMinor).toBeGreaterThan(0);
    const refunded = (await repos.events.listForRequest(SHOP, request.id)).find((e) => e.type === "refunded")!;
    const creditId = (refunded.payload as { bonus: { id: string } }).bonus.id;
    const txn = () => [...standin.store.storeCreditAccounts.values()].flatMap((a) => a.transactions).find((t) => t.id === creditId)!;
    expect(txn().amount).toBe(bonusMinor);

    // credited as owed: no drift; the bonus costs one more read for the whole run
    reads.length = 0;
    let run = await reconcileMoney(ctx(), SHOP);
    expect(run.drift.find((d) => d.requestId === request.id)).toBeUndefined();
    expect(reads.filter((r) => r === "StoreCreditBonusReads")).toHaveLength(1);
    expect(run.adminCalls).toBe(reads.length);

    // Shopify shows another amount for the credit: flagged, both figures in words
    const fmt = (m: number) => formatMoney(m, request.currency);
    txn().amount = bonusMinor - 1;
    run = await reconcileMoney(ctx(), SHOP);
    let found = run.drift.find((d) => d.requestId === request.id)!;
    expect(found).toMatchObject({ app: { bonusMinor }, shopify: { refundedMinor: request.refundMinor, bonusCreditedMinor: bonusMinor - 1 } });
    expect(found.drift).toEqual([{ kind: "store_credit_bonus", message: `The app shows ${fmt(bonusMinor)} of store credit bonus; Shopify shows ${fmt(bonusMinor - 1)} credited for it.` }]);

    // Shopify has no such credit (never made, or the id points nowhere): flagged as nothing credited
    for (const a of standin.store.storeCreditAccounts.values()) a.transactions = a.transactions.filter((t) => t.id !== creditId);
    run = await reconcileMoney(ctx(), SHOP);
    found = run.drift.find((d) => d.requestId === request.id)!;
    expect(found.drift).toEqual([{ kind: "store_credit_bonus", message: `The app shows ${fmt(bonusMinor)} of store credit bonus; Shopify shows ${fmt(0)} credited for it.` }]);
    // the refund itself still matches to the minor unit: only the bonus is drift
    expect(found.shopify.refundedMinor).toBe(request.refundMinor);
  });

  it("reads Returns in batches: 1,000 Return ids take ceil(1000 / BATCH) reads", () => {
    expect(Math.ceil(1000 / BATCH)).toBe(40);
  });
});
