// The local "Shopify" front door for the demo. It serves the admin frame, a page that embeds the app in an
// iframe the way the admin does (embedded=1, shop, host, id_token in the URL) and answers the App Bridge
// shim's requests for session tokens; every other request (Admin GraphQL, token exchange, uploads) is passed
// to the Shopify stand-in. So, as with real Shopify, the admin and the API share one origin, which the app
// is configured with (SHOPIFY_ADMIN_ORIGIN) and allows as a frame ancestor. Tokens come from the stand-in,
// signed with the app's secret; nothing here bypasses a check.
import { createServer, request as httpRequest, type Server } from "node:http";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";
import type { CustomerAccountView } from "./customer-account";

const here = dirname(fileURLToPath(import.meta.url));

export interface AdminHostOptions {
  port: number;
  appUrl: string;
  shop: string;
  /** The stand-in's origin, where everything but the admin frame goes. */
  standinUrl: string;
  mintAdminSessionToken: () => string;
  /** The shopper's side: /customer (demo/customer-account.ts). */
  customerAccount?: CustomerAccountView;
}

export interface AdminHost {
  url: string;
  close(): Promise<void>;
}

function page(opts: AdminHostOptions, path: string): string {
  const host = Buffer.from(`admin.shopify.com/store/${opts.shop.replace(".myshopify.com", "")}`).toString("base64url");
  const src = new URL(path, opts.appUrl);
  src.searchParams.set("embedded", "1");
  src.searchParams.set("shop", opts.shop);
  src.searchParams.set("host", host);
  src.searchParams.set("locale", "en");
  src.searchParams.set("id_token", opts.mintAdminSessionToken());
  const appOrigin = new URL(opts.appUrl).origin;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Returns · ${opts.shop} · Shopify admin (local)</title>
<style>
  body{margin:0;font:14px/1.4 -apple-system,BlinkMacSystemFont,"San Francisco","Segoe UI",Roboto,sans-serif;background:#f1f1f1;color:#303030}
  header{height:56px;background:#1a1a1a;color:#e3e3e3;display:flex;align-items:center;gap:16px;padding:0 16px}
  header strong{color:#fff} header .shop{margin-left:auto;opacity:.8}
  .wrap{display:flex;height:calc(100vh - 56px)}
  nav{width:240px;padding:12px 8px;box-sizing:border-box;background:#ebebeb}
  nav a{display:block;padding:6px 10px;border-radius:8px;color:#303030;text-decoration:none}
  nav a.app{font-weight:600;background:#fafafa}
  nav .sub a{padding-left:24px}
  main{flex:1;display:flex;flex-direction:column}
  .titlebar{height:48px;display:flex;align-items:center;padding:0 20px;font-weight:600;font-size:16px}
  iframe{flex:1;border:0;width:100%;background:#f1f1f1}
  #toast{position:fixed;bottom:24px;left:50%;transform:translateX(-50%);background:#303030;color:#fff;padding:10px 16px;border-radius:10px;display:none}
  #toast.error{background:#8e1f0b}
  nav hr{border:0;border-top:1px solid #d4d4d4;margin:12px 8px}
  nav .hint{margin:2px 10px;font-size:12px;color:#616161}
  .badge{font-size:12px;background:#ffd79d;color:#4f2f00;padding:2px 8px;border-radius:8px}
</style></head>
<body>
<header><strong>Shopify admin</strong><span class="badge">local stand-in</span><span class="shop">${opts.shop}</span></header>
<div class="wrap">
  <nav aria-label="Admin navigation"><a href="#">Home</a><a href="#">Orders</a><a href="#">Products</a><a href="#">Customers</a>
    <a class="app" href="/">Returns</a><div class="sub" id="appnav"></div>
    ${opts.customerAccount ? `<hr><a href="/customer">Customer account view</a><p class="hint">What shoppers see: sign in as a demo customer and request a return.</p>` : ""}</nav>
  <main><div class="titlebar" id="title">Returns</div>
    <iframe id="app" title="Returns app" src="${src.href.replace(/"/g, "&quot;")}"></iframe></main>
</div>
<div id="toast" role="status" aria-live="polite"></div>
<script>
  const appOrigin = ${JSON.stringify(appOrigin)};
  const frame = document.getElementById("app");
  window.addEventListener("message", async (event) => {
    if (event.origin !== appOrigin || !event.data || event.data.source !== "app-bridge-shim") return;
    const { type, payload } = event.data;
    const reply = (msg) => frame.contentWindow.postMessage({ source: "admin-frame", ...msg }, appOrigin);
    if (type === "idToken") {
      try {
        const res = await fetch("/session-token", { cache: "no-store" });
        const body = await res.json();
        reply({ type: "idToken", id: payload.id, token: body.token });
      } catch (e) { reply({ type: "idToken", id: payload.id, error: String(e) }); }
    } else if (type === "toast") {
      const t = document.getElementById("toast");
      t.textContent = payload.message; t.className = payload.isError ? "error" : ""; t.style.display = "block";
      clearTimeout(window.__toast); window.__toast = setTimeout(() => { t.style.display = "none"; }, 4000);
    } else if (type === "chrome") {
      document.getElementById("title").textContent = payload.title || "Returns";
      const nav = document.getElementById("appnav"); nav.replaceChildren();
      for (const item of payload.nav || []) {
        if (item.rel === "home") continue;
        const a = document.createElement("a"); a.href = "#"; a.textContent = item.label;
        a.addEventListener("click", (e) => { e.preventDefault(); reply({ type: "navigate", href: item.href }); });
        nav.append(a);
      }
    }
  });
</script>
</body></html>`;
}

export function startAdminHost(opts: AdminHostOptions): Promise<AdminHost> {
  const shim = readFileSync(join(here, "app-bridge-shim.js"), "utf8");
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    if (url.pathname === "/app-bridge.js") {
      res.writeHead(200, { "content-type": "text/javascript; charset=utf-8", "cache-control": "no-store" });
      res.end(shim);
    } else if (url.pathname === "/session-token") {
      res.writeHead(200, { "content-type": "application/json", "cache-control": "no-store" });
      res.end(JSON.stringify({ token: opts.mintAdminSessionToken() }));
    } else if (req.method === "GET" && opts.customerAccount && (url.pathname === "/customer" || url.pathname.startsWith("/customer/"))) {
      const html = opts.customerAccount.page(url.pathname);
      res.writeHead(html ? 200 : 404, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" });
      res.end(html ?? `<!doctype html><meta charset="utf-8"><title>Not found</title><p>No such customer or order. <a href="/customer">Sign in as a demo customer</a></p>`);
    } else if (req.method === "GET" && (url.pathname === "/" || url.pathname === "/app" || url.pathname.startsWith("/app/"))) {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" });
      // Keep the query (filters, cursors) when a link into the app is opened from the frame.
      res.end(page(opts, url.pathname === "/" ? "/app" : `${url.pathname}${url.search}`));
    } else {
      const target = new URL(req.url ?? "/", opts.standinUrl);
      const upstream = httpRequest(
        target,
        { method: req.method, headers: { ...req.headers, host: target.host } },
        (up) => {
          res.writeHead(up.statusCode ?? 502, up.headers);
          up.pipe(res);
        },
      );
      upstream.on("error", (e) => {
        if (!res.headersSent) res.writeHead(502, { "content-type": "text/plain" });
        res.end(`stand-in unreachable: ${e.message}`);
      });
      req.pipe(upstream);
    }
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : opts.port;
      resolve({
        url: `http://127.0.0.1:${port}`,
        close: () => new Promise<void>((r) => server.close(() => r())),
      });
    });
  });
}
