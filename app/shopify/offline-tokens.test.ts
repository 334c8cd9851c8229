/**
 * Renewing offline access tokens against the stand-in's real token endpoint (rotation with the previous
 * refresh token retained until its replacement is used, migration of non-expiring tokens) and a fresh
 * migrated database. "Two processes" are two service instances with their own database clients and
 * lease holders. Runs on SQLite, and on PostgreSQL when DATABASE_URL=postgresql://...
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createPrismaClient, type PrismaClient } from "~/db/client";
import { createTestDatabase, type TestDatabase } from "~/db/test-db";
import { offlineAdminClient } from "./admin-client";
import { SHOP_INFO } from "./operations";
import {
  createOfflineTokens,
  httpOfflineGrants,
  migrateNonExpiringOfflineTokens,
  ReauthRequiredError,
  type OfflineGrants,
  type OfflineTokensOptions,
} from "./offline-tokens";
import { startStandin, type Standin } from "../../standin";

const SHOP = "demo-returns.myshopify.com";
const KEY = "tokens-key";
const SECRET = "tokens-secret-0123456789";
const HOUR = 3_600_000;
const OFFLINE = "urn:shopify:params:oauth:token-type:offline-access-token";

let db: TestDatabase;
let standin: Standin;
let env: { SHOPIFY_ADMIN_ORIGIN: string };
// Shopify's clock and the app's; most tests move both together.
const START = Date.parse("2026-11-20T00:00:00Z");
let shopifyNow = START;
let appNow = START;
const clients: PrismaClient[] = [];
const calls = { refresh: 0, migrate: 0 };

const counting: typeof fetch = async (input, init) => {
  const body = JSON.parse(String(init?.body ?? "{}")) as { grant_type?: string; subject_token_type?: string };
  if (body.grant_type === "refresh_token") calls.refresh++;
  if (body.subject_token_type === OFFLINE) calls.migrate++;
  return fetch(input, init);
};

function grants(): OfflineGrants {
  return httpOfflineGrants({ apiKey: KEY, apiSecret: SECRET, env, fetch: counting, now: () => new Date(appNow) });
}

/**
 * A service as one process would hold it: its own lease holder and, on PostgreSQL, its own connection
 * pool. (On SQLite two clients in one process would block each other in better-sqlite3's synchronous busy
 * wait; separate processes do not, so the in-process "processes" share the file's one client.)
 */
function processTokens(name: string, o: Partial<OfflineTokensOptions> = {}) {
  let prisma = db.prisma;
  if (db.provider === "postgresql") {
    prisma = createPrismaClient(db.url);
    clients.push(prisma);
  }
  return createOfflineTokens({ db: prisma, grants: grants(), now: () => new Date(appNow), holder: name, pollMs: 10, ...o });
}

interface TokenAnswer {
  access_token: string;
  scope: string;
  expires_in: number;
  refresh_token: string;
  refresh_token_expires_in: number;
}

async function post(body: Record<string, string>) {
  const res = await fetch(`${standin.url}/admin/oauth/access_token`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ client_id: KEY, client_secret: SECRET, ...body }),
  });
  return { status: res.status, body: (await res.json()) as TokenAnswer };
}

/** Install: a token exchange at the stand-in, stored as the library stores it. */
async function install({ expiring = true } = {}) {
  const r = await post({
    grant_type: "urn:ietf:params:oauth:grant-type:token-exchange",
    subject_token: standin.mintAdminSessionToken(),
    subject_token_type: "urn:ietf:params:oauth:token-type:id_token",
    requested_token_type: OFFLINE,
    ...(expiring ? { expiring: "1" } : {}),
  });
  expect(r.status).toBe(200);
  const data = {
    shop: SHOP,
    state: "",
    isOnline: false,
    accessToken: r.body.access_token,
    scope: r.body.scope,
    expires: expiring ? new Date(appNow + r.body.expires_in * 1000) : null,
    refreshToken: expiring ? r.body.refresh_token : null,
    refreshTokenExpires: expiring ? new Date(appNow + r.body.refresh_token_expires_in * 1000) : null,
  };
  await db.prisma.session.upsert({ where: { id: `offline_${SHOP}` }, create: { id: `offline_${SHOP}`, ...data }, update: data });
  return { accessToken: r.body.access_token as string, refreshToken: r.body.refresh_token as string };
}

const stored = () => db.prisma.session.findUniqueOrThrow({ where: { id: `offline_${SHOP}` } });
const refreshAtShopify = (refreshToken: string) => post({ grant_type: "refresh_token", refresh_token: refreshToken });
const works = async (token: string) =>
  (await fetch(`${standin.url}/admin/api/2026-07/graphql.json`, { method: "POST", headers: { "Content-Type": "application/json", "X-Shopify-Access-Token": token }, body: JSON.stringify({ query: SHOP_INFO }) })).status;

