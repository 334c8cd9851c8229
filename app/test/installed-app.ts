// Test setup shared by the suites that drive the app's real routes against the Shopify stand-in: point the
// app's configuration at the stand-in, then store the shop's offline access token the way token exchange at
// install leaves it (a real exchange at the stand-in, with a session token it minted, for an expiring
// offline token and its refresh token, as the library asks with expiringOfflineAccessTokens).
import type { TestDatabase } from "~/db/test-db";
import type { Standin } from "../../standin";

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
  Object.assign(process.env, {
    SHOPIFY_API_KEY: o.apiKey,
    SHOPIFY_API_SECRET: o.apiSecret,
    SHOPIFY_APP_URL: o.appUrl,
    SCOPES: o.scopes,
    DATABASE_URL: o.db.url,
    SHOPIFY_ADMIN_ORIGIN: o.adminOrigin ?? o.standin.url,
  });
  // app/db.server.ts keeps one client per process; the next import must open this test's database.
  (globalThis as { prismaGlobal?: unknown }).prismaGlobal = undefined;
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
