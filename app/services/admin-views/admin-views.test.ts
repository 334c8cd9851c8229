// Read models against a real migrated database (SQLite by default, PostgreSQL when DATABASE_URL says so).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRepos, type ReturnStatus } from "~/db";
import { serviceContext } from "~/services/context";
import { createTestDatabase, type TestDatabase } from "~/db/test-db";
import { getPreset } from "~/returns";
import { listQueue, loadAnalytics, loadDashboard, loadRequestDetail, queueQueryFromSearchParams } from "./index";

const SHOP = "views-shop.myshopify.com";
const OTHER = "other-shop.myshopify.com";
const NOW = new Date("2026-11-20T03:00:00Z"); // 16:00 in Auckland
let db: TestDatabase;
/** the composition root the screens hand the read models */
const views = () => serviceContext({ db: db.prisma, now: () => NOW });
let repos: ReturnType<typeof createRepos>;
const ids: Record<string, string> = {};

async function seed(
  shop: string,
  key: string,
  opts: {
    at: Date;
    status?: ReturnStatus;
    orderName?: string;
    customer?: string;
    lines?: { title?: string; reason?: string; eligible?: boolean; codes?: string[]; quantity?: number }[];
    refundMinor?: number;
    resolution?: "refund" | "store_credit";
    currency?: string;
  },
) {
  const { request } = await repos.returnRequests.create(shop, {
    idempotencyKey: key,
    orderId: `gid://shopify/Order/${key}`,
    orderName: opts.orderName ?? `#${1000 + Object.keys(ids).length}`,
    customerDisplayName: opts.customer ?? "Aroha Ngata",
    status: opts.status ?? "requested",
    currency: opts.currency ?? "NZD",
    refundMinor: opts.refundMinor ?? 5000,
    feesMinor: 0,
    resolution: opts.resolution ?? null,
    policyVersion: 1,
    verdict: { eligible: true, decision: "review", policyId: "standard-30-day", policyVersion: 1, lines: [] },
    lines: (opts.lines ?? [{}]).map((l, i) => ({
      lineItemId: `gid://shopify/LineItem/${key}-${i}`,
      title: l.title ?? "Linen shirt",
      quantity: l.quantity ?? 1,
      reason: l.reason ?? "UNWANTED",
      eligible: l.eligible ?? true,
      codes: l.codes ?? [],
    })),
    now: opts.at,
  });
  ids[key] = request.id;
  return request;
}

const day = (n: number) => new Date(NOW.getTime() - n * 86_400_000);

beforeAll(async () => {
  db = await createTestDatabase();
  repos = createRepos(db.prisma);
  await repos.policies.saveNewVersion(SHOP, { policy: getPreset("standard-30-day"), presetId: "standard-30-day", now: day(40) });
  await seed(SHOP, "a", { at: day(0), orderName: "#1001", customer: "Aroha Ngata" });
  await seed(SHOP, "b", { at: day(1), orderName: "#1002", customer: "Ben Smith", lines: [{ eligible: false, codes: ["OUTSIDE_WINDOW"] }] });
  await seed(SHOP, "c", { at: day(2), orderName: "#1003", customer: "Chloé Dupont", status: "approved", lines: [{ reason: "DAMAGED", title: "Vase" }] });
  await seed(SHOP, "d", { at: day(3), orderName: "#1004", status: "refunded", refundMinor: 4500, resolution: "refund", lines: [{ title: "Vase", quantity: 2, reason: "DAMAGED" }] });
  await seed(SHOP, "e", { at: day(20), orderName: "#1005", status: "credited", refundMinor: 1250, resolution: "store_credit" });
  await seed(SHOP, "f", {
    at: day(5),
    orderName: "#1006",
    lines: [
      { eligible: false, codes: ["FINAL_SALE"] },
      { eligible: true, codes: [], title: "Socks", reason: "SIZE_TOO_SMALL" },
    ],
  });
  await seed(SHOP, "g", { at: day(6), orderName: "#1007", lines: [{ eligible: false, codes: ["EVIDENCE_REQUIRED"], reason: "DEFECTIVE" }] });
  // a failed Shopify call
  const h = await seed(SHOP, "h", { at: day(7), orderName: "#1008", status: "approved" });
  await repos.returnRequests.transition(SHOP, h.id, { expectedLockVersion: 0, patch: { lastError: "Return is not approvable", lastErrorAt: day(7) }, now: day(7) });
  // another shop: never visible
  await seed(OTHER, "x", { at: day(0), orderName: "#1001", customer: "Aroha Ngata" });
  await repos.events.append(SHOP, { requestId: ids.c!, type: "approved", actor: "staff:1", at: day(1), payload: { note: "Label sent" } });
  await repos.events.append(SHOP, {
    requestId: ids.c!,
    type: "refund_failed",
    actor: "staff:1",
    at: day(1),
    payload: { error: { code: "SHOPIFY_USER_ERROR", message: "Shopify refused the refund", shopifyErrors: [{ field: ["refundLineItems", "0", "quantity"], message: "Quantity is more than can be refunded" }] } },
  });
  // refunds happened at transition time: set updatedAt through a transition on d/e
  await repos.returnRequests.transition(SHOP, ids.d!, { expectedLockVersion: 0, patch: {}, now: day(2) });
  await repos.returnRequests.transition(SHOP, ids.e!, { expectedLockVersion: 0, patch: {}, now: day(15) });
});

