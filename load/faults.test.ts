/**
 * Faults on Admin API calls, table-driven over operations x faults. The stand-in injects the fault on the
 * operation's Shopify call (THROTTLED once, THROTTLED past the client's 5 attempts, HTTP 500, no answer
 * (the client's request timeout fires), userErrors). Every operation must either complete after the
 * client's retries, or end in a failed state staff (or the shopper, or the job queue) can see and retry,
 * after which Shopify holds exactly one effect. Nothing is lost, nothing happens twice. Once every case
 * has run, the money reconciliation finds every request's money as Shopify's books show it (issue 14).
 *
 * In-process services over the real offline AdminClient and the stand-in; runs on SQLite, and on
 * PostgreSQL when DATABASE_URL=postgresql://...
 *
 * The "no answer" case uses the offline transport's own request timeout (timeoutMs, 20 s by default;
 * shortened to 300 ms here).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "~/db/test-db";
import { createRepos } from "~/db";
import { getPreset, parsePolicy, type Policy } from "~/returns";
import { offlineAdminClient, type AdminClient } from "~/shopify/admin-client";
import { approveRequest, closeRequest, declineRequest, markReceived, refundRequest, retryLastAction, type StaffDeps } from "~/services/staff";
import { getOverview, submitReturnRequest, ShopperError, type ShopperDeps } from "~/services/shopper";
import { enqueueCatalogueSync } from "~/services/terms-sync/service";
import { reconcileMoney } from "~/services/reconcile";
import { catalogueQueue } from "~/services/terms-sync/testing";
import { startStandin, tomlScopes, type Standin, type FaultKind, type OrderRec } from "../standin";
import { addOrder } from "../standin/testing";

const SHOP = "demo-returns.myshopify.com";
const TOKEN = "shpat_fault_matrix";
const t0 = new Date("2026-11-20T01:00:00Z");

let db: TestDatabase;
let standin: Standin;
let admin: AdminClient;
let virtualMs = 0;
const waits: number[] = [];
const sent: string[] = [];
const used = new Set<string>();

const now = () => new Date(t0.getTime() + virtualMs);
const staffDeps = (): StaffDeps => ({ repos: createRepos(db.prisma), admin, now, actor: "staff:7" });
const shopperDeps = (): ShopperDeps => ({ repos: createRepos(db.prisma), admin, now, uploadOrigins: [standin.url] });
const sentCount = (op: string) => sent.filter((n) => n === op).length;

const policy: Policy = parsePolicy({ ...getPreset("standard-30-day")!, approval: { mode: "manual" } });

/** An unused order (in any currency: requests are priced in the currency paid, decision 150) with a delivered line the engine accepts (via the shopper API's overview). */
async function pickOrder(): Promise<{ order: OrderRec; lineItemId: string; reason: string; conditions: string[] }> {
  for (const o of standin.store.orders.values()) {
    if (used.has(o.id) || !o.customerId || o.returnIds.length > 0) continue;
    if (!o.transactions.some((t) => t.kind === "SALE" || t.kind === "CAPTURE")) continue;
    used.add(o.id);
    let ov;
    try {
      ov = await getOverview(shopperDeps(), { shop: SHOP, customerId: o.customerId, locale: null }, o.id);
    } catch {
      continue;
    }
    if (!ov.canRequest) continue;
    const line = ov.lines.find((l) => l.quantityLeft > 0 && l.reasons.some((r) => r.minPhotos === 0));
    const reason = line?.reasons.find((r) => r.minPhotos === 0);
    if (!line || !reason) continue;
    return { order: o, lineItemId: line.lineItemId, reason: reason.code, conditions: [...reason.conditions] };
  }
  // the seed's orders are all used (the matrix has grown past them): one more, delivered two days ago
  const customerId = [...standin.store.orders.values()].find((o) => o.customerId)!.customerId;
  const day = 24 * 60 * 60 * 1000;
  const made = addOrder(standin.store, {
    customerId,
    presentment: "NZD",
    lines: [{ title: "Fault matrix tee", unitPresentment: 4500, quantity: 1 }],
    processedAt: new Date(Date.now() - 4 * day).toISOString(),
    deliveredAt: new Date(Date.now() - 2 * day).toISOString(),
  });
  const ov = await getOverview(shopperDeps(), { shop: SHOP, customerId: made.customerId!, locale: null }, made.id);
  const line = ov.lines.find((l) => l.quantityLeft > 0 && l.reasons.some((r) => r.minPhotos === 0));
  const reason = line?.reasons.find((r) => r.minPhotos === 0);
  if (!ov.canRequest || !line || !reason) throw new Error("no unused returnable order in the demo seed, and a new one is not returnable");
  used.add(made.id);
  return { order: made, lineItemId: line.lineItemId, reason: reason.code, conditions: [...reason.conditions] };
}

