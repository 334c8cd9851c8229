import { buildSchema } from "graphql";
import { describe, expect, it } from "vitest";
import type { AppConfig } from "./app-config";
import { appConfigFixture, FIXTURE_APP_URL } from "./app-config.fixture";
import {
  apiVersionEnds,
  apiVersionEolProblems,
  appUrlProblems,
  bundleBudgetProblems,
  complianceTopicProblems,
  deprecatedFieldProblems,
  extensionUrlProblems,
  routeFileExists,
  webhookApiVersionProblems,
} from "./checks";

const APP = FIXTURE_APP_URL;

const config = (over: Partial<AppConfig> = {}): AppConfig => appConfigFixture({ redirectUrls: [`${APP}/auth/callback`], ...over });

describe("appUrlProblems", () => {
  it("passes a linked config on the app's address", () => {
    expect(appUrlProblems(config(), APP)).toEqual([]);
    expect(appUrlProblems(config())).toEqual([]);
  });

  it("names the placeholder application_url and redirect URL and says how to fix them", () => {
    const p = appUrlProblems(config({ applicationUrl: "https://example.com", redirectUrls: ["https://example.com/auth/callback"] }));
    expect(p).toHaveLength(2);
    expect(p[0]).toMatch(/application_url https:\/\/example\.com is a placeholder.*shopify app config link/);
    expect(p[1]).toMatch(/redirect URL https:\/\/example\.com\/auth\/callback is a placeholder/);
    expect(appUrlProblems(config({ applicationUrl: "http://localhost:3000" }))[0]).toMatch(/placeholder or this machine/);
    expect(appUrlProblems(config({ applicationUrl: undefined }))[0]).toMatch(/has no application_url/);
  });

  it("with SHOPIFY_APP_URL set, both must be on it", () => {
    const p = appUrlProblems(config({ applicationUrl: "https://other.shop-app.com", redirectUrls: ["https://other.shop-app.com/cb"] }), APP);
    expect(p[0]).toMatch(/application_url https:\/\/other\.shop-app\.com is not SHOPIFY_APP_URL/);
    expect(p[1]).toMatch(/redirect URL https:\/\/other\.shop-app\.com\/cb is not on SHOPIFY_APP_URL/);
    expect(appUrlProblems(config({ applicationUrl: `${APP}/` }), APP)).toEqual([]);
  });
});

describe("extensionUrlProblems", () => {
  it("tells a missing, a dev-only and a foreign module apart, each with the fix", () => {
    expect(extensionUrlProblems({ kind: "missing" })[0]).toMatch(/no backend URL yet.*npm run build:extensions/);
    expect(extensionUrlProblems({ kind: "dev" })[0]).toMatch(/shopify app dev.*no deploy can ship/);
    expect(extensionUrlProblems({ kind: "unreadable" })[0]).toMatch(/not written by extensions\/app-url\.ts/);
  });

  it("refuses a placeholder and an address other than SHOPIFY_APP_URL", () => {
    expect(extensionUrlProblems({ kind: "fixed", url: "https://example.com" })[0]).toMatch(/would call https:\/\/example\.com, which is a placeholder/);
    expect(extensionUrlProblems({ kind: "fixed", url: "https://old.shop-app.com" }, APP)[0]).toMatch(/not SHOPIFY_APP_URL/);
    expect(extensionUrlProblems({ kind: "fixed", url: APP }, APP)).toEqual([]);
  });
});

