/**
 * A loopback stand-in for the Admin GraphQL endpoint, for transport tests: it checks the access
 * token and path like Shopify, rejects documents that are invalid against the real 2026-07 schema
 * (as Shopify would), and answers with scripted, schema-shaped responses (taken from captures).
 */
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { parse, validate } from "graphql";
import { adminSchema } from "../../standin";


export interface ScriptedResponse {
  status?: number;
  body: unknown;
}

export interface RecordedRequest {
  path: string;
  headers: IncomingHttpHeaders;
  query: string;
  variables: Record<string, unknown>;
}

export interface FakeAdminServer {
  origin: string;
  requests: RecordedRequest[];
  enqueue(...responses: ScriptedResponse[]): void;
  close(): Promise<void>;
}

export async function startFakeAdminServer(opts: { accessToken: string; apiVersion?: string }): Promise<FakeAdminServer> {
  const queue: ScriptedResponse[] = [];
  const requests: RecordedRequest[] = [];
  const path = `/admin/api/${opts.apiVersion ?? "2026-07"}/graphql.json`;
  const server: Server = createServer((req, res) => {
    let raw = "";
    req.on("data", (c: Buffer) => (raw += c.toString("utf8")));
    req.on("end", () => {
      const send = (status: number, body: unknown) => {
        res.writeHead(status, { "Content-Type": "application/json" });
        res.end(JSON.stringify(body));
      };
      if (req.method !== "POST" || req.url !== path) return send(404, { errors: "Not Found" });
      if (req.headers["x-shopify-access-token"] !== opts.accessToken) {
        return send(401, { errors: "[API] Invalid API key or access token (unrecognized login or wrong password)" });
      }
      const body = JSON.parse(raw) as { query: string; variables?: Record<string, unknown> };
      requests.push({ path: req.url, headers: req.headers, query: body.query, variables: body.variables ?? {} });
      const invalid = validate(adminSchema(), parse(body.query));
      if (invalid.length > 0) return send(200, { errors: invalid.map((e) => ({ message: e.message })) });
      const next = queue.shift();
      if (!next) return send(500, { errors: "fake: no scripted response" });
      send(next.status ?? 200, next.body);
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    enqueue: (...r) => queue.push(...r),
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
