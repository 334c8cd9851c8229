/**
 * Production glue for the terms sync: paced AdminClient from the shop's offline session, the
 * in-process worker for catalogue jobs, and the install / products/update entry points.
 */
import prisma from "~/db.server";
import { AdminClient, offlineTransport } from "~/shopify/admin-client";
import { adminClientForShop, offlineTokens } from "~/shopify/admin-client.server";
import { pacedTransport } from "./pacing";
import type { PrismaClient } from "~/db/client";
import {
  CATALOGUE_JOB_KIND,
  drainCatalogueJobs,
  syncProductAfterUpdate,
  syncTermsAfterInstall,
  syncTermsAfterPolicySave,
  type PolicySaveResult,
} from "./service";

/**
 * AdminClient for long syncs: paced by the bucket's throttle status so it rarely hits THROTTLED. Each call
 * gets a valid offline token (a catalogue sync may outlast the hour one token lives).
 */
export async function pacedAdminClientForShop(shop: string): Promise<AdminClient> {
  const tokens = offlineTokens();
  await tokens.accessToken(shop);
  const transport = pacedTransport(offlineTransport({ shop, accessToken: tokens.source(shop) }), {
    sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
    nowMs: () => Date.now(),
  });
  return new AdminClient(transport);
}

let running: Promise<void> | null = null;
let again = false;

/** Runs queued catalogue jobs in this process (single flight); safe to call often. */
export function kickTermsSyncWorker(): void {
  if (running) {
    again = true;
    return;
  }
  running = (async () => {
    do {
      again = false;
      await drainCatalogueJobs({
        db: prisma,
        adminFor: pacedAdminClientForShop,
        now: () => new Date(),
        workerId: `terms-sync:${process.pid}`,
      });
    } while (again);
    await scheduleNextWake();
  })()
    .catch((error: unknown) => console.error("terms-sync worker failed", error))
    .finally(() => {
      running = null;
    });
}

let wake: ReturnType<typeof setTimeout> | null = null;

/**
 * A failed step is requeued with a backoff (runAt in the future); wake up for it. Cross-shop read
 * like the jobs repo's claimNext: the worker serves every shop.
 */
async function scheduleNextWake(): Promise<void> {
  const next = await prisma.job.findFirst({
    where: { kind: CATALOGUE_JOB_KIND, status: "queued" },
    orderBy: { runAt: "asc" },
    select: { runAt: true },
  });
  if (!next) return;
  if (wake) clearTimeout(wake);
  wake = setTimeout(() => {
    wake = null;
    kickTermsSyncWorker();
  }, Math.max(1_000, next.runAt.getTime() - Date.now()));
  wake.unref?.();
}

/** afterAuth hook: queue the catalogue sync (never fails the login). */
export async function termsSyncAfterAuth(shop: string): Promise<void> {
  try {
    await syncTermsAfterInstall({ db: prisma, now: () => new Date(), startWorker: kickTermsSyncWorker }, shop);
  } catch (error) {
    console.error(`terms-sync: could not queue the install sync for ${shop}`, error);
  }
}

/** products/update webhook work: recompute that product's terms metafield. */
export async function termsSyncForProductUpdate(shop: string, payload: Record<string, unknown>): Promise<void> {
  const gid = typeof payload.admin_graphql_api_id === "string" ? payload.admin_graphql_api_id : null;
  const id = gid ?? (payload.id !== undefined ? `gid://shopify/Product/${String(payload.id)}` : null);
  if (!id) throw new Error("products/update payload has no admin_graphql_api_id or id");
  const admin = await adminClientForShop(shop);
  await syncProductAfterUpdate({ db: prisma, admin, now: () => new Date() }, shop, id);
  // Webhooks arrive often: also a chance to resume catalogue jobs left by a restart.
  kickTermsSyncWorker();
}

/**
 * For the policy editor's save action: publish the new terms (shop metafield now, catalogue in the
 * worker). Never fails the save: on error it logs, and the queued job (when queued) retries the write.
 *   await termsSyncAfterPolicySave(ctx, ctx.shop)   // ctx from adminContext(): { db, admin, now }
 */
export async function termsSyncAfterPolicySave(
  ctx: { db: PrismaClient; admin: AdminClient; now: () => Date },
  shop: string,
): Promise<PolicySaveResult | null> {
  try {
    return await syncTermsAfterPolicySave({ db: ctx.db, admin: ctx.admin, now: ctx.now, startWorker: kickTermsSyncWorker }, shop);
  } catch (error) {
    console.error(`terms-sync: publishing the policy for ${shop} failed`, error);
    return null;
  }
}
