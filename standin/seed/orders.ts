// Orders made to measure for tests: a NZD shop's order paid in another (presentment) currency, with
// any number of payments (cards, gift cards), fulfilled and delivered. Amounts are integer minor units;
// shop money is derived from presentment money at a rate given as two integers, never a float.
import type { Store } from "../state/store";
import { newId } from "../state/store";
import type { LineItemRec, OrderRec, TransactionRec } from "../state/types";
import { toShop } from "../state/money";

export interface MadeOrderSpec {
  customerId: string | null;
  /** the currency the shopper paid in (AUD, USD, JPY, or the shop's own) */
  presentment: string;
  /** the same amount in shop and in presentment money, minor units: { shop: 10000, presentment: 9000 } is NZD 1 = 90 yen */
  rate?: { shop: number; presentment: number };
  /** per line: unit price in presentment minor units, quantity */
  lines: { title: string; unitPresentment: number; quantity: number }[];
  /** payments in presentment minor units (default: one card payment of the whole order) */
  payments?: { gateway: string; presentment: number }[];
  /** order and delivery time */
  processedAt: string;
  deliveredAt: string;
  shippingCountry?: string;
}

/** Adds a delivered order (no shipping charge, tax-inclusive prices) and returns it. */
export function addOrder(store: Store, spec: MadeOrderSpec): OrderRec {
  const rate = spec.rate ?? { shop: 1, presentment: 1 };
  const shopOf = (p: number) => toShop(p, rate.shop, rate.presentment);
  const number = store.nextOrderNumber++;
  const orderId = newId(store, "Order");
  const lineItems: LineItemRec[] = spec.lines.map((l) => ({
    id: newId(store, "LineItem"),
    title: l.title,
    quantity: l.quantity,
    sku: null,
    vendor: null,
    productId: null,
    variantId: null,
    isGiftCard: false,
    requiresShipping: true,
    customAttributes: [],
    unitPrice: shopOf(l.unitPresentment),
    unitPricePresentment: l.unitPresentment,
    discount: 0,
    discountPresentment: 0,
    taxLines: [],
  }));
  const total = spec.lines.reduce((a, l) => a + l.unitPresentment * l.quantity, 0);
  const payments = spec.payments ?? [{ gateway: "shopify_payments", presentment: total }];
  const transactions: TransactionRec[] = payments.map((p) => ({
    id: newId(store, "OrderTransaction"),
    kind: "SALE",
    status: "SUCCESS",
    gateway: p.gateway,
    amount: shopOf(p.presentment),
    presentmentAmount: p.presentment,
    parentId: null,
    createdAt: spec.processedAt,
  }));
  const order: OrderRec = {
    id: orderId,
    name: `#${number}`,
    number,
    email: null,
    customerId: spec.customerId,
    createdAt: spec.processedAt,
    processedAt: spec.processedAt,
    updatedAt: spec.processedAt,
    cancelledAt: null,
    currencyCode: store.shop.currencyCode,
    presentmentCurrencyCode: spec.presentment,
    sourceName: "web",
    channel: { handle: "online_store", displayName: "Online Store" },
    appName: null,
    test: false,
    tags: [],
    note: null,
    shippingAddress: { countryCodeV2: spec.shippingCountry ?? "NZ" },
    shipping: 0,
    lineItems,
    fulfillments: [
      {
        id: newId(store, "Fulfillment"),
        orderId,
        name: `#${number}-F1`,
        status: "SUCCESS",
        displayStatus: "DELIVERED",
        createdAt: spec.processedAt,
        inTransitAt: spec.processedAt,
        deliveredAt: spec.deliveredAt,
        lines: lineItems.map((l) => ({ id: newId(store, "FulfillmentLineItem"), lineItemId: l.id, quantity: l.quantity })),
        events: [{ id: newId(store, "FulfillmentEvent"), status: "DELIVERED", happenedAt: spec.deliveredAt }],
        trackingNumber: null,
        trackingCompany: null,
      },
    ],
    transactions,
    returnIds: [],
    refundIds: [],
    returnCounter: 0,
  };
  store.orders.set(order.id, order);
  return order;
}


