/**
 * AdminClient: the one seam through which the app talks to the Shopify Admin GraphQL API.
 *
 * - Two transports with one behaviour: `admin.graphql` inside a Remix request (session from
 *   authenticate.admin), or graphql-request outside one (webhooks, jobs) with the shop's stored
 *   offline access token at adminOriginFor(shop) (which honours SHOPIFY_ADMIN_ORIGIN).
 * - THROTTLED (HTTP 200, errors[].extensions.code) waits (requested - available) / restoreRate (jittered)
 *   seconds per extensions.cost.throttleStatus, then retries.
 * - 5xx / network errors retry with bounded exponential backoff and full jitter, but only when a
 *   repeat cannot apply a change twice: queries, and mutations carrying @idempotent(key:). A
 *   non-idempotent mutation that failed in transit throws AdminTransportError with
 *   mayHaveApplied = true, so the caller re-reads state instead of guessing.
 * - `request()` is for queries; `mutate()` is for mutations and is the one place userErrors are
 *   checked: any non-empty userErrors throws ShopifyUserError (field paths intact).
 *
 * Sleep and randomness are injected so tests never wait on the clock.
 */
import type { AdminMutations, AdminQueries } from "@shopify/admin-api-client";
import { ClientError, GraphQLClient } from "graphql-request";
import { Kind, parse, type OperationDefinitionNode } from "graphql";
import { adminOriginFor, parseAdminOrigin, type AdminOriginEnv } from "./admin-origin.server";
import type { OfflineTokenSource } from "./offline-tokens";

export const ADMIN_API_VERSION = "2026-07";

type Ops = AdminQueries & AdminMutations;
export type DataOf<D extends string> = D extends keyof Ops ? Ops[D]["return"] : unknown;
export type VarsOf<D extends string> = D extends keyof Ops ? Ops[D]["variables"] : Record<string, unknown>;
type Variables = Record<string, unknown>;

export interface RequestOptions {
  /** Sent as $idempotencyKey to documents that use @idempotent(key: $idempotencyKey). */
  idempotencyKey?: string;
  /**
   * Response paths (response keys joined by ".", list positions left out, e.g. "order.customerName")
   * where Shopify may refuse protected customer data the app is not approved for: it answers that
   * value null with "This app is not approved to access the ... object", and the read goes on with it
   * absent. Every other error, and a refusal anywhere else, still fails the call.
   * https://shopify.dev/docs/apps/launch/protected-customer-data#using-protected-customer-data
   */
  redactableAt?: readonly string[];
}

const NOT_APPROVED = /^This app is not approved to (access|use) /;

/** A protected customer data refusal at (or under) one of `paths`. */
export function isRedaction(e: GraphQLErrorEntry, paths: readonly string[]): boolean {
  if (!NOT_APPROVED.test(e.message) || (e.extensions?.code !== undefined && e.extensions.code !== "ACCESS_DENIED")) return false;
  const at = (e.path ?? []).filter((p): p is string => typeof p === "string").join(".");
  return paths.some((p) => at === p || at.startsWith(`${p}.`));
}

// ---------- errors ----------

export interface UserErrorEntry {
  field: readonly string[] | null;
  message: string;
  code?: string | null;
  /** Which mutation field of the document reported it (e.g. "refundCreate"). */
  mutation: string;
  [extra: string]: unknown;
}

export class ShopifyUserError extends Error {
  override readonly name = "ShopifyUserError";
  constructor(
    readonly operation: string,
    readonly userErrors: readonly UserErrorEntry[],
  ) {
    super(
      `${operation} returned userErrors: ` +
        userErrors.map((e) => `${(e.field ?? []).join(".") || "(no field)"}: ${e.message}${e.code ? ` [${e.code}]` : ""}`).join("; "),
    );
  }
  /** Codes present (ReturnErrorCode, MetafieldsSetUserErrorCode, ...). */
  get codes(): string[] {
    return this.userErrors.flatMap((e) => (e.code ? [e.code] : []));
  }
}

export interface GraphQLErrorEntry {
  message: string;
  path?: readonly (string | number)[];
  extensions?: Record<string, unknown> & { code?: string };
}

