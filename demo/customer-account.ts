// The demo's customer account view: what a shopper sees in Shopify's customer accounts, for the demo shop.
// Pick a demo customer ("sign in"), see their orders, open one: the order page mounts the customer-returns
// extension through the preview host (preview/serve.ts); its "Request return" links lead to the order's return
// request page, the full-page extension customer-returns-page, mounted the same way at
// /customer/<id>/orders/<id>/pages/<handle>. The host's `shopify.sessionToken.get()` fetches a real
// customer account session token from the stand-in, signed with the app's secret, for that customer. The
// extension then calls the app's shopper API exactly as it does in Shopify, and the app verifies the token as
// it verifies Shopify's (at the demo's protected customer data level 1, the token carries `sub`).
import type { Store } from "../standin";
import { formatMoney } from "../app/returns/money";

export interface CustomerAccountView {
  /** The page for a path under /customer, or null when there is none. */
  page(pathname: string): string | null;
}

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
const num = (gid: string) => gid.split("/").pop() ?? "";

/** The shopper sees the currency they paid in (the order's presentment currency), in its own minor units. */
function money(minor: number, currency: string): string {
  return formatMoney(minor, currency, "en");
}

function date(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat("en-NZ", { day: "numeric", month: "short", year: "numeric", timeZone }).format(new Date(iso));
}

type Order = Store["orders"] extends Map<string, infer O> ? O : never;

function orderStatus(o: Order): string {
  if (o.cancelledAt) return "Cancelled";
  const f = o.fulfillments[0];
  if (!f) return "Confirmed";
  if (f.deliveredAt) return "Delivered";
  return "On its way";
}

type Line = Order["lineItems"][number];

/**
 * The lines Shopify added to the order when it processed a replacement or an exchange (the stand-in makes each
 * processed exchange item a line item of the original order, as Shopify does: decision 170), and which: a
 * replacement's item carries a 100% discount.
 */
function addedLines(store: Store, o: Order): Map<string, "Replacement" | "Exchange item"> {
  const added = new Map<string, "Replacement" | "Exchange item">();
  for (const id of o.returnIds) {
    for (const x of store.returns.get(id)?.exchangeLines ?? []) {
      const free = x.unitPrice * x.quantity > 0 && x.discount >= x.unitPrice * x.quantity;
      for (const li of x.lineItemIds) added.set(li, free ? "Replacement" : "Exchange item");
    }
  }
  return added;
}

/** The line as the shopper knows it: the product and, when it has options, the size or option ("Large"). */
function lineTitle(store: Store, l: Line): string {
  const variant = l.variantId ? store.variants.get(l.variantId)?.title : undefined;
  return variant && variant !== "Default Title" ? `${l.title} · ${variant}` : l.title;
}

/**
 * What the shopper paid for the lines they bought, in presentment money (shipping at the order's own rate).
 * A replacement's or exchange's item is not part of it: the returned items paid for it.
 */
function orderTotal(lines: readonly Line[], shipping: number): number {
  const shop = lines.reduce((a, l) => a + l.unitPrice * l.quantity, 0);
  const presentment = lines.reduce((a, l) => a + l.unitPricePresentment * l.quantity, 0);
  const ship = shop > 0 ? Math.round((shipping * presentment) / shop) : shipping;
  return lines.reduce((a, l) => a + l.unitPricePresentment * l.quantity - l.discountPresentment, 0) + ship;
}

