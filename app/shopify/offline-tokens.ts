/**
 * The one place that hands out a shop's offline access token for work outside an admin request (jobs,
 * webhooks, the shopper API, the terms sync): docs/decisions/120-expiring-offline-tokens.md.
 *
 * - Expiring offline tokens last 60 minutes; "Proactively refresh tokens a few minutes before they expire"
 *   and store "the latest values returned by the refresh response" (the refresh token is replaced on every
 *   use): https://shopify.dev/changelog/offline-access-tokens-now-support-expiry-and-refresh
 * - A renewal holds the shop's lease (a row in OfflineTokenRefresh) so two app instances and a worker never
 *   spend one refresh token at once, and the new pair replaces the old one by compare-and-set on the spent
 *   credential, in one statement ("store every refreshed token pair atomically"). A holder that loses the
 *   compare-and-set (its lease ran out while it waited, or an admin page load stored a pair by token
 *   exchange) adopts what is stored.
 * - A process that dies after Shopify answered but before storing leaves the old refresh token stored;
 *   Shopify keeps it usable until its replacement is used (at most 30 days), so the next renewal simply
 *   spends it again: https://shopify.dev/changelog/more-resilient-refreshes-for-expiring-offline-access-tokens
 * - A non-expiring token still stored (an install from before the flag) is migrated once by token exchange
 *   (subject_token_type offline-access-token, expiring=1); a lost answer is recovered by repeating it:
 *   https://shopify.dev/docs/apps/build/authentication-authorization/migrate-to-expiring-offline-access-tokens
 *   https://shopify.dev/changelog/more-resilient-token-exchanges-when-migrating-tokens-without-a-user-session
 * - When Shopify refuses the stored credential itself (expired/revoked refresh token) the shop needs a new
 *   grant: ReauthRequiredError, and the credential's hash is remembered so it is not sent again. The next
 *   admin page load does a token exchange, stores a new pair, and everything works again.
 */
import { createHash, randomUUID } from "node:crypto";
import { createOfflineTokensRepo, type OfflineTokenGrant, type StoredOfflineToken } from "~/db/offline-tokens";
import type { Db } from "~/db/shared";
import { adminOriginFor, parseAdminOrigin, type AdminOriginEnv } from "./admin-origin.server";

export class NoOfflineSessionError extends Error {
  override readonly name = "NoOfflineSessionError";
  constructor(readonly shop: string) {
    super(`No offline session stored for ${shop}: the app is not installed, or was uninstalled`);
  }
}

/** Shopify refused the stored credential: only a new grant (a staff member opening the app) helps. */
export class ReauthRequiredError extends Error {
  override readonly name = "ReauthRequiredError";
  constructor(
    readonly shop: string,
    readonly reason: string,
  ) {
    super(`The offline access token of ${shop} cannot be renewed (${reason}): a staff member must open the app in the Shopify admin to authorise it again`);
  }
}

/** The token could not be renewed for a passing reason (network, 5xx, another process still renewing). */
export class OfflineTokenUnavailableError extends Error {
  override readonly name = "OfflineTokenUnavailableError";
  constructor(
    readonly shop: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`The offline access token of ${shop} could not be renewed now: ${message}`, options);
  }
}

/** Shopify's token endpoint answered 4xx about the credential sent (not about the client). */
export class GrantRefusedError extends Error {
  override readonly name = "GrantRefusedError";
  constructor(
    readonly status: number,
    readonly error: string,
    readonly description: string,
  ) {
    super(`token endpoint answered ${status} ${error}: ${description}`);
  }
}

/** Shopify's token endpoint, as the renewal needs it. Refusals of the credential are GrantRefusedError. */
export interface OfflineGrants {
  refresh(shop: string, refreshToken: string): Promise<OfflineTokenGrant>;
  migrate(shop: string, nonExpiringAccessToken: string): Promise<OfflineTokenGrant>;
}

/** A token for one shop, for a transport: see offlineTransport. */
export interface OfflineTokenSource {
  current(): Promise<string>;
  /** Shopify answered 401 to `rejected`: a token other than it (renewing if it is still the stored one). */
  afterUnauthorized(rejected: string): Promise<string>;
}

export interface OfflineTokensOptions {
  db: Db;
  grants: OfflineGrants;
  now?: () => Date;
  /** names this process in the lease (host:pid); each renewal adds a unique suffix */
  holder?: string;
  /** renew when the token expires within this (default 5 min, as the library does before a token exchange) */
  refreshBeforeMs?: number;
  /** how long a renewal may hold the shop's lease (default 30 s; longer than the grant's HTTP timeout) */
  leaseMs?: number;
  /** waiting for another holder: poll interval and how many polls before giving up (default 200 ms x 200) */
  pollMs?: number;
  maxPolls?: number;
  sleep?: (ms: number) => Promise<void>;
}

