/**
 * Staff workflow against the in-process Shopify stand-in (real schema execution, real state
 * machine), over the real offline AdminClient. Mutations reaching the stand-in are counted at the
 * HTTP boundary. Runs on SQLite, and on PostgreSQL when DATABASE_URL=postgresql://...
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "~/db/test-db";
import { createPrismaClient } from "~/db/client";
import { createRepos, type ReturnRequestWithLines } from "~/db";
import { computeRefund, getPreset, parsePolicy, toDecimalString, type Policy } from "~/returns";
import { offlineAdminClient, type AdminClient } from "~/shopify/admin-client";
import { RETURN_APPROVE_REQUEST, RETURN_REQUEST } from "~/shopify/operations";
import { startStandin, tomlScopes, type Standin } from "../../../standin";
import {
  approveRequest,
  closeRequest,
  declineRequest,
  markReceived,
  maybeAutoApprove,
  refundRequest,
  retryLastAction,
  type StaffDeps,
} from "./index";
import { overrideAmount } from "./override";
import { loadRequestDetail } from "~/services/admin-views";
import { recordingFetch } from "~/test/standin-admin";

const SHOP = "demo-returns.myshopify.com";
const OTHER = "other-shop.myshopify.com";
const TOKEN = "shpat_staff_test";

let db: TestDatabase;
let standin: Standin;
let admin: AdminClient;
const sent: string[] = [];
const clock = new Date("2026-11-20T01:00:00Z");
const used = new Set<string>();

function deps(actor = "staff:42"): StaffDeps {
  return { repos: createRepos(db.prisma), admin, now: () => clock, actor };
}

const mutationsSent = (name: string) => sent.filter((n) => n === name).length;

/** A fulfilled order of the demo shop not used by another test, with its first fulfilled line. */
function pickOrder() {
  for (const o of standin.store.orders.values()) {
    if (used.has(o.id) || !o.customerId || o.returnIds.length > 0 || o.refundIds.length > 0) continue;
    const f = o.fulfillments.find((x) => x.status === "SUCCESS" && x.lines.length > 0);
    const line = f?.lines[0];
    const li = line && o.lineItems.find((l) => l.id === line.lineItemId);
    if (!f || !line || !li || li.isGiftCard || li.unitPricePresentment <= 0) continue;
    if (!o.transactions.some((t) => t.kind === "SALE" || t.kind === "CAPTURE")) continue;
    used.add(o.id);
    return { order: o, line, li };
  }
  throw new Error("no unused fulfilled order in the demo seed");
}

const policy: Policy = parsePolicy({
  ...getPreset("standard-30-day")!,
  fees: { restockingBps: 1000, returnShippingFeeMinor: 500, appliesTo: ["change_of_mind"] },
  approval: { mode: "manual" },
});

