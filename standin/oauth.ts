import { randomBytes } from "node:crypto";
import type { Store } from "./state/store";
import { verifyJwt } from "./tokens";
import type { Clock } from "./clock";

export const GRANTED_SCOPES = "read_orders,write_orders,read_all_orders,read_returns,write_returns,read_products,write_products,read_customers,write_store_credit_account_transactions,read_store_credit_accounts,write_files,read_files";

const TOKEN_EXCHANGE = "urn:ietf:params:oauth:grant-type:token-exchange";
const ID_TOKEN = "urn:ietf:params:oauth:token-type:id_token";
const OFFLINE = "urn:shopify:params:oauth:token-type:offline-access-token";
const ONLINE = "urn:shopify:params:oauth:token-type:online-access-token";

/**
 * Which app the stand-in serves. Shopify's rules for offline tokens depend on it: "Public apps created on
 * or after April 1, 2026 must use expiring tokens, and public apps created before April 1, 2026 must
 * migrate to expiring tokens by January 1, 2027. Starting January 1, 2027, public apps that make REST or
 * GraphQL Admin API requests with non-expiring tokens receive error responses. These requirements don't
 * apply to custom apps or apps created by merchants."
 * https://shopify.dev/docs/apps/build/authentication-authorization/access-tokens/offline-access-tokens
 */
export interface AppProfile {
  distribution: "public" | "custom";
  createdAt: Date;
}

/** The app this repository is: a public (App Store) app created after 2026-04-01. */
export const DEFAULT_APP: AppProfile = { distribution: "public", createdAt: new Date("2026-04-01T00:00:00Z") };

const NEW_PUBLIC_APPS_FROM = Date.parse("2026-04-01T00:00:00Z");
const ALL_PUBLIC_APPS_FROM = Date.parse("2027-01-01T00:00:00Z");

/** Whether Shopify refuses Admin API requests made with a non-expiring offline token for this app, now. */
export function nonExpiringRefused(app: AppProfile, now: Date): boolean {
  return app.distribution === "public" && (app.createdAt.getTime() >= NEW_PUBLIC_APPS_FROM || now.getTime() >= ALL_PUBLIC_APPS_FROM);
}

export interface ExchangeDeps {
  store: Store;
  /** scopes granted (shopify.app.toml [access_scopes]); defaults to GRANTED_SCOPES */
  scopes?: string;
  apiKey: string;
  apiSecret: string;
  clock: Clock;
  /** default DEFAULT_APP */
  app?: AppProfile;
}

type Out = { status: number; body: Record<string, unknown> };

const bad = (error: string, description: string, status = 400): Out => ({ status, body: { error, error_description: description } });

/**
 * A refresh token that is unknown, retired, expired or past its recovery period. Status and body as a
 * developer recorded them from Shopify's token endpoint (there is no shopify.dev page listing them):
 * https://community.shopify.dev/t/520-during-refresh-token-rotation-permanently-orphans-the-offline-access-token/35182
 */
const NO_ACTIVE_REFRESH_TOKEN = (): Out => bad("invalid_request", "This request requires an active refresh_token", 401);

/**
 * Expiring offline tokens: the access token lasts 60 minutes, the refresh token 90 days, and "Shopify
 * replaces its refresh token every time your app uses it".
 * https://shopify.dev/changelog/offline-access-tokens-now-support-expiry-and-refresh
 * https://shopify.dev/docs/apps/build/security/credentials-and-data/use-expiring-offline-access-tokens
 */
const EXPIRING_ACCESS_SECONDS = 3600;
const REFRESH_SECONDS = 7_776_000;
const DAY_MS = 86_400_000;
/**
 * "an app can retry its previously stored refresh token until it starts using the replacement refresh
 * token ... limited to 30 days from the original refresh token's first use and doesn't extend the token
 * beyond its normal 90-day lifetime. When an app uses the replacement refresh token, the preceding
 * refresh token is retired." (2026-08-28)
 * https://shopify.dev/changelog/more-resilient-refreshes-for-expiring-offline-access-tokens
 */
