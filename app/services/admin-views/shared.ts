// Helpers shared by the admin read models (no Remix, no Shopify): local-day bucketing and the queue cursor.
import { civilDateOf, formatCivil, parseCivil, startOfDay } from "~/returns";

/** YYYY-MM-DD of `at` in `timeZone` (shop time, so "today" matches what the merchant sees). */
export function localDay(at: Date, timeZone: string): string {
  return formatCivil(civilDateOf(at.getTime(), timeZone));
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

// The queue pages with the repository's keyset cursor (base64url of [createdAt ms, id]).
export { encodeCursor as encodeQueueCursor, decodeCursor as decodeQueueCursor } from "~/db";

export function parseJsonArray(text: string | null | undefined): unknown[] {
  if (!text) return [];
  try {
    const v = JSON.parse(text) as unknown;
    return Array.isArray(v) ? v : [];
  } catch {
    return [];
  }
}

export type { Provider } from "~/db";

/** The instant local midnight starts `day` (YYYY-MM-DD) in `timeZone`. */
export function startOfLocalDay(day: string, timeZone: string): Date {
  return new Date(startOfDay(parseCivil(day), timeZone));
}
