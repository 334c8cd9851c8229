// PLACEHOLDER with a few real rules so the preflight's scope check has something to run on. The full
// table (and the stand-in enforcing it) is being written separately; when both exist, keep that version.
// Each rule: selecting `type.field` ("*" = any field of the type) needs at least one scope of `anyOf`.

export interface ScopeRule {
  type: string;
  field: string;
  anyOf: readonly string[];
  doc: string;
}

export const SCOPE_RULES: readonly ScopeRule[] = [
  {
    type: "Location",
    field: "*",
    anyOf: ["read_locations"],
    doc: "https://shopify.dev/docs/api/admin-graphql/2026-07/objects/Location",
  },
  {
    type: "Order",
    field: "*",
    anyOf: ["read_orders", "read_marketplace_orders"],
    doc: "https://shopify.dev/docs/api/admin-graphql/2026-07/objects/Order",
  },
  {
    type: "Return",
    field: "*",
    anyOf: ["read_returns", "read_marketplace_returns"],
    doc: "https://shopify.dev/docs/api/admin-graphql/2026-07/objects/Return",
  },
];

/**
 * The scopes a grant amounts to: a write scope includes its read scope
 * (https://shopify.dev/docs/api/usage/access-scopes).
 */
export function effectiveScopes(requested: readonly string[] | string): Set<string> {
  const list = typeof requested === "string" ? requested.split(",") : requested;
  const out = new Set<string>();
  for (const raw of list) {
    const s = raw.trim();
    if (!s) continue;
    out.add(s);
    if (s.startsWith("write_")) out.add(`read_${s.slice("write_".length)}`);
  }
  return out;
}

/** The rule for one selected field: an exact rule first, then the type's "*" rule. */
export function scopeRuleFor(type: string, field: string): ScopeRule | undefined {
  return SCOPE_RULES.find((r) => r.type === type && r.field === field) ?? SCOPE_RULES.find((r) => r.type === type && r.field === "*");
}
