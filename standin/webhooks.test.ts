import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { createHmac, timingSafeEqual } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { startWithClient, TEST_SECRET, type Client } from "./testClient";
import { readTomlSubscriptions } from "./webhooks";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

let c: Client | undefined;
let closeApp: (() => Promise<void>) | undefined;
afterEach(async () => {
  await c?.standin.close();
  await closeApp?.();
  c = undefined;
});

async function fakeApp(failFirst: number) {
  const got: { headers: IncomingMessage["headers"]; body: string }[] = [];
  let calls = 0;
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const ch of req) chunks.push(ch as Buffer);
    calls += 1;
    if (calls <= failFirst) {
      res.writeHead(503).end();
      return;
    }
    got.push({ headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
    res.writeHead(200).end();
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  closeApp = () => new Promise((ok) => server.close(() => ok()));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, got };
}

describe("webhooks", () => {
  it("POSTs returns/request with a verifiable HMAC and Shopify headers, retrying failures", async () => {
    const app = await fakeApp(1);
    c = await startWithClient({ appUrl: app.url, webhooks: [{ topic: "returns/request", uri: "/webhooks/returns" }], webhookRetryDelays: [10, 10, 10] });
    const order = (await c.gql(`query O { orders(first: 1, query: "customer_id:1 fulfillment_status:shipped") { nodes { id fulfillments(first: 1) { fulfillmentLineItems(first: 1) { nodes { id } } } } } }`)).body.data.orders.nodes[0];
    const fli = order.fulfillments[0].fulfillmentLineItems.nodes[0].id;
    const reason = (await c.gql(`query R { returnReasonDefinitions(first: 1) { nodes { id } } }`)).body.data.returnReasonDefinitions.nodes[0].id;
    const r = await c.gql(`mutation Req($input: ReturnRequestInput!) { returnRequest(input: $input) { return { id } userErrors { field message } } }`, { input: { orderId: order.id, returnLineItems: [{ fulfillmentLineItemId: fli, quantity: 1, returnReasonDefinitionId: reason }] } });
    expect(r.body.data.returnRequest.userErrors).toEqual([]);
    await c.standin.webhooksIdle();
    expect(app.got).toHaveLength(1);
    const { headers, body } = app.got[0]!;
    const expected = createHmac("sha256", TEST_SECRET).update(body, "utf8").digest();
    expect(timingSafeEqual(Buffer.from(String(headers["x-shopify-hmac-sha256"]), "base64"), expected)).toBe(true);
    expect(headers["x-shopify-topic"]).toBe("returns/request");
    expect(headers["x-shopify-shop-domain"]).toBe("demo-returns.myshopify.com");
    expect(headers["x-shopify-api-version"]).toBe("2026-07");
    expect(headers["x-shopify-webhook-id"]).toBeTruthy();
    expect(headers["x-shopify-event-id"]).toBeTruthy();
    expect(headers["x-shopify-triggered-at"]).toBeTruthy();
    const payload = JSON.parse(body);
    expect(payload).toMatchObject({ admin_graphql_api_id: r.body.data.returnRequest.return.id, status: "requested" });
    const log = c.standin.store.webhookLog.at(-1)!;
    expect(log).toMatchObject({ topic: "returns/request", delivered: true, attempts: 2 });
  });

  it("deliverWebhook sends arbitrary topics (app/uninstalled) and reads subscriptions from shopify.app.toml", async () => {
    const app = await fakeApp(0);
    c = await startWithClient({ appUrl: app.url, webhooks: [{ topic: "app/uninstalled", uri: "/webhooks/app/uninstalled" }] });
    await c.standin.deliverWebhook("app/uninstalled", { id: 1, domain: c.standin.shop });
    expect(app.got).toHaveLength(1);
    expect(app.got[0]!.headers["x-shopify-topic"]).toBe("app/uninstalled");
    // HTTP helper: uninstall revokes tokens and sends app/uninstalled
    const un = await fetch(`${c.standin.url}/_standin/uninstall`, { method: "POST" });
    expect(un.status).toBe(200);
    expect(app.got).toHaveLength(2);
    expect(JSON.parse(app.got[1]!.body)).toMatchObject({ myshopify_domain: "demo-returns.myshopify.com" });
    expect((await c.gql(`query S { shop { name } }`)).status).toBe(401);
    const dir = mkdtempSync(join(tmpdir(), "toml-"));
    writeFileSync(join(dir, "shopify.app.toml"), `[webhooks]\napi_version = "2026-07"\n\n[[webhooks.subscriptions]]\ntopics = [ "returns/request", "returns/approve" ]\nuri = "/webhooks/returns"\n\n[[webhooks.subscriptions]]\ntopics = ["app/uninstalled"]\nuri = "/webhooks/app/uninstalled"\n\n[[webhooks.subscriptions]]\ncompliance_topics = ["customers/redact"]\nuri = "/webhooks/customers/redact"\n`);
    expect(readTomlSubscriptions(join(dir, "shopify.app.toml"))).toEqual([
      { topic: "returns/request", uri: "/webhooks/returns" },
      { topic: "returns/approve", uri: "/webhooks/returns" },
      { topic: "app/uninstalled", uri: "/webhooks/app/uninstalled" },
      { topic: "customers/redact", uri: "/webhooks/customers/redact" },
    ]);
  });
});
