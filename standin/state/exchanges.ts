// Exchange line items: the new items a Return adds to its order, and the fulfillment order that ships
// them once the Return is processed.
//
// What Shopify documents (docs/decisions/170-exchanges.md has the sources and what is uncertain):
// - `returnCreate` takes `exchangeLineItems` (variantId, quantity, appliedDiscount as an amount or a
//   percentage); `returnRequest` does not (ReturnRequestInput has no such field), so a requested Return
//   never gains exchange items: https://shopify.dev/docs/api/admin-graphql/latest/input-objects/ReturnInput
// - `returnProcess` "creates FulfillmentOrder objects for exchange items":
//   https://shopify.dev/docs/api/admin-graphql/latest/mutations/returnProcess
// - "Native exchanges do not create a separate new order. They're updates to the existing order ... If
//   there is a balance due, the fulfillment order might be held until payment is captured":
//   https://shopify.dev/docs/apps/build/orders-fulfillment/returns-apps/read-exchanges
//   (processing exchange items with nothing to pay for them holds the order AWAITING_PAYMENT, as reported
//   on community.shopify.dev "returnProcess mutation on exchange items causes partially paid order").
import type { Store } from "./store";
import { newId } from "./store";
import { ue, type UserErr } from "./errors";
import type { Clock } from "../clock";
import { iso } from "../clock";
import { fromDecimal } from "./money";
import type { ExchangeLineRec, FulfillmentOrderRec, FulfillmentRec, LineItemRec, OrderRec, ReturnRec } from "./types";

export interface ExchangeLineInput {
  variantId?: string | null;
  quantity: number;
  giftCardCodes?: string[] | null;
  appliedDiscount?: { description?: string | null; value: { amount?: { amount: string; currencyCode: string } | null; percentage?: number | null } } | null;
}

/** Checks returnCreate's exchangeLineItems and prices them at the variant's current price. */
export function exchangeLinesFor(
  store: Store,
  order: OrderRec,
  items: readonly ExchangeLineInput[],
  root: string,
): { lines: ExchangeLineRec[]; errors: UserErr[] } {
  const lines: ExchangeLineRec[] = [];
  const errors: UserErr[] = [];
  items.forEach((it, i) => {
    const at = [root, "exchangeLineItems", String(i)];
    const variant = it.variantId ? store.variants.get(it.variantId) : undefined;
    if (!variant) {
      errors.push(ue([...at, "variantId"], "Variant does not exist.", "NOT_FOUND"));
      return;
    }
    if (!Number.isInteger(it.quantity) || it.quantity <= 0) {
      errors.push(ue([...at, "quantity"], "Quantity must be greater than 0", "GREATER_THAN"));
      return;
    }
    const gross = variant.price * it.quantity;
    let discount = 0;
    const value = it.appliedDiscount?.value;
    if (value) {
      const hasPct = value.percentage != null;
      const hasAmt = value.amount != null;
      if (hasPct === hasAmt) {
        errors.push(ue([...at, "appliedDiscount", "value"], "Exactly one of amount or percentage must be provided.", "INVALID"));
        return;
      }
      if (hasPct) {
        const pct = value.percentage!;
        if (!(pct >= 0 && pct <= 100)) {
          errors.push(ue([...at, "appliedDiscount", "value", "percentage"], "Percentage must be between 0 and 100.", "INVALID"));
          return;
        }
        discount = Math.round((gross * pct) / 100);
      } else {
        if (value.amount!.currencyCode !== order.currencyCode) {
          errors.push(ue([...at, "appliedDiscount", "value", "amount", "currencyCode"], "Currency must match the order's currency.", "INVALID"));
          return;
        }
        discount = fromDecimal(value.amount!.amount, order.currencyCode);
        if (discount < 0 || discount > gross) {
          errors.push(ue([...at, "appliedDiscount", "value", "amount"], "Discount cannot exceed the line's price.", "INVALID"));
          return;
        }
      }
    }
    lines.push({
      id: newId(store, "ExchangeLineItem"),
      variantId: variant.id,
      quantity: it.quantity,
      processedQuantity: 0,
      unitPrice: variant.price,
      discount,
      discountDescription: it.appliedDiscount?.description ?? null,
      lineItemIds: [],
    });
  });
  return { lines, errors };
}

/** returnProcess exchangeLineItems: each id on this Return, each quantity at most what is unprocessed. */
export function exchangeProcessErrors(ret: ReturnRec, items: readonly { id: string; quantity: number }[]): UserErr[] {
  const errors: UserErr[] = [];
  items.forEach((it, i) => {
    const line = ret.exchangeLines?.find((l) => l.id === it.id);
    if (!line) errors.push(ue(["input", "exchangeLineItems", String(i), "id"], "Exchange line item was not found.", "NOT_FOUND"));
    else if (it.quantity <= 0 || it.quantity > line.quantity - line.processedQuantity)
      errors.push(ue(["input", "exchangeLineItems", String(i), "quantity"], "Quantity is not processable.", "INVALID"));
  });
  return errors;
}

