// Platform adapter first: it installs @shopify/shopify-api's abstract fetch/crypto for Node.
import "@shopify/shopify-app-remix/adapters/node";
import {
  ApiVersion,
  AppDistribution,
  shopifyApp,
} from "@shopify/shopify-app-remix/server";
import { PrismaSessionStorage } from "@shopify/shopify-app-session-storage-prisma";
import prisma from "~/db.server";
import { installAdminOriginOverride } from "~/shopify/admin-origin.server";
import { createRepos } from "~/db";
import { adminClientFromContext } from "~/shopify/admin-client";
import { storeShopFacts } from "~/shopify/shop-facts";
import { LibrarySessionStorage } from "~/shopify/session-storage.server";
import { judgedByToken } from "~/shopify/bot-filter.server";
import { requiredEnv } from "~/env.server";

// Runs after every import above has evaluated, i.e. after the adapter set abstractFetch.
// No-op unless SHOPIFY_ADMIN_ORIGIN is set; it only changes where requests to https://<shop> go.
// Throws (the server and the worker do not start) when it is set with NODE_ENV=production.
installAdminOriginOverride();

/** The Admin API version everything in this app (GraphQL documents, codegen, webhooks) is pinned to. */
export const ADMIN_API_VERSION = ApiVersion.July26;

const shopify = shopifyApp({
  apiKey: requiredEnv("SHOPIFY_API_KEY"),
  apiSecretKey: requiredEnv("SHOPIFY_API_SECRET"),
  apiVersion: ADMIN_API_VERSION,
  scopes: process.env.SCOPES?.split(",").map((s) => s.trim()).filter(Boolean),
  appUrl: requiredEnv("SHOPIFY_APP_URL"),
  authPathPrefix: "/auth",
  // The library never renews offline tokens itself: app/shopify/offline-tokens.ts does, under a lease
  // (docs/decisions/120-expiring-offline-tokens.md).
  sessionStorage: new LibrarySessionStorage(new PrismaSessionStorage(prisma), prisma),
  distribution: AppDistribution.AppStore,
  isEmbeddedApp: true,
  hooks: {
    // Terms sync: after install/token exchange, queue the catalogue's checkout-terms sync.
    // Imported lazily: the sync module imports this file. It logs and never fails the login.
    afterAuth: async ({ session, admin }) => {
      const { termsSyncAfterAuth } = await import("~/services/terms-sync/server");
      // Shop facts: one ShopInfo read at install, stored on the shop row
      // (name, currency, time zone, country) so screens need not fetch them. Best effort, in parallel
      // with the terms sync: a failure is logged, never fails the login, and adminContext's lazy
      // fallback fills the row on a later page.
      const storeFacts = async () => {
        try {
          await storeShopFacts(adminClientFromContext(admin), createRepos(prisma).shops, session.shop, new Date());
        } catch (error) {
          console.error(`shop facts: could not store ShopInfo for ${session.shop}`, error);
        }
      };
      await Promise.all([storeFacts(), termsSyncAfterAuth(session.shop)]);
    },
  },
  future: {
    // Embedded auth via token exchange (session token -> access token), no OAuth redirects.
    unstable_newEmbeddedAuthStrategy: true,
    // Token exchange asks for expiring offline tokens (1 h, with a 90-day rotating refresh token), as
    // public apps must: https://shopify.dev/docs/apps/build/security/credentials-and-data/use-expiring-offline-access-tokens
    expiringOfflineAccessTokens: true,
  },
  ...(process.env.SHOP_CUSTOM_DOMAIN ? { customShopDomains: [process.env.SHOP_CUSTOM_DOMAIN] } : {}),
});

export default shopify;
export const apiVersion = ADMIN_API_VERSION;
export const addDocumentResponseHeaders = shopify.addDocumentResponseHeaders;
// Requests carrying a session token are judged by the token, not by their user agent (bot-filter.server.ts);
// tokenless bots still get the library's 410.
export const authenticate: typeof shopify.authenticate = {
  ...shopify.authenticate,
  admin: ((request: Request) => shopify.authenticate.admin(judgedByToken(request))) as typeof shopify.authenticate.admin,
  public: {
    ...shopify.authenticate.public,
    customerAccount: ((request: Request, options?: Parameters<typeof shopify.authenticate.public.customerAccount>[1]) =>
      shopify.authenticate.public.customerAccount(judgedByToken(request), options)) as typeof shopify.authenticate.public.customerAccount,
  },
};
export const unauthenticated = shopify.unauthenticated;
export const login = shopify.login;
export const registerWebhooks = shopify.registerWebhooks;
export const sessionStorage = shopify.sessionStorage;
