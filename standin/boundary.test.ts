/**
 * The stand-in is a library with a boundary: code outside standin/ imports only the entries its
 * package.json `exports` names (the server API and the testing helpers), by relative path or by package
 * name. Everything else in standin/ may move or change without touching the app, the demo or the tools.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, extname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const standinDir = dirname(fileURLToPath(import.meta.url));
const root = resolve(standinDir, "..");
const pkg = JSON.parse(readFileSync(join(standinDir, "package.json"), "utf8")) as { name: string; exports: Record<string, string> };

/** Paths inside standin/ (without extension, "" for the folder itself) that an outside file may import. */
const entries = new Set(Object.values(pkg.exports).map((target) => target.replace(/^\.\//, "").replace(/\.ts$/, "")));
if (entries.has("index")) entries.add("");
const subpaths = new Set(Object.keys(pkg.exports).map((k) => k.replace(/^\.\/?/, "")));

const SOURCE = new Set([".ts", ".tsx", ".mts", ".cts", ".js", ".mjs", ".cjs", ".jsx"]);
const SKIP = new Set(["node_modules", "build", "dist", ".cache", "coverage", "standin"]);

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith(".") || SKIP.has(entry.name)) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sources(path));
    else if (SOURCE.has(extname(entry.name)) && !entry.name.endsWith(".d.ts")) out.push(path);
  }
  return out;
}

/** Every module specifier in a source: static and type imports, re-exports, side-effect imports, import(), require(). */
function specifiers(text: string): string[] {
  const found = [
    ...text.matchAll(/^\s*(?:import|export)\b[^'"`;]*?\bfrom\s*["']([^"']+)["']/gm),
    ...text.matchAll(/^\s*import\s*["']([^"']+)["']/gm),
    ...text.matchAll(/\b(?:import|require)\(\s*["']([^"']+)["']\s*\)/g),
  ];
  return found.map((m) => m[1]!);
}

/** The imports in `text` (a file at `file`) that reach into standin/ past its public entries. */
function boundaryViolations(file: string, text: string): string[] {
  return specifiers(text).filter((spec) => {
    if (spec === pkg.name || spec.startsWith(`${pkg.name}/`)) return !subpaths.has(spec.slice(pkg.name.length + 1));
    if (!spec.startsWith(".")) return false;
    const target = relative(standinDir, resolve(dirname(file), spec));
    if (target.startsWith("..") || target.startsWith(sep) || /^[A-Za-z]:/.test(target)) return false;
    return !entries.has(target.split(sep).join("/").replace(/\.(ts|js)$/, "").replace(/\/index$/, "").replace(/^index$/, ""));
  });
}

describe("the stand-in's boundary", () => {
  it("package.json names the server API and the testing entry, and both exist", () => {
    expect(pkg.exports).toEqual({ ".": "./index.ts", "./testing": "./testing.ts" });
    for (const target of Object.values(pkg.exports)) expect(existsSync(join(standinDir, target))).toBe(true);
  });

  it("tells a public import from one that reaches inside", () => {
    const file = join(root, "app", "shopify", "example.test.ts");
    const ok = [
      'import { startStandin, type Standin } from "../../standin";',
      'import { startStandin } from "../../standin/index";',
      'import { exchange } from "../../standin/testing";',
      'import type { OrderRec } from "@policy-returns/standin";',
      'import { signJwt } from "@policy-returns/standin/testing";',
      'import { x } from "./standin/state/types";',
    ];
    const bad = [
      'import type { OrderRec } from "../../standin/state/types";',
      "import { signJwt } from '../../standin/tokens';",
      'export { gid } from "../../standin/state/store";',
      'const m = await import("../../standin/schema");',
      'import "../../standin/seed/demo";',
      'import { x } from "@policy-returns/standin/oauth";',
    ];
    expect(ok.flatMap((line) => boundaryViolations(file, line))).toEqual([]);
    expect(bad.map((line) => boundaryViolations(file, line))).toEqual(bad.map((line) => [specifiers(line)[0]]));
  });

  it("no file outside standin/ imports anything but its public entries", () => {
    const files = sources(root);
    expect(files.length).toBeGreaterThan(100);
    const violations = files.flatMap((file) =>
      boundaryViolations(file, readFileSync(file, "utf8")).map((spec) => `${relative(root, file)}: ${spec}`),
    );
    expect(violations).toEqual([]);
  });
});
