/**
 * The staff screens' loaders and actions, called with real Requests carrying stand-in-minted session
 * tokens (authenticate.admin + token exchange run for real against the local Shopify stand-in).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRepos } from "~/db";
import { type TestDatabase } from "~/db/test-db";
import { startAppWithStandin } from "~/test/installed-app";
import { getPreset } from "~/returns";
import { drainJobs, jobQueue } from "~/jobs";
import { enqueueCatalogueSync } from "~/services/terms-sync/service";
import { type Standin } from "../../../standin";
import { testAppCredentials } from "~/test/app-under-test";

const { apiKey: API_KEY, apiSecret: SECRET, appUrl: APP_URL } = testAppCredentials("admin-ui");
const OTHER = "someone-else.myshopify.com";

type Fn = (args: { request: Request; params: Record<string, string>; context: object }) => Promise<unknown>;
let db: TestDatabase;
let standin: Standin;
let repos: ReturnType<typeof createRepos>;
let routes: Record<string, { loader?: Fn; action?: Fn }>;

async function call(
  fn: Fn | undefined,
  path: string,
  opts: { form?: Record<string, string>; params?: Record<string, string> } = {},
): Promise<{ status: number; body: unknown }> {
  const url = `${APP_URL}${path}${path.includes("?") ? "&" : "?"}shop=${standin.shop}`;
  const headers = { Authorization: `Bearer ${standin.mintAdminSessionToken()}` };
  const request = opts.form
    ? new Request(url, { method: "POST", headers, body: new URLSearchParams(opts.form) })
    : new Request(url, { headers });
  try {
    const out = await fn!({ request, params: opts.params ?? {}, context: {} });
    if (out instanceof Response) return { status: out.status, body: await out.json().catch(() => null) };
    return { status: 200, body: out };
  } catch (thrown) {
    if (thrown instanceof Response) return { status: thrown.status, body: await thrown.text() };
    throw thrown;
  }
}

/** The shop-level checkout terms metafield the app owns, parsed, or null. */
function shopTerms(): unknown {
  for (const m of standin.store.metafields.values()) {
    if (m.ownerId === standin.store.shop.id && m.key === "terms" && m.namespace.endsWith("--returns")) return JSON.parse(m.value);
  }
  return null;
}

beforeAll(async () => {
  ({ db, standin } = await startAppWithStandin({ apiKey: API_KEY, apiSecret: SECRET, appUrl: APP_URL, scopes: "write_orders,read_all_orders,write_returns,read_customers,read_products" }));
  repos = createRepos(db.prisma);
  routes = {
    home: await import("~/routes/app._index"),
    queue: await import("~/routes/app.requests._index"),
    detail: await import("~/routes/app.requests.$id"),
    policy: await import("~/routes/app.policy"),
    settings: await import("~/routes/app.settings"),
    analytics: await import("~/routes/app.analytics"),
    activity: await import("~/routes/app.activity"),
    activityCsv: await import("~/routes/app.activity[.]csv"),
    reconciliation: await import("~/routes/app.reconciliation"),
  } as never;
}, 60_000);

afterAll(async () => {
  await standin?.close();
  await db?.cleanup();
});

