import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { randomUUID } from "node:crypto";
import {
  execute,
  getVariableValues,
  GraphQLError,
  isEnumType,
  parse,
  validate,
  type DocumentNode,
  type GraphQLSchema,
} from "graphql";
import type { Store } from "./state/store";
import type { Clock } from "./clock";
import { LeakyBucket } from "./bucket";
import { computeCost, MAX_SINGLE_QUERY_COST, operationOf } from "./cost";
import { Faults, type FaultSpec } from "./faults";
import { makeFieldResolver, typeResolver } from "./resolvers";
import type { Ctx } from "./resolvers/context";
import { TopLevelError } from "./state/errors";
import { shopifySyntaxError, shopifyValidationError, shopifyVariableError, type ShopifyError } from "./graphqlErrors";
import { adminAccessRefusal, revokeAllTokens, tokenExchange, type AppProfile } from "./oauth";
import { effectiveScopes } from "./access-scopes";
import type { CustomerDataGrant } from "./customer-data";
import { AccessDeniedError } from "./resolvers/guard";
import { signJwt, adminSessionClaims, customerSessionClaims } from "./tokens";
import { API_VERSION } from "./webhooks";
import { shopPayload } from "./webhookPayloads";

export interface ServerDeps {
  schema: GraphQLSchema;
  store: Store;
  clock: Clock;
  bucket: LeakyBucket;
  faults: Faults;
  apiKey: string;
  apiSecret: string;
  emit: (topic: string, payload: unknown) => void;
  /** delivers now (awaits retries) */
  deliver: (topic: string, payload: unknown) => Promise<void>;
  origin: () => string;
  scopes?: string;
  /** what the app may read of customers (protected customer data) */
  customerData: CustomerDataGrant;
  /** the app being served (public/custom, created when): decides which offline tokens the Admin API refuses */
  app?: AppProfile;
}

const GRAPHQL_PATH = `/admin/api/${API_VERSION}/graphql.json`;

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  const text = typeof body === "string" ? body : JSON.stringify(body);
  res.writeHead(status, { "Content-Type": typeof body === "string" ? "text/plain" : "application/json; charset=utf-8", ...headers });
  res.end(text);
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

function parseParams(req: IncomingMessage, raw: Buffer): Record<string, string | undefined> {
  const type = req.headers["content-type"] ?? "";
  const text = raw.toString("utf8");
  if (type.includes("application/json")) {
    const v = JSON.parse(text || "{}") as Record<string, unknown>;
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, x == null ? undefined : String(x)]));
  }
  return Object.fromEntries(new URLSearchParams(text));
}

