import { describe, expect, it } from "vitest";
import { addBusinessDays, addMonths, civilDateOf, startOfDay, windowEnd, windowEndMonths, zoneOffsetMs } from "./time";

const iso = (ms: number) => new Date(ms).toISOString();

describe("time", () => {
  it("closes a 30-day window at the end of the local day (README example)", () => {
    expect(iso(windowEnd(Date.parse("2026-03-01T03:00:00Z"), 30, "Pacific/Auckland"))).toBe("2026-03-31T10:59:59.999Z");
  });

  it("handles zone offsets across DST", () => {
    expect(zoneOffsetMs(Date.parse("2026-01-15T00:00:00Z"), "Pacific/Auckland")).toBe(13 * 3600_000);
    expect(zoneOffsetMs(Date.parse("2026-07-15T00:00:00Z"), "Pacific/Auckland")).toBe(12 * 3600_000);
    expect(zoneOffsetMs(Date.parse("2026-07-15T00:00:00Z"), "America/Los_Angeles")).toBe(-7 * 3600_000);
  });

  it("finds the start of a day skipped at midnight by DST", () => {
    // America/Santiago springs forward at midnight on the first Sunday of September: 2026-09-06 starts at 01:00.
    const s = startOfDay({ y: 2026, m: 9, d: 6 }, "America/Santiago");
    expect(civilDateOf(s, "America/Santiago")).toEqual({ y: 2026, m: 9, d: 6 });
    expect(civilDateOf(s - 1, "America/Santiago")).toEqual({ y: 2026, m: 9, d: 5 });
  });

  it("adds months with end-of-month clamping", () => {
    expect(addMonths({ y: 2026, m: 1, d: 31 }, 1)).toEqual({ y: 2026, m: 2, d: 28 });
    expect(addMonths({ y: 2028, m: 2, d: 29 }, 24)).toEqual({ y: 2030, m: 2, d: 28 });
    expect(addMonths({ y: 2026, m: 11, d: 15 }, 3)).toEqual({ y: 2027, m: 2, d: 15 });
    expect(iso(windowEndMonths(Date.parse("2026-03-01T20:00:00Z"), 24, "America/Los_Angeles"))).toBe("2028-03-02T07:59:59.999Z");
  });

  it("counts business days Monday to Friday", () => {
    expect(addBusinessDays({ y: 2026, m: 3, d: 6 }, 1)).toEqual({ y: 2026, m: 3, d: 9 });
    expect(addBusinessDays({ y: 2026, m: 3, d: 6 }, 0)).toEqual({ y: 2026, m: 3, d: 6 });
    expect(addBusinessDays({ y: 2026, m: 3, d: 7 }, 5)).toEqual({ y: 2026, m: 3, d: 13 });
  });
});
