// Local preview host for our UI extensions.
//   tsx preview/serve.ts --extension customer-returns --app http://localhost:3000 --standin http://localhost:4000 [--port 5180] [--fixture file.json] [--locale fr]
// Serves a page that mounts each target of the extension in its own same-origin iframe (like Shopify's
// sandbox: one `shopify` global and one document.body per target), with s-* elements from elements.ts.
import { readFileSync, existsSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import { parseArgs } from "node:util";
import { bundleRuntime, bundleTarget } from "./bundle";
import type { PreviewFixture } from "./runtime";
import { pageExtensions, readExtension, type ExtensionSpec } from "./toml";
import { startFakeApp } from "./fake-app";
import { fileURLToPath } from "node:url";

const HERE = path.dirname(fileURLToPath(import.meta.url));

export interface PreviewOptions {
  extension: string;
  appUrl?: string;
  standinUrl?: string;
  fixture?: PreviewFixture;
  port?: number;
  host?: string;
}

export interface PreviewServer {
  url: string;
  close(): Promise<void>;
}

const esc = (s: string) => s.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!);

export function defaultFixture(extension: string): PreviewFixture {
  const file = path.resolve(HERE, "fixtures", `${extension}.json`);
  return existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as PreviewFixture) : { locale: "en" };
}

function localeMessages(ext: ExtensionSpec, locale: string) {
  const dir = path.join(ext.dir, "locales");
  const read = (f: string) => (existsSync(path.join(dir, f)) ? JSON.parse(readFileSync(path.join(dir, f), "utf8")) : undefined);
  const fallback = read("en.default.json") ?? {};
  const lang = locale.split("-")[0] ?? "en";
  const messages = read(`${locale}.json`) ?? read(`${lang}.json`) ?? (lang === "en" ? fallback : fallback);
  return { messages, fallback };
}

/** Extracts a token from the stand-in's answer whether it is plain text or JSON. */
export function tokenFromBody(body: string): string {
  const trimmed = body.trim();
  if (!trimmed.startsWith("{")) return trimmed;
  const j = JSON.parse(trimmed) as Record<string, unknown>;
  const t = j.token ?? j.sessionToken ?? j.session_token ?? j.idToken ?? j.id_token;
  if (typeof t !== "string") throw new Error("no token field in stand-in response");
  return t;
}

/**
 * The page's fixture with the order and customer named in its query (`?order=<gid>&name=%231038&customer=<gid>`,
 * optional `locale`): how the demo's customer account view opens any order of any demo customer.
 */
export function fixtureFor(base: PreviewFixture, query: URLSearchParams): PreviewFixture {
  const fixture: PreviewFixture = { ...base };
  const order = query.get("order");
  if (order) {
    fixture.order = { id: order, name: query.get("name") ?? "" };
    delete fixture.orders;
  }
  const customer = query.get("customer");
  if (customer) fixture.customerId = customer;
  const locale = query.get("locale");
  if (locale && /^[a-z]{2}(-[A-Z]{2})?$/.test(locale)) fixture.locale = locale;
  // Inside a page that already names the order (the demo's customer account view).
  if (query.get("title") === "0") fixture.hideTitle = true;
  return fixture;
}

/**
 * The host page: the extension's targets laid out as Shopify's page shows them, or, with `page` (one of the
 * app's full-page extensions, `?page=<handle>`, where an `extension:` link led), that page's target alone.
 */
