/**
 * The production wiring, end to end with real signatures: a stand-in session token -> authenticate.admin
 * (token exchange, afterAuth hook) -> catalogue sync in the in-process worker; then a signed
 * products/update webhook through the route -> that product's metafield is rewritten.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ActionFunctionArgs } from "@remix-run/node";
import { createRepos } from "~/db";
import { type TestDatabase } from "~/db/test-db";
import { startAppWithStandin } from "~/test/installed-app";
import { drainJobs, stopJobQueue } from "~/jobs";
import { getPreset, parsePolicy } from "~/returns";
import { signedWebhookRequest } from "~/test/session-token";
import { type Standin } from "../../../standin";
import { testAppCredentials } from "~/test/app-under-test";

const { apiKey: API_KEY, apiSecret: SECRET, appUrl: APP_URL } = testAppCredentials("terms-sync");

let db: TestDatabase;
let standin: Standin;
let productsUpdate: (args: ActionFunctionArgs) => Promise<Response>;

function terms(ownerId: string): unknown {
  for (const m of standin.store.metafields.values()) {
    if (m.ownerId === ownerId && m.key === "terms" && m.namespace.endsWith("--returns")) return JSON.parse(m.value);
  }
  return null;
}

beforeAll(async () => {
  ({ db, standin } = await startAppWithStandin({ apiKey: API_KEY, apiSecret: SECRET, appUrl: APP_URL, scopes: "read_products,write_products" }));
  productsUpdate = (await import("~/routes/webhooks.products.update")).action as typeof productsUpdate;
});

afterAll(async () => {
  await stopJobQueue();
  await standin?.close();
  await db?.cleanup();
});

describe("terms sync wiring", () => {
  it("first install (afterAuth) publishes the shop terms and every special product's terms", async () => {
    const policy = parsePolicy({ ...getPreset("ekoh-store")!, checkout: { requireFinalSaleAck: true } });
    await createRepos(db.prisma).policies.saveNewVersion(standin.shop, { policy, now: new Date(), createdBy: "test" });
    const { authenticate } = await import("~/shopify.server");
    const request = new Request(`${APP_URL}/app?shop=${standin.shop}`, {
      headers: { Authorization: `Bearer ${standin.mintAdminSessionToken()}` },
    });
    await authenticate.admin(request);
    // the catalogue run is queued on the app's job queue; its steps run here as a worker runs them
    expect(await drainJobs()).toBeGreaterThan(0);
    expect(terms(standin.store.shop.id)).toEqual({
      version: 1,
      requireFinalSaleAck: true,
      defaultTerm: { code: "NO_CHANGE_OF_MIND", from: "delivery" },
    });
    expect(terms("gid://shopify/Product/207")).toEqual({ codes: ["FINAL_SALE"] }); // Linen Tote Bag (clearance)
    expect(terms("gid://shopify/Product/210")).toEqual({ codes: ["GIFT_CARD"] });
    expect(terms("gid://shopify/Product/205")).toBeNull(); // perishable: same as the shop default here
  });

  it("a signed products/update recomputes that product; a forged one is refused", async () => {
    const id = "gid://shopify/Product/204";
    expect(terms(id)).toBeNull();
    standin.store.products.get(id)!.tags.push("final-sale");
    const body = { id: 204, admin_graphql_api_id: id, tags: "kitchen, final-sale" };
    const forged = signedWebhookRequest({ url: `${APP_URL}/webhooks/products/update`, secret: "wrong", shop: standin.shop, topic: "products/update", body });
    const refused = await productsUpdate({ request: forged, params: {}, context: {} }).catch((e: unknown) => e);
    expect(refused instanceof Response ? refused.status : refused).toBe(401);
    expect(terms(id)).toBeNull();
    const res = await productsUpdate({
      request: signedWebhookRequest({ url: `${APP_URL}/webhooks/products/update`, secret: SECRET, shop: standin.shop, topic: "products/update", body }),
      params: {},
      context: {},
    });
    expect(res.status).toBe(200);
    await drainJobs(); // the recompute is a queued job (app/jobs)
    expect(terms(id)).toEqual({ codes: ["FINAL_SALE"] });
  });

  it("a policy save (editor entry point) republishes the shop terms and re-checks the catalogue in the worker", async () => {
    const { termsSyncAfterPolicySave } = await import("./server");
    const { adminClientForShop } = await import("~/shopify/admin-client.server");
    // ekr-auto: no sale rule, so the clearance tote becomes plain (reset to the default), gift card stays
    const saved = await createRepos(db.prisma).policies.saveNewVersion(standin.shop, { policy: getPreset("ekr-auto")!, now: new Date(), createdBy: "test" });
    const out = await termsSyncAfterPolicySave({ admin: await adminClientForShop(standin.shop), now: () => new Date() }, standin.shop);
    expect(out?.shop.written).toBe(true);
    expect(terms(standin.store.shop.id)).toEqual({ version: 1, requireFinalSaleAck: false, defaultTerm: { code: "WINDOW_30D", days: 30, from: "delivery" } });
    expect(out?.job.created).toBe(true);
    expect(await drainJobs()).toBeGreaterThan(0); // the policy's catalogue run, on the app's job queue
    expect(saved.version).toBe(2);
    expect(terms("gid://shopify/Product/207")).toEqual({ codes: [] });
    expect(terms("gid://shopify/Product/210")).toEqual({ codes: ["GIFT_CARD"] });
    expect(terms("gid://shopify/Product/101")).toEqual({ codes: ["NO_CHANGE_OF_MIND", "WARRANTY_2Y"] }); // custom seat cover
  });
});