/** A Shopify Return in REQUESTED state plus our stored request pointing at it (what submit does). */
async function requested(shop = SHOP): Promise<{ request: ReturnRequestWithLines; refundMinor: number }> {
  const { order, line, li } = pickOrder();
  const reason = standin.store.returnReasonDefinitions.find((d) => d.handle === "changed-my-mind")!;
  const res = await admin.mutate(RETURN_REQUEST, {
    input: { orderId: order.id, returnLineItems: [{ fulfillmentLineItemId: line.id, quantity: 1, returnReasonDefinitionId: reason.id }] },
  });
  const currency = order.presentmentCurrencyCode;
  const unit = li.unitPricePresentment - Math.floor(li.discountPresentment / Math.max(1, li.quantity));
  const priced = computeRefund({ policy, currency, lines: [{ unitPrice: toDecimalString(unit, currency), quantity: 1, group: "change_of_mind" }] });
  const { request } = await createRepos(db.prisma).returnRequests.create(shop, {
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
  return { request, refundMinor: priced.totalMinor };
}

beforeAll(async () => {
  db = await createTestDatabase();
  standin = await startStandin({ apiKey: "staff-key", apiSecret: "staff-secret-0123456789", seed: "demo", webhooks: [] });
  standin.grantOfflineToken({ token: TOKEN, scope: tomlScopes() });
  const counting = recordingFetch(sent, "mutation");
  admin = offlineAdminClient(
    { shop: SHOP, accessToken: TOKEN, env: { SHOPIFY_ADMIN_ORIGIN: standin.url }, fetch: counting },
    { sleep: async () => {}, retry: { maxAttempts: 2 } },
  );
  await createRepos(db.prisma).policies.saveNewVersion(SHOP, { policy, now: new Date("2026-01-01T00:00:00Z") });
});

afterAll(async () => {
  await standin?.close();
  await db?.cleanup();
});

describe("staff actions against the stand-in", () => {
  it("approve -> Return OPEN, with the label on a reverse delivery; audit event by the staff member", async () => {
    const { request } = await requested();
    const r = await approveRequest(deps(), SHOP, request.id, { returnLabelUrl: "https://labels.example/l1.pdf", trackingNumber: "1Z999" });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.request.status).toBe("approved");
    const ret = standin.store.returns.get(request.shopifyReturnId!)!;
    expect(ret.status).toBe("OPEN");
    expect(ret.rfos[0]!.deliveries).toHaveLength(1);
    expect(ret.rfos[0]!.deliveries[0]!.labelUrl).toBe("https://labels.example/l1.pdf");
    const events = await createRepos(db.prisma).events.listForRequest(SHOP, request.id);
    expect(events.map((e) => [e.type, e.actor])).toEqual([["approved", "staff:42"]]);
    expect(events[0]!.shopifyResponse).toMatchObject({ returnApproveRequest: { status: "OPEN" } });
    // a second click is a no-op success, no second mutation
    const before = mutationsSent("ReturnApproveRequest");
    expect((await approveRequest(deps(), SHOP, request.id)).ok).toBe(true);
    expect(mutationsSent("ReturnApproveRequest")).toBe(before);
  });

  it("a decline message over Shopify's 500-character declineNote is refused naming the field, before any Shopify call; 500 goes through", async () => {
    const { request } = await requested();
    const before = mutationsSent("ReturnDeclineRequest");
    const r = await declineRequest(deps(), SHOP, request.id, { reason: "OTHER", message: "m".repeat(501) });
    expect(r).toMatchObject({ ok: false, status: 422, error: { code: "invalid_argument", field: "message", message: "message: must be at most 500 characters" } });
    expect(mutationsSent("ReturnDeclineRequest")).toBe(before);
    expect(standin.store.returns.get(request.shopifyReturnId!)!.status).toBe("REQUESTED");
    const stored = await createRepos(db.prisma).returnRequests.findById(SHOP, request.id);
    expect(stored).toMatchObject({ status: "requested", lastError: null });

    const ok = await declineRequest(deps(), SHOP, request.id, { reason: "OTHER", message: "m".repeat(500) });
    expect(ok.ok && ok.request.status).toBe("declined");
    expect(standin.store.returns.get(request.shopifyReturnId!)!.decline?.note).toHaveLength(500);
  });

  it("decline -> Return DECLINED with Shopify's reason and the message", async () => {
    const { request } = await requested();
    const r = await declineRequest(deps(), SHOP, request.id, { reason: "FINAL_SALE", message: "Sale items are final." });
    expect(r.ok && r.request.status).toBe("declined");
    const ret = standin.store.returns.get(request.shopifyReturnId!)!;
    expect(ret.status).toBe("DECLINED");
    expect(ret.decline).toEqual({ reason: "FINAL_SALE", note: "Sale items are final." });
    // declined requests cannot be approved
    const again = await approveRequest(deps(), SHOP, request.id);
    expect(again).toMatchObject({ ok: false, status: 409, error: { code: "invalid_transition" } });
  });

  it("rejects bad arguments naming the field", async () => {
    const { request } = await requested();
    const r = await declineRequest(deps(), SHOP, request.id, { reason: "BECAUSE" as never });
    expect(r).toMatchObject({ ok: false, status: 422, error: { code: "invalid_argument" } });
    if (!r.ok) expect(r.error.message).toMatch(/^reason:/);
  });

  it("receive + refund -> a refund of the engine's amount (fees off) in the stand-in; close -> CLOSED", async () => {
    const { request, refundMinor } = await requested();
    expect((await approveRequest(deps(), SHOP, request.id)).ok).toBe(true);
    expect((await markReceived(deps(), SHOP, request.id, { restock: true })).ok).toBe(true);
    const r = await refundRequest(deps(), SHOP, request.id, { to: "original_payment" });
    expect(r.ok && r.request.status).toBe("refunded");
    const ret = standin.store.returns.get(request.shopifyReturnId!)!;
    expect(ret.refundIds).toHaveLength(1);
    const refund = standin.store.refunds.get(ret.refundIds[0]!)!;
    expect(refund.total).toBe(refundMinor);
    expect(refundMinor).toBeGreaterThan(0);
    // a repeat does not refund twice
    expect((await refundRequest(deps(), SHOP, request.id, { to: "original_payment" })).ok).toBe(true);
    expect(ret.refundIds).toHaveLength(1);
    const c = await closeRequest(deps(), SHOP, request.id);
    expect(c.ok && c.request.status).toBe("closed");
    expect(ret.status).toBe("CLOSED");
    const events = await createRepos(db.prisma).events.listForRequest(SHOP, request.id);
    expect(events.map((e) => e.type)).toEqual(["approved", "received", "refunded", "closed"]);
    // the request records what Shopify's record shows: the refund's id and amount, read back
    expect(events[2]!.payload).toMatchObject({ settled: { refunds: [{ id: ret.refundIds[0], amountMinor: refundMinor }], totalMinor: refundMinor } });
  });

  it("refund as store credit credits the customer's account and marks the request credited", async () => {
    const { request, refundMinor } = await requested();
    await approveRequest(deps(), SHOP, request.id);
    const r = await refundRequest(deps(), SHOP, request.id, { to: "store_credit" });
    expect(r.ok && r.request.status).toBe("credited");
    const ret = standin.store.returns.get(request.shopifyReturnId!)!;
    const refund = standin.store.refunds.get(ret.refundIds[0]!)!;
    expect(refund.storeCredit).toBe(refundMinor);
    const credited = (await createRepos(db.prisma).events.listForRequest(SHOP, request.id)).find((e) => e.type === "refunded")!;
    expect(credited.payload).toMatchObject({ to: "store_credit", settled: { refunds: [{ id: ret.refundIds[0], amountMinor: refundMinor }], totalMinor: refundMinor } });
  });

  it("staff lower the amount with a reason (lower only, never above what Shopify will refund); the refund and the money card follow Shopify", async () => {
    const { request, refundMinor } = await requested();
    const cur = request.currency;
    const lower = Math.floor(refundMinor / 2);
    // a reason is required, the amount must be a decimal in the order's currency, and only lower
    expect(await overrideAmount(deps(), SHOP, request.id, { amount: toDecimalString(lower, cur), reason: "  " })).toMatchObject({ ok: false, status: 422, error: { field: "reason" } });
    expect(await overrideAmount(deps(), SHOP, request.id, { amount: "twelve", reason: "used" })).toMatchObject({ ok: false, status: 422, error: { field: "amount" } });
    expect(await overrideAmount(deps(), SHOP, request.id, { amount: toDecimalString(refundMinor, cur), reason: "used" })).toMatchObject({ ok: false, error: { field: "amount", message: expect.stringMatching(/can only be lowered/) } });
    expect(await overrideAmount(deps(), SHOP, request.id, { amount: "0", reason: "used" })).toMatchObject({ ok: false, error: { field: "amount" } });
    const ok = await overrideAmount(deps(), SHOP, request.id, { amount: toDecimalString(lower, cur), reason: "Came back worn" });
    expect(ok.ok && ok.request.refundMinor).toBe(lower);
    // never above what Shopify will refund: the order's payments less its refunds, read at Shopify
    const order = standin.store.orders.get(request.orderId)!;
    const paid = order.transactions.filter((t) => t.status === "SUCCESS" && (t.kind === "SALE" || t.kind === "CAPTURE")).reduce((a, t) => a + t.presentmentAmount, 0);
    expect(paid).toBeGreaterThan(lower);
    let detail = (await loadRequestDetail(deps(), SHOP, request.id))!;
    expect(detail.money).toMatchObject({ refundMinor: lower, settled: null, override: { reason: "Came back worn" } });
    expect(detail.events.at(-1)).toMatchObject({ type: "amount_overridden", summary: expect.stringMatching(/^reason: Came back worn · newAmount: /) });
    expect((await approveRequest(deps(), SHOP, request.id)).ok).toBe(true);
    expect((await refundRequest(deps(), SHOP, request.id, { to: "original_payment" })).ok).toBe(true);
    const ret = standin.store.returns.get(request.shopifyReturnId!)!;
    expect(standin.store.refunds.get(ret.refundIds[0]!)!.total).toBe(lower);
    // the money card now shows what Shopify shows went back; no more override once money moved
    detail = (await loadRequestDetail(deps(), SHOP, request.id))!;
    expect(detail.money.settled).toMatchObject({ kind: "refund", amountMinor: lower });
    expect(await overrideAmount(deps(), SHOP, request.id, { amount: "1", reason: "late" })).toMatchObject({ ok: false, status: 409 });
  });

  it("store credit is called store credit: asked for, the card says 'Store credit'; issued, 'Store credit issued'; declined, nothing", async () => {
    const { request } = await requested();
    const repos = createRepos(db.prisma);
    await repos.returnRequests.transition(SHOP, request.id, { expectedLockVersion: request.lockVersion, patch: { resolution: "store_credit" }, now: clock });
    expect((await loadRequestDetail(deps(), SHOP, request.id))!.money).toMatchObject({ asStoreCredit: true, settled: null, nothingBack: false });
    await approveRequest(deps(), SHOP, request.id);
    expect((await refundRequest(deps(), SHOP, request.id, { to: "store_credit" })).ok).toBe(true);
    expect((await loadRequestDetail(deps(), SHOP, request.id))!.money).toMatchObject({ asStoreCredit: true, settled: { kind: "store_credit" } });
    const other = (await requested()).request;
    await declineRequest(deps(), SHOP, other.id, { reason: "OTHER" });
    expect((await loadRequestDetail(deps(), SHOP, other.id))!.money).toMatchObject({ nothingBack: true, settled: null });
  });

  it("20 concurrent approvals of one request make exactly one returnApproveRequest", async () => {
    const { request } = await requested();
    const before = mutationsSent("ReturnApproveRequest");
    // two app instances: half the clicks arrive through a second database client
    const second = createPrismaClient(db.url);
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => approveRequest(i % 2 ? { ...deps(), repos: createRepos(second) } : deps(), SHOP, request.id)),
    );
    await second.$disconnect();
    expect(mutationsSent("ReturnApproveRequest") - before).toBe(1);
    expect(results.filter((r) => r.ok).length).toBeGreaterThanOrEqual(1);
    for (const r of results) if (!r.ok) expect(r).toMatchObject({ status: 409, error: { code: "in_progress" } });
    const stored = await createRepos(db.prisma).returnRequests.findById(SHOP, request.id);
    expect(stored!.status).toBe("approved");
    const events = await createRepos(db.prisma).events.listForRequest(SHOP, request.id);
    expect(events.filter((e) => e.type === "approved")).toHaveLength(1);
    expect(standin.store.returns.get(request.shopifyReturnId!)!.status).toBe("OPEN");
  });

  it("a throttled approve leaves a visible, retryable failure; retryLastAction completes it once", async () => {
    const { request } = await requested();
    standin.faults.inject({ operationName: "ReturnApproveRequest", kind: "throttle", times: 2 });
    const r = await approveRequest(deps(), SHOP, request.id);
    expect(r).toMatchObject({ ok: false, status: 502, error: { code: "shopify_throttled" } });
    const repos = createRepos(db.prisma);
    const failed = await repos.returnRequests.findById(SHOP, request.id);
    expect(failed!.status).toBe("requested");
    expect(failed!.lastError).toMatch(/^approve failed: Shopify was busy/);
    expect(standin.store.returns.get(request.shopifyReturnId!)!.status).toBe("REQUESTED");
    const before = mutationsSent("ReturnApproveRequest");
    const retried = await retryLastAction(deps(), SHOP, request.id);
    expect(retried.ok && retried.request.status).toBe("approved");
    expect(retried.ok && retried.request.lastError).toBeNull();
    expect(mutationsSent("ReturnApproveRequest") - before).toBe(1);
    expect(standin.store.returns.get(request.shopifyReturnId!)!.status).toBe("OPEN");
    expect(await retryLastAction(deps(), SHOP, request.id)).toMatchObject({ ok: false, status: 409 });
  });

  it("a 500 on returnProcess (may have applied) is reconciled by re-reading the Return before retrying", async () => {
    const { request } = await requested();
    await approveRequest(deps(), SHOP, request.id);
    standin.faults.inject({ operationName: "ReturnProcess", kind: "http500", times: 1 });
    const r = await refundRequest(deps(), SHOP, request.id, { to: "original_payment" });
    expect(r).toMatchObject({ ok: false, status: 502, error: { code: "shopify_unavailable" } });
    const ret = standin.store.returns.get(request.shopifyReturnId!)!;
    expect(ret.refundIds).toHaveLength(0);
    const retried = await retryLastAction(deps(), SHOP, request.id);
    expect(retried.ok && retried.request.status).toBe("refunded");
    expect(ret.refundIds).toHaveLength(1);
    // had the first call applied, the retry would have found the refund and not sent another
    const again = await retryLastAction(deps(), SHOP, request.id);
    expect(again.ok).toBe(false);
    expect(ret.refundIds).toHaveLength(1);
  });

  it("a crashed attempt whose approve did apply is reconciled after the lease: no second approve", async () => {
    const { request } = await requested();
    const repos = createRepos(db.prisma);
    // instance 1 claimed, sent returnApproveRequest, and died before recording anything
    const claim = await repos.operations.claim(SHOP, { key: `approve:${request.id}`, kind: "approve", now: clock, leaseMs: 60_000 });
    expect(claim.outcome).toBe("claimed");
    await admin.mutate(RETURN_APPROVE_REQUEST, { input: { id: request.shopifyReturnId! } });
    const before = mutationsSent("ReturnApproveRequest");
    // within the lease another click is told it is under way
    expect(await approveRequest(deps(), SHOP, request.id)).toMatchObject({ ok: false, status: 409, error: { code: "in_progress" } });
    // after the lease, the next attempt re-reads the Return, sees OPEN, and only records it
    const later = { ...deps(), now: () => new Date(clock.getTime() + 61_000) };
    const r = await approveRequest(later, SHOP, request.id);
    expect(r.ok && r.request.status).toBe("approved");
    expect(mutationsSent("ReturnApproveRequest")).toBe(before);
    const ev = (await repos.events.listForRequest(SHOP, request.id)).find((e) => e.type === "approved");
    expect(ev?.shopifyResponse).toMatchObject({ returnApproveRequest: { reconciled: true, status: "OPEN" } });
  });

  it("approved but the label was refused: the retry sends only the label, never a second approve", async () => {
    const { request } = await requested();
    standin.faults.inject({ operationName: "ReverseDeliveryCreateWithShipping", kind: "userErrors", times: 1 });
    const r = await approveRequest(deps(), SHOP, request.id, { returnLabelUrl: "https://labels.example/l2.pdf" });
    expect(r).toMatchObject({ ok: false, status: 422, error: { code: "shopify_user_error" } });
    if (!r.ok) expect(r.error.shopifyErrors?.length).toBe(1);
    const ret = standin.store.returns.get(request.shopifyReturnId!)!;
    expect(ret.status).toBe("OPEN");
    const failed = await createRepos(db.prisma).returnRequests.findById(SHOP, request.id);
    expect(failed!.status).toBe("requested");
    expect(failed!.lastError).toMatch(/^approve failed: Shopify refused/);
    const approves = mutationsSent("ReturnApproveRequest");
    const retried = await retryLastAction(deps(), SHOP, request.id);
    expect(retried.ok && retried.request.status).toBe("approved");
    expect(mutationsSent("ReturnApproveRequest")).toBe(approves);
    expect(ret.rfos[0]!.deliveries.map((d) => d.labelUrl)).toEqual(["https://labels.example/l2.pdf"]);
    const types = (await createRepos(db.prisma).events.listForRequest(SHOP, request.id)).map((e) => e.type);
    expect(types).toEqual(["approve_failed", "approved"]);
  });

  it("staff of shop A get 404 for shop B's request id", async () => {
    const { request } = await requested();
    for (const act of [
      () => approveRequest(deps(), OTHER, request.id),
      () => declineRequest(deps(), OTHER, request.id, { reason: "OTHER" }),
      () => markReceived(deps(), OTHER, request.id, { restock: false }),
      () => refundRequest(deps(), OTHER, request.id, { to: "original_payment" }),
      () => closeRequest(deps(), OTHER, request.id),
      () => retryLastAction(deps(), OTHER, request.id),
    ]) {
      expect(await act()).toMatchObject({ ok: false, status: 404, error: { code: "not_found" } });
    }
    expect(await approveRequest(deps(), "not a shop", request.id)).toMatchObject({ ok: false, status: 404 });
    expect(standin.store.returns.get(request.shopifyReturnId!)!.status).toBe("REQUESTED");
  });

  it("auto-approval acts only when the Settings switch is on and the policy's mode approves; then approves as actor auto", async () => {
    const repos = createRepos(db.prisma);
    const { request } = await requested();
    // switch on, manual policy (saved above): nothing happens
    await repos.shops.upsertInstalled(SHOP, { now: clock });
    await repos.shops.updateSettings(SHOP, { autoApproval: true });
    expect(await maybeAutoApprove(deps(), SHOP, request.id)).toBeNull();
    const auto = await repos.policies.saveNewVersion(SHOP, { policy: { ...policy, approval: { mode: "auto_approve_eligible" } }, now: clock });
    await repos.returnRequests.transition(SHOP, request.id, { expectedLockVersion: request.lockVersion, patch: { policyVersion: auto.version }, now: clock });
    // policy approves, switch off: stays requested for staff, nothing sent to Shopify
    await repos.shops.updateSettings(SHOP, { autoApproval: false });
    const approvesBefore = mutationsSent("ReturnApproveRequest");
    expect(await maybeAutoApprove(deps(), SHOP, request.id)).toBeNull();
    expect((await repos.returnRequests.findById(SHOP, request.id))?.status).toBe("requested");
    expect(mutationsSent("ReturnApproveRequest")).toBe(approvesBefore);
    expect(standin.store.returns.get(request.shopifyReturnId!)!.status).toBe("REQUESTED");
    // both say so: approved by "auto"
    await repos.shops.updateSettings(SHOP, { autoApproval: true });
    const r = await maybeAutoApprove(deps(), SHOP, request.id);
    expect(r?.ok && r.request.status).toBe("approved");
    const events = await repos.events.listForRequest(SHOP, request.id);
    expect(events.map((e) => [e.type, e.actor])).toEqual([["approved", "auto"]]);
    expect(standin.store.returns.get(request.shopifyReturnId!)!.status).toBe("OPEN");
  });
});

