import { createHmac, randomUUID, timingSafeEqual } from "node:crypto";

export type Claims = Record<string, unknown>;

const b64url = (b: Buffer | string) => Buffer.from(b).toString("base64url");

export function signJwt(claims: Claims, secret: string): string {
  const head = b64url(JSON.stringify({ alg: "HS256", typ: "JWT" }));
  const body = b64url(JSON.stringify(claims));
  const sig = createHmac("sha256", secret).update(`${head}.${body}`).digest("base64url");
  return `${head}.${body}.${sig}`;
}

export type VerifyResult = { ok: true; claims: Claims } | { ok: false; reason: string };

/** HS256 verification with exp/nbf checks (5 s leeway) and an optional audience check. */
export function verifyJwt(token: string, secret: string, opts: { audience?: string; now: Date }): VerifyResult {
  const parts = token.split(".");
  if (parts.length !== 3) return { ok: false, reason: "malformed token" };
  const [h, b, s] = parts as [string, string, string];
  let header: { alg?: string };
  let claims: Claims;
  try {
    header = JSON.parse(Buffer.from(h, "base64url").toString("utf8"));
    claims = JSON.parse(Buffer.from(b, "base64url").toString("utf8"));
  } catch {
    return { ok: false, reason: "malformed token" };
  }
  if (header.alg !== "HS256") return { ok: false, reason: "unsupported alg" };
  const expected = createHmac("sha256", secret).update(`${h}.${b}`).digest();
  const given = Buffer.from(s, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: "bad signature" };
  const now = Math.floor(opts.now.getTime() / 1000);
  if (typeof claims.exp !== "number" || claims.exp + 5 < now) return { ok: false, reason: "token expired" };
  if (typeof claims.nbf === "number" && claims.nbf - 5 > now) return { ok: false, reason: "token not yet valid" };
  if (opts.audience !== undefined && claims.aud !== opts.audience) return { ok: false, reason: "wrong audience" };
  return { ok: true, claims };
}

export interface AdminTokenOpts {
  userId?: number;
  sid?: string;
  ttlSeconds?: number;
}

/** App Bridge session token for the embedded admin (what shopify.idToken() returns). */
export function adminSessionClaims(shop: string, apiKey: string, now: Date, opts: AdminTokenOpts = {}): Claims {
  const iat = Math.floor(now.getTime() / 1000);
  return {
    iss: `https://${shop}/admin`,
    dest: `https://${shop}`,
    aud: apiKey,
    sub: String(opts.userId ?? 1),
    exp: iat + (opts.ttlSeconds ?? 60),
    nbf: iat,
    iat,
    jti: randomUUID(),
    sid: opts.sid ?? randomUUID().replace(/-/g, ""),
  };
}

/**
 * Customer account UI extension session token (shopify.sessionToken.get()): `dest` is the shop domain and
 * `sub` the customer GID when the customer is logged in and the app has protected customer data access
 * (null customerId: no `sub`). No `iss`/`sid`.
 */
export function customerSessionClaims(shop: string, apiKey: string, customerId: string | null, now: Date, ttlSeconds = 300): Claims {
  const iat = Math.floor(now.getTime() / 1000);
  return {
    dest: shop,
    aud: apiKey,
    ...(customerId ? { sub: customerId } : {}),
    exp: iat + ttlSeconds,
    nbf: iat,
    iat,
    jti: randomUUID(),
  };
}
