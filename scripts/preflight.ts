// `npm run preflight [-- --config <name|file>]`: inspects what `shopify app deploy` would ship and exits
// non-zero naming each problem. The checks are in scripts/preflight/ (one per function, tested); this file
// only gathers their inputs (the app config, SHOPIFY_APP_URL, the GraphQL documents and the schemas they
// go to, the extension bundles, the sources git tracks) and prints the answers.
//
//   --config production        reads shopify.app.production.toml, as `shopify app deploy --config production`
//   --config path/to/file.toml reads that file (CI checks a linked copy: see .ci/run)
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { ApiVersion } from "@shopify/shopify-api";
import { findDocuments, listSourceFiles } from "../app/shopify/graphql-documents";
import { readAppUrlModule } from "../extensions/app-url";
import { BUDGET_BYTES, extensionNames, gzipSize } from "../extensions/build";
import { bundleExtension } from "../preview/bundle";
import { readExtension } from "../preview/toml";
import { SCOPE_RULES, effectiveScopes, scopeRuleFor } from "../standin";
import { readAppConfig } from "./preflight/app-config";
import {
  appUrlProblems,
  bundleBudgetProblems,
  deprecatedFieldProblems,
  extensionUrlProblems,
  webhookApiVersionProblems,
} from "./preflight/checks";
import { documentSchemas } from "./preflight/schemas";
import { scopeProblems } from "./preflight/scope-check";
import { runSecurityChecks, type SecurityResult } from "./preflight/security-checks";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export interface Section {
  title: string;
  problems: string[];
  /** what was checked, shown when there is no problem */
  ok: string;
}

export interface PreflightReport {
  config: string;
  appUrl: string | undefined;
  sections: Section[];
  security: SecurityResult[];
  failed: boolean;
}

/** shopify.app.toml, shopify.app.<name>.toml for a name (as the CLI's --config), or a path to a file. */
export function configPath(root: string, config: string | undefined): string {
  if (!config) return path.join(root, "shopify.app.toml");
  if (config.endsWith(".toml")) return path.resolve(root, config);
  return path.join(root, `shopify.app.${config}.toml`);
}

/** The Admin API version app/shopify.server.ts pins (ADMIN_API_VERSION = ApiVersion.<Member>). */
export function adminApiVersionOf(serverSource: string): string | undefined {
  const member = /ADMIN_API_VERSION\s*=\s*ApiVersion\.(\w+)/.exec(serverSource)?.[1];
  return member ? (ApiVersion as Record<string, string>)[member] : undefined;
}

function trackedFiles(root: string): string[] {
  try {
    return execFileSync("git", ["ls-files", "-z"], { cwd: root, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 }).split("\0").filter(Boolean);
  } catch {
    return [];
  }
}

