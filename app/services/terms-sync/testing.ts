// Tests: a Job-table queue (app/jobs/db-queue.ts) on a test database that runs the catalogue job with
// a given Admin client and clock, as the app's worker does; `drain()` runs every due step.
import { createRepos } from "~/db";
import type { PrismaClient } from "~/db/client";
import { DbJobQueue } from "~/jobs/db-queue";
import type { AdminClient } from "~/shopify/admin-client";
import { catalogueJobHandler, CATALOGUE_JOB_KIND, type StepOptions } from "./service";

export function catalogueQueue(
  db: PrismaClient,
  opts: { workerId: string; now: () => Date; adminFor?: (shop: string) => Promise<AdminClient> } & StepOptions,
): DbJobQueue {
  const queue = new DbJobQueue(db, { workerId: opts.workerId, now: opts.now });
  const adminFor = opts.adminFor ?? (() => Promise.reject(new Error("this test queue runs no catalogue step")));
  queue.work(CATALOGUE_JOB_KIND, catalogueJobHandler({ repos: createRepos(db), now: opts.now, jobs: queue, adminFor, pagesPerStep: opts.pagesPerStep, pageSize: opts.pageSize }));
  return queue;
}
