import { describe, expect, it } from "vitest";
import { parsePolicy, presets } from "./index";
import { formatDate, t } from "./messages";

// `t` cuts each text into pieces once and fills them in one pass; these pin the words it must give,
// which are the words of its two regex passes (plural forms, then {params}) for any text a merchant writes.
describe("t fills a text the same way whatever it holds", () => {
  const withMessages = (en: string) => parsePolicy({ ...structuredClone(presets["ekr-auto"]), messages: { EVIDENCE_REQUIRED: { en } } });
  const say = (en: string, params: Record<string, string | number>) => t("EVIDENCE_REQUIRED", "en", params, withMessages(en));

  it("fills params and picks the locale's plural form", () => {
    expect(t("EVIDENCE_REQUIRED", "en", { photos: 1 })).toBe("Please attach at least 1 photo of the problem.");
    expect(t("EVIDENCE_REQUIRED", "en", { photos: 2 })).toBe("Please attach at least 2 photos of the problem.");
    expect(t("QUANTITY_UNAVAILABLE", "fr", { available: 1 })).toBe("Seulement 1 exemplaire de cet article peut encore être retourné.");
    expect(t("QUANTITY_UNAVAILABLE", "fr", { available: 0 })).toBe("Seulement 0 exemplaire de cet article peut encore être retourné.");
    expect(t("QUANTITY_UNAVAILABLE", "es", { available: 0 })).toBe("Solo se pueden devolver 0 unidades de este artículo.");
  });

  it("leaves a placeholder it has no value for as written", () => {
    expect(say("Send {photos} {photos:photo|photos} by {date}, {n:one|more}.", { photos: 1 })).toBe("Send 1 photo by {date}, {n:one|more}.");
    expect(t("EVIDENCE_REQUIRED", "en")).toBe("Please attach at least {photos} {photos:photo|photos} of the problem.");
  });

  it("reads braces outside a placeholder the way the two passes do", () => {
    // The plural pass runs first, so the braces around it become a {param} for the second pass.
    expect(say("{{photos:x|photos}} {x} }{ {photos:a|b|c}", { photos: 1, x: "X" })).toBe("X X }{ a");
    expect(say("{{photos:x|photos}} {x}", { photos: 2, x: "X" })).toBe("2 X");
    expect(say("{a:{b}|c} {b}", { a: 1, b: "B" })).toBe("{a:B|c} B");
    expect(say("no placeholder }", { photos: 1 })).toBe("no placeholder }");
    expect(say("{photos:one|other}{photos}{photos:x|y}", { photos: 1 })).toBe("one1x");
  });

  it("formats a date in the locale and zone, the same on the second call", () => {
    const ms = Date.parse("2026-03-31T10:59:59.999Z");
    expect(formatDate(ms, "en", "Pacific/Auckland")).toBe("31 March 2026");
    expect(formatDate(ms, "fr", "Pacific/Auckland")).toBe("31 mars 2026");
    expect(formatDate(ms, "en", "UTC")).toBe("31 March 2026");
    expect(formatDate(ms + 60 * 60_000, "en", "Pacific/Auckland")).toBe("1 April 2026");
    expect(formatDate(ms, "en", "Pacific/Auckland")).toBe("31 March 2026");
  });
});