beforeAll(async () => {
  db = await createTestDatabase();
  standin = await startStandin({ apiKey: KEY, apiSecret: SECRET, seed: "empty", webhooks: [], clock: () => new Date(shopifyNow) });
  env = { SHOPIFY_ADMIN_ORIGIN: standin.url };
}, 60_000);

beforeEach(() => {
  shopifyNow = START;
  appNow = START;
});

afterEach(async () => {
  calls.refresh = 0;
  calls.migrate = 0;
  await db.prisma.offlineTokenRefresh.deleteMany({});
});

afterAll(async () => {
  await Promise.all(clients.map((c) => c.$disconnect()));
  await standin?.close();
  await db?.cleanup();
});

const advance = (ms: number) => {
  shopifyNow += ms;
  appNow += ms;
};

describe("offline access tokens", () => {
  it("uses the stored token while it is fresh; within 5 minutes of expiry refreshes it once and stores the new pair", async () => {
    const installed = await install();
    const tokens = processTokens("p1");
    expect(await tokens.accessToken(SHOP)).toBe(installed.accessToken);
    advance(HOUR - 4 * 60_000);
    const renewed = await tokens.accessToken(SHOP);
    expect(renewed).not.toBe(installed.accessToken);
    expect(calls.refresh).toBe(1);
    const row = await stored();
    expect(row).toMatchObject({ accessToken: renewed, expires: new Date(appNow + HOUR) });
    expect(row.refreshToken).not.toBe(installed.refreshToken);
    expect(await works(renewed)).toBe(200);
    expect(await tokens.accessToken(SHOP)).toBe(renewed);
    expect(calls.refresh).toBe(1);
  });

  it("two processes renewing one shop at once: one refresh at Shopify, one stored pair, and it keeps working", async () => {
    await install();
    advance(2 * HOUR);
    const a = processTokens("a");
    const b = processTokens("b");
    const got = await Promise.all([a.accessToken(SHOP), b.accessToken(SHOP), a.afterUnauthorized(SHOP, "shpat_old"), b.accessToken(SHOP)]);
    expect(new Set(got).size).toBe(1);
    expect(calls.refresh).toBe(1);
    expect((await stored()).accessToken).toBe(got[0]);
    expect(await works(got[0]!)).toBe(200);
    advance(2 * HOUR);
    expect(await works(await b.accessToken(SHOP))).toBe(200);
    expect(calls.refresh).toBe(2);
  });

  it("a holder whose lease ran out mid-refresh loses the compare-and-set and adopts the pair stored meanwhile", async () => {
    await install();
    advance(2 * HOUR);
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let entered!: () => void;
    const inside = new Promise<void>((r) => (entered = r));
    const inner = grants();
    const slow = createOfflineTokens({
      db: db.prisma,
      grants: {
        ...inner,
        refresh: async (shop, rt) => {
          entered();
          await gate;
          return inner.refresh(shop, rt);
        },
      },
      now: () => new Date(appNow),
      holder: "slow",
      leaseMs: 1_000,
    });
    const slowToken = slow.accessToken(SHOP);
    await inside;
    appNow += 2_000; // the slow holder's lease has run out
    const fast = processTokens("fast");
    const fastToken = await fast.accessToken(SHOP);
    const storedByFast = await stored();
    release(); // Shopify accepts the same (retained) refresh token again; the stored pair is not the slow one's
    expect(await slowToken).toBe(fastToken);
    expect(calls.refresh).toBe(2);
    expect(await stored()).toMatchObject({ accessToken: fastToken, refreshToken: storedByFast.refreshToken });
    advance(2 * HOUR);
    const next = await fast.accessToken(SHOP);
    expect(await works(next)).toBe(200);
  });

  it("a process that died after Shopify answered, before storing, is recovered with the retained refresh token", async () => {
    const installed = await install();
    advance(2 * HOUR);
    // the dead process: it took the lease, Shopify rotated the token, the answer was never stored
    await db.prisma.offlineTokenRefresh.create({ data: { shop: SHOP, holder: "dead", leaseUntil: new Date(appNow + 30_000), updatedAt: new Date(appNow) } });
    const lost = await refreshAtShopify(installed.refreshToken);
    expect(lost.status).toBe(200);
    const tokens = processTokens("survivor", { leaseMs: 30_000, pollMs: 5_000, sleep: async (ms) => void (appNow += ms) });
    const recovered = await tokens.accessToken(SHOP);
    expect(recovered).not.toBe(lost.body.access_token);
    expect(await works(recovered)).toBe(200);
    expect((await stored()).refreshToken).not.toBe(installed.refreshToken);
    // moving on with the stored pair retires the old refresh token and the lost pair's
    advance(2 * HOUR);
    expect(await works(await tokens.accessToken(SHOP))).toBe(200);
    expect((await refreshAtShopify(installed.refreshToken)).status).toBe(401);
    expect((await refreshAtShopify(lost.body.refresh_token)).status).toBe(401);
  });

  it("a refresh token Shopify refuses needs re-auth: a clear error, not sent again; a new grant at the next admin load fixes it", async () => {
    const installed = await install();
    // someone else spent it twice over (the stored one is now retired at Shopify)
    const other = await refreshAtShopify(installed.refreshToken);
    expect((await refreshAtShopify(other.body.refresh_token)).status).toBe(200);
    advance(2 * HOUR);
    const tokens = processTokens("p");
    const failure = await tokens.accessToken(SHOP).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ReauthRequiredError);
    expect((failure as Error).message).toMatch(/cannot be renewed .*This request requires an active refresh_token.*open the app/);
    expect(calls.refresh).toBe(1);
    await expect(tokens.accessToken(SHOP)).rejects.toThrow(/refused the stored credential earlier/);
    expect(calls.refresh).toBe(1);
    const fresh = await install(); // what authenticate.admin's token exchange stores
    expect(await tokens.accessToken(SHOP)).toBe(fresh.accessToken);
  });

  it("an expired refresh token is not sent at all", async () => {
    await install();
    advance(91 * 24 * HOUR);
    await expect(processTokens("p").accessToken(SHOP)).rejects.toThrow(/the refresh token expired/);
    expect(calls.refresh).toBe(0);
  });

  it("a shop still holding a non-expiring token is migrated once, even when asked at once; a lost answer is recovered", async () => {
    const old = await install({ expiring: false });
    expect(await works(old.accessToken)).toBe(403);
    // a first migration whose answer was lost
    const lost = await post({ grant_type: "urn:ietf:params:oauth:grant-type:token-exchange", subject_token: old.accessToken, subject_token_type: OFFLINE, requested_token_type: OFFLINE, expiring: "1" });
    expect(lost.status).toBe(200);
    const [a, b] = [processTokens("a"), processTokens("b")];
    const got = await Promise.all([a.accessToken(SHOP), b.accessToken(SHOP)]);
    expect(got).toEqual([lost.body.access_token, lost.body.access_token]);
    expect(calls.migrate).toBe(1);
    expect(await stored()).toMatchObject({ accessToken: lost.body.access_token, refreshToken: lost.body.refresh_token, expires: new Date(appNow + HOUR) });
    expect(await works(got[0]!)).toBe(200);
    expect(await works(old.accessToken)).toBe(401);
  });

  it("at server start every shop still on a non-expiring token is migrated; then there is nothing to do", async () => {
    const old = await install({ expiring: false });
    await db.prisma.session.create({ data: { id: "offline_gone.myshopify.com", shop: "gone.myshopify.com", state: "", isOnline: false, accessToken: "shpat_gone" } });
    const logged: string[] = [];
    const tokens = processTokens("start");
    expect(await migrateNonExpiringOfflineTokens(db.prisma, tokens, (m) => logged.push(m))).toBe(1);
    expect(logged).toEqual([expect.stringMatching(/^offline token of gone\.myshopify\.com not migrated: /)]);
    const row = await stored();
    expect(row.accessToken).not.toBe(old.accessToken);
    expect(row.refreshToken).not.toBeNull();
    expect(await works(row.accessToken)).toBe(200);
    await db.prisma.session.delete({ where: { id: "offline_gone.myshopify.com" } });
    expect(await migrateNonExpiringOfflineTokens(db.prisma, tokens)).toBe(0);
    expect(calls.migrate).toBe(2); // one per shop, none the second time
  });

  it("a 401 from the Admin API renews the token and repeats the call once; a second refusal is an error, not a loop", async () => {
    await install();
    shopifyNow += 2 * HOUR; // Shopify's clock says the token expired; the app's says it is fresh
    const tokens = processTokens("p");
    const admin = offlineAdminClient({ shop: SHOP, accessToken: tokens.source(SHOP), env }, { sleep: async () => {} });
    const data = await admin.request(SHOP_INFO);
    expect(data.shop.myshopifyDomain).toBe(SHOP);
    expect(calls.refresh).toBe(1);
    // uninstalled at Shopify: the (still fresh) token and the refresh token are dead
    await fetch(`${standin.url}/_standin/uninstall`, { method: "POST" });
    await expect(admin.request(SHOP_INFO)).rejects.toBeInstanceOf(ReauthRequiredError);
    expect(calls.refresh).toBe(2);
  });
});
