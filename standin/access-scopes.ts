/**
 * Which access scope each Admin API field needs, as Shopify documents it.
 *
 * The SDL carries no scope data, so this table is the stand-in's (and the go-live check's) record of
 * it. A row is either a field (`type`.`field`: a root query or mutation, or one field of an object)
 * or a whole object (`field: "*"`: every field of that type, and every field that returns it). A
 * token holding any one of `anyOf` (after `effectiveScopes`) passes the row.
 *
 * Shopify answers a field beyond the token's scopes with the field null and an error
 * "Access denied for <field> field. Required access: `<scope>` access scope." with
 * extensions { code: "ACCESS_DENIED", documentation, requiredAccess }
 * (https://shopify.dev/changelog/new-error-messages-for-graphql-operations-without-necessary-access-scopes);
 * the stand-in does the same (standin/resolvers/guard.ts).
 *
 * Not in the table, so not checked: fields that need no scope (Shop, currentAppInstallation,
 * stagedUploadsCreate, webhook subscriptions) and metafieldsSet, whose scope is the owner's
 * write scope (products: write_products; the shop's own metafields need none) and depends on the
 * input, not on the field.
 */

export interface ScopeRule {
  type: string;
  field: string;
  anyOf: readonly string[];
  doc: string;
}

const API = "https://shopify.dev/docs/api/admin-graphql/2026-07";
const q = (name: string) => `${API}/queries/${name}`;
const m = (name: string) => `${API}/mutations/${name}`;
const o = (name: string) => `${API}/objects/${name}`;

// Scope sets Shopify names on the reference pages (object pages say "Requires `a` access scope or `b` access scope").
const ORDERS = ["read_orders", "read_marketplace_orders", "read_buyer_membership_orders"] as const;
const WRITE_ORDERS = ["write_orders", "write_marketplace_orders"] as const;
const RETURNS = ["read_returns", "read_marketplace_returns"] as const;
const WRITE_RETURNS = ["write_returns", "write_marketplace_returns"] as const;
const PRODUCTS = ["read_products"] as const;
const CUSTOMERS = ["read_customers"] as const;
// `Location.id` is readable with read_inventory too; every other Location field needs read_locations
// (or read_markets_home): https://shopify.dev/changelog/location-id-queryable-with-inventory-scopes
const LOCATION_ID = ["read_locations", "read_inventory", "read_markets_home"] as const;
const LOCATIONS = ["read_locations", "read_markets_home"] as const;
const LOCATION_DOC = "https://shopify.dev/changelog/the-location-object-requires-read_locations-scope";

