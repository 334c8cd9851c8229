// The Session model must be exactly what @shopify/shopify-app-session-storage-prisma needs:
// exercise the real storage class against a migrated database (SQLite, or PostgreSQL via DATABASE_URL).
import { Session } from "@shopify/shopify-api";
import { PrismaSessionStorage } from "@shopify/shopify-app-session-storage-prisma";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "./test-db";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.cleanup());

describe(`Session model with PrismaSessionStorage (${process.env.DATABASE_URL ? "DATABASE_URL" : "sqlite"})`, () => {
  it("stores, loads, finds by shop and deletes offline and online sessions", async () => {
    const storage = new PrismaSessionStorage(db.prisma, { connectionRetries: 1, connectionRetryIntervalMs: 10 });
    expect(await storage.isReady()).toBe(true);

    const offline = new Session({
      id: "offline_a.myshopify.com",
      shop: "a.myshopify.com",
      state: "state-1",
      isOnline: false,
      scope: "read_orders,write_returns",
      accessToken: "shpat_x",
    });
    const online = new Session({
      id: "a.myshopify.com_42",
      shop: "a.myshopify.com",
      state: "state-2",
      isOnline: true,
      scope: "read_orders",
      expires: new Date("2030-01-02T03:04:05.000Z"),
      accessToken: "shpua_y",
      onlineAccessInfo: {
        expires_in: 86_400,
        associated_user_scope: "read_orders",
        associated_user: {
          id: 9_007_199_254_740, // larger than int32: userId is BigInt
          first_name: "Ada",
          last_name: "Lovelace",
          email: "ada@example.com",
          email_verified: true,
          account_owner: true,
          locale: "en",
          collaborator: false,
        },
      },
    });
    expect(await storage.storeSession(offline)).toBe(true);
    expect(await storage.storeSession(online)).toBe(true);
    // upsert path
    expect(await storage.storeSession(offline)).toBe(true);

    const loadedOffline = await storage.loadSession(offline.id);
    expect(loadedOffline?.toObject()).toEqual(offline.toObject());
    const loadedOnline = await storage.loadSession(online.id);
    expect(loadedOnline?.expires?.toISOString()).toBe("2030-01-02T03:04:05.000Z");
    expect(loadedOnline?.onlineAccessInfo?.associated_user.id).toBe(9_007_199_254_740);
    expect(loadedOnline?.onlineAccessInfo?.associated_user.email).toBe("ada@example.com");
    expect(loadedOnline?.onlineAccessInfo?.associated_user.account_owner).toBe(true);

    const byShop = await storage.findSessionsByShop("a.myshopify.com");
    expect(byShop.map((s) => s.id).sort()).toEqual([online.id, offline.id].sort());
    expect(await storage.findSessionsByShop("b.myshopify.com")).toEqual([]);

    await storage.deleteSession(online.id);
    expect(await storage.loadSession(online.id)).toBeUndefined();
    await storage.deleteSessions([offline.id]);
    expect(await db.prisma.session.count()).toBe(0);
  });
});
