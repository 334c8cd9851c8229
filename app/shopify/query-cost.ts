/**
 * Static estimate of an Admin query's requested cost, by Shopify's published rules: scalars and
 * enums 0, objects 1, connections 2 + (first|last) x cost of one node, mutations 10. Page sizes
 * come from literals, supplied variables, or the variables' defaults. Used by tests to keep every
 * document under the 1,000-point single-query limit before Shopify refuses it.
 */
import {
  getNamedType,
  getNullableType,
  isCompositeType,
  isListType,
  isObjectType,
  isInterfaceType,
  isAbstractType,
  Kind,
  parse,
  valueFromASTUntyped,
  type FieldNode,
  type GraphQLCompositeType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionNode,
  type SelectionSetNode,
} from "graphql";

export const MAX_SINGLE_QUERY_COST = 1000;

/** @include(if: false) / @skip(if: true) leave a selection out of the query and out of its cost. */
function excluded(s: SelectionNode, vars: Record<string, unknown>): boolean {
  return (s.directives ?? []).some((d) => {
    const arg = d.arguments?.find((a) => a.name.value === "if");
    const v = arg ? valueFromASTUntyped(arg.value, vars) : undefined;
    return (d.name.value === "include" && v === false) || (d.name.value === "skip" && v === true);
  });
}

function fieldsOf(set: SelectionSetNode, vars: Record<string, unknown> = {}): FieldNode[] {
  return set.selections.flatMap((s) =>
    excluded(s, vars) ? [] : s.kind === Kind.FIELD ? [s] : s.kind === Kind.INLINE_FRAGMENT ? fieldsOf(s.selectionSet, vars) : [],
  );
}

export function requestedQueryCost(schema: GraphQLSchema, source: string, variables: Record<string, unknown> = {}): number {
  const doc = parse(source);
  const op = doc.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  if (!op) return 0;
  if (op.operation === "mutation") return 10 * fieldsOf(op.selectionSet).length;
  const vars: Record<string, unknown> = {};
  for (const v of op.variableDefinitions ?? []) {
    if (v.defaultValue) vars[v.variable.name.value] = valueFromASTUntyped(v.defaultValue);
  }
  Object.assign(vars, variables);

  const pageSize = (f: FieldNode): number => {
    for (const name of ["first", "last"]) {
      const arg = f.arguments?.find((a) => a.name.value === name);
      if (arg) {
        const v = valueFromASTUntyped(arg.value, vars);
        if (typeof v === "number") return v;
      }
    }
    return 0;
  };

  const cost = (set: SelectionSetNode | undefined, type: GraphQLCompositeType): number => {
    if (!set) return 0;
    let total = 0;
    for (const f of fieldsOf(set, vars)) {
      if (f.name.value.startsWith("__")) continue;
      // a field of the type, or one selected in an inline fragment on a member/implementation
      const def =
        (isObjectType(type) || isInterfaceType(type) ? type.getFields()[f.name.value] : undefined) ??
        (isAbstractType(type) ? schema.getPossibleTypes(type).map((t) => t.getFields()[f.name.value]).find(Boolean) : undefined);
      if (!def) continue;
      const named = getNamedType(def.type);
      if (!isCompositeType(named)) continue;
      if (named.name.endsWith("Connection") && (isObjectType(named) || isInterfaceType(named))) {
        const nodeType = getNamedType(named.getFields().nodes?.type ?? named.getFields().edges!.type);
        let per = 0;
        for (const sub of fieldsOf(f.selectionSet!, vars)) {
          if (sub.name.value === "nodes") per = Math.max(per, 1 + cost(sub.selectionSet, nodeType as GraphQLCompositeType));
          if (sub.name.value === "edges") {
            for (const e of fieldsOf(sub.selectionSet!, vars)) {
              if (e.name.value === "node") per = Math.max(per, 1 + cost(e.selectionSet, nodeType as GraphQLCompositeType));
            }
          }
        }
        total += 2 + pageSize(f) * per;
      } else if (isListType(getNullableType(def.type))) {
        total += 1 + cost(f.selectionSet, named);
      } else {
        total += 1 + cost(f.selectionSet, named);
      }
    }
    return total;
  };
  const root = schema.getQueryType();
  return root ? cost(op.selectionSet, root) : 0;
}