function hostPage(ext: ExtensionSpec, fixture: PreviewFixture, page?: { ext: ExtensionSpec; index: number }): string {
  const { messages, fallback } = localeMessages(page?.ext ?? ext, fixture.locale);
  const frame = (target: string, i: number, extra = "", dir = "ext") =>
    `<iframe title="${esc(target)}" data-target="${esc(target)}" src="/frame?target=${encodeURIComponent(target)}&locale=${encodeURIComponent(fixture.locale)}&module=/${dir}/${i}.js${extra}"></iframe>`;
  const idx = (t: string) => ext.targets.findIndex((x) => x.target === t);
  const has = (t: string) => idx(t) >= 0;
  const lines = (fixture.lines ?? []) as { id: string; quantity: number; merchandise: { title: string }; cost?: { totalAmount?: { amount: number | string; currencyCode: string } } }[];
  let body = "";
  const ORDER_PAGE = "customer-account.order.page.render";
  if (page || has(ORDER_PAGE)) {
    // A full-page extension fills the page's main content (Shopify keeps its header and footer).
    body += page ? frame(ORDER_PAGE, page.index, "", "page") : frame(ORDER_PAGE, idx(ORDER_PAGE));
  } else if (ext.targets.some((t) => t.target.startsWith("purchase."))) {
    const lineRows = lines
      .map((l, i) => {
        const money = l.cost?.totalAmount ? `${l.cost.totalAmount.amount} ${l.cost.totalAmount.currencyCode}` : "";
        const note = has("purchase.checkout.cart-line-item.render-after")
          ? frame("purchase.checkout.cart-line-item.render-after", idx("purchase.checkout.cart-line-item.render-after"), `&line=${i}`)
          : "";
        return `<li class="line"><div class="lr"><span>${esc(l.merchandise.title)} × ${l.quantity}</span><span>${esc(money)}</span></div>${note}</li>`;
      })
      .join("");
    body += `<h1>Checkout</h1><section aria-label="Cart"><ul class="lines">${lineRows}</ul>`;
    if (has("purchase.checkout.cart-line-list.render-after")) body += frame("purchase.checkout.cart-line-list.render-after", idx("purchase.checkout.cart-line-list.render-after"));
    body += `<button id="continue" type="button">Continue to shipping</button><div id="journey" role="status" aria-live="polite"></div></section>`;
    if (has("purchase.thank-you.block.render")) {
      body += `<h1>Thank you page</h1><section aria-label="Order confirmation">${frame("purchase.thank-you.block.render", idx("purchase.thank-you.block.render"))}</section>`;
    }
  } else if (fixture.orders) {
    // Order index: Shopify renders the order action menu item once per listed order.
    const menu = idx("customer-account.order.action.menu-item.render");
    const rows = fixture.orders
      .map((o, i) => `<li class="line"><div class="lr"><span>${esc(o.name)}</span></div>${menu >= 0 ? frame("customer-account.order.action.menu-item.render", menu, `&order=${i}`) : ""}</li>`)
      .join("");
    body += `<h1>Orders</h1><section aria-label="Orders"><ul class="lines">${rows}</ul></section>`;
    if (has("customer-account.order.action.render")) body += `<dialog id="action" aria-label="Order action"><div id="action-slot"></div></dialog>`;
  } else {
    if (!fixture.hideTitle) body += `<h1>Order ${esc(fixture.order?.name ?? "")}</h1>`;
    if (has("customer-account.order.action.menu-item.render")) {
      body += `<section aria-label="Order actions" class="actions">${frame("customer-account.order.action.menu-item.render", idx("customer-account.order.action.menu-item.render"))}</section>`;
    }
    if (has("customer-account.order-status.block.render")) {
      body += `<section aria-label="Order status">${frame("customer-account.order-status.block.render", idx("customer-account.order-status.block.render"))}</section>`;
    }
    if (has("customer-account.order.action.render")) {
      body += `<dialog id="action" aria-label="Order action"><div id="action-slot"></div></dialog>`;
    }
  }
  const actionFrame = has("customer-account.order.action.render")
    ? frame("customer-account.order.action.render", idx("customer-account.order.action.render"), "%ORDER%")
    : "";
  return `<!doctype html><html lang="${esc(fixture.locale)}"><head><meta charset="utf-8"><title>Preview: ${esc(ext.name)}</title>
<style>
body{font:15px/1.45 system-ui,sans-serif;background:#f1f1f1;margin:0;padding:20px;color:#1a1a1a}
main{max-width:640px;margin:0 auto}
h1{font-size:20px;margin:18px 0 10px}
section{background:#fff;border-radius:12px;padding:14px;margin-bottom:12px}
ul.lines{list-style:none;margin:0;padding:0}
li.line{border-bottom:1px solid #eee;padding:8px 0}
.lr{display:flex;justify-content:space-between;font-weight:550}
iframe{border:0;width:100%;height:0;display:block}
#continue{margin-top:12px;font:inherit;font-weight:600;padding:10px 18px;border-radius:8px;border:0;background:#1773b0;color:#fff}
#journey{margin-top:8px}
#journey.blocked{color:#b3261e}
#journey.allowed{color:#1a7f37}
dialog{width:min(600px,90vw);border:0;border-radius:14px;padding:16px}
#toast{position:fixed;bottom:16px;left:50%;transform:translateX(-50%);background:#303030;color:#fff;padding:8px 14px;border-radius:8px}
#toast:empty{display:none}
${fixture.hideTitle ? "body{background:transparent;padding:0}main{max-width:none}" : ""}
</style></head><body><main>${body}</main><div id="toast" role="status"></div>
<script>
const fixture = ${JSON.stringify(fixture).replace(/</g, "\\u003c")};
const interceptors = new Set();
window.__previewHost = {
  fixture,
  messages: ${JSON.stringify(messages).replace(/</g, "\\u003c")},
  fallback: ${JSON.stringify(fallback).replace(/</g, "\\u003c")},
  registerInterceptor(fn) { interceptors.add(fn); return () => interceptors.delete(fn); },
  openAction(order) {
    const d = document.getElementById("action"); if (!d) return;
    document.getElementById("action-slot").innerHTML = ${JSON.stringify(actionFrame)}.replace("%ORDER%", order === undefined ? "" : "&order=" + order);
    d.showModal();
  },
  closeAction() {
    const d = document.getElementById("action"); if (!d) return;
    d.close(); document.getElementById("action-slot").innerHTML = "";
  },
  loginPrompts: 0,
  // An extension's link: to a full-page extension of the app (extension:<handle>/customer-account.order.page.render/<order>/)
  // or back to an order (shopify:customer-account/orders/<order>). Inside the demo's customer account view the
  // view navigates; alone, this host opens the page itself.
  navigate(href) {
    const page = /^extension:([a-z0-9-]+)\\/customer-account\\.order\\.page\\.render\\/(\\d+)\\/?/.exec(href);
    const order = page ? null : /^shopify:customer-account\\/orders\\/(\\d+)$/.exec(href);
    if (!page && !order) { this.toast("Opens " + href); return; }
    const num = page ? page[2] : order[1];
    if (window.parent !== window) {
      window.parent.postMessage({ source: "preview-host", navigate: { page: page ? page[1] : null, order: num } }, "*");
      return;
    }
    const known = [...(fixture.orders || []), ...(fixture.order ? [fixture.order] : [])].find((o) => o.id.split("/").pop() === num);
    const q = new URLSearchParams({ order: known ? known.id : "gid://shopify/Order/" + num, name: known ? known.name : "", locale: fixture.locale });
    if (fixture.customerId) q.set("customer", fixture.customerId);
    if (page) q.set("page", page[1]);
    location.assign("/?" + q);
  },
  toast(m) { const t = document.getElementById("toast"); t.textContent = m; setTimeout(() => { t.textContent = ""; }, 3000); },
  resize(win, h) { for (const f of document.querySelectorAll("iframe")) if (f.contentWindow === win) f.style.height = h + "px"; },
};
// Inside another page (the demo's customer account view): tell it how tall the content is.
if (window.parent !== window) {
  const report = () => window.parent.postMessage({ source: "preview-host", height: document.documentElement.scrollHeight }, "*");
  new ResizeObserver(report).observe(document.body);
}
const cont = document.getElementById("continue");
if (cont) cont.addEventListener("click", async () => {
  const out = document.getElementById("journey");
  const requests = [];
  for (const fn of interceptors) requests.push(await fn({ canBlockProgress: true }));
  const blocked = requests.filter((r) => r && r.behavior === "block");
  const result = { behavior: blocked.length ? "block" : "allow" };
  for (const r of requests) if (r && r.perform) await r.perform(result);
  out.className = blocked.length ? "blocked" : "allowed";
  out.textContent = blocked.length
    ? "Checkout blocked: " + blocked.flatMap((b) => (b.errors || []).map((e) => e.message)).join(" ") 
    : "Continuing to shipping";
});
</script></body></html>`;
}

