// Return requests: idempotent creation, shop-scoped reads, the merchant queue (keyset pagination on
// createdAt,id) and status transitions under optimistic concurrency (lockVersion).
// The state machine itself (which transitions are legal) belongs to the domain; callers pass the
// statuses they expect (`from`) and the lockVersion they read, and this repo applies it atomically.
import {
  DbInputError,
  IdempotencyConflictError,
  InvalidTransitionError,
  NotFoundError,
  StaleRecordError,
  fromJson,
  fromMinor,
  fromOptionalJson,
  isUniqueViolation,
  optionalJson,
  optionalString,
  requireDate,
  requireInt,
  requireOneOf,
  requireShop,
  requireString,
  toJson,
  toMinor,
  type Db,
} from "./shared";
import { RESOLUTIONS, type Resolution } from "./shops";
import { REQUEST_STATUSES, TERMINAL_STATUSES } from "~/returns/request-state";

/** The request statuses are the domain's (app/returns/request-state.ts); the column holds one of them. */
export const RETURN_STATUSES = REQUEST_STATUSES;
export type ReturnStatus = (typeof RETURN_STATUSES)[number];

export const RETURN_SOURCES = ["app", "shopify_self_serve"] as const;
export type ReturnSource = (typeof RETURN_SOURCES)[number];

export interface ReturnRequestLineInput {
  lineItemId: string;
  fulfillmentLineItemId?: string | null;
  title: string;
  quantity: number;
  reason: string;
  conditions?: unknown;
  note?: string | null;
  photos?: unknown;
  eligible: boolean;
  codes?: unknown;
  refundMinor?: number;
}

export interface ReturnRequestLineRecord {
  id: string;
  position: number;
  lineItemId: string;
  fulfillmentLineItemId: string | null;
  title: string;
  quantity: number;
  reason: string;
  conditions: unknown;
  note: string | null;
  photos: unknown;
  eligible: boolean;
  codes: unknown;
  refundMinor: number;
}

export interface ReturnRequestRecord {
  id: string;
  shop: string;
  orderId: string;
  orderName: string;
  customerId: string | null;
  customerDisplayName: string | null;
  status: ReturnStatus;
  policyVersion: number | null;
  verdict: unknown;
  resolution: Resolution | null;
  currency: string;
  refundMinor: number;
  feesMinor: number;
  idempotencyKey: string;
  shopifyReturnId: string | null;
  source: ReturnSource;
  lastError: string | null;
  lastErrorAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  lockVersion: number;
}

export interface ReturnRequestWithLines extends ReturnRequestRecord {
  lines: ReturnRequestLineRecord[];
}

export interface CreateReturnRequestInput {
  idempotencyKey: string;
  orderId: string;
  orderName: string;
  customerId?: string | null;
  customerDisplayName?: string | null;
  status?: ReturnStatus;
  policyVersion?: number | null;
  verdict?: unknown;
  resolution?: Resolution | null;
  currency: string;
  refundMinor?: number;
  feesMinor?: number;
  shopifyReturnId?: string | null;
  source?: ReturnSource;
  /** a problem staff should see from the start (e.g. an import with nothing to refund) */
  lastError?: string | null;
  lastErrorAt?: Date | null;
  lines: ReturnRequestLineInput[];
  now: Date;
}

/** Fields a transition may set besides status. `null` clears a nullable field. */
export interface ReturnRequestPatch {
  verdict?: unknown;
  resolution?: Resolution | null;
  refundMinor?: number;
  feesMinor?: number;
  shopifyReturnId?: string | null;
  lastError?: string | null;
  lastErrorAt?: Date | null;
  policyVersion?: number | null;
}

export interface QueueFilter {
  statuses?: ReturnStatus[];
  /** Order name prefix, with or without the leading '#'. */
  orderName?: string;
  source?: ReturnSource;
  createdFrom?: Date;
  createdTo?: Date;
  /** newest first (default) or oldest first */
  order?: "newest" | "oldest";
  limit?: number;
  cursor?: string | null;
}

export interface QueuePage {
  items: ReturnRequestRecord[];
  nextCursor: string | null;
}