afterAll(() => db.cleanup());

describe("dashboard", () => {
  it("counts what needs attention and buckets 14 local days", async () => {
    const d = await loadDashboard(views(), SHOP, { now: NOW, timeZone: "Pacific/Auckland" });
    expect(d.hasPolicy).toBe(true);
    expect(d.policyVersion).toBe(1);
    expect(d.attention).toEqual({ awaitingReview: 4, awaitingParcel: 2, failedShopifyCalls: 1 });
    expect(d.trend).toHaveLength(14);
    expect(d.trend[13]!.day).toBe("2026-11-20");
    expect(d.trend[13]!.requested).toBe(1);
    expect(d.trend[0]!.day).toBe("2026-11-07");
    expect(d.trendTotal).toBe(7); // a,b,c,d,f,g,h; e is 20 days old
    expect(d.byStatus).toMatchObject({ requested: 4, approved: 2, refunded: 1, credited: 1, closed: 0 });
  });

  it("knows when the shop has no policy yet", async () => {
    const d = await loadDashboard(views(), OTHER, { now: NOW });
    expect(d.hasPolicy).toBe(false);
    expect(d.attention.awaitingReview).toBe(1);
  });
});

describe("queue", () => {
  const q = (query: Parameters<typeof listQueue>[2]) => listQueue(views(), SHOP, query, { provider: db.provider });

  it("without the customer's name (protected customer data level 1) a row names the order, never an id; a guest has none", async () => {
    const shop = "names-shop.myshopify.com";
    const base = {
      status: "requested" as const,
      currency: "NZD",
      refundMinor: 1000,
      feesMinor: 0,
      resolution: null,
      policyVersion: 1,
      verdict: { eligible: true, decision: "review", policyId: "standard-30-day", policyVersion: 1, lines: [] },
      lines: [{ lineItemId: "gid://shopify/LineItem/n-1", title: "Linen shirt", quantity: 1, reason: "UNWANTED", eligible: true, codes: [] }],
      now: day(0),
    };
    await repos.returnRequests.create(shop, { ...base, idempotencyKey: "named", orderId: "gid://shopify/Order/9001", orderName: "#9001", customerId: "gid://shopify/Customer/77", customerDisplayName: "Aroha Ngata" });
    await repos.returnRequests.create(shop, { ...base, idempotencyKey: "unnamed", orderId: "gid://shopify/Order/9002", orderName: "#9002", customerId: "gid://shopify/Customer/78", customerDisplayName: null });
    await repos.returnRequests.create(shop, { ...base, idempotencyKey: "guest", orderId: "gid://shopify/Order/9003", orderName: "#9003", customerId: null, customerDisplayName: null });
    const rows = (await listQueue(views(), shop, {}, { provider: db.provider })).items;
    expect(Object.fromEntries(rows.map((r) => [r.orderName, r.customer]))).toEqual({ "#9001": "Aroha Ngata", "#9002": "Customer of #9002", "#9003": null });
    // the customer ids (77, 78) appear nowhere on screen
    expect(rows.map((r) => r.customer).join(" ")).not.toMatch(/gid:|\b7[78]\b/);
  });

  it("lists newest first and pages with the cursor without gaps or repeats", async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await q({ limit: 3, cursor });
      seen.push(...page.items.map((i) => i.orderName));
      cursor = page.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual(["#1001", "#1002", "#1003", "#1004", "#1006", "#1007", "#1008", "#1005"]);
  });

  it("filters by status, reason, verdict flags and date", async () => {
    expect((await q({ statuses: ["approved"] })).items.map((i) => i.orderName)).toEqual(["#1003", "#1008"]);
    expect((await q({ reasons: ["DAMAGED"] })).items.map((i) => i.orderName)).toEqual(["#1003", "#1004"]);
    expect((await q({ flags: ["OUTSIDE_WINDOW"] })).items.map((i) => i.orderName)).toEqual(["#1002"]);
    expect((await q({ flags: ["FINAL_SALE", "EVIDENCE_REQUIRED"] })).items.map((i) => i.orderName)).toEqual(["#1006", "#1007"]);
    expect((await q({ createdFrom: day(3), createdTo: day(1) })).items.map((i) => i.orderName)).toEqual(["#1003", "#1004"]);
    // the home screen's "failed Shopify calls" count and this filter agree
    expect((await q({ withError: true })).items.map((i) => i.orderName)).toEqual(["#1008"]);
  });

  it("searches by order name with or without # and by customer name", async () => {
    expect((await q({ q: "1003" })).items.map((i) => i.orderName)).toEqual(["#1003"]);
    expect((await q({ q: "#1004" })).items.map((i) => i.orderName)).toEqual(["#1004"]);
    expect((await q({ q: "Ben" })).items.map((i) => i.orderName)).toEqual(["#1002"]);
    expect((await q({ q: "Chloé" })).items.map((i) => i.orderName)).toEqual(["#1003"]);
  });

  it("marks clear cases for bulk actions and collects flags", async () => {
    const items = (await q({})).items;
    const by = Object.fromEntries(items.map((i) => [i.orderName, i]));
    expect(by["#1001"]!.clearCase).toBe("approve");
    expect(by["#1002"]!.clearCase).toBe("decline");
    expect(by["#1006"]!.clearCase).toBeNull(); // mixed
    expect(by["#1006"]!.flags).toEqual(["FINAL_SALE"]);
    expect(by["#1003"]!.clearCase).toBeNull(); // already approved
    expect(by["#1008"]!.lastError).toBe("Return is not approvable");
  });

  it("never shows another shop's requests", async () => {
    const other = await listQueue(views(), OTHER, {}, { provider: db.provider });
    expect(other.items).toHaveLength(1);
    expect((await q({ q: "1001" })).items.map((i) => i.id)).toEqual([ids.a]);
  });

  it("reads filters from the URL and names a bad field", () => {
    const query = queueQueryFromSearchParams(new URLSearchParams("status=requested,approved&flag=FINAL_SALE&from=2026-11-01&to=2026-11-02&q=%231001"));
    expect(query.statuses).toEqual(["requested", "approved"]);
    expect(query.flags).toEqual(["FINAL_SALE"]);
    expect(query.createdFrom?.toISOString()).toBe("2026-11-01T00:00:00.000Z");
    expect(query.createdTo?.toISOString()).toBe("2026-11-03T00:00:00.000Z");
    expect(query.q).toBe("#1001");
    // in the shop's zone: Auckland days start at 11:00 UTC the day before (NZDT, +13)
    const nz = queueQueryFromSearchParams(new URLSearchParams("from=2026-11-01&to=2026-11-02"), "Pacific/Auckland");
    expect(nz.createdFrom?.toISOString()).toBe("2026-10-31T11:00:00.000Z");
    expect(nz.createdTo?.toISOString()).toBe("2026-11-02T11:00:00.000Z");
    // across the April DST change (NZST, +12)
    expect(queueQueryFromSearchParams(new URLSearchParams("from=2026-04-06"), "Pacific/Auckland").createdFrom?.toISOString()).toBe(
      "2026-04-05T12:00:00.000Z",
    );
    // the day DST starts (02:00 -> 03:00): midnight is still NZST
    expect(queueQueryFromSearchParams(new URLSearchParams("from=2026-09-27"), "Pacific/Auckland").createdFrom?.toISOString()).toBe(
      "2026-09-26T12:00:00.000Z",
    );
    expect(() => queueQueryFromSearchParams(new URLSearchParams("status=lost"))).toThrow(/status\[0\]/);
    expect(() => queueQueryFromSearchParams(new URLSearchParams("from=yesterday"))).toThrow(/from/);
    expect(() => queueQueryFromSearchParams(new URLSearchParams("cursor=x"))).not.toThrow();
  });

  it("rejects a forged cursor naming the field", async () => {
    await expect(q({ cursor: "bm90LWEtY3Vyc29y" })).rejects.toThrow(/cursor/);
  });
});

