import { describe, expect, it } from "vitest";
import { applyBps, computeRefund, currencyExponent, expectedRefundDates, formatMoney, parseMoney, regionOf, toDecimalString, MoneyError } from "./money";
import { parsePolicy, type Policy } from "./policy";
import { presets } from "./presets";

describe("money", () => {
  it("parses by currency exponent without floats", () => {
    expect(parseMoney("8.50", "NZD")).toBe(850);
    expect(parseMoney("0.1", "USD")).toBe(10);
    expect(parseMoney("1200", "JPY")).toBe(1200);
    expect(parseMoney("1200.0", "JPY")).toBe(1200);
    expect(parseMoney("1.234", "KWD")).toBe(1234);
    expect(parseMoney("19.99", "USD")).toBe(1999);
    expect(parseMoney("-3.05", "EUR")).toBe(-305);
    expect(currencyExponent("BHD")).toBe(3);
  });

  it("rejects extra precision and garbage", () => {
    expect(() => parseMoney("1.005", "USD")).toThrow(MoneyError);
    expect(() => parseMoney("12.5", "JPY")).toThrow(MoneyError);
    expect(() => parseMoney("1e3", "USD")).toThrow(MoneyError);
    expect(() => parseMoney("", "USD")).toThrow(MoneyError);
  });

  it("formats back to decimal strings and localised text", () => {
    expect(toDecimalString(850, "NZD")).toBe("8.50");
    expect(toDecimalString(5, "USD")).toBe("0.05");
    expect(toDecimalString(-5, "USD")).toBe("-0.05");
    expect(toDecimalString(1200, "JPY")).toBe("1200");
    expect(toDecimalString(1234, "KWD")).toBe("1.234");
    expect(formatMoney(123456, "USD", "en-US")).toBe("$1,234.56");
    expect(formatMoney(1200, "JPY", "en-US")).toBe("¥1,200");
  });

  it("rounds basis points half up in integers", () => {
    expect(applyBps(1000, 1500)).toBe(150);
    expect(applyBps(999, 1000)).toBe(100); // 99.9 -> 100
    expect(applyBps(1005, 1000)).toBe(101); // 100.5 -> 101
  });

  const withFees = (bps: number, ship: number): Policy =>
    parsePolicy({ ...presets["standard-30-day"], fees: { restockingBps: bps, returnShippingFeeMinor: ship, appliesTo: ["change_of_mind"] } });

  it("refunds what was paid incl. tax share, minus restocking and shipping", () => {
    const r = computeRefund({
      policy: withFees(1000, 500),
      currency: "USD",
      lines: [{ unitPrice: "20.00", unitTax: "1.50", quantity: 2, group: "change_of_mind" }],
    });
    expect(r.subtotalMinor).toBe(4300);
    expect(r.restockingMinor).toBe(430);
    expect(r.returnShippingFeeMinor).toBe(500);
    expect(r.totalMinor).toBe(4300 - 430 - 500);
  });

  it("charges no fees for faults when fees apply to change of mind only", () => {
    const r = computeRefund({ policy: withFees(1000, 500), currency: "USD", lines: [{ unitPrice: "20.00", quantity: 1, group: "faults" }] });
    expect(r.totalMinor).toBe(2000);
  });

  it("never refunds more than is still refundable, nor less than zero", () => {
    const capped = computeRefund({ policy: withFees(0, 0), currency: "USD", lines: [{ unitPrice: "20.00", quantity: 3, group: "faults" }], refundableAmount: "45.00" });
    expect(capped.totalMinor).toBe(4500);
    expect(capped.cappedByRefundable).toBe(true);
    const fee = computeRefund({ policy: withFees(0, 5000), currency: "USD", lines: [{ unitPrice: "1.00", quantity: 1, group: "change_of_mind" }] });
    expect(fee.totalMinor).toBe(0);
  });

  it("computes expected refund dates in business days in the shop zone", () => {
    // Approved Friday 6 March 2026 10:00 NZDT (Thursday 21:00Z).
    const d = expectedRefundDates({ policy: presets["ekoh-store"], approvedAt: "2026-03-05T21:00:00Z", region: "domestic", shop: { timezone: "Pacific/Auckland" } });
    // +5 business days -> Fri 13 March; +30 business days -> Fri 17 April.
    expect(d).toEqual({ earliest: "2026-03-13", latest: "2026-04-17", businessDays: { min: 5, max: 30 } });
    const intl = expectedRefundDates({ policy: presets["ekoh-store"], approvedAt: "2026-03-05T21:00:00Z", region: "international", shop: { timezone: "Pacific/Auckland" } });
    expect(intl?.businessDays).toEqual({ min: 15, max: 40 });
    expect(expectedRefundDates({ policy: presets["ekr-auto"], approvedAt: "2026-03-05T21:00:00Z", region: "domestic", shop: { timezone: "UTC" } })).toBeNull();
  });

  it("skips policy holidays", () => {
    const p = parsePolicy({ ...presets["ekoh-store"], refundTimelines: { ...presets["ekoh-store"].refundTimelines!, holidays: ["2026-03-09"] } });
    const d = expectedRefundDates({ policy: p, approvedAt: "2026-03-05T21:00:00Z", region: "domestic", shop: { timezone: "Pacific/Auckland" } });
    expect(d?.earliest).toBe("2026-03-16");
  });

  it("tells domestic from international", () => {
    expect(regionOf({ shippingCountry: "NZ" }, { country: "NZ" })).toBe("domestic");
    expect(regionOf({ shippingCountry: "AU" }, { country: "NZ" })).toBe("international");
  });
});
