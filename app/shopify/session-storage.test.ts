// The library's view of stored sessions: it can never renew an offline token itself (no refresh token in
// its copies), a non-expiring token looks expired so an admin page load replaces it, and none of its
// writes of a stale copy can wipe a pair renewed meanwhile. SQLite, or PostgreSQL via DATABASE_URL.
import { Session } from "@shopify/shopify-api";
import { PrismaSessionStorage } from "@shopify/shopify-app-session-storage-prisma";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "~/db/test-db";
import { LibrarySessionStorage } from "./session-storage.server";

const SHOP = "view-shop.myshopify.com";
const ID = `offline_${SHOP}`;
const NOW = new Date("2026-11-20T00:00:00.000Z");
let db: TestDatabase;
let storage: LibrarySessionStorage;

beforeAll(async () => {
  db = await createTestDatabase();
  storage = new LibrarySessionStorage(new PrismaSessionStorage(db.prisma, { connectionRetries: 1, connectionRetryIntervalMs: 10 }), db.prisma, () => NOW);
});
afterAll(() => db.cleanup());

const pair = (n: number) => ({
  accessToken: `shpat_${n}`,
  expires: new Date(NOW.getTime() + 3_600_000),
  refreshToken: `shprt_${n}`,
  refreshTokenExpires: new Date(NOW.getTime() + 90 * 86_400_000),
});

beforeEach(async () => {
  await db.prisma.session.deleteMany({});
  await db.prisma.session.create({ data: { id: ID, shop: SHOP, state: "", isOnline: false, scope: "read_orders", ...pair(1) } });
});

const row = () => db.prisma.session.findUniqueOrThrow({ where: { id: ID } });

describe("LibrarySessionStorage", () => {
  it("hands the library an offline session without its refresh token, so the library never refreshes it", async () => {
    const view = (await storage.loadSession(ID))!;
    expect(view.accessToken).toBe("shpat_1");
    expect(view.expires?.toISOString()).toBe(pair(1).expires.toISOString());
    expect(view.refreshToken).toBeUndefined();
    expect(view.refreshTokenExpires).toBeUndefined();
    expect((await row()).refreshToken).toBe("shprt_1");
  });

  it("shows a non-expiring token as expired, so authenticate.admin replaces it by token exchange", async () => {
    await db.prisma.session.update({ where: { id: ID }, data: { expires: null, refreshToken: null, refreshTokenExpires: null } });
    const view = (await storage.loadSession(ID))!;
    expect(view.isActive(undefined)).toBe(false);
    expect((await row()).expires).toBeNull();
  });

  it("an invalidated copy (401 in an admin request) marks the stored token expired and keeps the refresh token", async () => {
    const view = (await storage.loadSession(ID))!;
    view.accessToken = undefined;
    await storage.storeSession(view);
    expect(await row()).toMatchObject({ accessToken: "shpat_1", expires: NOW, refreshToken: "shprt_1" });
  });

  it("a stale copy stored after a renewal (app/scopes_update) changes the scope only, never the pair", async () => {
    const view = (await storage.loadSession(ID))!;
    await db.prisma.session.update({ where: { id: ID }, data: pair(2) }); // renewed meanwhile
    view.scope = "read_orders,write_returns";
    await storage.storeSession(view);
    expect(await row()).toMatchObject({ ...pair(2), scope: "read_orders,write_returns" });
  });

  it("a new grant (token exchange) is stored whole; online sessions pass through", async () => {
    await storage.storeSession(new Session({ id: ID, shop: SHOP, state: "", isOnline: false, scope: "read_orders", ...pair(3) }));
    expect(await row()).toMatchObject(pair(3));
    const online = new Session({ id: `${SHOP}_7`, shop: SHOP, state: "", isOnline: true, accessToken: "shpua_1", expires: pair(1).expires });
    await storage.storeSession(online);
    expect((await storage.loadSession(online.id))?.accessToken).toBe("shpua_1");
  });
});
