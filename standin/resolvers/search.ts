/** Tiny parser for Shopify's search syntax as used by the app: `name:#1001 customer_id:1 tag:x status:open`. */
export interface Term {
  field: string | null;
  value: string;
  op: ":" | ">" | "<" | ">=" | "<=";
  negate: boolean;
}

export function parseQuery(q: string | null | undefined): Term[] {
  if (!q) return [];
  const tokens = q.match(/-?[\w.]+:(?:"[^"]*"|'[^']*'|\S+)|"[^"]*"|\S+/g) ?? [];
  const terms: Term[] = [];
  for (let t of tokens) {
    if (t === "AND") continue;
    let negate = false;
    if (t.startsWith("-")) {
      negate = true;
      t = t.slice(1);
    }
    const m = /^([\w.]+):(>=|<=|>|<)?(.*)$/.exec(t);
    if (m) {
      const raw = m[3]!.replace(/^["']|["']$/g, "");
      terms.push({ field: m[1]!.toLowerCase(), value: raw, op: (m[2] as Term["op"]) ?? ":", negate });
    } else terms.push({ field: null, value: t.replace(/^["']|["']$/g, ""), op: ":", negate });
  }
  return terms;
}

export function compare(actual: string | number | null | undefined, term: Term): boolean {
  if (actual == null) return false;
  const a = String(actual);
  switch (term.op) {
    case ">":
      return a > term.value;
    case "<":
      return a < term.value;
    case ">=":
      return a >= term.value;
    case "<=":
      return a <= term.value;
    default:
      return a.toLowerCase() === term.value.toLowerCase();
  }
}

/** every term must match (AND); unknown fields match nothing, like Shopify ignoring nothing silently */
export function matches(terms: Term[], test: (t: Term) => boolean): boolean {
  return terms.every((t) => (t.negate ? !test(t) : test(t)));
}

export function numericId(v: string): string {
  return v.startsWith("gid://") ? v.slice(v.lastIndexOf("/") + 1) : v;
}
