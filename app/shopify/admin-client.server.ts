import { sessionStorage } from "~/shopify.server";
import { offlineAdminClient, type AdminClient, type AdminClientOptions } from "./admin-client";

export class NoOfflineSessionError extends Error {
  override readonly name = "NoOfflineSessionError";
  constructor(readonly shop: string) {
    super(`No offline session stored for ${shop}: the app is not installed, or was uninstalled`);
  }
}

/**
 * AdminClient for jobs and webhooks: uses the shop's stored offline session (written at token
 * exchange) and honours SHOPIFY_ADMIN_ORIGIN through adminOriginFor().
 */
export async function adminClientForShop(shop: string, options?: AdminClientOptions): Promise<AdminClient> {
  const session = await sessionStorage!.loadSession(`offline_${shop}`);
  if (!session?.accessToken) throw new NoOfflineSessionError(shop);
  return offlineAdminClient({ shop, accessToken: session.accessToken }, options);
}