describe("request detail", () => {
  it("returns lines, policy version, money and timeline with Shopify errors in words", async () => {
    const d = (await loadRequestDetail(views(), SHOP, ids.c!))!;
    expect(d.request.orderName).toBe("#1003");
    expect(d.lines[0]!.title).toBe("Vase");
    expect(d.policy?.version).toBe(1);
    expect(d.policy?.name).toBe("Standard 30-day returns");
    expect(d.money.formatted.refund).toBe("NZ$50.00");
    expect(d.events.map((e) => e.type)).toEqual(["approved", "refund_failed"]);
    expect(d.events[0]!.summary).toBe("note: Label sent");
    expect(d.events[1]!.shopifyErrors).toEqual([
      "Quantity is more than can be refunded (refundLineItems.0.quantity)",
      "Shopify refused the refund",
    ]);
  });

  it("names the staff member who acted in the timeline where Shopify has told their name, else 'Staff'", async () => {
    expect((await loadRequestDetail(views(), SHOP, ids.c!))!.events.map((e) => e.actorWords)).toEqual(["Staff", "Staff"]);
    await createRepos(db.prisma).staffMembers.record(SHOP, "1", "Mere Tamihana", day(2));
    try {
      const d = (await loadRequestDetail(views(), SHOP, ids.c!))!;
      expect(d.events.map((e) => [e.type, e.actorWords])).toEqual([
        ["approved", "Mere Tamihana"],
        ["refund_failed", "Mere Tamihana"],
      ]);
    } finally {
      await db.prisma.staffMember.deleteMany({});
    }
  });

  it("is null for another shop's request id", async () => {
    expect(await loadRequestDetail(views(), OTHER, ids.c!)).toBeNull();
    expect(await loadRequestDetail(views(), SHOP, "nope")).toBeNull();
  });
});