export class AdminGraphQLError extends Error {
  override readonly name = "AdminGraphQLError";
  constructor(
    readonly operation: string,
    readonly errors: readonly GraphQLErrorEntry[],
  ) {
    super(`${operation} failed: ${errors.map((e) => e.message).join("; ")}`);
  }
}

export class AdminThrottledError extends Error {
  override readonly name = "AdminThrottledError";
  constructor(
    readonly operation: string,
    readonly attempts: number,
  ) {
    super(`${operation} still throttled after ${attempts} attempts`);
  }
}

export class AdminTransportError extends Error {
  override readonly name = "AdminTransportError";
  constructor(
    readonly operation: string,
    readonly status: number | undefined,
    /** True when the request may have reached Shopify and a non-idempotent change may have applied. */
    readonly mayHaveApplied: boolean,
    readonly attempts: number,
    options?: { cause?: unknown },
  ) {
    super(
      `${operation}: ${status ? `HTTP ${status}` : "network error"} after ${attempts} attempt(s)` +
        (mayHaveApplied ? " (non-idempotent mutation: may have applied, re-read before retrying)" : ""),
      options,
    );
  }
}

// ---------- transport ----------

/** A raw GraphQL result; HTTP failures are thrown as TransportFailure. */
export interface RawResult {
  data?: unknown;
  errors?: GraphQLErrorEntry[];
  extensions?: {
    cost?: {
      requestedQueryCost?: number;
      actualQueryCost?: number | null;
      throttleStatus?: { maximumAvailable: number; currentlyAvailable: number; restoreRate: number };
    };
  } & Record<string, unknown>;
}

export class TransportFailure extends Error {
  constructor(
    readonly status: number | undefined,
    options?: { cause?: unknown },
  ) {
    super(status ? `HTTP ${status}` : "network error", options);
  }
}

export type Transport = (query: string, variables: Variables) => Promise<RawResult>;

/** The shape of `admin.graphql` from authenticate.admin / authenticate.webhook / unauthenticated.admin. */
export type AdminGraphqlFn = (
  query: string,
  options?: { variables?: Variables; tries?: number },
) => Promise<Response>;

/** Transport over the Shopify library's admin.graphql (inside a Remix request). */
export function adminGraphqlTransport(graphql: AdminGraphqlFn): Transport {
  return async (query, variables) => {
    try {
      // tries: 1 -> the library does not retry; this client owns retry policy.
      const res = await graphql(query, { variables, tries: 1 });
      return (await res.json()) as RawResult;
    } catch (error) {
      // GraphqlQueryError (HTTP 200 with errors): body = { data, errors: { graphQLErrors }, extensions }.
      const body = (error as { body?: { data?: unknown; errors?: { graphQLErrors?: GraphQLErrorEntry[] }; extensions?: RawResult["extensions"] } }).body;
      if (body && Array.isArray(body.errors?.graphQLErrors)) {
        return { data: body.data, errors: body.errors.graphQLErrors, extensions: body.extensions };
      }
      if (error instanceof Response) {
        // 4xx responses (401 re-auth, 403, ...) belong to the library/Remix; pass them through.
        if (error.status < 500 && error.status !== 429) throw error;
        throw new TransportFailure(error.status, { cause: error });
      }
      const code = (error as { response?: { code?: number } }).response?.code;
      if (typeof code === "number" && code < 500 && code !== 429) throw error;
      throw new TransportFailure(code, { cause: error });
    }
  };
}

export interface OfflineTransportOptions {
  shop: string;
  /**
   * The shop's offline access token, or (production) where to get a valid one for each call: see
   * app/shopify/offline-tokens.ts. With a source, a 401 asks it for another token and repeats the call
   * once (Shopify refused it before executing anything, so this is safe for every operation).
   */
  accessToken: string | OfflineTokenSource;
  env?: AdminOriginEnv & { SHOPIFY_ADMIN_TIMEOUT_MS?: string };
  fetch?: typeof globalThis.fetch;
  /**
   * How long one Admin API call may take (headers and body) before it is abandoned as a transport
   * failure: queries and idempotent mutations are retried, a non-idempotent mutation throws
   * AdminTransportError with mayHaveApplied = true. Default: env SHOPIFY_ADMIN_TIMEOUT_MS, else 20 s.
   * Without it an unanswered call waits for undici's 300 s headers timeout.
   */
  timeoutMs?: number;
}