export const SCOPE_RULES: readonly ScopeRule[] = [
  // ---- orders (every Order field; only the last 60 days without read_all_orders: standin/resolvers/context.ts)
  { type: "QueryRoot", field: "order", anyOf: ORDERS, doc: q("order") },
  { type: "QueryRoot", field: "orders", anyOf: ORDERS, doc: q("orders") },
  { type: "QueryRoot", field: "ordersCount", anyOf: ORDERS, doc: q("ordersCount") },
  { type: "Order", field: "*", anyOf: ORDERS, doc: o("Order") },
  { type: "Refund", field: "*", anyOf: ["read_orders", "read_marketplace_orders"], doc: o("Refund") },
  { type: "OrderTransaction", field: "*", anyOf: ["read_orders", "read_marketplace_orders"], doc: o("OrderTransaction") },
  { type: "Mutation", field: "refundCreate", anyOf: WRITE_ORDERS, doc: m("refundCreate") },
  { type: "Mutation", field: "orderCancel", anyOf: WRITE_ORDERS, doc: m("orderCancel") },
  { type: "Mutation", field: "orderUpdate", anyOf: WRITE_ORDERS, doc: m("orderUpdate") },

  // ---- returns: ReturnableFulfillment needs an orders scope AND read_returns
  // (https://shopify.dev/docs/api/admin-graphql/2026-07/objects/ReturnableFulfillment): the object row
  // carries the orders half, the root field the returns half.
  { type: "QueryRoot", field: "return", anyOf: RETURNS, doc: q("return") },
  { type: "QueryRoot", field: "returnableFulfillments", anyOf: RETURNS, doc: q("returnableFulfillments") },
  { type: "QueryRoot", field: "returnableFulfillment", anyOf: RETURNS, doc: q("returnableFulfillment") },
  { type: "ReturnableFulfillment", field: "*", anyOf: ORDERS, doc: o("ReturnableFulfillment") },
  // Return reason definitions are return data; their page names no other scope.
  { type: "QueryRoot", field: "returnReasonDefinitions", anyOf: RETURNS, doc: q("returnReasonDefinitions") },
  { type: "QueryRoot", field: "reverseFulfillmentOrder", anyOf: RETURNS, doc: q("reverseFulfillmentOrder") },
  { type: "QueryRoot", field: "reverseDelivery", anyOf: RETURNS, doc: q("reverseDelivery") },
  { type: "Return", field: "*", anyOf: RETURNS, doc: o("Return") },
  { type: "ReturnDecline", field: "*", anyOf: RETURNS, doc: o("ReturnDecline") },
  { type: "ReverseFulfillmentOrder", field: "*", anyOf: RETURNS, doc: o("ReverseFulfillmentOrder") },
  { type: "ReverseDelivery", field: "*", anyOf: RETURNS, doc: o("ReverseDelivery") },
  { type: "Mutation", field: "returnRequest", anyOf: WRITE_RETURNS, doc: m("returnRequest") },
  { type: "Mutation", field: "returnCreate", anyOf: WRITE_RETURNS, doc: m("returnCreate") },
  { type: "Mutation", field: "returnApproveRequest", anyOf: WRITE_RETURNS, doc: m("returnApproveRequest") },
  { type: "Mutation", field: "returnDeclineRequest", anyOf: WRITE_RETURNS, doc: m("returnDeclineRequest") },
  { type: "Mutation", field: "returnProcess", anyOf: WRITE_RETURNS, doc: m("returnProcess") },
  { type: "Mutation", field: "returnClose", anyOf: WRITE_RETURNS, doc: m("returnClose") },
  { type: "Mutation", field: "returnReopen", anyOf: WRITE_RETURNS, doc: m("returnReopen") },
  { type: "Mutation", field: "returnCancel", anyOf: WRITE_RETURNS, doc: m("returnCancel") },
  { type: "Mutation", field: "removeFromReturn", anyOf: WRITE_RETURNS, doc: m("removeFromReturn") },
  { type: "Mutation", field: "reverseDeliveryCreateWithShipping", anyOf: WRITE_RETURNS, doc: m("reverseDeliveryCreateWithShipping") },
  { type: "Mutation", field: "reverseDeliveryShippingUpdate", anyOf: WRITE_RETURNS, doc: m("reverseDeliveryShippingUpdate") },
  { type: "Mutation", field: "reverseFulfillmentOrderDispose", anyOf: WRITE_RETURNS, doc: m("reverseFulfillmentOrderDispose") },

  // ---- products and collections
  { type: "QueryRoot", field: "product", anyOf: PRODUCTS, doc: q("product") },
  { type: "QueryRoot", field: "products", anyOf: PRODUCTS, doc: q("products") },
  { type: "QueryRoot", field: "productVariant", anyOf: PRODUCTS, doc: q("productVariant") },
  { type: "QueryRoot", field: "collection", anyOf: PRODUCTS, doc: q("collection") },
  { type: "QueryRoot", field: "collections", anyOf: PRODUCTS, doc: q("collections") },
  { type: "Product", field: "*", anyOf: PRODUCTS, doc: o("Product") },
  { type: "ProductVariant", field: "*", anyOf: PRODUCTS, doc: o("ProductVariant") },
  { type: "Collection", field: "*", anyOf: PRODUCTS, doc: o("Collection") },
  { type: "Mutation", field: "productUpdate", anyOf: ["write_products"], doc: m("productUpdate") },

  // ---- customers (protected customer data is a second gate on top: standin/customer-data.ts)
  { type: "QueryRoot", field: "customer", anyOf: CUSTOMERS, doc: q("customer") },
  { type: "QueryRoot", field: "customers", anyOf: CUSTOMERS, doc: q("customers") },
  { type: "Customer", field: "*", anyOf: CUSTOMERS, doc: o("Customer") },
  { type: "Mutation", field: "customerUpdate", anyOf: ["write_customers"], doc: m("customerUpdate") },

  // ---- store credit
  { type: "QueryRoot", field: "storeCreditAccount", anyOf: ["read_store_credit_accounts"], doc: q("storeCreditAccount") },
  { type: "StoreCreditAccount", field: "*", anyOf: ["read_store_credit_accounts"], doc: o("StoreCreditAccount") },
  { type: "StoreCreditAccountCreditTransaction", field: "*", anyOf: ["read_store_credit_account_transactions"], doc: o("StoreCreditAccountCreditTransaction") },
  { type: "StoreCreditAccountDebitTransaction", field: "*", anyOf: ["read_store_credit_account_transactions"], doc: o("StoreCreditAccountDebitTransaction") },
  { type: "Mutation", field: "storeCreditAccountCredit", anyOf: ["write_store_credit_account_transactions"], doc: m("storeCreditAccountCredit") },
  { type: "Mutation", field: "storeCreditAccountDebit", anyOf: ["write_store_credit_account_transactions"], doc: m("storeCreditAccountDebit") },

  // ---- locations (2024-07: the Location object needs read_locations)
  { type: "QueryRoot", field: "location", anyOf: LOCATION_ID, doc: LOCATION_DOC },
  { type: "QueryRoot", field: "locations", anyOf: LOCATION_ID, doc: LOCATION_DOC },
  { type: "Location", field: "id", anyOf: LOCATION_ID, doc: "https://shopify.dev/changelog/location-id-queryable-with-inventory-scopes" },
  { type: "Location", field: "*", anyOf: LOCATIONS, doc: LOCATION_DOC },

  // ---- files
  { type: "QueryRoot", field: "files", anyOf: ["read_files", "read_themes", "read_images"], doc: q("files") },
  { type: "Mutation", field: "fileCreate", anyOf: ["write_files", "write_themes", "write_images"], doc: m("fileCreate") },
  { type: "Mutation", field: "fileUpdate", anyOf: ["write_files", "write_themes", "write_images"], doc: m("fileUpdate") },
  { type: "Mutation", field: "fileDelete", anyOf: ["write_files", "write_themes", "write_images"], doc: m("fileDelete") },
];

