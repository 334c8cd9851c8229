// The Shopify side of each staff action: one function per action, each taking the AdminClient.
// These run inside a claimed operations-ledger entry (actions.ts), so each mutation is sent once.
import type { ReturnForStaffQuery } from "~/types/admin.generated";
import { shopifyShowsApplied, type ApproveArgs, type DeclineArgs, type RefundArgs, type ShopifyReturnStatus } from "~/returns/request-state";
import { allocateRefundToPayments, formatMoney, parseMoney, toDecimalString, type PaymentTransaction, type PlannedReturnLine, type StoredExchange } from "~/returns";
import type { AdminClient } from "~/shopify/admin-client";
import { readExchangeStock, stockRefusal } from "./exchange-stock";
import {
  ORDER_EXCHANGE_RETURNS,
  RETURN_APPROVE_REQUEST,
  RETURN_CANCEL,
  RETURN_CLOSE,
  RETURN_CREATE_EXCHANGE,
  RETURN_DECLINE_REQUEST,
  RETURN_FOR_STAFF,
  RETURN_PROCESS,
  REVERSE_DELIVERY_CREATE_WITH_SHIPPING,
  STORE_CREDIT_BONUS_CREDIT,
  STORE_CREDIT_CREDITS,
} from "~/shopify/operations";

export type ShopifyReturn = NonNullable<ReturnForStaffQuery["return"]>;

export interface ReturnFacts {
  status: ShopifyReturnStatus;
  unprocessedQuantity: number;
  refundCount: number;
  hasReverseDelivery: boolean;
}

