import { randomBytes } from "node:crypto";
import type { Store } from "./state/store";
import { verifyJwt } from "./tokens";
import type { Clock } from "./clock";

export const GRANTED_SCOPES = "read_orders,write_orders,read_all_orders,read_returns,write_returns,read_products,write_products,read_customers,write_store_credit_account_transactions,read_store_credit_accounts,write_files,read_files";

const TOKEN_EXCHANGE = "urn:ietf:params:oauth:grant-type:token-exchange";
const ID_TOKEN = "urn:ietf:params:oauth:token-type:id_token";
const OFFLINE = "urn:shopify:params:oauth:token-type:offline-access-token";
const ONLINE = "urn:shopify:params:oauth:token-type:online-access-token";

export interface ExchangeDeps {
  store: Store;
  /** scopes granted (shopify.app.toml [access_scopes]); defaults to GRANTED_SCOPES */
  scopes?: string;
  apiKey: string;
  apiSecret: string;
  clock: Clock;
}

type Out = { status: number; body: Record<string, unknown> };

const bad = (error: string, description: string, status = 400): Out => ({ status, body: { error, error_description: description } });

/** expiring offline tokens: 1 hour access, 90 days refresh (Shopify's documented lifetimes) */
const EXPIRING_ACCESS_SECONDS = 3600;
const REFRESH_SECONDS = 7_776_000;

/**
 * POST /admin/oauth/access_token: the token-exchange grant embedded apps use, and the refresh_token
 * grant for expiring offline tokens (`expiring: "1"` on the exchange).
 */
export function tokenExchange(deps: ExchangeDeps, params: Record<string, string | undefined>): Out {
  if (params.client_id !== deps.apiKey || params.client_secret !== deps.apiSecret)
    return bad("invalid_client", "Client authentication failed due to unknown client, no client authentication included, or unsupported authentication method.", 401);
  if (params.grant_type === "refresh_token") return refreshGrant(deps, params.refresh_token);
  if (params.grant_type !== TOKEN_EXCHANGE) return bad("unsupported_grant_type", `The authorization grant type is not supported by the authorization server.`);
  if (!params.subject_token) return bad("invalid_request", "The request is missing a required parameter: subject_token.");
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
  if (!online && params.expiring === "1") return issueExpiringOffline(deps, scope, token);
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
        first_name: "Demo",
        last_name: "Staff",
        email: "staff@example.com",
        account_owner: userId === 1,
        locale: "en",
        collaborator: false,
        email_verified: true,
      },
    },
  };
}

const refreshTokens = new WeakMap<Store, Map<string, { expiresAt: number; scope: string }>>();

function refreshStore(store: Store) {
  let m = refreshTokens.get(store);
  if (!m) refreshTokens.set(store, (m = new Map()));
  return m;
}

function issueExpiringOffline(deps: ExchangeDeps, scope: string, token: string): Out {
  const now = deps.clock().getTime();
  const rec = deps.store.accessTokens.get(token)!;
  rec.expiresAt = now + EXPIRING_ACCESS_SECONDS * 1000;
  const refresh = `shprt_${randomBytes(16).toString("hex")}`;
  refreshStore(deps.store).set(refresh, { expiresAt: now + REFRESH_SECONDS * 1000, scope });
  return { status: 200, body: { access_token: token, scope, expires_in: EXPIRING_ACCESS_SECONDS, refresh_token: refresh, refresh_token_expires_in: REFRESH_SECONDS } };
}

/** refresh tokens rotate: each is good for one exchange */
function refreshGrant(deps: ExchangeDeps, refreshToken: string | undefined): Out {
  if (!refreshToken) return bad("invalid_request", "The request is missing a required parameter: refresh_token.");
  const m = refreshStore(deps.store);
  const rec = m.get(refreshToken);
  if (!rec || rec.expiresAt <= deps.clock().getTime()) return bad("invalid_grant", "The refresh token is invalid, expired or has already been used.");
  m.delete(refreshToken);
  const token = `shpat_${randomBytes(16).toString("hex")}`;
  deps.store.accessTokens.set(token, { token, kind: "offline", scope: rec.scope, userId: null, expiresAt: null });
  return issueExpiringOffline(deps, rec.scope, token);
}

export function accessTokenValid(store: Store, token: string | undefined, now: Date): boolean {
  if (!token) return false;
  const rec = store.accessTokens.get(token);
  if (!rec) return false;
  return rec.expiresAt === null || rec.expiresAt > now.getTime();
}
