// Who acted, by name. Staff actions are stored with the actor "staff:<userId>" (the admin session token's
// `sub`); screens showed "Staff" for all of them. Shopify says who a user is in one place this app can use:
// exchanging the staff member's own session token for an ONLINE access token answers `associated_user`
// (id, first_name, last_name, email, ...)
// https://shopify.dev/docs/apps/build/authentication-authorization/access-tokens/token-exchange
// https://shopify.dev/docs/apps/build/authentication-authorization/access-token-types/online-access-tokens
// The other way, Admin's `staffMember(id)`, reads staff through the `read_users` scope, which Shopify grants
// on request for Shopify Plus (and Advanced) shops only (https://shopify.dev/api/admin-rest/2023-01/resources/user:
// "You need to contact Shopify Plus Support to request the read_users access scope"): this app neither asks for
// it nor can count on it, and its Admin operations do not read staff. The online token is used for nothing else and never stored (the app acts with its offline
// token, decision 120); only the display name is kept (StaffMember), learned at a staff action and re-learned
// after STAFF_NAME_MAX_AGE_MS so a renamed member is named anew. Unknown stays "Staff".
import type { Repos } from "~/db";
import { adminOriginFor, parseAdminOrigin, type AdminOriginEnv } from "./admin-origin.server";

const TOKEN_EXCHANGE = "urn:ietf:params:oauth:grant-type:token-exchange";
const ID_TOKEN = "urn:ietf:params:oauth:token-type:id_token";
const ONLINE_TOKEN = "urn:shopify:params:oauth:token-type:online-access-token";

/** A name is learned again after 30 days. */
export const STAFF_NAME_MAX_AGE_MS = 30 * 86_400_000;

export interface AssociatedUser {
  id?: number | string;
  first_name?: string | null;
  last_name?: string | null;
  email?: string | null;
}

/** "First Last", or the e-mail when Shopify gives no name; null when it gives neither. */
export function staffDisplayName(user: AssociatedUser | null | undefined): string | null {
  if (!user) return null;
  const name = [user.first_name, user.last_name].map((p) => (typeof p === "string" ? p.trim() : "")).filter(Boolean).join(" ");
  if (name) return name;
  return typeof user.email === "string" && user.email.trim() ? user.email.trim() : null;
}

export type StaffNameLookup = (shop: string, sessionToken: string) => Promise<AssociatedUser | null>;

/** The token exchange for an online token (at https://<shop>, the stand-in in development), read for `associated_user` only. */
export function httpStaffNameLookup(o: { apiKey: string; apiSecret: string; env?: AdminOriginEnv; fetch?: typeof globalThis.fetch; timeoutMs?: number }): StaffNameLookup {
  const env = o.env ?? process.env;
  const doFetch = o.fetch ?? globalThis.fetch;
  return async (shop, sessionToken) => {
    const headers: Record<string, string> = { "Content-Type": "application/json", Accept: "application/json" };
    if (parseAdminOrigin(env.SHOPIFY_ADMIN_ORIGIN, env)) headers["X-Forwarded-Host"] = shop;
    const res = await doFetch(`${adminOriginFor(shop, env)}/admin/oauth/access_token`, {
      method: "POST",
      headers,
      body: JSON.stringify({
        client_id: o.apiKey,
        client_secret: o.apiSecret,
        grant_type: TOKEN_EXCHANGE,
        subject_token: sessionToken,
        subject_token_type: ID_TOKEN,
        requested_token_type: ONLINE_TOKEN,
      }),
      signal: AbortSignal.timeout(o.timeoutMs ?? 3000),
    });
    if (!res.ok) throw new Error(`token endpoint answered ${res.status}`);
    const json = (await res.json()) as { associated_user?: AssociatedUser };
    return json.associated_user ?? null;
  };
}

/**
 * Learns the acting staff member's name when it is not known or is old. Best effort: a failure is logged and
 * the action goes on (its actor is stored either way; the name can be learned at a later action).
 */
export async function learnStaffName(
  deps: { repos: Pick<Repos, "staffMembers">; now: () => Date; lookup: StaffNameLookup },
  shop: string,
  userId: string,
  sessionToken: string,
): Promise<void> {
  if (!/^\d+$/.test(userId)) return;
  try {
    const learnedAt = await deps.repos.staffMembers.learnedAt(shop, userId);
    if (learnedAt && deps.now().getTime() - learnedAt.getTime() < STAFF_NAME_MAX_AGE_MS) return;
    const user = await deps.lookup(shop, sessionToken);
    // the answer must be about the same user: the token's `sub`
    if (user?.id !== undefined && String(user.id) !== userId) return;
    const name = staffDisplayName(user);
    if (name) await deps.repos.staffMembers.record(shop, userId, name, deps.now());
  } catch (error) {
    console.warn(`staff names: could not learn the name of staff member ${userId} of ${shop}`, error instanceof Error ? error.message : error);
  }
}
