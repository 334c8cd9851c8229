// Durable job queue for the in-process runner (SQLite deployments; works on PostgreSQL too).
// Claiming is a compare-and-set on the row (status/attempts/lockedAt unchanged since it was read), so
// several runners - in one process or many - never run the same job attempt twice. A running job whose
// lock is older than `lockTimeoutMs` is considered abandoned and can be claimed again.
// claimNext is the one cross-shop read, by design: the worker serves every shop; each claimed job
// carries its `shop`, and complete/fail are scoped by it.
import {
  DbInputError,
  fromJson,
  isUniqueViolation,
  optionalString,
  requireDate,
  requireInt,
  requireShop,
  requireString,
  toJson,
  type Db,
} from "./shared";

export type JobStatus = "queued" | "running" | "succeeded" | "dead";

export interface JobRecord {
  id: string;
  shop: string;
  kind: string;
  payload: unknown;
  runAt: Date;
  attempts: number;
  maxAttempts: number;
  lockedBy: string | null;
  lockedAt: Date | null;
  status: JobStatus;
  lastError: string | null;
  dedupeKey: string | null;
  createdAt: Date;
  updatedAt: Date;
}

type JobRow = Omit<JobRecord, "payload" | "status"> & { payload: string; status: string };

function toRecord(row: JobRow): JobRecord {
  return { ...row, status: row.status as JobStatus, payload: fromJson("payload", row.payload) };
}

/** Default retry delay: 30s, 60s, 120s... capped at 1h. */
export function defaultBackoffMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 3_600_000);
}

export function createJobsRepo(db: Db) {
  return {
    /** Enqueue; with a dedupeKey, at most one job per (shop, dedupeKey) ever exists. */
    async enqueue(
      shop: string,
      input: { kind: string; payload?: unknown; runAt?: Date; dedupeKey?: string | null; maxAttempts?: number; now: Date },
    ): Promise<{ job: JobRecord; created: boolean }> {
      const s = requireShop(shop);
      const now = requireDate("now", input.now);
      const dedupeKey = optionalString("dedupeKey", input.dedupeKey, { max: 255 });
      const data = {
        shop: s,
        kind: requireString("kind", input.kind, { max: 100 }),
        payload: toJson("payload", input.payload ?? {}),
        runAt: input.runAt === undefined ? now : requireDate("runAt", input.runAt),
        maxAttempts: requireInt("maxAttempts", input.maxAttempts ?? 5, { min: 1 }),
        dedupeKey,
        status: "queued",
        createdAt: now,
        updatedAt: now,
      };
      const existing = async () =>
        dedupeKey === null
          ? null
          : db.job.findUnique({ where: { shop_dedupeKey: { shop: s, dedupeKey } } });
      const before = await existing();
      if (before) return { job: toRecord(before), created: false };
      try {
        return { job: toRecord(await db.job.create({ data })), created: true };
      } catch (e) {
        if (isUniqueViolation(e)) {
          const raced = await existing();
          if (raced) return { job: toRecord(raced), created: false };
        }
        throw e;
      }
    },

    /** Claims the next due job (oldest runAt first) for `workerId`, or null when none is due. */
    async claimNext(input: {
      workerId: string;
      now: Date;
      lockTimeoutMs?: number;
      kinds?: string[];
    }): Promise<JobRecord | null> {
      const workerId = requireString("workerId", input.workerId, { max: 255 });
      const now = requireDate("now", input.now);
      const lockTimeoutMs = requireInt("lockTimeoutMs", input.lockTimeoutMs ?? 300_000, { min: 1 });
      if (input.kinds !== undefined && input.kinds.length === 0) throw new DbInputError("kinds", "must not be empty");
      const staleBefore = new Date(now.getTime() - lockTimeoutMs);
      for (let round = 0; round < 20; round++) {
        const candidate = await db.job.findFirst({
          where: {
            ...(input.kinds ? { kind: { in: input.kinds } } : {}),
            OR: [
              { status: "queued", runAt: { lte: now } },
              { status: "running", lockedAt: { lt: staleBefore } },
            ],
          },
          orderBy: [{ runAt: "asc" }, { id: "asc" }],
        });
        if (!candidate) return null;
        const unchanged = {
          id: candidate.id,
          status: candidate.status,
          attempts: candidate.attempts,
          lockedAt: candidate.lockedAt,
        };
        if (candidate.attempts >= candidate.maxAttempts) {
          // an abandoned last attempt: give up on the job instead of running it again
          await db.job.updateMany({
            where: unchanged,
            data: { status: "dead", lockedBy: null, lockedAt: null, lastError: candidate.lastError ?? "lock expired", updatedAt: now },
          });
          continue;
        }
        const res = await db.job.updateMany({
          where: unchanged,
          data: { status: "running", lockedBy: workerId, lockedAt: now, attempts: candidate.attempts + 1, updatedAt: now },
        });
        if (res.count === 1) {
          return toRecord({ ...candidate, status: "running", lockedBy: workerId, lockedAt: now, attempts: candidate.attempts + 1, updatedAt: now });
        }
        // another worker got it: look for the next one
      }
      return null;
    },

    /** Returns false if this worker no longer holds the job (its lock expired and it was reclaimed). */
    async complete(shop: string, id: string, input: { workerId: string; now: Date }): Promise<boolean> {
      const res = await db.job.updateMany({
        where: { id: requireString("id", id), shop: requireShop(shop), status: "running", lockedBy: requireString("workerId", input.workerId) },
        data: { status: "succeeded", lockedBy: null, lockedAt: null, lastError: null, updatedAt: requireDate("now", input.now) },
      });
      return res.count === 1;
    },

    /**
     * Failed attempt: requeued after a backoff (or `retryDelayMs`), or `dead` when attempts are used up
     * or `permanent` is set. Returns the new status, or null if this worker no longer holds the job.
     */
    async fail(
      shop: string,
      id: string,
      input: { workerId: string; error: string; now: Date; retryDelayMs?: number; permanent?: boolean },
    ): Promise<"queued" | "dead" | null> {
      const s = requireShop(shop);
      const now = requireDate("now", input.now);
      const error = requireString("error", input.error, { max: 10_000, clean: true });
      const job = await db.job.findFirst({
        where: { id: requireString("id", id), shop: s, status: "running", lockedBy: requireString("workerId", input.workerId) },
      });
      if (!job) return null;
      const dead = input.permanent === true || job.attempts >= job.maxAttempts;
      const delay = input.retryDelayMs === undefined ? defaultBackoffMs(job.attempts) : requireInt("retryDelayMs", input.retryDelayMs);
      const res = await db.job.updateMany({
        where: { id: job.id, shop: s, status: "running", lockedBy: input.workerId, attempts: job.attempts },
        data: dead
          ? { status: "dead", lockedBy: null, lockedAt: null, lastError: error, updatedAt: now }
          : { status: "queued", lockedBy: null, lockedAt: null, lastError: error, runAt: new Date(now.getTime() + delay), updatedAt: now },
      });
      if (res.count !== 1) return null;
      return dead ? "dead" : "queued";
    },

    async get(shop: string, id: string): Promise<JobRecord | null> {
      const row = await db.job.findFirst({ where: { id: requireString("id", id), shop: requireShop(shop) } });
      return row ? toRecord(row) : null;
    },
  };
}

export type JobsRepo = ReturnType<typeof createJobsRepo>;