describe("analytics", () => {
  it("aggregates reasons, products, return rate and refunded/credited totals by week", async () => {
    const a = await loadAnalytics(views(), SHOP, { from: day(30), to: new Date(NOW.getTime() + 1), timeZone: "Pacific/Auckland", ordersCount: 40 });
    expect(a.requests).toBe(8);
    expect(a.ordersWithReturns).toBe(8);
    expect(a.returnRateBps).toBe(2000);
    expect(a.reasons[0]).toEqual({ reason: "UNWANTED", lines: 5, units: 5 });
    expect(a.reasons.find((r) => r.reason === "DAMAGED")).toEqual({ reason: "DAMAGED", lines: 2, units: 3 });
    expect(a.topProducts[0]).toEqual({ title: "Linen shirt", units: 6, requests: 6 });
    expect(a.topProducts[1]).toEqual({ title: "Vase", units: 3, requests: 2 });
    expect(a.money).toMatchObject({ currency: "NZD", refundedMinor: 4500, creditedMinor: 1250 });
    expect(a.money.weeks.reduce((s, w) => s + w.refundedMinor + w.creditedMinor, 0)).toBe(5750);
    expect(a.money.weeks.length).toBeGreaterThanOrEqual(5);
    const other = await loadAnalytics(views(), OTHER, { from: day(30), to: new Date(NOW.getTime() + 1) });
    expect(other.requests).toBe(1);
    expect(other.returnRateBps).toBeNull();
  });

  it("keeps each currency the shoppers paid in apart: never summed, never converted", async () => {
    const MIXED = "mixed-currency.myshopify.com";
    await seed(MIXED, "m1", { at: day(3), status: "refunded", refundMinor: 4500, resolution: "refund" });
    await seed(MIXED, "m2", { at: day(3), status: "refunded", refundMinor: 1200, resolution: "refund" });
    await seed(MIXED, "m3", { at: day(4), status: "refunded", refundMinor: 3358, resolution: "refund", currency: "AUD" });
    await seed(MIXED, "m4", { at: day(5), status: "credited", refundMinor: 3285, resolution: "store_credit", currency: "JPY" });
    const a = await loadAnalytics(views(), MIXED, { from: day(30), to: new Date(NOW.getTime() + 1), timeZone: "Pacific/Auckland" });
    expect(a.moneyByCurrency.map(({ currency, requests, refundedMinor, creditedMinor }) => ({ currency, requests, refundedMinor, creditedMinor }))).toEqual([
      { currency: "NZD", requests: 2, refundedMinor: 5700, creditedMinor: 0 },
      { currency: "AUD", requests: 1, refundedMinor: 3358, creditedMinor: 0 },
      { currency: "JPY", requests: 1, refundedMinor: 0, creditedMinor: 3285 },
    ]);
    expect(a.money).toMatchObject({ currency: "NZD", refundedMinor: 5700, creditedMinor: 0 });
    expect(a.money.weeks.reduce((s, w) => s + w.refundedMinor + w.creditedMinor, 0)).toBe(5700);
    const none = await loadAnalytics(views(), "nothing-settled.myshopify.com", { from: day(30), to: new Date(NOW.getTime() + 1) });
    expect(none.money).toMatchObject({ currency: null, refundedMinor: 0, creditedMinor: 0 });
    expect(none.moneyByCurrency).toEqual([]);
  });
});

