import { GraphqlQueryError } from "@shopify/shopify-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeAdminServer, type FakeAdminServer } from "~/test/fake-admin-server";
import {
  AdminClient,
  AdminGraphQLError,
  AdminThrottledError,
  AdminTransportError,
  ShopifyUserError,
  TransportFailure,
  adminGraphqlTransport,
  offlineAdminClient,
  type RawResult,
  type Transport,
} from "./admin-client";
import { REFUND_CREATE, RETURN_CLOSE, RETURN_PROCESS, SHOP_INFO } from "./operations";

const SHOP = "demo-returns.myshopify.com";
const shopData = {
  shop: { id: "gid://shopify/Shop/1", name: "Demo", myshopifyDomain: SHOP, currencyCode: "EUR", ianaTimezone: "Europe/Berlin", contactEmail: "a@b.c" },
};
const cost = (requested: number, available: number, restoreRate = 100) => ({
  cost: { requestedQueryCost: requested, actualQueryCost: null, throttleStatus: { maximumAvailable: 2000, currentlyAvailable: available, restoreRate } },
});
const throttled = (requested: number, available: number): RawResult => ({
  errors: [{ message: "Throttled", extensions: { code: "THROTTLED", documentation: "https://shopify.dev/api/usage/rate-limits" } }],
  extensions: cost(requested, available),
});
// From captures/2026-04-returnClose-Reopen-Cancel-state-preconditions.json (requestedCase.returnCloseInvalid).
const returnCloseInvalid = {
  returnClose: { return: null, userErrors: [{ field: ["id"], message: "Return status is invalid.", code: "INVALID_STATE" }] },
};

/** A scripted transport that records every call. */
function scripted(...steps: (RawResult | TransportFailure)[]) {
  const calls: { query: string; variables: Record<string, unknown> }[] = [];
  const transport: Transport = async (query, variables) => {
    calls.push({ query, variables });
    const step = steps.shift();
    if (!step) throw new Error("no scripted step left");
    if (step instanceof TransportFailure) throw step;
    return step;
  };
  return { transport, calls };
}

function recordingSleep() {
  const waits: number[] = [];
  return { waits, sleep: async (ms: number) => void waits.push(ms) };
}

