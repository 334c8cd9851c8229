/**
 * The session storage the Shopify library gets (shopify.server.ts): PrismaSessionStorage, with the
 * library kept out of renewing offline tokens, which app/shopify/offline-tokens.ts alone does under a
 * lease (docs/decisions/120-expiring-offline-tokens.md).
 *
 * - loadSession of an offline session hands the library a copy without the refresh token, so its own
 *   unserialised refresh (ensureValidOfflineSession in webhook/unauthenticated paths) never runs; an
 *   admin request whose token is about to expire does what the library does anyway: a token exchange with
 *   the session token, stored here. A non-expiring token is shown as expired, so the merchant's next
 *   admin page load replaces it with an expiring pair.
 * - storeSession never lets a stale copy wipe a stored pair: a copy without an access token (the
 *   library invalidating one after a 401) only marks the stored token expired, so the next use renews it;
 *   a copy without a refresh token (one handed out here, e.g. to app/scopes_update) only updates the other
 *   columns (scope), even if the pair was renewed since. A new grant (token exchange) is stored whole.
 */
import { Session } from "@shopify/shopify-api";
import type { SessionStorage } from "@shopify/shopify-app-session-storage";
import type { PrismaClient } from "~/db.server";

export class LibrarySessionStorage implements SessionStorage {
  constructor(
    private readonly inner: SessionStorage,
    private readonly db: Pick<PrismaClient, "session">,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async loadSession(id: string): Promise<Session | undefined> {
    const session = await this.inner.loadSession(id);
    if (!session || session.isOnline) return session;
    const view = new Session({ ...session.toObject(), refreshToken: undefined, refreshTokenExpires: undefined });
    if (!view.expires) view.expires = new Date(0);
    return view;
  }

  async storeSession(session: Session): Promise<boolean> {
    if (session.isOnline) return this.inner.storeSession(session);
    if (!session.accessToken) {
      await this.db.session.updateMany({ where: { id: session.id, shop: session.shop, refreshToken: { not: null } }, data: { expires: this.now() } });
      return true;
    }
    if (!session.refreshToken) {
      // A copy this class handed out (no refresh token): of the stored token, or of one renewed since.
      const stored = await this.db.session.findFirst({ where: { id: session.id, shop: session.shop }, select: { accessToken: true, refreshToken: true } });
      if (stored && (stored.accessToken === session.accessToken || stored.refreshToken !== null)) {
        await this.db.session.updateMany({ where: { id: session.id, shop: session.shop }, data: { scope: session.scope ?? null, state: session.state } });
        return true;
      }
    }
    return this.inner.storeSession(session);
  }

  deleteSession(id: string): Promise<boolean> {
    return this.inner.deleteSession(id);
  }

  deleteSessions(ids: string[]): Promise<boolean> {
    return this.inner.deleteSessions(ids);
  }

  findSessionsByShop(shop: string): Promise<Session[]> {
    return this.inner.findSessionsByShop(shop);
  }
}
