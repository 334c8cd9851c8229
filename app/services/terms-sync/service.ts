/**
 * The three triggers of the checkout-terms sync, and the durable catalogue job.
 *
 * - policy saved: syncTermsAfterPolicySave -> shop metafield now, catalogue job queued (once per
 *   policy version: rules decide every product's flags, so a new policy means re-checking them all);
 * - products/update: syncProductAfterUpdate -> that product only;
 * - first install: enqueueCatalogueSync(reason "install").
 *
 * The catalogue job (kind CATALOGUE_JOB_KIND on the app's job queue, app/jobs) walks the products a
 * few pages at a time; before it finishes it queues the next step with the cursor it reached (dedupe
 * key per step), so a crash resumes from the last cursor and a repeated step writes nothing new
 * (writes only happen when the stored value differs). The queue's lease gives a dead worker's step to
 * another after it, and retries a failed step with backoff.
 */
import type { Repos } from "~/db";
import type { JobHandler, JobQueue } from "~/jobs/types";
import type { Policy } from "~/returns";
import type { ServiceContext } from "~/services/context";
import { policyForOrder } from "~/services/policy-for-order";
import type { AdminClient } from "~/shopify/admin-client";
import {
  METAFIELDS_PER_CALL,
  readCataloguePage,
  syncProductTerms,
  syncShopTerms,
  writeTermsMetafields,
  type MetafieldWrite,
  type ShopSyncResult,
} from "./sync";

export const CATALOGUE_JOB_KIND = "terms-sync.catalogue";
/** Pages per job step; a crash repeats at most this many pages (which then write nothing). */
export const PAGES_PER_STEP = 10;

/** The composition root's repositories and clock, the shop's Admin client, and the queue to add steps to. */
export interface TermsSyncDeps extends Pick<ServiceContext, "repos" | "now"> {
  admin: AdminClient;
  jobs: Pick<JobQueue, "enqueue">;
}

/** A queued catalogue step: the queue's job id, and whether this call created it (false: deduped). */
export interface QueuedStep {
  id: string;
  created: boolean;
}

const STEP_ATTEMPTS = 10;

export interface CatalogueJobPayload {
  runId: string;
  /** Policy version the run was started for; a step stops when a newer version exists. */
  policyVersion: number;
  cursor: string | null;
  step: number;
  scanned: number;
  written: number;
}

/**
 * The policy an order placed `at` this moment will be judged by - the shopper service's own choice
 * (policyForOrder: version in force, else the shop's first, else the standard-30-day preset, version 0),
 * so checkout never promises other terms than the returns flow applies.
 */
export async function policyForCheckout(repos: Repos, shop: string, at: Date): Promise<{ policy: Policy; version: number }> {
  const choice = await policyForOrder(repos, shop, at.toISOString());
  return { policy: choice.policy, version: choice.version ?? 0 };
}

function enqueueStep(jobs: TermsSyncDeps["jobs"], shop: string, step: CatalogueJobPayload): Promise<QueuedStep> {
  return jobs.enqueue(CATALOGUE_JOB_KIND, step, { shop, dedupeKey: `terms-sync:${step.runId}:${step.step}`, maxAttempts: STEP_ATTEMPTS });
}

export async function enqueueCatalogueSync(
  deps: Pick<TermsSyncDeps, "jobs">,
  shop: string,
  input: { runId: string; policyVersion: number },
): Promise<QueuedStep> {
  return enqueueStep(deps.jobs, shop, { runId: input.runId, policyVersion: input.policyVersion, cursor: null, step: 0, scanned: 0, written: 0 });
}

export interface PolicySaveResult {
  shop: ShopSyncResult;
  job: QueuedStep;
}

/**
 * Call after a policy version is saved (policy editor). Writes the shop metafield now (so the
 * acknowledgement setting and default terms are live at once) and queues the catalogue re-check.
 */
