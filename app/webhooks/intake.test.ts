/**
 * What reaches the webhook routes before anything is trusted: bodies are size-capped before and while
 * they are read and signed-checked as they stream (./signed-body.ts), and a signed body must fit its
 * topic and name the header's shop (./payloads.ts) before it is recorded or queued. Real route
 * actions, real signatures, a fresh database (SQLite, or PostgreSQL with DATABASE_URL).
 */
import type { ActionFunctionArgs } from "@remix-run/node";
import { createHmac, randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createTestDatabase, type TestDatabase } from "~/db/test-db";
import { stopJobQueue } from "~/jobs";
import { callRoute, configureAppUnderTest, loadRoutes, testAppCredentials } from "~/test/app-under-test";
import { storedJobPayloads } from "~/test/stored-jobs";
import { webhookHandlerFor } from "~/webhooks/registry.server";
import { WEBHOOK_BODY_LIMITS } from "./payloads";

const { apiKey: API_KEY, apiSecret: SECRET, appUrl: APP_URL } = testAppCredentials("intake");
const SHOP = "intake-a.myshopify.com";
const VICTIM = "intake-b.myshopify.com";
const MiB = 1024 * 1024;

type Action = (args: ActionFunctionArgs) => Promise<Response>;
let db: TestDatabase;
let routes: Record<"products" | "shopRedact" | "customersRedact" | "uninstalled" | "returnsRequest" | "scopes", Action>;

const run = (action: Action, request: Request): Promise<Response> => callRoute(action, request);

const sign = (raw: string | Uint8Array) => createHmac("sha256", SECRET).update(raw).digest("base64");

function headers(topic: string, shop: string, hmac: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    "Content-Type": "application/json",
    "X-Shopify-Hmac-Sha256": hmac,
    "X-Shopify-Topic": topic,
    "X-Shopify-Shop-Domain": shop,
    "X-Shopify-API-Version": "2026-07",
    "X-Shopify-Webhook-Id": randomUUID(),
    ...extra,
  };
}

/** A signed delivery of `body` (serialised as is when a string). */
function signed(topic: string, body: unknown, shop = SHOP): Request {
  const raw = typeof body === "string" ? body : JSON.stringify(body);
  return new Request(`${APP_URL}/webhooks/${topic}`, { method: "POST", body: raw, headers: headers(topic, shop, sign(raw)) });
}

/** `total` bytes streamed in 1 MiB chunks of one reused buffer: the sender itself holds 1 MiB. */
function hugeBody(total: number): ReadableStream<Uint8Array> {
  const chunk = new Uint8Array(MiB).fill(0x20);
  let sent = 0;
  return new ReadableStream({
    pull(c) {
      if (sent >= total) return c.close();
      const n = Math.min(MiB, total - sent);
      c.enqueue(n === MiB ? chunk : chunk.subarray(0, n));
      sent += n;
    },
  });
}

async function rowsOf(shop: string) {
  return {
    sessions: await db.prisma.session.count({ where: { shop } }),
    shops: await db.prisma.shop.count({ where: { domain: shop } }),
    deliveries: await db.prisma.webhookDelivery.count({ where: { shop } }),
    jobs: await db.prisma.job.count({ where: { shop } }),
  };
}

beforeAll(async () => {
  vi.spyOn(console, "warn").mockImplementation(() => {});
  db = await createTestDatabase();
  configureAppUnderTest({ apiKey: API_KEY, apiSecret: SECRET, appUrl: APP_URL, scopes: "read_orders", databaseUrl: db.url });
  routes = await loadRoutes({
    products: "webhooks.products.update#action",
    shopRedact: "webhooks.shop.redact#action",
    customersRedact: "webhooks.customers.redact#action",
    uninstalled: "webhooks.app.uninstalled#action",
    returnsRequest: "webhooks.returns.request#action",
    scopes: "webhooks.app.scopes_update#action",
  });
}, 60_000);

beforeEach(async () => {
  // The shop an attacker would like erased: it has a session and a shop row.
  await db.prisma.session.upsert({ where: { id: `offline_${VICTIM}` }, update: {}, create: { id: `offline_${VICTIM}`, shop: VICTIM, state: "", isOnline: false, accessToken: "shpat_victim" } });
  await db.prisma.shop.upsert({ where: { domain: VICTIM }, update: {}, create: { domain: VICTIM, installedAt: new Date("2026-07-01T00:00:00Z") } });
});

