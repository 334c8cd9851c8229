// Typed access to the customer account host's `shopify` global for our targets (this extension's and the
// request page's, extensions/customer-returns-page), the app URL baked in at build time, and a hook that
// re-renders on host signal changes. The request page's address is in ./links.
import type { Api as BlockApi } from "@shopify/ui-extensions/customer-account.order-status.block.render";
import type { Api as MenuItemApi } from "@shopify/ui-extensions/customer-account.order.action.menu-item.render";
import type { Api as PageApi } from "@shopify/ui-extensions/customer-account.order.page.render";
import { createReturnsApi } from "./api";
import { APP_URL } from "./app-url";

/** The app origin the extension calls: generated at build time (./app-url.d.ts says how). */
export { APP_URL };

const g = globalThis as unknown as { shopify: unknown };
export const blockApi = () => g.shopify as BlockApi;
export const menuItemApi = () => g.shopify as MenuItemApi;
export const pageApi = () => g.shopify as PageApi;

/** What every target's API offers and the UI needs (structural, so every target API fits). */
interface Common {
  i18n: { translate: (key: string, options?: Record<string, string | number>) => string };
  localization: { extensionLanguage: { value: { isoCode: string } } };
  sessionToken: { get(): Promise<string> };
}

export function hostTools(api: Common) {
  const locale = api.localization.extensionLanguage.value.isoCode;
  return {
    t: (key: string, params?: Record<string, string | number>) => api.i18n.translate(key, params),
    locale,
    client: createReturnsApi({ appUrl: APP_URL, getToken: () => api.sessionToken.get(), locale }),
  };
}

export { useSignal } from "../../shared/use-signal";

export function uuid(): string {
  const c = globalThis.crypto;
  if (typeof c?.randomUUID === "function") return c.randomUUID();
  const b = c.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