describe("home and onboarding", () => {
  it("offers the presets in plain words until a policy exists, then saves the chosen one as version 1", async () => {
    const before = await call(routes.home!.loader, "/app");
    const data = before.body as { dashboard: { hasPolicy: boolean }; presets: { id: string; summary: { heading: string }[] }[] };
    expect(data.dashboard.hasPolicy).toBe(false);
    expect(data.presets.map((p) => p.id)).toEqual(["ekr-auto", "ekoh-store", "standard-30-day"]);
    expect(data.presets[0]!.summary[0]!.heading).toBe("When you can return");
    const bad = await call(routes.home!.action, "/app", { form: { presetId: "nope" } });
    expect(bad.status).toBe(422);
    expect(bad.body).toMatchObject({ field: "presetId" });
    const saved = await call(routes.home!.action, "/app", { form: { presetId: "ekoh-store" } });
    expect(saved.body).toEqual({ ok: true, version: 1 });
    const again = await call(routes.home!.action, "/app", { form: { presetId: "ekr-auto" } });
    expect(again.status).toBe(409);
    const active = await repos.policies.active(standin.shop);
    expect(active?.presetId).toBe("ekoh-store");
    expect((active?.policy as { version: number }).version).toBe(1);
  });

  it("notes Shopify's own self-serve returns until a staff member hides the note", async () => {
    const before = await call(routes.home!.loader, "/app");
    expect((before.body as { selfServe: unknown }).selfServe).toEqual({ kind: "reminder" });
    const hidden = await call(routes.home!.action, "/app", { form: { intent: "dismiss-self-serve-note" } });
    expect(hidden.body).toEqual({ ok: true, dismissed: true });
    const after = await call(routes.home!.loader, "/app");
    expect((after.body as { selfServe: unknown }).selfServe).toBeNull();
  });
});

describe("money compared with Shopify", () => {
  it("the home tile says 'not checked' until the job ran; Check now queues the job once, and its run shows on the tile and the list", async () => {
    const before = await call(routes.home!.loader, "/app");
    expect((before.body as { money: unknown }).money).toBeNull();
    expect(await call(routes.reconciliation!.loader, "/app/reconciliation")).toMatchObject({ status: 200, body: { run: null } });
    const queued = await call(routes.reconciliation!.action, "/app/reconciliation", { form: { intent: "run" } });
    expect(queued.body).toMatchObject({ ok: true, message: expect.stringMatching(/^Checking against Shopify/) });
    const again = await call(routes.reconciliation!.action, "/app/reconciliation", { form: { intent: "run" } });
    expect(again.body).toMatchObject({ ok: true, message: expect.stringMatching(/^A check was started/) });
    expect(await drainJobs()).toBeGreaterThanOrEqual(1);
    const after = await call(routes.home!.loader, "/app");
    expect((after.body as { money: unknown }).money).toMatchObject({ drifted: 0 });
    const list = await call(routes.reconciliation!.loader, "/app/reconciliation");
    expect(list.body).toMatchObject({ run: { drifted: 0, drift: [] } });
    expect(await call(routes.reconciliation!.action, "/app/reconciliation", { form: { intent: "nope" } })).toMatchObject({ status: 422 });
  });
});

