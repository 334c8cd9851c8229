// A counting HTTP proxy in front of the Shopify stand-in. The app (or a test's AdminClient) is pointed at
// it (SHOPIFY_ADMIN_ORIGIN), so every Admin API call is seen on the wire: operation name, HTTP status and
// the cost Shopify (the stand-in) reported. Load runs and benches count mutations and cost points with it
// without touching the stand-in or the app.
import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface AdminCall {
  operationName: string;
  kind: "query" | "mutation" | "other";
  status: number;
  /** extensions.cost.requestedQueryCost of the answer (0 when the answer carried none). */
  requestedCost: number;
  actualCost: number;
  throttled: boolean;
}

export interface CountingProxy {
  url: string;
  calls: AdminCall[];
  /** Successful (HTTP 200, not throttled) calls of one operation. */
  count(operationName: string): number;
  reset(): void;
  close(): Promise<void>;
}

function operationOf(body: string): { name: string; kind: AdminCall["kind"] } {
  try {
    const parsed = JSON.parse(body) as { query?: string; operationName?: string };
    const m = /\b(query|mutation)\s+(\w+)/.exec(parsed.query ?? "");
    return { name: parsed.operationName ?? m?.[2] ?? "(anonymous)", kind: (m?.[1] as "query" | "mutation" | undefined) ?? "other" };
  } catch {
    return { name: "(not graphql)", kind: "other" };
  }
}

export async function startCountingProxy(target: string): Promise<CountingProxy> {
  const t = new URL(target);
  const calls: AdminCall[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      const isGraphql = (req.url ?? "").includes("/graphql.json");
      const upstream = httpRequest(
        { host: t.hostname, port: t.port, method: req.method, path: req.url, headers: { ...req.headers, host: t.host } },
        (up) => {
          const out: Buffer[] = [];
          up.on("data", (c: Buffer) => out.push(c));
          up.on("end", () => {
            const answer = Buffer.concat(out);
            if (isGraphql) {
              const op = operationOf(body.toString("utf8"));
              let requestedCost = 0;
              let actualCost = 0;
              let throttled = false;
              try {
                const j = JSON.parse(answer.toString("utf8")) as {
                  extensions?: { cost?: { requestedQueryCost?: number; actualQueryCost?: number | null } };
                  errors?: { extensions?: { code?: string } }[];
                };
                requestedCost = j.extensions?.cost?.requestedQueryCost ?? 0;
                actualCost = j.extensions?.cost?.actualQueryCost ?? 0;
                throttled = Array.isArray(j.errors) && j.errors.some((e) => e.extensions?.code === "THROTTLED");
              } catch {
                /* a 500 page */
              }
              calls.push({ operationName: op.name, kind: op.kind, status: up.statusCode ?? 0, requestedCost, actualCost, throttled });
            }
            const headers = { ...up.headers };
            delete headers["content-length"];
            delete headers["transfer-encoding"];
            res.writeHead(up.statusCode ?? 502, { ...headers, "content-length": String(answer.length) });
            res.end(answer);
          });
        },
      );
      upstream.on("error", () => {
        if (!res.headersSent) res.writeHead(502);
        res.end();
      });
      // The client gave up (a timeout fault): drop the upstream request too.
      res.on("close", () => upstream.destroy());
      upstream.end(body);
    });
  });
  const sockets = new Set<import("node:net").Socket>();
  server.on("connection", (s) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", () => ok()));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    count: (name) => calls.filter((c) => c.operationName === name && c.status === 200 && !c.throttled).length,
    reset: () => void calls.splice(0),
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((ok) => server.close(() => ok()));
    },
  };
}