afterAll(async () => {
  await stopJobQueue();
  await db?.cleanup();
});

describe("bodies are capped before and while they are read, and signed-checked as they stream", () => {
  it("four unsigned 100 MB POSTs at once leave the process's memory within 100 MB of where it was", async () => {
    // warm up: the first delivery loads the queue and the library
    expect((await run(routes.products, signed("products/update", { id: 1, admin_graphql_api_id: "gid://shopify/Product/1" }))).status).toBe(200);
    const before = process.memoryUsage().rss;
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 2);
    const post = (withLength: boolean) =>
      run(
        routes.products,
        new Request(`${APP_URL}/webhooks/products/update`, {
          method: "POST",
          body: hugeBody(100 * MiB),
          duplex: "half",
          headers: headers("products/update", SHOP, "bm90IGEgc2lnbmF0dXJl", withLength ? { "Content-Length": String(100 * MiB) } : {}),
        } as RequestInit),
      );
    // two declare their size, two stream without one (chunked): all four are refused as too large
    const answers = await Promise.all([post(true), post(false), post(true), post(false)]);
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage().rss);
    expect(answers.map((a) => a.status)).toEqual([413, 413, 413, 413]);
    expect(await answers[1]!.json()).toMatchObject({ error: { code: "payload_too_large", field: "body" } });
    process.stderr.write(`webhook intake: peak RSS +${((peak - before) / MiB).toFixed(1)} MiB over four 100 MB posts\n`);
    expect(peak - before).toBeLessThan(100 * MiB);
  }, 120_000);

  it("a correctly signed body over the topic's cap is refused 413 and nothing is recorded or queued", async () => {
    const before = await rowsOf(SHOP);
    const raw = JSON.stringify({ id: 2, admin_graphql_api_id: "gid://shopify/Product/2", body_html: "x".repeat(WEBHOOK_BODY_LIMITS.PRODUCTS_UPDATE!) });
    const res = await run(routes.products, signed("products/update", raw));
    expect(res.status).toBe(413);
    expect(await rowsOf(SHOP)).toEqual(before);
  });

  it("the signature is the exact base64 HMAC of the streamed bytes: a signed body in small chunks passes; another spelling or one changed byte does not", async () => {
    const raw = JSON.stringify({ id: 3, admin_graphql_api_id: "gid://shopify/Product/3", title: "Tote ✓" });
    const bytes = new TextEncoder().encode(raw);
    const chunked = (hmac: string, body = bytes) =>
      new Request(`${APP_URL}/webhooks/products/update`, {
        method: "POST",
        body: new ReadableStream({
          start(c) {
            for (let i = 0; i < body.length; i += 7) c.enqueue(body.subarray(i, i + 7));
            c.close();
          },
        }),
        duplex: "half",
        headers: headers("products/update", SHOP, hmac),
      } as RequestInit);
    expect((await run(routes.products, chunked(sign(bytes)))).status).toBe(200);
    const hex = createHmac("sha256", SECRET).update(bytes).digest("hex");
    const unpadded = sign(bytes).replace(/=+$/, "");
    const changed = new TextEncoder().encode(raw.replace("Tote", "Tite"));
    for (const [label, res] of [
      ["hex digest", await run(routes.products, chunked(hex))],
      ["unpadded base64", await run(routes.products, chunked(unpadded))],
      ["one changed byte", await run(routes.products, chunked(sign(bytes), changed))],
    ] as const) {
      expect(res.status, label).toBe(401);
      expect(await res.json(), label).toMatchObject({ error: { code: "unauthorized", field: "X-Shopify-Hmac-Sha256" } });
    }
  });
});

