// Test setup for suites that run the app's Admin documents against the stand-in without the app's
// database: a stand-in (demo seed, no webhook subscriptions unless opts say otherwise), an offline
// token from a token exchange, and the app's AdminClient for it.
import { offlineAdminClient, type AdminClient } from "~/shopify/admin-client";
import { startStandin, type Standin, type StandinOptions } from "../../standin";
import { exchange, TEST_KEY, TEST_SECRET } from "../../standin/testing";

export interface StandinWithAdmin {
  standin: Standin;
  token: string;
  /** The scopes the exchange granted. */
  scope: string;
  admin: AdminClient;
}

export async function startStandinWithAdmin(
  opts: Partial<StandinOptions> = {},
  /** the AdminClient's own options (e.g. no real sleeps, fewer retries) */
  clientOptions?: Parameters<typeof offlineAdminClient>[1],
): Promise<StandinWithAdmin> {
  const standin = await startStandin({ apiKey: TEST_KEY, apiSecret: TEST_SECRET, webhooks: [], seed: "demo", ...opts });
  const ex = await exchange(standin, standin.mintAdminSessionToken());
  const token = ex.body.access_token as string;
  const admin = offlineAdminClient({ shop: standin.shop, accessToken: token, env: { SHOPIFY_ADMIN_ORIGIN: standin.url } }, clientOptions);
  return { standin, token, scope: ex.body.scope as string, admin };
}

/**
 * A fetch that records the name of each Admin operation it sends, in order: mutations, queries or both
 * (`kinds`), for suites that assert what reached Shopify.
 */
export function recordingFetch(sent: string[], kinds: "mutation" | "query" | "both"): typeof fetch {
  const pattern = kinds === "both" ? /(?:mutation|query)\s+(\w+)/ : new RegExp(`${kinds}\\s+(\\w+)`);
  return async (input, init) => {
    const body = typeof init?.body === "string" ? (JSON.parse(init.body) as { query?: string }) : {};
    const m = pattern.exec(body.query ?? "");
    if (m) sent.push(m[1]!);
    return fetch(input, init);
  };
}
