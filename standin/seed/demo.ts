import type { Store } from "../state/store";
import { gid } from "../state/store";
import type { FulfillmentRec, LineItemRec, OrderRec } from "../state/types";
import { iso } from "../clock";
import { PRODUCTS, seedCatalog } from "./catalog";
import { approveReturn, closeReturn, createReturn, declineReturn, processReturnLines } from "../state/returns";
import { createRefund } from "../state/refunds";
import { toDecimal } from "../state/money";

const DAY = 86_400_000;

type Delivery = "unfulfilled" | "in_transit" | "delivered";

interface OrderSpec {
  customer: number | null;
  items: { product: number; qty: number; discountPct?: number; attrs?: Record<string, string> }[];
  ageDays: number;
  delivery: Delivery;
  /** days after the order that it was delivered */
  deliveredAfter?: number;
  channel?: "web" | "amazon" | "trademe" | "pos";
  presentment?: { currency: string; rate: number };
  then?: "requested" | "approved" | "declined" | "closed" | "refunded-partly";
  tags?: string[];
}

/** ~50 orders in every state that matters; all dates relative to `now` so the seed is deterministic for a given now. */
function specs(): OrderSpec[] {
  const list: OrderSpec[] = [
    // Alex Example (Customer/1): several returnable orders for the demo
    { customer: 1, items: [{ product: 103, qty: 1 }, { product: 209, qty: 2 }], ageDays: 5, delivery: "delivered", deliveredAfter: 4 },
    { customer: 1, items: [{ product: 101, qty: 1, attrs: { Vehicle: "2021 Toyota Hilux" } }], ageDays: 12, delivery: "delivered", deliveredAfter: 6 },
    { customer: 1, items: [{ product: 201, qty: 2 }, { product: 204, qty: 1 }], ageDays: 3, delivery: "delivered", deliveredAfter: 2 },
    { customer: 1, items: [{ product: 203, qty: 1 }, { product: 207, qty: 1, discountPct: 50 }], ageDays: 9, delivery: "delivered", deliveredAfter: 3 },
    { customer: 1, items: [{ product: 104, qty: 1 }], ageDays: 2, delivery: "in_transit" },
    { customer: 1, items: [{ product: 105, qty: 1 }, { product: 103, qty: 1 }], ageDays: 20, delivery: "delivered", deliveredAfter: 4 },
    // a seat cover four months on: past a 30-day window, within EKR Auto's two-year seat cover warranty
    { customer: 1, items: [{ product: 102, qty: 1, attrs: { Vehicle: "2019 Ford Ranger" } }], ageDays: 120, delivery: "delivered", deliveredAfter: 5 },
    { customer: 1, items: [{ product: 103, qty: 2 }], ageDays: 15, delivery: "delivered", deliveredAfter: 4, then: "requested" },
  ];
  const shapes: Omit<OrderSpec, "customer">[] = [
    { items: [{ product: 102, qty: 1 }], ageDays: 1, delivery: "unfulfilled" },
    { items: [{ product: 203, qty: 2 }], ageDays: 4, delivery: "in_transit" },
    { items: [{ product: 208, qty: 1, attrs: { Engraving: "Kia ora" } }], ageDays: 10, delivery: "delivered", deliveredAfter: 5 },
    { items: [{ product: 205, qty: 1 }, { product: 206, qty: 1 }], ageDays: 2, delivery: "delivered", deliveredAfter: 1 },
    { items: [{ product: 202, qty: 3 }], ageDays: 40, delivery: "delivered", deliveredAfter: 4 },
    { items: [{ product: 210, qty: 1 }], ageDays: 6, delivery: "delivered", deliveredAfter: 0 },
    { items: [{ product: 103, qty: 1, discountPct: 20 }], ageDays: 8, delivery: "delivered", deliveredAfter: 3 },
    { items: [{ product: 104, qty: 1 }], ageDays: 9, delivery: "delivered", deliveredAfter: 8, channel: "amazon" },
    { items: [{ product: 209, qty: 2 }], ageDays: 11, delivery: "delivered", deliveredAfter: 4, channel: "trademe" },
    { items: [{ product: 103, qty: 1 }], ageDays: 7, delivery: "delivered", deliveredAfter: 5, presentment: { currency: "AUD", rate: 0.92 } },
    { items: [{ product: 101, qty: 1 }], ageDays: 14, delivery: "delivered", deliveredAfter: 7, presentment: { currency: "USD", rate: 0.6 } },
    { items: [{ product: 204, qty: 2 }, { product: 209, qty: 1 }], ageDays: 18, delivery: "delivered", deliveredAfter: 4, then: "approved" },
    { items: [{ product: 203, qty: 1 }], ageDays: 25, delivery: "delivered", deliveredAfter: 4, then: "declined" },
    { items: [{ product: 103, qty: 2 }], ageDays: 35, delivery: "delivered", deliveredAfter: 5, then: "closed" },
    { items: [{ product: 209, qty: 3 }], ageDays: 16, delivery: "delivered", deliveredAfter: 4, then: "refunded-partly" },
    { items: [{ product: 207, qty: 2, discountPct: 50 }], ageDays: 6, delivery: "delivered", deliveredAfter: 2 },
    { items: [{ product: 202, qty: 1 }], ageDays: 200, delivery: "delivered", deliveredAfter: 6, channel: "pos" },
    { items: [{ product: 103, qty: 1 }, { product: 104, qty: 1 }], ageDays: 30, delivery: "delivered", deliveredAfter: 29 },
    { items: [{ product: 205, qty: 2 }], ageDays: 1, delivery: "in_transit" },
    { items: [{ product: 102, qty: 1 }, { product: 103, qty: 1 }], ageDays: 45, delivery: "delivered", deliveredAfter: 10 },
    { items: [{ product: 201, qty: 1 }], ageDays: 0, delivery: "unfulfilled" },
  ];
  let c = 2;
  while (list.length < 50) {
    for (const s of shapes) {
      if (list.length >= 50) break;
      list.push({ ...s, customer: c });
      c = c === 10 ? 2 : c + 1;
    }
  }
  return list;
}

