// authenticate.admin for the staff screens, accepting admin session tokens only. The library checks
// the signature and audience, which a customer account session token also passes (same secret, same
// `aud`): with `dest` written "https://<shop>" such a token opened the staff admin, and with the bare
// form the library failed on `new URL(dest)` (a 500). A token whose claims are not an admin token's
// (./session-token-claims.ts) is refused first: a fetch gets 401, a document load is treated as
// carrying no token (the library then bounces it to App Bridge for a real one).
import { authenticate } from "~/shopify.server";
import { adminTokenProblem, unverifiedClaims } from "./session-token-claims";

const ID_TOKEN_PARAM = "id_token";

export async function authenticateStaff(request: Request): ReturnType<typeof authenticate.admin> {
  const header = request.headers.get("Authorization");
  if (header) {
    const claims = unverifiedClaims(header.replace(/^Bearer /, ""));
    // Not a JWT at all: the library refuses it the same way.
    if (claims && adminTokenProblem(claims)) {
      throw new Response(JSON.stringify({ error: { code: "unauthorized", message: "A staff session token is required" } }), {
        status: 401,
        headers: { "Content-Type": "application/json", "X-Shopify-Retry-Invalid-Session-Request": "1" },
      });
    }
    return authenticate.admin(request);
  }
  const url = new URL(request.url);
  const idToken = url.searchParams.get(ID_TOKEN_PARAM);
  const claims = idToken ? unverifiedClaims(idToken) : null;
  if (claims && adminTokenProblem(claims)) {
    url.searchParams.delete(ID_TOKEN_PARAM);
    const body = request.method === "GET" || request.method === "HEAD" ? {} : { body: request.body, duplex: "half" };
    return authenticate.admin(new Request(url, { method: request.method, headers: request.headers, ...body } as RequestInit));
  }
  return authenticate.admin(request);
}
