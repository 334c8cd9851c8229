/**
 * The JobQueue contract on the engine DATABASE_URL selects (Job table on SQLite, pg-boss on
 * PostgreSQL): dedupe per (shop, kind, key), runAt respected, a failed job retried after its delay
 * with attempt+1, given up after maxAttempts, kinds routed to their handler with shop and payload.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "~/db/test-db";
import { createJobQueue, type JobContext, type JobQueue } from "./index";

let db: TestDatabase;
let queue: JobQueue;
const seen: JobContext[] = [];
const failuresLeft = new Map<string, number>();

beforeAll(async () => {
  db = await createTestDatabase();
  queue = await createJobQueue(db.url, { retryDelaySeconds: 1, leaseSeconds: 60 }, db.prisma);
  const handler = async (job: JobContext) => {
    seen.push(job);
    const key = JSON.stringify(job.payload);
    const left = failuresLeft.get(key) ?? 0;
    if (left > 0) {
      failuresLeft.set(key, left - 1);
      throw new Error(`planned failure ${left}`);
    }
  };
  queue.work("contract.a", handler);
  queue.work("contract.b", handler);
});

afterAll(async () => {
  await queue?.stop();
  await db?.cleanup();
});

async function drainUntil(check: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !check(); i++) {
    await queue.drain();
    if (!check()) await new Promise((r) => setTimeout(r, 100));
  }
}

describe(`JobQueue contract (${process.env.DATABASE_URL?.startsWith("postgres") ? "pg-boss" : "Job table"})`, () => {
  it("dedupes per shop, kind and key; routes each kind to its handler with shop and payload", async () => {
    const a1 = await queue.enqueue("contract.a", { v: 1 }, { shop: "s1.myshopify.com", dedupeKey: "k" });
    const a2 = await queue.enqueue("contract.a", { v: 2 }, { shop: "s1.myshopify.com", dedupeKey: "k" });
    const b1 = await queue.enqueue("contract.b", { v: 3 }, { shop: "s1.myshopify.com", dedupeKey: "k" });
    const a3 = await queue.enqueue("contract.a", { v: 4 }, { shop: "s2.myshopify.com", dedupeKey: "k" });
    expect([a1.created, a2.created, b1.created, a3.created]).toEqual([true, false, true, true]);
    expect(a2.id).toBe(a1.id);
    expect(await queue.drain()).toBe(3);
    expect(seen.map((j) => [j.kind, j.shop, j.payload, j.attempt]).sort((x, y) => JSON.stringify(x).localeCompare(JSON.stringify(y)))).toEqual([
      ["contract.a", "s1.myshopify.com", { v: 1 }, 1],
      ["contract.a", "s2.myshopify.com", { v: 4 }, 1],
      ["contract.b", "s1.myshopify.com", { v: 3 }, 1],
    ]);
    expect(await queue.drain()).toBe(0);
  });

  it("does not run a job before its runAt", async () => {
    seen.length = 0;
    await queue.enqueue("contract.a", { later: true }, { shop: "s1.myshopify.com", runAt: new Date(Date.now() + 3_600_000) });
    expect(await queue.drain()).toBe(0);
    expect(seen).toHaveLength(0);
  });

  it("retries a failed job after its delay with the next attempt number, then succeeds", async () => {
    seen.length = 0;
    failuresLeft.set(JSON.stringify({ flaky: 1 }), 1);
    await queue.enqueue("contract.a", { flaky: 1 }, { shop: "s1.myshopify.com" });
    expect(await queue.drain()).toBe(1);
    expect(seen.map((j) => j.attempt)).toEqual([1]);
    await drainUntil(() => seen.length >= 2);
    expect(seen.map((j) => j.attempt)).toEqual([1, 2]);
    await new Promise((r) => setTimeout(r, 300));
    expect(await queue.drain()).toBe(0); // succeeded: not run again
  });

  it("gives up after maxAttempts", async () => {
    seen.length = 0;
    failuresLeft.set(JSON.stringify({ broken: 1 }), 99);
    await queue.enqueue("contract.a", { broken: 1 }, { shop: "s1.myshopify.com", maxAttempts: 2 });
    await drainUntil(() => seen.length >= 2);
    await new Promise((r) => setTimeout(r, 2_500)); // longer than the next backoff would be
    expect(await queue.drain()).toBe(0);
    expect(seen.map((j) => j.attempt)).toEqual([1, 2]);
  });
});

describe.runIf(!process.env.DATABASE_URL?.startsWith("postgres"))("Job table runner leases", () => {
  it("a job running longer than its lease is not taken over while its runner lives (the lease is renewed)", async () => {
    const ran: string[] = [];
    const slow = await createJobQueue(db.url, { leaseSeconds: 0.3, workerId: "runner-slow" }, db.prisma);
    const other = await createJobQueue(db.url, { leaseSeconds: 0.3, workerId: "runner-other" }, db.prisma);
    let finish!: () => void;
    const finished = new Promise<void>((r) => (finish = r));
    slow.work("contract.slow", async () => {
      ran.push("slow");
      await new Promise((r) => setTimeout(r, 1_200)); // 4 leases
      finish();
    });
    other.work("contract.slow", async () => {
      ran.push("other");
    });
    await slow.enqueue("contract.slow", {}, { shop: "s1.myshopify.com" });
    const running = slow.drain();
    // the other runner keeps looking while the slow job runs; it must find nothing
    while (ran.length === 0) await new Promise((r) => setTimeout(r, 10));
    let looks = 0;
    let done = false;
    void finished.then(() => (done = true));
    while (!done) {
      await other.drain();
      looks++;
      await new Promise((r) => setTimeout(r, 100));
    }
    await running;
    expect(looks).toBeGreaterThan(3);
    expect(ran).toEqual(["slow"]);
    expect(await db.prisma.job.findFirst({ where: { kind: "contract.slow" } })).toMatchObject({ status: "succeeded", attempts: 1 });
  });
});
