// Test fixture: a shopify.app.toml as the preflight reads it, with the three compliance topics subscribed
// and nothing else notable; a test overrides what it is about.
import type { AppConfig } from "./app-config";

export const FIXTURE_APP_URL = "https://returns.example-merchant-app.com";

export function appConfigFixture(over: Partial<AppConfig> = {}): AppConfig {
  return {
    file: "shopify.app.toml",
    applicationUrl: FIXTURE_APP_URL,
    redirectUrls: [],
    scopes: ["write_orders"],
    webhooksApiVersion: "2026-07",
    subscriptions: [
      { topics: [], complianceTopics: ["customers/data_request"], uri: "/webhooks/customers/data_request" },
      { topics: [], complianceTopics: ["customers/redact"], uri: "/webhooks/customers/redact" },
      { topics: [], complianceTopics: ["shop/redact"], uri: "/webhooks/shop/redact" },
    ],
    hasAppProxy: false,
    automaticallyUpdateUrlsOnDev: true,
    ...over,
  };
}
