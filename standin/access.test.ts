/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL answers in tests are read loosely; assertions check their shape */
// The stand-in refuses what Shopify refuses: fields beyond the token's access scopes, and customer data
// beyond the app's protected customer data grant (standin/access-scopes.ts, standin/customer-data.ts).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startWithClient, TEST_KEY, TEST_SECRET, type Client } from "./testClient";
import { effectiveScopes, requiredAccess, SCOPE_RULES, scopeRuleFor } from "./access-scopes";
import { displayNameFor, parseCustomerData } from "./customer-data";
import { verifyJwt } from "./tokens";
import type { CustomerDataSetting } from "./customer-data";

const NOW = new Date("2026-11-20T00:00:00Z");
/** shopify.app.toml's scopes before read_locations was requested */
const WITHOUT_LOCATIONS =
  "write_orders,read_all_orders,write_returns,read_customers,write_products,write_files,read_store_credit_accounts,write_store_credit_account_transactions,customer_read_orders";

const started: Client[] = [];
async function client(opts: { scopes?: string; customerData?: CustomerDataSetting } = {}): Promise<Client> {
  const c = await startWithClient({ clock: () => NOW, ...opts });
  started.push(c);
  return c;
}
afterAll(async () => {
  await Promise.all(started.map((c) => c.standin.close()));
});

const firstReturnId = (c: Client) => [...c.standin.store.returns.keys()][0]!;
const firstOrder = (c: Client) => [...c.standin.store.orders.values()].find((o) => o.customerId && o.shippingAddress)!;

