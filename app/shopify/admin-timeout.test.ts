/**
 * The offline transport's request timeout, against the stand-in's "timeout" fault (the call is never
 * answered). A short timeout is injected; the client's waits are virtual, so nothing here depends on
 * the wall clock beyond the abort itself.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startStandin, type Standin } from "../../standin";
import { AdminTransportError, DEFAULT_ADMIN_TIMEOUT_MS, offlineAdminClient, offlineTransport } from "./admin-client";
import { RETURN_CLOSE, SHOP_INFO } from "./operations";

const SHOP = "demo-returns.myshopify.com";
const TOKEN = "shpat_timeout_test";

describe("offline transport request timeout", () => {
  let standin: Standin;
  beforeAll(async () => {
    standin = await startStandin({ apiKey: "timeout-key", apiSecret: "timeout-secret-0123456789", seed: "demo", webhooks: [] });
    standin.grantOfflineToken({ token: TOKEN, scope: "read_orders,write_returns" });
  });
  afterAll(async () => {
    await standin?.close();
  });

  const client = (opts: { timeoutMs?: number; env?: Record<string, string> }) => {
    const sent: string[] = [];
    const fetch: typeof globalThis.fetch = (input, init) => {
      const m = /(?:mutation|query)\s+(\w+)/.exec(typeof init?.body === "string" ? init.body : "");
      if (m) sent.push(m[1]!);
      return globalThis.fetch(input, init);
    };
    const admin = offlineAdminClient(
      { shop: SHOP, accessToken: TOKEN, env: { SHOPIFY_ADMIN_ORIGIN: standin.url, ...opts.env }, fetch, ...(opts.timeoutMs !== undefined ? { timeoutMs: opts.timeoutMs } : {}) },
      { sleep: async () => {} },
    );
    return { admin, sent };
  };

  it("a query that gets no answer is abandoned after the timeout and retried", async () => {
    standin.faults.clear();
    standin.faults.inject({ operationName: "ShopInfo", kind: "timeout", times: 2 });
    const { admin, sent } = client({ timeoutMs: 200 });
    const data = await admin.request(SHOP_INFO);
    expect(data.shop.myshopifyDomain).toBe(SHOP);
    expect(sent).toEqual(["ShopInfo", "ShopInfo", "ShopInfo"]);
  });

  it("a non-idempotent mutation that gets no answer throws AdminTransportError with mayHaveApplied, without repeating", async () => {
    standin.faults.clear();
    standin.faults.inject({ operationName: "ReturnClose", kind: "timeout", times: 1 });
    const { admin, sent } = client({ env: { SHOPIFY_ADMIN_TIMEOUT_MS: "200" } }); // configured by env
    const err = await admin.mutate(RETURN_CLOSE, { id: "gid://shopify/Return/999999" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AdminTransportError);
    expect(err).toMatchObject({ operation: "ReturnClose", status: undefined, mayHaveApplied: true, attempts: 1 });
    expect(((err as AdminTransportError).cause as Error).cause).toMatchObject({ message: "no answer within 200 ms" });
    expect(sent).toEqual(["ReturnClose"]);
  });

  it("defaults to 20 s and refuses a timeout that is not a positive whole number of ms, naming the setting", () => {
    expect(DEFAULT_ADMIN_TIMEOUT_MS).toBe(20_000);
    const base = { shop: SHOP, accessToken: TOKEN };
    expect(() => offlineTransport({ ...base, env: { SHOPIFY_ADMIN_TIMEOUT_MS: "soon" } })).toThrow(/SHOPIFY_ADMIN_TIMEOUT_MS/);
    expect(() => offlineTransport({ ...base, env: {}, timeoutMs: 0 })).toThrow(/timeoutMs/);
    expect(() => offlineTransport({ ...base, env: { SHOPIFY_ADMIN_TIMEOUT_MS: "" } })).not.toThrow();
  });
});
