// The composition root: what a service needs, built once per request or job and handed down.
//   const ctx = serviceContext({ db: prisma, admin, now: () => new Date() });
//   await approveRequest(ctx, shop, id);
// Services take this (or the part of it they use) instead of a PrismaClient: they never build
// repositories themselves, and they never read the clock or the environment.
import { createRepos, type Db, type Repos } from "~/db";
import type { AdminClient } from "~/shopify/admin-client";

export interface ServiceContext {
  /** the shop-scoped repositories over one database client */
  repos: Repos;
  /** the shop's Admin API client; absent where a service makes no Shopify call */
  admin?: AdminClient;
  now: () => Date;
}

/** A context whose Admin client is known to be there (routes and jobs that talk to Shopify). */
export type AdminServiceContext = ServiceContext & { admin: AdminClient };

export function serviceContext(parts: { db: Db; admin: AdminClient; now: () => Date }): AdminServiceContext;
export function serviceContext(parts: { db: Db; admin?: AdminClient; now: () => Date }): ServiceContext;
export function serviceContext(parts: { db: Db; admin?: AdminClient; now: () => Date }): ServiceContext {
  return { repos: createRepos(parts.db), admin: parts.admin, now: parts.now };
}
