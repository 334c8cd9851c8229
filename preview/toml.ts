// Just enough of shopify.extension.toml for the preview and the size check: targets and their modules.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const HERE = path.dirname(fileURLToPath(import.meta.url));

export interface TargetSpec {
  target: string;
  module: string; // absolute path
}

export interface ExtensionSpec {
  name: string;
  dir: string;
  handle: string;
  apiVersion: string;
  targets: TargetSpec[];
}

export const EXTENSIONS_DIR = path.resolve(HERE, "../extensions");

export function readExtension(name: string): ExtensionSpec {
  const dir = path.join(EXTENSIONS_DIR, name);
  const text = readFileSync(path.join(dir, "shopify.extension.toml"), "utf8");
  const str = (re: RegExp, s: string) => re.exec(s)?.[1];
  const targets: TargetSpec[] = [];
  for (const block of text.split(/^\[\[extensions\.targeting\]\]\s*$/m).slice(1)) {
    const body = block.split(/^\[/m)[0] ?? "";
    const target = str(/^target\s*=\s*"([^"]+)"/m, body);
    const mod = str(/^module\s*=\s*"([^"]+)"/m, body);
    if (target && mod) targets.push({ target, module: path.resolve(dir, mod) });
  }
  return {
    name,
    dir,
    handle: str(/^handle\s*=\s*"([^"]+)"/m, text) ?? name,
    apiVersion: str(/^api_version\s*=\s*"([^"]+)"/m, text) ?? "",
    targets,
  };
}

/** Shopify's full-page targets: an extension with one holds nothing else. */
export const PAGE_TARGETS = ["customer-account.order.page.render", "customer-account.page.render"];

/** The app's full-page extensions, which other extensions link to with `extension:<handle>/…`. */
export function pageExtensions(): ExtensionSpec[] {
  return readdirSync(EXTENSIONS_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(path.join(EXTENSIONS_DIR, d.name, "shopify.extension.toml")))
    .map((d) => readExtension(d.name))
    .filter((e) => e.targets.some((t) => PAGE_TARGETS.includes(t.target)))
    .sort((a, b) => a.name.localeCompare(b.name));
}
