// Test setup shared by the suites that drive the app's real routes against the Shopify stand-in: point the
// app's configuration at the stand-in, then store the shop's offline access token the way token exchange at
// install leaves it (a real exchange at the stand-in, with a session token it minted, for an expiring
// offline token and its refresh token, as the library asks with expiringOfflineAccessTokens).
import { createRepos } from "~/db";
import { createTestDatabase, type TestDatabase } from "~/db/test-db";
import { getPreset } from "~/returns";
import { startStandin, type Standin, type StandinOptions } from "../../standin";
import { configureAppUnderTest } from "./app-under-test";

export interface InstalledAppOptions {
  db: Pick<TestDatabase, "prisma" | "url">;
  standin: Pick<Standin, "url" | "shop" | "mintAdminSessionToken">;
  apiKey: string;
  apiSecret: string;
  appUrl: string;
  scopes: string;
  /** Where the app sends https://<shop> requests: the stand-in, or a proxy in front of it. */
  adminOrigin?: string;
}

export async function installAppAtStandin(o: InstalledAppOptions): Promise<{ accessToken: string; refreshToken: string; scope: string }> {
  configureAppUnderTest({ apiKey: o.apiKey, apiSecret: o.apiSecret, appUrl: o.appUrl, scopes: o.scopes, databaseUrl: o.db.url, adminOrigin: o.adminOrigin ?? o.standin.url });
  const res = await fetch(`${o.standin.url}/admin/oauth/access_token`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({
      client_id: o.apiKey,
      client_secret: o.apiSecret,
      grant_type: "urn:ietf:params:oauth:grant-type:token-exchange",
      subject_token: o.standin.mintAdminSessionToken(),
      subject_token_type: "urn:ietf:params:oauth:token-type:id_token",
      requested_token_type: "urn:shopify:params:oauth:token-type:offline-access-token",
      expiring: "1",
    }),
  });
  if (!res.ok) throw new Error(`token exchange at the stand-in failed: HTTP ${res.status} ${await res.text()}`);
  const token = (await res.json()) as { access_token: string; scope: string; expires_in: number; refresh_token: string; refresh_token_expires_in: number };
  const now = Date.now();
  await o.db.prisma.session.create({
    data: {
      id: `offline_${o.standin.shop}`,
      shop: o.standin.shop,
      state: "",
      isOnline: false,
      accessToken: token.access_token,
      scope: token.scope,
      expires: new Date(now + token.expires_in * 1000),
      refreshToken: token.refresh_token,
      refreshTokenExpires: new Date(now + token.refresh_token_expires_in * 1000),
    },
  });
  return { accessToken: token.access_token, refreshToken: token.refresh_token, scope: token.scope };
}

export interface AppWithStandin {
  db: TestDatabase;
  standin: Standin;
  /** Closes the stand-in, then drops the database. */
  close(): Promise<void>;
}

export interface AppWithStandinOptions {
  apiKey: string;
  apiSecret: string;
  scopes: string;
  appUrl?: string;
  standin?: Omit<Partial<StandinOptions>, "apiKey" | "apiSecret">;
}

/**
 * A fresh migrated database and a stand-in (demo seed, no webhook subscriptions unless `standin` says
 * otherwise), with the app's env pointing at both; the app is not installed yet (see startInstalledApp).
 */
export async function startAppWithStandin(o: AppWithStandinOptions): Promise<AppWithStandin> {
  const db = await createTestDatabase();
  try {
    const standin = await startStandin({ apiKey: o.apiKey, apiSecret: o.apiSecret, webhooks: [], seed: "demo", ...o.standin });
    configureAppUnderTest({ apiKey: o.apiKey, apiSecret: o.apiSecret, appUrl: o.appUrl ?? "https://returns.example.com", scopes: o.scopes, databaseUrl: db.url, adminOrigin: standin.url });
    return { db, standin, close: async () => { await standin.close(); await db.cleanup(); } };
  } catch (e) {
    await db.cleanup();
    throw e;
  }
}

export interface InstalledApp extends AppWithStandin {
  accessToken: string;
  refreshToken: string;
  scope: string;
}

/** startAppWithStandin, then the app installed at the stand-in as token exchange leaves it (installAppAtStandin). */
export async function startInstalledApp(o: AppWithStandinOptions): Promise<InstalledApp> {
  const app = await startAppWithStandin(o);
  try {
    const token = await installAppAtStandin({ ...app, apiKey: o.apiKey, apiSecret: o.apiSecret, appUrl: o.appUrl ?? "https://returns.example.com", scopes: o.scopes });
    return { ...app, ...token };
  } catch (e) {
    await app.close();
    throw e;
  }
}

/**
 * Saves the shop's first policy: standard-30-day with manual approval, so requests stay "requested" (orders
 * that predate it are judged by it as the earliest version; see policyForOrder).
 */
export async function saveManualApprovalPolicy(db: Pick<TestDatabase, "prisma">, shop: string, createdBy = "test"): Promise<void> {
  const manual = { ...getPreset("standard-30-day")!, approval: { mode: "manual" as const } };
  await createRepos(db.prisma).policies.saveNewVersion(shop, { policy: manual, presetId: "standard-30-day", createdBy, now: new Date() });
}
