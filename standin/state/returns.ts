import type { Store } from "./store";
import { findFulfillmentLine, findRfoLine, newId } from "./store";
import { ue, type UserErr } from "./errors";
import { customerNoteError, declineNoteError } from "./limits";
import type { OrderRec, ReturnRec, ReturnLineRec, RfoRec } from "./types";
import type { Clock } from "../clock";
import { fromDecimal } from "./money";
import { iso } from "../clock";
import { exchangeLinesFor, type ExchangeLineInput } from "./exchanges";

export type Result = { ret: ReturnRec | null; userErrors: UserErr[] };

/** Quantity of a fulfillment line already tied up in returns that still count (not declined/canceled). */
export function quantityInReturns(store: Store, fulfillmentLineItemId: string): number {
  let n = 0;
  for (const r of store.returns.values()) {
    if (r.status === "DECLINED" || r.status === "CANCELED") continue;
    for (const l of r.lines) if (l.fulfillmentLineItemId === fulfillmentLineItemId) n += l.quantity;
  }
  return n;
}

export function returnableQuantity(store: Store, fulfillmentLineItemId: string): number {
  const found = findFulfillmentLine(store, fulfillmentLineItemId);
  if (!found || found.fulfillment.status !== "SUCCESS") return 0;
  const refunded = refundedQuantityOfLineItem(store, found.order, found.line.lineItemId);
  const fulfilledOfLine = found.order.fulfillments
    .filter((f) => f.status === "SUCCESS")
    .flatMap((f) => f.lines)
    .filter((l) => l.lineItemId === found.line.lineItemId)
    .reduce((a, l) => a + l.quantity, 0);
  // refunds without a return reduce what can still come back, spread over the line's fulfillments
  const refundedOutsideReturns = Math.max(0, refunded - returnedRefundedQuantity(store, found.line.lineItemId));
  const cap = Math.min(found.line.quantity, Math.max(0, fulfilledOfLine - refundedOutsideReturns));
  return Math.max(0, Math.min(cap, found.line.quantity) - quantityInReturns(store, fulfillmentLineItemId));
}

function returnedRefundedQuantity(store: Store, lineItemId: string): number {
  let n = 0;
  for (const r of store.returns.values()) for (const l of r.lines) if (l.lineItemId === lineItemId) n += l.refundedQuantity;
  return n;
}

export function refundedQuantityOfLineItem(store: Store, order: OrderRec, lineItemId: string): number {
  let n = 0;
  for (const id of order.refundIds) {
    const ref = store.refunds.get(id);
    for (const l of ref?.lines ?? []) if (l.lineItemId === lineItemId) n += l.quantity;
  }
  return n;
}

/** Order.returnStatus as the 2026-04 lifecycle capture shows it aggregating. */
export function orderReturnStatus(store: Store, order: OrderRec): string {
  const statuses = order.returnIds.map((id) => store.returns.get(id)?.status);
  if (statuses.includes("REQUESTED")) return "RETURN_REQUESTED";
  if (statuses.includes("OPEN")) return "IN_PROGRESS";
  if (statuses.includes("CLOSED")) return "RETURNED";
  return "NO_RETURN";
}

export interface RequestLineInput {
  fulfillmentLineItemId: string;
  quantity: number;
  returnReasonDefinitionId?: string | null;
  returnReasonNote?: string | null;
  customerNote?: string | null;
  restockingFee?: { percentage: number } | null;
}

