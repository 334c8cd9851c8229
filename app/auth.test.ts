/**
 * Security tests through the real route loaders/actions, real Request objects and real signatures:
 * the library must refuse forged, expired and wrong-audience session tokens and bad webhook HMACs.
 * Token exchange goes to a loopback stand-in via SHOPIFY_ADMIN_ORIGIN (same code path as Shopify).
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "~/db/test-db";
import { callRoute, configureAppUnderTest } from "~/test/app-under-test";
import { drainJobs, stopJobQueue } from "~/jobs";
import { signSessionToken, signedWebhookRequest } from "~/test/session-token";

const API_KEY = "test-api-key-c2";
const SECRET = "test-secret-c2-0123456789abcdef";
const SHOP = "demo-returns.myshopify.com";
const APP_URL = "https://returns.example.com";
const SCOPES = "write_orders,write_returns";

let db: TestDatabase;
let oauth: Server;
const exchanges: { body: Record<string, string>; host?: string }[] = [];
/** Every other request to the shop's Admin origin (GraphQL), by operation name, in arrival order. */
const adminCalls: string[] = [];
// afterAuth also queues the install's checkout-terms catalogue sync, which runs in the in-process
// background worker (not awaited by any page); its calls may land at any time, so they are told apart
// by operation name and are not part of the page's round trips.
const TERMS_WORKER_OPS = new Set(["ShopTerms", "ProductsForTerms", "ProductForTerms", "MetafieldsSet"]);
const pageCalls = () => adminCalls.filter((op) => !TERMS_WORKER_OPS.has(op));

type Loader = (args: LoaderFunctionArgs) => Promise<unknown>;
type Action = (args: ActionFunctionArgs) => Promise<unknown>;
let indexLoader: Loader;
let appLoader: Loader;
let uninstalled: Action;
let returnsRequest: Action;

/** Runs a loader/action; returns the thrown or returned Response, or the data. */
async function run(fn: Loader | Action, request: Request): Promise<{ response?: Response; data?: unknown }> {
  const out: unknown = await callRoute(fn, request);
  return out instanceof Response ? { response: out } : { data: out };
}

const now = () => Math.floor(Date.now() / 1000);
const bearer = (token: string) =>
  new Request(`${APP_URL}/app?shop=${SHOP}`, { headers: { Authorization: `Bearer ${token}` } });

beforeAll(async () => {
  db = await createTestDatabase();
  // Loopback stand-in for https://<shop>/admin/oauth/access_token: it verifies the subject token
  // with the app secret like Shopify, then issues an offline token.
  oauth = createServer((req, res) => {
    let raw = "";
    req.on("data", (c: Buffer) => (raw += c));
    req.on("end", () => {
      const body = JSON.parse(raw || "{}") as Record<string, string>;
      if (req.url?.startsWith("/admin/api/")) {
        // Admin GraphQL: answer ShopInfo as Shopify would (afterAuth stores the shop's facts); refuse anything else.
        const op = /(?:query|mutation)\s+(\w+)/.exec(body.query ?? "")?.[1] ?? "anonymous";
        adminCalls.push(op);
        if (op !== "ShopInfo" || req.headers["x-shopify-access-token"] !== "shpat_exchanged") {
          res.writeHead(400).end();
          return;
        }
        res.writeHead(200, { "Content-Type": "application/json" });
        res.end(JSON.stringify({
          data: {
            shop: {
              id: "gid://shopify/Shop/1",
              name: "Demo Returns",
              myshopifyDomain: SHOP,
              currencyCode: "NZD",
              ianaTimezone: "Pacific/Auckland",
              contactEmail: "owner@example.com",
              shopAddress: { countryCodeV2: "NZ" },
            },
          },
        }));
        return;
      }
      exchanges.push({ body, host: req.headers["x-forwarded-host"] as string | undefined });
      if (req.url !== "/admin/oauth/access_token" || body.client_secret !== SECRET || body.client_id !== API_KEY) {
        res.writeHead(400).end();
        return;
      }
      res.writeHead(200, { "Content-Type": "application/json" });
      // expiring=1 (the app asks for expiring offline tokens, also when migrating a non-expiring one): a pair
      if (body.expiring === "1") {
        res.end(JSON.stringify({ access_token: "shpat_exchanged", scope: SCOPES, expires_in: 3600, refresh_token: "shprt_exchanged", refresh_token_expires_in: 7776000 }));
        return;
      }
      res.end(JSON.stringify({ access_token: "shpat_exchanged", scope: SCOPES }));
    });
  });
  await new Promise<void>((r) => oauth.listen(0, "127.0.0.1", r));
  configureAppUnderTest({ apiKey: API_KEY, apiSecret: SECRET, appUrl: APP_URL, scopes: SCOPES, databaseUrl: db.url, adminOrigin: `http://127.0.0.1:${(oauth.address() as AddressInfo).port}` });
  indexLoader = (await import("~/routes/app._index")).loader;
  appLoader = (await import("~/routes/app")).loader;
  uninstalled = (await import("~/routes/webhooks.app.uninstalled")).action;
  returnsRequest = (await import("~/routes/webhooks.returns.request")).action;
});

