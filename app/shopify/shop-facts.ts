// The shop's facts (name, currency, time zone, country) as the app stores them on the shop row, so
// screens and jobs read them from the DB instead of asking Shopify each time. Written at install
// (afterAuth in app/shopify.server.ts); adminContext keeps a lazy fallback for shops installed before.
import type { Repos, ShopRecord } from "~/db";
import type { AdminClient } from "./admin-client";
import { SHOP_INFO } from "./operations/shop-info";

/** One ShopInfo read, saved through the shops repo (creates the row on first install). */
export async function storeShopFacts(
  admin: AdminClient,
  shops: Repos["shops"],
  shop: string,
  now: Date,
): Promise<ShopRecord> {
  const info = await admin.request(SHOP_INFO);
  return shops.upsertInstalled(shop, {
    now,
    name: info.shop.name,
    currency: info.shop.currencyCode,
    timezone: info.shop.ianaTimezone,
    country: info.shop.shopAddress.countryCodeV2 ?? null,
  });
}