/** returnRequest (REQUESTED) and returnCreate (OPEN, with a reverse fulfillment order). */
export function createReturn(
  store: Store,
  clock: Clock,
  input: {
    orderId: string;
    returnLineItems: RequestLineInput[];
    returnShippingFee?: { amount: { amount: string; currencyCode?: string } } | null;
    /** returnCreate only (ReturnRequestInput has no such field) */
    exchangeLineItems?: ExchangeLineInput[] | null;
  },
  opts: { status: "REQUESTED" | "OPEN"; fieldRoot: string },
): Result {
  const root = opts.fieldRoot;
  const order = store.orders.get(input.orderId);
  if (!order) return { ret: null, userErrors: [ue([root, "orderId"], "Order does not exist.", "NOT_FOUND")] };
  const errors: UserErr[] = [];
  const lines: ReturnLineRec[] = [];
  const asked = new Map<string, number>();
  input.returnLineItems.forEach((li, i) => {
    const fl = findFulfillmentLine(store, li.fulfillmentLineItemId);
    if (!fl || fl.order.id !== order.id) {
      errors.push(ue([root, "returnLineItems", i, "fulfillmentLineItemId"], "Fulfillment line item does not exist.", "NOT_FOUND"));
      return;
    }
    if (!li.returnReasonDefinitionId) {
      if (opts.status === "REQUESTED")
        errors.push(ue([root, "returnLineItems", i, "returnReason"], "Return reason can't be blank", "BLANK"));
      else
        errors.push(
          ue([root, "returnLineItems", i], "Return line items Either return reason or return reason definition must be provided", "NOT_FOUND"),
        );
      return;
    }
    const def = store.returnReasonDefinitions.find((d) => d.id === li.returnReasonDefinitionId);
    if (!def) {
      errors.push(ue([root, "returnLineItems", i, "returnReasonDefinitionId"], "Return reason definition does not exist.", "NOT_FOUND"));
      return;
    }
    if (opts.status === "OPEN" && def.handle === "other-reason" && !li.returnReasonNote?.trim()) {
      errors.push(
        ue([root, "returnLineItems", i, "returnReasonNote"], 'Return line items return reason note The note is required when the return reason is "Other"', "BLANK"),
      );
      return;
    }
    if (li.quantity <= 0) {
      errors.push(ue([root, "returnLineItems", i, "quantity"], "Quantity must be greater than 0", "GREATER_THAN"));
      return;
    }
    const noteError = customerNoteError(root, i, li.customerNote);
    if (noteError) {
      errors.push(noteError);
      return;
    }
    const already = asked.get(li.fulfillmentLineItemId) ?? 0;
    if (already + li.quantity > returnableQuantity(store, li.fulfillmentLineItemId)) {
      errors.push(ue([root, "returnLineItems", i, "quantity"], "Quantity is not available for return.", "INVALID"));
      return;
    }
    asked.set(li.fulfillmentLineItemId, already + li.quantity);
    lines.push({
      id: newId(store, "ReturnLineItem"),
      fulfillmentLineItemId: li.fulfillmentLineItemId,
      lineItemId: fl.line.lineItemId,
      quantity: li.quantity,
      processedQuantity: 0,
      refundedQuantity: 0,
      returnReasonDefinitionId: def.id,
      returnReason: null,
      returnReasonNote: li.returnReasonNote ?? "",
      customerNote: li.customerNote ?? null,
      restockingFeePercentage: li.restockingFee?.percentage ?? null,
    });
  });
  if (input.returnLineItems.length === 0) errors.push(ue([root, "returnLineItems"], "Return must have at least one line item.", "BLANK"));
  // "The value of the fee as a fixed amount in the presentment currency of the order"
  // (https://shopify.dev/docs/api/admin-graphql/2026-07/input-objects/ReturnShippingFeeInput)
  const fee = input.returnShippingFee?.amount;
  if (fee?.currencyCode && fee.currencyCode !== order.presentmentCurrencyCode)
    errors.push(ue([root, "returnShippingFee", "amount", "currencyCode"], `Currency must be the order's presentment currency ${order.presentmentCurrencyCode}`, "INVALID"));
  const exchange = exchangeLinesFor(store, order, input.exchangeLineItems ?? [], root);
  errors.push(...exchange.errors);
  if (errors.length) return { ret: null, userErrors: errors };
  order.returnCounter += 1;
  const now = iso(clock());
  const ret: ReturnRec = {
    id: newId(store, "Return"),
    orderId: order.id,
    name: `${order.name}-R${order.returnCounter}`,
    status: opts.status,
    createdAt: now,
    requestApprovedAt: opts.status === "OPEN" ? now : null,
    closedAt: null,
    decline: null,
    lines,
    rfos: [],
    shippingFee: input.returnShippingFee ? fromDecimal(input.returnShippingFee.amount.amount, order.presentmentCurrencyCode) : null,
    shippingFeeId: input.returnShippingFee ? newId(store, "Fee") : null,
    refundIds: [],
    ...(exchange.lines.length ? { exchangeLines: exchange.lines } : {}),
  };
  if (opts.status === "OPEN") ret.rfos.push(makeRfo(store, ret));
  store.returns.set(ret.id, ret);
  order.returnIds.push(ret.id);
  order.updatedAt = now;
  return { ret, userErrors: [] };
}

