/**
 * Test helper: serves the shopper API's real Remix route modules over loopback HTTP (the way
 * remix-serve dispatches resource routes: one module per path, action for POST/PUT/PATCH/DELETE,
 * loader otherwise),
 * so a browser can call them without a production build. Env (SHOPIFY_*, DATABASE_URL,
 * SHOPIFY_ADMIN_ORIGIN) must be set before calling it: the route modules read it at import.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";

type Handler = (args: { request: Request; params: Record<string, string>; context: object }) => Promise<Response>;
interface RouteModule {
  loader?: Handler;
  action?: Handler;
}

export interface ShopperApiServer {
  url: string;
  close(): Promise<void>;
}

export async function startShopperApiServer(): Promise<ShopperApiServer> {
  const table: { re: RegExp; names: string[]; mod: RouteModule }[] = [
    { re: /^\/api\/customer\/orders\/([^/]+)\/returns\/preview$/, names: ["orderId"], mod: (await import("~/routes/api.customer.orders.$orderId.returns.preview")) as unknown as RouteModule },
    { re: /^\/api\/customer\/orders\/([^/]+)\/returns$/, names: ["orderId"], mod: (await import("~/routes/api.customer.orders.$orderId.returns")) as unknown as RouteModule },
    { re: /^\/api\/customer\/returns\/([^/]+)\/cancel$/, names: ["requestId"], mod: (await import("~/routes/api.customer.returns.$requestId.cancel")) as unknown as RouteModule },
    { re: /^\/api\/customer\/uploads$/, names: [], mod: (await import("~/routes/api.customer.uploads")) as unknown as RouteModule },
  ];
  let base = "";
  const server = http.createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? "/", base);
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      const headers = new Headers();
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers.set(k, v);
      const method = req.method ?? "GET";
      const request = new Request(url, { method, headers, ...(method !== "GET" && method !== "HEAD" ? { body: Buffer.concat(chunks) } : {}) });
      const hit = table.map((r) => ({ r, m: r.re.exec(url.pathname) })).find((x) => x.m);
      if (!hit) {
        res.writeHead(404).end();
        return;
      }
      const params = Object.fromEntries(hit.r.names.map((n, i) => [n, decodeURIComponent(hit.m![i + 1]!)]));
      // Remix: POST/PUT/PATCH/DELETE go to the action, everything else (GET, HEAD, OPTIONS) to the loader.
      const fn = ["POST", "PUT", "PATCH", "DELETE"].includes(method) ? hit.r.mod.action : hit.r.mod.loader;
      let response: Response;
      try {
        response = fn ? await fn({ request, params, context: {} }) : new Response(null, { status: 405 });
      } catch (thrown) {
        if (!(thrown instanceof Response)) throw thrown;
        response = thrown;
      }
      res.writeHead(response.status, Object.fromEntries(response.headers.entries()));
      res.end(Buffer.from(await response.arrayBuffer()));
    } catch (e) {
      res.writeHead(500, { "Content-Type": "text/plain" }).end(String(e));
    }
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: base,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}
