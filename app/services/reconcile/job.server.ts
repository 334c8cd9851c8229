// The durable reconciliation job ("money.reconcile"): run by whichever instance's worker takes it, retried
// by the queue while Shopify fails. Read-only at Shopify, and each run stores one shop-level event, so a
// repeat (at-least-once delivery) only records a newer run. Enqueued from the reconciliation screen
// ("Check now"); one per shop per 10 minutes (dedupeKey), whoever asks. Not yet scheduled on its own
// (after refunds/create, or daily): docs/decisions/160-reconciliation.md.
import prisma from "~/db.server";
import { jobQueue, registerJobHandler } from "~/jobs/queue";
import { adminClientForShop } from "~/shopify/admin-client.server";
import { serviceContext } from "~/services/context";
import { reconcileMoney } from "./index";

export const RECONCILE_JOB = "money.reconcile";
const WINDOW_MS = 10 * 60_000;

/** Queues a run for the shop (at most one per 10-minute window). */
export async function scheduleReconciliation(shop: string, now: Date): Promise<{ id: string; created: boolean }> {
  return (await jobQueue()).enqueue(RECONCILE_JOB, {}, { shop, dedupeKey: `reconcile:${Math.floor(now.getTime() / WINDOW_MS)}`, maxAttempts: 3 });
}

registerJobHandler(RECONCILE_JOB, async (job) => {
  const admin = await adminClientForShop(job.shop);
  await reconcileMoney(serviceContext({ db: prisma, admin, now: () => new Date() }), job.shop, { actor: "job" });
});
