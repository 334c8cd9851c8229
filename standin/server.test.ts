import { afterEach, describe, expect, it } from "vitest";
import { startWithClient, type Client } from "./testClient";

let c: Client | undefined;
afterEach(async () => {
  await c?.standin.close();
  c = undefined;
});

describe("GraphQL endpoint", () => {
  it("answers 401 with Shopify's body without a valid access token", async () => {
    c = await startWithClient();
    for (const headers of [{}, { "X-Shopify-Access-Token": "shpat_nope" }] as Record<string, string>[]) {
      const res = await fetch(`${c.standin.url}/admin/api/2026-07/graphql.json`, { method: "POST", headers: { "Content-Type": "application/json", ...headers }, body: JSON.stringify({ query: "{ shop { name } }" }) });
      expect(res.status).toBe(401);
      expect(await res.json()).toEqual({ errors: "[API] Invalid API key or access token (unrecognized login or wrong password)" });
    }
  });

  it("answers 404 for another shop named in X-Forwarded-Host and serves its own", async () => {
    c = await startWithClient();
    const ask = (host: string) =>
      fetch(`${c!.standin.url}/admin/api/2026-07/graphql.json`, { method: "POST", headers: { "Content-Type": "application/json", "X-Shopify-Access-Token": c!.token, "X-Forwarded-Host": host }, body: JSON.stringify({ query: "query S { shop { name } }" }) });
    expect((await ask("other-shop.myshopify.com")).status).toBe(404);
    expect((await ask("demo-returns.myshopify.com")).status).toBe(200);
  });

  it("rejects invalid documents with Shopify's error shape (like the 2025-01 codeSelection capture)", async () => {
    c = await startWithClient();
    const r = await c.gql(`query Probe { order(id: "gid://shopify/Order/1") { id nope } }`);
    expect(r.status).toBe(200);
    expect(r.body.data).toBeUndefined();
    expect(r.body.errors).toEqual([
      { message: "Field 'nope' doesn't exist on type 'Order'", locations: [{ line: 1, column: 55 }], path: ["query Probe", "order", "nope"], extensions: { code: "undefinedField", typeName: "Order", fieldName: "nope" } },
    ]);
    const inline = await c.gql(`mutation M { refundCreate(input: { orderId: "gid://shopify/Order/1", pointOfSaleDeviceId: "x" }) @idempotent(key: "k") { userErrors { field message } } }`);
    expect(inline.body.errors[0]).toMatchObject({ message: "InputObject 'RefundInput' doesn't accept argument 'pointOfSaleDeviceId'", extensions: { code: "argumentNotAccepted" } });
    const badEnum = await c.gql(`mutation D($input: ReturnDeclineRequestInput!) { returnDeclineRequest(input: $input) { userErrors { field message } } }`, { input: { id: "gid://shopify/Return/1", declineReason: "BANANAS" } });
    expect(badEnum.body.errors[0]).toMatchObject({
      message: 'Variable $input of type ReturnDeclineRequestInput! was provided invalid value for declineReason (Expected "BANANAS" to be one of: RETURN_PERIOD_ENDED, FINAL_SALE, OTHER)',
      extensions: { code: "INVALID_VARIABLE" },
    });
    const syntax = await c.gql(`query { shop { name }`);
    expect(syntax.body.errors[0].message).toMatch(/^Parse error on /);
  });

  it("reports cost on every answer and refuses queries over 1000 points", async () => {
    c = await startWithClient();
    const r = await c.gql(`query Q { orders(first: 10) { nodes { id lineItems(first: 5) { nodes { id } } } } }`);
    // 2 + 10 x (1 + (2 + 5 x 1)) = 82 requested
    expect(r.body.extensions.cost.requestedQueryCost).toBe(82);
    expect(r.body.extensions.cost.actualQueryCost).toBeLessThanOrEqual(82);
    expect(r.body.extensions.cost.throttleStatus).toMatchObject({ maximumAvailable: 2000, restoreRate: 100 });
    const big = await c.gql(`query Big { orders(first: 250) { nodes { id lineItems(first: 250) { nodes { id } } } } }`);
    expect(big.body.errors[0].extensions.code).toBe("MAX_COST_EXCEEDED");
    const m = await c.gql(`mutation C($id: ID!) { returnClose(id: $id) { return { id } userErrors { field message } } }`, { id: "gid://shopify/Return/1" });
    expect(m.body.extensions.cost.requestedQueryCost).toBe(10);
  });

  it("a frozen domain clock does not starve the bucket (it refills in real time by default)", async () => {
    c = await startWithClient({ bucket: { max: 100, restorePerSecond: 1_000_000 }, clock: () => new Date("2026-11-20T00:00:00Z") });
    for (let i = 0; i < 5; i++) expect((await c.gql(`query Q { orders(first: 40) { nodes { id } } }`)).body.data).toBeTruthy();
  });

  it("throttles when the leaky bucket is short and refills from the injected clock", async () => {
    let now = 1_000_000;
    c = await startWithClient({ bucket: { max: 100, restorePerSecond: 10 }, bucketClock: () => new Date(now) });
    const q = `query Q { orders(first: 40) { nodes { id } } }`; // 2 + 40 = 42 requested
    expect((await c.gql(q)).body.data).toBeTruthy();
    expect((await c.gql(q)).body.data).toBeTruthy();
    const third = await c.gql(q);
    expect(third.status).toBe(200);
    expect(third.body.errors).toEqual([{ message: "Throttled", extensions: { code: "THROTTLED", documentation: "https://shopify.dev/api/usage/rate-limits" } }]);
    expect(third.body.extensions.cost.requestedQueryCost).toBe(42);
    expect(third.body.extensions.cost.throttleStatus.currentlyAvailable).toBeLessThan(42);
    now += 5_000; // +50 points
    expect((await c.gql(q)).body.data).toBeTruthy();
  });
});

