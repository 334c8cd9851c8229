// Which fulfillment line items a shopper's Return holds: Shopify returns fulfillment line items, not
// order lines, so each requested line takes its units from its line's returnable fulfillment line
// items in order, after the units stored requests already hold for a Return Shopify has not made yet.
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
  lines: readonly { lineItemId: string; quantity: number; note: string; reasonHandle: string | null }[];
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
      });
    }
    if (need > 0) return { ok: false, line: i, available: l.quantity - need };
  }
  return { ok: true, plan, firstFulfillmentLineItem };
}
