// Calendar arithmetic in a named IANA time zone, DST-correct, via Intl only (no clock reads).

export interface CivilDate {
  y: number;
  m: number; // 1-12
  d: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export function isValidTimeZone(tz: string): boolean {
  try {
    formatter(tz);
    return true;
  } catch {
    return false;
  }
}

interface Wall {
  y: number;
  m: number;
  d: number;
  h: number;
  mi: number;
  s: number;
}

function wallTime(epochMs: number, timeZone: string): Wall {
  const parts = formatter(timeZone).formatToParts(epochMs);
  const w: Wall = { y: 0, m: 0, d: 0, h: 0, mi: 0, s: 0 };
  for (const p of parts) {
    switch (p.type) {
      case "year": w.y = Number(p.value); break;
      case "month": w.m = Number(p.value); break;
      case "day": w.d = Number(p.value); break;
      case "hour": w.h = Number(p.value); break;
      case "minute": w.mi = Number(p.value); break;
      case "second": w.s = Number(p.value); break;
    }
  }
  return w;
}

/** Offset of the zone from UTC at that instant, in ms (Auckland summer: +13h). */
export function zoneOffsetMs(epochMs: number, timeZone: string): number {
  const w = wallTime(epochMs, timeZone);
  const asUtc = Date.UTC(w.y, w.m - 1, w.d, w.h, w.mi, w.s);
  const floored = epochMs - (((epochMs % 1000) + 1000) % 1000);
  return asUtc - floored;
}

/** The calendar date of an instant in the zone. */
export function civilDateOf(epochMs: number, timeZone: string): CivilDate {
  const w = wallTime(epochMs, timeZone);
  return { y: w.y, m: w.m, d: w.d };
}

export function addDays(date: CivilDate, n: number): CivilDate {
  const t = new Date(Date.UTC(date.y, date.m - 1, date.d + n));
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

/** Adds calendar months, clamping to the month's last day (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(date: CivilDate, n: number): CivilDate {
  const total = date.y * 12 + (date.m - 1) + n;
  const y = Math.floor(total / 12);
  const m = (total % 12) + 1;
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { y, m, d: Math.min(date.d, last) };
}

/** Day of week, 0 = Sunday. */
export function weekday(date: CivilDate): number {
  return new Date(Date.UTC(date.y, date.m - 1, date.d)).getUTCDay();
}

export function formatCivil(date: CivilDate): string {
  const p = (n: number, w = 2) => String(n).padStart(w, "0");
  return `${p(date.y, 4)}-${p(date.m)}-${p(date.d)}`;
}

export function parseCivil(s: string): CivilDate {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) throw new RangeError(`not a date: ${s}`);
  return { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) };
}

/**
 * First instant of a calendar day in the zone. Usually local midnight; where a DST jump
 * skips midnight, the first instant that exists that day.
 */
export function startOfDay(date: CivilDate, timeZone: string): number {
  const wallMidnight = Date.UTC(date.y, date.m - 1, date.d);
  // Two passes settle the offset on either side of a transition.
  let guess = wallMidnight - zoneOffsetMs(wallMidnight, timeZone);
  guess = wallMidnight - zoneOffsetMs(guess, timeZone);
  const want = formatCivil(date);
  if (formatCivil(civilDateOf(guess, timeZone)) < want) {
    // Local midnight does not exist (DST jump at 00:00): the day starts at the jump.
    // Transitions happen on whole quarter hours; step forward until the day begins.
    let t = guess - (((guess % 900_000) + 900_000) % 900_000);
    while (formatCivil(civilDateOf(t, timeZone)) < want) t += 900_000;
    return t;
  }
  return guess;
}

// Window ends remembered per zone, start and length, days and months apart: many lines share a start,
// and number-keyed lookups cost far less than building a string key for every line.
type EndCache = Map<string, Map<number, Map<number, number>>>;
const dayEnds: EndCache = new Map();
const monthEnds: EndCache = new Map();
let endCacheSize = 0;

/**
 * The last millisecond of the calendar day `days` days after the day of `startMs`,
 * in the zone: a window of N days opened on 1 March closes at 31 March 23:59:59.999.
 */
export function windowEnd(startMs: number, days: number, timeZone: string): number {
  return dayEnds.get(timeZone)?.get(startMs)?.get(days) ?? rememberEnd(dayEnds, timeZone, startMs, days, addDays(civilDateOf(startMs, timeZone), days));
}

/** Like windowEnd, counted in calendar months (warranties). */
export function windowEndMonths(startMs: number, months: number, timeZone: string): number {
  return monthEnds.get(timeZone)?.get(startMs)?.get(months) ?? rememberEnd(monthEnds, timeZone, startMs, months, addMonths(civilDateOf(startMs, timeZone), months));
}

/** The last millisecond of `lastDay` in the zone, remembered under (zone, start, length). */
function rememberEnd(cache: EndCache, timeZone: string, startMs: number, length: number, lastDay: CivilDate): number {
  const end = startOfDay(addDays(lastDay, 1), timeZone) - 1;
  if (endCacheSize > 10_000) {
    dayEnds.clear();
    monthEnds.clear();
    endCacheSize = 0;
  }
  let byStart = cache.get(timeZone);
  if (!byStart) cache.set(timeZone, (byStart = new Map()));
  let byLength = byStart.get(startMs);
  if (!byLength) byStart.set(startMs, (byLength = new Map()));
  byLength.set(length, end);
  endCacheSize++;
  return end;
}

const instants = new Map<string, number>();
/** Date.parse of an ISO instant, remembered (an order's dates are read for every line and every reason). */
export function parseInstant(iso: string): number {
  let ms = instants.get(iso);
  if (ms === undefined) {
    ms = Date.parse(iso);
    if (instants.size > 10_000) instants.clear();
    instants.set(iso, ms);
  }
  return ms;
}

/** Adds n business days (Mon–Fri, skipping holidays) to a date; n = 0 returns the date itself. */
export function addBusinessDays(date: CivilDate, n: number, holidays: ReadonlySet<string> = new Set()): CivilDate {
  let d = date;
  let left = n;
  while (left > 0) {
    d = addDays(d, 1);
    const wd = weekday(d);
    if (wd !== 0 && wd !== 6 && !holidays.has(formatCivil(d))) left--;
  }
  return d;
}

export function toIso(epochMs: number): string {
  return new Date(epochMs).toISOString();
}
