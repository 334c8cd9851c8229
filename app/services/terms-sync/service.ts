/**
 * The three triggers of the checkout-terms sync, and the durable catalogue job.
 *
 * - policy saved: syncTermsAfterPolicySave -> shop metafield now, catalogue job queued (once per
 *   policy version: rules decide every product's flags, so a new policy means re-checking them all);
 * - products/update: syncProductAfterUpdate -> that product only;
 * - first install: enqueueCatalogueSync(reason "install").
 *
 * The catalogue job walks the products a few pages at a time; before it finishes it queues the next
 * step with the cursor it reached (dedupe key per step), so a crash resumes from the last cursor and a
 * repeated step writes nothing new (writes only happen when the stored value differs).
 */
import { createRepos, type Db, type JobRecord } from "~/db";
import type { Policy } from "~/returns";
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

export interface TermsSyncDeps {
  db: Db;
  admin: AdminClient;
  now: () => Date;
  /** Called after a catalogue job is queued (production: kick the in-process worker). */
  startWorker?: () => void;
}

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
export async function policyForCheckout(db: Db, shop: string, at: Date): Promise<{ policy: Policy; version: number }> {
  const choice = await policyForOrder(createRepos(db), shop, at.toISOString());
  return { policy: choice.policy, version: choice.version ?? 0 };
}

export async function enqueueCatalogueSync(
  deps: Pick<TermsSyncDeps, "db" | "now" | "startWorker">,
  shop: string,
  input: { runId: string; policyVersion: number },
): Promise<{ job: JobRecord; created: boolean }> {
  const payload: CatalogueJobPayload = { runId: input.runId, policyVersion: input.policyVersion, cursor: null, step: 0, scanned: 0, written: 0 };
  const out = await createRepos(deps.db).jobs.enqueue(shop, {
    kind: CATALOGUE_JOB_KIND,
    payload,
    dedupeKey: `terms-sync:${input.runId}:0`,
    now: deps.now(),
    maxAttempts: 10,
  });
  deps.startWorker?.();
  return out;
}

export interface PolicySaveResult {
  shop: ShopSyncResult;
  job: JobRecord;
}

/**
 * Call after a policy version is saved (policy editor). Writes the shop metafield now (so the
 * acknowledgement setting and default terms are live at once) and queues the catalogue re-check.
 */
export async function syncTermsAfterPolicySave(deps: TermsSyncDeps, shop: string): Promise<PolicySaveResult> {
  const active = await policyForCheckout(deps.db, shop, deps.now());
  // Queue first: the job's first step writes the shop metafield too, so a failed write below heals.
  const { job } = await enqueueCatalogueSync({ db: deps.db, now: deps.now }, shop, { runId: `policy-v${active.version}`, policyVersion: active.version });
  try {
    const shopResult = await syncShopTerms(deps.admin, active.policy);
    return { shop: shopResult, job };
  } finally {
    deps.startWorker?.();
  }
}

/** After install: the whole catalogue (and the shop metafield), once per shop and policy version. */
export async function syncTermsAfterInstall(deps: Pick<TermsSyncDeps, "db" | "now" | "startWorker">, shop: string) {
  // Before the first save this publishes the fallback preset the returns flow would apply (version 0).
  const active = await policyForCheckout(deps.db, shop, deps.now());
  // The hour in the key lets a reinstall re-publish while a burst of token exchanges queues one run.
  const hour = deps.now().toISOString().slice(0, 13);
  return enqueueCatalogueSync(deps, shop, { runId: `install-v${active.version}-${hour}`, policyVersion: active.version });
}

/** products/update: recompute that product's terms. */
export async function syncProductAfterUpdate(deps: Pick<TermsSyncDeps, "db" | "admin" | "now">, shop: string, productId: string) {
  const active = await policyForCheckout(deps.db, shop, deps.now());
  return syncProductTerms(deps.admin, active.policy, productId);
}

export interface StepResult {
  done: boolean;
  superseded?: boolean;
  payload: CatalogueJobPayload;
}

/** Runs one job step (PAGES_PER_STEP pages); queues the next step unless the catalogue is done. */
export async function runCatalogueStep(
  deps: Pick<TermsSyncDeps, "db" | "admin" | "now">,
  job: Pick<JobRecord, "shop" | "payload">,
  opts: { pagesPerStep?: number; pageSize?: number } = {},
): Promise<StepResult> {
  const p = job.payload as CatalogueJobPayload;
  const active = await policyForCheckout(deps.db, job.shop, deps.now());
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
  await createRepos(deps.db).jobs.enqueue(job.shop, {
    kind: CATALOGUE_JOB_KIND,
    payload: next,
    dedupeKey: `terms-sync:${p.runId}:${next.step}`,
    now: deps.now(),
    maxAttempts: 10,
  });
  return { done: false, payload: next };
}

export interface DrainDeps {
  db: Db;
  adminFor: (shop: string) => Promise<AdminClient>;
  now: () => Date;
  workerId: string;
  pagesPerStep?: number;
  pageSize?: number;
  /** Called after every step (tests: crash simulation, figures). */
  onStep?: (job: JobRecord, result: StepResult) => void | Promise<void>;
}

/** Runs queued catalogue jobs until none is due. Returns how many steps ran. */
export async function drainCatalogueJobs(deps: DrainDeps): Promise<number> {
  const jobs = createRepos(deps.db).jobs;
  let steps = 0;
  for (;;) {
    const job = await jobs.claimNext({ workerId: deps.workerId, now: deps.now(), kinds: [CATALOGUE_JOB_KIND] });
    if (!job) return steps;
    try {
      const admin = await deps.adminFor(job.shop);
      const result = await runCatalogueStep({ db: deps.db, admin, now: deps.now }, job, deps);
      await jobs.complete(job.shop, job.id, { workerId: deps.workerId, now: deps.now() });
      steps++;
      await deps.onStep?.(job, result);
    } catch (error) {
      await jobs.fail(job.shop, job.id, { workerId: deps.workerId, error: error instanceof Error ? error.message : String(error), now: deps.now() });
      steps++;
    }
  }
}
