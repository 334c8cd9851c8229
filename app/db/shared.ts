// Helpers shared by the repositories: input validation (errors name the field), JSON columns,
// BigInt money columns, Prisma unique-violation detection, and the error classes callers match on.
import { Prisma, type TxClient } from "./client";
import { isStorableText, storableText, UNSTORABLE_TEXT_MESSAGE } from "./text";

/** Anything the repositories can run on: the PrismaClient or a `$transaction` client. */
export type Db = TxClient;

export class DbInputError extends Error {
  override name = "DbInputError";
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
  }
}

export class NotFoundError extends Error {
  override name = "NotFoundError";
}

/** Optimistic-lock failure: the row changed since the caller read it (reload and retry). */
export class StaleRecordError extends Error {
  override name = "StaleRecordError";
  constructor(
    message: string,
    readonly currentLockVersion: number,
  ) {
    super(message);
  }
}

/** The row is not in one of the statuses the caller expected. */
export class InvalidTransitionError extends Error {
  override name = "InvalidTransitionError";
  constructor(
    message: string,
    readonly currentStatus: string,
  ) {
    super(message);
  }
}

/** An idempotency key was reused for a different operation/payload. */
export class IdempotencyConflictError extends Error {
  override name = "IdempotencyConflictError";
}

const SHOP_RE = /^[a-z0-9][a-z0-9-]*\.myshopify\.com$/;

/** Every repository call is scoped by the shop's myshopify domain. */
export function requireShop(shop: unknown): string {
  if (typeof shop !== "string" || !SHOP_RE.test(shop)) {
    throw new DbInputError("shop", `must be a *.myshopify.com domain, got ${JSON.stringify(shop)}`);
  }
  return shop;
}

/**
 * A non-empty string within `max`. Text that cannot be stored (NUL, unpaired surrogates) is refused,
 * or with `clean` (text from Shopify or our own error messages, never refused) cleaned.
 */
export function requireString(field: string, value: unknown, { max = 1000, clean = false }: { max?: number; clean?: boolean } = {}): string {
  if (typeof value !== "string" || value.trim() === "") throw new DbInputError(field, "is required");
  if (value.length > max) throw new DbInputError(field, `is longer than ${max} characters`);
  if (!isStorableText(value)) {
    if (!clean) throw new DbInputError(field, UNSTORABLE_TEXT_MESSAGE);
    return storableText(value);
  }
  return value;
}

export function optionalString(field: string, value: unknown, opts?: { max?: number; clean?: boolean }): string | null {
  if (value === undefined || value === null) return null;
  return requireString(field, value, opts);
}

export function requireDate(field: string, value: unknown): Date {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) throw new DbInputError(field, "must be a valid Date");
  return value;
}

export function requireInt(field: string, value: unknown, { min = 0 }: { min?: number } = {}): number {
  if (typeof value !== "number" || !Number.isSafeInteger(value)) throw new DbInputError(field, "must be an integer");
  if (value < min) throw new DbInputError(field, `must be >= ${min}`);
  return value;
}

export function requireOneOf<T extends string>(field: string, value: unknown, allowed: readonly T[]): T {
  if (typeof value !== "string" || !(allowed as readonly string[]).includes(value)) {
    throw new DbInputError(field, `must be one of ${allowed.join(", ")}, got ${JSON.stringify(value)}`);
  }
  return value as T;
}

/** Money in integer minor units -> BigInt column. */
export function toMinor(field: string, value: unknown): bigint {
  if (typeof value === "bigint") {
    if (value < 0n) throw new DbInputError(field, "must be >= 0");
    return value;
  }
  return BigInt(requireInt(field, value));
}

/** BigInt column -> number (minor units). Throws rather than lose precision. */
export function fromMinor(field: string, value: bigint): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw new Error(`${field}: ${value} exceeds the safe integer range`);
  return n;
}

export function toJson(field: string, value: unknown): string {
  if (value === undefined) throw new DbInputError(field, "is required");
  let text: string | undefined;
  try {
    text = JSON.stringify(value, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v));
  } catch (e) {
    throw new DbInputError(field, `is not JSON-serialisable (${String(e)})`);
  }
  if (text === undefined) throw new DbInputError(field, "is not JSON-serialisable");
  return text;
}

export function optionalJson(field: string, value: unknown): string | null {
  return value === undefined || value === null ? null : toJson(field, value);
}

export function fromJson(field: string, text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new Error(`${field}: stored value is not valid JSON`);
  }
}

export function fromOptionalJson(field: string, text: string | null): unknown {
  return text === null ? null : fromJson(field, text);
}

export function isUniqueViolation(e: unknown): boolean {
  return e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002";
}
