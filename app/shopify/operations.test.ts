import { readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import {
  Kind,
  NoDeprecatedCustomRule,
  parse,
  validate,
  type DocumentNode,
  type OperationDefinitionNode,
} from "graphql";
import { describe, expect, it } from "vitest";
import { findDocuments } from "./graphql-documents";
import { MAX_SINGLE_QUERY_COST, requestedQueryCost } from "./query-cost";
import { documentSchemas } from "../../scripts/preflight/schemas";

const root = resolve(__dirname, "../..");
const { admin: adminSchema, schemaFor } = documentSchemas(root);
const documents = findDocuments(root, ["app", "extensions"]);

function operationsOf(doc: DocumentNode): OperationDefinitionNode[] {
  return doc.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
}

describe("every #graphql document in app/ and extensions/", () => {
  it("finds the operations the app needs", () => {
    const names = documents.flatMap((d) => operationsOf(parse(d.source)).map((o) => o.name?.value));
    for (const expected of [
      "ShopInfo",
      "OrderSnapshot",
      "ReturnRequest",
      "ReturnApproveRequest",
      "ReturnDeclineRequest",
      "ReturnProcess",
      "ReturnClose",
      "ReturnCancel",
      "RefundCreate",
      "MetafieldsSet",
      "StagedUploadsCreate",
    ]) {
      expect(names).toContain(expected);
    }
  });

  it("operation names are unique across the app", () => {
    const names = documents.flatMap((d) => operationsOf(parse(d.source)).map((o) => o.name?.value ?? ""));
    expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
  });

  it("every operations/*.ts file holds exactly one #graphql document", () => {
    const dir = join(root, "app/shopify/operations");
    const files = readdirSync(dir).filter((f) => f.endsWith(".ts") && f !== "index.ts" && !f.endsWith(".test.ts"));
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) {
      const inFile = documents.filter((d) => d.file === join("app/shopify/operations", f));
      expect(inFile, f).toHaveLength(1);
    }
  });

  describe.each(documents.map((d) => [`${d.file}:${d.line}`, d] as const))("%s", (_label, found) => {
    it("has no interpolation, one named operation, validates against the schema", () => {
      expect(found.source).not.toContain("${");
      const doc = parse(found.source);
      const ops = operationsOf(doc);
      expect(ops, "exactly one operation per document").toHaveLength(1);
      const op = ops[0]!;
      expect(op.name?.value, "operation must be named").toMatch(/^[A-Z][A-Za-z0-9]*$/);
      const { name, schema } = schemaFor(found);
      const errors = validate(schema, doc).map((e) => e.message);
      expect(errors, `invalid against ${name}`).toEqual([]);
    });

    it("uses no deprecated field, argument or enum value", () => {
      const { name, schema } = schemaFor(found);
      const deprecated = validate(schema, parse(found.source), [NoDeprecatedCustomRule]).map((e) => e.message);
      expect(deprecated, `deprecated in ${name}`).toEqual([]);
    });

    it("if a mutation, selects userErrors on every mutation field", () => {
      const op = operationsOf(parse(found.source))[0]!;
      if (op.operation !== "mutation") return;
      for (const sel of op.selectionSet.selections) {
        expect(sel.kind).toBe(Kind.FIELD);
        if (sel.kind !== Kind.FIELD) continue;
        const sub = sel.selectionSet?.selections ?? [];
        const picksUserErrors = sub.some(
          (s) => s.kind === Kind.FIELD && (s.name.value === "userErrors" || s.name.value === "customerUserErrors"),
        );
        expect(picksUserErrors, `${op.name?.value}.${sel.name.value} must select userErrors`).toBe(true);
      }
    });
  });

  it("every Admin query in app/ stays under the 1,000-point single-query cost limit", () => {
    const costs = documents
      .filter((d) => d.file.startsWith("app") && operationsOf(parse(d.source))[0]?.operation === "query")
      .map((d) => ({ op: operationsOf(parse(d.source))[0]!.name!.value, cost: requestedQueryCost(adminSchema, d.source) }));
    expect(costs.length).toBeGreaterThan(0);
    for (const { op, cost } of costs) expect(cost, op).toBeLessThanOrEqual(MAX_SINGLE_QUERY_COST);
    // The estimator itself: a 100 x 20 nested connection is far over the limit.
    expect(
      requestedQueryCost(adminSchema, "query Q { products(first: 100) { nodes { collections(first: 20) { nodes { id } } } } }"),
    ).toBe(2 + 100 * (1 + 2 + 20 * 1));
  });

  it("refundCreate carries @idempotent(key:) (required from 2026-04)", () => {
    const refund = documents.find((d) => /\brefundCreate\s*\(/.test(d.source));
    expect(refund).toBeDefined();
    expect(refund!.source).toMatch(/refundCreate\([^)]*\)\s*@idempotent\(key:\s*\$\w+\)/);
  });

  it("catches what it should: an invalid, an unnamed, a deprecated and a userErrors-less document are rejected", () => {
    expect(validate(adminSchema, parse("query X { shop { noSuchField } }"))).not.toHaveLength(0);
    // Order.channelInformation: deprecated in 2026-07 ("Use `attribution` instead.")
    const old = validate(adminSchema, parse("query X($id: ID!) { order(id: $id) { channelInformation { id } } }"), [NoDeprecatedCustomRule]);
    expect(old.map((e) => e.message)).toEqual(['The field Order.channelInformation is deprecated. Use `attribution` instead.']);
    const unnamed = operationsOf(parse("query { shop { id } }"))[0]!;
    expect(unnamed.name).toBeUndefined();
    const bare = operationsOf(parse("mutation M($id: ID!) { returnClose(id: $id) { return { id } } }"))[0]!;
    const field = bare.selectionSet.selections[0]!;
    expect(field.kind === Kind.FIELD && field.selectionSet!.selections.some((s) => s.kind === Kind.FIELD && s.name.value === "userErrors")).toBe(false);
  });
});
