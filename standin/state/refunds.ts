import type { Store } from "./store";
import { newId } from "./store";
import { ue, type UserErr } from "./errors";
import type { OrderRec, RefundRec, TransactionRec } from "./types";
import { displayMoney, fromDecimal, toPresentment, toShop } from "./money";
import { refundedQuantityOfLineItem } from "./returns";
import { creditAccount } from "./storeCredit";
import type { Clock } from "../clock";
import { iso } from "../clock";

export interface RefundInput {
  orderId: string;
  note?: string | null;
  notify?: boolean | null;
  refundLineItems?: { lineItemId: string; quantity: number; restockType?: string | null }[] | null;
  shipping?: { amount?: string | null; fullRefund?: boolean | null } | null;
  /** the presentment currency; Shopify requires it when the order's currencies differ */
  currency?: string | null;
  /** amounts in the order's presentment currency */
  transactions?: { amount: string; gateway: string; kind: string; orderId: string; parentId?: string | null }[] | null;
  refundMethods?: { storeCreditRefund?: { amount: { amount: string; currencyCode: string }; expiresAt?: string | null } | null }[] | null;
  allowOverRefunding?: boolean | null;
}

/** Money actually received and not yet given back (what Shopify calls net payment), shop currency. */
export function netPayment(order: OrderRec): number {
  let n = 0;
  for (const t of order.transactions) {
    if (t.status !== "SUCCESS") continue;
    if (t.kind === "SALE" || t.kind === "CAPTURE") n += t.amount;
    if (t.kind === "REFUND") n -= t.amount;
  }
  return n;
}

/** Net payment in the order's presentment currency: what refunds, which are made in it, are held to. */
export function netPaymentPresentment(order: OrderRec): number {
  let n = 0;
  for (const t of order.transactions) {
    if (t.status !== "SUCCESS") continue;
    if (t.kind === "SALE" || t.kind === "CAPTURE") n += t.presentmentAmount;
    if (t.kind === "REFUND") n -= t.presentmentAmount;
  }
  return n;
}

/** What one payment still holds in presentment money: its amount less the refunds made against it. */
export function paymentLeft(order: OrderRec, parentId: string): number {
  const parent = order.transactions.find((t) => t.id === parentId);
  if (!parent || parent.status !== "SUCCESS") return 0;
  const back = order.transactions.filter((t) => t.kind === "REFUND" && t.status === "SUCCESS" && t.parentId === parentId).reduce((a, t) => a + t.presentmentAmount, 0);
  return parent.presentmentAmount - back;
}

export function totalRefunded(store: Store, order: OrderRec): number {
  return order.refundIds.reduce((a, id) => a + (store.refunds.get(id)?.total ?? 0), 0);
}

export function totalRefundedPresentment(store: Store, order: OrderRec): number {
  return order.refundIds.reduce((a, id) => a + (store.refunds.get(id)?.totalPresentment ?? 0), 0);
}

/** unit price after all discounts, shop currency, minor units (rounded down per unit like Shopify's allocations) */
export function discountedUnit(li: OrderRec["lineItems"][number]): number {
  return li.unitPrice - Math.floor(li.discount / Math.max(1, li.quantity));
}

/** the same, in the order's presentment currency */
export function discountedUnitPresentment(li: OrderRec["lineItems"][number]): number {
  return li.unitPricePresentment - Math.floor(li.discountPresentment / Math.max(1, li.quantity));
}

/** The order's rate: its lines' total in shop and in presentment money. */
function orderRate(order: OrderRec): { shop: number; presentment: number } {
  let shop = 0;
  let presentment = 0;
  for (const l of order.lineItems) {
    shop += l.unitPrice * l.quantity;
    presentment += l.unitPricePresentment * l.quantity;
  }
  return { shop, presentment };
}

/** A shop amount in the order's presentment currency (half up, whole minor units). */
export function presentmentOf(order: OrderRec, shop: number): number {
  if (order.currencyCode === order.presentmentCurrencyCode) return shop;
  const r = orderRate(order);
  return r.shop > 0 ? toPresentment(shop, r.shop, r.presentment) : shop;
}

