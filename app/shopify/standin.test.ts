/**
 * End to end through the same code as real Shopify, against the local stand-in (standin/):
 * a stand-in-minted session token -> authenticate.admin -> token exchange at SHOPIFY_ADMIN_ORIGIN
 * -> AdminClient over admin.graphql (in a request) and over the stored offline token (outside one).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestDatabase } from "~/db/test-db";
import { startAppWithStandin } from "~/test/installed-app";
import { adminClientFromContext, ShopifyUserError } from "./admin-client";
import { RETURN_CLOSE, SHOP_INFO } from "./operations";
import { ORDER_SNAPSHOT } from "./operations/order-snapshot";
import { ORDER_SNAPSHOT_REDACTABLE_AT } from "./order-snapshot";
import { type Standin } from "../../standin";
import { testAppCredentials } from "~/test/app-under-test";

const { apiKey: API_KEY, apiSecret: SECRET, appUrl: APP_URL } = testAppCredentials("standin-it");

describe("the app against the local Shopify stand-in", () => {
  let db: TestDatabase;
  let standin: Standin;
  let shopify: typeof import("~/shopify.server");
  let forShop: typeof import("./admin-client.server").adminClientForShop;

  beforeAll(async () => {
    ({ db, standin } = await startAppWithStandin({ apiKey: API_KEY, apiSecret: SECRET, appUrl: APP_URL, scopes: "write_orders,write_returns" }));
    shopify = await import("~/shopify.server");
    forShop = (await import("./admin-client.server")).adminClientForShop;
  });

  afterAll(async () => {
    await standin?.close();
    await db?.cleanup();
  });

  it("authenticates a stand-in session token by token exchange and queries inside the request", async () => {
    const request = new Request(`${APP_URL}/app?shop=${standin.shop}`, {
      headers: { Authorization: `Bearer ${standin.mintAdminSessionToken()}` },
    });
    const { admin, session } = await shopify.authenticate.admin(request);
    expect(session.shop).toBe(standin.shop);
    expect(session.accessToken).toBeTruthy();
    const client = adminClientFromContext(admin);
    const data = await client.request(SHOP_INFO);
    expect(data.shop.myshopifyDomain).toBe(standin.shop);
  });

  it("outside a request, uses the stored offline token: order query and userErrors from a mutation", async () => {
    const client = await forShop(standin.shop);
    const orderId = [...standin.store.orders.keys()][0]!;
    // the stand-in grants protected customer data level 1: the customer's name is refused, the rest answered
    const data = await client.request(ORDER_SNAPSHOT, { id: orderId }, { redactableAt: ORDER_SNAPSHOT_REDACTABLE_AT });
    expect(data.order?.id).toBe(orderId);
    expect(data.order?.lineItems.nodes.length).toBeGreaterThan(0);
    const err = await client.mutate(RETURN_CLOSE, { id: "gid://shopify/Return/999999999" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ShopifyUserError);
    expect((err as ShopifyUserError).userErrors[0]?.field).toEqual(["id"]);
  });
});