/** What processing these exchange quantities adds to the order, after their discounts (shop currency). */
export function exchangeValue(ret: ReturnRec, items: readonly { id: string; quantity: number }[]): number {
  let total = 0;
  for (const it of items) {
    const line = ret.exchangeLines?.find((l) => l.id === it.id);
    if (!line) continue;
    total += line.unitPrice * it.quantity - Math.round((line.discount * it.quantity) / line.quantity);
  }
  return total;
}

/**
 * Processes exchange quantities: each becomes a line item on the original order, committed from the
 * variant's stock, and one fulfillment order holds them: OPEN when the return pays for them, ON_HOLD
 * (AWAITING_PAYMENT) when a balance is due.
 */
export function processExchangeLines(
  store: Store,
  clock: Clock,
  ret: ReturnRec,
  items: readonly { id: string; quantity: number }[],
  balanceDue: boolean,
): FulfillmentOrderRec | null {
  if (items.length === 0) return null;
  const order = store.orders.get(ret.orderId)!;
  const ratio = order.lineItems[0] && order.lineItems[0].unitPrice > 0 ? order.lineItems[0].unitPricePresentment / order.lineItems[0].unitPrice : 1;
  const now = iso(clock());
  const fo: FulfillmentOrderRec = {
    id: newId(store, "FulfillmentOrder"),
    orderId: order.id,
    status: balanceDue ? "ON_HOLD" : "OPEN",
    holds: balanceDue ? [{ id: newId(store, "FulfillmentHold"), reason: "AWAITING_PAYMENT" }] : [],
    lines: [],
    createdAt: now,
  };
  for (const it of items) {
    const line = ret.exchangeLines!.find((l) => l.id === it.id)!;
    const variant = store.variants.get(line.variantId)!;
    const product = store.products.get(variant.productId)!;
    const discount = Math.round((line.discount * it.quantity) / line.quantity);
    const li: LineItemRec = {
      id: newId(store, "LineItem"),
      title: product.title,
      quantity: it.quantity,
      sku: variant.sku,
      vendor: product.vendor,
      productId: product.id,
      variantId: variant.id,
      isGiftCard: product.isGiftCard,
      requiresShipping: true,
      customAttributes: [],
      unitPrice: line.unitPrice,
      unitPricePresentment: Math.round(line.unitPrice * ratio),
      discount,
      discountPresentment: Math.round(discount * ratio),
      taxLines: [],
    };
    order.lineItems.push(li);
    line.lineItemIds.push(li.id);
    line.processedQuantity += it.quantity;
    // the new line is committed from stock like any order line (uncertain: see decision 170)
    if (variant.inventoryQuantity !== undefined) variant.inventoryQuantity -= it.quantity;
    fo.lines.push({ id: newId(store, "FulfillmentOrderLineItem"), lineItemId: li.id, quantity: it.quantity });
  }
  (order.fulfillmentOrders ??= []).push(fo);
  order.updatedAt = now;
  return fo;
}

/**
 * The merchant ships a fulfillment order from Shopify's admin (fulfillmentCreate with tracking): one
 * fulfillment of all its lines, in transit, and the fulfillment order CLOSED. A held one cannot be
 * fulfilled ("fulfillment order is on hold"), as in Shopify:
 * https://shopify.dev/docs/api/admin-graphql/latest/mutations/fulfillmentCreate
 */
export function fulfillFulfillmentOrder(
  store: Store,
  clock: Clock,
  input: { fulfillmentOrderId: string; trackingNumber: string; trackingCompany?: string; trackingUrl?: string },
): FulfillmentRec {
  const order = [...store.orders.values()].find((o) => o.fulfillmentOrders?.some((f) => f.id === input.fulfillmentOrderId));
  const fo = order?.fulfillmentOrders?.find((f) => f.id === input.fulfillmentOrderId);
  if (!order || !fo) throw new Error(`no fulfillment order ${input.fulfillmentOrderId}`);
  if (fo.status !== "OPEN") throw new Error(`fulfillment order ${fo.id} is ${fo.status}: it cannot be fulfilled`);
  const now = iso(clock());
  const id = newId(store, "Fulfillment");
  const f: FulfillmentRec = {
    id,
    orderId: order.id,
    name: `${order.name}-F${order.fulfillments.length + 1}`,
    status: "SUCCESS",
    displayStatus: "IN_TRANSIT",
    createdAt: now,
    inTransitAt: now,
    deliveredAt: null,
    lines: fo.lines.map((l) => ({ id: newId(store, "FulfillmentLineItem"), lineItemId: l.lineItemId, quantity: l.quantity })),
    events: [{ id: newId(store, "FulfillmentEvent"), status: "IN_TRANSIT", happenedAt: now }],
    trackingNumber: input.trackingNumber,
    trackingCompany: input.trackingCompany ?? null,
    trackingUrl: input.trackingUrl ?? null,
  };
  order.fulfillments.push(f);
  fo.status = "CLOSED";
  order.updatedAt = now;
  return f;
}
