/**
 * Approving a replacement or an exchange against the stand-in: the requested Return is cancelled and
 * a Return with the new items is created, each once whatever fails or dies in between; processing it
 * releases the new items' fulfillment order. SQLite, and PostgreSQL with DATABASE_URL=postgresql://...
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "~/db/test-db";
import { createPrismaClient } from "~/db/client";
import { createRepos, type ReturnRequestWithLines } from "~/db";
import { getPreset, parsePolicy, type Policy, type StoredExchange } from "~/returns";
import { offlineAdminClient, type AdminClient } from "~/shopify/admin-client";
import { RETURN_CANCEL, RETURN_REQUEST } from "~/shopify/operations";
import { startStandin, tomlScopes, type Standin } from "../../../standin";
import { approveRequest, refundRequest, retryLastAction, type StaffDeps } from "./index";
import { loadRequestDetail } from "~/services/admin-views/detail";
import { stockForScreen } from "./exchange-stock";
import { runStaffIntent } from "./screen";
import { runBulk } from "~/services/admin-views/bulk.server";
import { listQueue } from "~/services/admin-views/queue";
import { activityCsv, loadActivity } from "~/services/admin-views/activity";
import { formatMoney } from "~/returns";
import { recordingFetch } from "~/test/standin-admin";

const SHOP = "demo-returns.myshopify.com";
const TOKEN = "shpat_exchange_test";
const MATS_STANDARD = "gid://shopify/ProductVariant/1030";
const MATS_LARGE = "gid://shopify/ProductVariant/1031";

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

const policy: Policy = parsePolicy({ ...getPreset("standard-30-day")!, approval: { mode: "manual" } });

/** A fulfilled, paid, unreturned order line of the demo shop (of `variantId` when given). */
function pickLine(variantId?: string) {
  for (const o of standin.store.orders.values()) {
    if (used.has(o.id) || !o.customerId || o.returnIds.length > 0 || o.refundIds.length > 0) continue;
    if (!o.transactions.some((t) => t.kind === "SALE" || t.kind === "CAPTURE")) continue;
    for (const f of o.fulfillments.filter((x) => x.status === "SUCCESS")) {
      for (const line of f.lines) {
        const li = o.lineItems.find((l) => l.id === line.lineItemId)!;
        if (li.isGiftCard || !li.variantId || (variantId && li.variantId !== variantId)) continue;
        used.add(o.id);
        return { order: o, line, li };
      }
    }
  }
  throw new Error(`no unused fulfilled order line${variantId ? ` of ${variantId}` : ""} in the demo seed`);
}

/** What submit stores for a replacement (same variant, free) or an exchange: a requested Return and the items. */
async function requested(kind: StoredExchange["kind"], variantId?: string, newVariantId?: string): Promise<ReturnRequestWithLines> {
  const { order, line, li } = pickLine(variantId);
  const reason = standin.store.returnReasonDefinitions.find((d) => d.handle === "damaged-or-defective")!;
  const res = await admin.mutate(RETURN_REQUEST, {
    input: { orderId: order.id, returnLineItems: [{ fulfillmentLineItemId: line.id, quantity: 1, returnReasonDefinitionId: reason.id }] },
  });
  const exchange: StoredExchange = { kind, items: [{ variantId: newVariantId ?? li.variantId!, quantity: 1, unitPriceMinor: li.unitPrice }], refundMinor: 0 };
  const { request } = await createRepos(db.prisma).returnRequests.create(SHOP, {
    idempotencyKey: `x-${order.id}`,
    orderId: order.id,
    orderName: order.name,
    customerId: order.customerId,
    currency: order.presentmentCurrencyCode,
    refundMinor: 0,
    feesMinor: 0,
    resolution: "exchange",
    shopifyReturnId: res.returnRequest!.return!.id,
    verdict: { plan: { returnLineItems: [{ fulfillmentLineItemId: line.id, quantity: 1, returnReasonDefinitionId: reason.id }] }, exchange },
    lines: [{ lineItemId: li.id, fulfillmentLineItemId: line.id, title: li.title, quantity: 1, reason: "DEFECTIVE", eligible: true, refundMinor: li.unitPrice }],
    now: clock,
  });
  return request;
}