describe("revenue kept", () => {
  it("exchanges at the new items' value and store credit instead of a refund, per currency, never summed across currencies", async () => {
    const KEPT = "kept-shop.myshopify.com";
    const exchange = (kind: "replacement" | "exchange", unitPriceMinor: number, quantity = 1, refundMinor = 0) => ({
      kind,
      items: [{ variantId: "gid://shopify/ProductVariant/1", quantity, unitPriceMinor }],
      refundMinor,
    });
    const withExchange = async (key: string, status: ReturnStatus, ex: ReturnType<typeof exchange>, currency = "NZD") => {
      const r = await seed(KEPT, key, { at: day(3), status, refundMinor: ex.refundMinor, currency });
      await repos.returnRequests.transition(KEPT, r.id, { expectedLockVersion: r.lockVersion, patch: { resolution: "exchange", verdict: { exchange: ex } }, now: day(3) });
    };
    await withExchange("x1", "refunded", exchange("replacement", 4500)); // a free replacement: the sale stays
    await withExchange("x2", "closed", exchange("exchange", 3000, 2, 1000)); // two cheaper items, the difference refunded
    await withExchange("x3", "approved", exchange("exchange", 9900)); // not processed yet: not counted
    await withExchange("x4", "refunded", exchange("exchange", 3285), "JPY");
    await seed(KEPT, "c1", { at: day(3), status: "credited", refundMinor: 5005, resolution: "store_credit" });
    await seed(KEPT, "c2", { at: day(3), status: "credited", refundMinor: 4000, resolution: "store_credit", currency: "AUD" });
    await seed(KEPT, "r1", { at: day(3), status: "refunded", refundMinor: 7000, resolution: "refund" }); // a refund keeps nothing
    const a = await loadAnalytics(views(), KEPT, { from: day(30), to: new Date(NOW.getTime() + 1), timeZone: "Pacific/Auckland" });
    expect(a.revenueKept).toEqual([
      { currency: "NZD", exchangesMinor: 4500 + 6000, exchanges: 2, storeCreditMinor: 5005, storeCredits: 1, totalMinor: 15505 },
      { currency: "AUD", exchangesMinor: 0, exchanges: 0, storeCreditMinor: 4000, storeCredits: 1, totalMinor: 4000 },
      { currency: "JPY", exchangesMinor: 3285, exchanges: 1, storeCreditMinor: 0, storeCredits: 0, totalMinor: 3285 },
    ]);
    // money that left: the cheaper exchange's difference and the refund; never a replacement or an even
    // exchange, which are processed with nothing refunded (they are not "refunded" requests)
    expect(a.moneyByCurrency.map(({ currency, requests, refundedMinor, creditedMinor }) => ({ currency, requests, refundedMinor, creditedMinor }))).toEqual([
      { currency: "NZD", requests: 3, refundedMinor: 7000 + 1000, creditedMinor: 5005 },
      { currency: "AUD", requests: 1, refundedMinor: 0, creditedMinor: 4000 },
    ]);
    expect((await loadAnalytics(views(), "nothing-kept.myshopify.com", { from: day(30), to: new Date(NOW.getTime() + 1) })).revenueKept).toEqual([]);
  });
});

