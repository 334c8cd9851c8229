// The shop's offline access token as stored (the library's Session row `offline_<shop>`), and what
// renewing it needs: a compare-and-set replace of the token set, and a per-shop lease so one process at a
// time spends a refresh token (docs/decisions/120-expiring-offline-tokens.md). Compare-and-set with
// `updateMany`, as elsewhere (docs/decisions/030), so it behaves the same on SQLite and PostgreSQL.
import { isUniqueViolation, requireDate, requireInt, requireShop, requireString, type Db } from "./shared";

/** The credential columns of the shop's offline Session row. */
export interface StoredOfflineToken {
  /** "" when the library invalidated it */
  accessToken: string;
  scope: string | null;
  /** null: a non-expiring token (to be migrated) */
  expires: Date | null;
  refreshToken: string | null;
  refreshTokenExpires: Date | null;
}

/** A fresh expiring pair from Shopify (refresh or migration). */
export interface OfflineTokenGrant {
  accessToken: string;
  scope: string | null;
  expires: Date;
  refreshToken: string;
  refreshTokenExpires: Date;
}

/** What the stored row must still hold for a grant to replace it: the credential the grant spent. */
export type SpentCredential = { refreshToken: string } | { nonExpiringAccessToken: string };

export const offlineSessionId = (shop: string) => `offline_${shop}`;

export function createOfflineTokensRepo(db: Db) {
  return {
    async load(shop: string): Promise<StoredOfflineToken | null> {
      const s = requireShop(shop);
      const row = await db.session.findFirst({
        where: { id: offlineSessionId(s), shop: s },
        select: { accessToken: true, scope: true, expires: true, refreshToken: true, refreshTokenExpires: true },
      });
      return row;
    },

    /**
     * Stores `grant` only if the row still holds `spent` (nobody stored a newer pair meanwhile, e.g. a token
     * exchange at an admin page load). One statement: the pair is never half written.
     */
    async replace(shop: string, spent: SpentCredential, grant: OfflineTokenGrant): Promise<boolean> {
      const s = requireShop(shop);
      const where =
        "refreshToken" in spent
          ? { id: offlineSessionId(s), shop: s, refreshToken: requireString("refreshToken", spent.refreshToken, { max: 4096 }) }
          : { id: offlineSessionId(s), shop: s, refreshToken: null, expires: null, accessToken: requireString("accessToken", spent.nonExpiringAccessToken, { max: 4096 }) };
      const res = await db.session.updateMany({
        where,
        data: {
          accessToken: requireString("accessToken", grant.accessToken, { max: 4096 }),
          ...(grant.scope ? { scope: grant.scope } : {}),
          expires: requireDate("expires", grant.expires),
          refreshToken: requireString("refreshToken", grant.refreshToken, { max: 4096 }),
          refreshTokenExpires: requireDate("refreshTokenExpires", grant.refreshTokenExpires),
        },
      });
      return res.count === 1;
    },

    /** Takes the shop's renewal lease for `holder` until now + leaseMs, if nobody holds an unexpired one. */
    async acquireLease(shop: string, holder: string, now: Date, leaseMs: number): Promise<boolean> {
      const s = requireShop(shop);
      const h = requireString("holder", holder, { max: 255 });
      const at = requireDate("now", now);
      const until = new Date(at.getTime() + requireInt("leaseMs", leaseMs, { min: 1 }));
      const taken = await db.offlineTokenRefresh.updateMany({
        where: { shop: s, OR: [{ leaseUntil: null }, { leaseUntil: { lte: at } }] },
        data: { holder: h, leaseUntil: until, updatedAt: at },
      });
      if (taken.count === 1) return true;
      try {
        await db.offlineTokenRefresh.create({ data: { shop: s, holder: h, leaseUntil: until, updatedAt: at } });
        return true;
      } catch (e) {
        if (isUniqueViolation(e)) return false; // the row exists and its lease is held
        throw e;
      }
    },

    /** Gives the lease back, if `holder` still has it. */
    async releaseLease(shop: string, holder: string, now: Date): Promise<void> {
      await db.offlineTokenRefresh.updateMany({
        where: { shop: requireShop(shop), holder: requireString("holder", holder, { max: 255 }) },
        data: { holder: null, leaseUntil: null, updatedAt: requireDate("now", now) },
      });
    },

    /** sha256 of the credential Shopify last refused for the shop, or null. */
    async refusedHash(shop: string): Promise<string | null> {
      const row = await db.offlineTokenRefresh.findUnique({ where: { shop: requireShop(shop) }, select: { refusedHash: true } });
      return row?.refusedHash ?? null;
    },

    async markRefused(shop: string, hash: string, now: Date): Promise<void> {
      const s = requireShop(shop);
      const at = requireDate("now", now);
      const refusedHash = requireString("hash", hash, { max: 128 });
      await db.offlineTokenRefresh.upsert({
        where: { shop: s },
        create: { shop: s, refusedHash, refusedAt: at, updatedAt: at },
        update: { refusedHash, refusedAt: at, updatedAt: at },
      });
    },
  };
}

export type OfflineTokensRepo = ReturnType<typeof createOfflineTokensRepo>;