const REFRESH_RECOVERY_MS = 30 * DAY_MS;
/**
 * Migrating a non-expiring token: "an eligible retry using the same original token and client
 * credentials returns the same access-token and refresh-token pair", for seven days, until the pair is
 * refreshed or a later token acquisition (authorization code, ID-token exchange) replaces it; "The
 * original non-expiring token remains invalid for GraphQL Admin API requests after migration."
 * https://shopify.dev/changelog/more-resilient-token-exchanges-when-migrating-tokens-without-a-user-session
 */
const MIGRATION_RECOVERY_MS = 7 * DAY_MS;

interface RefreshRec {
  scope: string;
  expiresAt: number;
  /** the refresh token whose use issued this one (null: issued by a token exchange) */
  parent: string | null;
  firstUsedAt: number | null;
  retired: boolean;
}

interface MigrationRec {
  accessToken: string;
  refreshToken: string;
  at: number;
  /** refreshed, or replaced by a later token acquisition */
  over: boolean;
}

interface TokenState {
  refresh: Map<string, RefreshRec>;
  /** original non-expiring token -> the pair it was exchanged for */
  migrations: Map<string, MigrationRec>;
}

const states = new WeakMap<Store, TokenState>();

function stateOf(store: Store): TokenState {
  let s = states.get(store);
  if (!s) states.set(store, (s = { refresh: new Map(), migrations: new Map() }));
  return s;
}

/**
 * POST /admin/oauth/access_token: the token-exchange grant embedded apps use (session token -> access
 * token, `expiring: "1"` for an expiring offline token), the same grant with a non-expiring offline token
 * as the subject (migration), and the refresh_token grant.
 * https://shopify.dev/docs/apps/build/authentication-authorization/migrate-to-expiring-offline-access-tokens
 */
export function tokenExchange(deps: ExchangeDeps, params: Record<string, string | undefined>): Out {
  if (params.client_id !== deps.apiKey || params.client_secret !== deps.apiSecret)
    return bad("invalid_client", "Client authentication failed due to unknown client, no client authentication included, or unsupported authentication method.", 401);
  if (params.grant_type === "refresh_token") return refreshGrant(deps, params.refresh_token);
  if (params.grant_type !== TOKEN_EXCHANGE) return bad("unsupported_grant_type", `The authorization grant type is not supported by the authorization server.`);
  if (!params.subject_token) return bad("invalid_request", "The request is missing a required parameter: subject_token.");
  if (params.subject_token_type === OFFLINE) return migrationGrant(deps, params);
  if (params.subject_token_type !== ID_TOKEN) return bad("invalid_request", "The subject_token_type is not supported.");
  const wanted = params.requested_token_type ?? OFFLINE;
  if (wanted !== OFFLINE && wanted !== ONLINE) return bad("invalid_request", "The requested_token_type is not supported.");
  const v = verifyJwt(params.subject_token, deps.apiSecret, { audience: deps.apiKey, now: deps.clock() });
  if (!v.ok) return bad("invalid_subject_token", `The subject token is invalid: ${v.reason}.`);
  if (v.claims.dest !== `https://${deps.store.shop.myshopifyDomain}`) return bad("invalid_subject_token", "The subject token was issued for a different shop.");
  const online = wanted === ONLINE;
  const scope = deps.scopes ?? GRANTED_SCOPES;
  const token = `${online ? "shpua" : "shpat"}_${randomBytes(16).toString("hex")}`;
  const userId = Number(v.claims.sub ?? 1);
  deps.store.accessTokens.set(token, {
    token,
    kind: online ? "online" : "offline",
    scope,
    userId: online ? String(userId) : null,
    expiresAt: online ? deps.clock().getTime() + 86_399_000 : null,
  });
  if (!online) {
    // a later ID-token exchange replaces a migrated pair: its recovery ends
    for (const m of stateOf(deps.store).migrations.values()) m.over = true;
  }
  if (!online && params.expiring === "1") return issueExpiringOffline(deps, scope, token, null);
  if (!online) return { status: 200, body: { access_token: token, scope } };
  return {
    status: 200,
    body: {
      access_token: token,
      scope,
      expires_in: 86399,
      associated_user_scope: scope,
      session: String(v.claims.sid ?? ""),
      associated_user: {
        id: userId,
        first_name: (STAFF[userId] ?? STAFF[0]!).firstName,
        last_name: (STAFF[userId] ?? STAFF[0]!).lastName,
        email: (STAFF[userId] ?? STAFF[0]!).email,
        account_owner: userId === 1,
        locale: "en",
        collaborator: false,
        email_verified: true,
      },
    },
  };
}

