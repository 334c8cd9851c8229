// The one job-queue interface the app codes against. Two engines implement it (chosen by DATABASE_URL in
// ./index.ts): pg-boss on PostgreSQL (./pgboss-queue.ts) and the app's own Job table run in-process for
// the SQLite default (./db-queue.ts). Delivery is at least once on both: handlers must be idempotent
// (the services go through the operations ledger and the webhook delivery records).

export interface EnqueueOptions {
  /** Every job belongs to a shop; handlers get it back and scope all their reads/writes by it. */
  shop: string;
  /** At most one job per (shop, kind, dedupeKey) is ever created; a repeat enqueue returns the first. */
  dedupeKey?: string;
  /** Not before this time (default: now). */
  runAt?: Date;
  /** Attempts before the job is given up (dead/failed). Default 5. */
  maxAttempts?: number;
}

export interface JobContext<P = unknown> {
  id: string;
  kind: string;
  shop: string;
  payload: P;
  /** 1 for the first run. */
  attempt: number;
}

export type JobHandler<P = unknown> = (job: JobContext<P>) => Promise<void>;

export interface JobQueue {
  readonly engine: "pg-boss" | "db";
  enqueue(kind: string, payload: unknown, options: EnqueueOptions): Promise<{ id: string; created: boolean }>;
  /** Registers the handler for a kind (one per kind). Takes effect for polling at start(). */
  work<P = unknown>(kind: string, handler: JobHandler<P>): void;
  /** Starts polling for every registered kind. Idempotent. */
  start(): Promise<void>;
  /** Stops polling, waits for running handlers (up to a timeout), releases connections. */
  stop(): Promise<void>;
  /** Runs every job that is due now, in this call, until none is left (tests, scripts). */
  drain(): Promise<number>;
}

export const DEFAULT_MAX_ATTEMPTS = 5;

export function assertKind(kind: string): string {
  if (typeof kind !== "string" || !/^[a-z][a-z0-9_.:-]{0,99}$/.test(kind)) {
    throw new Error(`job kind "${String(kind)}" must be 1-100 chars of a-z 0-9 _ . : - starting with a letter`);
  }
  return kind;
}
