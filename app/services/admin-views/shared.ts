// Helpers shared by the admin read models (no Remix, no Shopify): local-day bucketing and the queue cursor.
import { DbInputError } from "~/db";

/** YYYY-MM-DD of `at` in `timeZone` (shop time, so "today" matches what the merchant sees). */
export function localDay(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(at);
}

/** The last `n` local days ending with the day of `now`, oldest first. */
export function lastDays(now: Date, n: number, timeZone: string): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  // Step back in 12h increments so DST days (23h/25h) are neither skipped nor doubled.
  for (let ms = now.getTime(); out.length < n; ms -= 12 * 3600_000) {
    const d = localDay(new Date(ms), timeZone);
    if (!seen.has(d)) {
      seen.add(d);
      out.push(d);
    }
  }
  return out.reverse();
}

// Same cursor format as app/db/return-requests.ts (base64url of [createdAt ms, id]) so pages are stable.
export function encodeQueueCursor(r: { createdAt: Date; id: string }): string {
  return Buffer.from(JSON.stringify([r.createdAt.getTime(), r.id])).toString("base64url");
}

export function decodeQueueCursor(cursor: string): { createdAt: Date; id: string } {
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

export function parseJsonArray(text: string | null | undefined): unknown[] {
  if (!text) return [];
  try {
    const v = JSON.parse(text) as unknown;
    return Array.isArray(v) ? v : [];
  } catch {
    return [];
  }
}

export type Provider = "sqlite" | "postgresql";