export function createStandinServer(deps: ServerDeps): { server: Server; sockets: Set<import("node:net").Socket> } {
  const fieldResolver = makeFieldResolver(deps.schema);
  const typeOf = new WeakMap<object, string>();
  const uploads = new Map<string, Buffer>();
  const sockets = new Set<import("node:net").Socket>();

  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? "/", "http://standin");
      const raw = await readBody(req);
      // the app's origin rewrite names the shop it meant; another shop does not exist here
      const forwarded = req.headers["x-forwarded-host"];
      const meant = Array.isArray(forwarded) ? forwarded[0] : forwarded;
      if (meant && !url.pathname.startsWith("/_standin/") && meant.toLowerCase() !== deps.store.shop.myshopifyDomain)
        return send(res, 404, { errors: "Not Found" });
      if (req.method === "POST" && url.pathname === GRAPHQL_PATH) return await graphql(req, res, raw);
      if (req.method === "POST" && url.pathname === "/admin/oauth/access_token") {
        let params: Record<string, string | undefined>;
        try {
          params = parseParams(req, raw);
        } catch {
          return send(res, 400, { error: "invalid_request", error_description: "Malformed request body." });
        }
        const out = tokenExchange({ store: deps.store, apiKey: deps.apiKey, apiSecret: deps.apiSecret, clock: deps.clock, scopes: deps.scopes, app: deps.app }, params);
        return send(res, out.status, out.body);
      }
      if (req.method === "GET" && url.pathname === "/_standin/session-token") {
        const kind = url.searchParams.get("kind") ?? "admin";
        const shop = deps.store.shop.myshopifyDomain;
        if (kind === "customer") {
          const customerId = url.searchParams.get("customerId");
          if (!customerId) return send(res, 400, { error: "customerId is required for kind=customer" });
          // `sub` only when the app has protected customer data access (standin/customer-data.ts)
          const sub = deps.customerData.level >= 1 ? customerId : null;
          return send(res, 200, { token: signJwt(customerSessionClaims(shop, deps.apiKey, sub, deps.clock()), deps.apiSecret) });
        }
        if (kind !== "admin") return send(res, 400, { error: "kind must be admin or customer" });
        return send(res, 200, { token: signJwt(adminSessionClaims(shop, deps.apiKey, deps.clock()), deps.apiSecret) });
      }
      if (url.pathname === "/_standin/faults") {
        if (req.method === "DELETE") {
          deps.faults.clear();
          return send(res, 200, { ok: true });
        }
        if (req.method === "POST") {
          try {
            deps.faults.inject(JSON.parse(raw.toString("utf8")) as FaultSpec);
          } catch (e) {
            return send(res, 400, { error: (e as Error).message });
          }
          return send(res, 200, { ok: true, armed: deps.faults.list().length });
        }
        if (req.method === "GET") return send(res, 200, { faults: deps.faults.list() });
      }
      if (req.method === "OPTIONS" && url.pathname === "/_standin/uploads") {
        res.writeHead(200, { ...uploadCors(req), ...uploadPreflight(req) });
        return res.end();
      }
      if (req.method === "POST" && url.pathname === "/_standin/uploads") {
        const key = multipartField(raw, req.headers["content-type"] ?? "", "key");
        if (!key || !deps.store.uploads.has(key))
          return send(res, 400, "<Error><Code>InvalidArgument</Code><Message>Unknown upload key</Message></Error>", { "Content-Type": "application/xml", ...uploadCors(req) });
        const file = multipartFile(raw, req.headers["content-type"] ?? "") ?? raw;
        uploads.set(key, file);
        const rec = deps.store.uploads.get(key)!;
        rec.bytes = file.length;
        rec.uploadedAt = new Date(deps.clock().getTime()).toISOString();
        res.writeHead(201, { Location: `${deps.origin()}/_standin/uploads/${key}`, ...uploadCors(req) });
        return res.end();
      }
      if (req.method === "GET" && url.pathname.startsWith("/_standin/uploads/")) {
        const key = decodeURIComponent(url.pathname.slice("/_standin/uploads/".length));
        const data = uploads.get(key);
        if (!data) return send(res, 404, { error: "not found" });
        res.writeHead(200, { "Content-Type": deps.store.uploads.get(key)?.mimeType ?? "application/octet-stream" });
        return res.end(data);
      }
      const hook = /^\/_standin\/webhooks\/(.+)$/.exec(url.pathname);
      if (req.method === "POST" && hook) {
        // test/demo helper: deliver any topic (e.g. products/update) with the given JSON body, signed like Shopify
        await deps.deliver(decodeURIComponent(hook[1]!), raw.length ? JSON.parse(raw.toString("utf8")) : {});
        return send(res, 200, { ok: true });
      }
      if (req.method === "POST" && url.pathname === "/_standin/uninstall") {
        // like uninstalling from the admin: every access token stops working, then app/uninstalled is sent
        revokeAllTokens(deps.store);
        await deps.deliver("app/uninstalled", shopPayload(deps.store));
        return send(res, 200, { ok: true });
      }
      if (req.method === "GET" && url.pathname === "/_standin/health") return send(res, 200, { ok: true, shop: deps.store.shop.myshopifyDomain });
      return send(res, 404, { errors: "Not Found" });
    } catch (e) {
      return send(res, 500, { errors: { message: `Internal error: ${(e as Error).message}`, extensions: { code: "INTERNAL_SERVER_ERROR" } } });
    }
  });
  server.on("connection", (s) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });

  async function graphql(req: IncomingMessage, res: ServerResponse, raw: Buffer) {
    const header = req.headers["x-shopify-access-token"];
    const token = Array.isArray(header) ? header[0] : header;
    const refusal = adminAccessRefusal(deps.store, deps.app, token, deps.clock());
    if (refusal) return send(res, refusal.status, refusal.body);
    // a token holds what was granted plus the reads its writes imply
    const scopes = effectiveScopes(deps.store.accessTokens.get(token!)?.scope ?? "");
    let body: { query?: string; variables?: Record<string, unknown> | null; operationName?: string | null };
    try {
      body = JSON.parse(raw.toString("utf8"));
    } catch {
      return send(res, 400, { errors: [{ message: "Invalid JSON in request body", extensions: { code: "BAD_REQUEST" } }] });
    }
    const query = body.query ?? "";
    const variables = body.variables ?? {};
    const requestId = randomUUID();
    const headers = { "X-Request-Id": requestId };
    let doc: DocumentNode;
    try {
      doc = parse(query);
    } catch (e) {
      return send(res, 200, { errors: [shopifySyntaxError(e as GraphQLError)] }, headers);
    }
    // graphql-js rejects differently-typed leaf fields under mutually exclusive fragments ("... on A { status } ... on B { status }");
    // Shopify (graphql-ruby) answers such documents (2026-04 node-read capture), so that one case is let through
    const invalid = validate(deps.schema, doc).filter((e) => !/because they return conflicting types/.test(e.message));
    if (invalid.length) return send(res, 200, { errors: mergeMissingArguments(invalid.map((e) => shopifyValidationError(doc, e))) }, headers);
    const op = operationOf(doc, body.operationName);
    if (!op) return send(res, 200, { errors: [{ message: "No operation named " + (body.operationName ?? ""), extensions: { code: "OPERATION_NOT_FOUND" } }] }, headers);
    const coerced = getVariableValues(deps.schema, op.variableDefinitions ?? [], variables);
    if (coerced.errors) return send(res, 200, { errors: mergeVariableErrors(coerced.errors.map((e) => fillEnum(shopifyVariableError(doc, e)))) }, headers);

    const operationName = op.name?.value ?? null;
    const fault = deps.faults.take(operationName, query);
    if (fault === "timeout") return; // never answer; the client's timeout fires (socket closed on shutdown)
    if (fault === "http500")
      return send(res, 500, { errors: { message: `Internal error. Looks like something went wrong on our end.\nRequest ID: ${requestId} (include this in support requests).`, extensions: { code: "INTERNAL_SERVER_ERROR", requestId } } }, headers);

    const requested = computeCost(deps.schema, doc, operationName, coerced.coerced);
    if (requested > MAX_SINGLE_QUERY_COST)
      return send(res, 200, {
        errors: [
          {
            message: `Query cost is ${requested}, which exceeds the single query max cost limit (${MAX_SINGLE_QUERY_COST}).\n\nSee https://shopify.dev/concepts/about-apis/rate-limits for more information on how the\ncost of a query is calculated.\n\nTo query larger amounts of data with fewer limits, bulk operations should be used instead.\nSee https://shopify.dev/tutorials/perform-bulk-operations-with-admin-api for usage details.\n`,
            extensions: { code: "MAX_COST_EXCEEDED", cost: requested, maxCost: MAX_SINGLE_QUERY_COST },
          },
        ],
      }, headers);
    // an injected throttle answers like a short bucket without draining it, so later calls are unaffected
    if (fault === "throttle" || !deps.bucket.take(requested))
      return send(res, 200, {
        errors: [{ message: "Throttled", extensions: { code: "THROTTLED", documentation: "https://shopify.dev/api/usage/rate-limits" } }],
        extensions: { cost: { requestedQueryCost: requested, actualQueryCost: null, throttleStatus: deps.bucket.status() } },
      }, headers);

    let data: Record<string, unknown> | null;
    let errors: ShopifyError[] = [];
    if (fault === "userErrors") {
      data = injectedUserErrors(doc, operationName);
    } else {
      const ctx: Ctx = { store: deps.store, clock: deps.clock, origin: deps.origin(), emit: deps.emit, typeOf, idempotencyKey: null, scopes, customerData: deps.customerData };
      const result = await execute({ schema: deps.schema, document: doc, operationName, variableValues: variables, contextValue: ctx, fieldResolver, typeResolver });
      data = (result.data as Record<string, unknown> | null | undefined) ?? null;
      errors = (result.errors ?? []).map(executionError);
    }
    const actual = computeCost(deps.schema, doc, operationName, coerced.coerced, data ?? {});
    deps.bucket.refund(requested - actual);
    if (fault === "lostAnswer") return; // applied, never answered (socket closed on shutdown)
    const out: Record<string, unknown> = {};
    if (errors.length) out.errors = errors;
    out.data = data;
    out.extensions = { cost: { requestedQueryCost: requested, actualQueryCost: actual, throttleStatus: deps.bucket.status() } };
    return send(res, 200, out, headers);
  }

  function fillEnum(e: ShopifyError): ShopifyError {
    const enumName = e.extensions?.enumName as string | undefined;
    if (!enumName) return e;
    const t = deps.schema.getType(enumName);
    const values = t && isEnumType(t) ? t.getValues().filter((v) => !v.deprecationReason).map((v) => v.name).join(", ") : "";
    const { enumName: _drop, ...ext } = e.extensions!;
    return { ...e, message: e.message.replace("%ENUM%", values), extensions: ext };
  }

  return { server, sockets };
}

