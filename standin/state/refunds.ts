import type { Store } from "./store";
import { newId } from "./store";
import { ue, type UserErr } from "./errors";
import type { OrderRec, RefundRec, TransactionRec } from "./types";
import { displayMoney, fromDecimal } from "./money";
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
  transactions?: { amount: string; gateway: string; kind: string; orderId: string; parentId?: string | null }[] | null;
  refundMethods?: { storeCreditRefund?: { amount: { amount: string; currencyCode: string }; expiresAt?: string | null } | null }[] | null;
  allowOverRefunding?: boolean | null;
}

/** Money actually received and not yet given back (what Shopify calls net payment). */
export function netPayment(order: OrderRec): number {
  let n = 0;
  for (const t of order.transactions) {
    if (t.status !== "SUCCESS") continue;
    if (t.kind === "SALE" || t.kind === "CAPTURE") n += t.amount;
    if (t.kind === "REFUND") n -= t.amount;
  }
  return n;
}

export function totalRefunded(store: Store, order: OrderRec): number {
  return order.refundIds.reduce((a, id) => a + (store.refunds.get(id)?.total ?? 0), 0);
}

/** unit price after all discounts, shop currency, minor units (rounded down per unit like Shopify's allocations) */
export function discountedUnit(li: OrderRec["lineItems"][number]): number {
  return li.unitPrice - Math.floor(li.discount / Math.max(1, li.quantity));
}

export function createRefund(
  store: Store,
  clock: Clock,
  input: RefundInput,
  link: { returnId?: string | null } = {},
): { refund: RefundRec | null; order: OrderRec | null; userErrors: UserErr[] } {
  const order = store.orders.get(input.orderId);
  if (!order) return { refund: null, order: null, userErrors: [ue(["orderId"], "Order does not exist")] };
  const cur = order.currencyCode;
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
  const net = netPayment(order);
  if (txTotal > net)
    return {
      refund: null,
      order,
      userErrors: [ue(null, `Refund amount ${displayMoney(txTotal, cur)} is greater than net payment received ${displayMoney(net, cur)}`)],
    };

  const now = iso(clock());
  const txIds: string[] = [];
  for (const t of txInputs) {
    // Shopify records the refund on the parent's gateway, whatever gateway the input names (2026-04 capture)
    const parent = order.transactions.find((x) => x.id === t.parentId)!;
    const tx: TransactionRec = {
      id: newId(store, "OrderTransaction"),
      kind: "REFUND",
      status: "SUCCESS",
      gateway: parent.gateway,
      amount: fromDecimal(t.amount, cur),
      presentmentAmount: fromDecimal(t.amount, cur),
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
    const r = creditAccount(store, clock, order.customerId, { amount: sc.amount.amount, currencyCode: sc.amount.currencyCode }, sc.expiresAt ?? null);
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
    total: txTotal,
    transactionIds: txIds,
    storeCredit,
  };
  store.refunds.set(refund.id, refund);
  order.refundIds.push(refund.id);
  order.updatedAt = now;
  return { refund, order, userErrors: [] };
}
