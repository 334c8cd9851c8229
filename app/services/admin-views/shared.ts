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

/** Offset of `timeZone` from UTC at instant `ms`, in ms (Pacific/Auckland in November: +13h). */
function offsetAt(ms: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(new Date(ms));
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value);
  const asUtc = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  return asUtc - Math.floor(ms / 1000) * 1000;
}

/** The instant local midnight starts `day` (YYYY-MM-DD) in `timeZone`. */
export function startOfLocalDay(day: string, timeZone: string): Date {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  const guess = Date.UTC(y, m - 1, d);
  let ms = guess - offsetAt(guess, timeZone);
  ms = guess - offsetAt(ms, timeZone); // DST: use the offset in force at the result
  return new Date(ms);
}
