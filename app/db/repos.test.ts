// Repository behaviour on a real migrated database (SQLite; PostgreSQL when DATABASE_URL says so):
// shop scoping, idempotency, keyset pagination, optimistic locking, the operations ledger, webhook
// de-duplication and the job queue under concurrent claims.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createRepos,
  DbInputError,
  IdempotencyConflictError,
  InvalidTransitionError,
  NotFoundError,
  StaleRecordError,
  type CreateReturnRequestInput,
  type Repos,
} from "./index";
import { createTestDatabase, type TestDatabase } from "./test-db";

const A = "shop-a.myshopify.com";
const B = "shop-b.myshopify.com";
const T0 = new Date("2026-03-01T10:00:00.000Z");
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

let db: TestDatabase;
let repos: Repos;
beforeAll(async () => {
  db = await createTestDatabase();
  repos = createRepos(db.prisma);
});
afterAll(() => db.cleanup());

function requestInput(over: Partial<CreateReturnRequestInput> = {}): CreateReturnRequestInput {
  return {
    idempotencyKey: "key-1",
    orderId: "gid://shopify/Order/1001",
    orderName: "#1001",
    customerId: "gid://shopify/Customer/7",
    customerDisplayName: "Ada L.",
    currency: "EUR",
    refundMinor: 4_990,
    verdict: { eligible: true, codes: ["WITHIN_WINDOW"] },
    policyVersion: 1,
    lines: [
      {
        lineItemId: "gid://shopify/LineItem/1",
        fulfillmentLineItemId: "gid://shopify/FulfillmentLineItem/11",
        title: "Shirt",
        quantity: 1,
        reason: "SIZE_TOO_SMALL",
        conditions: ["unworn"],
        photos: [],
        eligible: true,
        codes: ["OK"],
        refundMinor: 4_990,
      },
    ],
    now: T0,
    ...over,
  };
}