beforeAll(async () => {
  db = await createTestDatabase();
  standin = await startStandin({ apiKey: "exchange-key", apiSecret: "exchange-secret-0123456789", seed: "demo", webhooks: [] });
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

describe("approve a replacement or exchange", () => {
  it("replacement: the requested Return is cancelled, a new one holds the same variant 100% off; processing releases its fulfillment order", async () => {
    const request = await requested("replacement");
    const oldId = request.shopifyReturnId!;
    // the detail screen shows what approving sends: the same item, free
    const detail = await loadRequestDetail({ repos: createRepos(db.prisma) }, SHOP, request.id);
    expect(detail!.exchange).toMatchObject({ kind: "replacement", items: [{ quantity: 1, price: "Free" }] });
    const r = await approveRequest(deps(), SHOP, request.id);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.request.status).toBe("approved");
    expect(standin.store.returns.get(oldId)!.status).toBe("CANCELED");
    const fresh = standin.store.returns.get(r.request.shopifyReturnId!)!;
    expect(fresh.id).not.toBe(oldId);
    expect(fresh.status).toBe("OPEN");
    const item = fresh.exchangeLines![0]!;
    expect(item).toMatchObject({ variantId: request.lines[0] && standin.store.orders.get(request.orderId)!.lineItems.find((l) => l.id === request.lines[0]!.lineItemId)!.variantId, quantity: 1 });
    expect(item.discount).toBe(item.unitPrice * item.quantity);
    const events = await createRepos(db.prisma).events.listForRequest(SHOP, request.id);
    expect(events.map((e) => e.type)).toEqual(["approved"]);
    expect(events[0]!.shopifyResponse).toMatchObject({ exchangeReturnId: fresh.id });

    const processed = await refundRequest(deps(), SHOP, request.id, { to: "original_payment" });
    expect(processed.ok).toBe(true);
    const order = standin.store.orders.get(request.orderId)!;
    expect(order.fulfillmentOrders).toHaveLength(1);
    expect(order.fulfillmentOrders![0]).toMatchObject({ status: "OPEN", holds: [] });
    expect(fresh.refundIds).toHaveLength(0); // free: nothing refunded
    expect(fresh.exchangeLines![0]!.processedQuantity).toBe(1);

    // staff are told what happened: replaced, the item's value, nothing refunded; never "Refunded NZ$0.00"
    const value = formatMoney(item.unitPrice, request.currency);
    const after = (await loadRequestDetail({ repos: createRepos(db.prisma) }, SHOP, request.id))!;
    expect(after.request.status).toBe("refunded"); // the state machine's step; not what staff read
    expect(after.shownStatus).toBe("replaced");
    expect(after.exchange).toMatchObject({ kind: "replacement", stage: "processed", differenceMinor: 0, formatted: { returned: value, newItems: value } });
    const done = after.events.find((e) => e.type === "refunded")!;
    expect(done.title).toBe("Replaced — new item sent");
    expect(done.details).toEqual(["Nothing refunded — replaced free of charge"]);
    const queue = await listQueue({ repos: createRepos(db.prisma) }, SHOP, { limit: 100 });
    expect(queue.items.find((i) => i.id === request.id)).toMatchObject({ status: "refunded", shownStatus: "replaced", resolution: "replacement" });
    const log = await loadActivity({ repos: createRepos(db.prisma) }, SHOP, { who: [], what: ["money"], from: null, to: null, before: null });
    const row = log.rows.find((x) => x.requestId === request.id)!;
    expect(row.what).toBe("Processed the replacement — new item sent");
    expect(activityCsv([row], "UTC")).toContain('"Processed the replacement — new item sent"');
  });

  it("exchange for another size: the new Return holds the Large mats; processing commits one from stock", async () => {
    const request = await requested("exchange", MATS_STANDARD, MATS_LARGE);
    const stock = standin.store.variants.get(MATS_LARGE)!.inventoryQuantity!;
    const r = await approveRequest(deps(), SHOP, request.id);
    expect(r.ok && r.request.status).toBe("approved");
    const fresh = standin.store.returns.get((r as { request: ReturnRequestWithLines }).request.shopifyReturnId!)!;
    expect(fresh.exchangeLines).toMatchObject([{ variantId: MATS_LARGE, quantity: 1, discount: 0 }]);
    expect((await refundRequest(deps(), SHOP, request.id, { to: "original_payment" })).ok).toBe(true);
    const fo = standin.store.orders.get(request.orderId)!.fulfillmentOrders!.at(-1)!;
    expect(fo.status).toBe("OPEN");
    expect(standin.store.variants.get(MATS_LARGE)!.inventoryQuantity).toBe(stock - 1);

    // the returned mats' value, the new ones', nothing back at the same price; the badge says exchanged
    const after = (await loadRequestDetail({ repos: createRepos(db.prisma) }, SHOP, request.id))!;
    const value = formatMoney(request.lines[0]!.refundMinor, request.currency);
    expect(after.shownStatus).toBe("exchanged");
    expect(after.exchange).toMatchObject({ kind: "exchange", stage: "processed", differenceMinor: 0, formatted: { returned: value, newItems: value, difference: formatMoney(0, request.currency) } });
    const done = after.events.find((e) => e.type === "refunded")!;
    expect([done.title, ...done.details]).toEqual(["Exchanged — new items sent", "Nothing refunded — same price"]);
    const queue = await listQueue({ repos: createRepos(db.prisma) }, SHOP, { limit: 100 });
    expect(queue.items.find((i) => i.id === request.id)).toMatchObject({ shownStatus: "exchanged", resolution: "exchange" });
    const log = await loadActivity({ repos: createRepos(db.prisma) }, SHOP, { who: ["staff"], what: ["money"], from: null, to: null, before: null });
    expect(log.rows.find((x) => x.requestId === request.id)!.what).toBe("Processed the exchange — new items sent");
  });

  it("a cheaper exchange: the money card shows the returned value, the new items' and the difference; processing says it refunded the difference and sent the items", async () => {
    const request = await requested("exchange", MATS_STANDARD, MATS_LARGE);
    const repos = createRepos(db.prisma);
    // as if the new item cost NZ$10.00 less than what comes back: the difference is the request's refund
    const v = request.verdict as { exchange: StoredExchange };
    const cheaper = { ...v.exchange, items: v.exchange.items.map((i) => ({ ...i, unitPriceMinor: i.unitPriceMinor - 1000 })), refundMinor: 1000 };
    await repos.returnRequests.transition(SHOP, request.id, { expectedLockVersion: request.lockVersion, patch: { refundMinor: 1000, verdict: { ...v, exchange: cheaper } }, now: clock });
    const fmt = (m: number) => formatMoney(m, request.currency);
    const line = request.lines[0]!.refundMinor;
    const before = (await loadRequestDetail({ repos }, SHOP, request.id))!;
    expect(before.shownStatus).toBe("requested");
    expect(before.exchange).toMatchObject({ stage: "requested", returnedMinor: line, newItemsMinor: line - 1000, differenceMinor: 1000, formatted: { returned: fmt(line), newItems: fmt(line - 1000), difference: fmt(1000) } });
    expect((await approveRequest(deps(), SHOP, request.id)).ok).toBe(true);
    expect((await loadRequestDetail({ repos }, SHOP, request.id))!.exchange!.stage).toBe("approved");
    const form = new FormData();
    form.set("intent", "refund");
    form.set("to", "original_payment");
    const done = await runStaffIntent(deps(), SHOP, request.id, form, false);
    expect(done.answer).toMatchObject({ ok: true, message: `Processed in Shopify. ${fmt(1000)} price difference refunded; the new items are released to ship.` });
    const after = (await loadRequestDetail({ repos }, SHOP, request.id))!;
    expect(after.shownStatus).toBe("exchanged");
    expect(after.exchange!.stage).toBe("processed");
    expect(after.money.settled).toMatchObject({ kind: "refund", amountMinor: 1000 });
    const event = after.events.find((e) => e.type === "refunded")!;
    expect([event.title, ...event.details]).toEqual(["Exchanged — new items sent", `${fmt(1000)} price difference to the original payment`]);
  });

  it("staff see the new items' live stock; out of stock, approving is refused before anything is sent", async () => {
    const request = await requested("exchange", MATS_STANDARD, MATS_LARGE);
    const items = (await loadRequestDetail(deps(), SHOP, request.id))!.exchange!.items;
    const variant = standin.store.variants.get(MATS_LARGE)!;
    const onHand = variant.inventoryQuantity!;
    expect(await stockForScreen(admin, items)).toEqual({ items: [expect.objectContaining({ available: onHand, enough: true, words: `${onHand} in stock` })], refusal: null });
    variant.inventoryQuantity = 0;
    try {
      const screen = await stockForScreen(admin, items);
      expect(screen).toMatchObject({ items: [{ enough: false, words: "Out of stock — approving will be refused" }] });
      expect("refusal" in screen && screen.refusal).toMatch(/^Not enough stock to send .*: out of stock$/);
      const cancels = mutationsSent("ReturnCancel");
      const r = await approveRequest(deps(), SHOP, request.id);
      expect(r).toMatchObject({ ok: false, status: 422, error: { code: "out_of_stock" } });
      expect(mutationsSent("ReturnCancel")).toBe(cancels);
      expect(standin.store.returns.get(request.shopifyReturnId!)!.status).toBe("REQUESTED");
    } finally {
      variant.inventoryQuantity = onHand;
    }
    // back in stock: the retry approves it
    const retried = await retryLastAction(deps(), SHOP, request.id);
    expect(retried.ok && retried.request.status).toBe("approved");
  });

  it("bulk approve of a mix: a return, a replacement, an exchange and one out of stock, each once, each with its own line", async () => {
    const repos = createRepos(db.prisma);
    // a plain return: a requested Return and a request with no new items
    const { order, line, li } = pickLine();
    const reason = standin.store.returnReasonDefinitions.find((d) => d.handle === "damaged-or-defective")!;
    const made = await admin.mutate(RETURN_REQUEST, { input: { orderId: order.id, returnLineItems: [{ fulfillmentLineItemId: line.id, quantity: 1, returnReasonDefinitionId: reason.id }] } });
    const { request: plain } = await repos.returnRequests.create(SHOP, {
      idempotencyKey: `plain-${order.id}`,
      orderId: order.id,
      orderName: order.name,
      customerId: order.customerId,
      currency: order.presentmentCurrencyCode,
      refundMinor: li.unitPrice,
      shopifyReturnId: made.returnRequest!.return!.id,
      lines: [{ lineItemId: li.id, fulfillmentLineItemId: line.id, title: li.title, quantity: 1, reason: "DEFECTIVE", eligible: true }],
      now: clock,
    });
    const replacement = await requested("replacement");
    const exchange = await requested("exchange", MATS_STANDARD, MATS_LARGE);
    const short = await requested("exchange", MATS_STANDARD, MATS_LARGE);
    // the last one asks for more Large mats than are left once the exchange before it took its one
    const variant = standin.store.variants.get(MATS_LARGE)!;
    const onHand = variant.inventoryQuantity!;
    await repos.returnRequests.transition(SHOP, short.id, {
      expectedLockVersion: short.lockVersion,
      patch: { verdict: { ...(short.verdict as object), exchange: { kind: "exchange", items: [{ variantId: MATS_LARGE, quantity: onHand + 1, unitPriceMinor: 0 }], refundMinor: 0 } } },
      now: clock,
    });
    const [c0, r0, a0] = [mutationsSent("ReturnCancel"), mutationsSent("ReturnCreateExchange"), mutationsSent("ReturnApproveRequest")];
    const ids = [plain.id, replacement.id, exchange.id, short.id];
    const results = await runBulk(deps(), SHOP, "approve", ids, { notifyCustomer: false });
    expect(results.map((r) => [r.id, r.outcome, r.message.replace(/:.*/, "")])).toEqual([
      [plain.id, "done", "Approved"],
      [replacement.id, "done", "Replacement approved"],
      [exchange.id, "done", "Exchange approved"],
      [short.id, "failed", "Not enough stock to send New item"],
    ]);
    expect(mutationsSent("ReturnApproveRequest") - a0).toBe(1);
    expect(mutationsSent("ReturnCancel") - c0).toBe(2);
    expect(mutationsSent("ReturnCreateExchange") - r0).toBe(2);
    // the same selection again: every claim is done, nothing is sent twice
    const again = await runBulk(deps(), SHOP, "approve", ids, { notifyCustomer: false });
    expect(again.map((r) => r.outcome)).toEqual(["skipped", "skipped", "skipped", "failed"]);
    expect([mutationsSent("ReturnApproveRequest") - a0, mutationsSent("ReturnCancel") - c0, mutationsSent("ReturnCreateExchange") - r0]).toEqual([1, 2, 2]);
    expect(standin.store.returns.get(short.shopifyReturnId!)!.status).toBe("REQUESTED");
  });

  it("20 concurrent approvals: one returnCancel, one returnCreate, one approved event", async () => {
    const request = await requested("replacement");
    const [c0, r0] = [mutationsSent("ReturnCancel"), mutationsSent("ReturnCreateExchange")];
    const second = createPrismaClient(db.url);
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => approveRequest(i % 2 ? { ...deps(), repos: createRepos(second) } : deps(), SHOP, request.id)),
    );
    await second.$disconnect();
    expect(mutationsSent("ReturnCancel") - c0).toBe(1);
    expect(mutationsSent("ReturnCreateExchange") - r0).toBe(1);
    for (const r of results) if (!r.ok) expect(r).toMatchObject({ status: 409, error: { code: "in_progress" } });
    const events = await createRepos(db.prisma).events.listForRequest(SHOP, request.id);
    expect(events.filter((e) => e.type === "approved")).toHaveLength(1);
    expect(standin.store.orders.get(request.orderId)!.returnIds).toHaveLength(2);
  });

  it("returnCreate applied but its answer was lost: the retry finds that Return and creates none", async () => {
    const request = await requested("replacement");
    standin.faults.inject({ operationName: "ReturnCreateExchange", kind: "lostAnswer", times: 1 });
    const first = await approveRequest(deps(), SHOP, request.id);
    expect(first).toMatchObject({ ok: false, status: 502 });
    const order = standin.store.orders.get(request.orderId)!;
    expect(order.returnIds).toHaveLength(2); // Shopify applied it
    const [c0, r0] = [mutationsSent("ReturnCancel"), mutationsSent("ReturnCreateExchange")];
    const retried = await retryLastAction(deps(), SHOP, request.id);
    expect(retried.ok && retried.request.status).toBe("approved");
    expect(mutationsSent("ReturnCancel") - c0).toBe(0);
    expect(mutationsSent("ReturnCreateExchange") - r0).toBe(0);
    expect(order.returnIds).toHaveLength(2);
    expect(retried.ok && retried.request.shopifyReturnId).toBe(order.returnIds[1]);
  });

  it("an attempt that died after cancelling is finished after the lease: no second cancel, one new Return", async () => {
    const request = await requested("replacement");
    const repos = createRepos(db.prisma);
    const claim = await repos.operations.claim(SHOP, { key: `approve:${request.id}`, kind: "approve", now: clock, leaseMs: 60_000 });
    expect(claim.outcome).toBe("claimed");
    await admin.mutate(RETURN_CANCEL, { id: request.shopifyReturnId! });
    const [c0, r0] = [mutationsSent("ReturnCancel"), mutationsSent("ReturnCreateExchange")];
    expect(await approveRequest(deps(), SHOP, request.id)).toMatchObject({ ok: false, status: 409, error: { code: "in_progress" } });
    const later = { ...deps(), now: () => new Date(clock.getTime() + 61_000) };
    const r = await approveRequest(later, SHOP, request.id);
    expect(r.ok && r.request.status).toBe("approved");
    expect(mutationsSent("ReturnCancel") - c0).toBe(0);
    expect(mutationsSent("ReturnCreateExchange") - r0).toBe(1);
    expect(standin.store.orders.get(request.orderId)!.returnIds).toHaveLength(2);
  });
});