describe("fault injection", () => {
  it("throttle, http500, userErrors and timeout affect only the matching calls, N times", async () => {
    c = await startWithClient();
    const q = `query ShopName { shop { name } }`;
    c.standin.faults.inject({ operationName: "ShopName", kind: "throttle", times: 2 });
    expect((await c.gql(q)).body.errors[0].extensions.code).toBe("THROTTLED");
    expect((await c.gql(q)).body.errors[0].extensions.code).toBe("THROTTLED");
    c.standin.faults.inject({ match: "shop {", kind: "http500" });
    const five = await c.gql(q);
    expect(five.status).toBe(500);
    expect(five.body.errors.extensions.code).toBe("INTERNAL_SERVER_ERROR");
    c.standin.faults.inject({ operationName: "Close", kind: "userErrors" });
    const m = await c.gql(`mutation Close($id: ID!) { returnClose(id: $id) { return { id } userErrors { field message code } } }`, { id: "gid://shopify/Return/1" });
    expect(m.body.data.returnClose).toEqual({ return: null, userErrors: [{ field: null, message: "Injected failure (stand-in fault)", code: "INVALID" }] });

    const res = await fetch(`${c.standin.url}/_standin/faults`, { method: "POST", body: JSON.stringify({ operationName: "Slow", kind: "timeout", times: 1 }) });
    expect(res.status).toBe(200);
    await expect(
      fetch(`${c.standin.url}/admin/api/2026-07/graphql.json`, { method: "POST", headers: { "Content-Type": "application/json", "X-Shopify-Access-Token": c.token }, body: JSON.stringify({ query: "query Slow { shop { name } }" }), signal: AbortSignal.timeout(300) }),
    ).rejects.toThrow();
    await fetch(`${c.standin.url}/_standin/faults`, { method: "POST", body: JSON.stringify({ kind: "http500", times: 3 }) });
    expect((await fetch(`${c.standin.url}/_standin/faults`, { method: "DELETE" })).status).toBe(200);
    expect(c.standin.faults.list()).toHaveLength(0);
    const bad = await fetch(`${c.standin.url}/_standin/faults`, { method: "POST", body: JSON.stringify({ kind: "explode" }) });
    expect(bad.status).toBe(400);
  });

  it("lostAnswer applies the mutation and never answers; timeout applies nothing", async () => {
    c = await startWithClient();
    const shop = (await c.gql(`query S { shop { id } }`)).body.data.shop.id as string;
    const set = (key: string) =>
      fetch(`${c!.standin.url}/admin/api/2026-07/graphql.json`, {
        method: "POST",
        headers: { "Content-Type": "application/json", "X-Shopify-Access-Token": c!.token },
        body: JSON.stringify({
          query: `mutation Set($m: [MetafieldsSetInput!]!) { metafieldsSet(metafields: $m) { metafields { id } userErrors { field message } } }`,
          variables: { m: [{ ownerId: shop, namespace: "$app", key, type: "single_line_text_field", value: "v" }] },
        }),
        signal: AbortSignal.timeout(300),
      });
    const read = async (key: string) => (await c!.gql(`query R { shop { metafield(namespace: "$app", key: "${key}") { value } } }`)).body.data.shop.metafield;
    c.standin.faults.inject({ operationName: "Set", kind: "lostAnswer" });
    await expect(set("lost")).rejects.toThrow();
    expect(await read("lost")).toEqual({ value: "v" });
    c.standin.faults.inject({ operationName: "Set", kind: "timeout" });
    await expect(set("never")).rejects.toThrow();
    expect(await read("never")).toBeNull();
  });
});