export const DEFAULT_ADMIN_TIMEOUT_MS = 20_000;

function adminTimeoutMs(explicit: number | undefined, env: { SHOPIFY_ADMIN_TIMEOUT_MS?: string }): number {
  const raw = explicit ?? (env.SHOPIFY_ADMIN_TIMEOUT_MS?.trim() ? Number(env.SHOPIFY_ADMIN_TIMEOUT_MS) : DEFAULT_ADMIN_TIMEOUT_MS);
  if (!Number.isInteger(raw) || raw < 1) {
    throw new Error(`${explicit !== undefined ? "timeoutMs" : "SHOPIFY_ADMIN_TIMEOUT_MS"} must be a positive whole number of milliseconds`);
  }
  return raw;
}

/** Transport over graphql-request with an offline access token (webhooks, jobs). */
export function offlineTransport({ shop, accessToken, env = process.env, fetch, timeoutMs }: OfflineTransportOptions): Transport {
  const endpoint = `${adminOriginFor(shop, env)}/admin/api/${ADMIN_API_VERSION}/graphql.json`;
  const headers: Record<string, string> = {};
  if (parseAdminOrigin(env.SHOPIFY_ADMIN_ORIGIN, env)) headers["X-Forwarded-Host"] = shop;
  const limit = adminTimeoutMs(timeoutMs, env);
  const baseFetch = fetch ?? globalThis.fetch;
  // Each call gets its own deadline (a fresh AbortSignal.timeout per fetch), combined with any signal
  // the caller passed; the abort surfaces below as a network-level TransportFailure.
  const timedFetch: typeof globalThis.fetch = (input, init) => {
    const deadline = AbortSignal.timeout(limit);
    return baseFetch(input, { ...init, signal: init?.signal ? AbortSignal.any([init.signal, deadline]) : deadline });
  };
  const client = new GraphQLClient(endpoint, { headers, fetch: timedFetch });
  const source = typeof accessToken === "string" ? null : accessToken;
  const send = async (query: string, variables: Variables, token: string): Promise<RawResult> => {
    try {
      const res = await client.rawRequest<unknown, Variables>(query, variables, { "X-Shopify-Access-Token": token });
      return { data: res.data, extensions: res.extensions as RawResult["extensions"] };
    } catch (error) {
      if (error instanceof ClientError) {
        const r = error.response as ClientError["response"] & { errors?: GraphQLErrorEntry[]; extensions?: unknown };
        if (r.status >= 500 || r.status === 429) throw new TransportFailure(r.status, { cause: error });
        if (r.status >= 200 && r.status < 300 && Array.isArray(r.errors)) {
          return { data: r.data, errors: r.errors, extensions: r.extensions as RawResult["extensions"] };
        }
        throw new TransportFailure(r.status, { cause: error });
      }
      if (error instanceof Error && error.name === "TimeoutError") {
        throw new TransportFailure(undefined, { cause: new Error(`no answer within ${limit} ms`, { cause: error }) });
      }
      throw new TransportFailure(undefined, { cause: error });
    }
  };
  return async (query, variables) => {
    if (!source) return send(query, variables, accessToken as string);
    const token = await source.current();
    try {
      return await send(query, variables, token);
    } catch (error) {
      if (!(error instanceof TransportFailure) || error.status !== 401) throw error;
      // expired or revoked early: renew (or adopt the pair another process stored) and repeat once
      return send(query, variables, await source.afterUnauthorized(token));
    }
  };
}

// ---------- client ----------

export interface RetryPolicy {
  /** Total attempts including the first (default 5). */
  maxAttempts: number;
  /** Backoff base in ms for 5xx/network errors (default 250); attempt n waits random(0, min(cap, base*2^n)). */
  baseDelayMs: number;
  /** Upper bound for one backoff wait, also for throttle waits (default 10 000). */
  maxDelayMs: number;
}

