/**
 * Hostile input against every webhook route (in-process Remix actions, the library's
 * authenticate.webhook, a fresh database): bodies signed with the app secret reach the parsing code
 * and are answered 200 (recorded, processing queued) or a 4xx naming the problem, never a 5xx; bad
 * signatures are a 401 and record nothing; a signed body naming one shop sent with another shop's
 * header, or a body over the topic's cap (declared or streamed), is refused and records nothing.
 * Every topic's job handler is fed the same bodies as they are (null, arrays, numbers included):
 * it ignores or refuses them with an error of its own, never a TypeError. Run counts: ./runs.ts.
 */
import type { ActionFunctionArgs } from "@remix-run/node";
import { createHmac, randomUUID } from "node:crypto";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { type TestDatabase } from "~/db/test-db";
import { callRoute, testAppCredentials } from "~/test/app-under-test";
import { webhookHandlerFor } from "~/webhooks/registry.server";
import { webhookBodyLimit } from "~/webhooks/payloads";
import { type Standin } from "../../standin";
import { fuzzRuns, fuzzSeed, timeoutFor } from "./runs";
import { startInstalledApp } from "~/test/installed-app";

const { apiKey: API_KEY, apiSecret: SECRET, appUrl: APP_URL } = testAppCredentials("fuzz-webhook");

// route module -> the topic header Shopify sends to it
const ROUTES = {
  "webhooks.app.scopes_update": "app/scopes_update",
  "webhooks.app.uninstalled": "app/uninstalled",
  "webhooks.customers.data_request": "customers/data_request",
  "webhooks.customers.redact": "customers/redact",
  "webhooks.shop.redact": "shop/redact",
  "webhooks.products.update": "products/update",
  "webhooks.refunds.create": "refunds/create",
  "webhooks.returns.approve": "returns/approve",
  "webhooks.returns.cancel": "returns/cancel",
  "webhooks.returns.close": "returns/close",
  "webhooks.returns.decline": "returns/decline",
  "webhooks.returns.process": "returns/process",
  "webhooks.returns.reopen": "returns/reopen",
  "webhooks.returns.request": "returns/request",
} as const;
type RouteName = keyof typeof ROUTES;
type Action = (args: ActionFunctionArgs) => Promise<Response>;

let db: TestDatabase;
let standin: Standin;
let actions: Record<RouteName, Action>;
let shop: string;
const seen = new Map<string, number>();

beforeAll(async () => {
  vi.spyOn(console, "log").mockImplementation(() => {});
  vi.spyOn(console, "info").mockImplementation(() => {});
  vi.spyOn(console, "debug").mockImplementation(() => {});
  vi.spyOn(console, "warn").mockImplementation(() => {});
  ({ db, standin } = await startInstalledApp({ apiKey: API_KEY, apiSecret: SECRET, appUrl: APP_URL, scopes: "read_orders,write_returns" }));
  shop = standin.shop;
  actions = {} as Record<RouteName, Action>;
  for (const name of Object.keys(ROUTES) as RouteName[]) {
    actions[name] = ((await import(`../../app/routes/${name}.tsx`)) as { action: Action }).action;
  }
}, 60_000);

afterAll(async () => {
  process.stderr.write(`webhook fuzz answers: ${JSON.stringify(Object.fromEntries([...seen].sort()))}\n`);
  await standin?.close();
  await db?.cleanup();
});

interface Delivery {
  route: RouteName;
  /** the body as sent: text, or a stream (sent without a Content-Length) */
  raw: string | ReadableStream<Uint8Array>;
  hmac?: string;
  headers?: Record<string, string | null>;
}

