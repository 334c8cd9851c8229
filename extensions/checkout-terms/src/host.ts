// Typed access to the `shopify` global the checkout host injects, per target. Reading it through these
// helpers (instead of the ambient global) keeps the three targets' different API shapes apart in one tsc run.
import type { Api as ThankYouApi } from "@shopify/ui-extensions/purchase.thank-you.block.render";
import type { Api as CartLineItemApi } from "@shopify/ui-extensions/purchase.checkout.cart-line-item.render-after";
import type { Api as CartLineListApi } from "@shopify/ui-extensions/purchase.checkout.cart-line-list.render-after";

const g = globalThis as unknown as { shopify: unknown };
export const thankYouApi = () => g.shopify as ThankYouApi;
export const cartLineItemApi = () => g.shopify as CartLineItemApi;
export const cartLineListApi = () => g.shopify as CartLineListApi;

/** Re-render when a host signal changes. */
export { useSignal } from "../../shared/use-signal";