/** Shopify names every missing argument of one field in a single error: "missing required arguments: a, b" */
function mergeMissingArguments(errors: ShopifyError[]): ShopifyError[] {
  const out: ShopifyError[] = [];
  const seen = new Map<string, ShopifyError>();
  for (const e of errors) {
    if (e.extensions?.code !== "missingRequiredArguments") {
      out.push(e);
      continue;
    }
    const key = JSON.stringify([e.path, e.locations]);
    const prev = seen.get(key);
    if (prev) {
      const args = `${prev.extensions!.arguments as string}, ${e.extensions.arguments as string}`;
      prev.extensions = { ...prev.extensions, arguments: args };
      prev.message = prev.message.replace(/: .*$/, `: ${args}`);
    } else {
      const copy = { ...e, extensions: { ...e.extensions } };
      seen.set(key, copy);
      out.push(copy);
    }
  }
  return out;
}

/** Shopify reports every bad field of one variable in a single error: "... invalid value for a (...), b (...)" */
function mergeVariableErrors(errors: ShopifyError[]): ShopifyError[] {
  const out: ShopifyError[] = [];
  const byPrefix = new Map<string, ShopifyError>();
  for (const e of errors) {
    const m = /^(Variable \$\w+ of type \S+ was provided invalid value for )(.*)$/s.exec(e.message);
    const prev = m ? byPrefix.get(m[1]!) : undefined;
    if (m && prev) prev.message = `${prev.message}, ${m[2]}`;
    else {
      const copy = { ...e };
      out.push(copy);
      if (m) byPrefix.set(m[1]!, copy);
    }
  }
  return out;
}