async function deliver(d: Delivery): Promise<Response> {
  const topic = ROUTES[d.route];
  const headers: Record<string, string> = {
    "Content-Type": "application/json",
    "X-Shopify-Hmac-Sha256": d.hmac ?? createHmac("sha256", SECRET).update(d.raw as string, "utf8").digest("base64"),
    "X-Shopify-Topic": topic,
    "X-Shopify-Shop-Domain": shop,
    "X-Shopify-API-Version": "2026-07",
    "X-Shopify-Webhook-Id": randomUUID(),
    "X-Shopify-Triggered-At": "2026-07-01T00:00:00.000Z",
    "X-Shopify-Event-Id": randomUUID(),
  };
  for (const [k, v] of Object.entries(d.headers ?? {})) {
    if (v === null) delete headers[k];
    else headers[k] = v;
  }
  const request = new Request(`${APP_URL}/webhooks/${topic}`, { method: "POST", body: d.raw, headers, ...(typeof d.raw === "string" ? {} : { duplex: "half" }) } as RequestInit);
  return callRoute(actions[d.route], request);
}

async function expectHandled(res: Response, what: string): Promise<void> {
  expect(res.status, what).toBeLessThan(500);
  let code = "";
  if (res.status >= 400 && res.status !== 405) {
    // every refusal names the problem: a JSON error with the field (body path or header) and a message
    const body = (await res.json()) as { error?: { code?: unknown; field?: unknown; message?: unknown } };
    expect(typeof body.error?.field, what).toBe("string");
    expect(typeof body.error?.message, what).toBe("string");
    code = String(body.error?.code);
  } else {
    await res.arrayBuffer();
  }
  seen.set(`${res.status} ${code}`.trim(), (seen.get(`${res.status} ${code}`.trim()) ?? 0) + 1);
}

const routeArb = fc.constantFrom(...(Object.keys(ROUTES) as RouteName[]));
/** The GraphQL type a route's body is about, so most generated ids fit the topic and get past its schema. */
const TYPE_OF: Record<RouteName, string> = {
  "webhooks.app.scopes_update": "Shop",
  "webhooks.app.uninstalled": "Shop",
  "webhooks.customers.data_request": "Customer",
  "webhooks.customers.redact": "Customer",
  "webhooks.shop.redact": "Shop",
  "webhooks.products.update": "Product",
  "webhooks.refunds.create": "Refund",
  "webhooks.returns.approve": "Return",
  "webhooks.returns.cancel": "Return",
  "webhooks.returns.close": "Return",
  "webhooks.returns.decline": "Return",
  "webhooks.returns.process": "Return",
  "webhooks.returns.reopen": "Return",
  "webhooks.returns.request": "Return",
};
const gid = (type: string) => fc.oneof(fc.nat().map((n) => `gid://shopify/${type}/${n}`), fc.string({ maxLength: 40 }), fc.constant(null), fc.integer());
/** Mostly a valid id of the type, sometimes anything. */
const goodGid = (type: string) => fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 1, max: 2 ** 40 }).map((n) => `gid://shopify/${type}/${n}`) }, { weight: 1, arbitrary: gid(type) });
// Bodies shaped like Shopify's for the route's topic (so they get past the first field), with any
// field wrong, plus anything at all.
const shapedFor = (route: RouteName, shopDomain: string) => fc.record(
  {
    id: fc.oneof(fc.integer({ min: 1, max: 2 ** 40 }), fc.nat(), fc.string({ maxLength: 20 }), fc.constant(null)),
    admin_graphql_api_id: fc.oneof({ weight: 3, arbitrary: goodGid(TYPE_OF[route]) }, { weight: 1, arbitrary: fc.oneof(gid("Return"), gid("Refund"), gid("Product")) }),
    shop_id: fc.oneof(fc.integer({ min: 1, max: 2 ** 40 }), fc.anything({ maxDepth: 0 })),
    myshopify_domain: fc.oneof(fc.constant(shopDomain), fc.string({ maxLength: 30 })),
    current: fc.oneof(fc.constant(["read_orders", "write_returns"]), fc.anything({ maxDepth: 1 })),
    order_id: fc.oneof(fc.nat(), fc.string({ maxLength: 20 })),
    status: fc.oneof(fc.constantFrom("REQUESTED", "OPEN", "CLOSED", "DECLINED", "CANCELED"), fc.string({ maxLength: 10 })),
    return: fc.oneof(fc.record({ admin_graphql_api_id: gid("Return") }), fc.anything({ maxDepth: 1 })),
    order: fc.oneof(fc.record({ admin_graphql_api_id: gid("Order") }), fc.anything({ maxDepth: 1 })),
    shop_domain: fc.oneof({ weight: 3, arbitrary: fc.constant(shopDomain) }, { weight: 1, arbitrary: fc.constantFrom("other-shop.myshopify.com", "DEMO-RETURNS.myshopify.com") }, { weight: 1, arbitrary: fc.string({ maxLength: 30 }) }),
    customer: fc.oneof(fc.record({ id: fc.oneof(fc.nat(), fc.integer(), fc.double(), fc.string({ maxLength: 25 })), email: fc.oneof(fc.emailAddress(), fc.anything({ maxDepth: 0 })) }), fc.anything({ maxDepth: 1 })),
    orders_requested: fc.oneof(fc.array(fc.nat()), fc.anything({ maxDepth: 1 })),
    orders_to_redact: fc.oneof(fc.array(fc.oneof(fc.nat(), fc.string({ maxLength: 5 }))), fc.anything({ maxDepth: 1 })),
    data_request: fc.anything({ maxDepth: 1 }),
    variants: fc.anything({ maxDepth: 2 }),
    return_line_items: fc.anything({ maxDepth: 2 }),
    refund_line_items: fc.anything({ maxDepth: 2 }),
  },
  { requiredKeys: [] },
);
const oddBody = fc.constantFrom<unknown>(null, [1, 2], [], 7, "text", true, { __proto__: null }, [{ id: 1 }]);
const bodyFor = (route: RouteName) =>
  fc.oneof(
    { weight: 3, arbitrary: shapedFor(route, shop) },
    { weight: 1, arbitrary: fc.anything({ maxDepth: 3 }) },
    { weight: 1, arbitrary: fc.json({ maxDepth: 3 }).map((j) => JSON.parse(j) as unknown) },
    { weight: 1, arbitrary: oddBody },
  );