export async function syncTermsAfterPolicySave(deps: TermsSyncDeps, shop: string): Promise<PolicySaveResult> {
  const active = await policyForCheckout(deps.repos, shop, deps.now());
  // Queue first: the job's first step writes the shop metafield too, so a failed write below heals.
  const job = await enqueueCatalogueSync(deps, shop, { runId: `policy-v${active.version}`, policyVersion: active.version });
  return { shop: await syncShopTerms(deps.admin, active.policy), job };
}

/** After install: the whole catalogue (and the shop metafield), once per shop and policy version. */
export async function syncTermsAfterInstall(deps: Pick<TermsSyncDeps, "repos" | "now" | "jobs">, shop: string): Promise<QueuedStep> {
  // Before the first save this publishes the fallback preset the returns flow would apply (version 0).
  const active = await policyForCheckout(deps.repos, shop, deps.now());
  // The hour in the key lets a reinstall re-publish while a burst of token exchanges queues one run.
  const hour = deps.now().toISOString().slice(0, 13);
  return enqueueCatalogueSync(deps, shop, { runId: `install-v${active.version}-${hour}`, policyVersion: active.version });
}

/** products/update: recompute that product's terms. */
export async function syncProductAfterUpdate(deps: Pick<TermsSyncDeps, "repos" | "admin" | "now">, shop: string, productId: string) {
  const active = await policyForCheckout(deps.repos, shop, deps.now());
  return syncProductTerms(deps.admin, active.policy, productId);
}

export interface StepResult {
  done: boolean;
  superseded?: boolean;
  payload: CatalogueJobPayload;
}

/** Runs one job step (PAGES_PER_STEP pages); queues the next step unless the catalogue is done. */
export async function runCatalogueStep(
  deps: TermsSyncDeps,
  job: { shop: string; payload: unknown },
  opts: StepOptions = {},
): Promise<StepResult> {
  const p = job.payload as CatalogueJobPayload;
  const active = await policyForCheckout(deps.repos, job.shop, deps.now());
  if (active.version > p.policyVersion) return { done: true, superseded: true, payload: p };
  if (p.step === 0) await syncShopTerms(deps.admin, active.policy);
  let cursor = p.cursor;
  let scanned = p.scanned;
  let written = p.written;
  // Writes are gathered across the step's pages and sent in full batches of 25; whatever is left is
  // flushed before the next step (with its cursor) is queued, so a resumed run never skips a write.
  let pending: MetafieldWrite[] = [];
  for (let i = 0; i < (opts.pagesPerStep ?? PAGES_PER_STEP); i++) {
    const page = await readCataloguePage(deps.admin, active.policy, cursor, opts.pageSize);
    scanned += page.scanned;
    written += page.written;
    cursor = page.nextCursor;
    pending.push(...page.writes);
    const full = pending.length - (pending.length % METAFIELDS_PER_CALL);
    if (full > 0) {
      await writeTermsMetafields(deps.admin, pending.slice(0, full));
      pending = pending.slice(full);
    }
    if (cursor === null) break;
  }
  await writeTermsMetafields(deps.admin, pending);
  if (cursor === null) return { done: true, payload: { ...p, cursor, scanned, written } };
  const next: CatalogueJobPayload = { ...p, cursor, step: p.step + 1, scanned, written };
  await enqueueStep(deps.jobs, job.shop, next);
  return { done: false, payload: next };
}

export interface StepOptions {
  pagesPerStep?: number;
  pageSize?: number;
}

/**
 * The queue's handler for CATALOGUE_JOB_KIND: one step with the shop's Admin client. Registered by
 * app/jobs/kinds.server.ts (through ./server.ts); tests give it to a queue of their own.
 */
export function catalogueJobHandler(
  deps: Pick<TermsSyncDeps, "repos" | "now" | "jobs"> & { adminFor: (shop: string) => Promise<AdminClient> } & StepOptions,
): JobHandler<CatalogueJobPayload> {
  return async (job) => {
    const admin = await deps.adminFor(job.shop);
    await runCatalogueStep({ repos: deps.repos, now: deps.now, jobs: deps.jobs, admin }, job, deps);
  };
}
