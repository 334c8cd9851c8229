import { describe, expect, it } from "vitest";
import { formatDate, formatMoney, multiplyAmount, statusTone } from "./format";

describe("format", () => {
  it("formats decimal-string money per locale without floats", () => {
    expect(formatMoney("12.50", "EUR", "en")).toBe("€12.50");
    expect(formatMoney("1234.50", "EUR", "de")).toBe("1.234,50\u00a0€");
    expect(formatMoney("1000", "JPY", "en")).toBe("¥1,000");
    expect(formatMoney("0.10", "USD", "en")).toBe("$0.10");
    expect(formatMoney("abc", "USD", "en")).toBe("abc USD");
  });

  it("multiplies amounts exactly", () => {
    expect(multiplyAmount("0.10", 3)).toBe("0.30");
    expect(multiplyAmount("49.90", 2)).toBe("99.80");
    expect(multiplyAmount("1000", 3)).toBe("3000");
    expect(multiplyAmount("0.01", 0)).toBe("0.00");
  });

  it("formats dates as UTC calendar dates", () => {
    expect(formatDate("2026-12-20T00:00:00Z", "en")).toBe("20 December 2026");
    // one style per language on a screen: the app writes English dates the same way (app/returns/messages.ts)
    expect(formatDate("2026-12-20", "en-US")).toBe("20 December 2026");
    expect(formatDate("2026-12-01", "fr")).toBe("1 décembre 2026");
    expect(formatDate("nope", "en")).toBe("nope");
  });

  it("gives each status a tone", () => {
    expect(statusTone("declined")).toBe("critical");
    expect(statusTone("refunded")).toBe("auto");
    expect(statusTone("cancelled")).toBe("neutral");
  });
});
