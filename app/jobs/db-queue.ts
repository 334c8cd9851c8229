// In-process runner over the app's Job table (app/db/jobs.ts) for the SQLite default. Claims are
// compare-and-set on the row, so any number of runners (threads of this process or other processes on
// the same database file) never run the same attempt twice; a running job whose lease (`leaseMs`) has
// passed without completion is claimed again by any runner, so a crash loses nothing.
import { createJobsRepo, defaultBackoffMs, type JobRecord } from "~/db/jobs";
import type { PrismaClient } from "~/db/client";
import { assertKind, DEFAULT_MAX_ATTEMPTS, type EnqueueOptions, type JobHandler, type JobQueue } from "./types";

export interface DbJobQueueOptions {
  workerId: string;
  /**
   * A claimed job's lease; the runner renews it every leaseMs/3 while the handler runs, so only a job
   * whose runner died (no renewal) is taken over, after at most this long. Default 30 s.
   */
  leaseMs?: number;
  /** Idle poll interval. Default 1 s (an enqueue in this process wakes the loop at once). */
  pollMs?: number;
  /** Jobs run at once by this runner (independent claim loops). Default 2. */
  concurrency?: number;
  /** Delay before retry n (1-based). Default app/db/jobs.ts defaultBackoffMs (30 s, 60 s, ...). */
  backoffMs?: (attempt: number) => number;
  now?: () => Date;
  log?: Pick<Console, "error" | "warn">;
}

export class DbJobQueue implements JobQueue {
  readonly engine = "db" as const;
  private readonly repo;
  private readonly prisma: PrismaClient;
  private readonly handlers = new Map<string, JobHandler>();
  private running = false;
  private loops: Promise<void>[] = [];
  private readonly wakers = new Set<() => void>();
  private kicked = false;
  private readonly now: () => Date;

  constructor(
    prisma: PrismaClient,
    private readonly options: DbJobQueueOptions,
  ) {
    this.repo = createJobsRepo(prisma);
    this.prisma = prisma;
    this.now = options.now ?? (() => new Date());
  }

  async enqueue(kind: string, payload: unknown, options: EnqueueOptions): Promise<{ id: string; created: boolean }> {
    const { job, created } = await this.repo.enqueue(options.shop, {
      kind: assertKind(kind),
      payload,
      runAt: options.runAt,
      // per kind, as on pg-boss (the repo's key is per shop)
      dedupeKey: options.dedupeKey === undefined ? null : `${kind}:${options.dedupeKey}`,
      maxAttempts: options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
      now: this.now(),
    });
    if (created) this.kick();
    return { id: job.id, created };
  }

  work<P = unknown>(kind: string, handler: JobHandler<P>): void {
    if (this.handlers.has(assertKind(kind))) throw new Error(`job kind ${kind} already has a handler`);
    this.handlers.set(kind, handler as JobHandler);
  }

  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    const n = Math.max(1, Math.floor(this.options.concurrency ?? 2));
    this.loops = Array.from({ length: n }, () => this.runLoop());
  }

  async stop(): Promise<void> {
    this.running = false;
    this.kick();
    await Promise.all(this.loops);
    this.loops = [];
  }

  async drain(): Promise<number> {
    let ran = 0;
    while (await this.runOne()) ran++;
    return ran;
  }

  private kick(): void {
    this.kicked = true;
    for (const wake of [...this.wakers]) wake();
  }

  private async runLoop(): Promise<void> {
    const pollMs = this.options.pollMs ?? 1_000;
    while (this.running) {
      let didWork = false;
      try {
        didWork = await this.runOne();
      } catch (error) {
        (this.options.log ?? console).error("job runner: claiming failed", error);
      }
      if (didWork || !this.running) continue;
      if (this.kicked) {
        this.kicked = false;
        continue;
      }
      await new Promise<void>((resolve) => {
        // not unref'd: a started runner keeps its process alive (npm run worker) until stop()
        const t = setTimeout(done, pollMs);
        const wakers = this.wakers;
        function done() {
          clearTimeout(t);
          wakers.delete(done);
          resolve();
        }
        wakers.add(done);
      });
      this.kicked = false;
    }
  }

  /** Claims and runs one due job; false when none is due. */
  private async runOne(): Promise<boolean> {
    const kinds = [...this.handlers.keys()];
    if (kinds.length === 0) return false;
    const job = await this.repo.claimNext({
      workerId: this.options.workerId,
      now: this.now(),
      lockTimeoutMs: this.leaseMs(),
      kinds,
    });
    if (!job) return false;
    await this.execute(job);
    return true;
  }

  private leaseMs(): number {
    return this.options.leaseMs ?? 30_000;
  }

  /** Renews the claim (lockedAt) while the handler runs; only the holder's row matches. */
  private heartbeat(job: JobRecord): () => void {
    const timer = setInterval(() => {
      this.prisma.job
        .updateMany({
          where: { id: job.id, shop: job.shop, status: "running", lockedBy: this.options.workerId, attempts: job.attempts },
          data: { lockedAt: this.now() },
        })
        .catch((error: unknown) => (this.options.log ?? console).warn(`job ${job.id}: lease renewal failed`, error));
    }, Math.max(50, Math.floor(this.leaseMs() / 3)));
    return () => clearInterval(timer);
  }

  private async execute(job: JobRecord): Promise<void> {
    const handler = this.handlers.get(job.kind);
    const workerId = this.options.workerId;
    const stopHeartbeat = this.heartbeat(job);
    try {
      if (!handler) throw new Error(`no handler for job kind ${job.kind}`);
      await handler({ id: job.id, kind: job.kind, shop: job.shop, payload: job.payload, attempt: job.attempts });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const backoff = this.options.backoffMs ?? defaultBackoffMs;
      const status = await this.repo.fail(job.shop, job.id, { workerId, error: message, now: this.now(), retryDelayMs: backoff(job.attempts) });
      (this.options.log ?? console).error(`job ${job.kind} ${job.id} (${job.shop}) attempt ${job.attempts} failed -> ${status ?? "lease lost"}`, error);
      return;
    } finally {
      stopHeartbeat();
    }
    const held = await this.repo.complete(job.shop, job.id, { workerId, now: this.now() });
    if (!held) (this.options.log ?? console).warn(`job ${job.kind} ${job.id} finished after its lease passed (another runner may have re-run it)`);
  }
}
