// Which kind of Shopify session token a request carries, from its claims. Both kinds are HS256 JWTs
// signed with the app's secret and addressed to the app (`aud` = API key), so the signature alone
// does not tell a shopper's token from a staff member's. Checked in addition to the library's
// verification (signature, exp/nbf when present), never instead of it.
//
// - Admin (App Bridge) session token: `iss` "https://<shop>/admin", `dest` "https://<shop>", `sub`
//   the staff user's numeric id, `exp`, `nbf`, `iat`, `jti`, `sid`:
//   https://shopify.dev/docs/apps/build/authentication-authorization/session-tokens#anatomy-of-a-session-token
// - Customer account UI extension session token: `dest` the shop's domain, `sub` the customer's GID
//   (gid://shopify/Customer/<n>, only when signed in), `aud`, `exp`, `nbf`, `iat`, `jti`; no `iss`:
//   https://shopify.dev/docs/api/customer-account-ui-extensions/latest/target-apis/platform-apis/session-token-api

export type Claims = Record<string, unknown>;

/** The payload of a JWT, unverified (null when it is not one). Only for refusing, never for trusting. */
export function unverifiedClaims(token: string): Claims | null {
  const parts = token.split(".");
  if (parts.length !== 3) return null;
  try {
    const claims: unknown = JSON.parse(Buffer.from(parts[1]!, "base64url").toString("utf8"));
    return claims !== null && typeof claims === "object" && !Array.isArray(claims) ? (claims as Claims) : null;
  } catch {
    return null;
  }
}

function shopHostPattern(): RegExp {
  const custom = process.env.SHOP_CUSTOM_DOMAIN;
  return new RegExp(`^[a-z0-9][a-z0-9-]*\\.(myshopify\\.com${custom ? `|${custom}` : ""})$`, "i");
}

/** Why these claims are not a staff member's admin session token, or null when they are. */
export function adminTokenProblem(claims: Claims): string | null {
  if (typeof claims.exp !== "number") return "has no expiry (exp)";
  const iss = typeof claims.iss === "string" ? /^https:\/\/([^/]+)\/admin$/.exec(claims.iss) : null;
  if (!iss || !shopHostPattern().test(iss[1]!)) return "is not issued by a shop's admin (iss)";
  if (claims.dest !== `https://${iss[1]}`) return "is not for the issuing shop (dest)";
  if (typeof claims.sub !== "string" || !/^\d+$/.test(claims.sub)) return "names no staff user (sub)";
  return null;
}

/**
 * Why these (signature-verified) claims are not a customer account session token for this app, or
 * null when they are: an expiry is required (a token without `exp` would never expire), the audience
 * must be the app's API key, and an admin token is not a shopper's.
 */
export function customerTokenProblem(claims: Claims, apiKey: string | undefined): string | null {
  if (typeof claims.exp !== "number") return "has no expiry (exp)";
  if (!apiKey || claims.aud !== apiKey) return "is not addressed to this app (aud)";
  if (typeof claims.iss === "string" && claims.iss.endsWith("/admin")) return "is an admin session token";
  return null;
}
