// Builds every UI extension the way Shopify CLI does (one minified ESM bundle per extension with all its
// target modules, Preact JSX) into extensions/<name>/dist/<handle>.js and prints raw and gzip sizes.
// Fails when an extension exceeds our 16 KB compressed budget (Shopify's own cap is 64 KB).
//   tsx extensions/build.ts            (APP_URL / SHOPIFY_APP_URL sets the app origin the extension calls)
import { mkdirSync, readdirSync, existsSync, writeFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { bundleExtension } from "../preview/bundle";
import { EXTENSIONS_DIR, readExtension } from "../preview/toml";

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

export async function buildAll(appUrl = process.env.APP_URL ?? process.env.SHOPIFY_APP_URL ?? ""): Promise<SizeReport[]> {
  const out: SizeReport[] = [];
  for (const name of extensionNames()) {
    const ext = readExtension(name);
    if (ext.apiVersion !== "2026-07") throw new Error(`${name}: api_version must be 2026-07 (got ${ext.apiVersion})`);
    const code = await bundleExtension(ext, { appUrl });
    const dist = path.join(ext.dir, "dist");
    mkdirSync(dist, { recursive: true });
    const file = path.join(dist, `${ext.handle}.js`);
    writeFileSync(file, code);
    out.push({ name, targets: ext.targets.length, raw: code.byteLength, gzip: gzipSync(code, { level: 9 }).byteLength, file });
  }
  return out;
}

async function main() {
  const reports = await buildAll();
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
    console.error(e);
    process.exit(1);
  });
}
