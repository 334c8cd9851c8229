import { describe, expect, it } from "vitest";
import { applyBps, bpsToPercentage, computeRefund, convertMinor, recordedRateOf, currencyExponent, expectedRefundDates, formatMoney, parseMoney, regionOf, toDecimalString, MoneyError } from "./money";
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

  it("refunds what was paid incl. tax share, minus restocking (on the price without tax, as Shopify takes it) and shipping", () => {
    const r = computeRefund({
      policy: withFees(1000, 500),
      currency: "USD",
      lines: [{ unitPrice: "20.00", unitTax: "1.50", quantity: 2, group: "change_of_mind" }],
    });
    expect(r.subtotalMinor).toBe(4300);
    expect(r.restockingMinor).toBe(400);
    expect(r.returnShippingFeeMinor).toBe(500);
    expect(r.totalMinor).toBe(4300 - 400 - 500);
  });

  it("takes the restocking fee Shopify's returnCalculate recorded: 10% of a 20.00 line with 1.00 tax is 2.00", () => {
    // ../shared/shopify/captures/2026-04-return-query-roots-recorded.json, returnCalculate
    const r = computeRefund({ policy: withFees(1000, 0), currency: "USD", lines: [{ unitPrice: "20.00", unitTax: "1.00", quantity: 1, group: "change_of_mind" }] });
    expect(r.restockingMinor).toBe(200);
    expect(r.totalMinor).toBe(2100 - 200);
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

  describe("presentment money with shop money beside it", () => {
    // A NZD shop: the order's total as Shopify recorded it in both currencies is the rate.
    const aud = recordedRateOf({ currency: "AUD", shopMoney: { currency: "NZD", total: "100.00", presentmentTotal: "92.00" } })!;
    const jpy = recordedRateOf({ currency: "JPY", shopMoney: { currency: "NZD", total: "100.00", presentmentTotal: "9000" } })!;

    it("reads the recorded rate, and none when the shopper paid in shop money", () => {
      expect(aud).toEqual({ shopCurrency: "NZD", shopMinor: 10000, presentmentMinor: 9200 });
      expect(jpy).toEqual({ shopCurrency: "NZD", shopMinor: 10000, presentmentMinor: 9000 });
      expect(recordedRateOf({ currency: "NZD" })).toBeUndefined();
      expect(recordedRateOf({ currency: "NZD", shopMoney: { currency: "NZD", total: "1.00", presentmentTotal: "1.00" } })).toBeUndefined();
      expect(recordedRateOf({ currency: "USD", shopMoney: { currency: "NZD", total: "0.00", presentmentTotal: "0.00" } })).toBeUndefined();
    });

    it("converts minor units half up in integers, across exponents", () => {
      expect(convertMinor(850, 10000, 9000)).toBe(765); // NZD 8.50 -> 765 yen
      expect(convertMinor(1, 3, 2)).toBe(1); // 0.667 -> 1
      expect(convertMinor(1, 4, 2)).toBe(1); // 0.5 -> 1 (half up)
      expect(convertMinor(-850, 10000, 9200)).toBe(-782);
      expect(() => convertMinor(1, 0, 5)).toThrow(MoneyError);
    });

    it("prices in the currency paid and converts the flat fee at the recorded rate", () => {
      const r = computeRefund({ policy: withFees(1000, 850), currency: "AUD", rate: aud, lines: [{ unitPrice: "46.00", quantity: 2, group: "change_of_mind" }] });
      expect(r.currency).toBe("AUD");
      expect(r.subtotalMinor).toBe(9200);
      expect(r.restockingMinor).toBe(920);
      expect(r.returnShippingFeeMinor).toBe(782); // NZD 8.50 at 0.92
      expect(r.totalMinor).toBe(9200 - 920 - 782);
      expect(r.restockingPercentage).toBe(10);
      // the same money in NZD: 7498 AUD cents / 0.92 = 8150 NZD cents
      expect(r.shop).toEqual({ currency: "NZD", totalMinor: 8150, feesMinor: 1850 });
    });

    it("keeps zero-decimal currencies whole: yen never gets cents", () => {
      const r = computeRefund({ policy: withFees(1250, 850), currency: "JPY", rate: jpy, lines: [{ unitPrice: "4500", quantity: 1, group: "change_of_mind" }] });
      expect(r.subtotalMinor).toBe(4500);
      expect(r.restockingMinor).toBe(563); // 562.5 half up
      expect(r.returnShippingFeeMinor).toBe(765);
      expect(r.totalMinor).toBe(4500 - 563 - 765);
      expect(r.restockingPercentage).toBe(12.5);
      expect(Number.isInteger(r.totalMinor)).toBe(true);
      expect(r.shop.currency).toBe("NZD");
      expect(r.shop.totalMinor).toBe(convertMinor(3172, 9000, 10000));
    });

    it("gives the same money in shop money when the shopper paid in it", () => {
      const r = computeRefund({ policy: withFees(0, 500), currency: "NZD", lines: [{ unitPrice: "20.00", quantity: 1, group: "change_of_mind" }] });
      expect(r.shop).toEqual({ currency: "NZD", totalMinor: 1500, feesMinor: 500 });
      expect(r.restockingPercentage).toBe(0);
      expect(bpsToPercentage(1)).toBe(0.01);
      expect(bpsToPercentage(10000)).toBe(100);
    });
  });
});