describe("policy editor", () => {
  it("refuses a bad draft with the error on the field, saves a good one as the next version", async () => {
    const draft = getPreset("standard-30-day")!;
    draft.windows.faults = { days: -2, from: "delivery" };
    const bad = await call(routes.policy!.action, "/app/policy", { form: { intent: "save", policy: JSON.stringify(draft) } });
    expect(bad.status).toBe(422);
    expect((bad.body as { errors: Record<string, string> }).errors["windows.faults.days"]).toBe("must be 0 or more");
    draft.windows.faults = { days: 14, from: "delivery" };
    draft.checkout = { requireFinalSaleAck: true };
    const ok = await call(routes.policy!.action, "/app/policy", { form: { intent: "save", policy: JSON.stringify(draft), presetId: "standard-30-day" } });
    expect(ok.body).toEqual({ ok: true, intent: "save", version: 2 });
    const v2 = await repos.policies.get(standin.shop, 2);
    expect((v2?.policy as { windows: { faults: { days: number } } }).windows.faults.days).toBe(14);
    expect((v2?.policy as { version: number }).version).toBe(2);
    expect((v2?.policy as { checkout: { requireFinalSaleAck: boolean } }).checkout.requireFinalSaleAck).toBe(true);
    // the save published the new terms to checkout: the shop metafield now, the catalogue re-check queued
    expect(shopTerms()).toMatchObject({ version: 1, requireFinalSaleAck: true, defaultTerm: { code: "WINDOW_30D", days: 30 } });
    // queued on the app's job queue (the Job table, or pg-boss on PostgreSQL): the same run again is a duplicate
    const again = await enqueueCatalogueSync({ jobs: await jobQueue() }, standin.shop, { runId: "policy-v2", policyVersion: 2 });
    expect(again.created).toBe(false);
  });

  it("the editor shows the checkout acknowledgement, and automation follows the saved policy's 'who decides' (one switch)", async () => {
    const res = await call(routes.policy!.loader, "/app/policy");
    const body = res.body as { active: { policy: { checkout: { requireFinalSaleAck: boolean }; approval: { mode: string } } }; autoApproval: boolean };
    expect(body.active.policy.checkout.requireFinalSaleAck).toBe(true);
    // version 2 was saved from the preset that approves eligible requests straight away: Settings agrees
    expect(body.active.policy.approval.mode).toBe("auto_approve_eligible");
    expect(body.autoApproval).toBe(true);
    expect((await call(routes.settings!.loader, "/app/settings")).body).toMatchObject({ settings: { autoApproval: true }, policyMode: "auto_approve_eligible" });
    // saving a version where staff review every request turns automation off
    const manual = { ...body.active.policy, approval: { mode: "manual" } };
    const saved = await call(routes.policy!.action, "/app/policy", { form: { intent: "save", policy: JSON.stringify(manual), presetId: "" } });
    expect(saved.body).toMatchObject({ ok: true });
    expect(await repos.shops.get(standin.shop)).toMatchObject({ autoApproval: false });
  });

  it("tries a draft on a real order by name, and names the field when the order does not exist", async () => {
    const order = [...standin.store.orders.values()].find((o) => o.fulfillments.length > 0)!;
    const policy = JSON.stringify(getPreset("standard-30-day"));
    const res = await call(routes.policy!.action, "/app/policy", { form: { intent: "try", policy, orderName: order.name, reason: "UNWANTED" } });
    expect(res.status).toBe(200);
    const result = (res.body as { result: { orderName: string; lines: { title: string }[] } }).result;
    expect(result.orderName).toBe(order.name);
    expect(result.lines.map((l) => l.title)).toEqual(order.lineItems.map((l) => l.title));
    const missing = await call(routes.policy!.action, "/app/policy", { form: { intent: "try", policy, orderName: "#999999", reason: "UNWANTED" } });
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ field: "orderName" });
  });
});