let keyN = 0;
/** A request as the shopper API stores it, with its REQUESTED Shopify Return. */
async function submitted(): Promise<{ requestId: string; returnId: string; order: OrderRec }> {
  const p = await pickOrder();
  const r = await submitReturnRequest(shopperDeps(), { shop: SHOP, customerId: p.order.customerId!, locale: null }, p.order.id, {
    idempotencyKey: `fault-matrix-${++keyN}`,
    lines: [{ lineItemId: p.lineItemId, quantity: 1, reason: p.reason as never, conditions: p.conditions as never, photos: [], note: "" }],
    resolution: "refund",
  });
  const stored = await createRepos(db.prisma).returnRequests.findById(SHOP, r.request.id);
  return { requestId: r.request.id, returnId: stored!.shopifyReturnId!, order: p.order };
}

interface Case {
  op: string;
  /** Shopify operation the fault is armed on. */
  target: string;
  /** Puts the subject in the state the operation starts from; returns the subject. */
  setup(): Promise<{ requestId: string; returnId: string; order: OrderRec }>;
  /** Runs the operation once: ok, or a failure the caller sees. */
  run(s: { requestId: string; order: OrderRec }): Promise<{ ok: boolean; status?: number }>;
  /** The visible retry (staff's Retry button; the shopper's same-key resubmit). */
  retry(s: { requestId: string; order: OrderRec }): Promise<{ ok: boolean }>;
  /** Shopify holds exactly the one effect. */
  effect(s: { requestId: string; returnId: string; order: OrderRec }): void;
  /** Failure must be visible in our records (lastError) before the retry. */
  visible?(s: { requestId: string }): Promise<void>;
}

const staffVisible = async (s: { requestId: string }) => {
  const r = await createRepos(db.prisma).returnRequests.findById(SHOP, s.requestId);
  expect(r!.lastError, "staff see the failure on the request").toMatch(/failed/);
};
const asResult = (r: { ok: boolean; status?: number }) => ({ ok: r.ok, status: r.status });
const ret = (id: string) => standin.store.returns.get(id)!;

const CASES: Case[] = [
  {
    op: "approve",
    target: "ReturnApproveRequest",
    setup: submitted,
    run: async (s) => asResult(await approveRequest(staffDeps(), SHOP, s.requestId)),
    retry: async (s) => retryLastAction(staffDeps(), SHOP, s.requestId),
    effect: (s) => expect(ret(s.returnId).status).toBe("OPEN"),
    visible: staffVisible,
  },
  {
    op: "decline",
    target: "ReturnDeclineRequest",
    setup: submitted,
    run: async (s) => asResult(await declineRequest(staffDeps(), SHOP, s.requestId, { reason: "OTHER", message: "no" })),
    retry: async (s) => retryLastAction(staffDeps(), SHOP, s.requestId),
    effect: (s) => expect(ret(s.returnId).status).toBe("DECLINED"),
    visible: staffVisible,
  },
  {
    op: "receive + refund (returnProcess)",
    target: "ReturnProcess",
    setup: async () => {
      const s = await submitted();
      expect((await approveRequest(staffDeps(), SHOP, s.requestId)).ok).toBe(true);
      expect((await markReceived(staffDeps(), SHOP, s.requestId, { restock: true })).ok).toBe(true);
      return s;
    },
    run: async (s) => asResult(await refundRequest(staffDeps(), SHOP, s.requestId, { to: "original_payment" })),
    retry: async (s) => retryLastAction(staffDeps(), SHOP, s.requestId),
    effect: (s) => {
      expect(ret(s.returnId).refundIds).toHaveLength(1);
      expect([...standin.store.refunds.values()].filter((r) => r.orderId === s.order.id)).toHaveLength(1);
    },
    visible: staffVisible,
  },
  {
    op: "close",
    target: "ReturnClose",
    setup: async () => {
      const s = await submitted();
      expect((await approveRequest(staffDeps(), SHOP, s.requestId)).ok).toBe(true);
      expect((await refundRequest(staffDeps(), SHOP, s.requestId, { to: "original_payment" })).ok).toBe(true);
      return s;
    },
    run: async (s) => asResult(await closeRequest(staffDeps(), SHOP, s.requestId)),
    retry: async (s) => retryLastAction(staffDeps(), SHOP, s.requestId),
    effect: (s) => expect(ret(s.returnId).status).toBe("CLOSED"),
    visible: staffVisible,
  },
];

