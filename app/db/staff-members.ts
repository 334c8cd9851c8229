// The names of the shop's staff who acted in the app (prisma model StaffMember): learned from Shopify at an
// action (app/shopify/staff-names.server.ts), read to name the actor "staff:<userId>" on screens and in the CSV.
import { requireDate, requireShop, requireString, type Db } from "./shared";

/** A stored event actor for a staff member: "staff:<userId>" (the admin session token's `sub`). */
export const staffActor = (userId: string) => `staff:${userId}`;

export function createStaffMembersRepo(db: Db) {
  return {
    /** When the name of one staff member was last learned, null when never. */
    async learnedAt(shop: string, userId: string): Promise<Date | null> {
      const row = await db.staffMember.findUnique({ where: { shop_userId: { shop: requireShop(shop), userId: requireString("userId", userId, { max: 40 }) } }, select: { updatedAt: true } });
      return row?.updatedAt ?? null;
    },

    async record(shop: string, userId: string, name: string, now: Date): Promise<void> {
      const s = requireShop(shop);
      const id = requireString("userId", userId, { max: 40 });
      const data = { name: requireString("name", name, { max: 200, clean: true }), updatedAt: requireDate("now", now) };
      await db.staffMember.upsert({ where: { shop_userId: { shop: s, userId: id } }, create: { shop: s, userId: id, ...data }, update: data });
    },

    /**
     * Names by stored actor ("staff:<userId>" → name) for the actors given; others ("customer:…", "auto",
     * "staff:unknown", a staff member never learned) are left out, and read as "Staff" by the screens.
     */
    async namesFor(shop: string, actors: readonly string[]): Promise<Record<string, string>> {
      const ids = [...new Set(actors.filter((a) => a.startsWith("staff:")).map((a) => a.slice("staff:".length)))].filter((id) => /^\d+$/.test(id));
      if (!ids.length) return {};
      const rows = await db.staffMember.findMany({ where: { shop: requireShop(shop), userId: { in: ids } }, select: { userId: true, name: true } });
      return Object.fromEntries(rows.map((r) => [staffActor(r.userId), r.name]));
    },
  };
}
