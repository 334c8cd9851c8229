/**
 * Test helper: Shopify App Bridge session tokens (HS256 JWTs signed with the app's secret) and
 * webhook requests signed with X-Shopify-Hmac-Sha256, built with node:crypto only.
 */
import { createHmac, randomUUID } from "node:crypto";

const b64url = (input: Buffer | string) => Buffer.from(input).toString("base64url");

export interface SessionTokenClaims {
  shop: string;
  apiKey: string;
  /** Seconds since epoch. Defaults: iat = nbf = now - 5, exp = now + 60. */
  now?: number;
  exp?: number;
  nbf?: number;
  iat?: number;
  sub?: string;
  aud?: string;
}

export function signSessionToken(secret: string, claims: SessionTokenClaims): string {
  const now = claims.now ?? Math.floor(Date.now() / 1000);
  const payload = {
    iss: `https://${claims.shop}/admin`,
    dest: `https://${claims.shop}`,
    aud: claims.aud ?? claims.apiKey,
    sub: claims.sub ?? "42",
    exp: claims.exp ?? now + 60,
    nbf: claims.nbf ?? now - 5,
    iat: claims.iat ?? now - 5,
    jti: randomUUID(),
    sid: randomUUID(),
  };
  const head = b64url(JSON.stringify({ alg: "HS256", typ: "JWT" }));
  const body = b64url(JSON.stringify(payload));
  const sig = createHmac("sha256", secret).update(`${head}.${body}`).digest("base64url");
  return `${head}.${body}.${sig}`;
}

export interface WebhookRequestOptions {
  url: string;
  secret: string;
  shop: string;
  topic: string; // e.g. "app/uninstalled"
  body: unknown;
  webhookId?: string;
  apiVersion?: string;
  /** Override the signature (to forge one). */
  hmac?: string;
}

export function signedWebhookRequest(o: WebhookRequestOptions): Request {
  const raw = JSON.stringify(o.body);
  const hmac = o.hmac ?? createHmac("sha256", o.secret).update(raw, "utf8").digest("base64");
  return new Request(o.url, {
    method: "POST",
    body: raw,
    headers: {
      "Content-Type": "application/json",
      "X-Shopify-Hmac-Sha256": hmac,
      "X-Shopify-Topic": o.topic,
      "X-Shopify-Shop-Domain": o.shop,
      "X-Shopify-API-Version": o.apiVersion ?? "2026-07",
      "X-Shopify-Webhook-Id": o.webhookId ?? randomUUID(),
      "X-Shopify-Triggered-At": "2026-07-01T00:00:00.000Z",
      "X-Shopify-Event-Id": randomUUID(),
    },
  });
}