const CHANNELS = {
  web: { sourceName: "web", channel: { handle: "online_store", displayName: "Online Store" }, app: "Online Store" },
  pos: { sourceName: "pos", channel: { handle: "pos", displayName: "Point of Sale" }, app: "Point of Sale" },
  amazon: { sourceName: "amazon", channel: { handle: "amazon", displayName: "Amazon" }, app: "Amazon" },
  trademe: { sourceName: "trademe", channel: { handle: "trade-me", displayName: "Trade Me" }, app: "Trade Me" },
} as const;

export function seedDemo(store: Store, now: Date): void {
  const t0 = now.getTime();
  seedCatalog(store, iso(new Date(t0 - 400 * DAY)));
  let lineSeq = 10_000;
  let fulSeq = 5_000;
  let fliSeq = 20_000;
  let txSeq = 30_000;
  // order numbers follow creation time, as in a real shop
  const ordered = specs()
    .map((s, i) => ({ s, at: t0 - s.ageDays * DAY - (i % 7) * 3_600_000 }))
    .sort((a, b) => a.at - b.at);
  ordered.forEach(({ s, at }) => {
    const number = store.nextOrderNumber++;
    const createdAt = iso(new Date(at));
    const channel = CHANNELS[s.channel ?? "web"];
    const pres = s.presentment ?? { currency: "NZD", rate: 1 };
    const lineItems: LineItemRec[] = s.items.map((it) => {
      const p = PRODUCTS.find((x) => x.n === it.product)!;
      const discount = Math.round((p.price * it.qty * (it.discountPct ?? 0)) / 100);
      const gross = p.price * it.qty - discount;
      const gst = Math.round((gross * 3) / 23); // 15% GST, price-inclusive
      return {
        id: gid("LineItem", ++lineSeq),
        title: p.title,
        quantity: it.qty,
        sku: p.sku,
        vendor: p.vendor,
        productId: gid("Product", p.n),
        variantId: gid("ProductVariant", p.n * 10),
        isGiftCard: p.isGiftCard ?? false,
        requiresShipping: !p.isGiftCard,
        customAttributes: Object.entries(it.attrs ?? {}).map(([key, value]) => ({ key, value })),
        unitPrice: p.price,
        unitPricePresentment: Math.round(p.price * pres.rate),
        discount,
        discountPresentment: Math.round(discount * pres.rate),
        taxLines: p.isGiftCard ? [] : [{ title: "GST", rate: 0.15, price: gst }],
      };
    });
    const shipping = s.items.every((i) => PRODUCTS.find((p) => p.n === i.product)?.isGiftCard) ? 0 : 900;
    const total = lineItems.reduce((a, l) => a + l.unitPrice * l.quantity - l.discount, 0) + shipping;
    const orderId = gid("Order", 7_000 + number);
    const fulfillments: FulfillmentRec[] = [];
    if (s.delivery !== "unfulfilled") {
      const shippedAt = new Date(Date.parse(createdAt) + DAY / 2);
      const deliveredAt = s.delivery === "delivered" ? iso(new Date(Date.parse(createdAt) + (s.deliveredAfter ?? 3) * DAY)) : null;
      fulfillments.push({
        id: gid("Fulfillment", ++fulSeq),
        orderId,
        name: `${`#${number}`}-F1`,
        status: "SUCCESS",
        displayStatus: deliveredAt ? "DELIVERED" : "IN_TRANSIT",
        createdAt: iso(shippedAt),
        inTransitAt: iso(shippedAt),
        deliveredAt,
        lines: lineItems.map((l) => ({ id: gid("FulfillmentLineItem", ++fliSeq), lineItemId: l.id, quantity: l.quantity })),
        events: [
          { id: gid("FulfillmentEvent", fulSeq * 10 + 1), status: "IN_TRANSIT", happenedAt: iso(shippedAt) },
          ...(deliveredAt ? [{ id: gid("FulfillmentEvent", fulSeq * 10 + 2), status: "DELIVERED", happenedAt: deliveredAt }] : []),
        ],
        trackingNumber: `NZP${number}`,
        trackingCompany: "NZ Post",
      });
    }
    const customer = s.customer ? store.customers.get(gid("Customer", s.customer)) : undefined;
    const order: OrderRec = {
      id: orderId,
      name: `#${number}`,
      number,
      email: customer?.email ?? null,
      customerId: customer?.id ?? null,
      createdAt,
      processedAt: createdAt,
      updatedAt: createdAt,
      cancelledAt: null,
      currencyCode: "NZD",
      presentmentCurrencyCode: pres.currency,
      sourceName: channel.sourceName,
      channel: channel.channel,
      appName: channel.app,
      test: false,
      tags: s.tags ?? [],
      note: null,
      shippingAddress: { firstName: customer?.firstName, lastName: customer?.lastName, address1: "1 Queen Street", city: "Auckland", zip: "1010", countryCodeV2: pres.currency === "AUD" ? "AU" : pres.currency === "USD" ? "US" : "NZ" },
      shipping,
      lineItems,
      fulfillments,
      transactions: [
        { id: gid("OrderTransaction", ++txSeq), kind: "SALE", status: "SUCCESS", gateway: "shopify_payments", amount: total, presentmentAmount: Math.round(total * pres.rate), parentId: null, createdAt },
      ],
      returnIds: [],
      refundIds: [],
      returnCounter: 0,
    };
    store.orders.set(order.id, order);
    applyAfter(store, order, s, new Date(Date.parse(createdAt) + ((s.deliveredAfter ?? 3) + 1) * DAY));
  });
}