// approving a replacement: returnCancel of the requested Return, then returnCreate with the exchange item
// (decision 170). The request is a submitted one whose verdict is given the replacement (same variant).
async function submittedReplacement() {
  const s = await submitted();
  const row = (await db.prisma.returnRequest.findUnique({ where: { id: s.requestId } }))!;
  const stored = typeof row.verdict === "string" ? (JSON.parse(row.verdict) as Record<string, unknown>) : (row.verdict as unknown as Record<string, unknown>);
  const line = (await createRepos(db.prisma).returnRequests.findById(SHOP, s.requestId))!.lines[0]!;
  const li = s.order.lineItems.find((l) => l.id === line.lineItemId)!;
  const verdict = { ...stored, exchange: { kind: "replacement", items: [{ variantId: li.variantId, quantity: 1, unitPriceMinor: li.unitPrice }], refundMinor: 0 } };
  await db.prisma.returnRequest.update({ where: { id: s.requestId }, data: { verdict: (typeof row.verdict === "string" ? JSON.stringify(verdict) : verdict) as never } });
  return s;
}
const replacementEffect = (s: { returnId: string; order: OrderRec }) => {
  expect(ret(s.returnId).status, "the requested Return is cancelled").toBe("CANCELED");
  const rets = [...standin.store.returns.values()].filter((r) => r.orderId === s.order.id && r.id !== s.returnId);
  expect(rets, "exactly one Return with the replacement").toHaveLength(1);
  expect(rets[0]!.exchangeLines).toHaveLength(1);
};
for (const target of ["ReturnCancel", "ReturnCreateExchange"]) {
  CASES.push({
    op: `approve replacement (${target})`,
    target,
    setup: submittedReplacement,
    run: async (s) => asResult(await approveRequest(staffDeps(), SHOP, s.requestId)),
    retry: async (s) => retryLastAction(staffDeps(), SHOP, s.requestId),
    effect: replacementEffect,
    visible: staffVisible,
  });
}

// submit's returnRequest: the shopper sees an error and resubmits with the same key.
const submitPlans = new Map<string, Awaited<ReturnType<typeof pickOrder>> & { key: string }>();
async function submitOnce(orderId: string): Promise<{ ok: boolean; status?: number; requestId?: string }> {
  const p = submitPlans.get(orderId)!;
  try {
    const r = await submitReturnRequest(shopperDeps(), { shop: SHOP, customerId: p.order.customerId!, locale: null }, p.order.id, {
      idempotencyKey: p.key,
      lines: [{ lineItemId: p.lineItemId, quantity: 1, reason: p.reason as never, conditions: p.conditions as never, photos: [], note: "" }],
      resolution: "refund",
    });
    return { ok: true, requestId: r.request.id };
  } catch (e) {
    if (e instanceof ShopperError) return { ok: false, status: e.status };
    throw e;
  }
}
CASES.push({
  op: "submit (returnRequest)",
  target: "ReturnRequest",
  setup: async () => {
    const p = await pickOrder();
    submitPlans.set(p.order.id, { ...p, key: `fault-submit-${++keyN}` });
    return { requestId: "", returnId: "", order: p.order };
  },
  run: (s) => submitOnce(s.order.id),
  retry: (s) => submitOnce(s.order.id),
  effect: (s) => {
    const rets = [...standin.store.returns.values()].filter((r) => r.orderId === s.order.id);
    expect(rets, "exactly one Shopify Return for the order").toHaveLength(1);
  },
});

const FAULTS: { name: string; kind: FaultKind; times: number; completesWithoutRetry: boolean }[] = [
  { name: "THROTTLED once", kind: "throttle", times: 1, completesWithoutRetry: true },
  { name: "THROTTLED past the client's attempts", kind: "throttle", times: 5, completesWithoutRetry: false },
  { name: "HTTP 500", kind: "http500", times: 1, completesWithoutRetry: false },
  { name: "no answer (timeout)", kind: "timeout", times: 1, completesWithoutRetry: false },
  { name: "userErrors", kind: "userErrors", times: 1, completesWithoutRetry: false },
];

beforeAll(async () => {
  db = await createTestDatabase();
  standin = await startStandin({
    apiKey: "fault-key",
    apiSecret: "fault-secret-0123456789",
    seed: "demo",
    webhooks: [],
    bucketClock: now,
  });
  standin.grantOfflineToken({ token: TOKEN, scope: tomlScopes() });
  const recordingFetch: typeof fetch = async (input, init) => {
    const body = typeof init?.body === "string" ? (JSON.parse(init.body) as { query?: string }) : {};
    const m = /(?:mutation|query)\s+(\w+)/.exec(body.query ?? "");
    if (m) sent.push(m[1]!);
    return fetch(input, init);
  };
  admin = offlineAdminClient(
    { shop: SHOP, accessToken: TOKEN, env: { SHOPIFY_ADMIN_ORIGIN: standin.url }, fetch: recordingFetch, timeoutMs: 300 },
    {
      // Virtual time: a wait the client asks for moves the stand-in's bucket clock and ours.
      sleep: async (ms) => {
        waits.push(ms);
        virtualMs += ms;
      },
    },
  );
  await createRepos(db.prisma).policies.saveNewVersion(SHOP, { policy, now: new Date("2020-01-01T00:00:00Z") });
}, 60_000);