afterAll(async () => {
  await stopJobQueue();
  await new Promise<void>((r) => oauth.close(() => r()));
  await db.cleanup();
});

describe("authenticate.admin (embedded, token exchange)", () => {
  it("accepts a valid session token: exchanges it at the stand-in and stores the offline session", async () => {
    const token = signSessionToken(SECRET, { shop: SHOP, apiKey: API_KEY });
    const { response, data } = await run(indexLoader, bearer(token));
    expect(response).toBeUndefined();
    expect(data).toMatchObject({ shop: SHOP, counts: { requested: 0, open: 0, closed: 0 } });
    expect(exchanges).toHaveLength(1);
    expect(exchanges[0]!.body.subject_token).toBe(token);
    expect(exchanges[0]!.body.expiring).toBe("1");
    expect(exchanges[0]!.host).toBe(SHOP);
    // Besides the token exchange, the first page costs exactly one Shopify round trip: the install
    // hook's ShopInfo read (the home loader itself makes none).
    expect(pageCalls()).toEqual(["ShopInfo"]);
    const stored = await db.prisma.session.findUnique({ where: { id: `offline_${SHOP}` } });
    expect(stored).toMatchObject({ accessToken: "shpat_exchanged", refreshToken: "shprt_exchanged" });
    expect(stored?.expires?.getTime()).toBeGreaterThan(Date.now() + 3_500_000);
    // ... and the shop's facts are stored at install, so screens need not fetch them.
    expect(await db.prisma.shop.findUnique({ where: { domain: SHOP } })).toMatchObject({
      name: "Demo Returns",
      currency: "NZD",
      timezone: "Pacific/Auckland",
      country: "NZ",
    });
    // The app layout loader passes too, now from the stored session (no second exchange, no Shopify call).
    expect((await run(appLoader, bearer(token))).data).toEqual({ apiKey: API_KEY });
    expect(exchanges).toHaveLength(1);
    expect(pageCalls()).toEqual(["ShopInfo"]);
  });

  const refusals: [string, () => string][] = [
    ["forged (wrong secret)", () => signSessionToken("not-the-secret", { shop: SHOP, apiKey: API_KEY })],
    ["expired", () => signSessionToken(SECRET, { shop: SHOP, apiKey: API_KEY, exp: now() - 120, iat: now() - 300, nbf: now() - 300 })],
    ["not yet valid", () => signSessionToken(SECRET, { shop: SHOP, apiKey: API_KEY, nbf: now() + 300 })],
    ["for another app (wrong audience)", () => signSessionToken(SECRET, { shop: SHOP, apiKey: API_KEY, aud: "another-app" })],
    ["not a JWT", () => "garbage"],
    ["alg none", () => signSessionToken(SECRET, { shop: SHOP, apiKey: API_KEY }).split(".").slice(0, 2).join(".") + "."],
  ];

  it.each(refusals)("refuses a %s token on a fetch request with 401 + retry header, not a page", async (_label, make) => {
    const before = exchanges.length;
    const { response, data } = await run(indexLoader, bearer(make()));
    expect(data).toBeUndefined();
    expect(response?.status).toBe(401);
    expect(response?.headers.get("X-Shopify-Retry-Invalid-Session-Request")).toBe("1");
    expect(exchanges.length).toBe(before); // never reaches token exchange
  });

  it.each(refusals)("refuses a %s id_token on a document request by bouncing, not rendering", async (_label, make) => {
    const host = Buffer.from(`admin.shopify.com/store/demo-returns`).toString("base64url");
    const url = `${APP_URL}/app?embedded=1&shop=${SHOP}&host=${host}&id_token=${encodeURIComponent(make())}`;
    const { response, data } = await run(indexLoader, new Request(url));
    expect(data).toBeUndefined();
    expect(response?.status).toBe(302);
    expect(new URL(response!.headers.get("Location")!, APP_URL).pathname).toBe("/auth/session-token");
  });

  // No Authorization header makes it a document request; without a valid `shop` parameter the library
  // cannot tell which store to bounce to, so it sends the browser to the login page (validateShopAndHostParams).
  it("refuses a request with no token at all by sending it to the login page", async () => {
    const before = exchanges.length;
    const { response, data } = await run(indexLoader, new Request(`${APP_URL}/app`));
    expect(data).toBeUndefined();
    expect(response?.status).toBe(302);
    expect(response!.headers.get("Location")).toBe("/auth/login");
    expect(exchanges.length).toBe(before);
  });
});