const byKey = new Map<string, ScopeRule>(SCOPE_RULES.map((r) => [`${r.type}.${r.field}`, r]));

/**
 * The rule for a field, if any: the field's own row, else its type's `*` row (so `Order.name` answers
 * the Order rule). `scopeRuleFor("Location", "*")` asks for the object rule itself.
 */
export function scopeRuleFor(type: string, field: string): ScopeRule | undefined {
  return byKey.get(`${type}.${field}`) ?? byKey.get(`${type}.*`);
}

/**
 * scopes a token holds, given what shopify.app.toml requests: write_x implies read_x, etc.
 * "Any scope that writes a resource also grants read access to it"
 * (https://shopify.dev/docs/api/usage/access-scopes); the same holds for the customer_ (Customer
 * Account API) and unauthenticated_ (Storefront API) families.
 */
export function effectiveScopes(requested: readonly string[] | string): Set<string> {
  const list = typeof requested === "string" ? requested.split(",") : requested;
  const out = new Set<string>();
  for (const raw of list) {
    const s = raw.trim();
    if (!s) continue;
    out.add(s);
    const w = /^(customer_|unauthenticated_)?write_(.+)$/.exec(s);
    if (w) out.add(`${w[1] ?? ""}read_${w[2]}`);
  }
  return out;
}

/**
 * The rules a field must pass: its own row (or its type's `*` row), and the rule of the object it hands
 * out (`returns`: the object type, or a connection's node type), read as that object's `id` rule, since
 * an object whose id the token cannot read is refused where it is reached ("Access denied for location
 * field" on `assignedLocation { location }`).
 */
export function rulesFor(parent: string, field: string, returns: string | null): ScopeRule[] {
  const out: ScopeRule[] = [];
  const own = scopeRuleFor(parent, field);
  if (own) out.push(own);
  const object = returns && returns !== parent ? scopeRuleFor(returns, "id") : undefined;
  if (object && !(own && own.anyOf.join() === object.anyOf.join())) out.push(object);
  return out;
}

/** Whether `scopes` (already effective) satisfy `rule`. */
export function grants(scopes: ReadonlySet<string>, rule: ScopeRule): boolean {
  return rule.anyOf.some((s) => scopes.has(s));
}

/** Shopify's wording of a rule's scopes: "`a` access scope, `b` access scope or `c` access scope." */
export function requiredAccess(rule: ScopeRule): string {
  const parts = rule.anyOf.map((s) => `\`${s}\` access scope`);
  const last = parts.pop()!;
  return `${parts.length ? `${parts.join(", ")} or ` : ""}${last}.`;
}
