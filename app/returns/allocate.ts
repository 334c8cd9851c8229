// Which fulfillment line items a shopper's Return holds: Shopify returns fulfillment line items, not
// order lines, so each requested line takes its units from its line's returnable fulfillment line
// items in order, after the units stored requests already hold for a Return Shopify has not made yet.
// And which of the order's payments a refund goes back to, net of what each already gave back.
import type { PlannedReturnLine } from "./verdict";

/** A fulfillment line item of an order line with the units Shopify still counts returnable. */
export interface ReturnableUnits {
  id: string;
  quantity: number;
}

export type Allocation =
  | {
      ok: true;
      /** the returnRequest's line items, in request line order */
      plan: PlannedReturnLine[];
      /** per request line, the first fulfillment line item it took units from */
      firstFulfillmentLineItem: (string | null)[];
    }
  /** request line `line` asks for more than is left; `available` units of it are */
  | { ok: false; line: number; available: number };

/**
 * Plans the Return's line items. `awaiting` (units per order line held by stored requests without a
 * Return) come off the last fulfillment line items first; each request line then takes from the
 * first. A line's reason definition is the one its reason handle maps to, else Shopify's "other".
 */
export function allocateReturnLines(args: {
  returnable: Readonly<Record<string, readonly ReturnableUnits[]>>;
  awaiting: ReadonlyMap<string, number>;
  /** Shopify return reason definition ids by handle */
  reasonIds: Readonly<Record<string, string>>;
  lines: readonly { lineItemId: string; quantity: number; note: string; reasonHandle: string | null; restockingPercentage?: number }[];
}): Allocation {
  const available = new Map(Object.entries(args.returnable).map(([lid, list]) => [lid, list.map((f) => ({ ...f }))]));
  for (const [lid, held] of args.awaiting) {
    let left = held;
    for (const fli of [...(available.get(lid) ?? [])].reverse()) {
      const take = Math.min(left, fli.quantity);
      fli.quantity -= take;
      left -= take;
    }
  }
  const ids = args.reasonIds;
  const plan: PlannedReturnLine[] = [];
  const firstFulfillmentLineItem: (string | null)[] = [];
  for (const [i, l] of args.lines.entries()) {
    let need = l.quantity;
    const reasonId = (l.reasonHandle && ids[l.reasonHandle]) || ids["other"] || ids["other-reason"];
    firstFulfillmentLineItem.push(null);
    for (const fli of available.get(l.lineItemId) ?? []) {
      if (need === 0) break;
      const take = Math.min(need, fli.quantity);
      if (take <= 0) continue;
      fli.quantity -= take;
      need -= take;
      firstFulfillmentLineItem[i] ??= fli.id;
      plan.push({
        fulfillmentLineItemId: fli.id,
        quantity: take,
        ...(reasonId ? { returnReasonDefinitionId: reasonId } : {}),
        ...(l.note ? { customerNote: l.note } : {}),
        ...(l.restockingPercentage ? { restockingFee: { percentage: l.restockingPercentage } } : {}),
      });
    }
    if (need > 0) return { ok: false, line: i, available: l.quantity - need };
  }
  return { ok: true, plan, firstFulfillmentLineItem };
}

/** One transaction of the order, as Shopify lists it (amounts in the order's presentment currency, minor units). */
export interface PaymentTransaction {
  id: string;
  kind: string;
  status: string;
  /** e.g. "shopify_payments", "gift_card" */
  gateway: string;
  amountMinor: number;
  /** for a REFUND: the payment it gave money back to */
  parentId: string | null;
}

export type PaymentAllocation =
  | { ok: true; parts: { parentId: string; amountMinor: number }[] }
  /** the payments hold only `availableMinor` that was not given back already */
  | { ok: false; availableMinor: number };

/**
 * Spreads a refund over the order's successful payments (SALE, CAPTURE), each taking at most what it
 * still holds: its amount less the successful REFUNDs made against it, whoever made them (the app,
 * or staff in the Shopify admin). Payments with the most left go first (ties: the order Shopify lists
 * them), so a refund touches as few payments as it can; a gift card is a payment like a card (Shopify
 * refunds it back to the gift card). Refusing is the caller's: Shopify refuses more than the net
 * payment received.
 */
export function allocateRefundToPayments(transactions: readonly PaymentTransaction[], amountMinor: number): PaymentAllocation {
  const refunded = new Map<string, number>();
  for (const t of transactions) {
    if (t.status === "SUCCESS" && t.kind === "REFUND" && t.parentId) refunded.set(t.parentId, (refunded.get(t.parentId) ?? 0) + t.amountMinor);
  }
  const payments = transactions
    .map((t, index) => ({ t, index }))
    .filter(({ t }) => t.status === "SUCCESS" && (t.kind === "SALE" || t.kind === "CAPTURE"))
    .map(({ t, index }) => ({ id: t.id, index, left: Math.max(0, t.amountMinor - (refunded.get(t.id) ?? 0)) }))
    .sort((a, b) => b.left - a.left || a.index - b.index);
  const available = payments.reduce((a, p) => a + p.left, 0);
  if (amountMinor > available) return { ok: false, availableMinor: available };
  const parts: { parentId: string; amountMinor: number }[] = [];
  let need = amountMinor;
  for (const p of payments) {
    if (need <= 0) break;
    const take = Math.min(need, p.left);
    if (take <= 0) continue;
    parts.push({ parentId: p.id, amountMinor: take });
    need -= take;
  }
  return { ok: true, parts };
}
