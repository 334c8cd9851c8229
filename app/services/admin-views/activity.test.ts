// The shop-wide activity log against a real migrated database (SQLite; PostgreSQL when DATABASE_URL says so).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRepos } from "~/db";
import { createTestDatabase, type TestDatabase } from "~/db/test-db";
import { serviceContext } from "~/services/context";
import { EXPORT_EVENT_TYPE } from "~/services/compliance";
import { activityCsv, activityQueryFromSearchParams, loadActivity } from "./activity";
import { SELF_SERVE_NOTE_DISMISSED } from "./self-serve-returns";

const SHOP = "activity-shop.myshopify.com";
const OTHER = "activity-other.myshopify.com";
const at = (h: number) => new Date(Date.UTC(2026, 10, 20, h)); // 20 Nov 2026, h:00 UTC
let db: TestDatabase;
const ctx = () => serviceContext({ db: db.prisma, now: () => at(23) });
const q = (s: string) => activityQueryFromSearchParams(new URLSearchParams(s));

beforeAll(async () => {
  db = await createTestDatabase();
  const repos = createRepos(db.prisma);
  const { request } = await repos.returnRequests.create(SHOP, {
    idempotencyKey: "act-1",
    orderId: "gid://shopify/Order/1",
    orderName: "#1001",
    customerId: "gid://shopify/Customer/7",
    customerDisplayName: "Aroha Ngata",
    currency: "NZD",
    lines: [{ lineItemId: "gid://shopify/LineItem/1", title: "Vase", quantity: 1, reason: "DAMAGED", eligible: true }],
    now: at(1),
  });
  const e = (type: string, actor: string, h: number, payload?: unknown, requestId: string | null = request.id) =>
    repos.events.append(SHOP, { requestId, type, actor, at: at(h), payload });
  await e("requested", "customer:gid://shopify/Customer/7", 1);
  await e("approve_failed", "staff:1", 2, { error: "HTTP 500" });
  await e("approved", "staff:1", 3, { note: "Label sent" });
  await e("shopify_returns_process", "webhook", 4, { from: "approved", to: "received" });
  await e("refunded", "staff:2", 5, { amount: 8900 });
  await e(SELF_SERVE_NOTE_DISMISSED, "staff:1", 6, undefined, null);
  await e(EXPORT_EVENT_TYPE, "shopify:customers/data_request", 7, { email: "aroha@example.com" }, null);
  await repos.events.append(OTHER, { type: "approved", actor: "staff:9", at: at(3) });
});

afterAll(async () => {
  await db?.cleanup();
});