export interface OfflineTokens {
  /**
   * A token valid for at least `refreshBeforeMs`, renewing (or migrating) it first when needed; always
   * checks the database (NoOfflineSessionError once the app is uninstalled).
   */
  accessToken(shop: string): Promise<string>;
  afterUnauthorized(shop: string, rejected: string): Promise<string>;
  /** For a client: the token this process last saw while it is fresh, else accessToken(). */
  source(shop: string): OfflineTokenSource;
}

const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");

export function createOfflineTokens(opts: OfflineTokensOptions): OfflineTokens {
  const repo = createOfflineTokensRepo(opts.db);
  const now = opts.now ?? (() => new Date());
  const holderBase = opts.holder ?? `pid-${process.pid}`;
  const refreshBeforeMs = opts.refreshBeforeMs ?? 5 * 60_000;
  const leaseMs = opts.leaseMs ?? 30_000;
  const pollMs = opts.pollMs ?? 200;
  const maxPolls = opts.maxPolls ?? Math.ceil((leaseMs + 10_000) / pollMs);
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const inflight = new Map<string, Promise<string>>();
  // The last token this process read or stored per shop, so calls of one client need no database read
  // while it is fresh. Another process renewing meanwhile does not make it wrong: a token Shopify refuses
  // comes back through afterUnauthorized, which reads the database again.
  const known = new Map<string, { token: string; expires: number }>();
  const fresh = (shop: string): string | null => {
    const k = known.get(shop);
    return k && k.expires - now().getTime() > refreshBeforeMs ? k.token : null;
  };
  const remember = (shop: string, token: string, expires: Date | null) => {
    if (expires) known.set(shop, { token, expires: expires.getTime() });
    return token;
  };

  const usable = (row: StoredOfflineToken, rejected: string | undefined) =>
    row.accessToken !== "" && row.accessToken !== rejected && row.expires !== null && row.expires.getTime() - now().getTime() > refreshBeforeMs;

  async function ensure(shop: string, rejected?: string): Promise<string> {
    let polls = 0;
    let changed = 0;
    for (;;) {
      const row = await repo.load(shop);
      if (!row) throw new NoOfflineSessionError(shop);
      if (usable(row, rejected)) return remember(shop, row.accessToken, row.expires);
      const holder = `${holderBase}:${randomUUID()}`;
      if (await repo.acquireLease(shop, holder, now(), leaseMs)) {
        let token: string | null;
        try {
          token = await renew(shop, rejected);
        } finally {
          await repo.releaseLease(shop, holder, now());
        }
        if (token !== null) return token;
        // another pair was stored while we renewed: adopt it (next turn of the loop)
        if (++changed > 3) throw new OfflineTokenUnavailableError(shop, "the stored token kept changing while it was being renewed");
        continue;
      }
      if (++polls > maxPolls) throw new OfflineTokenUnavailableError(shop, "another process has been renewing it for too long");
      await sleep(pollMs);
    }
  }

  /** Under the lease: renew, store, return the new token; null when someone else's pair is now stored. */
  async function renew(shop: string, rejected: string | undefined): Promise<string | null> {
    const row = await repo.load(shop);
    if (!row) throw new NoOfflineSessionError(shop);
    if (usable(row, rejected)) return remember(shop, row.accessToken, row.expires);
    const migrating = row.refreshToken === null && row.expires === null && row.accessToken !== "";
    const credential = row.refreshToken ?? (migrating ? row.accessToken : null);
    if (credential === null) throw new ReauthRequiredError(shop, "no refresh token is stored");
    if (row.refreshTokenExpires && row.refreshTokenExpires.getTime() <= now().getTime()) {
      throw new ReauthRequiredError(shop, "the refresh token expired");
    }
    const hash = sha256(credential);
    if ((await repo.refusedHash(shop)) === hash) throw new ReauthRequiredError(shop, "Shopify refused the stored credential earlier");
    let grant: OfflineTokenGrant;
    try {
      grant = migrating ? await opts.grants.migrate(shop, credential) : await opts.grants.refresh(shop, credential);
    } catch (e) {
      if (!(e instanceof GrantRefusedError)) {
        throw new OfflineTokenUnavailableError(shop, e instanceof Error ? e.message : String(e), { cause: e });
      }
      // Refused: unless a newer pair was stored meanwhile, the credential is dead; never send it again.
      const after = await repo.load(shop);
      if (after && (after.refreshToken ?? after.accessToken) !== credential) return null;
      await repo.markRefused(shop, hash, now());
      throw new ReauthRequiredError(shop, `Shopify refused the ${migrating ? "non-expiring token" : "refresh token"}: ${e.error} ${e.description}`.trim());
    }
    const stored = await repo.replace(shop, migrating ? { nonExpiringAccessToken: credential } : { refreshToken: credential }, grant);
    return stored ? remember(shop, grant.accessToken, grant.expires) : null;
  }

  function accessToken(shop: string): Promise<string> {
    const running = inflight.get(shop);
    if (running) return running;
    const p = ensure(shop).finally(() => inflight.delete(shop));
    inflight.set(shop, p);
    return p;
  }

  function afterUnauthorized(shop: string, rejected: string): Promise<string> {
    if (known.get(shop)?.token === rejected) known.delete(shop);
    return ensure(shop, rejected);
  }

  return {
    accessToken,
    afterUnauthorized,
    source: (shop) => ({
      current: async () => fresh(shop) ?? accessToken(shop),
      afterUnauthorized: (rejected) => afterUnauthorized(shop, rejected),
    }),
  };
}

