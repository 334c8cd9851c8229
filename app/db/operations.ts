// Exactly-once ledger for side effects at Shopify (approve, process, refund, store credit...).
//
//   const claim = await ops.claim(shop, { key: `refund:${requestId}`, kind: "refund", now });
//   if (claim.outcome === "done") return claim.result;          // already happened: reuse the result
//   if (claim.outcome !== "claimed") -> busy (someone else is on it) / exhausted (gave up)
//   ... call Shopify, passing `key` as its idempotency key where the API has one ...
//   await ops.complete(shop, key, { result, now });  or  await ops.fail(shop, key, { error, now });
//
// A claim is a lease: if the holder dies, the key can be claimed again after `leaseMs` (attempt+1).
// Because the crash may have happened after Shopify applied the mutation, the retry MUST send the same
// idempotency key (or check Shopify first) - the ledger alone cannot know what Shopify did.
import {
  IdempotencyConflictError,
  fromOptionalJson,
  isUniqueViolation,
  optionalJson,
  requireDate,
  requireInt,
  requireShop,
  requireString,
  type Db,
} from "./shared";

export type OperationStatus = "pending" | "succeeded" | "failed";

export interface OperationRecord {
  shop: string;
  key: string;
  kind: string;
  status: OperationStatus;
  result: unknown;
  error: string | null;
  attempts: number;
  lockedUntil: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export type ClaimResult =
  | { outcome: "claimed"; attempt: number }
  | { outcome: "done"; result: unknown }
  | { outcome: "busy"; lockedUntil: Date | null }
  | { outcome: "exhausted"; attempts: number; error: string | null };

function toRecord(row: {
  shop: string;
  key: string;
  kind: string;
  status: string;
  result: string | null;
  error: string | null;
  attempts: number;
  lockedUntil: Date | null;
  createdAt: Date;
  updatedAt: Date;
}): OperationRecord {
  return { ...row, status: row.status as OperationStatus, result: fromOptionalJson("result", row.result) };
}

/** The still-pending claim on `key` (of the given attempt, when named): what complete() and fail() settle. */
function pendingClaim(shop: string, key: string, attempt: number | undefined) {
  return {
    shop: requireShop(shop),
    key: requireString("key", key, { max: 255 }),
    status: "pending",
    ...(attempt !== undefined ? { attempts: requireInt("attempt", attempt, { min: 1 }) } : {}),
  };
}

export function createOperationsRepo(db: Db) {
  return {
    async get(shop: string, key: string): Promise<OperationRecord | null> {
      const row = await db.shopifyOperation.findUnique({
        where: { shop_key: { shop: requireShop(shop), key: requireString("key", key, { max: 255 }) } },
      });
      return row ? toRecord(row) : null;
    },

    async claim(
      shop: string,
      input: { key: string; kind: string; now: Date; leaseMs?: number; maxAttempts?: number },
    ): Promise<ClaimResult> {
      const s = requireShop(shop);
      const key = requireString("key", input.key, { max: 255 });
      const kind = requireString("kind", input.kind, { max: 100 });
      const now = requireDate("now", input.now);
      const leaseMs = requireInt("leaseMs", input.leaseMs ?? 60_000, { min: 1 });
      const maxAttempts = input.maxAttempts === undefined ? undefined : requireInt("maxAttempts", input.maxAttempts, { min: 1 });
      const lockedUntil = new Date(now.getTime() + leaseMs);

      for (let round = 0; round < 3; round++) {
        const row = await db.shopifyOperation.findUnique({ where: { shop_key: { shop: s, key } } });
        if (!row) {
          try {
            await db.shopifyOperation.create({
              data: { shop: s, key, kind, status: "pending", attempts: 1, lockedUntil, createdAt: now, updatedAt: now },
            });
            return { outcome: "claimed", attempt: 1 };
          } catch (e) {
            if (isUniqueViolation(e)) continue; // a concurrent claim created it: look again
            throw e;
          }
        }
        if (row.kind !== kind) {
          throw new IdempotencyConflictError(`operation key ${key} belongs to a "${row.kind}" operation, not "${kind}"`);
        }
        if (row.status === "succeeded") return { outcome: "done", result: fromOptionalJson("result", row.result) };
        if (row.status === "pending" && row.lockedUntil !== null && row.lockedUntil.getTime() > now.getTime()) {
          return { outcome: "busy", lockedUntil: row.lockedUntil };
        }
        if (maxAttempts !== undefined && row.attempts >= maxAttempts) {
          return { outcome: "exhausted", attempts: row.attempts, error: row.error };
        }
        // failed, or pending with an expired lease: take it over if nobody else did meanwhile
        const res = await db.shopifyOperation.updateMany({
          where: { id: row.id, status: row.status, attempts: row.attempts },
          data: { status: "pending", attempts: row.attempts + 1, lockedUntil, updatedAt: now },
        });
        if (res.count === 1) return { outcome: "claimed", attempt: row.attempts + 1 };
      }
      const row = await db.shopifyOperation.findUnique({ where: { shop_key: { shop: s, key } } });
      return { outcome: "busy", lockedUntil: row?.lockedUntil ?? null };
    },

    /** Records success. Returns false if the claim was lost (another attempt took over or finished). */
    async complete(
      shop: string,
      key: string,
      input: { result?: unknown; now: Date; attempt?: number },
    ): Promise<boolean> {
      const res = await db.shopifyOperation.updateMany({
        where: pendingClaim(shop, key, input.attempt),
        data: {
          status: "succeeded",
          result: optionalJson("result", input.result),
          error: null,
          lockedUntil: null,
          updatedAt: requireDate("now", input.now),
        },
      });
      return res.count === 1;
    },

    /** Records a failure; the key can be claimed again (see `maxAttempts` on claim). */
    async fail(
      shop: string,
      key: string,
      input: { error: string; now: Date; attempt?: number },
    ): Promise<boolean> {
      const res = await db.shopifyOperation.updateMany({
        where: pendingClaim(shop, key, input.attempt),
        data: {
          status: "failed",
          error: requireString("error", input.error, { max: 10_000, clean: true }),
          lockedUntil: null,
          updatedAt: requireDate("now", input.now),
        },
      });
      return res.count === 1;
    },
  };
}

export type OperationsRepo = ReturnType<typeof createOperationsRepo>;