export async function preflight(opts: { root?: string; config?: string; env?: Record<string, string | undefined>; now?: Date } = {}): Promise<PreflightReport> {
  const root = opts.root ?? ROOT;
  const env = opts.env ?? process.env;
  const appUrl = env.SHOPIFY_APP_URL?.trim() || undefined;
  const file = configPath(root, opts.config);
  const relative = path.relative(root, file);
  const config = readAppConfig(file, relative.startsWith("..") ? file : relative);

  const sources = new Map<string, string>();
  for (const f of [...listSourceFiles(path.join(root, "app")), ...listSourceFiles(path.join(root, "extensions"))]) {
    sources.set(path.relative(root, f).split(path.sep).join("/"), readFileSync(f, "utf8"));
  }
  const prismaSchema = path.join(root, "prisma", "schema.prisma");
  if (existsSync(prismaSchema)) sources.set("prisma/schema.prisma", readFileSync(prismaSchema, "utf8"));
  const adminApiVersion = adminApiVersionOf(sources.get("app/shopify.server.ts") ?? "");

  const { admin, schemaFor } = documentSchemas(root);
  const documents = findDocuments(root, ["app", "extensions"]);
  const adminDocs = documents.filter((d) => schemaFor(d).name.startsWith("admin"));

  const urlModule = readAppUrlModule(path.join(root, "extensions", "customer-returns", "src", "app-url.ts"));
  const bundleUrl = urlModule.kind === "fixed" ? urlModule.url : (appUrl ?? "https://app.invalid");
  const sizes = await Promise.all(
    extensionNames().map(async (name) => ({ name, gzip: gzipSize(await bundleExtension(readExtension(name), { appUrl: bundleUrl })) })),
  );

  const scopes = scopeProblems(adminDocs, admin, config.scopes, { rules: SCOPE_RULES, effectiveScopes, ruleFor: scopeRuleFor });

  const sections: Section[] = [
    { title: "App addresses", problems: appUrlProblems(config, appUrl), ok: `application_url ${config.applicationUrl}${appUrl ? " is SHOPIFY_APP_URL" : ""}; redirect URLs fit` },
    {
      title: "Customer returns extension backend URL",
      problems: extensionUrlProblems(urlModule, appUrl),
      ok: `calls ${urlModule.kind === "fixed" ? urlModule.url : "?"}`,
    },
    {
      title: "GraphQL documents (valid, no deprecated fields)",
      problems: deprecatedFieldProblems(documents, schemaFor),
      ok: `${documents.length} documents validate with no deprecated field, argument or enum value`,
    },
    {
      title: "Access scopes of every selected field",
      problems: scopes,
      ok: `${adminDocs.length} Admin operations select no field with a known rule outside [access_scopes]`,
    },
    {
      title: "Extension bundles within budget",
      problems: bundleBudgetProblems(sizes, BUDGET_BYTES),
      ok: sizes.map((s) => `${s.name} ${(s.gzip / 1024).toFixed(1)} KB`).join(", ") + ` (budget ${BUDGET_BYTES / 1024} KB compressed)`,
    },
    // the compliance topics are checked once, as MISSING_COMPLIANCE_WEBHOOKS below
    {
      title: "Webhook API version",
      problems: webhookApiVersionProblems(config, adminApiVersion),
      ok: `[webhooks] api_version ${config.webhooksApiVersion} is the app's Admin API version`,
    },
  ];

  const tracked = trackedFiles(root);
  const security = runSecurityChecks({
    config,
    sources,
    tracked,
    read: (f) => {
      try {
        return readFileSync(path.join(root, f), "utf8");
      } catch {
        return "";
      }
    },
    adminApiVersion,
    now: opts.now ?? new Date(),
    scopeProblems: scopes,
  });

  const failed = sections.some((s) => s.problems.length > 0) || security.some((r) => r.status === "fail");
  return { config: config.file, appUrl, sections, security, failed };
}

export function formatReport(r: PreflightReport): string {
  const lines = [`Preflight of what \`shopify app deploy\` would ship — ${r.config}, SHOPIFY_APP_URL ${r.appUrl ?? "not set"}`, ""];
  for (const s of r.sections) {
    if (!s.problems.length) lines.push(`ok    ${s.title}: ${s.ok}`);
    else for (const p of s.problems) lines.push(`FAIL  ${s.title}: ${p}`);
  }
  lines.push("", "Shopify app security checks (https://shopify.dev/docs/apps/build/security/app-security-checks):");
  const label = { pass: "pass ", fail: "FAIL ", person: "needs a person:" } as const;
  for (const c of r.security) lines.push(`${label[c.status]} ${c.id} — ${c.detail}`);
  const problems = r.sections.reduce((n, s) => n + s.problems.length, 0) + r.security.filter((c) => c.status === "fail").length;
  const people = r.security.filter((c) => c.status === "person").length;
  lines.push("", r.failed ? `${problems} problem(s): fix them before deploying.` : `No problems. ${people} check(s) need a person before the first release.`);
  return lines.join("\n");
}

async function main() {
  const { values } = parseArgs({ options: { config: { type: "string" } } });
  const report = await preflight({ config: values.config });
  console.log(formatReport(report));
  process.exit(report.failed ? 1 : 0);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((e) => {
    console.error(`preflight could not run: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(2);
  });
}
