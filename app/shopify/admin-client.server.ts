import os from "node:os";
import prisma from "~/db.server";
import { offlineAdminClient, type AdminClient, type AdminClientOptions } from "./admin-client";
import { createOfflineTokens, httpOfflineGrants, migrateNonExpiringOfflineTokens, type OfflineTokens } from "./offline-tokens";
import { requiredEnv } from "~/env.server";

export { NoOfflineSessionError, OfflineTokenUnavailableError, ReauthRequiredError } from "./offline-tokens";

let tokens: OfflineTokens | undefined;

/**
 * This process's source of valid offline access tokens (app/shopify/offline-tokens.ts): the app's
 * database, Shopify's token endpoint at https://<shop> (SHOPIFY_ADMIN_ORIGIN in development).
 */
export function offlineTokens(): OfflineTokens {
  tokens ??= createOfflineTokens({
    db: prisma,
    grants: httpOfflineGrants({ apiKey: requiredEnv("SHOPIFY_API_KEY"), apiSecret: requiredEnv("SHOPIFY_API_SECRET") }),
    holder: `${os.hostname()}:${process.pid}`,
  });
  return tokens;
}

/**
 * AdminClient for jobs, webhooks, the shopper API and the terms sync. Every call gets a valid offline
 * access token from offlineTokens() (renewed a few minutes before it expires, or after a 401), so a long
 * job outlives the token it started with. Throws NoOfflineSessionError (not installed) or
 * ReauthRequiredError (the shop must open the app again) before any work when no token can be had.
 */
export async function adminClientForShop(shop: string, options?: AdminClientOptions): Promise<AdminClient> {
  const tokens = offlineTokens();
  await tokens.accessToken(shop);
  return offlineAdminClient({ shop, accessToken: tokens.source(shop) }, options);
}

/** Server start: migrate shops still holding a non-expiring offline token (see offline-tokens.ts). */
export function migrateOfflineTokensAtStart(): Promise<number> {
  return migrateNonExpiringOfflineTokens(prisma, offlineTokens());
}