export interface HttpOfflineGrantsOptions {
  apiKey: string;
  apiSecret: string;
  env?: AdminOriginEnv;
  fetch?: typeof globalThis.fetch;
  now?: () => Date;
  /** per request (default 10 s, well under the renewal lease) */
  timeoutMs?: number;
}

const TOKEN_EXCHANGE = "urn:ietf:params:oauth:grant-type:token-exchange";
const OFFLINE_TOKEN = "urn:shopify:params:oauth:token-type:offline-access-token";

/**
 * POST https://<shop>/admin/oauth/access_token (adminOriginFor: only *.myshopify.com, and in development
 * the stand-in). 4xx about the credential (invalid_grant, invalid_request such as "This request requires an
 * active refresh_token", invalid_subject_token) is a GrantRefusedError; a bad client id/secret is a
 * configuration error and 5xx/429/network are passing failures, neither marks the credential dead.
 */
export function httpOfflineGrants(o: HttpOfflineGrantsOptions): OfflineGrants {
  const now = o.now ?? (() => new Date());
  const env = o.env ?? process.env;
  const doFetch = o.fetch ?? globalThis.fetch;
  const timeoutMs = o.timeoutMs ?? 10_000;

  async function post(shop: string, body: Record<string, string>): Promise<OfflineTokenGrant> {
    const headers: Record<string, string> = { "Content-Type": "application/json", Accept: "application/json" };
    if (parseAdminOrigin(env.SHOPIFY_ADMIN_ORIGIN, env)) headers["X-Forwarded-Host"] = shop;
    const res = await doFetch(`${adminOriginFor(shop, env)}/admin/oauth/access_token`, {
      method: "POST",
      headers,
      body: JSON.stringify({ client_id: o.apiKey, client_secret: o.apiSecret, ...body }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await res.text();
    let json: Record<string, unknown> = {};
    try {
      json = JSON.parse(text) as Record<string, unknown>;
    } catch {
      // not JSON (a proxy's error page): judged by status below
    }
    if (!res.ok) {
      const error = typeof json.error === "string" ? json.error : "";
      const description = typeof json.error_description === "string" ? json.error_description : text.slice(0, 200);
      if ((res.status === 400 || res.status === 401) && error !== "" && error !== "invalid_client") throw new GrantRefusedError(res.status, error, description);
      throw new Error(`token endpoint answered ${res.status} ${error} ${description}`.trim());
    }
    const accessToken = json.access_token;
    const refreshToken = json.refresh_token;
    const expiresIn = json.expires_in;
    const refreshExpiresIn = json.refresh_token_expires_in;
    if (typeof accessToken !== "string" || typeof refreshToken !== "string" || typeof expiresIn !== "number" || typeof refreshExpiresIn !== "number") {
      throw new Error("token endpoint answered without an expiring pair (access_token, expires_in, refresh_token, refresh_token_expires_in)");
    }
    const at = now().getTime();
    return {
      accessToken,
      scope: typeof json.scope === "string" ? json.scope : null,
      expires: new Date(at + expiresIn * 1000),
      refreshToken,
      refreshTokenExpires: new Date(at + refreshExpiresIn * 1000),
    };
  }

  return {
    refresh: (shop, refreshToken) => post(shop, { grant_type: "refresh_token", refresh_token: refreshToken }),
    migrate: (shop, token) =>
      post(shop, { grant_type: TOKEN_EXCHANGE, subject_token: token, subject_token_type: OFFLINE_TOKEN, requested_token_type: OFFLINE_TOKEN, expiring: "1" }),
  };
}

/**
 * Migrates every shop still holding a non-expiring offline token (installed before the app asked for
 * expiring ones), so that shops whose merchants do not open the app before 2027-01-01 keep working.
 * Run at server start; a cross-shop read by design (like the job queue's claim). Per shop it is the
 * same renewal as any other (lease, compare-and-set, retry-safe), and one shop's failure is logged, not
 * thrown. Returns how many were migrated.
 */
export async function migrateNonExpiringOfflineTokens(
  db: Db,
  tokens: Pick<OfflineTokens, "accessToken">,
  log: (message: string) => void = console.error,
): Promise<number> {
  const rows = await db.session.findMany({
    where: { isOnline: false, expires: null, refreshToken: null, NOT: { accessToken: "" } },
    select: { shop: true },
  });
  let migrated = 0;
  for (const { shop } of rows) {
    try {
      await tokens.accessToken(shop);
      migrated++;
    } catch (error) {
      log(`offline token of ${shop} not migrated: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return migrated;
}
