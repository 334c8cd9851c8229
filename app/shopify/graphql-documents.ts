/**
 * Finds every GraphQL document in source files, for validation tests and tooling: a template
 * literal whose text starts with the marker "#graphql" (what codegen plucks). It runs to the next
 * backtick; interpolation is not allowed in documents (codegen cannot type it).
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";

export interface FoundDocument {
  file: string;
  line: number;
  source: string;
}

const SKIP_DIRS = new Set(["node_modules", "build", "dist", ".cache", "generated", "types"]);
const SOURCE_FILE = /\.(ts|tsx|js|jsx|mjs)$/;

export function listSourceFiles(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const name of entries) {
    const full = join(dir, name);
    const st = statSync(full);
    if (st.isDirectory()) {
      if (!SKIP_DIRS.has(name) && !name.startsWith(".")) out.push(...listSourceFiles(full));
    } else if (SOURCE_FILE.test(name) && !name.endsWith(".d.ts")) {
      out.push(full);
    }
  }
  return out.sort();
}

export function extractDocuments(text: string, file: string): FoundDocument[] {
  const docs: FoundDocument[] = [];
  const tick = String.fromCharCode(96);
  const re = new RegExp(`${tick}#graphql\\b([^${tick}]*)${tick}`, "g");
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const line = text.slice(0, m.index).split("\n").length;
    docs.push({ file, line, source: m[1] ?? "" });
  }
  return docs;
}

export function findDocuments(root: string, dirs: string[]): FoundDocument[] {
  return dirs.flatMap((d) =>
    listSourceFiles(join(root, d)).flatMap((f) => extractDocuments(readFileSync(f, "utf8"), relative(root, f))),
  );
}
