// Runs inside each extension frame of the preview page: defines the s-* elements, builds the `shopify`
// global for this frame's target from the host page's fixture, then imports the extension module and
// calls its default export, exactly as Shopify's sandbox does (`export default async () => render(...)`).
import { defineElements } from "./elements";
import { createTranslate, type Messages } from "./i18n";

export interface PreviewFixture {
  locale: string;
  currency?: string;
  /** Customer account: order shown and customer whose session token is used. */
  order?: { id: string; name: string };
  /** Customer account order index: the listed orders (one order action menu item each). */
  orders?: { id: string; name: string }[];
  customerId?: string;
  /** Customer account order status page: "pre_authenticated" = opened from an email link, not signed in. */
  authenticationState?: "fully_authenticated" | "pre_authenticated";
  /** Checkout: cart lines (CartLine shape: id, quantity, merchandise{title, product{id}}, cost). */
  lines?: unknown[];
  appMetafields?: unknown[];
  settings?: Record<string, unknown>;
  /** Leave out the page's "Order #…" heading (the page is embedded in one that shows it). */
  hideTitle?: boolean;
}

export interface HostBridge {
  fixture: PreviewFixture;
  messages: Messages;
  fallback: Messages;
  registerInterceptor(fn: (p: { canBlockProgress: boolean }) => unknown): () => void;
  /** Opens the order action modal, for the order index's `order`-th order when given. */
  openAction(order?: string): void;
  closeAction(): void;
  toast(message: string): void;
  resize(frame: Window, height: number): void;
  /** How many times an extension asked the buyer to sign in (requireLogin). */
  loginPrompts: number;
  /** Follows an `extension:` or `shopify:customer-account` link (Shopify's custom protocols). */
  navigate(href: string): void;
}

function signal<T>(initial: T) {
  let value = initial;
  const subs = new Set<(v: T) => void>();
  return {
    get value() {
      return value;
    },
    get current() {
      return value;
    },
    subscribe(fn: (v: T) => void) {
      subs.add(fn);
      return () => subs.delete(fn);
    },
    set(v: T) {
      value = v;
      subs.forEach((f) => f(v));
    },
    destroy: async () => subs.clear(),
  };
}

async function main() {
  defineElements();
  const params = new URLSearchParams(location.search);
  const target = params.get("target") ?? "";
  const moduleUrl = params.get("module") ?? "";
  const lineIndex = Number(params.get("line") ?? "0");
  const orderIndex = params.get("order");
  // The host page defines its bridge in a script after the frames: a frame can start first.
  const parent = window.parent as unknown as { __previewHost?: HostBridge };
  for (let waited = 0; !parent.__previewHost && waited < 10_000; waited += 10) await new Promise((r) => setTimeout(r, 10));
  const host = parent.__previewHost;
  if (!host) throw new Error("the preview host page defined no __previewHost");
  const { fixture } = host;
  const order = orderIndex !== null ? fixture.orders?.[Number(orderIndex)] : fixture.order;
  const locale = fixture.locale;
  const translate = createTranslate(host.messages, host.fallback, locale);
  const lines = (fixture.lines ?? []) as { id: string }[];
  const storage = new Map<string, unknown>();
  const authenticationState = signal(fixture.authenticationState ?? "fully_authenticated");

  const shopify = {
    extension: { target, apiVersion: "2026-07", capabilities: signal(["block_progress", "network_access"]), rendered: signal(true) },
    extensionPoint: target,
    i18n: {
      translate: (key: string, opts?: Record<string, unknown>) => translate(key, opts),
      formatNumber: (n: number | bigint) => new Intl.NumberFormat(locale).format(n),
      formatCurrency: (n: number | bigint, o?: { currencyCode?: string }) =>
        new Intl.NumberFormat(locale, { style: "currency", currency: o?.currencyCode ?? fixture.currency ?? "USD" }).format(n),
      formatDate: (d: Date, o?: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(locale, o).format(d),
    },
    localization: {
      language: signal({ isoCode: locale }),
      extensionLanguage: signal({ isoCode: locale }),
      currency: signal({ isoCode: fixture.currency ?? "USD" }),
      country: signal(undefined),
    },
    sessionToken: {
      async get() {
        const res = await fetch(`/session-token?customerId=${encodeURIComponent(fixture.customerId ?? "")}`);
        if (!res.ok) throw new Error(`session token: ${res.status} ${await res.text()}`);
        return (await res.text()).trim();
      },
    },
    settings: signal(fixture.settings ?? {}),
    appMetafields: signal(fixture.appMetafields ?? []),
    lines: signal(lines),
    target: signal(lines[lineIndex]),
    order: signal(order),
    authenticationState,
    // Shopify shows its sign-in page; the preview counts the prompt and signs the buyer in at once.
    requireLogin: async () => {
      host.loginPrompts += 1;
      authenticationState.set("fully_authenticated");
    },
    orderId: order?.id ?? "",
    buyerJourney: {
      intercept: async (fn: (p: { canBlockProgress: boolean }) => unknown) => host.registerInterceptor(fn),
      completed: signal(false),
      steps: signal([]),
      activeStep: signal(undefined),
    },
    storage: {
      read: async (k: string) => storage.get(k),
      write: async (k: string, v: unknown) => void storage.set(k, v),
      delete: async (k: string) => void storage.delete(k),
    },
    toast: { show: (m: string) => host.toast(m) },
    close: () => host.closeAction(),
    navigation: { navigate: (url: string) => host.navigate(url) },
  };
  (window as unknown as { shopify: typeof shopify }).shopify = shopify;

  // Links with Shopify's custom protocols (extension:…, shopify:customer-account/…) are the host's to follow.
  // https://shopify.dev/docs/api/customer-account-ui-extensions/latest#custom-protocols
  document.addEventListener("click", (e) => {
    const a = e.composedPath().find((n): n is HTMLAnchorElement => n instanceof HTMLAnchorElement);
    const href = a?.getAttribute("href") ?? "";
    if (/^(extension|shopify):/.test(href)) {
      e.preventDefault();
      host.navigate(href);
    }
  });
  if (target === "customer-account.order.action.menu-item.render") {
    // Shopify opens the paired customer-account.order.action.render target when a menu item without href is pressed.
    document.addEventListener("click", (e) => {
      const button = (e.target as Element | null)?.closest("s-button");
      if (button && !button.hasAttribute("href")) host.openAction(orderIndex ?? undefined);
    });
  }
  new ResizeObserver(() => host.resize(window, document.body.scrollHeight)).observe(document.body);

  const mod = (await import(/* @vite-ignore */ moduleUrl)) as { default: () => Promise<void> | void };
  await mod.default();
  document.body.setAttribute("data-preview-ready", "true");
}

main().catch((e) => {
  document.body.setAttribute("data-preview-error", String(e));
  document.body.textContent = `Preview error: ${e instanceof Error ? e.message : String(e)}`;
  console.error(e);
});
