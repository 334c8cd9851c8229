import {
  getNamedType,
  getNullableType,
  isAbstractType,
  isCompositeType,
  isListType,
  Kind,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from "graphql";

/**
 * Shopify-style query cost: scalars/enums 0, objects 1, connections 2 + first|last x (cost of one node),
 * mutation root fields 10. Requested cost is computed from the document; actual cost from the data returned.
 */
export const MAX_SINGLE_QUERY_COST = 1000;

interface Env {
  schema: GraphQLSchema;
  fragments: Map<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
}

function argValue(node: ValueNode | undefined, vars: Record<string, unknown>): unknown {
  if (!node) return undefined;
  if (node.kind === Kind.VARIABLE) return vars[node.name.value];
  if (node.kind === Kind.INT) return Number(node.value);
  return undefined;
}

function pageSize(field: FieldNode, vars: Record<string, unknown>): number {
  for (const name of ["first", "last"]) {
    const a = field.arguments?.find((x) => x.name.value === name);
    const v = argValue(a?.value, vars);
    if (typeof v === "number") return v;
  }
  return 0;
}

function collectFields(env: Env, set: SelectionSetNode, type: GraphQLCompositeType, out: FieldNode[] = []): FieldNode[] {
  for (const sel of set.selections) {
    if (sel.kind === Kind.FIELD) out.push(sel);
    else if (sel.kind === Kind.INLINE_FRAGMENT) collectFields(env, sel.selectionSet, type, out);
    else {
      const frag = env.fragments.get(sel.name.value);
      if (frag) collectFields(env, frag.selectionSet, type, out);
    }
  }
  return out;
}

function fieldType(env: Env, parent: GraphQLCompositeType, name: string) {
  if (isAbstractType(parent) || !("getFields" in parent)) {
    // for interfaces/unions use the interface field when present
    const fields = "getFields" in parent ? parent.getFields() : {};
    return fields[name]?.type;
  }
  return parent.getFields()[name]?.type;
}

function isConnection(named: { name: string }) {
  return named.name.endsWith("Connection");
}

/** cost of a selection on `type`; when `data` is given, counts what was actually returned */
function selectionCost(env: Env, set: SelectionSetNode | undefined, type: GraphQLCompositeType, data?: unknown): number {
  if (!set) return 0;
  let total = 0;
  for (const f of collectFields(env, set, type)) {
    if (f.name.value.startsWith("__")) continue;
    const t = fieldType(env, type, f.name.value);
    if (!t) continue;
    const named = getNamedType(t);
    if (!isCompositeType(named)) continue;
    const key = f.alias?.value ?? f.name.value;
    const sub = data && typeof data === "object" ? (data as Record<string, unknown>)[key] : undefined;
    if (data !== undefined && (sub === null || sub === undefined)) continue;
    if (isConnection(named)) {
      const nodeField = (named as unknown as { getFields(): Record<string, { type: Parameters<typeof getNamedType>[0] }> }).getFields()["nodes"];
      const nodeType = nodeField ? (getNamedType(nodeField.type) as GraphQLCompositeType) : undefined;
      if (data === undefined) {
        total += 2 + pageSize(f, env.variables) * connectionChildCost(env, f, named as GraphQLCompositeType, nodeType);
      } else {
        const conn = sub as { nodes?: unknown[]; edges?: { node: unknown }[] };
        const nodes = conn.nodes ?? conn.edges?.map((e) => e.node) ?? [];
        total += 2;
        for (const n of nodes) total += connectionChildCost(env, f, named as GraphQLCompositeType, nodeType, n);
      }
    } else if (isListType(getNullableType(t))) {
      if (data === undefined) total += 1 + selectionCost(env, f.selectionSet, named as GraphQLCompositeType);
      else for (const item of (sub as unknown[]) ?? []) total += 1 + selectionCost(env, f.selectionSet, named as GraphQLCompositeType, item);
    } else {
      total += 1 + selectionCost(env, f.selectionSet, named as GraphQLCompositeType, sub);
    }
  }
  return total;
}

/** cost of one node of a connection: the node object (1) plus its selection, whether asked via nodes or edges */
function connectionChildCost(env: Env, f: FieldNode, connType: GraphQLCompositeType, nodeType: GraphQLCompositeType | undefined, node?: unknown): number {
  if (!nodeType || !f.selectionSet) return 0;
  let cost = 0;
  for (const sel of collectFields(env, f.selectionSet, connType)) {
    if (sel.name.value === "nodes") cost = Math.max(cost, 1 + selectionCost(env, sel.selectionSet, nodeType, node));
    if (sel.name.value === "edges" && sel.selectionSet)
      for (const e of collectFields(env, sel.selectionSet, connType))
        if (e.name.value === "node") cost = Math.max(cost, 1 + selectionCost(env, e.selectionSet, nodeType, node));
  }
  return cost;
}

export function operationOf(doc: DocumentNode, operationName?: string | null): OperationDefinitionNode | undefined {
  const ops = doc.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  return operationName ? ops.find((o) => o.name?.value === operationName) : ops[0];
}

export function computeCost(
  schema: GraphQLSchema,
  doc: DocumentNode,
  operationName: string | null | undefined,
  variables: Record<string, unknown>,
  data?: unknown,
): number {
  const op = operationOf(doc, operationName);
  if (!op) return 0;
  const fragments = new Map(
    doc.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]),
  );
  const env: Env = { schema, fragments, variables };
  const root = op.operation === "mutation" ? schema.getMutationType() : schema.getQueryType();
  if (!root) return 0;
  if (op.operation !== "mutation") return selectionCost(env, op.selectionSet, root, data);
  // mutation root fields cost 10 each; their payload selections are not charged on top
  let total = 0;
  for (const f of collectFields(env, op.selectionSet, root)) {
    if (f.name.value.startsWith("__")) continue;
    const key = f.alias?.value ?? f.name.value;
    if (data !== undefined && (data as Record<string, unknown> | null)?.[key] == null) continue;
    total += 10;
  }
  return total;
}