describe("activity log", () => {
  it("names store credit, and a processed replacement or exchange, for what they were; the CSV says the same", async () => {
    const SHOP2 = "activity-money.myshopify.com";
    const repos = createRepos(db.prisma);
    const { request } = await repos.returnRequests.create(SHOP2, {
      idempotencyKey: "act-money",
      orderId: "gid://shopify/Order/2",
      orderName: "#1002",
      currency: "NZD",
      lines: [{ lineItemId: "gid://shopify/LineItem/2", title: "Mats", quantity: 1, reason: "SIZE_TOO_SMALL", eligible: true }],
      now: at(1),
    });
    const e = (h: number, payload: unknown) => repos.events.append(SHOP2, { requestId: request.id, type: "refunded", actor: "staff:1", at: at(h), payload });
    // the event keeps the staff's choice (to: store_credit), as the refund step records it
    await e(2, { action: "refund", from: "received", to: "store_credit", amount: "NZ$10.00" });
    await e(3, { action: "refund", to: "original_payment", amount: "NZ$0.00", newItems: "replacement" });
    await e(4, { action: "refund", to: "original_payment", amount: "NZ$0.00", newItems: "exchange" });
    const page = await loadActivity(ctx(), SHOP2, q("what=money"));
    expect(page.rows.map((r) => r.what)).toEqual(["Processed the exchange — new items sent", "Processed the replacement — new item sent", "Issued store credit"]);
    const csv = activityCsv(page.rows, "UTC");
    for (const w of ["Processed the exchange — new items sent", "Processed the replacement — new item sent", "Issued store credit"]) expect(csv).toContain(`"${w}"`);
  });

  it("says who did what in words, newest first, this shop only, never a compliance export", async () => {
    const page = await loadActivity(ctx(), SHOP, q(""));
    expect(page.rows.map((r) => [r.who, r.what, r.orderName])).toEqual([
      ["Staff", "Hid the note about Shopify's self-serve returns", null],
      ["Staff", "Refunded", "#1001"],
      ["Shopify", "Reported a change at Shopify: now received", "#1001"],
      ["Staff", "Approved the return", "#1001"],
      ["Staff", "Tried to approve; Shopify did not accept it", "#1001"],
      ["Aroha Ngata", "Asked to return items", "#1001"],
    ]);
    expect(JSON.stringify(page.rows)).not.toMatch(/gid:|staff:|customer:|HTTP 500/);
    expect(page.next).toBeNull();
  });

  it("filters by who, what and shop-local day, and pages with a keyset cursor", async () => {
    expect((await loadActivity(ctx(), SHOP, q("who=customer"))).rows.map((r) => r.what)).toEqual(["Asked to return items"]);
    expect((await loadActivity(ctx(), SHOP, q("who=shopify,customer"))).rows).toHaveLength(2);
    expect((await loadActivity(ctx(), SHOP, q("what=problems"))).rows.map((r) => r.what)).toEqual(["Tried to approve; Shopify did not accept it"]);
    expect((await loadActivity(ctx(), SHOP, q("what=decisions,money"))).rows).toHaveLength(2);
    // 20 Nov 02:00-04:59 UTC is 15:00-17:59 in Auckland on the 20th; 01:00 UTC too (14:00)
    const auckland = await loadActivity(ctx(), SHOP, q("from=2026-11-20&to=2026-11-20"), { timeZone: "Pacific/Auckland" });
    expect(auckland.rows).toHaveLength(6);
    expect((await loadActivity(ctx(), SHOP, q("to=2026-11-19"), { timeZone: "Pacific/Auckland" })).rows).toHaveLength(0);
    const first = await loadActivity(ctx(), SHOP, q(""), { limit: 4 });
    expect(first.rows).toHaveLength(4);
    const second = await loadActivity(ctx(), SHOP, { ...q(""), before: first.next }, { limit: 4 });
    expect(second.rows.map((r) => r.what)).toEqual(["Tried to approve; Shopify did not accept it", "Asked to return items"]);
    expect(second.next).toBeNull();
  });

  it("names the staff member who acted where Shopify has told their name, this shop's only, else 'Staff', in the log and its CSV", async () => {
    const repos = createRepos(db.prisma);
    await repos.staffMembers.record(SHOP, "1", "Mere Tamihana", at(8));
    await repos.staffMembers.record(OTHER, "2", "Someone Elsewhere", at(8));
    try {
      const page = await loadActivity(ctx(), SHOP, q("who=staff"));
      expect(page.rows.map((r) => [r.who, r.what])).toEqual([
        ["Mere Tamihana", "Hid the note about Shopify's self-serve returns"],
        ["Staff", "Refunded"], // staff:2 is only known at another shop
        ["Mere Tamihana", "Approved the return"],
        ["Mere Tamihana", "Tried to approve; Shopify did not accept it"],
      ]);
      expect(activityCsv(page.rows, "UTC")).toContain('"2026-11-20 03:00","Mere Tamihana","Approved the return","#1001"');
    } finally {
      await db.prisma.staffMember.deleteMany({});
    }
  });

  it("names a bad filter in the address", () => {
    expect(() => q("who=robots")).toThrow(/who\[0\]/);
    expect(() => q("from=yesterday")).toThrow(/from: must be a date like 2026-12-31/);
  });

  it("exports CSV in the shop's time zone, quoted, with formulas made inert", () => {
    const csv = activityCsv(
      [
        { id: 1, at: "2026-11-20T03:00:00.000Z", who: "Aroha \"Ro\" Ngata", what: "Asked to return items", orderName: "#1001", requestId: "r" },
        { id: 2, at: "2026-11-20T04:00:00.000Z", who: "=HYPERLINK(\"x\")", what: "Refunded", orderName: null, requestId: null },
      ],
      "Pacific/Auckland",
    );
    expect(csv.split("\r\n")).toEqual([
      '"When","Who","What","Order"',
      '"2026-11-20 16:00","Aroha ""Ro"" Ngata","Asked to return items","#1001"',
      '"2026-11-20 17:00","\'=HYPERLINK(""x"")","Refunded","Whole shop"',
      "",
    ]);
  });
});