describe("AdminClient", () => {
  it("waits (requested - available) / restoreRate seconds when THROTTLED, then succeeds", async () => {
    const { transport, calls } = scripted(throttled(502, 2), { data: shopData, extensions: cost(2, 1000) });
    const { waits, sleep } = recordingSleep();
    const client = new AdminClient(transport, { sleep, random: () => 0 });
    const data = await client.request(SHOP_INFO);
    expect(data.shop.myshopifyDomain).toBe(SHOP);
    expect(waits).toEqual([5000]); // (502 - 2) / 100 s
    expect(calls).toHaveLength(2);
  });

  it("spreads throttled callers: the wait is what the bucket needs plus up to as much again, never less", async () => {
    const waitWith = async (r: number) => {
      const { transport } = scripted(throttled(502, 2), { data: shopData, extensions: cost(2, 1000) });
      const { waits, sleep } = recordingSleep();
      await new AdminClient(transport, { sleep, random: () => r, retry: { maxDelayMs: 60_000 } }).request(SHOP_INFO);
      return waits[0]!;
    };
    expect(await waitWith(0)).toBe(5000);
    expect(await waitWith(0.5)).toBe(7500);
    expect(await waitWith(0.999)).toBe(9995);
  });

  it("gives up with AdminThrottledError after maxAttempts throttled answers", async () => {
    const { transport, calls } = scripted(throttled(10, 0), throttled(10, 0), throttled(10, 0));
    const { waits, sleep } = recordingSleep();
    const client = new AdminClient(transport, { sleep, random: () => 0, retry: { maxAttempts: 3 } });
    await expect(client.request(SHOP_INFO)).rejects.toBeInstanceOf(AdminThrottledError);
    expect(calls).toHaveLength(3);
    expect(waits).toEqual([100, 100]);
  });

  it("retries a query on 5xx/network errors with bounded exponential backoff and jitter", async () => {
    const { transport, calls } = scripted(
      new TransportFailure(502),
      new TransportFailure(undefined),
      new TransportFailure(503),
      { data: shopData },
    );
    const { waits, sleep } = recordingSleep();
    const client = new AdminClient(transport, { sleep, random: () => 0.5, retry: { baseDelayMs: 200, maxDelayMs: 500 } });
    await client.request(SHOP_INFO);
    expect(calls).toHaveLength(4);
    expect(waits).toEqual([100, 200, 250]); // 0.5 * min(500, 200 * 2^n)
  });

  it("stops after maxAttempts transport failures on a query", async () => {
    const { transport, calls } = scripted(new TransportFailure(500), new TransportFailure(500));
    const client = new AdminClient(transport, { sleep: async () => {}, retry: { maxAttempts: 2 } });
    const err = await client.request(SHOP_INFO).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AdminTransportError);
    expect((err as AdminTransportError).mayHaveApplied).toBe(false);
    expect(calls).toHaveLength(2);
  });

  it("does NOT repeat a non-idempotent mutation after a 5xx: it may have applied", async () => {
    const { transport, calls } = scripted(new TransportFailure(502));
    const client = new AdminClient(transport, { sleep: async () => {} });
    const err = await client
      .mutate(RETURN_PROCESS, { input: { returnId: "gid://shopify/Return/1", returnLineItems: [] } })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AdminTransportError);
    expect((err as AdminTransportError).mayHaveApplied).toBe(true);
    expect((err as AdminTransportError).status).toBe(502);
    expect(calls).toHaveLength(1);
  });

  it("repeats a non-idempotent mutation when THROTTLED (Shopify did not execute it)", async () => {
    const ok = { data: { returnClose: { return: { id: "gid://shopify/Return/1", status: "CLOSED", closedAt: "2026-07-01T00:00:00Z" }, userErrors: [] } } };
    const { transport, calls } = scripted(throttled(10, 5), ok);
    const client = new AdminClient(transport, { sleep: async () => {} });
    const data = await client.mutate(RETURN_CLOSE, { id: "gid://shopify/Return/1" });
    expect(data.returnClose?.return?.status).toBe("CLOSED");
    expect(calls).toHaveLength(2);
  });

  it("repeats refundCreate after a 5xx with the SAME idempotency key", async () => {
    const ok = { data: { refundCreate: { refund: { id: "gid://shopify/Refund/9", createdAt: null, note: null, totalRefundedSet: { shopMoney: { amount: "10.00", currencyCode: "EUR" }, presentmentMoney: { amount: "10.00", currencyCode: "EUR" } } }, userErrors: [] } } };
    const { transport, calls } = scripted(new TransportFailure(503), ok);
    const client = new AdminClient(transport, { sleep: async () => {} });
    const data = await client.mutate(REFUND_CREATE, { input: { orderId: "gid://shopify/Order/1" } } as never, { idempotencyKey: "ret-1:refund" });
    expect(data.refundCreate?.refund?.id).toBe("gid://shopify/Refund/9");
    expect(calls.map((c) => c.variables.idempotencyKey)).toEqual(["ret-1:refund", "ret-1:refund"]);
  });

  it("refuses to send an @idempotent mutation without a key", async () => {
    const { transport, calls } = scripted();
    const client = new AdminClient(transport);
    await expect(client.mutate(REFUND_CREATE, { input: { orderId: "gid://shopify/Order/1" } } as never)).rejects.toThrow(/idempotencyKey is required/);
    await expect(client.mutate(REFUND_CREATE, { input: { orderId: "gid://shopify/Order/1" } } as never, { idempotencyKey: "  " })).rejects.toThrow(/must not be blank/);
    expect(calls).toHaveLength(0);
  });

  it("mutate() throws ShopifyUserError with field paths and codes intact", async () => {
    const { transport } = scripted({ data: returnCloseInvalid });
    const client = new AdminClient(transport);
    const err = await client.mutate(RETURN_CLOSE, { id: "gid://shopify/Return/1" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ShopifyUserError);
    const ue = err as ShopifyUserError;
    expect(ue.operation).toBe("ReturnClose");
    expect(ue.userErrors).toEqual([{ field: ["id"], message: "Return status is invalid.", code: "INVALID_STATE", mutation: "returnClose" }]);
    expect(ue.codes).toEqual(["INVALID_STATE"]);
    expect(ue.message).toContain("id: Return status is invalid. [INVALID_STATE]");
  });

  it("keeps nested field paths (returnProcess line item not found)", async () => {
    const userErrors = [{ field: ["input", "returnLineItems", "0", "id"], message: "Return line item was not found.", code: "NOT_FOUND" }];
    const { transport } = scripted({ data: { returnProcess: { return: null, userErrors } } });
    const err = (await new AdminClient(transport)
      .mutate(RETURN_PROCESS, { input: { returnId: "gid://shopify/Return/1" } })
      .catch((e: unknown) => e)) as ShopifyUserError;
    expect(err.userErrors[0]?.field).toEqual(["input", "returnLineItems", "0", "id"]);
  });

  it("request() refuses mutations and mutate() refuses queries", async () => {
    const client = new AdminClient(scripted().transport);
    await expect(client.request(RETURN_CLOSE as string, { id: "x" })).rejects.toThrow(/use mutate/);
    await expect(client.mutate(SHOP_INFO as string)).rejects.toThrow(/use request/);
  });

  it("raises other GraphQL errors without retrying", async () => {
    const { transport, calls } = scripted({ errors: [{ message: "Field 'x' doesn't exist on type 'Shop'" }] });
    await expect(new AdminClient(transport).request(SHOP_INFO)).rejects.toBeInstanceOf(AdminGraphQLError);
    expect(calls).toHaveLength(1);
  });
});