describe("authenticate.webhook (HMAC)", () => {
  const url = `${APP_URL}/webhooks/app/uninstalled`;

  it("rejects a bad HMAC with 401 and does no work", async () => {
    await db.prisma.session.upsert({
      where: { id: `offline_${SHOP}` },
      update: {},
      create: { id: `offline_${SHOP}`, shop: SHOP, state: "", isOnline: false, accessToken: "shpat_x", scope: SCOPES },
    });
    const forged = signedWebhookRequest({ url, secret: "wrong-secret", shop: SHOP, topic: "app/uninstalled", body: { id: 1 } });
    expect((await run(uninstalled, forged)).response?.status).toBe(401);
    const tampered = signedWebhookRequest({
      url,
      secret: SECRET,
      shop: SHOP,
      topic: "app/uninstalled",
      body: { id: 1 },
      hmac: signedWebhookRequest({ url, secret: SECRET, shop: SHOP, topic: "app/uninstalled", body: { id: 2 } }).headers.get("X-Shopify-Hmac-Sha256")!,
    });
    expect((await run(uninstalled, tampered)).response?.status).toBe(401);
    expect(await db.prisma.session.count({ where: { shop: SHOP } })).toBe(1);
    expect(await db.prisma.webhookDelivery.count()).toBe(0);
  });

  it("accepts a good HMAC: app/uninstalled deletes the shop's sessions, once per webhook id", async () => {
    await db.prisma.session.upsert({
      where: { id: `offline_${SHOP}` },
      update: {},
      create: { id: `offline_${SHOP}`, shop: SHOP, state: "", isOnline: false, accessToken: "shpat_x", scope: SCOPES },
    });
    const req = () => signedWebhookRequest({ url, secret: SECRET, shop: SHOP, topic: "app/uninstalled", body: { id: 1, myshopify_domain: SHOP }, webhookId: "wh-uninstall-1" });
    const first = await run(uninstalled, req());
    expect(first.response?.status).toBe(200);
    await drainJobs(); // the processing is a queued job (app/jobs)
    expect(await db.prisma.session.count({ where: { shop: SHOP } })).toBe(0);
    // A redelivery of the same webhook id is acknowledged without doing the work again.
    await db.prisma.session.create({
      data: { id: `offline_${SHOP}`, shop: SHOP, state: "", isOnline: false, accessToken: "shpat_reinstalled", scope: SCOPES },
    });
    const again = await run(uninstalled, req());
    expect(again.response?.status).toBe(200);
    expect(await db.prisma.session.count({ where: { shop: SHOP } })).toBe(1);
    const rows = await db.prisma.webhookDelivery.findMany({ where: { webhookId: "wh-uninstall-1" } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ shop: SHOP, topic: "APP_UNINSTALLED", status: "processed" });
  });

  it("records a returns/request delivery", async () => {
    const r = signedWebhookRequest({
      url: `${APP_URL}/webhooks/returns/request`,
      secret: SECRET,
      shop: SHOP,
      topic: "returns/request",
      body: { admin_graphql_api_id: "gid://shopify/Return/1" },
      webhookId: "wh-ret-1",
    });
    expect((await run(returnsRequest, r)).response?.status).toBe(200);
    await drainJobs();
    expect(await db.prisma.webhookDelivery.findFirst({ where: { shop: SHOP, webhookId: "wh-ret-1" } })).toMatchObject({
      topic: "RETURNS_REQUEST",
      status: "processed",
    });
  });
});
