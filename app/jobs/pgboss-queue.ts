// pg-boss (on the app's PostgreSQL, in its own schema) behind the JobQueue interface. Any app instance
// or `npm run worker` process can take any job; a job whose worker dies stays `active` until its lease
// (`expireInSeconds`) passes, then pg-boss's supervisor puts it back for retry, so a crash loses nothing.
import { createHash } from "node:crypto";
import { PgBoss, type Job } from "pg-boss";
import { assertKind, DEFAULT_MAX_ATTEMPTS, type EnqueueOptions, type JobHandler, type JobQueue } from "./types";

export interface PgBossJobQueueOptions {
  connectionString: string;
  /** Schema pg-boss creates and owns (never the app's tables' schema). */
  schema: string;
  /** Upper bound: how long a job may stay active before it is retried elsewhere. Default 900 s. */
  leaseSeconds?: number;
  /**
   * The running worker refreshes each job every heartbeat/2; a job whose heartbeat stops (its worker
   * died) is retried after this many seconds, long before leaseSeconds. Default 30 (min 10); null: off.
   */
  heartbeatSeconds?: number | null;
  /** Base retry delay in seconds (exponential backoff). Default 30. */
  retryDelaySeconds?: number;
  /** How often expired leases are detected (pg-boss supervise/monitor). Default 30 s. */
  superviseIntervalSeconds?: number;
  pollingIntervalSeconds?: number;
  /** Jobs run at once per kind by this process. Default 2. */
  concurrency?: number;
  log?: Pick<Console, "error" | "warn">;
}

interface Envelope {
  shop: string;
  payload: unknown;
}

/** Stable UUID for (shop, kind, dedupeKey): pg-boss ignores a send whose id already exists. */
export function dedupeJobId(shop: string, kind: string, dedupeKey: string): string {
  const h = createHash("sha256").update(`${shop}\u0000${kind}\u0000${dedupeKey}`).digest("hex");
  // RFC 4122 layout, version 8 (custom), variant 10
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${((parseInt(h.slice(16, 17), 16) & 0x3) | 0x8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export class PgBossJobQueue implements JobQueue {
  readonly engine = "pg-boss" as const;
  private readonly boss: PgBoss;
  private readonly handlers = new Map<string, JobHandler>();
  private readonly queues = new Map<string, Promise<void>>();
  private connected: Promise<void> | null = null;
  private working = false;

  constructor(private readonly options: PgBossJobQueueOptions) {
    this.boss = new PgBoss({
      connectionString: options.connectionString,
      schema: options.schema,
      application_name: "returns-jobs",
      max: 4,
      schedule: false,
      // deletes finished jobs past deleteAfterSeconds every 5 min (pg-boss default: daily)
      maintenanceIntervalSeconds: 300,
      // NOTIFY wakes workers the moment a job is created (one pinned connection); polling stays as the
      // floor, and is all there is behind PgBouncer in transaction mode (pg-boss warns and polls).
      useListenNotify: true,
      superviseIntervalSeconds: options.superviseIntervalSeconds ?? 30,
      monitorIntervalSeconds: options.superviseIntervalSeconds ?? 30,
    });
    this.boss.on("error", (error) => (options.log ?? console).error("pg-boss", error));
  }

  private connect(): Promise<void> {
    this.connected ??= this.boss.start().then(() => undefined);
    return this.connected;
  }

  private ensureQueue(kind: string): Promise<void> {
    let q = this.queues.get(kind);
    if (!q) {
      q = this.connect().then(async () => {
        if (await this.boss.getQueue(kind)) return;
        await this.boss
          .createQueue(kind, {
            expireInSeconds: this.options.leaseSeconds ?? 900,
            ...(this.options.heartbeatSeconds === null ? {} : { heartbeatSeconds: this.options.heartbeatSeconds ?? 30 }),
            retryLimit: DEFAULT_MAX_ATTEMPTS - 1,
            retryDelay: this.options.retryDelaySeconds ?? 30,
            retryBackoff: true,
            retryDelayMax: 3600,
            // Job payloads are webhook bodies (compliance topics carry customer e-mail/phone) and sit
            // outside shop/redact's reach: keep finished jobs 1 h only (docs/security.md).
            deleteAfterSeconds: 3600,
            notify: true,
          })
          .catch(async (error: unknown) => {
            // another instance created it first
            if (!(await this.boss.getQueue(kind))) throw error;
          });
      });
      q.catch(() => this.queues.delete(kind));
      this.queues.set(kind, q);
    }
    return q;
  }

  async enqueue(kind: string, payload: unknown, options: EnqueueOptions): Promise<{ id: string; created: boolean }> {
    await this.ensureQueue(assertKind(kind));
    const shop = options.shop;
    if (typeof shop !== "string" || shop === "") throw new Error("shop is required to enqueue a job");
    const id = options.dedupeKey ? dedupeJobId(shop, kind, options.dedupeKey) : undefined;
    const data: Envelope = { shop, payload };
    const sent = await this.boss.send(kind, data as object, {
      ...(id ? { id } : {}),
      ...(options.runAt ? { startAfter: options.runAt } : {}),
      ...(options.maxAttempts ? { retryLimit: options.maxAttempts - 1 } : {}),
    });
    if (sent === null) {
      if (!id) throw new Error(`pg-boss refused job ${kind}`);
      return { id, created: false };
    }
    return { id: sent, created: true };
  }

  work<P = unknown>(kind: string, handler: JobHandler<P>): void {
    if (this.handlers.has(assertKind(kind))) throw new Error(`job kind ${kind} already has a handler`);
    this.handlers.set(kind, handler as JobHandler);
    if (this.working) void this.subscribe(kind);
  }

  private async subscribe(kind: string): Promise<void> {
    await this.ensureQueue(kind);
    await this.boss.work<Envelope>(kind, {
      pollingIntervalSeconds: this.options.pollingIntervalSeconds ?? 1,
      notifyPollingIntervalSeconds: 5,
      localConcurrency: this.options.concurrency ?? 2,
    }, async (jobs) => {
      for (const job of jobs) await this.run(kind, job);
    });
  }

  private async run(kind: string, job: Job<Envelope>): Promise<void> {
    const handler = this.handlers.get(kind);
    if (!handler) throw new Error(`no handler for job kind ${kind}`);
    await handler({ id: job.id, kind, shop: job.data.shop, payload: job.data.payload, attempt: job.retryCount + 1 });
  }

  async start(): Promise<void> {
    if (this.working) return;
    this.working = true;
    await this.connect();
    for (const kind of this.handlers.keys()) await this.subscribe(kind);
  }

  async stop(): Promise<void> {
    this.working = false;
    if (!this.connected) return;
    await this.connected.catch(() => undefined);
    await this.boss.stop({ graceful: true, timeout: 10_000 });
    this.connected = null;
    this.queues.clear();
  }

  async drain(): Promise<number> {
    let ran = 0;
    for (const kind of this.handlers.keys()) {
      await this.ensureQueue(kind);
      for (;;) {
        const jobs = await this.boss.fetch<Envelope>(kind, { batchSize: 1 });
        const job = jobs[0];
        if (!job) break;
        ran++;
        try {
          await this.run(kind, job);
        } catch (error) {
          await this.boss.fail(kind, job.id, { message: error instanceof Error ? error.message : String(error) });
          (this.options.log ?? console).error(`job ${kind} ${job.id} failed`, error);
          continue;
        }
        await this.boss.complete(kind, job.id);
      }
    }
    return ran;
  }
}