function layout(opts: { title: string; shopName: string; signedIn?: string; body: string }): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${esc(opts.title)} · ${esc(opts.shopName)} · customer account (local)</title>
<style>
  body{margin:0;font:15px/1.45 -apple-system,BlinkMacSystemFont,"Segoe UI",Roboto,sans-serif;background:#f5f5f5;color:#1a1a1a}
  header{background:#fff;border-bottom:1px solid #e3e3e3}
  header .bar{max-width:920px;margin:0 auto;display:flex;align-items:center;gap:20px;padding:14px 20px}
  header .shop{font-weight:700;font-size:18px}
  header nav{display:flex;gap:16px} header a{color:#1a1a1a;text-decoration:none} header a:hover{text-decoration:underline}
  header .who{margin-left:auto;color:#616161;font-size:14px}
  .badge{font-size:12px;background:#ffd79d;color:#4f2f00;padding:2px 8px;border-radius:8px}
  main{max-width:920px;margin:0 auto;padding:24px 20px}
  h1{font-size:24px;margin:0 0 16px}
  .card{background:#fff;border-radius:12px;padding:16px 20px;margin-bottom:12px;box-shadow:0 1px 0 rgba(0,0,0,.05)}
  .grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(260px,1fr));gap:12px}
  a.card{display:block;color:inherit;text-decoration:none} a.card:hover{outline:2px solid #1773b0}
  .muted{color:#616161;font-size:14px}
  .row{display:flex;justify-content:space-between;align-items:center;gap:12px}
  .status{font-size:13px;background:#e3f1df;color:#0c5132;padding:2px 8px;border-radius:8px;white-space:nowrap}
  .tag{font-size:12px;background:#e0f0ff;color:#00527c;padding:1px 6px;border-radius:6px;margin-left:4px}
  .status.transit{background:#e0f0ff;color:#00527c} .status.other{background:#ebebeb;color:#303030}
  ul.lines{list-style:none;margin:8px 0 0;padding:0} ul.lines li{display:flex;justify-content:space-between;padding:6px 0;border-top:1px solid #f0f0f0}
  .back{display:inline-block;margin-bottom:12px;color:#1773b0;text-decoration:none}
  iframe.extension{display:block;width:100%;height:640px;border:0;background:transparent}
  .note{font-size:13px;color:#616161;margin:16px 0 0}
</style></head>
<body>
<header><div class="bar"><span class="shop">${esc(opts.shopName)}</span><span class="badge">customer account · local stand-in</span>
  <nav aria-label="Account">${opts.signedIn ? `<a href="${esc(opts.signedIn)}">Orders</a>` : ""}<a href="/customer">${opts.signedIn ? "Sign out" : "Sign in"}</a><a href="/">Shopify admin</a></nav>
  </div></header>
<main>${opts.body}</main>
</body></html>`;
}

export function customerAccountView(opts: { store: Store; previewUrl: string }): CustomerAccountView {
  const { store } = opts;
  const shopName = store.shop.name;
  const tz = store.shop.ianaTimezone;
  /** The lines the shopper bought (the total is theirs), then the items replacements and exchanges added, marked as such. */
  const linesOf = (o: Order) => {
    const added = addedLines(store, o);
    const bought = o.lineItems.filter((l) => !added.has(l.id));
    return { bought, added: o.lineItems.filter((l) => added.has(l.id)).map((l) => ({ l, kind: added.get(l.id)! })), total: orderTotal(bought, o.shipping) };
  };
  const customerOrders = (customerId: string) =>
    [...store.orders.values()].filter((o) => o.customerId === customerId).sort((a, b) => b.number - a.number);

  function signIn(): string {
    const cards = [...store.customers.values()]
      .sort((a, b) => Number(num(a.id)) - Number(num(b.id)))
      .map((c) => {
        const n = customerOrders(c.id).length;
        return `<a class="card" href="/customer/${num(c.id)}"><strong>${esc(`${c.firstName} ${c.lastName}`)}</strong>
          <div class="muted">${esc(c.email ?? "")}</div><div class="muted">${n} ${n === 1 ? "order" : "orders"}</div></a>`;
      })
      .join("");
    return layout({
      title: "Sign in",
      shopName,
      body: `<h1>Sign in as a demo customer</h1>
        <p class="muted">Shopify signs shoppers in with a one-time code. Here, pick a customer of the demo shop: their order
        pages get real customer account session tokens from the Shopify stand-in, signed with the app's secret.</p>
        <div class="grid">${cards}</div>`,
    });
  }

  function orders(customerId: string): string | null {
    const customer = store.customers.get(customerId);
    if (!customer) return null;
    const list = customerOrders(customerId)
      .map((o) => {
        const status = orderStatus(o);
        const { bought, total } = linesOf(o);
        const cls = status === "Delivered" ? "" : status === "On its way" ? " transit" : " other";
        return `<a class="card" href="/customer/${num(customerId)}/orders/${num(o.id)}">
          <div class="row"><strong>Order ${esc(o.name)}</strong><span class="status${cls}">${esc(status)}</span></div>
          <div class="muted">${esc(date(o.createdAt, tz))} · ${esc(money(total, o.presentmentCurrencyCode))}</div>
          <div class="muted">${esc(bought.map((l) => `${lineTitle(store, l)} × ${l.quantity}`).join(", "))}</div></a>`;
      })
      .join("");
    return layout({
      title: "Orders",
      shopName,
      signedIn: `/customer/${num(customerId)}`,
      body: `<h1>Orders</h1><p class="muted">Signed in as ${esc(`${customer.firstName} ${customer.lastName}`)} (${esc(customer.email ?? "")})</p>
        <div class="grid">${list || `<p>No orders yet.</p>`}</div>`,
    });
  }

  function order(customerId: string, orderId: string): string | null {
    const customer = store.customers.get(customerId);
    const o = store.orders.get(orderId);
    if (!customer || !o || o.customerId !== customerId) return null;
    const src = new URL(opts.previewUrl);
    src.searchParams.set("order", o.id);
    src.searchParams.set("name", o.name);
    src.searchParams.set("customer", customerId);
    src.searchParams.set("title", "0");
    const { bought, added, total } = linesOf(o);
    const amount = (l: Line) => money(l.unitPricePresentment * l.quantity - l.discountPresentment, o.presentmentCurrencyCode);
    const lines =
      bought.map((l) => `<li><span>${esc(lineTitle(store, l))} × ${l.quantity}</span><span>${esc(amount(l))}</span></li>`).join("") +
      added
        .map(
          ({ l, kind }) =>
            `<li><span>${esc(lineTitle(store, l))} × ${l.quantity} <span class="tag">${kind}</span></span><span class="muted">${kind === "Replacement" ? "Free" : `${esc(amount(l))}, paid by your return`}</span></li>`,
        )
        .join("");
    return layout({
      title: `Order ${o.name}`,
      shopName,
      signedIn: `/customer/${num(customerId)}`,
      body: `<a class="back" href="/customer/${num(customerId)}">← Orders</a>
        <div class="card"><div class="row"><h1>Order ${esc(o.name)}</h1><span class="status${orderStatus(o) === "Delivered" ? "" : " other"}">${esc(orderStatus(o))}</span></div>
          <div class="muted">Placed ${esc(date(o.createdAt, tz))}</div><ul class="lines">${lines}</ul>
          <ul class="lines"><li><strong>Total</strong><strong>${esc(money(total, o.presentmentCurrencyCode))}</strong></li></ul></div>
        <iframe class="extension" title="Returns app on order ${esc(o.name)}" src="${esc(src.href)}"></iframe>
        <p class="note">The "Request return" action and the Returns block are the app's customer-returns extension, mounted as
        Shopify's customer accounts mount it; both lead to the order's return request page.</p>
        ${frameScript(customerId)}`,
    });
  }

  /** The order's full-page extension (`handle`), where an extension's `extension:` link leads. */
  function orderPage(customerId: string, orderId: string, handle: string): string | null {
    const customer = store.customers.get(customerId);
    const o = store.orders.get(orderId);
    if (!customer || !o || o.customerId !== customerId) return null;
    const src = new URL(opts.previewUrl);
    src.searchParams.set("page", handle);
    src.searchParams.set("order", o.id);
    src.searchParams.set("name", o.name);
    src.searchParams.set("customer", customerId);
    src.searchParams.set("title", "0");
    return layout({
      title: `Order ${o.name}`,
      shopName,
      signedIn: `/customer/${num(customerId)}`,
      body: `<a class="back" href="/customer/${num(customerId)}/orders/${num(o.id)}">← Order ${esc(o.name)}</a>
        <iframe class="extension" title="Returns app page for order ${esc(o.name)}" src="${esc(src.href)}"></iframe>
        <p class="note">This page is the app's customer-returns-page extension, a full-page extension tied to the order,
        mounted as Shopify's customer accounts mount it.</p>
        ${frameScript(customerId)}`,
    });
  }

  /**
   * The extension frame reports its height, and the links it follows (Shopify's extension: and
   * shopify:customer-account protocols): this view navigates, as customer accounts do.
   */
  function frameScript(customerId: string): string {
    return `<script>
          const frame = document.querySelector("iframe.extension");
          const origin = ${JSON.stringify(new URL(opts.previewUrl).origin)};
          window.addEventListener("message", (e) => {
            if (e.origin !== origin || !e.data || e.data.source !== "preview-host") return;
            const to = e.data.navigate;
            if (to) {
              if (!/^\\d+$/.test(String(to.order)) || (to.page && !/^[a-z0-9-]+$/.test(String(to.page)))) return;
              location.href = "/customer/${num(customerId)}/orders/" + to.order + (to.page ? "/pages/" + to.page : "");
              return;
            }
            frame.style.height = Math.max(640, Number(e.data.height) || 0) + "px";
          });
        </script>`;
  }

  return {
    page(pathname) {
      if (pathname === "/customer" || pathname === "/customer/") return signIn();
      let m = /^\/customer\/(\d+)\/?$/.exec(pathname);
      if (m) return orders(`gid://shopify/Customer/${m[1]}`);
      m = /^\/customer\/(\d+)\/orders\/(\d+)\/?$/.exec(pathname);
      if (m) return order(`gid://shopify/Customer/${m[1]}`, `gid://shopify/Order/${m[2]}`);
      m = /^\/customer\/(\d+)\/orders\/(\d+)\/pages\/([a-z0-9-]+)\/?$/.exec(pathname);
      if (m) return orderPage(`gid://shopify/Customer/${m[1]}`, `gid://shopify/Order/${m[2]}`, m[3]!);
      return null;
    },
  };
}