describe("a signed body must fit its topic and name the header's shop", () => {
  it("a signed products/update body re-sent to shop/redact with another shop's header erases nothing (422, nothing recorded)", async () => {
    const before = await rowsOf(VICTIM);
    const res = await run(routes.shopRedact, signed("shop/redact", { id: 4, admin_graphql_api_id: "gid://shopify/Product/4", title: "Mat" }, VICTIM));
    expect(res.status).toBe(422);
    expect(await res.json()).toMatchObject({ error: { code: "invalid_payload", field: "shop_id" } });
    expect(await rowsOf(VICTIM)).toEqual(before);
    expect(before.sessions).toBe(1);
  });

  it.each([
    ["shop/redact", () => routes.shopRedact, { shop_id: 1, shop_domain: SHOP }, "shop_domain"],
    ["customers/redact", () => routes.customersRedact, { shop_id: 1, shop_domain: SHOP, customer: { id: 5 }, orders_to_redact: [] }, "shop_domain"],
    ["app/uninstalled", () => routes.uninstalled, { id: 1, myshopify_domain: SHOP, domain: SHOP }, "myshopify_domain"],
  ] as const)("a signed %s body naming one shop, sent with another shop's header, is refused 400 and never acted on", async (topic, route, body, field) => {
    const before = await rowsOf(VICTIM);
    const res = await run(route(), signed(topic, body, VICTIM));
    expect(res.status).toBe(400);
    const error = ((await res.json()) as { error: { code: string; field: string; message: string } }).error;
    expect(error).toMatchObject({ code: "invalid_webhook", field: "X-Shopify-Shop-Domain" });
    expect(error.message).toContain(field);
    expect(await rowsOf(VICTIM)).toEqual(before);
  });

  it("a signed delivery whose topic header is not the route's is acknowledged (200) and nothing is recorded or queued", async () => {
    const before = await rowsOf(SHOP);
    const res = await run(routes.products, signed("returns/request", { id: 11, admin_graphql_api_id: "gid://shopify/Return/11" }));
    expect(res.status).toBe(200);
    expect(await rowsOf(SHOP)).toEqual(before);
  });

  it("a signed returns/request route given a Product body is refused 422 naming admin_graphql_api_id", async () => {
    const res = await run(routes.returnsRequest, signed("returns/request", { id: 6, admin_graphql_api_id: "gid://shopify/Product/6" }));
    expect(res.status).toBe(422);
    expect(await res.json()).toMatchObject({ error: { code: "invalid_payload", field: "admin_graphql_api_id" } });
  });

  it.each(["null", "[1,2]", "7", "\"text\""])("a signed body %s is refused 422 naming body on every topic, before anything is queued", async (raw) => {
    const before = await rowsOf(SHOP);
    for (const [topic, action] of [
      ["returns/request", routes.returnsRequest],
      ["app/scopes_update", routes.scopes],
      ["shop/redact", routes.shopRedact],
      ["products/update", routes.products],
    ] as const) {
      const res = await run(action, signed(topic, raw));
      expect(res.status, `${topic} ${raw}`).toBe(422);
      expect(await res.json()).toMatchObject({ error: { code: "invalid_payload", field: "body" } });
    }
    expect(await rowsOf(SHOP)).toEqual(before);
  });

  it("a job handler given null or an array (a job queued before these checks) refuses with our error, never a TypeError", async () => {
    for (const topic of ["RETURNS_REQUEST", "REFUNDS_CREATE", "APP_SCOPES_UPDATE", "PRODUCTS_UPDATE", "CUSTOMERS_REDACT"]) {
      for (const payload of [null, [1, 2]]) {
        const err = await webhookHandlerFor(topic)!({ shop: SHOP, topic, webhookId: randomUUID(), apiVersion: "2026-07", payload: payload as never, session: undefined }).catch((e: unknown) => e);
        expect(err, `${topic} ${JSON.stringify(payload)}`).toBeInstanceOf(Error);
        expect((err as Error).name).toBe("WebhookPayloadError");
      }
    }
  });

  it("what is queued is only what the handler needs: no e-mail or phone in the job row", async () => {
    const res = await run(routes.customersRedact, signed("customers/redact", { shop_id: 1, shop_domain: SHOP, customer: { id: 8, email: "kai@example.com", phone: "+64215550101" }, orders_to_redact: [9] }));
    expect(res.status).toBe(200);
    const text = await storedJobPayloads(db, { shop: SHOP });
    expect(text).toContain("CUSTOMERS_REDACT");
    expect(text).not.toContain("kai@example.com");
    expect(text).not.toContain("5550101");
  });
});
