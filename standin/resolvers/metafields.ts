import type { Ctx } from "./context";
import type { MetafieldRec } from "../state/types";

/** "$app" (and "$app:sub") is the app-owned namespace; Shopify stores it as "app--<appId>". */
export function resolveNamespace(ctx: Ctx, ns: string): string {
  if (ns === "$app") return `app--${ctx.store.shop.appId}`;
  if (ns.startsWith("$app:")) return `app--${ctx.store.shop.appId}--${ns.slice(5)}`;
  return ns;
}

export function metafieldsOf(ctx: Ctx, ownerId: string): MetafieldRec[] {
  return [...ctx.store.metafields.values()].filter((m) => m.ownerId === ownerId);
}
