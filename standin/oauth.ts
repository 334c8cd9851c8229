import { randomBytes } from "node:crypto";
import type { Store } from "./state/store";
import { verifyJwt } from "./tokens";
import type { Clock } from "./clock";

export const GRANTED_SCOPES = "read_orders,write_orders,read_returns,write_returns,read_products,write_products,read_customers,write_store_credit_account_transactions,read_store_credit_accounts,write_files,read_files";

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

/** POST /admin/oauth/access_token with the token-exchange grant (the only grant embedded apps use). */
export function tokenExchange(deps: ExchangeDeps, params: Record<string, string | undefined>): Out {
  if (params.client_id !== deps.apiKey || params.client_secret !== deps.apiSecret)
    return bad("invalid_client", "Client authentication failed due to unknown client, no client authentication included, or unsupported authentication method.", 401);
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

export function accessTokenValid(store: Store, token: string | undefined, now: Date): boolean {
  if (!token) return false;
  const rec = store.accessTokens.get(token);
  if (!rec) return false;
  return rec.expiresAt === null || rec.expiresAt > now.getTime();
}
