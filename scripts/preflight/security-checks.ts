// Shopify's app security checks, by id, as far as a scan of this repository can decide them.
// Shopify documents every check `shopify app security check` runs, one page per id, under
// https://shopify.dev/docs/apps/build/security/app-security-checks (the CLI here, 4.8.2, predates the
// command). Some are a "deterministic scan", some need an "agent review": for those this file answers
// "needs a person" with where to look, unless a scan of this code settles it. Each decision is a function
// of the inputs below, so it is tested without files.
import { apiVersionEolProblems, complianceTopicProblems, routeFileExists } from "./checks";
import type { AppConfig } from "./app-config";

export interface ScanInputs {
  config: AppConfig;
  /** repo-relative path -> text: app/ and extensions/ sources (tests excluded), prisma/schema.prisma */
  sources: ReadonlyMap<string, string>;
  /** every file git tracks, repo-relative */
  tracked: readonly string[];
  /** text of a tracked file (the secret scan reads them all) */
  read: (file: string) => string;
  /** the Admin API version app/shopify.server.ts pins, e.g. "2026-07" */
  adminApiVersion: string | undefined;
  now: Date;
  /** what the scope check found (fields selected without their scope) */
  scopeProblems: readonly string[];
}

export type Status = "pass" | "fail" | "person";

export interface Decision {
  status: Status;
  detail: string;
}

export interface SecurityCheck {
  id: string;
  title: string;
  decide: (inputs: ScanInputs) => Decision;
}

export interface SecurityResult extends Decision {
  id: string;
  title: string;
  url: string;
}

const PAGE = "https://shopify.dev/docs/apps/build/security/app-security-checks";
export const checkUrl = (id: string) => `${PAGE}/${id.toLowerCase().replace(/_/g, "-")}`;

const pass = (detail: string): Decision => ({ status: "pass", detail });
const fail = (detail: string): Decision => ({ status: "fail", detail });
const person = (detail: string): Decision => ({ status: "person", detail });
const list = (xs: readonly string[], max = 6) => (xs.length > max ? `${xs.slice(0, max).join(", ")} and ${xs.length - max} more` : xs.join(", "));

/** Code without comments (strings and template literals kept), so a commented-out line decides nothing. */
export function stripComments(code: string): string {
  let out = "";
  for (let i = 0; i < code.length; i++) {
    const c = code[i]!;
    if (c === '"' || c === "'" || c === "`") {
      const start = i;
      for (i++; i < code.length && code[i] !== c; i++) if (code[i] === "\\") i++;
      out += code.slice(start, i + 1);
    } else if (c === "/" && code[i + 1] === "/") {
      while (i < code.length && code[i] !== "\n") i++;
      out += "\n";
    } else if (c === "/" && code[i + 1] === "*") {
      const end = code.indexOf("*/", i + 2);
      i = end < 0 ? code.length : end + 1;
    } else out += c;
  }
  return out;
}

const isTest = (f: string) => /\.(test|bench)\.tsx?$|\.browser\.test\.tsx?$/.test(f);
const code = (inputs: ScanInputs, prefix: string | readonly string[]) =>
  [...inputs.sources].filter(([f]) => (typeof prefix === "string" ? [prefix] : prefix).some((p) => f.startsWith(p)) && !isTest(f) && /\.tsx?$/.test(f));

// ---------------------------------------------------------------------------------------------------------
// Route authentication (UNAUTHENTICATED_ENDPOINT): a route that answers (loader/action) must call one of
// Shopify's authenticate.* entry points, directly or through an app helper that does.