describe("protected customer data refusals (redactableAt)", () => {
  // https://shopify.dev/docs/apps/launch/protected-customer-data#using-protected-customer-data: the field is
  // null and `errors` says why; only where the caller said a refusal means "absent" does the read go on.
  const refused = (path: (string | number)[], code: string | undefined = "ACCESS_DENIED") => ({
    message: "This app is not approved to access the Customer object. See https://shopify.dev/docs/apps/launch/protected-customer-data for more details.",
    path,
    ...(code ? { extensions: { code } } : {}),
  });
  const answer = (...errors: ReturnType<typeof refused>[]): RawResult => ({ data: { ...shopData, order: { customer: { id: "c" }, customerName: null } }, errors });

  it("a refusal at (or under) a redactable path leaves the value absent and answers the rest", async () => {
    for (const r of [answer(refused(["order", "customerName", "displayName"])), answer(refused(["order", "customerName"], undefined))]) {
      const { transport } = scripted(r);
      const data = (await new AdminClient(transport).request(SHOP_INFO, undefined, { redactableAt: ["order.customerName"] })) as Record<string, unknown>;
      expect(data.order).toEqual({ customer: { id: "c" }, customerName: null });
    }
  });

  it("fails the read for a refusal elsewhere, another error, or without redactableAt", async () => {
    const cases: [RawResult, string[]][] = [
      [answer(refused(["order", "customer", "displayName"])), ["order.customerName"]],
      [answer(refused(["order", "customerNameX"])), ["order.customerName"]],
      [answer(refused(["order", "customerName"]), { message: "Access denied for location field.", path: ["location"], extensions: { code: "ACCESS_DENIED" } } as never), ["order.customerName"]],
      [answer(refused(["order", "customerName"], "INTERNAL_SERVER_ERROR")), ["order.customerName"]],
      [answer(refused(["order", "customerName"])), []],
    ];
    for (const [r, paths] of cases) {
      const { transport, calls } = scripted(r);
      await expect(new AdminClient(transport).request(SHOP_INFO, undefined, { redactableAt: paths })).rejects.toBeInstanceOf(AdminGraphQLError);
      expect(calls).toHaveLength(1);
    }
  });
});