afterAll(async () => {
  await standin?.close();
  await db?.cleanup();
});

describe("Admin API faults x operations: completes, or fails visibly and a retry completes it exactly once", () => {
  for (const c of CASES) {
    for (const f of FAULTS) {
      it(`${c.op} / ${f.name}`, async () => {
        standin.faults.clear();
        const s = await c.setup();
        const mutationsBefore = sentCount(c.target);
        const waitsBefore = waits.length;
        standin.faults.inject({ operationName: c.target, kind: f.kind, times: f.times });
        const first = await c.run(s);
        standin.faults.clear();
        if (f.completesWithoutRetry) {
          expect(first.ok, "completes after the client's own retries").toBe(true);
          // the client waited (per the answer's throttleStatus) before trying again
          expect(waits.length).toBeGreaterThan(waitsBefore);
          expect(sentCount(c.target) - mutationsBefore).toBe(2);
        } else {
          expect(first.ok, "the failure is reported, not swallowed").toBe(false);
          expect(first.status).toBeGreaterThanOrEqual(422);
          await c.visible?.(s);
          const retried = await c.retry(s);
          expect(retried.ok, "the visible retry completes it").toBe(true);
        }
        c.effect(s);
        // Nothing twice: a further retry / repeat changes nothing at Shopify.
        const before = sentCount(c.target);
        await c.retry(s).catch(() => undefined);
        c.effect(s);
        if (c.target !== "ReturnRequest") expect(sentCount(c.target)).toBe(before);
      });
    }
  }
});

describe("after every fault and retry above, the money is as Shopify's books show it", () => {
  it("the reconciliation checks every request with a Shopify Return and finds no drift", async () => {
    // its own client, without the matrix's 300 ms timeout: a batch read of 25 Returns is not a fault case
    const reader = offlineAdminClient({ shop: SHOP, accessToken: TOKEN, env: { SHOPIFY_ADMIN_ORIGIN: standin.url } });
    const withReturn = await db.prisma.returnRequest.count({ where: { shop: SHOP, shopifyReturnId: { not: null } } });
    const run = await reconcileMoney({ repos: createRepos(db.prisma), admin: reader, now }, SHOP);
    expect(run.drift.map((d) => `${d.orderName}: ${d.drift.map((x) => x.message).join(" ")}`)).toEqual([]);
    expect({ checked: run.checked, drifted: run.drifted, missing: run.missing }).toEqual({ checked: withReturn, drifted: 0, missing: 0 });
    expect(run.checked).toBeGreaterThan(20);
  });
});

describe("terms sync job under Admin API faults", () => {
  for (const f of FAULTS) {
    it(`catalogue sync / MetafieldsSet ${f.name}: the job completes, or is re-queued with its error and completes on the next run`, async () => {
      standin.faults.clear();
      // Nothing published yet, so the run must write (writes happen only when a value differs).
      for (const [id, m] of standin.store.metafields) if (/terms|returns/i.test(`${(m as { namespace?: string }).namespace ?? ""}`)) standin.store.metafields.delete(id);
      const runId = `fault-${f.kind}-${f.times}`;
      const job = await enqueueCatalogueSync({ jobs: catalogueQueue(db.prisma, { now, workerId: "enqueue" }) }, SHOP, { runId, policyVersion: 1 });
      standin.faults.inject({ operationName: "MetafieldsSet", kind: f.kind, times: f.times });
      await catalogueQueue(db.prisma, { adminFor: async () => admin, now, workerId: "w1" }).drain();
      standin.faults.clear();
      const jobs = createRepos(db.prisma).jobs;
      const after = await jobs.get(SHOP, job.id);
      if (f.completesWithoutRetry) {
        expect(after!.status).toBe("succeeded");
      } else {
        expect(after!.status, "failed step stays queued for a retry").toBe("queued");
        expect(after!.lastError, "with its error visible").toBeTruthy();
        virtualMs += 24 * 3600_000; // the job's backoff elapses
        await catalogueQueue(db.prisma, { adminFor: async () => admin, now, workerId: "w2" }).drain();
        expect((await jobs.get(SHOP, job.id))!.status).toBe("succeeded");
      }
      const published = [...standin.store.metafields.values()].filter((m) => /terms|returns/i.test(`${(m as { namespace?: string }).namespace ?? ""}`));
      expect(published.length, "terms published").toBeGreaterThan(0);
    });
  }
});