describe("requests", () => {
  let mine: string;
  let unclear: string;
  let theirs: string;
  beforeAll(async () => {
    const base = { currency: "NZD", now: new Date("2026-11-20T00:00:00Z"), orderId: "gid://shopify/Order/8001", orderName: "#1001" };
    mine = (
      await repos.returnRequests.create(standin.shop, {
        ...base,
        idempotencyKey: "ui-clear-1",
        lines: [{ lineItemId: "gid://shopify/LineItem/1", title: "Shirt", quantity: 1, reason: "UNWANTED", eligible: true }],
      })
    ).request.id;
    unclear = (
      await repos.returnRequests.create(standin.shop, {
        ...base,
        idempotencyKey: "ui-mixed-1",
        orderName: "#1002",
        lines: [
          { lineItemId: "gid://shopify/LineItem/1", title: "Shirt", quantity: 1, reason: "UNWANTED", eligible: true },
          { lineItemId: "gid://shopify/LineItem/2", title: "Hat", quantity: 1, reason: "UNWANTED", eligible: false, codes: ["FINAL_SALE"] },
        ],
      })
    ).request.id;
    theirs = (
      await repos.returnRequests.create(OTHER, {
        ...base,
        idempotencyKey: "ui-other-1",
        lines: [{ lineItemId: "gid://shopify/LineItem/1", title: "Shirt", quantity: 1, reason: "UNWANTED", eligible: true }],
      })
    ).request.id;
  });

  it("lists only this shop's requests, filters from the URL and explains a bad filter", async () => {
    const all = (await call(routes.queue!.loader, "/app/requests")).body as { page: { items: { id: string }[] } };
    expect(all.page.items.map((i) => i.id).sort()).toEqual([mine, unclear].sort());
    const flagged = (await call(routes.queue!.loader, "/app/requests?flag=FINAL_SALE")).body as { page: { items: { id: string }[] } };
    expect(flagged.page.items.map((i) => i.id)).toEqual([unclear]);
    const bad = (await call(routes.queue!.loader, "/app/requests?status=lost")).body as { error: { field: string; label: string; message: string } };
    expect(bad.error.field).toBe("status[0]");
    // the merchant reads the filter's name and what is wrong, never the field code or the list of values
    expect(bad.error).toMatchObject({ label: "Status", message: "Status asks for a choice this screen doesn't offer." });
    const badDate = (await call(routes.queue!.loader, "/app/requests?from=yesterday")).body as { error: { message: string } };
    expect(badDate.error.message).toBe("Date requested (from) must be a date like 2026-12-31.");
  });

  it("shows the total, each request's resolution, and finds requests by the shopper's e-mail through Shopify's orders", async () => {
    type Page = { page: { items: { id: string; resolution: string | null }[]; total: number | null } };
    const all = (await call(routes.queue!.loader, "/app/requests")).body as Page;
    expect(all.page.total).toBe(2);
    expect(all.page.items.every((i) => "resolution" in i)).toBe(true);
    const order = standin.store.orders.get("gid://shopify/Order/8001")!;
    expect(order.email).toBeTruthy();
    const byEmail = (await call(routes.queue!.loader, `/app/requests?q=${encodeURIComponent(order.email!.toUpperCase())}`)).body as Page;
    expect(byEmail.page.items.map((i) => i.id).sort()).toEqual([mine, unclear].sort());
    expect(byEmail.page.total).toBe(2);
    const nobody = (await call(routes.queue!.loader, "/app/requests?q=nobody%40example.org")).body as Page;
    expect(nobody.page).toMatchObject({ items: [], total: 0 });
    const half = (await call(routes.queue!.loader, "/app/requests?q=alex%40")).body as { error: { field: string; message: string } };
    expect(half.error).toMatchObject({ field: "q", message: "Search must be a whole e-mail address, like name@example.com." });
  });

  it("bulk approve reports every request: Shopify's refusal in words, unclear cases and foreign ids skipped", async () => {
    const res = await call(routes.queue!.action, "/app/requests", { form: { intent: "approve", ids: [mine, unclear, theirs].join(",") } });
    const results = (res.body as { results: { id: string; outcome: string; message: string }[] }).results;
    const by = Object.fromEntries(results.map((r) => [r.id, r]));
    expect(by[mine]!.outcome).toBe("failed"); // no Shopify return behind it: the staff service says why
    expect(by[mine]!.message).toBe("cannot approve: the request has no Shopify return yet");
    expect(by[unclear]).toMatchObject({ outcome: "skipped" });
    expect(by[unclear]!.message).toMatch(/Not a clear case/);
    expect(by[theirs]).toMatchObject({ outcome: "skipped", message: "Not found" });
    const none = await call(routes.queue!.action, "/app/requests", { form: { intent: "approve", ids: "" } });
    expect(none.status).toBe(422);
  });

  it("detail: 404 for another shop's id; actions validate their fields and report failures", async () => {
    const foreign = await call(routes.detail!.loader, `/app/requests/${theirs}`, { params: { id: theirs } });
    expect(foreign.status).toBe(404);
    const own = await call(routes.detail!.loader, `/app/requests/${unclear}`, { params: { id: unclear } });
    const d = (own.body as { detail: { lines: { title: string }[]; money: { formatted: { refund: string } } }; suggestedDeclineReason: string });
    expect(d.detail.lines.map((l) => l.title)).toEqual(["Shirt", "Hat"]);
    expect(d.detail.money.formatted.refund).toBe("NZ$0.00");
    expect(d.suggestedDeclineReason).toBe("FINAL_SALE");
    const noReason = await call(routes.detail!.action, `/app/requests/${unclear}`, { params: { id: unclear }, form: { intent: "decline" } });
    expect(noReason.status).toBe(422);
    expect(noReason.body).toMatchObject({ ok: false, field: "reason" });
    const badLabel = await call(routes.detail!.action, `/app/requests/${unclear}`, {
      params: { id: unclear },
      form: { intent: "approve", returnLabelUrl: "ftp://x" },
    });
    expect(badLabel.body).toMatchObject({ field: "returnLabelUrl" });
    const foreignAct = await call(routes.detail!.action, `/app/requests/${theirs}`, { params: { id: theirs }, form: { intent: "close" } });
    expect(foreignAct.status).toBe(404);
  });

  it("detail offers the actions the request's status allows: Close once approved, nothing once declined", async () => {
    const offered = async (status: string) => {
      await db.prisma.returnRequest.update({ where: { id: unclear }, data: { status } });
      const res = await call(routes.detail!.loader, `/app/requests/${unclear}`, { params: { id: unclear } });
      return (res.body as { actions: string[] }).actions;
    };
    try {
      expect(await offered("requested")).toEqual(["approve", "decline"]);
      expect(await offered("approved")).toEqual(["receive", "refund", "close"]);
      expect(await offered("received")).toEqual(["refund", "close"]);
      expect(await offered("refunded")).toEqual(["close"]);
      expect(await offered("declined")).toEqual([]);
      // and the state machine refuses what is not offered
      const close = await call(routes.detail!.action, `/app/requests/${unclear}`, { params: { id: unclear }, form: { intent: "close" } });
      expect(close.status).toBe(409);
    } finally {
      await db.prisma.returnRequest.update({ where: { id: unclear }, data: { status: "requested" } });
    }
  });
});

