import { describe, expect, it } from "vitest";
import { checkExchangeChoice, exchangeOptionsFor, priceExchange, storeCreditWithBonus, type ExchangeOption } from "./exchange";
import { parseStoredVerdict } from "./verdict";

const MATS = "gid://shopify/Product/103";
const options: ExchangeOption[] = [
  { variantId: "v-standard", productId: MATS, unitPriceMinor: 8900, available: 20 },
  { variantId: "v-large", productId: MATS, unitPriceMinor: 8900, available: 12 },
  { variantId: "v-xl", productId: MATS, unitPriceMinor: 9900, available: 4 },
  { variantId: "v-compact", productId: MATS, unitPriceMinor: 7900, available: 0 },
  { variantId: "v-liner", productId: "gid://shopify/Product/104", unitPriceMinor: 6900, available: null },
];
const returned = { variantId: "v-standard", productId: MATS, quantity: 1 };

describe("priceExchange", () => {
  it("a replacement is free: the whole price is the discount, nothing refunded or owed", () => {
    expect(priceExchange({ kind: "replacement", returnedMinor: 24900, items: [{ unitPriceMinor: 24900, quantity: 1 }] })).toEqual({
      kind: "replacement",
      itemsMinor: 24900,
      discountMinor: 24900,
      returnedMinor: 24900,
      refundMinor: 0,
      dueMinor: 0,
    });
  });
  it("a cheaper exchange refunds the difference; a dearer one owes it; never a float", () => {
    expect(priceExchange({ kind: "exchange", returnedMinor: 8900, items: [{ unitPriceMinor: 6900, quantity: 1 }] })).toMatchObject({ refundMinor: 2000, dueMinor: 0 });
    expect(priceExchange({ kind: "exchange", returnedMinor: 8900, items: [{ unitPriceMinor: 9900, quantity: 1 }] })).toMatchObject({ refundMinor: 0, dueMinor: 1000 });
    expect(priceExchange({ kind: "exchange", returnedMinor: 8900, items: [{ unitPriceMinor: 8900, quantity: 1 }] })).toMatchObject({ refundMinor: 0, dueMinor: 0 });
    expect(() => priceExchange({ kind: "exchange", returnedMinor: 0.5, items: [] })).toThrow(RangeError);
  });
});

describe("checkExchangeChoice", () => {
  const base = { returned, options, otherProducts: false, returnedMinor: 8900 };
  it("replacement: the same variant only", () => {
    expect(checkExchangeChoice({ ...base, kind: "replacement", choice: { variantId: "v-standard", quantity: 1 } })).toBeNull();
    expect(checkExchangeChoice({ ...base, kind: "replacement", choice: { variantId: "v-large", quantity: 1 } })).toMatchObject({ code: "NOT_SAME_VARIANT", field: "variantId" });
  });
  it("exchange: another variant of the product, in stock, not dearer; another product only when the policy allows", () => {
    expect(checkExchangeChoice({ ...base, kind: "exchange", choice: { variantId: "v-large", quantity: 1 } })).toBeNull();
    expect(checkExchangeChoice({ ...base, kind: "exchange", choice: { variantId: "v-standard", quantity: 1 } })).toMatchObject({ code: "SAME_VARIANT" });
    expect(checkExchangeChoice({ ...base, kind: "exchange", choice: { variantId: "v-compact", quantity: 1 } })).toEqual({ code: "OUT_OF_STOCK", field: "variantId", available: 0 });
    expect(checkExchangeChoice({ ...base, kind: "exchange", choice: { variantId: "v-xl", quantity: 1 } })).toEqual({ code: "PRICE_HIGHER", field: "variantId", dueMinor: 1000 });
    expect(checkExchangeChoice({ ...base, kind: "exchange", choice: { variantId: "v-liner", quantity: 1 } })).toMatchObject({ code: "OTHER_PRODUCT" });
    expect(checkExchangeChoice({ ...base, otherProducts: true, kind: "exchange", choice: { variantId: "v-liner", quantity: 1 } })).toBeNull();
    expect(checkExchangeChoice({ ...base, kind: "exchange", choice: { variantId: "nope", quantity: 1 } })).toMatchObject({ code: "UNKNOWN_VARIANT" });
    expect(checkExchangeChoice({ ...base, kind: "exchange", choice: { variantId: "v-large", quantity: 2 } })).toMatchObject({ code: "QUANTITY", field: "quantity" });
  });
  it("the options a shopper sees are exactly the choices that pass", () => {
    expect(exchangeOptionsFor({ ...base, kind: "exchange" }).map((o) => o.variantId)).toEqual(["v-large"]);
    expect(exchangeOptionsFor({ ...base, kind: "exchange", otherProducts: true }).map((o) => o.variantId)).toEqual(["v-large", "v-liner"]);
    expect(exchangeOptionsFor({ ...base, kind: "replacement" }).map((o) => o.variantId)).toEqual(["v-standard"]);
  });
});

describe("store credit bonus", () => {
  it("adds the policy's basis points, rounded half up in integers", () => {
    expect(storeCreditWithBonus(3500, 1000)).toEqual({ creditMinor: 3850, bonusMinor: 350 });
    expect(storeCreditWithBonus(3505, 1000)).toEqual({ creditMinor: 3856, bonusMinor: 351 });
    expect(storeCreditWithBonus(3500, 0)).toEqual({ creditMinor: 3500, bonusMinor: 0 });
  });
});

describe("stored exchange", () => {
  it("round-trips through the verdict and names a bad field", () => {
    const exchange = { kind: "exchange" as const, items: [{ variantId: "v-large", quantity: 1, unitPriceMinor: 8900, title: "Large" }], refundMinor: 0 };
    expect(parseStoredVerdict({ exchange }).exchange).toEqual(exchange);
    expect(() => parseStoredVerdict({ exchange: { ...exchange, refundMinor: 1.5 } })).toThrow(/exchange\.refundMinor/);
  });
});
