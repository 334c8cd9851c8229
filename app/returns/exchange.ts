// Replacements and exchanges, priced in minor units of the currency the shopper paid. Pure: the caller
// gives the returned items' refund value (computeRefund), the chosen items with their prices and stock.
//
// - replacement: the same variant again, free (a 100% discount on the exchange item at Shopify);
// - exchange: another variant of the same product (another product when the policy allows it), at its
//   price: a cheaper one refunds the difference, a dearer one is refused (decision 170: Shopify holds
//   the exchange's fulfillment order awaiting payment and the app has no way to collect it yet).
import { applyBps } from "./money";

export const EXCHANGE_KINDS = ["replacement", "exchange"] as const;
export type ExchangeKind = (typeof EXCHANGE_KINDS)[number];

/** A variant the shopper may pick, as the catalogue shows it now. */
export interface ExchangeOption {
  variantId: string;
  productId: string;
  /** price of one unit, minor units of the order's currency */
  unitPriceMinor: number;
  /** units on hand; null: stock not tracked (always available) */
  available: number | null;
}

/** The item being returned. */
export interface ReturnedItem {
  variantId: string;
  productId: string;
  quantity: number;
}

export interface ExchangeChoice {
  variantId: string;
  quantity: number;
}

export type ExchangeRefusal =
  | { code: "NOT_SAME_VARIANT"; field: "variantId" }
  | { code: "SAME_VARIANT"; field: "variantId" }
  | { code: "OTHER_PRODUCT"; field: "variantId" }
  | { code: "UNKNOWN_VARIANT"; field: "variantId" }
  | { code: "OUT_OF_STOCK"; field: "variantId"; available: number }
  | { code: "QUANTITY"; field: "quantity" }
  | { code: "PRICE_HIGHER"; field: "variantId"; dueMinor: number };

export interface ExchangePrice {
  kind: ExchangeKind;
  /** the new items at their price */
  itemsMinor: number;
  /** the discount put on the exchange items at Shopify (all of it for a replacement) */
  discountMinor: number;
  /** what the returned items are worth to the shopper (their refund value) */
  returnedMinor: number;
  /** refunded to the shopper when the new items cost less (never negative) */
  refundMinor: number;
  /** owed by the shopper when the new items cost more (never negative) */
  dueMinor: number;
}

/** Prices a replacement (free) or an exchange (the difference, either way) in minor units. */
export function priceExchange(args: { kind: ExchangeKind; returnedMinor: number; items: readonly { unitPriceMinor: number; quantity: number }[] }): ExchangePrice {
  const itemsMinor = args.items.reduce((a, i) => a + i.unitPriceMinor * i.quantity, 0);
  if (!Number.isSafeInteger(itemsMinor) || !Number.isSafeInteger(args.returnedMinor)) throw new RangeError("exchange amounts must be whole minor units");
  if (args.kind === "replacement") {
    return { kind: "replacement", itemsMinor, discountMinor: itemsMinor, returnedMinor: args.returnedMinor, refundMinor: 0, dueMinor: 0 };
  }
  const diff = args.returnedMinor - itemsMinor;
  return { kind: "exchange", itemsMinor, discountMinor: 0, returnedMinor: args.returnedMinor, refundMinor: Math.max(0, diff), dueMinor: Math.max(0, -diff) };
}

/**
 * Checks the shopper's (or staff's) choice of new item against the returned one: a replacement is the
 * same variant, an exchange another variant of the same product (or any product when
 * `otherProducts`), in stock for the quantity, and not dearer than what is returned.
 */
export function checkExchangeChoice(args: {
  kind: ExchangeKind;
  returned: ReturnedItem;
  choice: ExchangeChoice;
  options: readonly ExchangeOption[];
  otherProducts: boolean;
  returnedMinor: number;
}): ExchangeRefusal | null {
  const { kind, returned, choice } = args;
  if (!Number.isInteger(choice.quantity) || choice.quantity < 1 || choice.quantity > returned.quantity) return { code: "QUANTITY", field: "quantity" };
  const option = args.options.find((o) => o.variantId === choice.variantId);
  if (!option) return { code: "UNKNOWN_VARIANT", field: "variantId" };
  if (kind === "replacement" && option.variantId !== returned.variantId) return { code: "NOT_SAME_VARIANT", field: "variantId" };
  if (kind === "exchange") {
    if (option.variantId === returned.variantId) return { code: "SAME_VARIANT", field: "variantId" };
    if (option.productId !== returned.productId && !args.otherProducts) return { code: "OTHER_PRODUCT", field: "variantId" };
  }
  if (option.available !== null && option.available < choice.quantity) return { code: "OUT_OF_STOCK", field: "variantId", available: Math.max(0, option.available) };
  const price = priceExchange({ kind, returnedMinor: args.returnedMinor, items: [{ unitPriceMinor: option.unitPriceMinor, quantity: choice.quantity }] });
  if (price.dueMinor > 0) return { code: "PRICE_HIGHER", field: "variantId", dueMinor: price.dueMinor };
  return null;
}

/** The variants a shopper may choose from, for this kind: in stock, not dearer than the returned items. */
export function exchangeOptionsFor(args: {
  kind: ExchangeKind;
  returned: ReturnedItem;
  options: readonly ExchangeOption[];
  otherProducts: boolean;
  returnedMinor: number;
}): ExchangeOption[] {
  return args.options.filter(
    (o) => checkExchangeChoice({ ...args, choice: { variantId: o.variantId, quantity: args.returned.quantity } }) === null,
  );
}

/**
 * Store credit worth choosing (decision 220): the refund plus the policy's bonus (basis points), in
 * minor units of the currency the shopper paid, the bonus rounded half up to the currency's minor unit
 * (integer arithmetic: NZ$35.05 at +10% is NZ$38.56, ¥3,505 at +10% is ¥3,856).
 */
export function storeCreditWithBonus(refundMinor: number, bonusBps: number): { creditMinor: number; bonusMinor: number } {
  const bonusMinor = bonusBps > 0 ? applyBps(refundMinor, bonusBps) : 0;
  return { creditMinor: refundMinor + bonusMinor, bonusMinor };
}