describe("settings and analytics", () => {
  it("saves settings and names a bad field", async () => {
    const ok = await call(routes.settings!.action, "/app/settings", { form: { notifyCustomer: "false", autoApproval: "true", defaultResolution: "store_credit" } });
    expect(ok.body).toEqual({ ok: true });
    expect(await repos.shops.get(standin.shop)).toMatchObject({ notifyCustomer: false, autoApproval: true, defaultResolution: "store_credit" });
    const bad = await call(routes.settings!.action, "/app/settings", { form: { notifyCustomer: "maybe", autoApproval: "true", defaultResolution: "refund" } });
    expect(bad.status).toBe(422);
    expect(bad.body).toMatchObject({ field: "notifyCustomer", message: "must be true or false" });
    const badResolution = await call(routes.settings!.action, "/app/settings", { form: { notifyCustomer: "true", autoApproval: "true", defaultResolution: "cash" } });
    expect(badResolution.status).toBe(422);
    expect(badResolution.body).toMatchObject({ field: "defaultResolution", message: "must be one of refund, store_credit, exchange" });
    const missing = await call(routes.settings!.action, "/app/settings", { form: { autoApproval: "true", defaultResolution: "refund" } });
    expect(missing.body).toMatchObject({ field: "notifyCustomer" });
    // nothing was saved by the refused forms
    expect(await repos.shops.get(standin.shop)).toMatchObject({ notifyCustomer: false, autoApproval: true, defaultResolution: "store_credit" });
    // the screen posts the email switch alone: who decides (set with the policy) is left as it is
    const screen = await call(routes.settings!.action, "/app/settings", { form: { notifyCustomer: "true" } });
    expect(screen.body).toEqual({ ok: true });
    expect(await repos.shops.get(standin.shop)).toMatchObject({ notifyCustomer: true, autoApproval: true, defaultResolution: "store_credit" });
  });

  it("analytics counts this shop's requests of the period and their reasons", async () => {
    await repos.returnRequests.create(standin.shop, {
      currency: "NZD",
      now: new Date(),
      orderId: "gid://shopify/Order/8003",
      orderName: "#1003",
      idempotencyKey: "ui-analytics-1",
      lines: [{ lineItemId: "gid://shopify/LineItem/3", title: "Scarf", quantity: 2, reason: "DAMAGED", eligible: true }],
    });
    await repos.returnRequests.create(OTHER, {
      currency: "NZD",
      now: new Date(),
      orderId: "gid://shopify/Order/8004",
      orderName: "#1004",
      idempotencyKey: "ui-analytics-other",
      lines: [{ lineItemId: "gid://shopify/LineItem/4", title: "Scarf", quantity: 1, reason: "DAMAGED", eligible: true }],
    });
    const since = Date.now() - 30 * 86_400_000;
    const earlier = (await db.prisma.returnRequest.findMany({ where: { shop: standin.shop, idempotencyKey: { not: "ui-analytics-1" } } })).filter(
      (r) => r.createdAt.getTime() >= since,
    ).length;
    const res = await call(routes.analytics!.loader, "/app/analytics?days=30");
    const body = res.body as {
      period: number;
      analytics: { requests: number; ordersCount: number | null; reasons: { reason: string; lines: number; units: number }[] };
      currency: string;
    };
    expect(body.period).toBe(30);
    expect(body.currency).toBe("NZD");
    // this shop's requests only: the one made now plus those of the setup still inside the 30 days
    expect(body.analytics.requests).toBe(1 + earlier);
    expect(body.analytics.reasons).toContainEqual({ reason: "DAMAGED", lines: 1, units: 2 });
    // the return rate's delivered units come from the stand-in's orders of the period (fulfilled units)
    const rate = (res.body as { analytics: { returnRate: { orders: number; deliveredUnits: number; rateBps: number | null } | null } }).analytics.returnRate;
    expect(rate).not.toBeNull();
    expect(rate!.orders).toBeGreaterThan(0);
    expect(rate!.deliveredUnits).toBeGreaterThan(0);
    expect(rate!.rateBps).not.toBeNull();
  });
});

