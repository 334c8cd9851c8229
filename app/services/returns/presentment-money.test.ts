/**
 * Presentment money end to end: a NZD shop (the stand-in) sells in AUD, USD and JPY. Each order goes
 * through the shopper's preview and submit, staff approval and the refund, and Shopify's records (the
 * stand-in's) must show the money in the currency the shopper paid, the fees on the Return, and each
 * payment giving back no more than it still holds. Runs on SQLite, and on PostgreSQL when
 * DATABASE_URL=postgresql://...
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRepos } from "~/db";
import { createTestDatabase, type TestDatabase } from "~/db/test-db";
import { getPreset, parsePolicy, parseStoredVerdict, type Policy } from "~/returns";
import { offlineAdminClient, type AdminClient } from "~/shopify/admin-client";
import { previewReturn } from "~/services/shopper/preview";
import { submitReturnRequest } from "~/services/shopper/submit";
import type { SubmitBody } from "~/services/shopper/schemas";
import { approveRequest, refundRequest, type StaffDeps } from "~/services/staff";
import { startStandin, tomlScopes, type Standin, type OrderRec } from "../../../standin";
import { addOrder, type MadeOrderSpec } from "../../../standin/testing";

const TOKEN = "shpat_presentment";
const NOW = new Date("2026-11-20T01:00:00Z");
const ALEX = "gid://shopify/Customer/1";
const CONDITIONS = ["unused", "tags_attached", "original_packaging"] as SubmitBody["lines"][number]["conditions"];

let db: TestDatabase;
let standin: Standin;
let admin: AdminClient;

// Change of mind: 10% restocking and a NZD 8.50 return shipping fee (set in shop money).
const policy: Policy = parsePolicy({
  ...getPreset("standard-30-day")!,
  fees: { restockingBps: 1000, returnShippingFeeMinor: 850, appliesTo: ["change_of_mind"] },
  approval: { mode: "manual" },
});

beforeAll(async () => {
  db = await createTestDatabase();
  standin = await startStandin({ apiKey: "presentment-key", apiSecret: "presentment-secret-0123456789", seed: "demo", webhooks: [], clock: () => NOW });
  standin.grantOfflineToken({ token: TOKEN, scope: tomlScopes() });
  admin = offlineAdminClient({ shop: standin.shop, accessToken: TOKEN, env: { SHOPIFY_ADMIN_ORIGIN: standin.url } }, { sleep: async () => {}, retry: { maxAttempts: 2 } });
  await createRepos(db.prisma).policies.saveNewVersion(standin.shop, { policy, now: new Date("2020-01-01T00:00:00Z") });
}, 60_000);

afterAll(async () => {
  await standin?.close();
  await db?.cleanup();
});

const deps = () => ({ repos: createRepos(db.prisma), admin, now: () => NOW });
const staff = (): StaffDeps => ({ ...deps(), actor: "staff:1" });
const who = () => ({ shop: standin.shop, customerId: ALEX, locale: "en" as const });

function order(spec: Pick<MadeOrderSpec, "presentment" | "rate" | "lines" | "payments">): OrderRec {
  return addOrder(standin.store, { customerId: ALEX, processedAt: "2026-11-10T00:00:00Z", deliveredAt: "2026-11-12T00:00:00Z", shippingCountry: "AU", ...spec });
}

/** Preview, submit, approve and refund one unit of the order's first line; answers what each step showed. */
async function lifecycle(o: OrderRec, to: "original_payment" | "store_credit" = "original_payment", beforeRefund?: () => void) {
  const line = { lineItemId: o.lineItems[0]!.id, quantity: 1, reason: "UNWANTED" as const, conditions: CONDITIONS, note: "" };
  const preview = await previewReturn(deps(), who(), o.id, { lines: [{ ...line, photos: 0 }] });
  const submitted = await submitReturnRequest(deps(), who(), o.id, { idempotencyKey: randomUUID(), lines: [{ ...line, photos: [] }], resolution: to === "store_credit" ? "store_credit" : "refund" });
  const stored = (await createRepos(db.prisma).returnRequests.findById(standin.shop, submitted.request.id))!;
  const approved = await approveRequest(staff(), standin.shop, stored.id);
  expect(approved.ok).toBe(true);
  beforeRefund?.();
  const refunded = await refundRequest(staff(), standin.shop, stored.id, { to });
  const ret = standin.store.returns.get(stored.shopifyReturnId!)!;
  const refunds = ret.refundIds.map((id) => standin.store.refunds.get(id)!);
  return { preview, stored, refunded, ret, refunds, order: standin.store.orders.get(o.id)! };
}

