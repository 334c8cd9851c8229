// Builds every UI extension into extensions/<name>/dist/<handle>.js and prints raw and gzip sizes; fails when
// one exceeds our 16 KB compressed budget (Shopify's own cap is 64 KB).
//   SHOPIFY_APP_URL=https://… tsx extensions/build.ts [--esbuild]   a deploy build
//   tsx extensions/build.ts --app http://127.0.0.1:3000 [--esbuild] a local build (never deploy it)
// Uses Shopify CLI (`shopify app build`, works offline, no login) when installed, else esbuild configured like the
// CLI (one ES2015 bundle per extension with all target modules, minified, Preact JSX): both give the same bytes
// within a few hundred. First writes the generated customer-returns/src/app-url.ts (extensions/app-url.ts): the
// origin the extension calls. A deploy build without SHOPIFY_APP_URL stops here, naming the variable.
import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import { bundleExtension } from "../preview/bundle";
import { EXTENSIONS_DIR, readExtension } from "../preview/toml";
import { AppUrlError, deployAppUrl, fixedModule, writeAppUrlModule } from "./app-url";
import { normaliseUrl, publicUrlProblem } from "../scripts/preflight/public-url";

export const BUDGET_BYTES = 16 * 1024;

export interface SizeReport {
  name: string;
  targets: number;
  raw: number;
  gzip: number;
  file: string;
}

export function extensionNames(): string[] {
  return readdirSync(EXTENSIONS_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(path.join(EXTENSIONS_DIR, d.name, "shopify.extension.toml")))
    .map((d) => d.name)
    .sort();
}

const ROOT = path.resolve(EXTENSIONS_DIR, "..");
const SHOPIFY_BIN = path.join(ROOT, "node_modules", ".bin", "shopify");

/** Compressed size of a bundle as the budget counts it (gzip level 9). */
export function gzipSize(code: Uint8Array): number {
  return gzipSync(code, { level: 9 }).byteLength;
}

function measure(name: string, targets: number, file: string): SizeReport {
  const code = readFileSync(file);
  return { name, targets, raw: code.byteLength, gzip: gzipSize(code), file };
}

/**
 * Builds every extension. `appUrl` is the customer-returns backend URL the esbuild bundles carry; without it
 * they bundle the generated app-url.ts, as the CLI always does.
 */
export async function buildAll(builder: "esbuild" | "shopify-cli" = "esbuild", { appUrl }: { appUrl?: string } = {}): Promise<SizeReport[]> {
  const exts = extensionNames().map(readExtension);
  for (const ext of exts) {
    if (ext.apiVersion !== "2026-07") throw new Error(`${ext.name}: api_version must be 2026-07 (got ${ext.apiVersion})`);
  }
  if (builder === "shopify-cli") {
    execFileSync(SHOPIFY_BIN, ["app", "build", "--path", ROOT, "--skip-dependencies-installation"], {
      stdio: "inherit",
      env: { ...process.env, SHOPIFY_CLI_NO_ANALYTICS: "1", CI: "1" },
    });
    return exts.map((ext) => measure(ext.name, ext.targets.length, path.join(ext.dir, "dist", `${ext.handle}.js`)));
  }
  const out: SizeReport[] = [];
  for (const ext of exts) {
    const code = await bundleExtension(ext, { appUrl });
    const dist = path.join(ext.dir, "dist");
    mkdirSync(dist, { recursive: true });
    const file = path.join(dist, `${ext.handle}.js`);
    writeFileSync(file, code);
    out.push(measure(ext.name, ext.targets.length, file));
  }
  return out;
}

async function main() {
  const { values } = parseArgs({ options: { esbuild: { type: "boolean" }, app: { type: "string" } } });
  const appUrl = values.app ? normaliseUrl(values.app) : deployAppUrl(process.env);
  if (values.app && publicUrlProblem(appUrl)) console.warn(`customer-returns: local build for ${appUrl} — not for deploying`);
  if (writeAppUrlModule(fixedModule(appUrl))) console.log(`customer-returns: backend URL ${appUrl}`);
  const builder = values.esbuild || !existsSync(SHOPIFY_BIN) ? "esbuild" : "shopify-cli";
  const reports = await buildAll(builder);
  console.log(`built with ${builder}:`);
  const kb = (n: number) => (n / 1024).toFixed(1) + " KB";
  let over = false;
  for (const r of reports) {
    const ok = r.gzip <= BUDGET_BYTES;
    over ||= !ok;
    console.log(
      `${r.name.padEnd(20)} ${String(r.targets).padStart(2)} targets  raw ${kb(r.raw).padStart(8)}  gzip ${kb(r.gzip).padStart(7)}  ${ok ? "ok" : "OVER"} (budget ${kb(BUDGET_BYTES)})`,
    );
  }
  if (over) {
    console.error("extension bundle over the 16 KB compressed budget");
    process.exit(1);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]).endsWith(path.join("extensions", "build.ts"))) {
  main().catch((e) => {
    console.error(e instanceof AppUrlError ? e.message : e);
    process.exit(1);
  });
}
