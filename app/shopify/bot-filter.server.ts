// The Shopify library answers any self-identified bot (isbot: crawlers, and also a headless browser's
// default "HeadlessChrome" user agent) with 410 Gone before it looks at anything else, so that crawlers
// following links never start an auth flow. That protection matters for requests WITHOUT a session token:
// those are the ones that would be bounced into token or OAuth flows. A request that carries a session token
// (the `id_token` of an embedded page load, or `Authorization: Bearer` from App Bridge or a UI extension) is
// judged by the token instead: the library verifies its signature with the app secret, audience and expiry,
// which no crawler can pass, and refuses it otherwise exactly as it would a browser's.
// docs/decisions/025-demo-admin-frame.md ("Bots").
import { isbot } from "isbot";

const SESSION_TOKEN_PARAM = "id_token";

export function carriesSessionToken(request: Request): boolean {
  const header = request.headers.get("authorization");
  if (header && /^Bearer \S+/.test(header)) return true;
  return Boolean(new URL(request.url).searchParams.get(SESSION_TOKEN_PARAM));
}

/**
 * The request the library's authenticate functions should see. Unchanged unless it carries a session token
 * and its user agent is a bot's; then a copy without the User-Agent header (and without the body, which the
 * library never reads: the route still reads the original's), so the library's bot check does not answer 410
 * and the token's own checks decide.
 */
export function judgedByToken(request: Request): Request {
  const userAgent = request.headers.get("user-agent") ?? "";
  if (!isbot(userAgent) || !carriesSessionToken(request)) return request;
  const headers = new Headers(request.headers);
  headers.delete("user-agent");
  headers.delete("content-length");
  return new Request(request.url, { method: request.method, headers, signal: request.signal });
}
