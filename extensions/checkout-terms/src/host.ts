// Typed access to the `shopify` global the checkout host injects, per target. Reading it through these
// helpers (instead of the ambient global) keeps the three targets' different API shapes apart in one tsc run.
import type { Api as ThankYouApi } from "@shopify/ui-extensions/purchase.thank-you.block.render";
import type { Api as CartLineItemApi } from "@shopify/ui-extensions/purchase.checkout.cart-line-item.render-after";
import type { Api as CartLineListApi } from "@shopify/ui-extensions/purchase.checkout.cart-line-list.render-after";
import { useEffect, useState } from "preact/hooks";

const g = globalThis as unknown as { shopify: unknown };
export const thankYouApi = () => g.shopify as ThankYouApi;
export const cartLineItemApi = () => g.shopify as CartLineItemApi;
export const cartLineListApi = () => g.shopify as CartLineListApi;

interface SignalLike<T> {
  readonly value: T;
  subscribe(fn: (value: T) => void): () => void;
}

/** Re-render when a host signal changes (works with or without @preact/signals). */
export function useSignal<T>(signal: SignalLike<T>): T {
  const [value, setValue] = useState(signal.value);
  useEffect(() => {
    setValue(signal.value);
    return signal.subscribe((v) => setValue(() => v));
  }, [signal]);
  return value;
}
