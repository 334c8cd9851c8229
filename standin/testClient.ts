/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL answers in tests are read loosely; assertions check their shape */
/** Test helper: start a stand-in, exchange a session token for an offline access token, post GraphQL. */
import { startStandin, type Standin, type StandinOptions } from "./index";

export const TEST_KEY = "test-api-key";
export const TEST_SECRET = "test-api-secret";

export interface Client {
  standin: Standin;
  token: string;
  gql<T = any>(query: string, variables?: Record<string, unknown>): Promise<{ status: number; body: T & { data?: any; errors?: any; extensions?: any } }>;
}

const OFFLINE = "urn:shopify:params:oauth:token-type:offline-access-token";

/** Token exchange at the stand-in; offline tokens are requested expiring (as the app does) unless `expiring: false`. */
export async function exchange(standin: Standin, sessionToken: string, requested = OFFLINE, { expiring = true }: { expiring?: boolean } = {}) {
  const res = await fetch(`${standin.url}/admin/oauth/access_token`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({
      client_id: TEST_KEY,
      client_secret: TEST_SECRET,
      grant_type: "urn:ietf:params:oauth:grant-type:token-exchange",
      subject_token: sessionToken,
      subject_token_type: "urn:ietf:params:oauth:token-type:id_token",
      requested_token_type: requested,
      ...(requested === OFFLINE && expiring ? { expiring: "1" } : {}),
    }),
  });
  return { status: res.status, body: (await res.json()) as any };
}

export async function startWithClient(opts: Partial<StandinOptions> = {}): Promise<Client> {
  const standin = await startStandin({ apiKey: TEST_KEY, apiSecret: TEST_SECRET, webhooks: [], ...opts });
  const ex = await exchange(standin, standin.mintAdminSessionToken());
  if (ex.status !== 200) throw new Error(`token exchange failed: ${JSON.stringify(ex.body)}`);
  const token = ex.body.access_token as string;
  return {
    standin,
    token,
    async gql(query, variables) {
      const res = await fetch(`${standin.url}/admin/api/2026-07/graphql.json`, {
        method: "POST",
        headers: { "Content-Type": "application/json", "X-Shopify-Access-Token": token },
        body: JSON.stringify({ query, variables }),
      });
      return { status: res.status, body: (await res.json()) as any };
    },
  };
}