// The extension's frame: in a customer account the extension renders inside Shopify's own document (its
// language and title); here the frame says both, so accessibility checks judge the extension, not the stand-in.
const framePage = (locale: string, target: string) =>
  `<!doctype html><html lang="${esc(locale)}"><head><meta charset="utf-8"><title>${esc(target)}</title></head><body><script type="module" src="/runtime.js"></script></body></html>`;

export async function startPreview(opts: PreviewOptions): Promise<PreviewServer> {
  const ext = readExtension(opts.extension);
  const fixture = opts.fixture ?? defaultFixture(opts.extension);
  const runtime = await bundleRuntime();
  const modules = await Promise.all(ext.targets.map((t) => bundleTarget(t.module, { appUrl: opts.appUrl, minify: false })));
  // The app's full-page extensions, where this one's `extension:` links lead (one target each).
  const pages = pageExtensions().filter((p) => p.name !== ext.name);
  const pageModules = await Promise.all(pages.map((p) => bundleTarget(p.targets[0]!.module, { appUrl: opts.appUrl, minify: false })));

  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://x");
    const send = (status: number, type: string, body: string) => {
      res.writeHead(status, { "Content-Type": type, "Cache-Control": "no-store" });
      res.end(body);
    };
    try {
      if (url.pathname === "/") {
        const index = pages.findIndex((p) => p.handle === url.searchParams.get("page"));
        const page = index >= 0 ? { ext: pages[index]!, index } : undefined;
        return send(200, "text/html; charset=utf-8", hostPage(ext, fixtureFor(fixture, url.searchParams), page));
      }
      if (url.pathname === "/frame") {
        const asked = url.searchParams.get("locale");
        const locale = asked && /^[a-z]{2}(-[A-Z]{2})?$/.test(asked) ? asked : fixture.locale;
        return send(200, "text/html; charset=utf-8", framePage(locale, url.searchParams.get("target") ?? ext.name));
      }
      if (url.pathname === "/runtime.js") return send(200, "text/javascript", runtime);
      const m = /^\/(ext|page)\/(\d+)\.js$/.exec(url.pathname);
      if (m) {
        const code = (m[1] === "page" ? pageModules : modules)[Number(m[2])];
        return code === undefined ? send(404, "text/plain", "no such target") : send(200, "text/javascript", code);
      }
      if (url.pathname === "/session-token") {
        if (!opts.standinUrl) return send(503, "text/plain", "preview started without --standin: no session tokens");
        const customerId = url.searchParams.get("customerId") ?? fixture.customerId ?? "";
        const upstream = `${opts.standinUrl.replace(/\/+$/, "")}/_standin/session-token?kind=customer&customerId=${encodeURIComponent(customerId)}`;
        const r = await fetch(upstream);
        const text = await r.text();
        if (!r.ok) return send(502, "text/plain", `stand-in answered ${r.status}: ${text}`);
        return send(200, "text/plain", tokenFromBody(text));
      }
      send(404, "text/plain", "not found");
    } catch (e) {
      send(500, "text/plain", e instanceof Error ? e.message : String(e));
    }
  });
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, opts.host ?? "127.0.0.1", resolve));
  const addr = server.address();
  const port = typeof addr === "object" && addr ? addr.port : opts.port;
  return {
    url: `http://${opts.host ?? "127.0.0.1"}:${port}/`,
    close: () => new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
}