function executionError(e: GraphQLError): ShopifyError {
  const orig = e.originalError;
  const out: ShopifyError = { message: e.message, locations: e.locations?.map((l) => ({ line: l.line, column: l.column })), path: e.path ? [...e.path] : undefined };
  if (orig instanceof AccessDeniedError) out.extensions = { ...orig.extensions };
  else if (orig instanceof TopLevelError) out.extensions = { code: orig.code };
  else if (orig && !(orig instanceof GraphQLError) && !/must provide one of first or last/.test(orig.message))
    out.extensions = { code: "INTERNAL_SERVER_ERROR" };
  return out;
}

/** fault kind "userErrors": each mutation payload answers with one userError and nothing else */
function injectedUserErrors(doc: DocumentNode, operationName: string | null): Record<string, unknown> {
  const op = operationOf(doc, operationName)!;
  const data: Record<string, unknown> = {};
  for (const sel of op.selectionSet.selections) {
    if (sel.kind !== "Field") continue;
    const payload: Record<string, unknown> = {};
    for (const f of sel.selectionSet?.selections ?? []) {
      if (f.kind !== "Field") continue;
      const key = f.alias?.value ?? f.name.value;
      if (f.name.value === "userErrors") {
        const err: Record<string, unknown> = {};
        for (const g of f.selectionSet?.selections ?? []) {
          if (g.kind !== "Field") continue;
          const k = g.alias?.value ?? g.name.value;
          err[k] = g.name.value === "message" ? "Injected failure (stand-in fault)" : g.name.value === "code" ? "INVALID" : g.name.value === "__typename" ? "UserError" : null;
        }
        payload[key] = [err];
      } else payload[key] = null;
    }
    data[sel.alias?.value ?? sel.name.value] = payload;
  }
  return data;
}