/**
 * The demo shop's staff as an online token's `associated_user` names them (user 1, the owner, is who the demo
 * admin frame signs in as); any other user id answers as a generic member of staff.
 */
const STAFF: Record<number, { firstName: string; lastName: string; email: string }> = {
  0: { firstName: "Demo", lastName: "Staff", email: "staff@example.com" },
  1: { firstName: "Mere", lastName: "Tamihana", email: "mere@demo-returns.example" },
  2: { firstName: "Sam", lastName: "Lee", email: "sam@demo-returns.example" },
};

function issueExpiringOffline(deps: ExchangeDeps, scope: string, token: string, parent: string | null): Out {
  const now = deps.clock().getTime();
  const rec = deps.store.accessTokens.get(token)!;
  rec.expiresAt = now + EXPIRING_ACCESS_SECONDS * 1000;
  const refresh = `shprt_${randomBytes(16).toString("hex")}`;
  stateOf(deps.store).refresh.set(refresh, { expiresAt: now + REFRESH_SECONDS * 1000, scope, parent, firstUsedAt: null, retired: false });
  return { status: 200, body: { access_token: token, scope, expires_in: EXPIRING_ACCESS_SECONDS, refresh_token: refresh, refresh_token_expires_in: REFRESH_SECONDS } };
}

function refreshUsable(rec: RefreshRec, now: number): boolean {
  if (rec.retired || now >= rec.expiresAt) return false;
  return rec.firstUsedAt === null || now < rec.firstUsedAt + REFRESH_RECOVERY_MS;
}

/**
 * Rotation with the previous token retained: using R issues a new pair (R'); R stays usable (for a
 * retry after a lost answer) until R' is used, at most 30 days after R's first use. Using R' retires R and
 * any other pair R issued: one install holds one current refresh token. Earlier access tokens keep working
 * until their own expiry.
 */
function refreshGrant(deps: ExchangeDeps, refreshToken: string | undefined): Out {
  if (!refreshToken) return bad("invalid_request", "The request is missing a required parameter: refresh_token.");
  const st = stateOf(deps.store);
  const now = deps.clock().getTime();
  const rec = st.refresh.get(refreshToken);
  if (!rec || !refreshUsable(rec, now)) return NO_ACTIVE_REFRESH_TOKEN();
  rec.firstUsedAt ??= now;
  if (rec.parent !== null) {
    const parent = st.refresh.get(rec.parent);
    if (parent) parent.retired = true;
    for (const [other, r] of st.refresh) if (other !== refreshToken && r.parent === rec.parent) r.retired = true;
  }
  for (const m of st.migrations.values()) if (m.refreshToken === refreshToken) m.over = true;
  const token = `shpat_${randomBytes(16).toString("hex")}`;
  deps.store.accessTokens.set(token, { token, kind: "offline", scope: rec.scope, userId: null, expiresAt: null });
  return issueExpiringOffline(deps, rec.scope, token, refreshToken);
}

/**
 * Token exchange with a non-expiring offline token as the subject and `expiring: "1"`: the documented
 * way to migrate an install without a user session. Error wording for refusals is ours (no capture).
 * https://shopify.dev/docs/apps/build/authentication-authorization/migrate-to-expiring-offline-access-tokens
 */