describe("return rate", () => {
  const RATE = "rate-shop.myshopify.com";
  it("is returned units over delivered units on the same orders, by product and reason; declined and cancelled bring nothing back", async () => {
    await seed(RATE, "r1", { at: day(2), lines: [{ title: "Vase", quantity: 2, reason: "DAMAGED" }] });
    await seed(RATE, "r2", { at: day(3), status: "refunded", lines: [{ title: "Linen shirt", quantity: 1, reason: "SIZE_TOO_SMALL" }] });
    await seed(RATE, "r3", { at: day(3), status: "declined", lines: [{ title: "Linen shirt", quantity: 3, reason: "UNWANTED" }] });
    await seed(RATE, "r4", { at: day(4), status: "cancelled", lines: [{ title: "Vase", quantity: 1, reason: "UNWANTED" }] });
    // an order outside the delivered set (placed before the period) counts in neither side
    await seed(RATE, "r5", { at: day(4), lines: [{ title: "Vase", quantity: 5, reason: "DAMAGED" }] });
    const delivered = {
      orderIds: ["r1", "r2", "r3", "r4", "x"].map((k) => `gid://shopify/Order/${k}`),
      byTitle: { Vase: 4, "Linen shirt": 16 },
      capped: false,
    };
    const a = await loadAnalytics(views(), RATE, { from: day(30), to: new Date(NOW.getTime() + 1), delivered });
    expect(a.returnRate).toEqual({
      orders: 5,
      capped: false,
      deliveredUnits: 20,
      returnedUnits: 3,
      rateBps: 1500,
      byProduct: [
        { title: "Vase", returned: 2, delivered: 4, rateBps: 5000 },
        { title: "Linen shirt", returned: 1, delivered: 16, rateBps: 625 },
      ],
      byReason: [
        { reason: "DAMAGED", returned: 2, rateBps: 1000 },
        { reason: "SIZE_TOO_SMALL", returned: 1, rateBps: 500 },
      ],
    });
    // why items come back: no UNWANTED (declined and cancelled only)
    expect(a.reasons.map((r) => r.reason).sort()).toEqual(["DAMAGED", "SIZE_TOO_SMALL"]);
    expect(a.reasons.find((r) => r.reason === "DAMAGED")).toEqual({ reason: "DAMAGED", lines: 2, units: 7 });
    expect(a.topProducts.map((p) => p.title)).toEqual(["Vase", "Linen shirt"]);
    // without Shopify's answer the rate is unknown, not zero
    expect((await loadAnalytics(views(), RATE, { from: day(30), to: new Date(NOW.getTime() + 1) })).returnRate).toBeNull();
  });
});

describe("request detail trace", () => {
  it("reads the trace rule by rule from the stored verdict, matched by line item id", async () => {
    const { request } = await repos.returnRequests.create(SHOP, {
      idempotencyKey: "trace-1",
      orderId: "gid://shopify/Order/trace",
      orderName: "#2001",
      currency: "NZD",
      policyVersion: 1,
      verdict: {
        decision: "review",
        lines: [
          {
            lineItemId: "gid://shopify/LineItem/T2",
            eligible: false,
            explanation: "The window closed on 1 November 2026.",
            trace: [
              { rule: "window:change_of_mind", pass: false, code: "OUTSIDE_WINDOW", detail: "deadline 2026-11-01" },
              { rule: "reason:accepted", pass: true, code: "REASON_NOT_ACCEPTED" },
            ],
          },
        ],
      },
      lines: [
        { lineItemId: "gid://shopify/LineItem/T1", title: "A", quantity: 1, reason: "UNWANTED", eligible: true },
        { lineItemId: "gid://shopify/LineItem/T2", title: "B", quantity: 1, reason: "UNWANTED", eligible: false, codes: ["OUTSIDE_WINDOW"], photos: ["https://cdn.example/p1.jpg"] },
      ],
      now: day(1),
    });
    const d = (await loadRequestDetail(views(), SHOP, request.id))!;
    expect(d.lines[1]!.trace).toEqual([
      { rule: "window:change_of_mind", pass: false, code: "OUTSIDE_WINDOW", detail: "deadline 2026-11-01" },
      { rule: "reason:accepted", pass: true, code: "REASON_NOT_ACCEPTED" },
    ]);
    expect(d.lines[1]!.explanation).toBe("The window closed on 1 November 2026.");
    expect(d.lines[1]!.photos).toEqual(["https://cdn.example/p1.jpg"]);
    expect(d.lines[0]!.trace).toEqual([]);
    expect(d.verdict.decision).toBe("review");
  });
});