/** A stored row: the record's fields, with JSON as text, money as bigint and enums as plain strings. */
type RequestRow = Omit<ReturnRequestRecord, "status" | "verdict" | "resolution" | "refundMinor" | "feesMinor" | "source"> & {
  status: string;
  verdict: string | null;
  resolution: string | null;
  refundMinor: bigint;
  feesMinor: bigint;
  source: string;
};

type LineRow = Omit<ReturnRequestLineRecord, "conditions" | "photos" | "codes" | "refundMinor"> & {
  conditions: string;
  photos: string;
  codes: string;
  refundMinor: bigint;
};

function toRecord(row: RequestRow): ReturnRequestRecord {
  return {
    id: row.id,
    shop: row.shop,
    orderId: row.orderId,
    orderName: row.orderName,
    customerId: row.customerId,
    customerDisplayName: row.customerDisplayName,
    status: row.status as ReturnStatus,
    policyVersion: row.policyVersion,
    verdict: fromOptionalJson("verdict", row.verdict),
    resolution: row.resolution as Resolution | null,
    currency: row.currency,
    refundMinor: fromMinor("refundMinor", row.refundMinor),
    feesMinor: fromMinor("feesMinor", row.feesMinor),
    idempotencyKey: row.idempotencyKey,
    shopifyReturnId: row.shopifyReturnId,
    source: row.source as ReturnSource,
    lastError: row.lastError,
    lastErrorAt: row.lastErrorAt,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    lockVersion: row.lockVersion,
  };
}

function toLine(row: LineRow): ReturnRequestLineRecord {
  return {
    id: row.id,
    position: row.position,
    lineItemId: row.lineItemId,
    fulfillmentLineItemId: row.fulfillmentLineItemId,
    title: row.title,
    quantity: row.quantity,
    reason: row.reason,
    conditions: fromJson("conditions", row.conditions),
    note: row.note,
    photos: fromJson("photos", row.photos),
    eligible: row.eligible,
    codes: fromJson("codes", row.codes),
    refundMinor: fromMinor("refundMinor", row.refundMinor),
  };
}

function withLines(row: RequestRow & { lines: LineRow[] }): ReturnRequestWithLines {
  return { ...toRecord(row), lines: [...row.lines].sort((a, b) => a.position - b.position).map(toLine) };
}

function lineData(shop: string, line: ReturnRequestLineInput, position: number) {
  const f = (name: string) => `lines[${position}].${name}`;
  if (typeof line.eligible !== "boolean") throw new DbInputError(f("eligible"), "must be a boolean");
  return {
    shop,
    position,
    lineItemId: requireString(f("lineItemId"), line.lineItemId),
    fulfillmentLineItemId: optionalString(f("fulfillmentLineItemId"), line.fulfillmentLineItemId),
    title: requireString(f("title"), line.title, { clean: true }),
    quantity: requireInt(f("quantity"), line.quantity, { min: 1 }),
    reason: requireString(f("reason"), line.reason),
    conditions: toJson(f("conditions"), line.conditions ?? []),
    note: optionalString(f("note"), line.note, { max: 5000 }),
    photos: toJson(f("photos"), line.photos ?? []),
    eligible: line.eligible,
    codes: toJson(f("codes"), line.codes ?? []),
    refundMinor: toMinor(f("refundMinor"), line.refundMinor ?? 0),
  };
}

function patchData(patch: ReturnRequestPatch) {
  const data: Record<string, unknown> = {};
  if (patch.verdict !== undefined) data.verdict = optionalJson("verdict", patch.verdict);
  if (patch.resolution !== undefined) {
    data.resolution = patch.resolution === null ? null : requireOneOf("resolution", patch.resolution, RESOLUTIONS);
  }
  if (patch.refundMinor !== undefined) data.refundMinor = toMinor("refundMinor", patch.refundMinor);
  if (patch.feesMinor !== undefined) data.feesMinor = toMinor("feesMinor", patch.feesMinor);
  if (patch.shopifyReturnId !== undefined) data.shopifyReturnId = optionalString("shopifyReturnId", patch.shopifyReturnId);
  if (patch.lastError !== undefined) data.lastError = optionalString("lastError", patch.lastError, { max: 10_000, clean: true });
  if (patch.lastErrorAt !== undefined) {
    data.lastErrorAt = patch.lastErrorAt === null ? null : requireDate("lastErrorAt", patch.lastErrorAt);
  }
  if (patch.policyVersion !== undefined) {
    data.policyVersion = patch.policyVersion === null ? null : requireInt("policyVersion", patch.policyVersion, { min: 1 });
  }
  return data;
}

