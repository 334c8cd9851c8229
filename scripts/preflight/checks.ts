// The preflight's checks of what `shopify app deploy` would ship, one per function. Each takes what it
// inspects as arguments (no files, no environment, no clock) and returns its problems as sentences a
// person can act on; an empty list means the check passed. scripts/preflight.ts gathers the inputs.
import { Kind, NoDeprecatedCustomRule, parse, validate, type DocumentNode, type GraphQLSchema } from "graphql";
import type { AppUrlModule } from "../../extensions/app-url";
import type { AppConfig } from "./app-config";
import { normaliseUrl, publicUrlProblem, sameOrigin } from "./public-url";

export interface FoundDocument {
  file: string;
  line: number;
  source: string;
}

/**
 * application_url and [auth] redirect_urls: no placeholder, this machine or http:, and, when the app's
 * address is known (SHOPIFY_APP_URL), the same address. `shopify app config link` writes a config whose
 * URLs are the app's; `shopify app dev` with automatically_update_urls_on_dev points the dev app at its tunnel.
 */
export function appUrlProblems(config: AppConfig, appUrl?: string): string[] {
  const out: string[] = [];
  const link = "Run `shopify app config link` for the app you deploy, or set it to the app's public address";
  if (!config.applicationUrl) out.push(`${config.file} has no application_url. ${link}.`);
  else {
    const p = publicUrlProblem(config.applicationUrl);
    if (p) out.push(`${config.file} application_url ${config.applicationUrl} ${p}. ${link}.`);
    else if (appUrl && normaliseUrl(config.applicationUrl) !== normaliseUrl(appUrl)) {
      out.push(`${config.file} application_url ${config.applicationUrl} is not SHOPIFY_APP_URL ${appUrl}: Shopify would open one address and the app would answer on another.`);
    }
  }
  for (const r of config.redirectUrls) {
    const p = publicUrlProblem(r);
    if (p) out.push(`${config.file} redirect URL ${r} ${p}. ${link}.`);
    else if (appUrl && !sameOrigin(r, appUrl)) out.push(`${config.file} redirect URL ${r} is not on SHOPIFY_APP_URL ${appUrl}.`);
  }
  return out;
}

/** The URL the customer-returns extension would call once deployed (its generated app-url.ts). */
export function extensionUrlProblems(module: AppUrlModule, appUrl?: string): string[] {
  const fix = "Run `npm run build:extensions` with SHOPIFY_APP_URL set to the app's public address";
  switch (module.kind) {
    case "missing":
      return [`The customer returns extension has no backend URL yet (extensions/customer-returns/src/app-url.ts is missing), so it would not build. ${fix}.`];
    case "dev":
      return [`The customer returns extension is set up for \`shopify app dev\` (its tunnel URL), which no deploy can ship. ${fix}.`];
    case "unreadable":
      return [`extensions/customer-returns/src/app-url.ts was not written by extensions/app-url.ts, so the address the extension calls is unknown. ${fix}.`];
    case "fixed": {
      const p = publicUrlProblem(module.url);
      if (p) return [`The customer returns extension would call ${module.url}, which ${p}. ${fix}.`];
      if (appUrl && normaliseUrl(module.url) !== normaliseUrl(appUrl)) {
        return [`The customer returns extension would call ${module.url}, not SHOPIFY_APP_URL ${appUrl}. ${fix}.`];
      }
      return [];
    }
  }
}

function operationName(doc: DocumentNode): string {
  for (const d of doc.definitions) if (d.kind === Kind.OPERATION_DEFINITION) return d.name?.value ?? "an unnamed operation";
  return "a fragment";
}

/**
 * Every document the app sends, against the schema it is sent to: it must validate, and select no
 * deprecated field, argument or enum value (those are removed in a later version).
 */
export function deprecatedFieldProblems(
  documents: readonly FoundDocument[],
  schemaFor: (doc: FoundDocument) => { name: string; schema: GraphQLSchema },
): string[] {
  const out: string[] = [];
  for (const d of documents) {
    const where = `${d.file}:${d.line}`;
    let doc: DocumentNode;
    try {
      doc = parse(d.source);
    } catch (e) {
      out.push(`${where} is not a GraphQL document: ${e instanceof Error ? e.message : String(e)}`);
      continue;
    }
    const { name, schema } = schemaFor(d);
    const invalid = validate(schema, doc);
    if (invalid.length) {
      out.push(`${operationName(doc)} (${where}) does not validate against ${name}: ${invalid.map((e) => e.message).join(" ")}`);
      continue;
    }
    for (const e of validate(schema, doc, [NoDeprecatedCustomRule])) out.push(`${operationName(doc)} (${where}) in ${name}: ${e.message}`);
  }
  return out;
}