describe("deprecatedFieldProblems", () => {
  const schema = buildSchema(`
    type Query { order(id: ID!): Order }
    enum Kind { A B @deprecated(reason: "Use A.") }
    type Order { id: ID! channel: String @deprecated(reason: "Use \`attribution\` instead.") attribution: String items(kind: Kind, old: Int @deprecated(reason: "Gone.")): [String] }
  `);
  const run = (source: string) => deprecatedFieldProblems([{ file: "app/x.ts", line: 3, source }], () => ({ name: "admin-test", schema }));

  it("names each deprecated field, argument and enum value with the operation and its place", () => {
    expect(run("query Ok($id: ID!) { order(id: $id) { id attribution } }")).toEqual([]);
    const p = run("query Old($id: ID!) { order(id: $id) { channel items(kind: B, old: 1) } }");
    expect(p).toHaveLength(3);
    expect(p[0]).toBe("Old (app/x.ts:3) in admin-test: The field Order.channel is deprecated. Use `attribution` instead.");
    expect(p.join(" ")).toMatch(/argument "old"/);
    expect(p.join(" ")).toMatch(/enum value "Kind.B"/);
  });

  it("reports a document that does not validate or parse", () => {
    expect(run("query Bad { order(id: 1) { nope } }")[0]).toMatch(/Bad \(app\/x\.ts:3\) does not validate against admin-test/);
    expect(run("query {")[0]).toMatch(/is not a GraphQL document/);
  });
});

describe("bundleBudgetProblems", () => {
  it("names each extension over budget with both sizes", () => {
    expect(bundleBudgetProblems([{ name: "a", gzip: 1000 }, { name: "b", gzip: 17 * 1024 }], 16 * 1024)).toEqual([
      "The b extension is 17.0 KB compressed, over its 16.0 KB budget.",
    ]);
  });
});

describe("complianceTopicProblems", () => {
  const routes = new Set(["app/routes/webhooks.customers.data_request.tsx", "app/routes/webhooks.customers.redact.tsx", "app/routes/webhooks.shop.redact.tsx"]);
  const exists = (uri: string) => routeFileExists(routes, uri);

  it("passes the three topics with routes", () => {
    expect(complianceTopicProblems(config(), exists)).toEqual([]);
  });

  it("names a missing topic and a topic no route answers", () => {
    const subs = config().subscriptions.filter((s) => !s.complianceTopics.includes("shop/redact"));
    expect(complianceTopicProblems(config({ subscriptions: subs }), exists)).toEqual(["shopify.app.toml does not subscribe to the mandatory compliance topic shop/redact."]);
    expect(complianceTopicProblems(config(), () => false)[0]).toMatch(/sends customers\/data_request to \/webhooks\/customers\/data_request, but no route answers it/);
  });
});

describe("webhookApiVersionProblems", () => {
  it("requires [webhooks] api_version to be the app's Admin API version", () => {
    expect(webhookApiVersionProblems(config(), "2026-07")).toEqual([]);
    expect(webhookApiVersionProblems(config({ webhooksApiVersion: "2025-10" }), "2026-07")[0]).toMatch(/api_version is 2025-10, but the app speaks Admin API 2026-07/);
    expect(webhookApiVersionProblems(config({ webhooksApiVersion: undefined }), "2026-07")[0]).toMatch(/has no \[webhooks\] api_version/);
    expect(webhookApiVersionProblems(config(), undefined)[0]).toMatch(/could not be read/);
  });
});

describe("API version end of life", () => {
  it("is 12 months after the quarter's release plus 30 days of grace", () => {
    expect(apiVersionEnds("2026-07")?.toISOString()).toBe("2027-07-31T00:00:00.000Z");
    expect(apiVersionEnds("unstable")).toBeNull();
    expect(apiVersionEnds("2026-05")).toBeNull();
  });

  it("flags a version past it, and a name that is not a stable version", () => {
    const v = [{ where: "server", version: "2026-07" }];
    expect(apiVersionEolProblems(v, new Date("2027-07-30T23:59:59Z"))).toEqual([]);
    expect(apiVersionEolProblems(v, new Date("2027-07-31T00:00:00Z"))[0]).toBe("server uses API version 2026-07, no longer served since 2027-07-31.");
    expect(apiVersionEolProblems([{ where: "toml", version: "unstable" }], new Date())[0]).toMatch(/not a stable release/);
  });
});
