/**
 * One configuration point for reaching a local stand-in for Shopify instead of https://<shop>.
 *
 * SHOPIFY_ADMIN_ORIGIN (e.g. http://127.0.0.1:4100): when set, every outgoing request the Shopify
 * library (and our own AdminClient) makes to https://<shop>.myshopify.com is sent to that origin
 * instead, same path and query, same headers and body. Only the address changes: session tokens,
 * HMACs and access tokens are verified exactly as they are against real Shopify.
 *
 * Those requests carry the shop's access tokens and, at the token endpoint, the app's client secret, so
 * the redirection is for development only: it must be a loopback address, and with NODE_ENV=production
 * the app refuses to start while it (or the demo's SHOPIFY_APP_BRIDGE_URL) is set
 * (docs/decisions/120-expiring-offline-tokens.md).
 */
import { abstractFetch, setAbstractFetchFunc } from "@shopify/shopify-api/runtime";

const SHOP_HOST = /^[a-z0-9][a-z0-9-]*\.myshopify\.com$/i;

/** The part of the environment this module reads. */
export type AdminOriginEnv = { SHOPIFY_ADMIN_ORIGIN?: string; SHOPIFY_APP_BRIDGE_URL?: string; NODE_ENV?: string };

/** Settings that send requests (and with them tokens or session tokens) somewhere other than Shopify. */
const DEVELOPMENT_ONLY = ["SHOPIFY_ADMIN_ORIGIN", "SHOPIFY_APP_BRIDGE_URL"] as const;

const isProduction = (env: { NODE_ENV?: string }) => (env.NODE_ENV ?? process.env.NODE_ENV) === "production";

/**
 * Throws, naming the variable, when a development-only redirection is set in production. Called when
 * shopify.server.ts is first evaluated (the server and the worker fail at start) and by every reader of
 * SHOPIFY_ADMIN_ORIGIN.
 */
export function assertNoDevelopmentRedirects(env: AdminOriginEnv = process.env): void {
  if (!isProduction(env)) return;
  for (const name of DEVELOPMENT_ONLY) {
    const value = env[name];
    if (value !== undefined && value.trim() !== "") {
      throw new Error(
        `${name} is set while NODE_ENV=production: it would send the app's requests (with its access tokens) to ${JSON.stringify(value)} instead of Shopify. ` +
          `It is only for local development against the stand-in; unset it in production.`,
      );
    }
  }
}

/** 127.0.0.0/8, ::1 and localhost: the stand-in runs on the developer's machine. */
function isLoopback(hostname: string): boolean {
  const h = hostname.toLowerCase();
  return h === "localhost" || h === "[::1]" || /^127(\.\d{1,3}){3}$/.test(h);
}

export function parseAdminOrigin(value: string | undefined, env: { NODE_ENV?: string } = process.env): string | undefined {
  if (value === undefined || value.trim() === "") return undefined;
  assertNoDevelopmentRedirects({ NODE_ENV: env.NODE_ENV, SHOPIFY_ADMIN_ORIGIN: value });
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`SHOPIFY_ADMIN_ORIGIN must be an absolute URL origin, got ${JSON.stringify(value)}`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new Error(`SHOPIFY_ADMIN_ORIGIN must be http(s), got ${JSON.stringify(value)}`);
  }
  if (url.pathname !== "/" || url.search !== "" || url.hash !== "") {
    throw new Error(`SHOPIFY_ADMIN_ORIGIN must be an origin without path, got ${JSON.stringify(value)}`);
  }
  if (!isLoopback(url.hostname)) {
    throw new Error(`SHOPIFY_ADMIN_ORIGIN must be a loopback address (127.0.0.1, ::1, localhost) where the stand-in runs, got ${JSON.stringify(value)}`);
  }
  return url.origin;
}

/** The origin Admin API calls for `shop` go to: https://<shop>, or SHOPIFY_ADMIN_ORIGIN when set. */
export function adminOriginFor(shop: string, env: AdminOriginEnv = process.env): string {
  if (!SHOP_HOST.test(shop)) throw new Error(`shop must be a *.myshopify.com domain, got ${JSON.stringify(shop)}`);
  return parseAdminOrigin(env.SHOPIFY_ADMIN_ORIGIN, env) ?? `https://${shop}`;
}

/**
 * Rewrites https://<shop>.myshopify.com/... to <override>/...; any other URL is returned unchanged.
 * Returns the shop host that was replaced so callers can forward it.
 */
export function rewriteShopUrl(
  input: string,
  override: string | undefined,
): { url: string; shop?: string } {
  if (!override) return { url: input };
  const url = new URL(input);
  if (url.protocol !== "https:" || !SHOP_HOST.test(url.hostname) || url.port !== "") return { url: input };
  const target = new URL(override);
  return { url: `${target.origin}${url.pathname}${url.search}`, shop: url.hostname };
}

type FetchLike = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

/** Wraps a fetch so calls to https://<shop> go to `override`; adds X-Forwarded-Host: <shop>. */
export function withAdminOrigin(inner: FetchLike, override: string | undefined): FetchLike {
  if (!override) return inner;
  return (input, init) => {
    const href = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    const { url, shop } = rewriteShopUrl(href, override);
    if (!shop) return inner(input, init);
    if (typeof input !== "string" && !(input instanceof URL)) {
      const req = new Request(url, input);
      req.headers.set("X-Forwarded-Host", shop);
      return inner(req, init);
    }
    const headers = new Headers(init?.headers);
    headers.set("X-Forwarded-Host", shop);
    return inner(url, { ...init, headers });
  };
}

let installed = false;

/**
 * Installs the override into @shopify/shopify-api's abstract fetch. Must run AFTER the platform
 * adapter import (which sets abstractFetch); shopify.server.ts calls it at module evaluation.
 */
export function installAdminOriginOverride(env: AdminOriginEnv = process.env): void {
  assertNoDevelopmentRedirects(env);
  const override = parseAdminOrigin(env.SHOPIFY_ADMIN_ORIGIN, env);
  if (!override || installed) return;
  const inner = abstractFetch as unknown as FetchLike;
  setAbstractFetchFunc(withAdminOrigin(inner, override) as unknown as typeof abstractFetch);
  installed = true;
}

/**
 * With SHOPIFY_ADMIN_ORIGIN set, the local Shopify's admin lives at that origin, so it may frame the app
 * as admin.shopify.com may: appends it to the frame-ancestors directive the library set. Without the
 * variable the header is left exactly as the library wrote it.
 */
export function allowAdminOriginToFrame(headers: Headers, env: AdminOriginEnv = process.env): void {
  const origin = parseAdminOrigin(env.SHOPIFY_ADMIN_ORIGIN, env);
  const csp = headers.get("Content-Security-Policy");
  if (!origin || !csp) return;
  headers.set(
    "Content-Security-Policy",
    csp.replace(/frame-ancestors ([^;]*)/, (all, list: string) =>
      list.split(/\s+/).some((v) => v === origin || v === "'none'") ? all : `frame-ancestors ${list.trim()} ${origin}`,
    ),
  );
}