export interface BundleSize {
  name: string;
  gzip: number;
}

/** Each UI extension within its compressed budget (ours is 16 KB; Shopify refuses more than 64 KB). */
export function bundleBudgetProblems(reports: readonly BundleSize[], budgetBytes: number): string[] {
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  return reports
    .filter((r) => r.gzip > budgetBytes)
    .map((r) => `The ${r.name} extension is ${kb(r.gzip)} compressed, over its ${kb(budgetBytes)} budget.`);
}

/** Every public app subscribes to these (https://shopify.dev/docs/apps/build/security/app-security-checks/missing-compliance-webhooks). */
export const COMPLIANCE_TOPICS = ["customers/data_request", "customers/redact", "shop/redact"] as const;

/** Whether a Remix flat route answers `uri` ("/webhooks/shop/redact" -> app/routes/webhooks.shop.redact.tsx). */
export function routeFileExists(files: { has(file: string): boolean }, uri: string): boolean {
  const base = `app/routes/${uri.replace(/^\/+/, "").replace(/\//g, ".")}`;
  return [`${base}.tsx`, `${base}.ts`, `${base}/route.tsx`, `${base}/route.ts`].some((f) => files.has(f));
}

/**
 * The three mandatory compliance topics, each with a URI, and each relative URI answered by a route
 * (`routeExists` tells whether a route answers a URI, e.g. via routeFileExists).
 */
export function complianceTopicProblems(config: AppConfig, routeExists: (uri: string) => boolean): string[] {
  const out: string[] = [];
  for (const topic of COMPLIANCE_TOPICS) {
    const sub = config.subscriptions.find((s) => s.complianceTopics.includes(topic));
    if (!sub) out.push(`${config.file} does not subscribe to the mandatory compliance topic ${topic}.`);
    else if (!sub.uri) out.push(`${config.file}: the ${topic} subscription has no uri.`);
    else if (sub.uri.startsWith("/") && !routeExists(sub.uri)) out.push(`${config.file} sends ${topic} to ${sub.uri}, but no route answers it.`);
  }
  return out;
}

/** [webhooks] api_version is the Admin API version the app is built against (payload shapes match). */
export function webhookApiVersionProblems(config: AppConfig, adminApiVersion: string | undefined): string[] {
  if (!adminApiVersion) return ["The app's Admin API version (ADMIN_API_VERSION in app/shopify.server.ts) could not be read."];
  if (!config.webhooksApiVersion) return [`${config.file} has no [webhooks] api_version; set it to ${adminApiVersion}.`];
  if (config.webhooksApiVersion !== adminApiVersion) {
    return [`${config.file} [webhooks] api_version is ${config.webhooksApiVersion}, but the app speaks Admin API ${adminApiVersion}: webhook payloads would not match.`];
  }
  return [];
}

/**
 * When a stable Admin API version stops being served: Shopify supports each version for 12 months after
 * its release (the first day of its quarter) and allows a 30-day grace period after that
 * (https://shopify.dev/docs/apps/build/security/app-security-checks/eol-api-version). null for a name that
 * is not a stable YYYY-MM version.
 */
export function apiVersionEnds(version: string): Date | null {
  const m = /^(\d{4})-(01|04|07|10)$/.exec(version);
  if (!m) return null;
  const released = Date.UTC(Number(m[1]), Number(m[2]) - 1, 1);
  const supported = new Date(released);
  supported.setUTCFullYear(supported.getUTCFullYear() + 1);
  return new Date(supported.getTime() + 30 * 86_400_000);
}

/** Versions named in `where` that are past support at `now`, or not stable versions at all. */
export function apiVersionEolProblems(versions: readonly { where: string; version: string }[], now: Date): string[] {
  const out: string[] = [];
  for (const { where, version } of versions) {
    const ends = apiVersionEnds(version);
    if (!ends) out.push(`${where} names API version "${version}", which is not a stable release (YYYY-01, -04, -07 or -10).`);
    else if (now.getTime() >= ends.getTime()) out.push(`${where} uses API version ${version}, no longer served since ${ends.toISOString().slice(0, 10)}.`);
  }
  return out;
}