function migrationGrant(deps: ExchangeDeps, params: Record<string, string | undefined>): Out {
  if ((params.requested_token_type ?? OFFLINE) !== OFFLINE) return bad("invalid_request", "The requested_token_type is not supported.");
  if (params.expiring !== "1") return bad("invalid_request", "An offline access token can only be exchanged for an expiring offline access token (expiring=1).");
  const subject = params.subject_token!;
  const st = stateOf(deps.store);
  const now = deps.clock();
  const earlier = st.migrations.get(subject);
  if (earlier) {
    if (earlier.over || now.getTime() >= earlier.at + MIGRATION_RECOVERY_MS) return bad("invalid_subject_token", "The subject token is invalid: it was already exchanged.");
    const access = deps.store.accessTokens.get(earlier.accessToken);
    const refresh = st.refresh.get(earlier.refreshToken);
    if (!access || !refresh) return bad("invalid_subject_token", "The subject token is invalid: it was already exchanged.");
    access.expiresAt = Math.max(access.expiresAt ?? 0, now.getTime() + EXPIRING_ACCESS_SECONDS * 1000);
    return {
      status: 200,
      body: {
        access_token: earlier.accessToken,
        scope: access.scope,
        expires_in: Math.round((access.expiresAt - now.getTime()) / 1000),
        refresh_token: earlier.refreshToken,
        refresh_token_expires_in: Math.max(0, Math.round((refresh.expiresAt - now.getTime()) / 1000)),
      },
    };
  }
  const rec = deps.store.accessTokens.get(subject);
  if (!rec || rec.kind !== "offline" || rec.expiresAt !== null) return bad("invalid_subject_token", "The subject token is invalid: not a non-expiring offline access token of this shop.");
  // from 2027-01-01 "Shopify invalidates any remaining non-expiring tokens" of public apps
  if ((deps.app ?? DEFAULT_APP).distribution === "public" && now.getTime() >= ALL_PUBLIC_APPS_FROM) {
    deps.store.accessTokens.delete(subject);
    return bad("invalid_subject_token", "The subject token is invalid: non-expiring offline access tokens are no longer accepted.");
  }
  deps.store.accessTokens.delete(subject);
  const token = `shpat_${randomBytes(16).toString("hex")}`;
  deps.store.accessTokens.set(token, { token, kind: "offline", scope: rec.scope, userId: null, expiresAt: null });
  const out = issueExpiringOffline(deps, rec.scope, token, null);
  st.migrations.set(subject, { accessToken: token, refreshToken: out.body.refresh_token as string, at: now.getTime(), over: false });
  return out;
}

/** An expiring offline pair issued directly (tests that do not need a token exchange first). */
export function grantExpiringOffline(deps: Pick<ExchangeDeps, "store" | "clock">, scope: string, token = `shpat_${randomBytes(16).toString("hex")}`) {
  deps.store.accessTokens.set(token, { token, kind: "offline", scope, userId: null, expiresAt: null });
  const out = issueExpiringOffline({ ...deps, apiKey: "", apiSecret: "" }, scope, token, null);
  return { accessToken: token, refreshToken: out.body.refresh_token as string };
}

/** Uninstall: every access and refresh token stops working. */
export function revokeAllTokens(store: Store): void {
  store.accessTokens.clear();
  const st = stateOf(store);
  for (const r of st.refresh.values()) r.retired = true;
  for (const m of st.migrations.values()) m.over = true;
}

/**
 * The Admin API's answer to a token, or null when it may proceed. An unknown or expired token is 401 with
 * Shopify's body. A non-expiring offline token of a public app created on/after 2026-04-01 (or of any
 * public app from 2027-01-01) is 403: Shopify documents that such requests "receive error responses"
 * (https://shopify.dev/docs/apps/build/authentication-authorization/access-tokens/offline-access-tokens);
 * the status and message are as an integrator quoted them from Shopify's answer, not from a capture.
 */
export function adminAccessRefusal(store: Store, app: AppProfile | undefined, token: string | undefined, now: Date): Out | null {
  const rec = token ? store.accessTokens.get(token) : undefined;
  if (!rec || (rec.expiresAt !== null && rec.expiresAt <= now.getTime()))
    return { status: 401, body: { errors: "[API] Invalid API key or access token (unrecognized login or wrong password)" } };
  if (rec.kind === "offline" && rec.expiresAt === null && nonExpiringRefused(app ?? DEFAULT_APP, now))
    return { status: 403, body: { errors: "Non-expiring access tokens are no longer accepted for the Admin API. Start using expiring offline tokens." } };
  return null;
}
