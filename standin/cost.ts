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
  type SelectionNode,
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

/** @include(if: false) / @skip(if: true) take a selection out of the query, and out of its cost (as graphql-ruby's analysis does). */
function excludedByDirective(sel: SelectionNode, vars: Record<string, unknown>): boolean {
  for (const d of sel.directives ?? []) {
    const name = d.name.value;
    if (name !== "include" && name !== "skip") continue;
    const arg = d.arguments?.find((a) => a.name.value === "if")?.value;
    const v = arg?.kind === Kind.VARIABLE ? vars[arg.name.value] : arg?.kind === Kind.BOOLEAN ? arg.value : undefined;
    if (name === "include" && v === false) return true;
    if (name === "skip" && v === true) return true;
  }
  return false;
}

/** Each selected field with the type it is selected on: a fragment's type condition (`... on Return`) wins. */
function collectFields(env: Env, set: SelectionSetNode, type: GraphQLCompositeType, out: { f: FieldNode; on: GraphQLCompositeType }[] = []) {
  const on = (name: string | undefined) => {
    const t = name ? env.schema.getType(name) : undefined;
    return t && isCompositeType(t) ? t : type;
  };
  for (const sel of set.selections) {
    if (excludedByDirective(sel, env.variables)) continue;
    if (sel.kind === Kind.FIELD) out.push({ f: sel, on: type });
    else if (sel.kind === Kind.INLINE_FRAGMENT) collectFields(env, sel.selectionSet, on(sel.typeCondition?.name.value), out);
    else {
      const frag = env.fragments.get(sel.name.value);
      if (frag) collectFields(env, frag.selectionSet, on(frag.typeCondition.name.value), out);
    }
  }
  return out;
}

function fieldType(env: Env, parent: GraphQLCompositeType, name: string) {
  const own = "getFields" in parent ? parent.getFields()[name]?.type : undefined;
  if (own || !isAbstractType(parent)) return own;
  // a field selected in an inline fragment on a union member or interface implementation
  for (const t of env.schema.getPossibleTypes(parent)) {
    const f = t.getFields()[name];
    if (f) return f.type;
  }
  return undefined;
}

function isConnection(named: { name: string }) {
  return named.name.endsWith("Connection");
}

/** cost of a selection on `type`; when `data` is given, counts what was actually returned */
function selectionCost(env: Env, set: SelectionSetNode | undefined, type: GraphQLCompositeType, data?: unknown): number {
  if (!set) return 0;
  let total = 0;
  for (const { f, on } of collectFields(env, set, type)) {
    if (f.name.value.startsWith("__")) continue;
    // the same name can be a list on one type and a connection on another (Order.refunds, Return.refunds)
    const t = fieldType(env, on, f.name.value);
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
  for (const { f: sel } of collectFields(env, f.selectionSet, connType)) {
    if (sel.name.value === "nodes") cost = Math.max(cost, 1 + selectionCost(env, sel.selectionSet, nodeType, node));
    if (sel.name.value === "edges" && sel.selectionSet)
      for (const { f: e } of collectFields(env, sel.selectionSet, connType))
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
  // Mutation root fields cost 10 each, plus what their payload answers below its own objects: a
  // Return's nested objects and connections are charged, the payload's direct objects (return,
  // userErrors) are not. Calibrated on Shopify's recorded answers (standin/cost.test.ts): exact for
  // flat payloads (returnClose 10, returnDeclineRequest with decline {} 11), stricter for nested
  // connections, as for queries.
  let total = 0;
  for (const { f } of collectFields(env, op.selectionSet, root)) {
    if (f.name.value.startsWith("__")) continue;
    const key = f.alias?.value ?? f.name.value;
    const payload = data !== undefined ? (data as Record<string, unknown> | null)?.[key] : undefined;
    if (data !== undefined && payload == null) continue;
    total += 10 + payloadCost(env, f, root, payload);
  }
  return total;
}

function payloadCost(env: Env, f: FieldNode, root: GraphQLCompositeType, payload: unknown): number {
  const t = fieldType(env, root, f.name.value);
  if (!t || !f.selectionSet) return 0;
  const payloadType = getNamedType(t) as GraphQLCompositeType;
  let extra = 0;
  for (const { f: p } of collectFields(env, f.selectionSet, payloadType)) {
    if (/userErrors$/i.test(p.name.value) || p.name.value.startsWith("__")) continue;
    const pt = fieldType(env, payloadType, p.name.value);
    if (!pt) continue;
    const named = getNamedType(pt);
    if (!isCompositeType(named)) continue;
    const sub = payload !== undefined ? (payload as Record<string, unknown> | null)?.[p.alias?.value ?? p.name.value] : undefined;
    if (payload !== undefined && sub == null) continue;
    if (isConnection(named) || isListType(getNullableType(pt))) {
      extra += selectionCost(env, { kind: Kind.SELECTION_SET, selections: [p] }, payloadType, payload);
    } else {
      extra += selectionCost(env, p.selectionSet, named, sub);
    }
  }
  return extra;
}