describe("effectiveScopes", () => {
  it("a write scope grants its read; read_all_orders and customer scopes stay as they are", () => {
    expect([...effectiveScopes("write_orders, read_all_orders,write_returns,customer_write_orders,unauthenticated_write_checkouts")].sort()).toEqual(
      [
        "customer_read_orders",
        "customer_write_orders",
        "read_all_orders",
        "read_orders",
        "read_returns",
        "unauthenticated_read_checkouts",
        "unauthenticated_write_checkouts",
        "write_orders",
        "write_returns",
      ].sort(),
    );
    expect(effectiveScopes(["read_products", ""]).has("write_products")).toBe(false);
  });

  it("every rule cites Shopify's documentation and names scopes; scopeRuleFor falls back to the object's rule", () => {
    for (const r of SCOPE_RULES) {
      expect(r.doc, `${r.type}.${r.field}`).toMatch(/^https:\/\/shopify\.dev\//);
      expect(r.anyOf.length, `${r.type}.${r.field}`).toBeGreaterThan(0);
    }
    expect(scopeRuleFor("Order", "name")).toBe(scopeRuleFor("Order", "*"));
    expect(scopeRuleFor("Location", "id")!.anyOf).toContain("read_inventory");
    expect(scopeRuleFor("Location", "name")!.anyOf).not.toContain("read_inventory");
    expect(scopeRuleFor("Shop", "name")).toBeUndefined();
    expect(requiredAccess(scopeRuleFor("QueryRoot", "location")!)).toBe(
      "`read_locations` access scope, `read_inventory` access scope or `read_markets_home` access scope.",
    );
  });
});

describe("access scopes", () => {
  let narrow: Client;
  beforeAll(async () => {
    narrow = await client({ scopes: WITHOUT_LOCATIONS });
  });

  it("the shop's location without read_locations: ACCESS_DENIED, the field null, the rest of the answer intact", async () => {
    const r = await narrow.gql(`query ReturnAndLocation($id: ID!) { return(id: $id) { id status } location { id } }`, { id: firstReturnId(narrow) });
    expect(r.status).toBe(200);
    expect(r.body.data.return.id).toBe(firstReturnId(narrow));
    expect(r.body.data.location).toBeNull();
    expect(r.body.errors).toEqual([
      {
        message: "Access denied for location field. Required access: `read_locations` access scope, `read_inventory` access scope or `read_markets_home` access scope.",
        locations: [{ line: 1, column: 67 }],
        path: ["location"],
        extensions: {
          code: "ACCESS_DENIED",
          documentation: "https://shopify.dev/api/usage/access-scopes",
          requiredAccess: "`read_locations` access scope, `read_inventory` access scope or `read_markets_home` access scope.",
        },
      },
    ]);
  });

  it("read_inventory reads a location's id but not its name (which nulls the non-null parent)", async () => {
    const inv = await client({ scopes: "read_inventory" });
    const ok = await inv.gql(`query L { location { id } }`);
    expect(ok.body.errors).toBeUndefined();
    expect(ok.body.data.location.id).toMatch(/^gid:\/\/shopify\/Location\//);
    const named = await inv.gql(`query L { location { id name } }`);
    expect(named.body.data.location).toBeNull();
    expect(named.body.errors[0]).toMatchObject({
      message: "Access denied for name field. Required access: `read_locations` access scope or `read_markets_home` access scope.",
      path: ["location", "name"],
      extensions: { code: "ACCESS_DENIED" },
    });
    const wide = await client({ scopes: "read_locations" });
    expect((await wide.gql(`query L { location { id name } }`)).body.data.location.name).toBe("Shop location");
  });

  it("write_returns reads returns, but a Return's order needs an orders scope", async () => {
    const returnsOnly = await client({ scopes: "write_returns" });
    const r = await returnsOnly.gql(`query R($id: ID!) { return(id: $id) { id order { id } } }`, { id: firstReturnId(returnsOnly) });
    expect(r.body.errors).toHaveLength(1);
    expect(r.body.errors[0]).toMatchObject({ path: ["return", "order"], extensions: { code: "ACCESS_DENIED" } });
    expect(r.body.errors[0].message).toBe(
      "Access denied for order field. Required access: `read_orders` access scope, `read_marketplace_orders` access scope or `read_buyer_membership_orders` access scope.",
    );
    const none = await returnsOnly.gql(`query O { orders(first: 1) { nodes { id } } }`);
    expect(none.body.data).toBeNull(); // orders is non-null: the whole answer is null
    expect(none.body.errors[0].path).toEqual(["orders"]);
  });

  it("mutations are refused before they run: nothing changes", async () => {
    const readOnly = await client({ scopes: "read_orders,read_returns" });
    const id = [...readOnly.standin.store.returns.values()].find((x) => x.status === "OPEN")!.id;
    const r = await readOnly.gql(`mutation C($id: ID!) { returnClose(id: $id) { return { id status } userErrors { field message } } }`, { id });
    expect(r.body.data.returnClose).toBeNull();
    expect(r.body.errors[0].message).toBe("Access denied for returnClose field. Required access: `write_returns` access scope or `write_marketplace_returns` access scope.");
    expect(readOnly.standin.store.returns.get(id)!.status).toBe("OPEN");
  });

  it("currentAppInstallation.accessScopes answers what the token holds", async () => {
    const c = await client({ scopes: "write_returns,read_products" });
    const r = await c.gql(`query Scopes { currentAppInstallation { accessScopes { handle } } }`);
    expect(r.body.data.currentAppInstallation.accessScopes.map((s: any) => s.handle)).toEqual(["read_products", "read_returns", "write_returns"]);
  });
});

describe("protected customer data", () => {
  const ORDER = `query O($id: ID!) {
    order(id: $id) { id name email customer { id } shippingAddress { countryCodeV2 city } }
  }`;

  it("level 1 (the default): customer and order data without name, email, phone or address lines", async () => {
    const c = await client();
    const o = firstOrder(c);
    const r = await c.gql(ORDER, { id: o.id });
    expect(r.body.data.order).toMatchObject({ id: o.id, email: null, customer: { id: o.customerId }, shippingAddress: { countryCodeV2: o.shippingAddress!.countryCodeV2 } });
    expect(r.body.errors).toEqual([
      expect.objectContaining({
        message: "This app is not approved to access the Order object. See https://shopify.dev/docs/apps/launch/protected-customer-data for more details.",
        path: ["order", "email"],
        extensions: { code: "ACCESS_DENIED" },
      }),
    ]);
    const addr = await c.gql(`query A($id: ID!) { order(id: $id) { shippingAddress { address1 zip countryCodeV2 firstName } } }`, { id: o.id });
    expect(addr.body.data.order.shippingAddress).toEqual({ address1: null, zip: null, countryCodeV2: o.shippingAddress!.countryCodeV2, firstName: null });
    expect(addr.body.errors.map((e: any) => e.path.at(-1))).toEqual(["address1", "zip", "firstName"]);
  });

  it("level 1: a customer's display name is refused, and since it is non-null the customer is null", async () => {
    const c = await client();
    const o = firstOrder(c);
    const r = await c.gql(`query N($id: ID!) { order(id: $id) { id customer { id displayName } } }`, { id: o.id });
    expect(r.body.data.order).toEqual({ id: o.id, customer: null });
    expect(r.body.errors[0]).toMatchObject({ path: ["order", "customer", "displayName"], message: expect.stringMatching(/^This app is not approved to access the Customer object\./) });
  });

  it("level 2 with names: the display name is the customer's name; other protected fields stay redacted", async () => {
    const c = await client({ customerData: "level1+name" });
    const o = firstOrder(c);
    const cust = c.standin.store.customers.get(o.customerId!)!;
    const r = await c.gql(`query N($id: ID!) { order(id: $id) { customer { id displayName firstName } email } }`, { id: o.id });
    expect(r.body.data.order).toEqual({ customer: { id: cust.id, displayName: `${cust.firstName} ${cust.lastName}`, firstName: cust.firstName }, email: null });
    expect(r.body.errors.map((e: any) => e.path)).toEqual([["order", "email"]]);
    const all = await client({ customerData: "level2" });
    const full = await all.gql(ORDER, { id: o.id });
    expect(full.body.errors).toBeUndefined();
    expect(full.body.data.order.email).toBe(o.email);
  });

  it("the customer's e-mail (defaultEmailAddress) needs the email field: refused at level 1 and with names only, read with email", async () => {
    const EMAIL = `query E($id: ID!) { order(id: $id) { customer { id } customerEmail: customer { defaultEmailAddress { emailAddress } } } }`;
    for (const setting of ["level1", "level1+name"] as const) {
      const c = await client({ customerData: setting });
      const o = firstOrder(c);
      const r = await c.gql(EMAIL, { id: o.id });
      expect(r.body.data.order).toEqual({ customer: { id: o.customerId }, customerEmail: { defaultEmailAddress: null } });
      expect(r.body.errors).toEqual([
        expect.objectContaining({
          message: "This app is not approved to access the Customer object. See https://shopify.dev/docs/apps/launch/protected-customer-data for more details.",
          path: ["order", "customerEmail", "defaultEmailAddress"],
          extensions: { code: "ACCESS_DENIED" },
        }),
      ]);
    }
    const c = await client({ customerData: "level1+email" });
    const o = firstOrder(c);
    const r = await c.gql(EMAIL, { id: o.id });
    expect(r.body.errors).toBeUndefined();
    expect(r.body.data.order.customerEmail.defaultEmailAddress.emailAddress).toBe(c.standin.store.customers.get(o.customerId!)!.email);
  });

  it("without protected customer data access orders and customers are refused outright", async () => {
    const c = await client({ customerData: "none" });
    const o = firstOrder(c);
    const r = await c.gql(`query O($id: ID!) { order(id: $id) { id } shop { name } }`, { id: o.id });
    expect(r.body.data.order).toBeNull();
    expect(r.body.data.shop.name).toBeTruthy();
    expect(r.body.errors[0]).toMatchObject({
      message: "This app is not approved to access the Order object. See https://shopify.dev/docs/apps/launch/protected-customer-data for more details.",
      path: ["order"],
      extensions: { code: "ACCESS_DENIED" },
    });
  });

  it("displayName needs access to the value it shows: a name, else the email or phone (else •••), else empty", () => {
    const level1 = parseCustomerData("level1");
    const email = parseCustomerData("level1+email");
    expect(displayNameFor({ firstName: "Ada", lastName: "L" }, level1)).toEqual({ denied: "name" });
    expect(displayNameFor({ firstName: "Ada", lastName: "L" }, parseCustomerData("level2"))).toEqual({ value: "Ada L" });
    expect(displayNameFor({ email: "a@x.test" }, level1)).toEqual({ value: "•••" });
    expect(displayNameFor({ email: "a@x.test" }, email)).toEqual({ value: "a@x.test" });
    expect(displayNameFor({ phone: "+6421" }, email)).toEqual({ value: "•••" });
    expect(displayNameFor({}, level1)).toEqual({ value: "" });
    expect(() => parseCustomerData("level1+birthday")).toThrow(/unknown field\(s\) birthday/);
    expect(() => parseCustomerData("all")).toThrow(/not one of none, level1, level2/);
  });

  it("customer account session tokens carry the customer (sub) only with protected customer data access", async () => {
    const customer = "gid://shopify/Customer/1";
    for (const [setting, sub] of [
      ["level1", customer],
      ["none", undefined],
    ] as const) {
      const c = await client({ customerData: setting });
      const minted = verifyJwt(c.standin.mintCustomerSessionToken({ customerId: customer }), TEST_SECRET, { audience: TEST_KEY, now: NOW });
      const res = await fetch(`${c.standin.url}/_standin/session-token?kind=customer&customerId=${encodeURIComponent(customer)}`);
      const served = verifyJwt(((await res.json()) as { token: string }).token, TEST_SECRET, { audience: TEST_KEY, now: NOW });
      for (const v of [minted, served]) {
        expect(v.ok).toBe(true);
        if (v.ok) expect(v.claims.sub, setting).toBe(sub);
        if (v.ok) expect(v.claims.dest).toBe("demo-returns.myshopify.com");
      }
    }
  });
});