/**
 * CORS of the staged upload target. Shopify's staged upload targets are signed POST URLs on Google Cloud
 * Storage (https://shopify-staged-uploads.storage.googleapis.com), which browsers upload to straight from
 * the page: the bucket's CORS configuration answers the request's Origin in Access-Control-Allow-Origin on
 * the upload's answer (success or error) and answers a preflight, so the page can read the status.
 * https://docs.cloud.google.com/storage/docs/cross-origin
 * https://shopify.dev/docs/api/admin-graphql/2026-07/mutations/stagedUploadsCreate
 */
function uploadCors(req: IncomingMessage): Record<string, string> {
  const origin = req.headers.origin;
  return origin ? { "Access-Control-Allow-Origin": origin, Vary: "Origin" } : {};
}

function uploadPreflight(req: IncomingMessage): Record<string, string> {
  const asked = req.headers["access-control-request-headers"];
  return {
    "Access-Control-Allow-Methods": "POST, PUT",
    ...(asked ? { "Access-Control-Allow-Headers": String(asked) } : {}),
    "Access-Control-Max-Age": "3600",
  };
}

function boundaryOf(contentType: string): string | null {
  return /boundary=(?:"([^"]+)"|([^;]+))/.exec(contentType)?.slice(1).find(Boolean) ?? null;
}

function parts(raw: Buffer, contentType: string): { headers: string; body: Buffer }[] {
  const b = boundaryOf(contentType);
  if (!b) return [];
  const sep = Buffer.from(`--${b}`);
  const out: { headers: string; body: Buffer }[] = [];
  let i = raw.indexOf(sep);
  while (i >= 0) {
    const start = i + sep.length + 2;
    const next = raw.indexOf(sep, start);
    if (next < 0) break;
    const chunk = raw.subarray(start, next - 2);
    const h = chunk.indexOf("\r\n\r\n");
    if (h >= 0) out.push({ headers: chunk.subarray(0, h).toString("utf8"), body: chunk.subarray(h + 4) });
    i = next;
  }
  return out;
}

function multipartField(raw: Buffer, contentType: string, name: string): string | null {
  const p = parts(raw, contentType).find((x) => new RegExp(`name="${name}"`).test(x.headers) && !/filename=/.test(x.headers));
  return p ? p.body.toString("utf8") : null;
}

function multipartFile(raw: Buffer, contentType: string): Buffer | null {
  return parts(raw, contentType).find((x) => /filename=/.test(x.headers))?.body ?? null;
}