describe("adminGraphqlTransport (inside a request, over the library's admin.graphql)", () => {
  it("turns the library's GraphqlQueryError for THROTTLED into a throttle wait", async () => {
    let n = 0;
    const graphql = async () => {
      n++;
      if (n === 1) {
        throw new GraphqlQueryError({
          message: "Throttled",
          response: {} as Record<string, unknown>,
          body: { errors: { graphQLErrors: throttled(300, 100).errors }, extensions: cost(300, 100) },
        });
      }
      return new Response(JSON.stringify({ data: shopData, extensions: cost(2, 1000) }));
    };
    const { waits, sleep } = recordingSleep();
    const client = new AdminClient(adminGraphqlTransport(graphql), { sleep, random: () => 0 });
    const data = await client.request(SHOP_INFO);
    expect(data.shop.currencyCode).toBe("EUR");
    expect(waits).toEqual([2000]);
  });

  it("passes 401 responses (re-auth) through untouched and maps 5xx to a transport failure", async () => {
    const unauthorized = new Response(null, { status: 401 });
    const c401 = new AdminClient(adminGraphqlTransport(async () => Promise.reject(unauthorized)));
    await expect(c401.request(SHOP_INFO)).rejects.toBe(unauthorized);
    const c502 = new AdminClient(adminGraphqlTransport(async () => Promise.reject(new Response(null, { status: 502 }))), {
      sleep: async () => {},
      retry: { maxAttempts: 2 },
    });
    await expect(c502.request(SHOP_INFO)).rejects.toBeInstanceOf(AdminTransportError);
  });
});

describe("offline transport (graphql-request over HTTP, honouring SHOPIFY_ADMIN_ORIGIN)", () => {
  let fake: FakeAdminServer;
  beforeAll(async () => {
    fake = await startFakeAdminServer({ accessToken: "shpat_offline" });
  });
  afterAll(async () => fake.close());

  it("sends the shop's requests to the overridden origin with the offline token", async () => {
    fake.enqueue({ body: { data: shopData, extensions: cost(2, 1998) } });
    const client = offlineAdminClient({ shop: SHOP, accessToken: "shpat_offline", env: { SHOPIFY_ADMIN_ORIGIN: fake.origin } });
    const data = await client.request(SHOP_INFO);
    expect(data.shop.name).toBe("Demo");
    const req = fake.requests.at(-1)!;
    expect(req.path).toBe("/admin/api/2026-07/graphql.json");
    expect(req.headers["x-shopify-access-token"]).toBe("shpat_offline");
    expect(req.headers["x-forwarded-host"]).toBe(SHOP);
  });

  it("handles THROTTLED at HTTP 200 and a 503 over the wire", async () => {
    fake.enqueue(
      { body: throttled(150, 50) },
      { status: 503, body: { errors: "Service Unavailable" } },
      { body: { data: shopData } },
    );
    const { waits, sleep } = recordingSleep();
    const client = offlineAdminClient(
      { shop: SHOP, accessToken: "shpat_offline", env: { SHOPIFY_ADMIN_ORIGIN: fake.origin } },
      { sleep, random: () => 0 },
    );
    await client.request(SHOP_INFO);
    expect(waits).toEqual([1000, 0]);
  });

  it("mutation userErrors over the wire become ShopifyUserError", async () => {
    fake.enqueue({ body: { data: returnCloseInvalid } });
    const client = offlineAdminClient({ shop: SHOP, accessToken: "shpat_offline", env: { SHOPIFY_ADMIN_ORIGIN: fake.origin } });
    await expect(client.mutate(RETURN_CLOSE, { id: "gid://shopify/Return/404" })).rejects.toBeInstanceOf(ShopifyUserError);
  });

  it("a wrong token is an error, not a retry loop", async () => {
    const client = offlineAdminClient(
      { shop: SHOP, accessToken: "wrong", env: { SHOPIFY_ADMIN_ORIGIN: fake.origin } },
      { sleep: async () => {} },
    );
    const before = fake.requests.length;
    const err = (await client.request(SHOP_INFO).catch((e: unknown) => e)) as AdminTransportError;
    expect(err).toBeInstanceOf(AdminTransportError);
    expect(err.status).toBe(401);
    expect(err.attempts).toBe(1); // a bad token does not heal by retrying
    expect(err.mayHaveApplied).toBe(false);
    expect(fake.requests.length).toBe(before); // refused at the door
  });

  it("without SHOPIFY_ADMIN_ORIGIN it targets https://<shop>", async () => {
    const seen: string[] = [];
    const fetch = (async (input: RequestInfo | URL) => {
      seen.push(String(input instanceof Request ? input.url : input));
      return new Response(JSON.stringify({ data: shopData }), { headers: { "Content-Type": "application/json" } });
    }) as typeof globalThis.fetch;
    await offlineAdminClient({ shop: SHOP, accessToken: "t", env: {}, fetch }).request(SHOP_INFO);
    expect(seen).toEqual([`https://${SHOP}/admin/api/2026-07/graphql.json`]);
  });
});
