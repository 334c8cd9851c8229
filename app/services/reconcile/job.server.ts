// The durable reconciliation job ("money.reconcile"): run by whichever instance's worker takes it, retried
// by the queue while Shopify fails. Read-only at Shopify, and each run stores one shop-level event, so a
// repeat (at-least-once delivery) only records a newer run. When it runs (docs/decisions/160-reconciliation.md):
//  - after money moved: a verified refunds/create or returns/process webhook once its job has recorded it,
//    and the app's own refund or store credit once it completed. Debounced per shop on the queue's dedupe:
//    every such event in a 5-minute window asks for the same run, at the window's end, so a burst of
//    refunds costs one run and a run is never more than 5 minutes behind the money;
//  - a day after each run (the safety run): a refund whose webhook never came is found within a day, and
//    a shop keeps being checked daily once money moved; a shop that uninstalled ends the chain;
//  - "Check now" on the reconciliation screen: at most one per shop per 10 minutes, whoever asks.
// Scheduling is a row in the job queue, never an Admin call: the webhook's job and the staff route stay as
// fast as before, and the job does the reading.
import prisma from "~/db.server";
import { createRepos } from "~/db";
import type { PrismaClient } from "~/db/client";
import { jobQueue, registerJobHandler } from "~/jobs/queue";
import { adminClientForShop, NoOfflineSessionError } from "~/shopify/admin-client.server";
import { serviceContext } from "~/services/context";
import { reconcileMoney } from "./index";

export const RECONCILE_JOB = "money.reconcile";
const CHECK_NOW_WINDOW_MS = 10 * 60_000;
/** Money events in one such window share one run, at the window's end. */
export const AFTER_MONEY_WINDOW_MS = 5 * 60_000;
/** The safety run comes this long after a run. */
export const SAFETY_AFTER_MS = 24 * 3_600_000;

export type ReconcileWhy = "check_now" | "money_moved" | "daily";

/** "Check now": queues a run for the shop at once (at most one per 10-minute window). */
export async function scheduleReconciliation(shop: string, now: Date): Promise<{ id: string; created: boolean }> {
  return (await jobQueue()).enqueue(RECONCILE_JOB, { why: "check_now" }, { shop, dedupeKey: `reconcile:${Math.floor(now.getTime() / CHECK_NOW_WINDOW_MS)}`, maxAttempts: 3 });
}

/**
 * Money moved at Shopify for the shop: one run at the end of the 5-minute window `now` falls in (every
 * event of the window gets the same job back), so at most one run is pending per shop.
 */
export async function reconcileAfterMoneyMoved(shop: string, now: Date): Promise<{ id: string; created: boolean; runAt: Date }> {
  const window = Math.floor(now.getTime() / AFTER_MONEY_WINDOW_MS);
  const runAt = new Date((window + 1) * AFTER_MONEY_WINDOW_MS);
  const queued = await (await jobQueue()).enqueue(RECONCILE_JOB, { why: "money_moved" }, { shop, dedupeKey: `moved:${window}`, runAt, maxAttempts: 3 });
  return { ...queued, runAt };
}

/**
 * The safety run a day after a run at `ranAt`: keyed by the day it falls on, so several runs in one day
 * keep one next-day run (the first's), and the chain goes on from each run.
 */
export async function scheduleSafetyRun(shop: string, ranAt: Date): Promise<{ id: string; created: boolean; runAt: Date }> {
  const runAt = new Date(ranAt.getTime() + SAFETY_AFTER_MS);
  const queued = await (await jobQueue()).enqueue(RECONCILE_JOB, { why: "daily" }, { shop, dedupeKey: `daily:${Math.floor(runAt.getTime() / SAFETY_AFTER_MS)}`, runAt, maxAttempts: 3 });
  return { ...queued, runAt };
}

/** The webhook topics after which money may have moved on a Return or its order. */
export const MONEY_TOPICS: ReadonlySet<string> = new Set(["REFUNDS_CREATE", "RETURNS_PROCESS"]);

/**
 * After a money topic's webhook job recorded it: a run when the money concerns one of the shop's
 * requests (the Return is one of ours, or the refund is on an order a request is for: a refund outside
 * the return is drift too). Refunds on orders no one asked to return cost nothing. DB reads only.
 */
export async function reconcileAfterWebhook(
  db: PrismaClient,
  shop: string,
  topic: string,
  payload: Record<string, unknown>,
  now: Date,
): Promise<{ created: boolean } | null> {
  if (!MONEY_TOPICS.has(topic)) return null;
  const repos = createRepos(db);
  const returnGid = topic === "REFUNDS_CREATE" ? (payload.return as { admin_graphql_api_id?: unknown } | null | undefined)?.admin_graphql_api_id : (payload.admin_graphql_api_id ?? (payload.id !== undefined ? `gid://shopify/Return/${String(payload.id)}` : undefined));
  let ours = typeof returnGid === "string" && (await repos.returnRequests.findByShopifyReturnId(shop, returnGid)) !== null;
  if (!ours && topic === "REFUNDS_CREATE" && payload.order_id !== undefined) {
    ours = (await repos.returnRequests.listForOrder(shop, `gid://shopify/Order/${String(payload.order_id)}`)).length > 0;
  }
  if (!ours) return null;
  return reconcileAfterMoneyMoved(shop, now);
}

registerJobHandler(RECONCILE_JOB, async (job) => {
  let admin;
  try {
    admin = await adminClientForShop(job.shop);
  } catch (e) {
    // uninstalled: nothing to read, and no next safety run (the chain ends with the shop)
    if (e instanceof NoOfflineSessionError) return;
    throw e;
  }
  const ranAt = new Date();
  await reconcileMoney(serviceContext({ db: prisma, admin, now: () => new Date() }), job.shop, { actor: "job" });
  await scheduleSafetyRun(job.shop, ranAt);
});
