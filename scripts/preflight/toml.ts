// Reads the part of TOML that Shopify app configuration files use: comments, `key = value` with strings
// (basic and literal), booleans, numbers and arrays (also across lines), `[table]` and `[[array.of.tables]]`,
// dotted keys. Anything else is an error naming the line, never a silent guess.

export type TomlValue = string | number | boolean | TomlValue[] | TomlTable;
export interface TomlTable {
  [key: string]: TomlValue;
}

export class TomlError extends Error {
  override name = "TomlError";
}

/** Calls visit with each character outside a quoted string, until it returns true; that character's index, or -1. */
function scanUnquoted(text: string, visit: (c: string) => boolean | void): number {
  let quote: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === "\\" && quote === '"') i++;
      else if (c === quote) quote = null;
    } else if (c === '"' || c === "'") quote = c;
    else if (visit(c)) return i;
  }
  return -1;
}

/** Removes a `#` comment that is not inside a string. */
function stripComment(line: string): string {
  const hash = scanUnquoted(line, (c) => c === "#");
  return hash < 0 ? line : line.slice(0, hash);
}

/** Square brackets still open outside strings (for arrays written over several lines). */
function openBrackets(text: string): number {
  let depth = 0;
  scanUnquoted(text, (c) => {
    if (c === "[") depth++;
    else if (c === "]") depth--;
  });
  return depth;
}

function splitKey(raw: string, lineNo: number): string[] {
  const parts = raw.split(".").map((p) => p.trim().replace(/^"(.*)"$/, "$1").replace(/^'(.*)'$/, "$1"));
  if (parts.some((p) => !/^[A-Za-z0-9_-]+$/.test(p))) throw new TomlError(`line ${lineNo}: cannot read the key "${raw.trim()}"`);
  return parts;
}

class Reader {
  pos = 0;
  constructor(
    readonly text: string,
    readonly lineNo: number,
  ) {}

  fail(what: string): never {
    throw new TomlError(`line ${this.lineNo}: ${what} in "${this.text.trim()}"`);
  }
  skipSpace() {
    while (this.pos < this.text.length && /\s|,/.test(this.text[this.pos]!)) this.pos++;
  }
  value(): TomlValue {
    this.skipSpace();
    const c = this.text[this.pos];
    if (c === '"') return this.basicString();
    if (c === "'") {
      const end = this.text.indexOf("'", this.pos + 1);
      if (end < 0) this.fail("unterminated string");
      const s = this.text.slice(this.pos + 1, end);
      this.pos = end + 1;
      return s;
    }
    if (c === "[") {
      this.pos++;
      const out: TomlValue[] = [];
      for (;;) {
        this.skipSpace();
        if (this.text[this.pos] === "]") {
          this.pos++;
          return out;
        }
        if (this.pos >= this.text.length) this.fail("unterminated array");
        out.push(this.value());
      }
    }
    const m = /^(true|false|[+-]?\d[\d_]*(?:\.\d+)?)/.exec(this.text.slice(this.pos));
    if (!m) this.fail("cannot read the value");
    this.pos += m[1]!.length;
    if (m[1] === "true" || m[1] === "false") return m[1] === "true";
    return Number(m[1]!.replace(/_/g, ""));
  }
  basicString(): string {
    let out = "";
    for (let i = this.pos + 1; i < this.text.length; i++) {
      const c = this.text[i]!;
      if (c === '"') {
        this.pos = i + 1;
        return out;
      }
      if (c === "\\") {
        const n = this.text[++i];
        const esc: Record<string, string> = { n: "\n", t: "\t", '"': '"', "\\": "\\", r: "\r" };
        if (n === "u") {
          out += String.fromCharCode(parseInt(this.text.slice(i + 1, i + 5), 16));
          i += 4;
        } else if (n !== undefined && esc[n] !== undefined) out += esc[n];
        else this.fail("unknown escape");
      } else out += c;
    }
    this.fail("unterminated string");
  }
}

function tableAt(root: TomlTable, path: string[], lineNo: number): TomlTable {
  let t = root;
  for (const k of path) {
    let next = t[k];
    if (next === undefined) next = t[k] = {};
    if (Array.isArray(next)) next = next[next.length - 1] as TomlValue;
    if (typeof next !== "object" || next === null || Array.isArray(next)) throw new TomlError(`line ${lineNo}: "${k}" is not a table`);
    t = next;
  }
  return t;
}

export function parseToml(source: string): TomlTable {
  const root: TomlTable = {};
  let current = root;
  const lines = source.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const lineNo = i + 1;
    const line = stripComment(lines[i]!).trim();
    if (!line) continue;
    const arrayTable = /^\[\[([^\]]+)\]\]$/.exec(line);
    if (arrayTable) {
      const path = splitKey(arrayTable[1]!, lineNo);
      const parent = tableAt(root, path.slice(0, -1), lineNo);
      const key = path[path.length - 1]!;
      const list = (parent[key] ??= []);
      if (!Array.isArray(list)) throw new TomlError(`line ${lineNo}: "${key}" is not an array of tables`);
      const table: TomlTable = {};
      list.push(table);
      current = table;
      continue;
    }
    const table = /^\[([^\]]+)\]$/.exec(line);
    if (table) {
      current = tableAt(root, splitKey(table[1]!, lineNo), lineNo);
      continue;
    }
    const eq = line.indexOf("=");
    if (eq < 0) throw new TomlError(`line ${lineNo}: expected key = value in "${line}"`);
    const keyPath = splitKey(line.slice(0, eq), lineNo);
    let valueText = line.slice(eq + 1).trim();
    while (openBrackets(valueText) > 0 && i + 1 < lines.length) valueText += "\n" + stripComment(lines[++i]!);
    const reader = new Reader(valueText, lineNo);
    const value = reader.value();
    if (valueText.slice(reader.pos).trim()) reader.fail("unexpected text after the value");
    const target = tableAt(current, keyPath.slice(0, -1), lineNo);
    target[keyPath[keyPath.length - 1]!] = value;
  }
  return root;
}