async function cli() {
  const { values } = parseArgs({
    options: {
      extension: { type: "string" },
      app: { type: "string" },
      standin: { type: "string" },
      port: { type: "string", default: "5180" },
      fixture: { type: "string" },
      locale: { type: "string" },
    },
  });
  if (!values.extension) {
    console.error("usage: tsx preview/serve.ts --extension <name> [--app <appUrl>] [--standin <url>] [--port N] [--fixture f.json] [--locale fr]");
    process.exit(2);
  }
  const fixture = values.fixture ? (JSON.parse(readFileSync(values.fixture, "utf8")) as PreviewFixture) : defaultFixture(values.extension);
  if (values.locale) fixture.locale = values.locale;
  let appUrl = values.app;
  let standinUrl = values.standin;
  if (values.extension.startsWith("customer-returns") && !appUrl && !standinUrl) {
    // No app given: the in-memory fake of the API contract answers, session tokens included.
    const fake = await startFakeApp();
    appUrl = fake.url;
    standinUrl = fake.url;
    if (!values.fixture) fixture.order = { id: fake.overview.order.id, name: fake.overview.order.name };
    console.log(`no --app: the extension talks to an in-memory fake of the app's API (${fake.url})`);
  } else if (values.extension.startsWith("customer-returns") && (!appUrl || !standinUrl)) {
    console.error(
      "customer-returns needs both --app <appUrl> and --standin <standinUrl> (session tokens come from the stand-in), or neither (a fake app).\n" +
        "To try it against the real app, run `npm run demo` and open the customer account view it prints.",
    );
    process.exit(2);
  }
  const srv = await startPreview({
    extension: values.extension,
    appUrl,
    standinUrl,
    fixture,
    port: Number(values.port),
  });
  console.log(`preview of ${values.extension} at ${srv.url}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  cli().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