function makeRfo(store: Store, ret: ReturnRec): RfoRec {
  return {
    id: newId(store, "ReverseFulfillmentOrder"),
    returnId: ret.id,
    status: "OPEN",
    lines: ret.lines.map((l) => ({
      id: newId(store, "ReverseFulfillmentOrderLineItem"),
      returnLineItemId: l.id,
      fulfillmentLineItemId: l.fulfillmentLineItemId,
      totalQuantity: l.quantity,
      disposed: [],
    })),
    deliveries: [],
  };
}

function lookup(store: Store, id: string, field: string[]): { ret: ReturnRec } | { err: UserErr } {
  const ret = store.returns.get(id);
  if (!ret) return { err: ue(field, "Return not found.", "NOT_FOUND") };
  return { ret };
}

export function approveReturn(store: Store, clock: Clock, id: string): Result {
  const f = lookup(store, id, ["input", "id"]);
  if ("err" in f) return { ret: null, userErrors: [f.err] };
  const ret = f.ret;
  if (ret.status !== "REQUESTED")
    return {
      ret: null,
      userErrors: [ue(["input", "id"], "Return is not approvable. Only returns with status REQUESTED can be approved.", "INVALID_STATE")],
    };
  ret.status = "OPEN";
  ret.requestApprovedAt = iso(clock());
  ret.rfos.push(makeRfo(store, ret));
  return { ret, userErrors: [] };
}

export function declineReturn(store: Store, _clock: Clock, input: { id: string; declineReason: string; declineNote?: string | null }): Result {
  const f = lookup(store, input.id, ["input", "id"]);
  if ("err" in f) return { ret: null, userErrors: [f.err] };
  const ret = f.ret;
  const noteError = declineNoteError(input.declineNote);
  if (noteError) return { ret: null, userErrors: [noteError] };
  if (ret.status === "DECLINED")
    return { ret: null, userErrors: [ue(["input", "id"], "The return is already declined.", "INVALID_STATE")] };
  if (ret.status !== "REQUESTED" || ret.refundIds.length > 0)
    return {
      ret: null,
      userErrors: [
        ue(["input", "id"], "Return is not declinable. Only non-refunded returns with status REQUESTED can be declined.", "INVALID_STATE"),
      ],
    };
  ret.status = "DECLINED";
  ret.decline = { reason: input.declineReason, note: input.declineNote ?? null };
  return { ret, userErrors: [] };
}

export function closeReturn(store: Store, clock: Clock, id: string): Result {
  return openOrClose(store, id, "OPEN", "CLOSED", () => iso(clock()));
}

export function reopenReturn(store: Store, _clock: Clock, id: string): Result {
  return openOrClose(store, id, "CLOSED", "OPEN", () => null);
}

/** returnClose and returnReopen: `from` -> `to`, a no-op when already there, refused from any other status. */
function openOrClose(store: Store, id: string, from: "OPEN" | "CLOSED", to: "OPEN" | "CLOSED", closedAt: () => string | null): Result {
  const f = lookup(store, id, ["id"]);
  if ("err" in f) return { ret: null, userErrors: [f.err] };
  const ret = f.ret;
  if (ret.status === to) return { ret, userErrors: [] };
  if (ret.status !== from) return { ret: null, userErrors: [ue(["id"], "Return status is invalid.", "INVALID_STATE")] };
  ret.status = to;
  ret.closedAt = closedAt();
  return { ret, userErrors: [] };
}

