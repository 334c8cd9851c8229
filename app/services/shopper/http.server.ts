// The one wrapper every /api/customer/* route goes through: customer account session token
// (authenticate.public.customerAccount answers CORS preflight and refuses bad tokens), CORS on
// every answer including errors, the shop's Admin client, and errors as JSON.
import { authenticate } from "~/shopify.server";
import prisma from "~/db.server";
import { adminClientForShop, NoOfflineSessionError, OfflineTokenUnavailableError, ReauthRequiredError } from "~/shopify/admin-client.server";
import { AdminThrottledError } from "~/shopify/admin-client";
import { DbInputError } from "~/db";
import { autoApproveFor } from "./auto-approve.server";
import { SHOPIFY_STAGED_UPLOAD_ORIGINS, type Shopper, type ShopperDeps } from "./context";
import { parseAdminOrigin } from "~/shopify/admin-origin.server";
import { ShopperError } from "./errors";
import { requestLocale } from "./locale";
import { openReturnNow, scheduleOpenReturn } from "./open-return-job.server";
import { customerTokenProblem } from "~/shopify/session-token-claims";
import { unstorableTextIn } from "~/services/input-text";
import { serviceContext } from "~/services/context";
import { approvedCustomerFields } from "~/env.server";

const CORS_FALLBACK = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Allow-Headers": "Authorization, Content-Type",
};

function withCors(res: Response): Response {
  for (const [k, v] of Object.entries(CORS_FALLBACK)) if (!res.headers.has(k)) res.headers.set(k, v);
  // The extension waits as long as a 429 says (Retry-After); a cross-origin page sees the header only if exposed.
  if (res.headers.has("Retry-After")) {
    const exposed = res.headers.get("Access-Control-Expose-Headers");
    if (!exposed?.split(",").some((h) => h.trim().toLowerCase() === "retry-after")) {
      res.headers.set("Access-Control-Expose-Headers", exposed ? `${exposed}, Retry-After` : "Retry-After");
    }
  }
  return res;
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json", "Cache-Control": "no-store", ...headers } });
}

function shopFromDest(dest: unknown): string | null {
  if (typeof dest !== "string") return null;
  const host = dest.replace(/^https?:\/\//, "").replace(/\/.*$/, "").toLowerCase();
  return /^[a-z0-9][a-z0-9-]*\.myshopify\.com$/.test(host) ? host : null;
}

/** Shopify's staged upload storage, plus the stand-in's origin when the Admin API is redirected to it. */
function uploadOrigins(): string[] {
  const origins: string[] = [...SHOPIFY_STAGED_UPLOAD_ORIGINS];
  const standin = parseAdminOrigin(process.env.SHOPIFY_ADMIN_ORIGIN);
  if (standin) origins.push(new URL(standin).origin);
  return origins;
}

export interface CustomerContext {
  who: Shopper;
  deps: ShopperDeps;
}

/** Reads a JSON body; a body that is not JSON, or holds text that cannot be stored, is a 400 naming the field. */
export async function readJson(request: Request): Promise<unknown> {
  const text = await request.text();
  if (!text) return {};
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new ShopperError(400, "invalid", "must be JSON", "body");
  }
  // A NUL or an unpaired surrogate anywhere (notes, filenames...) cannot be stored: 400 naming the field.
  const bad = unstorableTextIn(body);
  if (bad) throw new ShopperError(400, "invalid", bad.message, bad.field);
  return body;
}

export async function handleCustomer(request: Request, fn: (ctx: CustomerContext) => Promise<Response>): Promise<Response> {
  let cors: (r: Response) => Response = withCors;
  try {
    const auth = await authenticate.public.customerAccount(request);
    cors = (r) => withCors(auth.cors(r));
    // The library verifies signature and exp/nbf when present, but not the audience, and accepts a token with no exp.
    const refused = customerTokenProblem({ ...auth.sessionToken }, process.env.SHOPIFY_API_KEY);
    if (refused) return cors(json(401, { error: { code: "unauthorized", message: `The session token ${refused}` } }));
    const shop = shopFromDest(auth.sessionToken.dest);
    const sub = auth.sessionToken.sub;
    if (shop && (sub === undefined || sub === null || sub === "")) {
      // A valid token without `sub`: the buyer opened the order status page from a link without signing in
      // (pre-authenticated), or the app has no protected customer data access. Distinct from a bad token so
      // the extension asks the buyer to sign in instead of offering "Try again".
      // https://shopify.dev/docs/apps/build/customer-accounts/order-status-page#authentication-states
      return cors(json(401, { error: { code: "sign_in_required", message: "Sign in to your account to see returns for this order" } }));
    }
    if (!shop || typeof sub !== "string" || !/^gid:\/\/shopify\/Customer\/\d+$/.test(sub)) {
      return cors(json(401, { error: { code: "unauthorized", message: "The session token names no signed-in customer" } }));
    }
    const admin = await adminClientForShop(shop);
    const now = () => new Date();
    const ctx = serviceContext({ db: prisma, admin, now });
    const deps: ShopperDeps = {
      ...ctx,
      autoApprove: autoApproveFor(ctx),
      uploadOrigins: uploadOrigins(),
      retryOpenReturn: scheduleOpenReturn,
      openReturn: openReturnNow,
      customerFields: approvedCustomerFields(),
    };
    return cors(await fn({ who: { shop, customerId: sub, locale: requestLocale(request) }, deps }));
  } catch (e) {
    if (e instanceof Response) {
      // Preflight (204) and token refusals (401) come from the library without a body.
      if (e.status === 401) return cors(json(401, { error: { code: "unauthorized", message: "Missing, expired or invalid session token" } }));
      return cors(e);
    }
    if (e instanceof ShopperError) return cors(json(e.status, e.toBody()));
    if (e instanceof DbInputError) return cors(json(400, { error: { code: "invalid", field: e.field, message: e.message } }));
    if (e instanceof NoOfflineSessionError) return cors(json(503, { error: { code: "not_installed", message: "Returns are not available for this store right now" } }));
    // The shop's offline token cannot be renewed until a staff member opens the app again.
    if (e instanceof ReauthRequiredError) {
      console.error(e.message);
      return cors(json(503, { error: { code: "not_installed", message: "Returns are not available for this store right now" } }));
    }
    if (e instanceof OfflineTokenUnavailableError) {
      console.error(e.message);
      return cors(json(503, { error: { code: "unavailable", message: "The store cannot be reached right now; please try again in a few seconds" } }, { "Retry-After": "5" }));
    }
    // The shop's Admin API budget is spent (a flood of shopper calls, or the shop's other apps) even
    // after the client's backoff: tell the caller to slow down instead of a 500 (found by the fuzz).
    if (e instanceof AdminThrottledError) return cors(json(429, { error: { code: "busy", message: "The store is busy; please try again in a few seconds" } }, { "Retry-After": "5" }));
    console.error("shopper API error", e);
    return cors(json(500, { error: { code: "internal", message: "Something went wrong; please try again" } }));
  }
}

/** Remix resource routes answer unknown methods with 405 (and CORS, so the browser shows it). */
export function methodNotAllowed(allowed: string): Response {
  return withCors(json(405, { error: { code: "method_not_allowed", message: `Use ${allowed}` } }, { Allow: allowed }));
}