describe("a NZD shop's orders paid in AUD, USD and JPY", () => {
  const cases = [
    // currency, rate (NZD 100 = ...), unit price, fee in presentment money, refund
    { currency: "AUD", rate: { shop: 10000, presentment: 9200 }, unit: 4600, restocking: 460, shippingFee: 782, refund: 3358, decimal: "7.82", shopRefund: 3650 },
    { currency: "USD", rate: { shop: 10000, presentment: 6000 }, unit: 3000, restocking: 300, shippingFee: 510, refund: 2190, decimal: "5.10", shopRefund: 3650 },
    { currency: "JPY", rate: { shop: 10000, presentment: 9000 }, unit: 4500, restocking: 450, shippingFee: 765, refund: 3285, decimal: "765", shopRefund: 3650 },
  ];

  for (const c of cases) {
    it(`${c.currency}: priced, stored, recorded at Shopify and refunded in ${c.currency}, with NZD beside it`, async () => {
      const o = order({ presentment: c.currency, rate: c.rate, lines: [{ title: "Seat cover", unitPresentment: c.unit, quantity: 2 }] });
      const r = await lifecycle(o);
      expect(r.preview.refund.currency).toBe(c.currency);
      expect(r.stored).toMatchObject({ currency: c.currency, refundMinor: c.refund, feesMinor: c.restocking + c.shippingFee });
      // shop money beside it, at the rate Shopify recorded for the order
      expect(parseStoredVerdict(r.stored.verdict).refund?.shop).toEqual({ currency: "NZD", totalMinor: c.shopRefund, feesMinor: Math.round(((c.restocking + c.shippingFee) * 10000) / c.rate.presentment) });
      // fees recorded natively on Shopify's Return, in the presentment currency
      expect(r.ret.shippingFee).toBe(c.shippingFee);
      expect(r.ret.lines.map((l) => l.restockingFeePercentage)).toEqual([10]);
      expect(r.refunded.ok).toBe(true);
      expect(r.refunds).toHaveLength(1);
      expect(r.refunds[0]!.totalPresentment).toBe(c.refund);
      expect(r.refunds[0]!.total).toBe(c.shopRefund);
      if (r.refunded.ok) expect(r.refunded.request.status).toBe("refunded");
    });
  }

  it("JPY store credit: issued in yen, whole yen", async () => {
    const o = order({ presentment: "JPY", rate: { shop: 10000, presentment: 9000 }, lines: [{ title: "Floor mat", unitPresentment: 4500, quantity: 1 }] });
    const r = await lifecycle(o, "store_credit");
    expect(r.refunded.ok).toBe(true);
    expect(r.refunds[0]!.storeCredit).toBe(3285);
    const account = [...standin.store.storeCreditAccounts.values()].find((a) => a.ownerId === ALEX && a.currencyCode === "JPY");
    expect(account?.balance).toBe(3285);
  });
});

describe("the refund spread over payments, net of what was refunded already", () => {
  const usd = (payments: MadeOrderSpec["payments"]) => order({ presentment: "USD", rate: { shop: 10000, presentment: 6000 }, lines: [{ title: "Bottle", unitPresentment: 3000, quantity: 2 }], payments });
  const parts = (r: Awaited<ReturnType<typeof lifecycle>>) =>
    r.refunds[0]!.transactionIds.map((id) => {
      const t = r.order.transactions.find((x) => x.id === id)!;
      return { gateway: r.order.transactions.find((x) => x.id === t.parentId)!.gateway, amount: t.presentmentAmount };
    });
  /** a refund staff made in the Shopify admin before the app's */
  function adminRefund(o: OrderRec, parentIndex: number, presentment: number) {
    const parent = o.transactions[parentIndex]!;
    o.transactions.push({ id: `gid://shopify/OrderTransaction/admin-${randomUUID()}`, kind: "REFUND", status: "SUCCESS", gateway: parent.gateway, amount: Math.round((presentment * 10000) / 6000), presentmentAmount: presentment, parentId: parent.id, createdAt: NOW.toISOString() });
  }

  it("two card payments: the one with most left first, the rest from the other", async () => {
    const o = usd([{ gateway: "shopify_payments", presentment: 2000 }, { gateway: "paypal", presentment: 4000 }]);
    const r = await lifecycle(o);
    expect(r.refunded.ok).toBe(true);
    expect(parts(r)).toEqual([{ gateway: "paypal", amount: 2190 }]);
  });

  it("two card payments after a refund in the Shopify admin: each gives back only what it still holds", async () => {
    const o = usd([{ gateway: "shopify_payments", presentment: 2000 }, { gateway: "paypal", presentment: 4000 }]);
    adminRefund(o, 1, 3500); // paypal holds 500, the card 2000
    const r = await lifecycle(o);
    expect(r.refunded.ok).toBe(true);
    expect(parts(r)).toEqual([{ gateway: "shopify_payments", amount: 2000 }, { gateway: "paypal", amount: 190 }]);
  });

  it("gift card plus card", async () => {
    const o = usd([{ gateway: "gift_card", presentment: 1500 }, { gateway: "shopify_payments", presentment: 4500 }]);
    adminRefund(o, 1, 3000); // the card holds 1500, the gift card 1500
    const r = await lifecycle(o);
    expect(r.refunded.ok).toBe(true);
    expect(parts(r)).toEqual([{ gateway: "gift_card", amount: 1500 }, { gateway: "shopify_payments", amount: 690 }]);
  });

  it("a partial earlier refund before the request: the request is priced at what is left, and refunded", async () => {
    const o = usd([{ gateway: "shopify_payments", presentment: 6000 }]);
    adminRefund(o, 0, 4000); // 2000 left; the request would be 2190
    const r = await lifecycle(o);
    expect(r.stored).toMatchObject({ refundMinor: 2000 });
    expect(r.refunded.ok).toBe(true);
    expect(parts(r)).toEqual([{ gateway: "shopify_payments", amount: 2000 }]);
  });

  it("a partial refund in the admin after the request leaves too little: refused before Shopify is asked, nothing refunded", async () => {
    const o = usd([{ gateway: "shopify_payments", presentment: 6000 }]);
    const r = await lifecycle(o, "original_payment", () => adminRefund(o, 0, 4000)); // 2000 left, the request wants 2190
    expect(r.stored).toMatchObject({ refundMinor: 2190 });
    expect(r.refunded).toMatchObject({ ok: false, status: 422, error: { code: "insufficient_payment" } });
    if (!r.refunded.ok) expect(r.refunded.error.message).toBe("Only $20.00 USD of this order's payments is left to refund (part was refunded already), less than the $21.90 USD of this request");
    expect(r.refunds).toHaveLength(0);
  });
});