export function cancelReturn(store: Store, _clock: Clock, id: string): Result {
  const f = lookup(store, id, ["id"]);
  if ("err" in f) return { ret: null, userErrors: [f.err] };
  const ret = f.ret;
  if (ret.status === "CANCELED") return { ret, userErrors: [] };
  const processed = ret.lines.some((l) => l.processedQuantity > 0) || ret.refundIds.length > 0 || (ret.exchangeLines ?? []).some((l) => l.processedQuantity > 0);
  if (!(ret.status === "REQUESTED" || ret.status === "OPEN") || processed)
    return { ret: null, userErrors: [ue(["id"], "Return is not cancelable.", "INVALID_STATE")] };
  ret.status = "CANCELED";
  for (const rfo of ret.rfos) rfo.status = "CANCELED";
  return { ret, userErrors: [] };
}

export function removeFromReturn(
  store: Store,
  _clock: Clock,
  input: { returnId: string; returnLineItems?: { returnLineItemId: string; quantity: number }[] | null },
): Result {
  const f = lookup(store, input.returnId, ["returnId"]);
  if ("err" in f) return { ret: null, userErrors: [f.err] };
  const ret = f.ret;
  if (ret.status !== "OPEN") return { ret: null, userErrors: [ue(["returnId"], "Return status is invalid.", "INVALID_STATE")] };
  const items = input.returnLineItems ?? [];
  for (const [i, it] of items.entries()) {
    const line = ret.lines.find((l) => l.id === it.returnLineItemId);
    if (!line) return { ret: null, userErrors: [ue(["returnLineItems", i, "returnLineItemId"], "Return line item was not found.", "NOT_FOUND")] };
    if (it.quantity > line.quantity - line.processedQuantity)
      return { ret: null, userErrors: [ue(["returnLineItems", i, "quantity"], "Quantity is invalid.", "INVALID")] };
  }
  for (const it of items) {
    const line = ret.lines.find((l) => l.id === it.returnLineItemId)!;
    line.quantity -= it.quantity;
    for (const rfo of ret.rfos)
      for (const rl of rfo.lines) if (rl.returnLineItemId === line.id) rl.totalQuantity = Math.max(0, rl.totalQuantity - it.quantity);
  }
  ret.lines = ret.lines.filter((l) => l.quantity > 0);
  for (const rfo of ret.rfos) rfo.lines = rfo.lines.filter((l) => l.totalQuantity > 0);
  // removing every line leaves nothing to return: Shopify closes the return (removedCase capture)
  if (ret.lines.length === 0 || ret.lines.every((l) => l.processedQuantity >= l.quantity)) {
    ret.status = "CLOSED";
    ret.closedAt = iso(_clock());
  }
  return { ret, userErrors: [] };
}

export interface ProcessLineInput {
  id: string;
  quantity: number;
  dispositions?: { reverseFulfillmentOrderLineItemId: string; quantity: number; dispositionType: string; locationId?: string | null }[] | null;
}

/** returnProcess: marks quantities processed; the refund (if any) is done by the caller via refunds.ts. */
export function processReturnLines(store: Store, returnId: string, lines: ProcessLineInput[]): Result {
  const f = lookup(store, returnId, ["input", "returnId"]);
  if ("err" in f) return { ret: null, userErrors: [f.err] };
  const ret = f.ret;
  const errors: UserErr[] = [];
  lines.forEach((li, i) => {
    const line = ret.lines.find((l) => l.id === li.id);
    if (!line) {
      errors.push(ue(["input", "returnLineItems", i, "id"], "Return line item was not found.", "NOT_FOUND"));
      return;
    }
    if (li.quantity <= 0 || li.quantity > line.quantity - line.processedQuantity)
      errors.push(ue(["input", "returnLineItems", i, "quantity"], "Quantity is not processable.", "INVALID"));
  });
  if (errors.length) return { ret: null, userErrors: errors };
  if (ret.status !== "OPEN")
    return { ret: null, userErrors: [ue(["input", "returnId"], "Return status is invalid.", "INVALID_STATE")] };
  for (const li of lines) {
    const line = ret.lines.find((l) => l.id === li.id)!;
    line.processedQuantity += li.quantity;
    for (const d of li.dispositions ?? []) {
      const found = findRfoLine(store, d.reverseFulfillmentOrderLineItemId);
      found?.line.disposed.push({ type: d.dispositionType, quantity: d.quantity, locationId: d.locationId ?? null });
    }
  }
  return { ret, userErrors: [] };
}