/** A presentment amount in the shop's currency (half up, whole minor units). */
export function shopOf(order: OrderRec, presentment: number): number {
  if (order.currencyCode === order.presentmentCurrencyCode) return presentment;
  const r = orderRate(order);
  return r.presentment > 0 ? toShop(presentment, r.shop, r.presentment) : presentment;
}

export function createRefund(
  store: Store,
  clock: Clock,
  input: RefundInput,
  link: { returnId?: string | null } = {},
): { refund: RefundRec | null; order: OrderRec | null; userErrors: UserErr[] } {
  const order = store.orders.get(input.orderId);
  if (!order) return { refund: null, order: null, userErrors: [ue(["orderId"], "Order does not exist")] };
  // Refunds are made in the currency the shopper paid: "RefundInput.currency ... must be the presentment
  // currency ... required for orders where the currency and presentment currency differ", and
  // ReturnRefundOrderTransactionInput.transactionAmount is "in the presentment currency of the order"
  // (https://shopify.dev/docs/api/admin-graphql/2026-07/input-objects/RefundInput,
  // https://shopify.dev/docs/api/admin-graphql/latest/input-objects/ReturnRefundOrderTransactionInput).
  const cur = order.presentmentCurrencyCode;
  if (input.currency != null && input.currency !== cur)
    return { refund: null, order, userErrors: [ue(["currency"], `Currency must be the order's presentment currency ${cur}`)] };
  if (input.currency == null && cur !== order.currencyCode && (input.transactions ?? []).length > 0)
    return { refund: null, order, userErrors: [ue(["currency"], `Currency is required when the order's currency and presentment currency differ`)] };
  const errors: UserErr[] = [];
  (input.refundLineItems ?? []).forEach((rli, i) => {
    const li = order.lineItems.find((l) => l.id === rli.lineItemId);
    if (!li) {
      errors.push(ue(["refundLineItems", i, "lineItemId"], "Line item does not exist"));
      return;
    }
    const left = li.quantity - refundedQuantityOfLineItem(store, order, li.id);
    if (rli.quantity > left) errors.push(ue(["refundLineItems", i, "quantity"], "Quantity cannot refund more items than were purchased"));
  });
  if (errors.length) return { refund: null, order, userErrors: errors };

  const txInputs = input.transactions ?? [];
  for (const t of txInputs) {
    if (t.kind !== "REFUND") return { refund: null, order, userErrors: [ue(null, `Kind ${t.kind.toLowerCase()} is not a valid transaction`)] };
  }
  for (const t of txInputs) {
    const parent = t.parentId ? order.transactions.find((x) => x.id === t.parentId) : undefined;
    if (!parent) return { refund: null, order, userErrors: [ue(["transactions"], "Transactions require a parent_id associated with the order")] };
  }
  const txTotal = txInputs.reduce((a, t) => a + fromDecimal(t.amount, cur), 0);
  const net = netPaymentPresentment(order);
  const overRefund = (asked: number, left: number) => ({
    refund: null,
    order,
    userErrors: [ue(null, `Refund amount ${displayMoney(asked, cur)} is greater than net payment received ${displayMoney(left, cur)}`)],
  });
  if (txTotal > net) return overRefund(txTotal, net);
  // Each payment gives back at most what it still holds (its amount less earlier refunds on it,
  // admin-made ones included); Shopify refuses the rest with the same over-refund answer (captures
  // 2025-01-refund-create-over-refund-user-errors / -user-errors-and-quantities record its wording).
  const perParent = new Map<string, number>();
  for (const t of txInputs) perParent.set(t.parentId!, (perParent.get(t.parentId!) ?? 0) + fromDecimal(t.amount, cur));
  for (const [parentId, asked] of perParent) {
    const left = paymentLeft(order, parentId);
    if (asked > left) return overRefund(asked, left);
  }
  // store credit is issued in the currency the shopper paid, like any refund of the order; checked
  // before anything is recorded, so a refused refund leaves the order as it was
  for (const [i, m] of (input.refundMethods ?? []).entries()) {
    const sc = m.storeCreditRefund;
    if (sc && sc.amount.currencyCode !== cur)
      return { refund: null, order, userErrors: [ue(["refundMethods", i, "storeCreditRefund", "amount", "currencyCode"], `Currency must be the order's presentment currency ${cur}`)] };
  }

  // Store credit is refunded out of what the order can still refund, like money to a payment: a
  // SuggestedStoreCreditRefund has a maximumRefundable
  // (https://shopify.dev/docs/api/admin-graphql/latest/objects/SuggestedStoreCreditRefund). Earlier
  // refunds to store credit are not order transactions here, so they are taken off explicitly.
  const creditAsked = (input.refundMethods ?? []).reduce((a, m) => a + (m.storeCreditRefund ? fromDecimal(m.storeCreditRefund.amount.amount, cur) : 0), 0);
  if (creditAsked > 0) {
    const creditedBefore = order.refundIds.reduce((a, id) => a + (store.refunds.get(id)?.storeCredit ?? 0), 0);
    const left = net - creditedBefore;
    if (txTotal + creditAsked > left) return overRefund(txTotal + creditAsked, left);
  }

  const now = iso(clock());
  const txIds: string[] = [];
  for (const t of txInputs) {
    // Shopify records the refund on the parent's gateway, whatever gateway the input names (2026-04 capture)
    const parent = order.transactions.find((x) => x.id === t.parentId)!;
    const presentment = fromDecimal(t.amount, cur);
    const tx: TransactionRec = {
      id: newId(store, "OrderTransaction"),
      kind: "REFUND",
      status: "SUCCESS",
      gateway: parent.gateway,
      // shop money at the rate the payment was taken at
      amount: toShop(presentment, parent.amount, parent.presentmentAmount),
      presentmentAmount: presentment,
      parentId: t.parentId ?? null,
      createdAt: now,
    };
    order.transactions.push(tx);
    txIds.push(tx.id);
  }
  let storeCredit = 0;
  for (const m of input.refundMethods ?? []) {
    const sc = m.storeCreditRefund;
    if (!sc || !order.customerId) continue;
    const amount = fromDecimal(sc.amount.amount, sc.amount.currencyCode);
    const r = creditAccount(store, clock, order.customerId, { amount: sc.amount.amount, currencyCode: sc.amount.currencyCode }, sc.expiresAt ?? null, "ORDER_REFUND");
    if (r.userErrors.length) return { refund: null, order, userErrors: r.userErrors };
    storeCredit += amount;
  }
  const refund: RefundRec = {
    id: newId(store, "Refund"),
    orderId: order.id,
    returnId: link.returnId ?? null,
    createdAt: now,
    note: input.note ?? null,
    lines: (input.refundLineItems ?? []).map((rli) => {
      const li = order.lineItems.find((l) => l.id === rli.lineItemId)!;
      const tax = li.taxLines.reduce((a, t) => a + Math.floor((t.price * rli.quantity) / Math.max(1, li.quantity)), 0);
      return {
        id: newId(store, "RefundLineItem"),
        lineItemId: li.id,
        quantity: rli.quantity,
        restockType: rli.restockType ?? "NO_RESTOCK",
        subtotal: discountedUnit(li) * rli.quantity,
        tax,
      };
    }),
    shipping: input.shipping?.fullRefund ? order.shipping : input.shipping?.amount ? fromDecimal(input.shipping.amount, cur) : 0,
    total: txIds.reduce((a, id) => a + order.transactions.find((x) => x.id === id)!.amount, 0),
    totalPresentment: txTotal,
    transactionIds: txIds,
    storeCredit,
  };
  store.refunds.set(refund.id, refund);
  order.refundIds.push(refund.id);
  order.updatedAt = now;
  return { refund, order, userErrors: [] };
}