export interface AdminClientOptions {
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  retry?: Partial<RetryPolicy>;
}

interface ParsedOperation {
  name: string;
  kind: "query" | "mutation" | "subscription";
  fields: string[];
  idempotent: boolean;
  declaresIdempotencyKey: boolean;
}

const parsedCache = new Map<string, ParsedOperation>();

function parseOperation(doc: string): ParsedOperation {
  const cached = parsedCache.get(doc);
  if (cached) return cached;
  const ast = parse(doc);
  const ops = ast.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const op = ops[0];
  if (ops.length !== 1 || !op) throw new Error("AdminClient: a document must hold exactly one operation");
  if (!op.name) throw new Error("AdminClient: operations must be named");
  const fields = op.selectionSet.selections.flatMap((s) => (s.kind === Kind.FIELD ? [s.alias?.value ?? s.name.value] : []));
  const idempotent = op.selectionSet.selections.some(
    (s) => s.kind === Kind.FIELD && (s.directives ?? []).some((d) => d.name.value === "idempotent"),
  );
  const declaresIdempotencyKey = (op.variableDefinitions ?? []).some((v) => v.variable.name.value === "idempotencyKey");
  const parsed: ParsedOperation = { name: op.name.value, kind: op.operation, fields, idempotent, declaresIdempotencyKey };
  parsedCache.set(doc, parsed);
  return parsed;
}