describe("activity", () => {
  it("lists this shop's activity, explains a bad filter, and exports the same rows as CSV to signed-in staff only", async () => {
    const page = (await call(routes.activity!.loader, "/app/activity")).body as { page: { rows: { who: string; what: string }[] }; error: string | null };
    expect(page.error).toBeNull();
    expect(page.page.rows.length).toBeGreaterThan(0);
    const bad = (await call(routes.activity!.loader, "/app/activity?what=everything")).body as { error: string | null };
    expect(bad.error).toBe("Some filters in this address can't be used.");
    const url = `${APP_URL}/app/activity.csv?shop=${standin.shop}`;
    const csv = (await routes.activityCsv!.loader!({
      request: new Request(url, { headers: { Authorization: `Bearer ${standin.mintAdminSessionToken()}` } }),
      params: {},
      context: {},
    })) as Response;
    expect(csv.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    const text = await csv.text();
    expect(text.split("\r\n")[0]).toBe('"When","Who","What","Order"');
    expect(text.split("\r\n").length - 2).toBe(page.page.rows.length);
    // The staff member's actions above taught the app their name (the online token exchange's associated_user):
    // the log and its CSV say who acted.
    expect(await repos.staffMembers.namesFor(standin.shop, ["staff:1"])).toEqual({ "staff:1": "Mere Tamihana" });
    expect(page.page.rows.some((r) => r.who === "Mere Tamihana")).toBe(true);
    expect(page.page.rows.some((r) => r.who === "Staff")).toBe(false);
    expect(text).toContain('"Mere Tamihana"');
    // without a session token: no data
    const anonymous = await routes.activityCsv!.loader!({ request: new Request(url), params: {}, context: {} }).catch((r: unknown) => r);
    expect(anonymous instanceof Response && anonymous.status !== 200).toBe(true);
  });
});