describe("auto-decline", () => {
  it("auto_approve_and_decline declines a clear refusal with Shopify's reason for the engine's codes", async () => {
    const repos = createRepos(db.prisma);
    const { request } = await requested();
    const v = await repos.policies.saveNewVersion(SHOP, { policy: { ...policy, approval: { mode: "auto_approve_and_decline" } }, now: clock });
    await db.prisma.returnRequestLine.updateMany({ where: { requestId: request.id }, data: { eligible: false, codes: JSON.stringify(["OUTSIDE_WINDOW"]) } });
    await repos.returnRequests.transition(SHOP, request.id, {
      expectedLockVersion: request.lockVersion,
      patch: { policyVersion: v.version, verdict: { decision: "decline", lines: [{ explanation: "The 30-day return window ended on 1 March." }] } },
      now: clock,
    });
    await repos.shops.upsertInstalled(SHOP, { now: clock });
    await repos.shops.updateSettings(SHOP, { autoApproval: true }); // automation on in Settings
    const r = await maybeAutoApprove(deps("staff:ignored"), SHOP, request.id);
    expect(r?.ok && r.request.status).toBe("declined");
    const ret = standin.store.returns.get(request.shopifyReturnId!)!;
    expect(ret.decline).toEqual({ reason: "RETURN_PERIOD_ENDED", note: "The 30-day return window ended on 1 March." });
    const events = await repos.events.listForRequest(SHOP, request.id);
    expect(events.map((e) => [e.type, e.actor])).toEqual([["declined", "auto"]]);
  });
});