// Cursor: opaque base64url of [createdAt ms, id] of the last item of the page.
export function encodeCursor(r: { createdAt: Date; id: string }): string {
  return Buffer.from(JSON.stringify([r.createdAt.getTime(), r.id])).toString("base64url");
}

export function decodeCursor(cursor: string): { createdAt: Date; id: string } {
  try {
    const v = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as unknown;
    if (Array.isArray(v) && typeof v[0] === "number" && Number.isSafeInteger(v[0]) && typeof v[1] === "string") {
      return { createdAt: new Date(v[0]), id: v[1] };
    }
  } catch {
    // fall through
  }
  throw new DbInputError("cursor", "is not a cursor returned by the queue");
}

export function createReturnRequestsRepo(db: Db) {
  async function findById(shop: string, id: string): Promise<ReturnRequestWithLines | null> {
    const row = await db.returnRequest.findFirst({
      where: { id: requireString("id", id), shop: requireShop(shop) },
      include: { lines: true },
    });
    return row ? withLines(row) : null;
  }

  return {
    findById,

    /**
     * Creates the request with its lines, or returns the one already created with the same
     * idempotencyKey for this shop (`created: false`). Reusing a key for another order throws.
     */
    async create(shop: string, input: CreateReturnRequestInput): Promise<{ request: ReturnRequestWithLines; created: boolean }> {
      const s = requireShop(shop);
      const idempotencyKey = requireString("idempotencyKey", input.idempotencyKey, { max: 255 });
      const orderId = requireString("orderId", input.orderId);
      const now = requireDate("now", input.now);
      if (!Array.isArray(input.lines) || input.lines.length === 0) throw new DbInputError("lines", "must not be empty");
      const data = {
        shop: s,
        idempotencyKey,
        orderId,
        orderName: requireString("orderName", input.orderName, { max: 255, clean: true }),
        customerId: optionalString("customerId", input.customerId),
        customerDisplayName: optionalString("customerDisplayName", input.customerDisplayName, { clean: true }),
        status: requireOneOf("status", input.status ?? "requested", RETURN_STATUSES),
        policyVersion:
          input.policyVersion === undefined || input.policyVersion === null
            ? null
            : requireInt("policyVersion", input.policyVersion, { min: 1 }),
        verdict: optionalJson("verdict", input.verdict),
        resolution:
          input.resolution === undefined || input.resolution === null
            ? null
            : requireOneOf("resolution", input.resolution, RESOLUTIONS),
        currency: requireString("currency", input.currency, { max: 3 }),
        refundMinor: toMinor("refundMinor", input.refundMinor ?? 0),
        feesMinor: toMinor("feesMinor", input.feesMinor ?? 0),
        shopifyReturnId: optionalString("shopifyReturnId", input.shopifyReturnId),
        source: requireOneOf("source", input.source ?? "app", RETURN_SOURCES),
        lastError: optionalString("lastError", input.lastError, { max: 10_000 }),
        lastErrorAt: input.lastErrorAt === undefined || input.lastErrorAt === null ? null : requireDate("lastErrorAt", input.lastErrorAt),
        createdAt: now,
        updatedAt: now,
      };
      const lines = input.lines.map((l, i) => lineData(s, l, i));

      const existingFor = async () => {
        const row = await db.returnRequest.findUnique({
          where: { shop_idempotencyKey: { shop: s, idempotencyKey } },
          include: { lines: true },
        });
        if (!row) return null;
        if (row.orderId !== orderId) {
          throw new IdempotencyConflictError(`idempotencyKey ${idempotencyKey} was already used for order ${row.orderId}`);
        }
        return { request: withLines(row), created: false };
      };

      const existing = await existingFor();
      if (existing) return existing;
      try {
        const row = await db.returnRequest.create({ data: { ...data, lines: { create: lines } }, include: { lines: true } });
        return { request: withLines(row), created: true };
      } catch (e) {
        if (isUniqueViolation(e)) {
          // a concurrent create with the same key won the race
          const raced = await existingFor();
          if (raced) return raced;
        }
        throw e;
      }
    },

    async findByShopifyReturnId(shop: string, shopifyReturnId: string): Promise<ReturnRequestWithLines | null> {
      const row = await db.returnRequest.findFirst({
        where: { shop: requireShop(shop), shopifyReturnId: requireString("shopifyReturnId", shopifyReturnId) },
        include: { lines: true },
      });
      return row ? withLines(row) : null;
    },

    /** The request a shopper's idempotency key made, if any. */
    async findByIdempotencyKey(shop: string, idempotencyKey: string): Promise<ReturnRequestWithLines | null> {
      const row = await db.returnRequest.findUnique({
        where: { shop_idempotencyKey: { shop: requireShop(shop), idempotencyKey: requireString("idempotencyKey", idempotencyKey, { max: 255 }) } },
        include: { lines: true },
      });
      return row ? withLines(row) : null;
    },

    /**
     * Units of each line item held by the order's live requests (not in a terminal status) that have
     * no Shopify Return yet: Shopify still counts them returnable.
     */
    async unitsAwaitingReturn(shop: string, orderId: string): Promise<Map<string, number>> {
      const s = requireShop(shop);
      const rows = await db.returnRequestLine.findMany({
        where: { shop: s, request: { shop: s, orderId: requireString("orderId", orderId), shopifyReturnId: null, status: { notIn: [...TERMINAL_STATUSES] } } },
        select: { lineItemId: true, quantity: true },
      });
      const out = new Map<string, number>();
      for (const r of rows) out.set(r.lineItemId, (out.get(r.lineItemId) ?? 0) + r.quantity);
      return out;
    },

    /**
     * The customer's return history since `since` (decision 190): requests (a cancelled one was withdrawn
     * and does not count), their units, and what was refunded or credited, per currency in minor units.
     */
    async historyForCustomer(
      shop: string,
      customerId: string,
      since: Date,
    ): Promise<{ requests: number; units: number; refundedMinor: Record<string, bigint> }> {
      const rows = await db.returnRequest.findMany({
        where: { shop: requireShop(shop), customerId: requireString("customerId", customerId), createdAt: { gte: since }, status: { not: "cancelled" } },
        select: { status: true, currency: true, refundMinor: true, lines: { select: { quantity: true } } },
      });
      const refundedMinor: Record<string, bigint> = {};
      let units = 0;
      for (const r of rows) {
        for (const l of r.lines) units += l.quantity;
        if ((r.status === "refunded" || r.status === "credited") && r.refundMinor > 0n)
          refundedMinor[r.currency] = (refundedMinor[r.currency] ?? 0n) + r.refundMinor;
      }
      return { requests: rows.length, units, refundedMinor };
    },

    /**
     * How staff can recognise these customers (the policy editor's blocklist): per customer id, the order of
     * their latest request and the name kept with it (null without name access). Ids with no request are absent.
     */
    async customersSeen(shop: string, customerIds: readonly string[]): Promise<Map<string, { orderName: string; displayName: string | null }>> {
      const ids = customerIds.map((c) => requireString("customerId", c));
      const out = new Map<string, { orderName: string; displayName: string | null }>();
      if (ids.length === 0) return out;
      const rows = await db.returnRequest.findMany({
        where: { shop: requireShop(shop), customerId: { in: ids } },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        distinct: ["customerId"],
        select: { customerId: true, orderName: true, customerDisplayName: true },
      });
      for (const r of rows) if (r.customerId) out.set(r.customerId, { orderName: r.orderName, displayName: r.customerDisplayName });
      return out;
    },

    async listForOrder(shop: string, orderId: string): Promise<ReturnRequestWithLines[]> {
      const rows = await db.returnRequest.findMany({
        where: { shop: requireShop(shop), orderId: requireString("orderId", orderId) },
        include: { lines: true },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      });
      return rows.map(withLines);
    },

    /** The merchant queue: filters + keyset pagination on (createdAt, id). */
    async list(shop: string, filter: QueueFilter = {}): Promise<QueuePage> {
      const s = requireShop(shop);
      const limit = requireInt("limit", filter.limit ?? 25, { min: 1 });
      if (limit > 250) throw new DbInputError("limit", "must be <= 250");
      const newest = (filter.order ?? "newest") === "newest";
      const dir = newest ? ("desc" as const) : ("asc" as const);
      const and: object[] = [{ shop: s }];
      if (filter.statuses !== undefined) {
        const statuses = filter.statuses.map((st, i) => requireOneOf(`statuses[${i}]`, st, RETURN_STATUSES));
        and.push({ status: { in: statuses } });
      }
      if (filter.source !== undefined) and.push({ source: requireOneOf("source", filter.source, RETURN_SOURCES) });
      if (filter.orderName !== undefined && filter.orderName.trim() !== "") {
        const q = filter.orderName.trim();
        and.push(
          q.startsWith("#")
            ? { orderName: { startsWith: q } }
            : { OR: [{ orderName: { startsWith: q } }, { orderName: { startsWith: `#${q}` } }] },
        );
      }
      if (filter.createdFrom !== undefined) and.push({ createdAt: { gte: requireDate("createdFrom", filter.createdFrom) } });
      if (filter.createdTo !== undefined) and.push({ createdAt: { lt: requireDate("createdTo", filter.createdTo) } });
      if (filter.cursor) {
        const c = decodeCursor(filter.cursor);
        const beyond = newest ? "lt" : "gt";
        and.push({ OR: [{ createdAt: { [beyond]: c.createdAt } }, { createdAt: c.createdAt, id: { [beyond]: c.id } }] });
      }
      const rows = await db.returnRequest.findMany({
        where: { AND: and },
        orderBy: [{ createdAt: dir }, { id: dir }],
        take: limit + 1,
      });
      const page = rows.slice(0, limit).map(toRecord);
      const last = page[page.length - 1];
      return { items: page, nextCursor: rows.length > limit && last ? encodeCursor(last) : null };
    },

    /**
     * Moves a request to `to` (and/or applies `patch`) if it still has `expectedLockVersion` and
     * (when given) one of the `from` statuses; bumps lockVersion. Throws NotFoundError,
     * StaleRecordError or InvalidTransitionError otherwise.
     */
    async transition(
      shop: string,
      id: string,
      input: {
        expectedLockVersion: number;
        from?: ReturnStatus[];
        to?: ReturnStatus;
        patch?: ReturnRequestPatch;
        now: Date;
      },
    ): Promise<ReturnRequestWithLines> {
      const s = requireShop(shop);
      requireString("id", id);
      const expected = requireInt("expectedLockVersion", input.expectedLockVersion);
      const from = input.from?.map((st, i) => requireOneOf(`from[${i}]`, st, RETURN_STATUSES));
      const data: Record<string, unknown> = {
        ...patchData(input.patch ?? {}),
        updatedAt: requireDate("now", input.now),
        lockVersion: { increment: 1 },
      };
      if (input.to !== undefined) data.status = requireOneOf("to", input.to, RETURN_STATUSES);
      const res = await db.returnRequest.updateMany({
        where: { id, shop: s, lockVersion: expected, ...(from ? { status: { in: from } } : {}) },
        data,
      });
      if (res.count === 1) return (await findById(s, id))!;
      const current = await db.returnRequest.findFirst({ where: { id, shop: s }, select: { status: true, lockVersion: true } });
      if (!current) throw new NotFoundError(`return request ${id} not found`);
      if (current.lockVersion !== expected) {
        throw new StaleRecordError(
          `return request ${id} changed (lockVersion ${current.lockVersion}, expected ${expected})`,
          current.lockVersion,
        );
      }
      throw new InvalidTransitionError(
        `return request ${id} is ${current.status}, expected one of ${from?.join(", ")}`,
        current.status,
      );
    },
  };
}

export type ReturnRequestsRepo = ReturnType<typeof createReturnRequestsRepo>;