const AUTH_CALL = /\bauthenticate\.(admin|webhook|flow|fulfillmentService|pos|public\.\w+)\s*\(|\blogin\s*\(\s*request\b/;

/** Routes that answer without authenticating by design, and why. */
export const PUBLIC_ROUTES: Readonly<Record<string, string>> = {
  "app/routes/healthz.ts": "liveness probe, answers ok and nothing else",
  "app/routes/_index/route.tsx": "redirects into the embedded app or to the login page; reads nothing",
};

function importsOf(text: string): { names: string[]; from: string }[] {
  const out: { names: string[]; from: string }[] = [];
  const re = /import\s+(?:type\s+)?\{([^}]*)\}\s*from\s*["']([^"']+)["']/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (/^\s*type\s/.test(m[0].slice(6))) continue;
    const names = m[1]!
      .split(",")
      .map((n) => n.trim())
      .filter((n) => n && !n.startsWith("type "))
      .map((n) => n.split(/\s+as\s+/).pop()!.trim());
    out.push({ names, from: m[2]! });
  }
  return out;
}

function resolveModule(sources: ReadonlyMap<string, string>, fromFile: string, spec: string): string | undefined {
  let base: string;
  if (spec.startsWith("~/")) base = `app/${spec.slice(2)}`;
  else if (spec.startsWith(".")) {
    const parts = fromFile.split("/").slice(0, -1);
    for (const p of spec.split("/")) {
      if (p === "..") parts.pop();
      else if (p !== ".") parts.push(p);
    }
    base = parts.join("/");
  } else return undefined;
  return [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`].find((c) => sources.has(c));
}

/** Whether calling the module's code authenticates: it calls authenticate.* or a helper from a module that does. */
function authenticates(sources: ReadonlyMap<string, string>, file: string, memo = new Map<string, boolean>()): boolean {
  const known = memo.get(file);
  if (known !== undefined) return known;
  memo.set(file, false);
  const text = stripComments(sources.get(file) ?? "");
  let result = AUTH_CALL.test(text);
  if (!result) {
    for (const imp of importsOf(text)) {
      const target = resolveModule(sources, file, imp.from);
      if (target && imp.names.some((n) => new RegExp(`\\b${n}\\s*\\(`).test(text)) && authenticates(sources, target, memo)) {
        result = true;
        break;
      }
    }
  }
  memo.set(file, result);
  return result;
}

export function unauthenticatedRoutes(sources: ReadonlyMap<string, string>): { unauthenticated: string[]; checked: number } {
  const routes = [...sources.keys()].filter((f) => f.startsWith("app/routes/") && /\.tsx?$/.test(f) && !isTest(f));
  const endpoints = routes.filter((f) => /export\s+(const|async\s+function|function)\s+(loader|action)\b/.test(stripComments(sources.get(f)!)));
  const memo = new Map<string, boolean>();
  const unauthenticated = endpoints.filter((f) => !PUBLIC_ROUTES[f] && !authenticates(sources, f, memo));
  return { unauthenticated, checked: endpoints.length };
}

// ---------------------------------------------------------------------------------------------------------

const SECRET_VALUE = /\bshp(at|ss|ca|pa|ua)_[a-fA-F0-9]{32}\b/;
const SECRET_FILE = /(^|\/)(\.env(\.[\w.-]+)?|secrets\.json|credentials\.json)$/;
const SAFE_ENV_FILE = /(^|\/)\.env\.(example|sample|template)$/;
const HTML_SINK = /\.(innerHTML|outerHTML)\s*=|insertAdjacentHTML\s*\(|\beval\s*\(|new\s+Function\s*\(/;
const RAW_HTML = /dangerouslySetInnerHTML|\.(innerHTML|outerHTML)\s*=|insertAdjacentHTML\s*\(/;
const CREDENTIAL = /\b(accessToken|refreshToken|apiSecretKey|SHOPIFY_API_SECRET)\b/;
const CLIENT_CODE = ["app/routes/", "app/components/", "app/root.tsx", "extensions/"];

function filesMatching(inputs: ScanInputs, prefix: string | readonly string[], re: RegExp): string[] {
  return code(inputs, prefix)
    .filter(([, text]) => re.test(stripComments(text)))
    .map(([f]) => f);
}

export const SECURITY_CHECKS: readonly SecurityCheck[] = [
  {
    id: "EXPIRING_OFFLINE_TOKEN",
    title: "Expiring offline access tokens",
    decide: ({ sources }) => {
      const server = sources.get("app/shopify.server.ts");
      if (server === undefined) return fail("app/shopify.server.ts was not found.");
      const flag = /\bexpiringOfflineAccessTokens\s*:\s*(true|false)\b/.exec(stripComments(server));
      if (!flag) {
        return fail(
          "app/shopify.server.ts does not set future: { expiringOfflineAccessTokens: true } (off by default in " +
            "@shopify/shopify-app-remix 6): offline tokens never expire, and public apps must use expiring ones " +
            "for Admin API requests from January 1, 2027.",
        );
      }
      if (flag[1] === "false") return fail("app/shopify.server.ts turns expiringOfflineAccessTokens off.");
      const session = /model\s+Session\s*\{([^}]*)\}/.exec(sources.get("prisma/schema.prisma") ?? "")?.[1] ?? "";
      const missing = ["expires", "refreshToken", "refreshTokenExpires"].filter((c) => !new RegExp(`^\\s*${c}\\s`, "m").test(session));
      if (missing.length) return fail(`Expiring tokens are on, but the Session table lacks ${missing.join(", ")}: the refresh would be lost.`);
      return pass("on in app/shopify.server.ts; the Session table keeps expires, refreshToken and refreshTokenExpires.");
    },
  },
  {
    id: "EOL_API_VERSION",
    title: "End-of-life API version",
    decide: ({ adminApiVersion, config, now }) => {
      const versions = [
        { where: "app/shopify.server.ts (ADMIN_API_VERSION)", version: adminApiVersion ?? "unknown" },
        { where: `${config.file} [webhooks] api_version`, version: config.webhooksApiVersion ?? "missing" },
      ];
      const problems = apiVersionEolProblems(versions, now);
      return problems.length ? fail(problems.join(" ")) : pass(`${adminApiVersion} is still supported.`);
    },
  },
  {
    id: "UNAUTHENTICATED_ENDPOINT",
    title: "Route handler lacks recognized auth verification",
    decide: ({ sources }) => {
      const { unauthenticated, checked } = unauthenticatedRoutes(sources);
      if (unauthenticated.length) return fail(`No authenticate.* call (directly or through an app helper) in: ${list(unauthenticated)}.`);
      return pass(
        `${checked} routes answer requests; each authenticates (session token, webhook HMAC, customer account token, or Shopify login) ` +
          `except the public ones: ${Object.entries(PUBLIC_ROUTES).map(([f, why]) => `${f} (${why})`).join("; ")}.`,
      );
    },
  },
  {
    id: "MISSING_COMPLIANCE_WEBHOOKS",
    title: "Missing mandatory GDPR compliance webhooks",
    decide: ({ config, sources }) => {
      const problems = complianceTopicProblems(config, (uri) => routeFileExists(sources, uri));
      return problems.length ? fail(problems.join(" ")) : pass("customers/data_request, customers/redact and shop/redact are subscribed and answered by routes.");
    },
  },
  {
    id: "INSECURE_WEBHOOK_URL",
    title: "Configured callback URL is not HTTPS",
    decide: ({ config }) => {
      const https = (u: string) => /^https:\/\//i.test(u);
      const bad = [
        ...config.subscriptions
          .map((s) => s.uri)
          .filter((u) => !(u.startsWith("/") || https(u) || u.startsWith("pubsub://") || u.startsWith("arn:aws:events:"))),
        ...config.redirectUrls.filter((u) => !https(u)),
        ...(config.applicationUrl && !https(config.applicationUrl) ? [config.applicationUrl] : []),
      ];
      return bad.length ? fail(`Not https: ${list(bad)} (in ${config.file}).`) : pass("webhook URIs are relative to the app; application and redirect URLs are https.");
    },
  },
  {
    id: "COMMITTED_SECRET",
    title: "Committed secret or environment file",
    decide: ({ tracked, read }) => {
      const files = tracked.filter((f) => SECRET_FILE.test(f) && !SAFE_ENV_FILE.test(f));
      const values = tracked.filter((f) => {
        const text = read(f);
        return !text.includes("\u0000") && SECRET_VALUE.test(text);
      });
      const found = [...files.map((f) => `${f} (an environment or secrets file)`), ...values.map((f) => `${f} (a Shopify token)`)];
      return found.length
        ? fail(`Tracked by git: ${list(found)}. Remove it, rotate the value, and keep it in the environment.`)
        : pass(`none of ${tracked.length} tracked files is an environment file or holds a Shopify token.`);
    },
  },
  {
    id: "CREDENTIAL_BROWSER_LEAKAGE",
    title: "Credential reaches the client browser",
    decide: (inputs) => {
      const files = filesMatching(inputs, CLIENT_CODE, CREDENTIAL);
      return files.length
        ? person(`These routes, components or extension files name a credential (access/refresh token, API secret): ${list(files)}. Check that none reaches a response.`)
        : pass("no route, component or extension names an access token, refresh token or the API secret.");
    },
  },
  {
    id: "UNSAFE_INNERHTML",
    title: "Unsafe HTML assignment",
    decide: (inputs) => {
      const files = filesMatching(inputs, ["app/", "extensions/"], HTML_SINK);
      return files.length ? fail(`HTML-string sinks (innerHTML, insertAdjacentHTML, eval, new Function) in: ${list(files)}.`) : pass("no theme app extension, and no HTML-string sinks in app or extension code.");
    },
  },
  {
    id: "LIQUID_UNSAFE_RENDER",
    title: "Unsafe Liquid metafield or setting output",
    decide: ({ tracked }) => {
      const liquid = tracked.filter((f) => f.startsWith("extensions/") && f.endsWith(".liquid"));
      return liquid.length ? person(`Check the escaping of every setting and metafield output in: ${list(liquid)}.`) : pass("not applicable: the app has no theme app extension (no Liquid).");
    },
  },
  {
    id: "TEXT_SETTING_HTML_SMUGGLING",
    title: "Text setting may be rendered as unsafe HTML",
    decide: (inputs) => {
      const files = filesMatching(inputs, ["app/", "extensions/"], RAW_HTML);
      return files.length ? person(`Raw HTML is rendered in: ${list(files)}. Check that no merchant text reaches it unsanitised.`) : pass("nothing renders text as HTML (no dangerouslySetInnerHTML or innerHTML): merchant text is always escaped.");
    },
  },
  {
    id: "CROSS_SITE_SCRIPTING",
    title: "Cross-site scripting risk",
    decide: (inputs) => {
      const files = filesMatching(inputs, ["app/", "extensions/"], RAW_HTML);
      return person(
        (files.length ? `Raw HTML is rendered in: ${list(files)}. ` : "No raw-HTML rendering found. ") +
          "Still check links and image sources built from store or shopper data (a javascript: URL runs code).",
      );
    },
  },
  {
    id: "OPEN_REDIRECT",
    title: "Open redirect in auth callback",
    decide: (inputs) => {
      const calls: string[] = [];
      const unsafe: string[] = [];
      for (const [f, text] of code(inputs, "app/")) {
        const re = /\bredirect\s*\(\s*([^,)]*)/g;
        const clean = stripComments(text);
        for (let m = re.exec(clean); m; m = re.exec(clean)) {
          calls.push(f);
          if (!/^([`"'])\/(?!\/)/.test(m[1]!.trim())) unsafe.push(`${f}: redirect(${m[1]!.trim()})`);
        }
      }
      if (unsafe.length) return person(`Redirects to a target that is not a fixed path on the app: ${list(unsafe)}. Check it cannot be steered elsewhere.`);
      return pass(`${calls.length} redirect(s), each to a fixed path on the app itself.`);
    },
  },
  {
    id: "APP_PROXY_UNVERIFIED_SIGNATURE",
    title: "App proxy request trusted without signature verification",
    decide: ({ config }) =>
      config.hasAppProxy
        ? person(`${config.file} declares an app proxy: check that every proxy route calls authenticate.public.appProxy before reading shop or customer parameters.`)
        : pass("not applicable: the app has no app proxy."),
  },
  {
    id: "SCOPE_OVER_REQUEST",
    title: "OAuth scope may be over-requested",
    decide: ({ scopeProblems, config }) =>
      scopeProblems.length
        ? fail(`An API call needs a scope the app does not declare (see the scope check above: ${scopeProblems.length} finding(s)).`)
        : person(`Every field with a known scope rule is covered. Whether each declared scope (${config.scopes.join(", ")}) is still used needs a person: the reasons are in ${config.file}.`),
  },
  {
    id: "METAFIELD_OFFLINE_TOKEN",
    title: "Metafield write using offline token context",
    decide: (inputs) => {
      const files = filesMatching(inputs, "app/", /\bMETAFIELDS_SET\b|metafieldsSet\s*\(/).filter((f) => !f.startsWith("app/shopify/operations/"));
      return person(
        files.length
          ? `metafieldsSet is sent from: ${list(files)}. Decide for each write whether a staff member's online token should carry it rather than the offline token.`
          : "No metafieldsSet call found; check writes made through other helpers.",
      );
    },
  },
  {
    id: "MISSING_TENANT_ISOLATION",
    title: "Database query may not be scoped by shop",
    decide: (inputs) => {
      const direct = code(inputs, "app/")
        .filter(([f, text]) => !f.startsWith("app/db/") && /\b(db|prisma|tx)\.(returnRequest|returnEvent|shop|policyVersion|shopifyOperation|webhookDelivery|job)\.\w+\s*\(/.test(text))
        .map(([f]) => f);
      return person(
        `The repositories in app/db take the shop first (requireShop). Review the direct database calls outside them for a shop in every where: ${list(direct) || "none found"}.`,
      );
    },
  },
  {
    id: "REQUEST_DERIVED_SHOP_SCOPE",
    title: "Query scoped by shop value taken from request input",
    decide: (inputs) => {
      const files = filesMatching(inputs, "app/", /searchParams\.get\(\s*["']shop["']\s*\)|\.get\(\s*["']shop["']\s*\)|body\.shop\b/);
      return person(
        files.length
          ? `These files read a shop from the request: ${list(files)}. Check that none of them scopes a query with it (the shop must come from the session or the verified token).`
          : "No code reads a shop from request input; check helpers that receive one.",
      );
    },
  },
  {
    id: "UNSCOPED_SHOP_CONFIG_WRITE",
    title: "Config write trusts shop from request input",
    decide: () => person("Check that settings and metafield writes take the shop from the authenticated session (app/routes/app.settings.tsx, app/services/terms-sync/)."),
  },
  {
    id: "OVERBROAD_DATA_ACCESS",
    title: "Data access may exceed the current request",
    decide: () => person("Check that loaders return only what their screens show (app/services/admin-views/ read models) and that the shopper API answers only the signed-in customer's orders."),
  },
  {
    id: "DEPENDENCY_REACHABILITY",
    title: "Vulnerable dependency may be reachable in app code",
    decide: () => person("Run `npm audit --omit=dev` (it needs the registry) and check whether any advisory's code path is used."),
  },
];

export function runSecurityChecks(inputs: ScanInputs, checks: readonly SecurityCheck[] = SECURITY_CHECKS): SecurityResult[] {
  return checks.map((c) => {
    let d: Decision;
    try {
      d = c.decide(inputs);
    } catch (e) {
      d = fail(`the check itself failed: ${e instanceof Error ? e.message : String(e)}`);
    }
    return { id: c.id, title: c.title, url: checkUrl(c.id), ...d };
  });
}
