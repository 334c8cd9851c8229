// Is a URL fit to ship as the app's public address (application_url, redirect URLs, the customer-returns
// extension's backend)? One rule, used by the extension URL generator and by the preflight.
//
// Shopify calls the app and its webhooks over HTTPS only: "Use HTTPS for every OAuth redirect URL"
// (https://shopify.dev/docs/apps/build/security/app-security-checks/insecure-webhook-url).

/** Hosts that only ever stand in for a real one: documentation placeholders and this machine. */
const PLACEHOLDER_HOSTS = new Set([
  "example.com",
  "www.example.com",
  "example.net",
  "example.org",
  "localhost",
  "127.0.0.1",
  "0.0.0.0",
  "[::1]",
]);

/** `shopify app dev` tunnels: real HTTPS, but gone when the dev session ends. */
const DEV_TUNNEL_SUFFIXES = [".trycloudflare.com"];

/**
 * Why `raw` cannot be shipped as a public app URL, as a predicate to follow the URL ("is a placeholder…"),
 * or null when it can. Only exact placeholder hosts are refused: `returns.example-merchant-app.com` passes.
 */
export function publicUrlProblem(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return raw.trim() === "" ? "is empty" : "is not a URL";
  }
  const host = url.hostname.toLowerCase();
  if (PLACEHOLDER_HOSTS.has(host) || host.endsWith(".localhost")) {
    return "is a placeholder or this machine's address, not the app's public address";
  }
  if (url.protocol !== "https:") return `uses ${url.protocol} but Shopify only calls apps over https:`;
  if (DEV_TUNNEL_SUFFIXES.some((s) => host.endsWith(s))) {
    return "is a `shopify app dev` tunnel, which stops working when the dev session ends";
  }
  return null;
}

/** The URL without a trailing slash, for comparing two spellings of the same address. */
export function normaliseUrl(raw: string): string {
  return raw.trim().replace(/\/+$/, "");
}

/** Same scheme, host and port. */
export function sameOrigin(a: string, b: string): boolean {
  try {
    return new URL(a).origin === new URL(b).origin;
  } catch {
    return false;
  }
}
