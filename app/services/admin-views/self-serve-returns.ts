// Shopify's own self-serve returns, left on beside this app, give shoppers two "Request return" actions,
// and the requests made through Shopify's arrive (via the returns/request webhook, source
// "shopify_self_serve") without photos or the shopper's confirmations.
//
// The Admin API cannot tell whether the merchant turned them off: in 2026-07 neither Shop, ShopFeatures nor
// CustomerAccountsV2 has such a setting, and the Customer Account API only answers per order whether an
// item is returnable (https://shopify.dev/docs/apps/build/orders-fulfillment/returns-apps/build-self-serve-returns).
// So the home page says it once, until the merchant hides the note, and says it again, as a warning,
// whenever a request made through Shopify's returns arrives after that: the one sign the app does get.
// Turning them off: https://help.shopify.com/en/manual/orders/self-serve-returns/setting-up-returns
import type { ServiceContext } from "~/services/context";

/** The shop-level event (no request) recording that a staff member hid the note. */
export const SELF_SERVE_NOTE_DISMISSED = "self_serve_returns_note_dismissed";

export type SelfServeNotice =
  /** requests made through Shopify's own returns arrived since the note was last hidden (or ever) */
  | { kind: "arrived"; count: number; latestOrderName: string }
  /** nothing arrived, and the note was never hidden */
  | { kind: "reminder" }
  | null;

export async function selfServeNotice(ctx: Pick<ServiceContext, "repos">, shop: string): Promise<SelfServeNotice> {
  const { dismissed, count, latestOrderName } = await ctx.repos.adminViews.selfServeSince(shop, SELF_SERVE_NOTE_DISMISSED);
  if (count > 0 && latestOrderName !== null) return { kind: "arrived", count, latestOrderName };
  return dismissed ? null : { kind: "reminder" };
}

/** Hides the note until the next request made through Shopify's own returns. */
export async function dismissSelfServeNotice(
  ctx: Pick<ServiceContext, "repos">,
  shop: string,
  { actor, now }: { actor: string; now: Date },
): Promise<void> {
  await ctx.repos.events.append(shop, { type: SELF_SERVE_NOTE_DISMISSED, actor, at: now });
}