/** A step failed for a reason of the situation, not of Shopify's health (422, not retryable as-is). */
export class StepError extends Error {
  override name = "StepError";
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** The Return with its history (refunds, deliveries, decline, reasons), at the default sizes. */
export async function readReturn(admin: AdminClient, returnId: string, opts: { exchange?: boolean } = {}): Promise<{ ret: ShopifyReturn; locationId: string | null }> {
  return found(await admin.request(RETURN_FOR_STAFF, { id: returnId, ...(opts.exchange ? { exchange: true } : {}) }), returnId);
}

function found(data: ReturnForStaffQuery, returnId: string): { ret: ShopifyReturn; locationId: string | null } {
  if (!data.return) throw new StepError("shopify_return_not_found", `Shopify has no return ${returnId}`);
  return { ret: data.return, locationId: data.location?.id ?? null };
}

function cutOff(ret: ShopifyReturn): boolean {
  return (
    ret.returnLineItems.pageInfo.hasNextPage ||
    ret.reverseFulfillmentOrders.pageInfo.hasNextPage ||
    ret.reverseFulfillmentOrders.nodes.some((r) => r.lineItems.pageInfo.hasNextPage)
  );
}

/**
 * What a refund needs of the Return (lines, reverse fulfillment order lines, payments), sized to
 * the request's `lines` (one reverse fulfillment order); a Return bigger than that is read again at
 * the defaults. No history: use `readReturn` to reconcile.
 */
export async function readReturnForRefund(admin: AdminClient, returnId: string, lines: number, exchange = false): Promise<{ ret: ShopifyReturn; locationId: string | null }> {
  const more = exchange ? { exchange: true } : {};
  const sized = { id: returnId, full: false, lines: Math.max(1, Math.min(50, lines)), reverseOrders: 1, ...more };
  let data = await admin.request(RETURN_FOR_STAFF, sized);
  if (data.return && cutOff(data.return)) data = await admin.request(RETURN_FOR_STAFF, { id: returnId, full: false, ...more });
  return found(data, returnId);
}

/** What Shopify's record shows was refunded on a Return: each refund's id and amount, and the total. */
export interface Settlement {
  refunds: { id: string; amountMinor: number; currency: string }[];
  totalMinor: number;
  currency: string;
}

/**
 * Reads refunds (Return.refunds, totalRefundedSet in the presentment currency) into minor units.
 * A refund in another currency than `currency` is a fact we cannot add up: it throws.
 */
export function settlementOf(
  refunds: readonly { id: string; totalRefundedSet: { presentmentMoney: { amount: string; currencyCode: string } } }[],
  currency: string,
): Settlement {
  const out = refunds.map((r) => {
    const m = r.totalRefundedSet.presentmentMoney;
    if (m.currencyCode !== currency) throw new StepError("currency_mismatch", `Shopify's refund ${r.id} is in ${m.currencyCode}, the request in ${currency}`);
    return { id: r.id, amountMinor: parseMoney(m.amount, currency), currency };
  });
  return { refunds: out, totalMinor: out.reduce((a, r) => a + r.amountMinor, 0), currency };
}

/** Status, what is left to process, refunds and deliveries: needs a `readReturn` (full) read. */
export function factsOf(ret: ShopifyReturn): ReturnFacts {
  if (!ret.refunds) throw new Error("factsOf needs the Return's history (readReturn, not readReturnForRefund)");
  return {
    status: ret.status as ShopifyReturnStatus,
    unprocessedQuantity: ret.returnLineItems.nodes.reduce((a, l) => a + l.unprocessedQuantity, 0),
    refundCount: ret.refunds.nodes.length,
    hasReverseDelivery: ret.reverseFulfillmentOrders.nodes.some((r) => (r.reverseDeliveries?.nodes.length ?? 0) > 0),
  };
}

function wantsLabel(args: ApproveArgs): boolean {
  return Boolean(args.returnLabelUrl || args.trackingNumber);
}

/** approve: returnApproveRequest, then the reverse delivery with the label/tracking (if given). */
export async function approveAtShopify(
  admin: AdminClient,
  returnId: string,
  args: ApproveArgs,
  notifyCustomer: boolean,
  opts: { reconcile: boolean },
): Promise<unknown> {
  let approved: unknown = null;
  let facts: ReturnFacts | null = null;
  if (opts.reconcile) facts = factsOf((await readReturn(admin, returnId)).ret);
  if (!facts || facts.status === "REQUESTED") {
    const res = await admin.mutate(RETURN_APPROVE_REQUEST, { input: { id: returnId, notifyCustomer } });
    approved = res.returnApproveRequest?.return ?? null;
  } else {
    approved = { reconciled: true, status: facts.status };
  }
  let delivery: unknown = null;
  if (wantsLabel(args) && !facts?.hasReverseDelivery) {
    const { ret } = await readReturn(admin, returnId);
    const rfo = ret.reverseFulfillmentOrders.nodes[0];
    if (!rfo) throw new StepError("no_reverse_fulfillment_order", "Shopify created no reverse fulfillment order for this return");
    const res = await admin.mutate(REVERSE_DELIVERY_CREATE_WITH_SHIPPING, {
      reverseFulfillmentOrderId: rfo.id,
      reverseDeliveryLineItems: [],
      trackingInput: args.trackingNumber ? { number: args.trackingNumber } : null,
      labelInput: args.returnLabelUrl ? { fileUrl: args.returnLabelUrl } : null,
      notifyCustomer,
    });
    delivery = res.reverseDeliveryCreateWithShipping?.reverseDelivery ?? null;
  }
  return { returnApproveRequest: approved, reverseDelivery: delivery };
}

/** What approving a replacement or exchange needs: the requested Return's lines and the new items. */
export interface ExchangeApproval {
  orderId: string;
  plan: PlannedReturnLine[];
  exchange: StoredExchange;
}

/** The discount that makes a warranty replacement free (decision 170). */
export const REPLACEMENT_DISCOUNT = { description: "Warranty replacement", value: { percentage: 100 } } as const;

function sameMultiset(a: readonly { key: string; quantity: number }[], b: readonly { key: string; quantity: number }[]): boolean {
  const sum = (xs: readonly { key: string; quantity: number }[]) => {
    const m = new Map<string, number>();
    for (const x of xs) m.set(x.key, (m.get(x.key) ?? 0) + x.quantity);
    return m;
  };
  const ma = sum(a);
  const mb = sum(b);
  return ma.size === mb.size && [...ma].every(([k, q]) => mb.get(k) === q);
}

/**
 * The Return an earlier attempt's returnCreate made: OPEN, not the requested one, holding exactly the
 * plan's fulfillment line items and the exchange's variants and quantities, owned by no other request.
 */
async function findExchangeReturn(
  admin: AdminClient,
  approval: ExchangeApproval,
  requestedReturnId: string,
  ownedElsewhere: (returnId: string) => Promise<boolean>,
): Promise<{ id: string } | null> {
  const data = await admin.request(ORDER_EXCHANGE_RETURNS, { id: approval.orderId });
  const wantLines = approval.plan.map((l) => ({ key: l.fulfillmentLineItemId, quantity: l.quantity }));
  const wantItems = approval.exchange.items.map((i) => ({ key: i.variantId, quantity: i.quantity }));
  for (const r of data.order?.returns.nodes ?? []) {
    if (r.id === requestedReturnId || r.status !== "OPEN") continue;
    const lines = r.returnLineItems.nodes.map((l) => ({ key: "fulfillmentLineItem" in l ? l.fulfillmentLineItem.id : "", quantity: l.quantity }));
    const items = r.exchangeLineItems.nodes.map((x) => ({ key: x.variantId ?? "", quantity: x.quantity }));
    if (!sameMultiset(lines, wantLines) || !sameMultiset(items, wantItems)) continue;
    if (await ownedElsewhere(r.id)) continue;
    return { id: r.id };
  }
  return null;
}

/**
 * approve as a replacement or exchange. Shopify cannot add exchange items to a requested Return
 * (ReturnRequestInput and returnApproveRequest take none), so: (1) returnCancel the requested Return
 * (never processed, so Shopify allows it; the shopper is not told it was declined), then (2) returnCreate
 * a Return of the same lines with the exchange items (a replacement 100% discounted). Neither takes an
 * idempotency key: a retry reads first and skips what Shopify already shows (cancelled; a Return that
 * matches the plan and items exactly), so each happens once. The new Return's id is in the answer.
 */
export async function approveExchangeAtShopify(
  admin: AdminClient,
  returnId: string,
  approval: ExchangeApproval,
  opts: { reconcile: boolean; ownedElsewhere: (returnId: string) => Promise<boolean> },
): Promise<{ cancelled: unknown; exchangeReturnId: string; created: unknown }> {
  let cancelled: unknown;
  const facts = opts.reconcile ? factsOf((await readReturn(admin, returnId)).ret) : null;
  if (!facts || facts.status === "REQUESTED") {
    // before the first step that cannot be undone: the new items must be in stock (decision 170)
    const short = stockRefusal(await readExchangeStock(admin, approval.exchange.items));
    if (short) throw new StepError("out_of_stock", short);
    const res = await admin.mutate(RETURN_CANCEL, { id: returnId });
    cancelled = res.returnCancel?.return ?? null;
  } else if (facts.status === "CANCELED") {
    cancelled = { reconciled: true, status: facts.status };
  } else {
    throw new StepError("return_not_requested", `the Shopify return is ${facts.status}: a replacement or exchange is approved from a requested return`);
  }
  if (opts.reconcile) {
    const made = await findExchangeReturn(admin, approval, returnId, opts.ownedElsewhere);
    if (made) return { cancelled, exchangeReturnId: made.id, created: { reconciled: true, id: made.id } };
  }
  const replacement = approval.exchange.kind === "replacement";
  const res = await admin.mutate(RETURN_CREATE_EXCHANGE, {
    returnInput: {
      orderId: approval.orderId,
      returnLineItems: approval.plan.map((l) => ({
        fulfillmentLineItemId: l.fulfillmentLineItemId,
        quantity: l.quantity,
        ...(l.returnReasonDefinitionId ? { returnReasonDefinitionId: l.returnReasonDefinitionId } : {}),
      })),
      exchangeLineItems: approval.exchange.items.map((i) => ({
        variantId: i.variantId,
        quantity: i.quantity,
        ...(replacement ? { appliedDiscount: REPLACEMENT_DISCOUNT } : {}),
      })),
    },
  });
  const created = res.returnCreate?.return;
  if (!created) throw new StepError("no_return_created", "Shopify created no return for the exchange");
  return { cancelled, exchangeReturnId: created.id, created };
}

export async function declineAtShopify(
  admin: AdminClient,
  returnId: string,
  args: DeclineArgs,
  notifyCustomer: boolean,
  opts: { reconcile: boolean },
): Promise<unknown> {
  if (opts.reconcile) {
    const facts = factsOf((await readReturn(admin, returnId)).ret);
    if (facts.status === "DECLINED") return { reconciled: true, status: facts.status };
  }
  const res = await admin.mutate(RETURN_DECLINE_REQUEST, {
    input: { id: returnId, declineReason: args.reason, notifyCustomer, ...(args.message ? { declineNote: args.message } : {}) },
  });
  return res.returnDeclineRequest?.return ?? null;
}

export async function closeAtShopify(admin: AdminClient, returnId: string, opts: { reconcile: boolean }): Promise<unknown> {
  if (opts.reconcile) {
    const facts = factsOf((await readReturn(admin, returnId)).ret);
    if (facts.status === "CLOSED") return { reconciled: true, status: facts.status };
  }
  const res = await admin.mutate(RETURN_CLOSE, { id: returnId });
  return res.returnClose?.return ?? null;
}

/**
 * Spreads `amountMinor` over the order's successful payments in the order's presentment currency,
 * each taking only what earlier refunds (the app's or the Shopify admin's) left on it
 * (allocateRefundToPayments). Throws when the payments cannot cover it: Shopify would refuse the
 * refund as "greater than net payment received".
 */
export function allocateToTransactions(
  transactions: ShopifyReturn["order"]["transactions"],
  amountMinor: number,
  currency: string,
): { parentId: string; transactionAmount: { amount: string; currencyCode: string } }[] {
  const payments: PaymentTransaction[] = transactions.map((t) => ({
    id: t.id,
    kind: t.kind,
    status: t.status,
    gateway: t.gateway ?? "",
    amountMinor: parseMoney(t.amountSet.presentmentMoney.amount, currency),
    parentId: t.parentTransaction?.id ?? null,
  }));
  const split = allocateRefundToPayments(payments, amountMinor);
  if (!split.ok) {
    throw new StepError(
      "insufficient_payment",
      `Only ${formatMoney(split.availableMinor, currency)} ${currency} of this order's payments is left to refund (part was refunded already), less than the ${formatMoney(amountMinor, currency)} ${currency} of this request`,
    );
  }
  return split.parts.map((p) => ({ parentId: p.parentId, transactionAmount: { amount: toDecimalString(p.amountMinor, currency), currencyCode: currency } }));
}

/**
 * What a refund step moves, decided once before the claim (actions.ts `refundMoneyOf`, the one place
 * that refuses a refund of nothing and knows about exchanges and the store credit bonus).
 */
export interface RefundMoney {
  /** sent with returnProcess, minor units of the currency the shopper paid; 0 only when processing moves no money (a replacement or an even exchange, decision 170) */
  amountMinor: number;
  currency: string;
  /** the store credit bonus credited beside a refund to store credit (decision 220); none when absent */
  bonusMinor?: number;
  /** the Return holds exchange items, confirmed with the returned ones (decision 170) */
  exchangeItems?: boolean;
}

/** The store credit bonus as Shopify recorded it: the credit transaction and its amount. */
export interface BonusCredit {
  id: string;
  amountMinor: number;
  currency: string;
  reconciled?: true;
}

/**
 * Credits the store credit bonus (decision 220) with storeCreditAccountCredit, once. The mutation takes
 * no idempotency key and the bonus is always credited after the refund it belongs to, so only an attempt
 * that found the refund already made (`reconcile`) can find the bonus made too: it reads the customer's
 * latest credits in this currency first and adopts a credit made through storeCreditAccountCredit
 * (event ADJUSTMENT) of exactly the bonus, no earlier than the refund.
 */
export async function creditBonusAtShopify(
  admin: AdminClient,
  args: {
    customerId: string;
    bonusMinor: number;
    currency: string;
    notBefore: string | null;
    reconcile: boolean;
    /** credits another request of this customer already recorded as its bonus: never adopted for this one */
    takenElsewhere?: () => Promise<ReadonlySet<string>>;
  },
): Promise<BonusCredit> {
  const { customerId, bonusMinor, currency } = args;
  if (args.reconcile) {
    const data = await admin.request(STORE_CREDIT_CREDITS, { customerId, accountQuery: `currency_code:${currency}` });
    const since = args.notBefore ? Date.parse(args.notBefore) : -Infinity;
    let taken: ReadonlySet<string> | null = null;
    for (const t of data.customer?.storeCreditAccounts.nodes[0]?.transactions.nodes ?? []) {
      if (!("event" in t) || t.event !== "ADJUSTMENT" || t.amount.currencyCode !== currency) continue;
      if (parseMoney(t.amount.amount, currency) !== bonusMinor || Date.parse(t.createdAt) < since) continue;
      // two requests of one customer with the same bonus: the other's recorded credit is not this one's
      taken ??= args.takenElsewhere ? await args.takenElsewhere() : new Set<string>();
      if (taken.has(t.id)) continue;
      return { id: t.id, amountMinor: bonusMinor, currency, reconciled: true };
    }
  }
  const res = await admin.mutate(STORE_CREDIT_BONUS_CREDIT, {
    id: customerId,
    // the shopper is told once, by the return's own notification of the store credit refund
    creditInput: { creditAmount: { amount: toDecimalString(bonusMinor, currency), currencyCode: currency }, notify: false },
  });
  const t = res.storeCreditAccountCredit?.storeCreditAccountTransaction;
  if (!t) throw new StepError("no_store_credit_at_shopify", "Shopify credited no store credit bonus");
  return { id: t.id, amountMinor: parseMoney(t.amount.amount, currency), currency };
}

/** The latest refund's time: a bonus credited for it is no older. */
function latestRefundAt(refunds: readonly { createdAt?: string | null }[]): string | null {
  const times = refunds.map((r) => r.createdAt).filter((t): t is string => typeof t === "string");
  return times.length ? times.reduce((a, b) => (Date.parse(a) >= Date.parse(b) ? a : b)) : null;
}

/**
 * refund: returnProcess of every unprocessed return line (restocked or not, as received), with
 * the refund the engine priced at submission (fees already taken off) to the original payment or
 * as store credit, then the store credit bonus if there is one. The amount is the request's, in the
 * currency the shopper paid (the order's presentment currency, which Shopify's refund and store credit
 * inputs take); never a float. A request priced in another currency (stored before presentment
 * pricing) is refused as currency_mismatch. Whether there is anything to refund is `money`'s to say.
 */
export async function refundAtShopify(
  admin: AdminClient,
  returnId: string,
  args: RefundArgs,
  money: RefundMoney,
  restock: boolean,
  notifyCustomer: boolean,
  opts: { reconcile: boolean; lines?: number; bonusTakenElsewhere?: () => Promise<ReadonlySet<string>> },
): Promise<unknown> {
  const exchange = money.exchangeItems ?? false;
  const bonusMinor = money.bonusMinor ?? 0;
  // Reconciling needs the history; a first attempt only the lines and payments, sized to the request.
  const { ret, locationId } = opts.reconcile ? await readReturn(admin, returnId, { exchange }) : await readReturnForRefund(admin, returnId, opts.lines ?? 50, exchange);
  let outcome: { settled: Settlement; refundedAt: string | null; answer: Record<string, unknown> };
  if (opts.reconcile && shopifyShowsApplied("refund", factsOf(ret))) {
    const settled = settlementOf(ret.refunds?.nodes ?? [], money.currency);
    outcome = { settled, refundedAt: latestRefundAt(ret.refunds?.nodes ?? []), answer: { reconciled: true } };
  } else {
    outcome = await processAtShopify(admin, returnId, ret, locationId, args, money, restock, notifyCustomer);
  }
  const { settled } = outcome;
  let bonus: BonusCredit | undefined;
  if (args.to === "store_credit" && bonusMinor > 0) {
    const customerId = ret.order.customer?.id;
    if (!customerId) throw new StepError("no_customer", "store credit needs an order with a customer");
    // only an attempt that found the refund made can find the bonus made: it is always credited after
    bonus = await creditBonusAtShopify(admin, {
      customerId,
      bonusMinor,
      currency: money.currency,
      notBefore: outcome.refundedAt,
      reconcile: "reconciled" in outcome.answer,
      ...(opts.bonusTakenElsewhere ? { takenElsewhere: opts.bonusTakenElsewhere } : {}),
    });
  }
  return {
    ...outcome.answer,
    settled,
    amount: toDecimalString(settled.totalMinor, money.currency),
    currency: money.currency,
    to: args.to,
    ...(bonus ? { bonus } : {}),
  };
}

/** returnProcess of what the Return has left to process, with the money `money` says (none: no financial transfer). */
async function processAtShopify(
  admin: AdminClient,
  returnId: string,
  ret: ShopifyReturn,
  locationId: string | null,
  args: RefundArgs,
  money: RefundMoney,
  restock: boolean,
  notifyCustomer: boolean,
): Promise<{ settled: Settlement; refundedAt: string | null; answer: Record<string, unknown> }> {
  if (ret.status !== "OPEN") throw new StepError("return_not_open", `the Shopify return is ${ret.status}, not OPEN`);
  const currency = ret.order.presentmentCurrencyCode as string;
  if (currency !== money.currency) {
    throw new StepError("currency_mismatch", `the request is in ${money.currency} but the order was paid in ${currency}`);
  }
  const rfoLines = ret.reverseFulfillmentOrders.nodes.flatMap((r) => r.lineItems.nodes);
  const returnLineItems = ret.returnLineItems.nodes
    .filter((l) => l.unprocessedQuantity > 0)
    .map((l) => {
      const fli = "fulfillmentLineItem" in l ? l.fulfillmentLineItem.id : null;
      const rfoLine = fli ? rfoLines.find((r) => r.fulfillmentLineItem?.id === fli) : undefined;
      const dispositions =
        rfoLine && (!restock || locationId)
          ? [
              {
                reverseFulfillmentOrderLineItemId: rfoLine.id,
                quantity: l.unprocessedQuantity,
                dispositionType: restock ? ("RESTOCKED" as const) : ("NOT_RESTOCKED" as const),
                ...(restock && locationId ? { locationId } : {}),
              },
            ]
          : undefined;
      return { id: l.id, quantity: l.unprocessedQuantity, ...(dispositions ? { dispositions } : {}) };
    });
  if (returnLineItems.length === 0) throw new StepError("nothing_to_process", "every line of the Shopify return is already processed");
  // a replacement's or exchange's new items are confirmed with the returned ones: Shopify then releases
  // their fulfillment order, paid for by what came back (decision 170); a Return without them reads none
  const exchangeLineItems = (ret.exchangeLineItems?.nodes ?? []).filter((x) => x.unprocessedQuantity > 0).map((x) => ({ id: x.id, quantity: x.unprocessedQuantity }));
  let issueRefund;
  if (money.amountMinor <= 0) {
    issueRefund = undefined;
  } else if (args.to === "store_credit") {
    if (!ret.order.customer) throw new StepError("no_customer", "store credit needs an order with a customer");
    issueRefund = {
      orderTransactions: [],
      refundMethods: [{ storeCreditRefund: { amount: { amount: toDecimalString(money.amountMinor, currency), currencyCode: currency } } }],
    };
  } else {
    issueRefund = { orderTransactions: allocateToTransactions(ret.order.transactions, money.amountMinor, currency) };
  }
  const res = await admin.mutate(RETURN_PROCESS, {
    input: {
      returnId,
      returnLineItems,
      ...(exchangeLineItems.length ? { exchangeLineItems } : {}),
      notifyCustomer,
      ...(issueRefund ? { financialTransfer: { issueRefund } } : {}),
    },
  });
  const processed = res.returnProcess?.return ?? null;
  // Shopify's record, read back in the same answer: the request follows it, not what was asked.
  const settled = settlementOf(processed?.refunds.nodes ?? [], currency);
  if (settled.refunds.length === 0 && money.amountMinor > 0) {
    throw new StepError("no_refund_at_shopify", "Shopify processed the return but shows no refund on it");
  }
  return {
    settled,
    refundedAt: latestRefundAt(processed?.refunds.nodes ?? []),
    answer: { returnProcess: processed ? { id: processed.id, status: processed.status } : null },
  };
}
