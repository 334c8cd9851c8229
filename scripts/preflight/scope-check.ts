// A field an operation selects without the access scope it needs: Shopify answers such a query with an
// ACCESS_DENIED error at run time, on a real store only (the stand-in grants what the test asks for).
// The rules and the scope arithmetic are parameters, so the check is tested with its own small table and
// wired to standin/access-scopes.ts in scripts/preflight.ts.
import { Kind, TypeInfo, getNamedType, parse, visit, visitWithTypeInfo, type DocumentNode, type GraphQLSchema } from "graphql";
import type { FoundDocument } from "./checks";

export interface ScopeRuleLike {
  type: string;
  /** a field name, or "*" for every field of the type */
  field: string;
  anyOf: readonly string[];
  doc: string;
}

export interface ScopeRules<R extends ScopeRuleLike = ScopeRuleLike> {
  rules: readonly R[];
  /** the scopes a list of requested scopes amounts to (e.g. write_x includes read_x) */
  effectiveScopes: (requested: readonly string[] | string) => Set<string>;
  /** the rule for one selected field; by default an exact rule, else the type's "*" rule */
  ruleFor?: (type: string, field: string) => R | undefined;
}

export interface SelectedField {
  type: string;
  field: string;
}

/** Every `Type.field` an operation selects, with the parent type the schema resolves it on. */
export function selectedFields(schema: GraphQLSchema, doc: DocumentNode): SelectedField[] {
  const typeInfo = new TypeInfo(schema);
  const seen = new Map<string, SelectedField>();
  visit(
    doc,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        const parent = typeInfo.getParentType();
        if (!parent || node.name.value.startsWith("__")) return;
        const key = `${parent.name}.${node.name.value}`;
        if (!seen.has(key)) seen.set(key, { type: getNamedType(parent).name, field: node.name.value });
      },
    }),
  );
  return [...seen.values()];
}

function defaultRuleFor<R extends ScopeRuleLike>(rules: readonly R[]) {
  return (type: string, field: string) =>
    rules.find((r) => r.type === type && r.field === field) ?? rules.find((r) => r.type === type && r.field === "*");
}

/**
 * For each operation, the rules it trips: fields it selects whose rule none of the app's effective scopes
 * satisfies. One sentence per operation and rule, naming the fields, the scopes that would do, and the doc.
 */
export function scopeProblems(
  documents: readonly FoundDocument[],
  schema: GraphQLSchema,
  requestedScopes: readonly string[],
  { rules, effectiveScopes, ruleFor = defaultRuleFor(rules) }: ScopeRules,
): string[] {
  const granted = effectiveScopes(requestedScopes);
  const out: string[] = [];
  for (const d of documents) {
    const doc = parse(d.source);
    const op = doc.definitions.find((x) => x.kind === Kind.OPERATION_DEFINITION);
    const name = op && op.kind === Kind.OPERATION_DEFINITION ? (op.name?.value ?? "an unnamed operation") : "a fragment";
    const tripped = new Map<ScopeRuleLike, string[]>();
    for (const f of selectedFields(schema, doc)) {
      const rule = ruleFor(f.type, f.field);
      if (!rule || rule.anyOf.some((s) => granted.has(s))) continue;
      tripped.set(rule, [...(tripped.get(rule) ?? []), `${f.type}.${f.field}`]);
    }
    for (const [rule, fields] of tripped) {
      out.push(
        `${name} (${d.file}:${d.line}) selects ${fields.join(", ")}, which needs ${rule.anyOf.join(" or ")} (${rule.doc}); ` +
          `the app's scopes (${requestedScopes.join(",") || "none"}) do not include it.`,
      );
    }
  }
  return out;
}
