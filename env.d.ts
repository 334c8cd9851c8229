/// <reference types="vite/client" />
/// <reference types="@remix-run/node" />

declare namespace NodeJS {
  interface ProcessEnv {
    SHOPIFY_API_KEY?: string;
    SHOPIFY_API_SECRET?: string;
    SHOPIFY_APP_URL?: string;
    SCOPES?: string;
    DATABASE_URL?: string;
    /** When set (e.g. http://127.0.0.1:4100), Admin API/OAuth calls to https://<shop> go to this origin. */
    SHOPIFY_ADMIN_ORIGIN?: string;
    SHOP_CUSTOM_DOMAIN?: string;
  }
}