/** A route and a body for it. */
const deliveryArb = () => routeArb.chain((route) => fc.tuple(fc.constant(route), bodyFor(route)));
const rawArb = fc.oneof(fc.string({ maxLength: 200 }), fc.constantFrom("", "{", "null", "[]", "1e999", "\"x\"", "{\"__proto__\":{\"polluted\":1}}", "\uFEFF{}"));

const cfg = (share: number) => {
  const numRuns = fuzzRuns(share);
  return { numRuns, timeout: timeoutFor(numRuns, 25), seed: fuzzSeed() };
};

describe("webhook routes under hostile input: never a 5xx", () => {
  const signed = cfg(0.2);
  it(`${signed.numRuns} correctly signed JSON bodies of every shape reach the parsing code and get 200 or a 4xx naming the field`, async () => {
    await fc.assert(
      fc.asyncProperty(deliveryArb(), async ([route, body]) => {
        const raw = JSON.stringify(body) ?? "null";
        await expectHandled(await deliver({ route, raw }), `${route} ${raw.slice(0, 300)}`);
      }),
      { numRuns: signed.numRuns, seed: signed.seed },
    );
  }, signed.timeout);

  const rawSigned = cfg(0.04);
  it(`${rawSigned.numRuns} correctly signed bodies that are not JSON objects: never a 5xx`, async () => {
    await fc.assert(
      fc.asyncProperty(routeArb, rawArb, async (route, raw) => {
        await expectHandled(await deliver({ route, raw }), `${route} ${JSON.stringify(raw)}`);
      }),
      { numRuns: rawSigned.numRuns, seed: rawSigned.seed },
    );
  }, rawSigned.timeout);

  const headers = cfg(0.04);
  it(`${headers.numRuns} signed deliveries with missing or strange headers: never a 5xx`, async () => {
    const headerArb = fc.record(
      {
        "X-Shopify-Topic": fc.oneof(fc.constant(null), fc.string({ maxLength: 40 }), fc.constantFrom(...Object.values(ROUTES))),
        "X-Shopify-Shop-Domain": fc.oneof(fc.constant(null), fc.string({ maxLength: 60 }), fc.constantFrom("other.myshopify.com", "evil.example.com", "../x")),
        "X-Shopify-Webhook-Id": fc.oneof(fc.constant(null), fc.string({ maxLength: 300 }), fc.constant("")),
        "X-Shopify-API-Version": fc.oneof(fc.constant(null), fc.string({ maxLength: 20 })),
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(routeArb, headerArb, async (route, h) => {
        const clean = Object.fromEntries(Object.entries(h).map(([k, v]) => [k, typeof v === "string" ? v.replace(/[^\x20-\x7e]/g, "") : v])) as Record<string, string | null>;
        await expectHandled(await deliver({ route, raw: JSON.stringify({ id: 1, customer: { id: 1 } }), headers: clean }), `${route} ${JSON.stringify(clean)}`);
      }),
      { numRuns: headers.numRuns, seed: headers.seed },
    );
  }, headers.timeout);

  const forged = cfg(0.08);
  it(`${forged.numRuns} bad signatures are a 401 and record nothing`, async () => {
    const before = await db.prisma.webhookDelivery.count();
    const hmacArb = (raw: string) =>
      fc.oneof(
        fc.base64String({ maxLength: 60 }),
        fc.string({ maxLength: 60 }).map((s) => s.replace(/[^\x20-\x7e]/g, "")),
        fc.constant(createHmac("sha256", "another-apps-secret").update(raw, "utf8").digest("base64")),
        fc.constant(createHmac("sha256", SECRET).update(`${raw} `, "utf8").digest("base64")),
        fc.constant(createHmac("sha256", SECRET).update(raw, "utf8").digest("hex")),
      );
    await fc.assert(
      fc.asyncProperty(
        deliveryArb().chain(([route, b]) => {
          const raw = JSON.stringify(b) ?? "null";
          return fc.tuple(fc.constant(route), fc.constant(raw), hmacArb(raw));
        }),
        async ([route, raw, hmac]) => {
          const res = await deliver({ route, raw, hmac });
          // 401 for a wrong signature; the library answers 400 when the header is empty (missing)
          expect([400, 401], `${route} ${JSON.stringify(hmac)}`).toContain(res.status);
          const err = ((await res.json()) as { error: { field: string } }).error;
          expect(err.field).toBe("X-Shopify-Hmac-Sha256");
        },
      ),
      { numRuns: forged.numRuns, seed: forged.seed },
    );
    expect(await db.prisma.webhookDelivery.count()).toBe(before);
  }, forged.timeout);

  const jobs = cfg(0.05);
  it(`${jobs.numRuns} of the same bodies (null, arrays and numbers too) given straight to each topic's job handler: done, or refused with an error of our own (never a TypeError)`, async () => {
    // shop/redact and app/uninstalled read nothing from the body and delete the shop's session, which
    // the other handlers need: they are covered by the route property and app/services/compliance.
    const topics = Object.values(ROUTES).map((t) => t.toUpperCase().replace("/", "_")).filter((t) => t !== "SHOP_REDACT" && t !== "APP_UNINSTALLED");
    const topicOf = (route: RouteName) => ROUTES[route].toUpperCase().replace("/", "_");
    const handled = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(deliveryArb().filter(([route]) => topics.includes(topicOf(route))), async ([route, body]) => {
        const topic = topicOf(route);
        const handler = webhookHandlerFor(topic);
        expect(handler, topic).toBeDefined();
        // as a job row could hold it: whatever JSON the body was, unwrapped
        const payload = body as Record<string, unknown>;
        try {
          await handler!({ shop, topic, webhookId: randomUUID(), apiVersion: "2026-07", payload, session: undefined });
          handled.set("ok", (handled.get("ok") ?? 0) + 1);
        } catch (e) {
          // A refusal is fine (the job is retried, then dead-lettered); a crash on an unexpected shape is not.
          expect(e, `${topic} ${JSON.stringify(payload).slice(0, 300)}`).toBeInstanceOf(Error);
          expect(["TypeError", "RangeError", "SyntaxError", "ReferenceError"], `${topic}: ${(e as Error).stack}`).not.toContain((e as Error).constructor.name);
          const key = `${(e as Error).name}: ${(e as Error).message.replace(/\d+/g, "N").slice(0, 80)}`;
          handled.set(key, (handled.get(key) ?? 0) + 1);
        }
      }),
      { numRuns: jobs.numRuns, seed: jobs.seed },
    );
    process.stderr.write(`webhook job handler outcomes: ${JSON.stringify(Object.fromEntries(handled))}\n`);
  }, jobs.timeout);

  const mismatch = cfg(0.04);
  it(`${mismatch.numRuns} signed bodies naming this shop, sent with another shop's header: refused (400/422), nothing recorded`, async () => {
    const before = await db.prisma.webhookDelivery.count();
    const naming: Record<string, (s: string) => unknown> = {
      "webhooks.shop.redact": (s) => ({ shop_id: 1, shop_domain: s }),
      "webhooks.customers.redact": (s) => ({ shop_id: 1, shop_domain: s, customer: { id: 5 }, orders_to_redact: [] }),
      "webhooks.customers.data_request": (s) => ({ shop_id: 1, shop_domain: s, customer: { id: 5 }, orders_requested: [] }),
      "webhooks.app.uninstalled": (s) => ({ id: 1, myshopify_domain: s, domain: s }),
    };
    const otherShop = fc.oneof(fc.stringMatching(/^[a-z][a-z0-9-]{0,20}$/).map((n) => `${n}.myshopify.com`), fc.constantFrom("other.myshopify.com", "victim-shop.myshopify.com"));
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...(Object.keys(naming) as RouteName[])), otherShop, async (route, victim) => {
        fc.pre(victim !== shop);
        const res = await deliver({ route, raw: JSON.stringify(naming[route]!(shop)), headers: { "X-Shopify-Shop-Domain": victim } });
        expect([400, 422], `${route} ${victim}`).toContain(res.status);
        await expectHandled(res, `${route} ${victim}`);
      }),
      { numRuns: mismatch.numRuns, seed: mismatch.seed },
    );
    expect(await db.prisma.webhookDelivery.count()).toBe(before);
  }, mismatch.timeout);

  const oversize = cfg(0.01);
  it(`${oversize.numRuns} bodies over the topic's cap (declared, or streamed without a length), signed or not: 413, nothing recorded`, async () => {
    const before = await db.prisma.webhookDelivery.count();
    await fc.assert(
      fc.asyncProperty(routeArb, fc.integer({ min: 1, max: 64 * 1024 }), fc.boolean(), fc.boolean(), async (route, over, declared, signedBody) => {
        const limit = webhookBodyLimit([ROUTES[route].toUpperCase().replace("/", "_")]);
        const size = limit + over;
        const raw = `{"id":1,"pad":"${"x".repeat(size - 16)}"}`;
        const body = declared ? raw : new Blob([raw]).stream();
        const headers: Record<string, string | null> = declared ? { "Content-Length": String(Buffer.byteLength(raw)) } : {};
        const res = await deliver({ route, raw: body, headers, ...(signedBody ? { hmac: createHmac("sha256", SECRET).update(raw, "utf8").digest("base64") } : { hmac: "bm90IGEgc2lnbmF0dXJl" }) });
        expect(res.status, `${route} +${over} declared=${declared}`).toBe(413);
        await expectHandled(res, route);
      }),
      { numRuns: oversize.numRuns, seed: oversize.seed },
    );
    expect(await db.prisma.webhookDelivery.count()).toBe(before);
  }, oversize.timeout);

  it("the signed bodies reached past verification: some were recorded (200) and compliance bodies were refused with 422", () => {
    expect(seen.get("200")).toBeGreaterThan(0);
    expect(seen.get("422 invalid_payload")).toBeGreaterThan(0);
    expect(seen.get("400 invalid_webhook")).toBeGreaterThan(0);
    expect(seen.get("413 payload_too_large")).toBeGreaterThan(0);
  });
});
