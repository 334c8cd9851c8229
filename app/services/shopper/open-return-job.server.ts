// Job "shopper.open-return": opens a stored request's Shopify Return. Queued at once when a submission
// is stored (openReturnNow: the shopper is answered "requested" without waiting for Shopify), and as
// the durable retry, 30 s later, when a returnRequest failed for a passing reason (throttled, 5xx, no
// answer). Run by whichever instance's worker takes it; the queue retries it with backoff while Shopify
// still fails; Shopify's refusal makes the request "refused". The ledger in ensureShopifyReturn keeps
// it to one Return.
import prisma from "~/db.server";
import { jobQueue, registerJobHandler } from "~/jobs/queue";
import { adminClientForShop } from "~/shopify/admin-client.server";
import { autoApproveFor } from "./auto-approve.server";
import { serviceContext } from "~/services/context";
import { openReturnLater } from "./submit";

export const OPEN_RETURN_JOB = "shopper.open-return";
const DELAY_MS = 30_000;

export async function scheduleOpenReturn(shop: string, requestId: string, attempt: number): Promise<void> {
  await (await jobQueue()).enqueue(OPEN_RETURN_JOB, { requestId }, {
    shop,
    dedupeKey: `open-return:${requestId}:${attempt}`,
    runAt: new Date(Date.now() + DELAY_MS),
  });
}

/** Queues the opening of a just-stored request's Return now (the shopper has been answered "requested"). */
export async function openReturnNow(shop: string, requestId: string): Promise<void> {
  await (await jobQueue()).enqueue(OPEN_RETURN_JOB, { requestId }, { shop, dedupeKey: `open-return:${requestId}:now` });
}

registerJobHandler<{ requestId: string }>(OPEN_RETURN_JOB, async (job) => {
  const admin = await adminClientForShop(job.shop);
  const now = () => new Date();
  const ctx = serviceContext({ db: prisma, admin, now });
  await openReturnLater({ ...ctx, autoApprove: autoApproveFor(ctx) }, job.shop, job.payload.requestId);
});