/** Puts an order into a later return state through the same state functions the API uses. */
function applyAfter(store: Store, order: OrderRec, s: OrderSpec, at: Date): void {
  if (!s.then) return;
  const clock = () => at;
  const reason = store.returnReasonDefinitions.find((d) => d.handle === "changed-my-mind")!.id;
  const f = order.fulfillments[0]!;
  const first = f.lines[0]!;
  const r = createReturn(store, clock, { orderId: order.id, returnLineItems: [{ fulfillmentLineItemId: first.id, quantity: 1, returnReasonDefinitionId: reason }] }, { status: "REQUESTED", fieldRoot: "input" });
  const ret = r.ret!;
  if (s.then === "requested") return;
  if (s.then === "declined") {
    declineReturn(store, clock, { id: ret.id, declineReason: "RETURN_PERIOD_ENDED", declineNote: "Outside the return window" });
    return;
  }
  approveReturn(store, clock, ret.id);
  if (s.then === "approved") return;
  const line = ret.lines[0]!;
  processReturnLines(store, ret.id, [{ id: line.id, quantity: 1 }]);
  const li = order.lineItems.find((l) => l.id === line.lineItemId)!;
  // refunds are made in the currency the shopper paid
  const amount = li.unitPricePresentment - Math.floor(li.discountPresentment / li.quantity);
  const rf = createRefund(store, clock, {
    orderId: order.id,
    refundLineItems: [{ lineItemId: li.id, quantity: 1, restockType: "RETURN" }],
    currency: order.presentmentCurrencyCode,
    transactions: [{ amount: toDecimal(amount, order.presentmentCurrencyCode), gateway: "shopify_payments", kind: "REFUND", orderId: order.id, parentId: order.transactions[0]!.id }],
  }, { returnId: ret.id });
  ret.refundIds.push(rf.refund!.id);
  line.refundedQuantity += 1;
  if (s.then === "closed") closeReturn(store, clock, ret.id);
}