describe(`repositories on ${process.env.DATABASE_URL?.startsWith("postgres") ? "postgresql" : "sqlite"}`, () => {
  it("rejects calls without a valid shop, naming the field", async () => {
    await expect(repos.returnRequests.findById("", "x")).rejects.toThrow(DbInputError);
    await expect(repos.returnRequests.findById("evil.example.com", "x")).rejects.toThrow(/^shop: /);
    await expect(repos.returnRequests.create(A, requestInput({ currency: "" }))).rejects.toThrow(/^currency: is required/);
    await expect(
      repos.returnRequests.create(A, requestInput({ lines: [{ ...requestInput().lines[0]!, quantity: 0 }] })),
    ).rejects.toThrow(/^lines\[0\]\.quantity: must be >= 1/);
  });

  describe("shops", () => {
    it("installs, updates settings, uninstalls and reinstalls", async () => {
      const s = await repos.shops.upsertInstalled(A, { name: "Shop A", currency: "EUR", timezone: "Europe/Paris", country: "FR", now: T0 });
      expect(s).toMatchObject({ domain: A, notifyCustomer: true, autoApproval: false, defaultResolution: "refund", uninstalledAt: null });
      const updated = await repos.shops.updateSettings(A, { autoApproval: true, defaultResolution: "store_credit" });
      expect(updated).toMatchObject({ autoApproval: true, defaultResolution: "store_credit", name: "Shop A" });
      await expect(repos.shops.updateSettings(A, { defaultResolution: "cash" as never })).rejects.toThrow(/^defaultResolution: /);
      await repos.shops.markUninstalled(A, at(10));
      expect((await repos.shops.get(A))?.uninstalledAt).toEqual(at(10));
      const again = await repos.shops.upsertInstalled(A, { now: at(20) });
      expect(again).toMatchObject({ uninstalledAt: null, installedAt: at(20), autoApproval: true, name: "Shop A" });
      expect(await repos.shops.get(B)).toBeNull();
      await expect(repos.shops.updateSettings(B, { autoApproval: true })).rejects.toThrow(NotFoundError);
    });
  });

  describe("policies", () => {
    it("appends versions; active and in-force-at-date are per shop", async () => {
      expect(await repos.policies.active(A)).toBeNull();
      const v1 = await repos.policies.saveNewVersion(A, { policy: { windowDays: 30 }, presetId: "standard", createdBy: "user:1", now: at(0) });
      const v2 = await repos.policies.saveNewVersion(A, { policy: { windowDays: 60 }, now: at(60) });
      await repos.policies.saveNewVersion(B, { policy: { windowDays: 14 }, now: at(30) });
      expect([v1.version, v2.version]).toEqual([1, 2]);
      expect((await repos.policies.active(A))?.policy).toEqual({ windowDays: 60 });
      expect((await repos.policies.inForceAt(A, at(59)))?.version).toBe(1);
      expect((await repos.policies.inForceAt(A, at(60)))?.version).toBe(2);
      expect(await repos.policies.inForceAt(A, at(-1))).toBeNull();
      expect((await repos.policies.active(B))?.version).toBe(1);
      expect((await repos.policies.get(A, 1))?.presetId).toBe("standard");
      expect((await repos.policies.list(A)).map((p) => p.version)).toEqual([2, 1]);
    });

    it("concurrent saves get distinct consecutive versions", async () => {
      const shop = "shop-c.myshopify.com";
      const saved = await Promise.all(
        [1, 2, 3, 4].map((n) => repos.policies.saveNewVersion(shop, { policy: { n }, now: at(n) })),
      );
      expect(saved.map((p) => p.version).sort()).toEqual([1, 2, 3, 4]);
    });
  });

  describe("return requests", () => {
    it("create is idempotent per (shop, idempotencyKey), and a key can't be reused for another order", async () => {
      const first = await repos.returnRequests.create(A, requestInput());
      expect(first.created).toBe(true);
      expect(first.request).toMatchObject({ shop: A, status: "requested", refundMinor: 4_990, feesMinor: 0, lockVersion: 0, source: "app" });
      expect(first.request.lines).toHaveLength(1);
      expect(first.request.lines[0]).toMatchObject({ conditions: ["unworn"], codes: ["OK"], eligible: true, refundMinor: 4_990 });
      expect(first.request.verdict).toEqual({ eligible: true, codes: ["WITHIN_WINDOW"] });

      const again = await repos.returnRequests.create(A, requestInput({ refundMinor: 1 }));
      expect(again.created).toBe(false);
      expect(again.request.id).toBe(first.request.id);
      expect(again.request.refundMinor).toBe(4_990);

      // same key in another shop is another request
      const other = await repos.returnRequests.create(B, requestInput());
      expect(other.created).toBe(true);
      expect(other.request.id).not.toBe(first.request.id);

      await expect(
        repos.returnRequests.create(A, requestInput({ orderId: "gid://shopify/Order/999" })),
      ).rejects.toThrow(IdempotencyConflictError);
    });

    it("concurrent creates with one key make exactly one request", async () => {
      const results = await Promise.all(
        [0, 1, 2, 3, 4].map(() => repos.returnRequests.create(A, requestInput({ idempotencyKey: "race" }))),
      );
      expect(results.filter((r) => r.created)).toHaveLength(1);
      expect(new Set(results.map((r) => r.request.id)).size).toBe(1);
      expect(await db.prisma.returnRequest.count({ where: { shop: A, idempotencyKey: "race" } })).toBe(1);
    });

    it("shop A can't read or change shop B's request", async () => {
      const { request } = await repos.returnRequests.create(B, requestInput({ idempotencyKey: "b-only" }));
      expect(await repos.returnRequests.findById(A, request.id)).toBeNull();
      expect((await repos.returnRequests.findById(B, request.id))?.id).toBe(request.id);
      await expect(
        repos.returnRequests.transition(A, request.id, { expectedLockVersion: 0, to: "approved", now: at(1) }),
      ).rejects.toThrow(NotFoundError);
      expect((await repos.returnRequests.findById(B, request.id))?.status).toBe("requested");
      expect((await repos.returnRequests.list(A, { limit: 250 })).items.map((r) => r.id)).not.toContain(request.id);
      await expect(repos.events.append(A, { requestId: request.id, type: "note", actor: "system", at: at(1) })).rejects.toThrow(
        /requestId/,
      );
    });

    it("finds a request by idempotency key and counts the units its order's requests await a Return for, per shop", async () => {
      const order = "gid://shopify/Order/units";
      const line = (lineItemId: string, quantity: number) => ({ lineItemId, title: "Mug", quantity, reason: "UNWANTED", eligible: true });
      const { request: waiting } = await repos.returnRequests.create(A, requestInput({ idempotencyKey: "units-1", orderId: order, lines: [line("gid://shopify/LineItem/U1", 2), line("gid://shopify/LineItem/U2", 1)] }));
      await repos.returnRequests.create(A, requestInput({ idempotencyKey: "units-2", orderId: order, lines: [line("gid://shopify/LineItem/U1", 1)] }));
      await repos.returnRequests.create(A, requestInput({ idempotencyKey: "units-made", orderId: order, shopifyReturnId: "gid://shopify/Return/units", lines: [line("gid://shopify/LineItem/U1", 5)] }));
      const { request: gone } = await repos.returnRequests.create(A, requestInput({ idempotencyKey: "units-cancelled", orderId: order, lines: [line("gid://shopify/LineItem/U1", 7)] }));
      await repos.returnRequests.transition(A, gone.id, { expectedLockVersion: gone.lockVersion, to: "cancelled", now: at(1) });
      await repos.returnRequests.create(B, requestInput({ idempotencyKey: "units-1", orderId: order, lines: [line("gid://shopify/LineItem/U1", 9)] }));
      expect(await repos.returnRequests.unitsAwaitingReturn(A, order)).toEqual(new Map([["gid://shopify/LineItem/U1", 3], ["gid://shopify/LineItem/U2", 1]]));
      expect((await repos.returnRequests.findByIdempotencyKey(A, "units-1"))?.id).toBe(waiting.id);
      expect((await repos.returnRequests.findByIdempotencyKey(A, "units-1"))?.lines).toHaveLength(2);
      expect(await repos.returnRequests.findByIdempotencyKey(A, "no-such-key")).toBeNull();
    });

    it("transition applies optimistic locking and expected statuses", async () => {
      const { request } = await repos.returnRequests.create(A, requestInput({ idempotencyKey: "lock" }));
      const approved = await repos.returnRequests.transition(A, request.id, {
        expectedLockVersion: 0,
        from: ["requested"],
        to: "approved",
        patch: { shopifyReturnId: "gid://shopify/Return/55", resolution: "refund" },
        now: at(5),
      });
      expect(approved).toMatchObject({ status: "approved", lockVersion: 1, shopifyReturnId: "gid://shopify/Return/55", updatedAt: at(5) });
      expect(approved.createdAt).toEqual(T0);

      // a second writer that read lockVersion 0 loses
      const stale = repos.returnRequests.transition(A, request.id, { expectedLockVersion: 0, to: "declined", now: at(6) });
      await expect(stale).rejects.toThrow(StaleRecordError);
      await expect(stale).rejects.toMatchObject({ currentLockVersion: 1 });

      await expect(
        repos.returnRequests.transition(A, request.id, { expectedLockVersion: 1, from: ["requested"], to: "declined", now: at(6) }),
      ).rejects.toThrow(InvalidTransitionError);

      // concurrent transitions from the same version: exactly one wins
      const outcomes = await Promise.allSettled(
        (["received", "cancelled", "failed"] as const).map((to) =>
          repos.returnRequests.transition(A, request.id, { expectedLockVersion: 1, to, now: at(7) }),
        ),
      );
      expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
      expect((await repos.returnRequests.findById(A, request.id))?.lockVersion).toBe(2);
      expect((await repos.returnRequests.findByShopifyReturnId(A, "gid://shopify/Return/55"))?.id).toBe(request.id);
      expect(await repos.returnRequests.findByShopifyReturnId(B, "gid://shopify/Return/55")).toBeNull();

      const withError = await repos.returnRequests.transition(A, request.id, {
        expectedLockVersion: 2,
        patch: { lastError: "USER_ERROR: bad quantity", lastErrorAt: at(8), refundMinor: 100 },
        now: at(8),
      });
      expect(withError).toMatchObject({ lastError: "USER_ERROR: bad quantity", lastErrorAt: at(8), refundMinor: 100, lockVersion: 3 });
    });

    it("stores money beyond int32 (BigInt minor units)", async () => {
      const { request } = await repos.returnRequests.create(A, requestInput({ idempotencyKey: "idr", currency: "IDR", refundMinor: 5_000_000_000 }));
      expect((await repos.returnRequests.findById(A, request.id))?.refundMinor).toBe(5_000_000_000);
    });

    it("lists the queue with filters and keyset pagination, scoped by shop", async () => {
      const shop = "shop-q.myshopify.com";
      const ids: string[] = [];
      for (let i = 0; i < 7; i++) {
        const { request } = await repos.returnRequests.create(
          shop,
          requestInput({
            idempotencyKey: `q${i}`,
            orderName: `#${2000 + i}`,
            orderId: `gid://shopify/Order/${2000 + i}`,
            // two requests share a timestamp: the id breaks the tie
            now: at(i === 4 ? 3 : i),
            status: i % 2 === 0 ? "requested" : "approved",
          }),
        );
        ids.push(request.id);
      }
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const page: Awaited<ReturnType<Repos["returnRequests"]["list"]>> = await repos.returnRequests.list(shop, { limit: 3, cursor });
        seen.push(...page.items.map((r) => r.id));
        cursor = page.nextCursor;
        pages++;
      } while (cursor);
      expect(pages).toBe(3);
      expect(new Set(seen).size).toBe(7);
      expect([...seen].sort()).toEqual([...ids].sort());
      const all = await repos.returnRequests.list(shop, { limit: 250 });
      expect(seen).toEqual(all.items.map((r) => r.id));
      // newest first, ties by id desc
      for (let i = 1; i < all.items.length; i++) {
        const p = all.items[i - 1]!;
        const c = all.items[i]!;
        expect(p.createdAt.getTime() > c.createdAt.getTime() || (p.createdAt.getTime() === c.createdAt.getTime() && p.id > c.id)).toBe(true);
      }

      const oldest = await repos.returnRequests.list(shop, { order: "oldest", limit: 2 });
      expect(oldest.items[0]?.orderName).toBe("#2000");
      const next = await repos.returnRequests.list(shop, { order: "oldest", limit: 250, cursor: oldest.nextCursor });
      expect(next.items).toHaveLength(5);

      const requested = await repos.returnRequests.list(shop, { statuses: ["requested"], limit: 250 });
      expect(requested.items.map((r) => r.orderName).sort()).toEqual(["#2000", "#2002", "#2004", "#2006"]);
      expect((await repos.returnRequests.list(shop, { orderName: "2003" })).items.map((r) => r.orderName)).toEqual(["#2003"]);
      expect((await repos.returnRequests.list(shop, { orderName: "#200" })).items).toHaveLength(7);
      const window = await repos.returnRequests.list(shop, { createdFrom: at(1), createdTo: at(3), limit: 250 });
      expect(window.items.map((r) => r.orderName).sort()).toEqual(["#2001", "#2002"]);
      expect((await repos.returnRequests.list("shop-empty.myshopify.com")).items).toEqual([]);
      await expect(repos.returnRequests.list(shop, { cursor: "garbage" })).rejects.toThrow(/^cursor: /);
    });
  });

  describe("events", () => {
    it("appends an audit trail per request in order", async () => {
      const { request } = await repos.returnRequests.create(A, requestInput({ idempotencyKey: "ev" }));
      await repos.events.append(A, { requestId: request.id, type: "requested", actor: "customer:7", at: at(0), payload: { lines: 1 } });
      await repos.events.append(A, {
        requestId: request.id,
        type: "approved",
        actor: "merchant:1",
        at: at(0),
        shopifyResponse: { returnApproveRequest: { userErrors: [] } },
      });
      const events = await repos.events.listForRequest(A, request.id);
      expect(events.map((e) => e.type)).toEqual(["requested", "approved"]);
      expect(events[0]?.payload).toEqual({ lines: 1 });
      expect(events[1]?.shopifyResponse).toEqual({ returnApproveRequest: { userErrors: [] } });
      expect(await repos.events.listForRequest(B, request.id)).toEqual([]);
    });
  });

  describe("operations ledger", () => {
    it("claim / complete happens once; the result is reused", async () => {
      const c1 = await repos.operations.claim(A, { key: "refund:r1", kind: "refund", now: at(0) });
      expect(c1).toEqual({ outcome: "claimed", attempt: 1 });
      expect(await repos.operations.claim(A, { key: "refund:r1", kind: "refund", now: at(0) })).toMatchObject({ outcome: "busy" });
      // the same key in shop B is independent
      expect(await repos.operations.claim(B, { key: "refund:r1", kind: "refund", now: at(0) })).toMatchObject({ outcome: "claimed" });
      expect(await repos.operations.complete(A, "refund:r1", { result: { refundId: "gid://shopify/Refund/9" }, now: at(1) })).toBe(true);
      expect(await repos.operations.claim(A, { key: "refund:r1", kind: "refund", now: at(2) })).toEqual({
        outcome: "done",
        result: { refundId: "gid://shopify/Refund/9" },
      });
      expect(await repos.operations.complete(A, "refund:r1", { result: {}, now: at(3) })).toBe(false);
      await expect(repos.operations.claim(A, { key: "refund:r1", kind: "approve", now: at(2) })).rejects.toThrow(IdempotencyConflictError);
    });

    it("concurrent claims: exactly one winner", async () => {
      const claims = await Promise.all(
        [0, 1, 2, 3, 4, 5].map(() => repos.operations.claim(A, { key: "approve:r2", kind: "approve", now: at(0) })),
      );
      expect(claims.filter((c) => c.outcome === "claimed")).toHaveLength(1);
      expect(claims.filter((c) => c.outcome === "busy")).toHaveLength(5);
    });

    it("failed or lease-expired operations can be claimed again, up to maxAttempts", async () => {
      expect(await repos.operations.claim(A, { key: "process:r3", kind: "process", now: at(0), leaseMs: 60_000 })).toMatchObject({ attempt: 1 });
      expect(await repos.operations.fail(A, "process:r3", { error: "THROTTLED", now: at(0) })).toBe(true);
      expect(await repos.operations.claim(A, { key: "process:r3", kind: "process", now: at(1), leaseMs: 60_000 })).toEqual({
        outcome: "claimed",
        attempt: 2,
      });
      // holder died: lease expires after 1 minute
      expect(await repos.operations.claim(A, { key: "process:r3", kind: "process", now: at(1.5) })).toMatchObject({ outcome: "busy" });
      expect(await repos.operations.claim(A, { key: "process:r3", kind: "process", now: at(2.5), maxAttempts: 3 })).toEqual({
        outcome: "claimed",
        attempt: 3,
      });
      // the late original holder can no longer complete attempt 2
      expect(await repos.operations.complete(A, "process:r3", { result: {}, now: at(2.6), attempt: 2 })).toBe(false);
      await repos.operations.fail(A, "process:r3", { error: "boom", now: at(3) });
      expect(await repos.operations.claim(A, { key: "process:r3", kind: "process", now: at(4), maxAttempts: 3 })).toEqual({
        outcome: "exhausted",
        attempts: 3,
        error: "boom",
      });
      expect((await repos.operations.get(A, "process:r3"))?.status).toBe("failed");
      expect(await repos.operations.get(B, "process:r3")).toBeNull();
    });
  });

  describe("webhook deliveries", () => {
    it("records a delivery once; until it is processed a redelivery is queued again, after that it is a duplicate", async () => {
      const first = await repos.webhookDeliveries.begin(A, { webhookId: "wh-1", topic: "returns/request", receivedAt: at(0) });
      expect(first).toBe("new");
      expect(await repos.webhookDeliveries.get(A, "wh-1")).toMatchObject({ status: "received", receivedAt: at(0), processedAt: null });
      // received but not processed (queued, running, or its queueing lost in a crash): queue again
      // (the job's dedupe key keeps it to one job)
      const pending = await Promise.all(
        [0, 1, 2].map(() => repos.webhookDeliveries.begin(A, { webhookId: "wh-1", topic: "returns/request", receivedAt: at(1) })),
      );
      expect(pending).toEqual(["retry", "retry", "retry"]);
      await repos.webhookDeliveries.markFailed(A, "wh-1", "db down");
      expect(await repos.webhookDeliveries.get(A, "wh-1")).toMatchObject({ status: "failed", error: "db down" });
      expect(await repos.webhookDeliveries.begin(A, { webhookId: "wh-1", topic: "returns/request", receivedAt: at(2) })).toBe("retry");
      await repos.webhookDeliveries.markProcessed(A, "wh-1", at(3));
      expect(await repos.webhookDeliveries.get(A, "wh-1")).toMatchObject({ status: "processed", processedAt: at(3), error: null });
      expect(await repos.webhookDeliveries.begin(A, { webhookId: "wh-1", topic: "returns/request", receivedAt: at(4) })).toBe("duplicate");
      // a late failure of a second copy leaves it processed
      await repos.webhookDeliveries.markFailed(A, "wh-1", "second copy failed");
      expect(await repos.webhookDeliveries.get(A, "wh-1")).toMatchObject({ status: "processed", error: null });
      // another shop can't see or claim it
      expect(await repos.webhookDeliveries.get(B, "wh-1")).toBeNull();
      await expect(repos.webhookDeliveries.begin(B, { webhookId: "wh-1", topic: "returns/request", receivedAt: at(4) })).rejects.toThrow(
        /another shop/,
      );
      await repos.webhookDeliveries.markProcessed(B, "wh-1", at(5));
      await repos.webhookDeliveries.markFailed(B, "wh-1", "not yours");
      expect(await repos.webhookDeliveries.get(A, "wh-1")).toMatchObject({ status: "processed", processedAt: at(3), error: null });
    });

    it("concurrent first deliveries: one 'new'", async () => {
      const results = await Promise.all(
        [0, 1, 2, 3].map(() => repos.webhookDeliveries.begin(A, { webhookId: "wh-2", topic: "orders/updated", receivedAt: at(0) })),
      );
      expect(results.filter((r) => r === "new")).toHaveLength(1);
    });
  });

  describe("jobs", () => {
    it("enqueue dedupes per shop; claim, complete, retry with backoff, dead letter", async () => {
      const shop = "shop-j.myshopify.com";
      const j1 = await repos.jobs.enqueue(shop, { kind: "sync-return", payload: { id: 1 }, dedupeKey: "ret:1", now: at(0), maxAttempts: 2 });
      const dup = await repos.jobs.enqueue(shop, { kind: "sync-return", payload: { id: 1 }, dedupeKey: "ret:1", now: at(0) });
      expect(dup).toMatchObject({ created: false, job: { id: j1.job.id } });
      const otherShop = await repos.jobs.enqueue("shop-k.myshopify.com", { kind: "sync-return", dedupeKey: "ret:1", now: at(0), runAt: at(100) });
      expect(otherShop.created).toBe(true);
      await repos.jobs.enqueue(shop, { kind: "later", now: at(0), runAt: at(30) });

      expect(await repos.jobs.claimNext({ workerId: "w1", now: at(-1) })).toBeNull();
      const claimed = await repos.jobs.claimNext({ workerId: "w1", now: at(1) });
      expect(claimed).toMatchObject({ id: j1.job.id, status: "running", attempts: 1, lockedBy: "w1", payload: { id: 1 } });
      expect(await repos.jobs.claimNext({ workerId: "w2", now: at(1) })).toBeNull(); // "later" not due yet

      expect(await repos.jobs.fail(shop, j1.job.id, { workerId: "w2", error: "not mine", now: at(2) })).toBeNull();
      expect(await repos.jobs.fail(shop, j1.job.id, { workerId: "w1", error: "THROTTLED", now: at(2), retryDelayMs: 60_000 })).toBe("queued");
      expect(await repos.jobs.get(shop, j1.job.id)).toMatchObject({ status: "queued", runAt: at(3), lastError: "THROTTLED" });
      expect(await repos.jobs.claimNext({ workerId: "w1", now: at(2.5) })).toBeNull();
      const second = await repos.jobs.claimNext({ workerId: "w2", now: at(3) });
      expect(second).toMatchObject({ id: j1.job.id, attempts: 2, lockedBy: "w2" });
      expect(await repos.jobs.fail(shop, j1.job.id, { workerId: "w2", error: "still failing", now: at(4) })).toBe("dead");

      const later = await repos.jobs.claimNext({ workerId: "w1", now: at(30), kinds: ["later"] });
      expect(later?.kind).toBe("later");
      expect(await repos.jobs.complete("shop-k.myshopify.com", later!.id, { workerId: "w1", now: at(31) })).toBe(false);
      expect(await repos.jobs.complete(shop, later!.id, { workerId: "w1", now: at(31) })).toBe(true);
      expect((await repos.jobs.get(shop, later!.id))?.status).toBe("succeeded");
      expect(await repos.jobs.get("shop-k.myshopify.com", later!.id)).toBeNull();
    });

    it("concurrent workers never claim the same job; abandoned jobs are reclaimed after the lock timeout", async () => {
      const shop = "shop-w.myshopify.com";
      for (let i = 0; i < 5; i++) await repos.jobs.enqueue(shop, { kind: "concurrent", payload: { i }, now: at(0), maxAttempts: 2 });
      const claims = await Promise.all(
        Array.from({ length: 8 }, (_, w) => repos.jobs.claimNext({ workerId: `w${w}`, now: at(1), kinds: ["concurrent"] })),
      );
      const got = claims.filter((c) => c !== null);
      expect(got).toHaveLength(5);
      expect(new Set(got.map((j) => j!.id)).size).toBe(5);

      // nobody completes; after the lock timeout they are claimable again (attempt 2)
      expect(await repos.jobs.claimNext({ workerId: "x", now: at(2), lockTimeoutMs: 5 * 60_000, kinds: ["concurrent"] })).toBeNull();
      const reclaimed = await repos.jobs.claimNext({ workerId: "x", now: at(7), lockTimeoutMs: 5 * 60_000, kinds: ["concurrent"] });
      expect(reclaimed).toMatchObject({ attempts: 2, lockedBy: "x" });
      // the original worker lost it
      const original = got.find((j) => j!.id === reclaimed!.id)!;
      expect(await repos.jobs.complete(shop, original.id, { workerId: original.lockedBy!, now: at(7) })).toBe(false);
      // attempts used up + abandoned again -> dead, not run a third time
      const after = await repos.jobs.claimNext({ workerId: "y", now: at(20), lockTimeoutMs: 5 * 60_000, kinds: ["concurrent"] });
      expect(after?.id).not.toBe(reclaimed!.id);
      expect((await repos.jobs.get(shop, reclaimed!.id))?.status).toBe("dead");
    });
  });
});
