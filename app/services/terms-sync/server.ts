/**
 * Production glue for the terms sync: the composition root (repositories over the app's database,
 * the process's job queue, a paced AdminClient from the shop's offline session) for the catalogue
 * job and the install / products/update / policy-save entry points.
 */
import prisma from "~/db.server";
import { jobQueue } from "~/jobs/queue";
import type { JobHandler } from "~/jobs/types";
import { serviceContext } from "~/services/context";
import { AdminClient, offlineTransport } from "~/shopify/admin-client";
import { adminClientForShop, offlineTokens } from "~/shopify/admin-client.server";
import { pacedTransport } from "./pacing";
import {
  catalogueJobHandler,
  syncProductAfterUpdate,
  syncTermsAfterInstall,
  syncTermsAfterPolicySave,
  type CatalogueJobPayload,
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

const now = () => new Date();

async function context() {
  return { ...serviceContext({ db: prisma, now }), jobs: await jobQueue() };
}

/** The catalogue job, as app/jobs/kinds.server.ts registers it: one step, paced. */
export const runCatalogueJob: JobHandler<CatalogueJobPayload> = async (job) =>
  catalogueJobHandler({ ...(await context()), adminFor: pacedAdminClientForShop })(job);

/** afterAuth hook: queue the catalogue sync (never fails the login). */
export async function termsSyncAfterAuth(shop: string): Promise<void> {
  try {
    await syncTermsAfterInstall(await context(), shop);
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
  await syncProductAfterUpdate({ ...serviceContext({ db: prisma, now }), admin }, shop, id);
}

/**
 * For the policy editor's save action: publish the new terms (shop metafield now, catalogue as a
 * queued job). Never fails the save: on error it logs, and the queued job (when queued) retries the write.
 *   await termsSyncAfterPolicySave(ctx, ctx.shop)   // ctx: the request's { admin, now, ... }
 */
export async function termsSyncAfterPolicySave(ctx: { admin: AdminClient; now: () => Date }, shop: string): Promise<PolicySaveResult | null> {
  try {
    return await syncTermsAfterPolicySave({ ...serviceContext({ db: prisma, now: ctx.now }), admin: ctx.admin, jobs: await jobQueue() }, shop);
  } catch (error) {
    console.error(`terms-sync: publishing the policy for ${shop} failed`, error);
    return null;
  }
}
