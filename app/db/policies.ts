// Policy versions are append-only. Saving creates version N+1, which is the active one; going back to
// an old policy means saving a copy of it. So "active" = highest version, and "in force at T" is the
// core's rule (policyInForce in app/returns/versioning.ts): the highest version saved at or before T, or
// applied by the merchant to earlier orders too.
import { policyInForce } from "~/returns/versioning";
import {
  isUniqueViolation,
  fromJson,
  optionalString,
  requireDate,
  requireInt,
  requireShop,
  toJson,
  type Db,
} from "./shared";

export interface PolicyVersionRecord {
  shop: string;
  version: number;
  policy: unknown;
  presetId: string | null;
  createdAt: Date;
  createdBy: string | null;
  /** the merchant applied it to orders placed before it was saved too */
  appliesToEarlierOrders: boolean;
}

function toRecord(row: {
  shop: string;
  version: number;
  policy: string;
  presetId: string | null;
  createdAt: Date;
  createdBy: string | null;
  appliesToEarlierOrders: boolean;
}): PolicyVersionRecord {
  return {
    shop: row.shop,
    version: row.version,
    policy: fromJson("policy", row.policy),
    presetId: row.presetId,
    createdAt: row.createdAt,
    createdBy: row.createdBy,
    appliesToEarlierOrders: row.appliesToEarlierOrders,
  };
}

export function createPoliciesRepo(db: Db) {
  return {
    /** Saves `policy` as the next version (concurrent saves get distinct versions). */
    async saveNewVersion(
      shop: string,
      input: { policy: unknown; presetId?: string | null; createdBy?: string | null; now: Date },
    ): Promise<PolicyVersionRecord> {
      const s = requireShop(shop);
      const policy = toJson("policy", input.policy);
      const presetId = optionalString("presetId", input.presetId);
      const createdBy = optionalString("createdBy", input.createdBy);
      const now = requireDate("now", input.now);
      for (let attempt = 0; ; attempt++) {
        const last = await db.policyVersion.findFirst({
          where: { shop: s },
          orderBy: { version: "desc" },
          select: { version: true },
        });
        try {
          const row = await db.policyVersion.create({
            data: { shop: s, version: (last?.version ?? 0) + 1, policy, presetId, createdBy, createdAt: now },
          });
          return toRecord(row);
        } catch (e) {
          // another save took this version number: take the next one
          if (!isUniqueViolation(e) || attempt >= 10) throw e;
        }
      }
    },

    async active(shop: string): Promise<PolicyVersionRecord | null> {
      const row = await db.policyVersion.findFirst({ where: { shop: requireShop(shop) }, orderBy: { version: "desc" } });
      return row ? toRecord(row) : null;
    },

    /** The version in force at `at` (the core's rule, policyInForce: the highest version saved by then). */
    async inForceAt(shop: string, at: Date): Promise<PolicyVersionRecord | null> {
      const s = requireShop(shop);
      const when = requireDate("at", at);
      const saved = await db.policyVersion.findMany({ where: { shop: s }, select: { version: true, createdAt: true, appliesToEarlierOrders: true } });
      const inForce = policyInForce(saved, when);
      if (!inForce) return null;
      const row = await db.policyVersion.findUnique({ where: { shop_version: { shop: s, version: inForce.version } } });
      return row ? toRecord(row) : null;
    },

    /** Marks `version` as applying to orders placed before it was saved too; false when there is no such version. */
    async applyToEarlierOrders(shop: string, version: number): Promise<boolean> {
      const res = await db.policyVersion.updateMany({
        where: { shop: requireShop(shop), version: requireInt("version", version, { min: 1 }) },
        data: { appliesToEarlierOrders: true },
      });
      return res.count > 0;
    },

    async get(shop: string, version: number): Promise<PolicyVersionRecord | null> {
      const row = await db.policyVersion.findUnique({
        where: { shop_version: { shop: requireShop(shop), version: requireInt("version", version, { min: 1 }) } },
      });
      return row ? toRecord(row) : null;
    },

    /** Newest first, without the policy bodies' parsing cost beyond `limit`. */
    async list(shop: string, { limit = 50 }: { limit?: number } = {}): Promise<PolicyVersionRecord[]> {
      const rows = await db.policyVersion.findMany({
        where: { shop: requireShop(shop) },
        orderBy: { version: "desc" },
        take: requireInt("limit", limit, { min: 1 }),
      });
      return rows.map(toRecord);
    },
  };
}

export type PoliciesRepo = ReturnType<typeof createPoliciesRepo>;
