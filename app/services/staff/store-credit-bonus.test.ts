/**
 * Store credit worth choosing (decision 220) against the stand-in: a refund to store credit is
 * Shopify's refund on the Return (the amount the order can refund) plus the policy's bonus credited
 * with storeCreditAccountCredit, exactly once, also when the bonus's answer is lost or refused.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "~/db/test-db";
import { createRepos, type ReturnRequestWithLines } from "~/db";
import { formatMoney, getPreset, parsePolicy, storeCreditWithBonus, toDecimalString } from "~/returns";
import { offlineAdminClient, type AdminClient } from "~/shopify/admin-client";
import { RETURN_REQUEST } from "~/shopify/operations";
import { startStandin, tomlScopes, type Standin } from "../../../standin";
import { approveRequest, refundRequest, retryLastAction, type StaffDeps } from "./index";
import { refundMoneyOf } from "./actions";
import { loadRequestDetail } from "~/services/admin-views/detail";
import { presentRequest } from "~/services/shopper/present";
import { recordingFetch } from "~/test/standin-admin";

const SHOP = "demo-returns.myshopify.com";
const TOKEN = "shpat_bonus_test";
const BONUS_BPS = 1000;

let db: TestDatabase;
let standin: Standin;
let admin: AdminClient;
const sent: string[] = [];
const clock = new Date("2026-11-20T01:00:00Z");
const used = new Set<string>();

const deps = (): StaffDeps => ({ repos: createRepos(db.prisma), admin, now: () => clock, actor: "staff:7" });
const count = (name: string) => sent.filter((n) => n === name).length;

/** A requested Return on an unused order paid in the shop's currency, and our request with the bonus the policy offered. */
async function requested(bonusBps = BONUS_BPS, ofCustomer?: string): Promise<{ request: ReturnRequestWithLines; customerId: string }> {
  for (const o of standin.store.orders.values()) {
    if (used.has(o.id) || !o.customerId || o.returnIds.length > 0 || o.refundIds.length > 0) continue;
    if (ofCustomer && o.customerId !== ofCustomer) continue;
    const f = o.fulfillments.find((x) => x.status === "SUCCESS" && x.lines.length > 0);
    const line = f?.lines[0];
    const li = line && o.lineItems.find((l) => l.id === line.lineItemId);
    if (!f || !line || !li || li.isGiftCard || li.unitPricePresentment < 1000 || li.discountPresentment > 0) continue;
    if (!o.transactions.some((t) => t.kind === "SALE" || t.kind === "CAPTURE")) continue;
    used.add(o.id);
    const reason = standin.store.returnReasonDefinitions.find((d) => d.handle === "changed-my-mind")!;
    const res = await admin.mutate(RETURN_REQUEST, { input: { orderId: o.id, returnLineItems: [{ fulfillmentLineItemId: line.id, quantity: 1, returnReasonDefinitionId: reason.id }] } });
    const { request } = await createRepos(db.prisma).returnRequests.create(SHOP, {
      idempotencyKey: `bonus-${o.id}`,
      orderId: o.id,
      orderName: o.name,
      customerId: o.customerId,
      currency: o.presentmentCurrencyCode,
      // an odd amount, so the bonus rounds: 10% of x.x5 is half a cent, rounded up
      refundMinor: li.unitPricePresentment - 95,
      resolution: "store_credit",
      verdict: { requestedResolution: "store_credit", ...(bonusBps ? { storeCreditBonusBps: bonusBps } : {}) },
      shopifyReturnId: res.returnRequest!.return!.id,
      lines: [{ lineItemId: li.id, fulfillmentLineItemId: line.id, title: li.title, quantity: 1, reason: "UNWANTED", eligible: true }],
      now: clock,
    });
    await approveRequest(deps(), SHOP, request.id);
    return { request, customerId: o.customerId };
  }
  throw new Error("no unused order in the demo seed");
}

/** The customer's store credit in a currency: every credit and the balance. */
function account(customerId: string, currency: string) {
  const acc = [...standin.store.storeCreditAccounts.values()].find((a) => a.ownerId === customerId && a.currencyCode === currency);
  return { balance: acc?.balance ?? 0, credits: (acc?.transactions ?? []).filter((t) => t.kind === "CREDIT").map((t) => ({ amount: t.amount, event: t.event })) };
}

beforeAll(async () => {
  db = await createTestDatabase();
  standin = await startStandin({ apiKey: "bonus-key", apiSecret: "bonus-secret-0123456789", seed: "demo", webhooks: [] });
  standin.grantOfflineToken({ token: TOKEN, scope: tomlScopes() });
  const counting = recordingFetch(sent, "both");
  // a lost answer is a call that times out: 2 s here, not the 20 s default
  admin = offlineAdminClient({ shop: SHOP, accessToken: TOKEN, env: { SHOPIFY_ADMIN_ORIGIN: standin.url }, fetch: counting, timeoutMs: 2000 }, { sleep: async () => {}, retry: { maxAttempts: 1 } });
  const policy = parsePolicy({ ...getPreset("standard-30-day")!, approval: { mode: "manual" } });
  await createRepos(db.prisma).policies.saveNewVersion(SHOP, { policy, now: new Date("2026-01-01T00:00:00Z") });
});

