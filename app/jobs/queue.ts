// The process's job queue, chosen by DATABASE_URL:
//   postgresql://...  -> pg-boss in schema "<app schema>_pgboss" ("pgboss" for the default schema);
//   file:... / unset  -> the Job table, run in-process (SQLite default).
//
//   await (await jobQueue()).enqueue(kind, payload, { shop, dedupeKey })   // anywhere: this module
//   registerJobHandler(kind, handler)   // at module load, in a module ./kinds.server.ts imports
//   await startJobWorker() / drainJobs() // ./index.ts: loads every kind, then runs them
//
// This module knows no job kind, so the modules that enqueue (webhook routes, services) and the
// handlers the worker runs never import each other through it.
import os from "node:os";
import { createPrismaClient, type PrismaClient } from "~/db/client";
import { parsePostgresUrl, providerForUrl } from "~/db/url";
import { DbJobQueue } from "./db-queue";
import { PgBossJobQueue } from "./pgboss-queue";
import type { JobHandler, JobQueue } from "./types";

export * from "./types";
export { DbJobQueue } from "./db-queue";
export { PgBossJobQueue, dedupeJobId } from "./pgboss-queue";

export function workerId(): string {
  return `${os.hostname()}:${process.pid}`;
}

/** pg-boss's own schema for an app DATABASE_URL. */
export function pgBossSchemaFor(databaseUrl: string): string {
  const { schema } = parsePostgresUrl(databaseUrl);
  return !schema || schema === "public" ? "pgboss" : `${schema}_pgboss`;
}

export interface QueueTuning {
  leaseSeconds?: number;
  /** pg-boss only (the Job table renews its lease instead): see PgBossJobQueueOptions. */
  heartbeatSeconds?: number | null;
  superviseIntervalSeconds?: number;
  pollMs?: number;
  /** First retry delay (then exponential). Default 30 s. */
  retryDelaySeconds?: number;
  /** Job-table runner id (default host:pid). */
  workerId?: string;
  /** Jobs run at once by this process (per kind on pg-boss). Default 2, or JOB_CONCURRENCY. */
  concurrency?: number;
}

/** A fresh queue for a DATABASE_URL (the app uses the process singleton below). */
export async function createJobQueue(
  databaseUrl: string | undefined,
  tuning: QueueTuning = {},
  /** SQLite: the client on that URL (default: a new one). Ignored by pg-boss, which has its own pool. */
  prisma?: PrismaClient,
): Promise<JobQueue> {
  if (providerForUrl(databaseUrl) === "postgresql") {
    const { connectionString } = parsePostgresUrl(databaseUrl!);
    return new PgBossJobQueue({
      connectionString,
      schema: pgBossSchemaFor(databaseUrl!),
      leaseSeconds: tuning.leaseSeconds,
      heartbeatSeconds: tuning.heartbeatSeconds,
      superviseIntervalSeconds: tuning.superviseIntervalSeconds,
      retryDelaySeconds: tuning.retryDelaySeconds,
      concurrency: tuning.concurrency ?? envConcurrency(),
      pollingIntervalSeconds: tuning.pollMs === undefined ? undefined : Math.max(0.5, tuning.pollMs / 1000),
    });
  }
  return new DbJobQueue(prisma ?? createPrismaClient(databaseUrl), {
    workerId: tuning.workerId ?? workerId(),
    leaseMs: tuning.leaseSeconds === undefined ? undefined : Math.round(tuning.leaseSeconds * 1000),
    pollMs: tuning.pollMs,
    concurrency: tuning.concurrency ?? envConcurrency(),
    ...(tuning.retryDelaySeconds === undefined ? {} : { backoffMs: (n: number) => tuning.retryDelaySeconds! * 1000 * 2 ** (n - 1) }),
  });
}

function envConcurrency(): number | undefined {
  const raw = process.env.JOB_CONCURRENCY;
  if (raw === undefined || raw === "") return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 64) throw new Error(`JOB_CONCURRENCY must be an integer 1-64, got "${raw}"`);
  return n;
}

const handlers = new Map<string, JobHandler>();

/** Declares how jobs of `kind` run, in every queue this process creates. */
export function registerJobHandler<P = unknown>(kind: string, handler: JobHandler<P>): void {
  const existing = handlers.get(kind);
  if (existing && existing !== handler) throw new Error(`job kind ${kind} already has a handler`);
  handlers.set(kind, handler as JobHandler);
}

interface Current {
  url: string | undefined;
  queue: Promise<JobQueue>;
  started: boolean;
  /** kinds whose handler this queue has been given */
  working: Set<string>;
}
declare global {
  var jobQueueGlobal: Current | undefined;
  var jobSignalsInstalled: boolean | undefined;
}

async function build(url: string | undefined): Promise<JobQueue> {
  const { default: prisma } = await import("~/db.server");
  return createJobQueue(url, {}, prisma);
}

/** The process's queue for the current DATABASE_URL (a new one when it changes, as in tests). */
export function jobQueue(): Promise<JobQueue> {
  const url = process.env.DATABASE_URL;
  const current = globalThis.jobQueueGlobal;
  if (current && current.url === url) return current.queue;
  if (current) void current.queue.then((q) => q.stop()).catch(() => undefined);
  const queue = build(url);
  globalThis.jobQueueGlobal = { url, queue, started: false, working: new Set() };
  return queue;
}

/**
 * The process's queue with every registered handler given to it (./index.ts registers them all
 * first), and whether it has been started.
 */
export async function workingJobQueue(): Promise<{ queue: JobQueue; current: { started: boolean } }> {
  const queue = await jobQueue();
  const current = globalThis.jobQueueGlobal!;
  for (const [kind, handler] of handlers) {
    if (current.working.has(kind)) continue;
    current.working.add(kind);
    queue.work(kind, handler);
  }
  return { queue, current };
}

/** Tests / shutdown: stop the process's queue and forget it. */
export async function stopJobQueue(): Promise<void> {
  const current = globalThis.jobQueueGlobal;
  globalThis.jobQueueGlobal = undefined;
  if (current) await (await current.queue).stop();
}
