// The scope check against a small schema and its own rule table: the rules and the scope arithmetic are
// parameters, so this does not depend on the stand-in's full table.
import { buildSchema, parse } from "graphql";
import { describe, expect, it } from "vitest";
import { scopeProblems, selectedFields, type ScopeRuleLike } from "./scope-check";

const schema = buildSchema(`
  interface Node { id: ID! }
  type Query { order(id: ID!): Order  node(id: ID!): Node  location: Location  shop: Shop }
  type Shop { name: String }
  type Order implements Node { id: ID! name: String customer: Customer }
  type Customer implements Node { id: ID! email: String }
  type Location implements Node { id: ID! name: String }
`);

const RULES: ScopeRuleLike[] = [
  { type: "Order", field: "*", anyOf: ["read_orders"], doc: "https://docs.test/Order" },
  { type: "Customer", field: "email", anyOf: ["read_customers", "read_customer_emails"], doc: "https://docs.test/Customer" },
  { type: "Location", field: "*", anyOf: ["read_locations"], doc: "https://docs.test/Location" },
];
/** write_x includes read_x, as Shopify grants them. */
const effectiveScopes = (requested: readonly string[] | string) => {
  const out = new Set<string>();
  for (const s of typeof requested === "string" ? requested.split(",") : requested) {
    out.add(s);
    if (s.startsWith("write_")) out.add(`read_${s.slice(6)}`);
  }
  return out;
};
const doc = (source: string) => [{ file: "app/op.ts", line: 7, source }];

describe("selectedFields", () => {
  it("resolves each field on its parent type, through fragments on interfaces, once each", () => {
    const f = selectedFields(schema, parse("query Q { node(id: 1) { id ... on Order { name customer { id email } } } order(id: 2) { name } }"));
    expect(f).toEqual([
      { type: "Query", field: "node" },
      { type: "Node", field: "id" },
      { type: "Order", field: "name" },
      { type: "Order", field: "customer" },
      { type: "Customer", field: "id" },
      { type: "Customer", field: "email" },
      { type: "Query", field: "order" },
    ]);
  });
});

describe("scopeProblems", () => {
  it("passes when a write scope covers the read rule, and ignores fields with no rule", () => {
    expect(scopeProblems(doc("query Q { order(id: 1) { name } shop { name } }"), schema, ["write_orders"], { rules: RULES, effectiveScopes })).toEqual([]);
  });

  it("names the operation, its place, the fields, the scopes that would do and the doc; once per rule", () => {
    const p = scopeProblems(doc("query Staff { location { id name } order(id: 1) { customer { email } } }"), schema, ["write_orders", "read_customers"], {
      rules: RULES,
      effectiveScopes,
    });
    expect(p).toEqual([
      "Staff (app/op.ts:7) selects Location.id, Location.name, which needs read_locations (https://docs.test/Location); the app's scopes (write_orders,read_customers) do not include it.",
    ]);
  });

  it("an exact field rule applies without a type-wide one, and any scope of anyOf satisfies it", () => {
    const q = doc("query C { order(id: 1) { customer { id email } } }");
    expect(scopeProblems(q, schema, ["read_orders"], { rules: RULES, effectiveScopes })[0]).toMatch(/selects Customer\.email, which needs read_customers or read_customer_emails/);
    expect(scopeProblems(q, schema, ["read_orders", "read_customer_emails"], { rules: RULES, effectiveScopes })).toEqual([]);
  });

  it("uses the caller's rule lookup when given", () => {
    const ruleFor = (type: string) => (type === "Shop" ? { type: "Shop", field: "*", anyOf: ["read_shop"], doc: "d" } : undefined);
    expect(scopeProblems(doc("query S { shop { name } }"), schema, [], { rules: [], effectiveScopes, ruleFor })[0]).toMatch(/Shop\.name, which needs read_shop/);
  });
});
