import type { AddressInfo } from "node:net";
import { resolve, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { adminSchema } from "./schema";
import { createStore, type Store } from "./state/store";
import type { WebhookSub } from "./state/types";
import { LeakyBucket, type BucketConfig } from "./bucket";
import { Faults } from "./faults";
import { createStandinServer } from "./server";
import { readTomlScopes, readTomlSubscriptions, WebhookDispatcher } from "./webhooks";
import { adminSessionClaims, customerSessionClaims, signJwt, type AdminTokenOpts } from "./tokens";
import { seedDemo } from "./seed/demo";
import { createReturn } from "./state/returns";
import { fulfillFulfillmentOrder } from "./state/exchanges";
import { returnPayload } from "./webhookPayloads";
import { DEFAULT_APP, grantExpiringOffline, type AppProfile } from "./oauth";
import type { Clock } from "./clock";
import { DEFAULT_CUSTOMER_DATA, parseCustomerData, type CustomerDataSetting } from "./customer-data";

export type { Store } from "./state/store";
export type { WebhookSub } from "./state/types";
export type { FaultSpec } from "./faults";
export { webhookHmac } from "./webhooks";
export { verifyJwt } from "./tokens";
export { parseCustomerData, type CustomerDataSetting, type ProtectedField } from "./customer-data";
export type { AppProfile } from "./oauth";
export type { FaultKind } from "./faults";
export type { OrderRec } from "./state/types";
export { readTomlScopes } from "./webhooks";
export { adminSchema, schemaPath, sharedPath } from "./schema";
export { SCOPE_RULES, effectiveScopes, grants, rulesFor, scopeRuleFor, type ScopeRule } from "./access-scopes";

export interface StandinOptions {
  port?: number;
  apiKey: string;
  apiSecret: string;
  appUrl?: string;
  shop?: string;
  seed?: "demo" | "empty";
  webhooks?: WebhookSub[];
  bucket?: BucketConfig;
  /** domain time: seed dates, timestamps, token expiry (default: real time) */
  clock?: Clock;
  /**
   * time the leaky bucket refills by (default: real time, even when `clock` is frozen, so a fixed
   * demo/test clock does not starve the bucket); inject it to test throttling deterministically
   */
  bucketClock?: Clock;
  /** scopes a token exchange grants (default: shopify.app.toml [access_scopes], else a full returns set) */
  scopes?: string;
  /**
   * what the app has been granted of protected customer data: "none", "level1" (default: customer
   * data without name, email, phone, address), "level2" (all four fields) or "level1+name,email"
   * (level 1 and those fields). See standin/customer-data.ts.
   */
  customerData?: CustomerDataSetting;
  /** test knob: delays between webhook retries (ms) */
  webhookRetryDelays?: number[];
  /**
   * The app being served. Default: a public app created 2026-04-01, for which the Admin API refuses
   * non-expiring offline tokens (403); a custom app, or a public app created earlier, may use them
   * until the clock reaches 2027-01-01.
   */
  app?: Partial<AppProfile>;
  /** the app config whose [access_scopes] and webhook subscriptions apply (default: the repository's shopify.app.toml) */
  tomlPath?: string;
  /** the Admin API SDL to validate and execute against (default: `schemaPath()`) */
  schemaPath?: string;
}

export interface Standin {
  url: string;
  shop: string;
  store: Store;
  faults: Faults;
  mintAdminSessionToken(opts?: AdminTokenOpts): string;
  mintCustomerSessionToken(opts: { customerId: string }): string;
  /**
   * An expiring offline access token (1 hour on the stand-in clock) and its refresh token, as a token
   * exchange with `expiring: "1"` would issue them; for tests that start from an installed app.
   */
  grantOfflineToken(opts: { scope: string; token?: string }): { accessToken: string; refreshToken: string };
  deliverWebhook(topic: string, payload: unknown): Promise<void>;
  /**
   * A shopper uses Shopify's own self-serve return form: Shopify opens a REQUESTED Return for the
   * fulfillment line items and sends `returns/request`. Throws with Shopify's userErrors if refused.
   */
  selfServeReturn(input: {
    orderId: string;
    returnLineItems: { fulfillmentLineItemId: string; quantity: number; returnReasonDefinitionId: string; customerNote?: string }[];
  }): Promise<{ returnId: string }>;
  /** waits for queued webhook deliveries */
  /**
   * The merchant ships a fulfillment order from Shopify's admin (a replacement's, once its Return is
   * processed): a fulfillment with the tracking, and orders/updated sent to subscribers.
   */
  fulfillFulfillmentOrder(input: { fulfillmentOrderId: string; trackingNumber: string; trackingCompany?: string; trackingUrl?: string }): Promise<{ fulfillmentId: string }>;
  webhooksIdle(): Promise<void>;
  close(): Promise<void>;
}

const here = dirname(fileURLToPath(import.meta.url));

/** The repository's shopify.app.toml: the default app config of `startStandin` and `tomlScopes`. */
export const DEFAULT_TOML_PATH = resolve(here, "../shopify.app.toml");

/** The config's [access_scopes] scopes: what a token exchange grants unless `scopes` says otherwise. */
export function tomlScopes(tomlPath: string = DEFAULT_TOML_PATH): string {
  const scopes = readTomlScopes(tomlPath);
  if (!scopes) throw new Error(`${tomlPath} has no [access_scopes] scopes`);
  return scopes;
}

export async function startStandin(opts: StandinOptions): Promise<Standin> {
  if (!opts.apiKey) throw new Error("startStandin: apiKey is required");
  if (!opts.apiSecret) throw new Error("startStandin: apiSecret is required");
  const clock = opts.clock ?? (() => new Date());
  const customerData = parseCustomerData(opts.customerData ?? DEFAULT_CUSTOMER_DATA);
  const shop = opts.shop ?? "demo-returns.myshopify.com";
  const schema = adminSchema(opts.schemaPath);
  const tomlPath = opts.tomlPath ?? DEFAULT_TOML_PATH;
  const store = createStore(shop);
  store.webhookSubs = opts.webhooks ?? readTomlSubscriptions(tomlPath);
  if ((opts.seed ?? "demo") === "demo") seedDemo(store, clock());
  const faults = new Faults();
  const bucket = new LeakyBucket(opts.bucket ?? { max: 2000, restorePerSecond: 100 }, opts.bucketClock ?? (() => new Date()));
  const dispatcher = new WebhookDispatcher({
    store,
    subs: () => store.webhookSubs,
    appUrl: opts.appUrl,
    apiSecret: opts.apiSecret,
    clock,
    retryDelays: opts.webhookRetryDelays,
  });
  let origin = "";
  const { server, sockets } = createStandinServer({
    schema,
    store,
    clock,
    bucket,
    faults,
    apiKey: opts.apiKey,
    apiSecret: opts.apiSecret,
    emit: (topic, payload) => dispatcher.emit(topic, payload),
    deliver: (topic, payload) => deliverNow(topic, payload),
    origin: () => origin,
    scopes: opts.scopes ?? readTomlScopes(tomlPath) ?? undefined,
    customerData,
    app: { ...DEFAULT_APP, ...opts.app },
  });
  async function deliverNow(topic: string, payload: unknown) {
    const subs = store.webhookSubs.filter((s) => s.topic === topic);
    await Promise.all(subs.map((s) => dispatcher.deliver(topic, s.uri, payload)));
  }
  await new Promise<void>((ok, fail) => {
    server.once("error", fail);
    server.listen(opts.port ?? 0, "127.0.0.1", () => ok());
  });
  const port = (server.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${port}`;
  return {
    url: origin,
    shop,
    store,
    faults,
    mintAdminSessionToken: (o) => signJwt(adminSessionClaims(shop, opts.apiKey, clock(), o), opts.apiSecret),
    // `sub` only with protected customer data access, like Shopify's tokens
    mintCustomerSessionToken: ({ customerId }) =>
      signJwt(customerSessionClaims(shop, opts.apiKey, customerData.level >= 1 ? customerId : null, clock()), opts.apiSecret),
    grantOfflineToken: ({ scope, token }) => grantExpiringOffline({ store, clock }, scope, token),
    deliverWebhook: deliverNow,
    selfServeReturn: async (input) => {
      const made = createReturn(store, clock, input, { status: "REQUESTED", fieldRoot: "input" });
      if (!made.ret) throw new Error(`the stand-in refused a self-serve return: ${JSON.stringify(made.userErrors)}`);
      await deliverNow("returns/request", returnPayload(store, made.ret));
      return { returnId: made.ret.id };
    },
    fulfillFulfillmentOrder: async (input) => {
      const f = fulfillFulfillmentOrder(store, clock, input);
      const order = store.orders.get(f.orderId)!;
      await deliverNow("orders/updated", { id: Number(order.id.split("/").pop()), admin_graphql_api_id: order.id, updated_at: order.updatedAt });
      return { fulfillmentId: f.id };
    },
    webhooksIdle: () => dispatcher.idle(),
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((ok) => server.close(() => ok()));
    },
  };
}