afterAll(async () => {
  await standin?.close();
  await db?.cleanup();
});

describe("store credit bonus at Shopify", () => {
  it("the refund goes back as Shopify's store credit refund; the bonus is one more credit; the event says both", async () => {
    const { request, customerId } = await requested();
    const { creditMinor, bonusMinor } = storeCreditWithBonus(request.refundMinor, BONUS_BPS);
    expect(bonusMinor).toBeGreaterThan(0);
    // the screen asks before money moves with the bonus-included amount
    const asked = (await loadRequestDetail(deps(), SHOP, request.id))!.money;
    expect(asked).toMatchObject({ storeCreditMinor: creditMinor, storeCreditBonusMinor: bonusMinor, formatted: { storeCredit: formatMoney(creditMinor, request.currency) } });
    const before = account(customerId, request.currency);
    const r = await refundRequest(deps(), SHOP, request.id, { to: "store_credit" });
    expect(r.ok && r.request.status).toBe("credited");
    const ret = standin.store.returns.get(request.shopifyReturnId!)!;
    expect(ret.refundIds).toHaveLength(1);
    // Shopify's refund on the Return is what the order refunds: reconciliation compares it exactly
    expect(standin.store.refunds.get(ret.refundIds[0]!)!.storeCredit).toBe(request.refundMinor);
    const after = account(customerId, request.currency);
    expect(after.balance - before.balance).toBe(creditMinor);
    expect(after.credits.slice(before.credits.length)).toEqual([
      { amount: request.refundMinor, event: "ORDER_REFUND" },
      { amount: bonusMinor, event: "ADJUSTMENT" },
    ]);
    const event = (await createRepos(db.prisma).events.listForRequest(SHOP, request.id)).find((e) => e.type === "refunded")!;
    expect(event.payload).toMatchObject({
      to: "store_credit",
      amount: formatMoney(creditMinor, request.currency),
      settled: { totalMinor: request.refundMinor },
      bonus: { amountMinor: bonusMinor, amount: formatMoney(bonusMinor, request.currency) },
    });
    // the money card says what Shopify's records add up to: the refund and the bonus
    expect((await loadRequestDetail(deps(), SHOP, request.id))!.money.settled).toMatchObject({ kind: "store_credit", amountMinor: creditMinor });
    // the shopper's status shows the store credit they got, bonus included
    const seen = presentRequest((await createRepos(db.prisma).returnRequests.findById(SHOP, request.id))!, "en");
    expect(seen).toMatchObject({ storeCredit: true, refund: { amount: toDecimalString(creditMinor, request.currency), currency: request.currency } });
    // a second click: no second refund, no second bonus
    const bonuses = count("StoreCreditBonusCredit");
    expect((await refundRequest(deps(), SHOP, request.id, { to: "store_credit" })).ok).toBe(true);
    expect(count("StoreCreditBonusCredit")).toBe(bonuses);
    expect(account(customerId, request.currency).balance - before.balance).toBe(creditMinor);
  });

  it("the bonus was credited but its answer was lost: the retry finds it and credits nothing more", async () => {
    const { request, customerId } = await requested();
    const { creditMinor } = storeCreditWithBonus(request.refundMinor, BONUS_BPS);
    const before = account(customerId, request.currency).balance;
    standin.faults.inject({ operationName: "StoreCreditBonusCredit", kind: "lostAnswer", times: 1 });
    const first = await refundRequest(deps(), SHOP, request.id, { to: "store_credit" });
    expect(first).toMatchObject({ ok: false, status: 502 });
    expect(account(customerId, request.currency).balance - before).toBe(creditMinor);
    const sentBefore = count("StoreCreditBonusCredit");
    const retried = await retryLastAction(deps(), SHOP, request.id);
    expect(retried.ok && retried.request.status).toBe("credited");
    expect(count("StoreCreditBonusCredit")).toBe(sentBefore);
    expect(count("StoreCreditCredits")).toBeGreaterThan(0);
    expect(account(customerId, request.currency).balance - before).toBe(creditMinor);
    expect(standin.store.returns.get(request.shopifyReturnId!)!.refundIds).toHaveLength(1);
  });

  it("two requests of one customer with the same bonus: a retry never adopts the credit the other request recorded", async () => {
    // B's refund is made and its bonus refused; then A is credited with a bonus of exactly the same amount,
    // after B's refund; B's retry reads the customer's credits and finds A's: it is A's, so B credits its own
    const customers = new Map<string, number>();
    for (const o of standin.store.orders.values()) if (o.customerId && !used.has(o.id) && o.returnIds.length === 0) customers.set(o.customerId, (customers.get(o.customerId) ?? 0) + 1);
    const customer = [...customers.entries()].sort((x, y) => y[1] - x[1])[0]![0];
    const b = await requested(BONUS_BPS, customer);
    const a = await requested(BONUS_BPS, customer);
    const repos = createRepos(db.prisma);
    // the same refund, so the same bonus
    const same = Math.min(a.request.refundMinor, b.request.refundMinor);
    for (const r of [a.request, b.request]) {
      const now = (await repos.returnRequests.findById(SHOP, r.id))!;
      await repos.returnRequests.transition(SHOP, r.id, { expectedLockVersion: now.lockVersion, patch: { refundMinor: same }, now: clock });
    }
    const { creditMinor, bonusMinor } = storeCreditWithBonus(same, BONUS_BPS);
    const before = account(customer, a.request.currency).balance;
    standin.faults.inject({ operationName: "StoreCreditBonusCredit", kind: "userErrors", times: 1 });
    expect(await refundRequest(deps(), SHOP, b.request.id, { to: "store_credit" })).toMatchObject({ ok: false, status: 422 });
    expect((await refundRequest(deps(), SHOP, a.request.id, { to: "store_credit" })).ok).toBe(true);
    const sentBefore = count("StoreCreditBonusCredit");
    const retried = await retryLastAction(deps(), SHOP, b.request.id);
    expect(retried.ok && retried.request.status).toBe("credited");
    // B credited its own bonus: one more storeCreditAccountCredit, and each request records a different credit
    expect(count("StoreCreditBonusCredit")).toBe(sentBefore + 1);
    expect(account(customer, a.request.currency).balance - before).toBe(2 * creditMinor);
    const bonusOf = async (id: string) => ((await repos.events.listForRequest(SHOP, id)).find((e) => e.type === "refunded")!.payload as { bonus: { id: string; amountMinor: number } }).bonus;
    const [ba, bb] = [await bonusOf(a.request.id), await bonusOf(b.request.id)];
    expect(ba.amountMinor).toBe(bonusMinor);
    expect(bb.amountMinor).toBe(bonusMinor);
    expect(bb.id).not.toBe(ba.id);
  });

  it("Shopify refused the bonus: the refund stands, the retry credits the bonus once", async () => {
    const { request, customerId } = await requested();
    const { creditMinor } = storeCreditWithBonus(request.refundMinor, BONUS_BPS);
    const before = account(customerId, request.currency).balance;
    standin.faults.inject({ operationName: "StoreCreditBonusCredit", kind: "userErrors", times: 1 });
    const first = await refundRequest(deps(), SHOP, request.id, { to: "store_credit" });
    expect(first).toMatchObject({ ok: false, status: 422 });
    expect(account(customerId, request.currency).balance - before).toBe(request.refundMinor);
    const retried = await retryLastAction(deps(), SHOP, request.id);
    expect(retried.ok && retried.request.status).toBe("credited");
    expect(account(customerId, request.currency).balance - before).toBe(creditMinor);
    expect(standin.store.returns.get(request.shopifyReturnId!)!.refundIds).toHaveLength(1);
  });

  it("no bonus to the original payment, nor when the policy offered none", async () => {
    const a = await requested();
    const sentBefore = count("StoreCreditBonusCredit");
    expect((await refundRequest(deps(), SHOP, a.request.id, { to: "original_payment" })).ok).toBe(true);
    const b = await requested(0);
    expect((await refundRequest(deps(), SHOP, b.request.id, { to: "store_credit" })).ok).toBe(true);
    expect(count("StoreCreditBonusCredit")).toBe(sentBefore);
  });

  it("one place decides what a refund moves: nothing to refund, an exchange, the bonus on a staff-lowered amount", () => {
    const base = { currency: "NZD", lines: [] };
    expect(refundMoneyOf({ ...base, refundMinor: 0, verdict: {} }, { to: "original_payment" })).toBeNull();
    const exchange = { kind: "replacement", items: [{ variantId: "gid://shopify/ProductVariant/1", quantity: 1, unitPriceMinor: 100 }], refundMinor: 0 };
    expect(refundMoneyOf({ ...base, refundMinor: 0, verdict: { exchange } }, { to: "original_payment" })).toEqual({ amountMinor: 0, currency: "NZD", bonusMinor: 0, exchangeItems: true });
    expect(refundMoneyOf({ ...base, refundMinor: 3505, verdict: { storeCreditBonusBps: 1000 } }, { to: "store_credit" })).toEqual({ amountMinor: 3505, currency: "NZD", bonusMinor: 351, exchangeItems: false });
    expect(refundMoneyOf({ ...base, refundMinor: 3505, verdict: { storeCreditBonusBps: 1000 } }, { to: "original_payment" })?.bonusMinor).toBe(0);
    expect(refundMoneyOf({ currency: "JPY", lines: [], refundMinor: 3505, verdict: { storeCreditBonusBps: 1000 } }, { to: "store_credit" })?.bonusMinor).toBe(351);
  });
});