export const defaultSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export class AdminClient {
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;
  private readonly policy: RetryPolicy;

  constructor(
    private readonly transport: Transport,
    options: AdminClientOptions = {},
  ) {
    this.sleep = options.sleep ?? defaultSleep;
    this.random = options.random ?? Math.random;
    this.policy = { maxAttempts: 5, baseDelayMs: 250, maxDelayMs: 10_000, ...options.retry };
    if (!(this.policy.maxAttempts >= 1)) throw new Error("retry.maxAttempts must be >= 1");
  }

  /** Runs a query. Mutations must go through mutate() so their userErrors are checked. */
  async request<const D extends string, TData = DataOf<D>, TVars = VarsOf<D>>(
    doc: D,
    vars?: TVars,
    opts: RequestOptions = {},
  ): Promise<TData> {
    const op = parseOperation(doc);
    if (op.kind !== "query") throw new Error(`AdminClient.request: ${op.name} is a ${op.kind}; use mutate()`);
    return (await this.execute(doc, op, vars as Variables | undefined, opts)) as TData;
  }

  /** Runs a mutation; throws ShopifyUserError if any mutation field returns non-empty userErrors. */
  async mutate<const D extends string, TData = DataOf<D>, TVars = VarsOf<D>>(
    doc: D,
    vars?: TVars,
    opts: RequestOptions = {},
  ): Promise<TData> {
    const op = parseOperation(doc);
    if (op.kind !== "mutation") throw new Error(`AdminClient.mutate: ${op.name} is a ${op.kind}; use request()`);
    const data = await this.execute(doc, op, vars as Variables | undefined, opts);
    const userErrors = collectUserErrors(op, data);
    if (userErrors.length > 0) throw new ShopifyUserError(op.name, userErrors);
    return data as TData;
  }

  private async execute(doc: string, op: ParsedOperation, vars: Variables | undefined, opts: RequestOptions): Promise<unknown> {
    const variables: Variables = { ...(vars ?? {}) };
    if (opts.idempotencyKey !== undefined) {
      if (!op.declaresIdempotencyKey) throw new Error(`${op.name} does not declare $idempotencyKey; idempotencyKey cannot be sent`);
      variables.idempotencyKey = opts.idempotencyKey;
    }
    if (op.idempotent) {
      const key = variables.idempotencyKey;
      if (typeof key !== "string" || key.trim() === "") {
        throw new Error(`${op.name}: idempotencyKey is required (the mutation uses @idempotent) and must not be blank`);
      }
    }
    // A repeat is harmless for reads and for mutations Shopify de-duplicates by key.
    const safeToRepeat = op.kind === "query" || op.idempotent;

    for (let attempt = 1; ; attempt++) {
      let result: RawResult;
      try {
        result = await this.transport(doc, variables);
      } catch (error) {
        if (!(error instanceof TransportFailure)) throw error;
        // 429 means Shopify refused before executing: always safe to repeat.
        const refusedBeforeExecution = error.status === 429;
        // Other 4xx (bad token, forbidden scope, not found) will not heal by waiting.
        const transient = error.status === undefined || error.status >= 500 || refusedBeforeExecution;
        if (transient && (safeToRepeat || refusedBeforeExecution) && attempt < this.policy.maxAttempts) {
          await this.sleep(this.backoff(attempt));
          continue;
        }
        const mayHaveApplied = transient && !safeToRepeat && !refusedBeforeExecution;
        throw new AdminTransportError(op.name, error.status, mayHaveApplied, attempt, { cause: error });
      }
      const errors = result.errors ?? [];
      if (errors.length > 0) {
        if (errors.every((e) => e.extensions?.code === "THROTTLED")) {
          // Throttled requests are not executed: safe to repeat for every operation.
          if (attempt >= this.policy.maxAttempts) throw new AdminThrottledError(op.name, attempt);
          await this.sleep(this.throttleWait(result, attempt));
          continue;
        }
        const redactable = opts.redactableAt ?? [];
        if (redactable.length === 0 || !errors.every((e) => isRedaction(e, redactable)) || result.data == null) {
          throw new AdminGraphQLError(op.name, errors);
        }
      }
      if (result.data === undefined || result.data === null) throw new AdminGraphQLError(op.name, [{ message: "no data in response" }]);
      return result.data;
    }
  }

  /** Exponential backoff with full jitter, bounded by maxDelayMs. */
  private backoff(attempt: number): number {
    const ceiling = Math.min(this.policy.maxDelayMs, this.policy.baseDelayMs * 2 ** (attempt - 1));
    return Math.floor(this.random() * ceiling);
  }

  /**
   * (requested - available) / restoreRate seconds, from extensions.cost, plus up to as much again
   * at random: callers throttled together would otherwise all wake at the same instant and collide
   * again. Backoff if the cost is absent.
   */
  private throttleWait(result: RawResult, attempt: number): number {
    const cost = result.extensions?.cost;
    const status = cost?.throttleStatus;
    const requested = cost?.requestedQueryCost;
    if (!status || typeof requested !== "number" || !(status.restoreRate > 0)) return this.backoff(attempt);
    const seconds = Math.max(0, (requested - status.currentlyAvailable) / status.restoreRate);
    const needed = Math.ceil(seconds * 1000);
    return Math.min(this.policy.maxDelayMs, needed + Math.floor(this.random() * Math.max(needed, this.policy.baseDelayMs)));
  }
}

function collectUserErrors(op: ParsedOperation, data: unknown): UserErrorEntry[] {
  const out: UserErrorEntry[] = [];
  const root = (data ?? {}) as Record<string, unknown>;
  for (const field of op.fields) {
    const payload = root[field] as Record<string, unknown> | null | undefined;
    if (!payload) continue;
    for (const key of ["userErrors", "customerUserErrors"]) {
      const list = payload[key];
      if (Array.isArray(list)) {
        for (const e of list as Record<string, unknown>[]) {
          out.push({ ...e, field: (e.field as string[] | null | undefined) ?? null, message: String(e.message ?? ""), mutation: field });
        }
      }
    }
  }
  return out;
}

/** AdminClient over admin.graphql (routes: `const { admin } = await authenticate.admin(request)`). */
export function adminClientFromContext(admin: { graphql: AdminGraphqlFn }, options?: AdminClientOptions): AdminClient {
  return new AdminClient(adminGraphqlTransport(admin.graphql), options);
}

/** AdminClient for work outside a request, from a shop and its offline access token. */
export function offlineAdminClient(transport: OfflineTransportOptions, options?: AdminClientOptions): AdminClient {
  return new AdminClient(offlineTransport(transport), options);
}
