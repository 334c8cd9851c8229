/**
 * Crash safety with real processes: worker A takes a job and is SIGKILLed in the middle of it; worker B
 * (another process) picks the job up after its lease and the job's effect - a non-idempotent append
 * guarded by the operations ledger - happens exactly once. On PostgreSQL (DATABASE_URL=postgresql://...)
 * this runs on pg-boss; otherwise on the Job table (SQLite).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRepos } from "~/db";
import { createTestDatabase, type TestDatabase } from "~/db/test-db";
import { parsePostgresUrl } from "~/db/url";
import { createJobQueue, pgBossSchemaFor, type JobQueue } from "./index";

const SHOP = "crash-test.myshopify.com";
const FIXTURE = path.join(import.meta.dirname, "crash-worker.fixture.ts");
// The production mechanisms with short periods: on pg-boss the dead worker is found by its stopped
// heartbeat (10 s, the minimum) well before the 120 s lease; the Job table runner renews a 6 s lease
// every 2 s while it lives, so only the killed runner's job is taken over. (A 2 s lease let a live worker
// lose its own job when a loaded CI machine stalled its event loop for over a second.)
const TUNING =
  process.env.DATABASE_URL?.startsWith("postgres") === true
    ? { leaseSeconds: 120, heartbeatSeconds: 10, superviseIntervalSeconds: 1, pollMs: 500, retryDelaySeconds: 1 }
    : { leaseSeconds: 6, pollMs: 500, retryDelaySeconds: 1 };

let db: TestDatabase;
let queue: JobQueue;
let dir: string;
const children: ChildProcess[] = [];

beforeAll(async () => {
  db = await createTestDatabase();
  dir = mkdtempSync(path.join(os.tmpdir(), "jobs-crash-"));
  queue = await createJobQueue(db.url, TUNING, db.prisma);
});

afterAll(async () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill("SIGKILL");
  await queue?.stop();
  await db?.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

function startWorker(env: Record<string, string>): {
  child: ChildProcess;
  lines: string[];
  waitFor: (re: RegExp) => Promise<string>;
  stderr: () => string;
} {
  const child = spawn(process.execPath, ["--import", "tsx", FIXTURE], {
    cwd: process.cwd(),
    env: { ...process.env, DATABASE_URL: db.url, QUEUE_TUNING: JSON.stringify(TUNING), ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  const lines: string[] = [];
  const waiters: { re: RegExp; resolve: (l: string) => void }[] = [];
  let buf = "";
  child.stdout!.on("data", (d: Buffer) => {
    buf += d.toString();
    let i;
    while ((i = buf.indexOf("\n")) >= 0) {
      const line = buf.slice(0, i);
      buf = buf.slice(i + 1);
      lines.push(line);
      for (const w of [...waiters]) if (w.re.test(line)) w.resolve(line);
    }
  });
  let err = "";
  child.stderr!.on("data", (d: Buffer) => (err += d.toString()));
  const waitFor = (re: RegExp) =>
    new Promise<string>((resolve, reject) => {
      const hit = lines.find((l) => re.test(l));
      if (hit) return resolve(hit);
      waiters.push({ re, resolve });
      child.once("exit", (code, signal) => reject(new Error(`worker exited (${code ?? signal}) before ${re}: ${err.slice(-2000)}`)));
    });
  return { child, lines, waitFor, stderr: () => err.slice(-3000) };
}

async function until(check: () => Promise<boolean>, what: () => Promise<string>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${await what()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** [n, state, attempts] for every test job, read from the engine's own table. */
async function jobStates(): Promise<{ n: number; done: boolean; attempts: number }[]> {
  if (db.provider === "sqlite") {
    const rows = await db.prisma.job.findMany({ where: { shop: SHOP, kind: "test.effect" } });
    return rows.map((r) => ({ n: (JSON.parse(r.payload) as { n: number }).n, done: r.status === "succeeded", attempts: r.attempts }));
  }
  const client = new pg.Client({ connectionString: parsePostgresUrl(db.url).connectionString });
  await client.connect();
  try {
    const res = await client.query<{ data: { payload: { n: number } }; state: string; retry_count: number }>(
      `SELECT data, state, retry_count FROM "${pgBossSchemaFor(db.url)}".job WHERE name = 'test.effect'`,
    );
    return res.rows.map((r) => ({ n: r.data.payload.n, done: r.state === "completed", attempts: r.retry_count + 1 }));
  } finally {
    await client.end();
  }
}

describe(`job queue crash safety`, () => {
  it("a worker killed mid-job: another process finishes it after the lease, and its effect happens once", async () => {
    const effectFile = path.join(dir, "effects.log");
    for (const n of [1, 2, 3]) {
      expect(await queue.enqueue("test.effect", { n }, { shop: SHOP, dedupeKey: `n${n}` })).toMatchObject({ created: true });
    }
    // the same dedupe key again adds nothing
    expect(await queue.enqueue("test.effect", { n: 1 }, { shop: SHOP, dedupeKey: "n1" })).toMatchObject({ created: false });

    const a = startWorker({ EFFECT_FILE: effectFile, HANG_FIRST: "1" });
    const started = await a.waitFor(/^started \d+ attempt 1$/);
    const killedN = Number(started.split(" ")[1]);
    a.child.kill("SIGKILL");
    await new Promise((r) => a.child.once("exit", r));
    expect(existsSync(effectFile)).toBe(false); // killed before the effect

    const b = startWorker({ EFFECT_FILE: effectFile });
    await until(
      async () => {
        if (b.child.exitCode !== null || b.child.signalCode !== null) throw new Error(`worker B exited: ${b.stderr()}`);
        return (await jobStates()).filter((j) => j.done).length === 3;
      },
      async () => `all three jobs to complete: ${JSON.stringify(await jobStates())} B said ${JSON.stringify(b.lines)} ${b.stderr()}`,
    );

    const effects = readFileSync(effectFile, "utf8").trim().split("\n");
    expect(effects.map((l) => Number(l.split(" ")[0])).sort()).toEqual([1, 2, 3]);
    expect(effects.every((l) => l.endsWith(`pid=${b.child.pid}`))).toBe(true);
    const states = await jobStates();
    expect(states).toHaveLength(3);
    expect(states.find((j) => j.n === killedN)?.attempts).toBe(2); // attempt 1 died with worker A
    const op = await createRepos(db.prisma).operations.get(SHOP, `effect:${killedN}`);
    expect(op).toMatchObject({ status: "succeeded", attempts: 2, result: { by: b.child.pid } });
    // nothing is left to run: B started each job once (its stdout may reach us after the DB says done)
    await until(
      async () => b.lines.filter((l) => l.startsWith("started")).length >= 3,
      async () => `worker B's start lines: ${JSON.stringify(b.lines)}`,
    );
    expect(b.lines.filter((l) => l.startsWith("started"))).toHaveLength(3);
    b.child.kill("SIGTERM");
    await new Promise((r) => b.child.once("exit", r));
  }, 90_000);
});
