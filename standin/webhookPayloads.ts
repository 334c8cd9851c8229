import type { Store } from "./state/store";
import { gidNumber } from "./state/store";
import { toDecimal } from "./state/money";
import { presentmentOf, shopOf } from "./state/refunds";
import type { RefundRec, ReturnRec } from "./state/types";

/** REST-style webhook bodies (snake_case, numeric ids + admin_graphql_api_id), as Shopify sends them. */
export function returnPayload(store: Store, ret: ReturnRec) {
  const order = store.orders.get(ret.orderId)!;
  return {
    id: Number(gidNumber(ret.id)),
    admin_graphql_api_id: ret.id,
    name: ret.name,
    status: ret.status.toLowerCase(),
    order: { id: Number(gidNumber(order.id)), admin_graphql_api_id: order.id },
    total_return_line_items: ret.lines.reduce((a, l) => a + l.quantity, 0),
    total_exchange_line_items: 0,
    decline: ret.decline ? { reason: ret.decline.reason.toLowerCase(), note: ret.decline.note } : null,
    return_line_items: ret.lines.map((l) => ({
      id: Number(gidNumber(l.id)),
      admin_graphql_api_id: l.id,
      fulfillment_line_item: { id: Number(gidNumber(l.fulfillmentLineItemId)), admin_graphql_api_id: l.fulfillmentLineItemId, line_item: { id: Number(gidNumber(l.lineItemId)), admin_graphql_api_id: l.lineItemId } },
      quantity: l.quantity,
      return_reason: REASON_CODES[store.returnReasonDefinitions.find((d) => d.id === l.returnReasonDefinitionId)?.handle ?? ""] ?? "other",
      return_reason_definition: l.returnReasonDefinitionId ? { id: Number(gidNumber(l.returnReasonDefinitionId)), admin_graphql_api_id: l.returnReasonDefinitionId } : null,
      return_reason_note: l.returnReasonNote,
      customer_note: l.customerNote,
    })),
    exchange_line_items: [],
    return_shipping_fees:
      ret.shippingFee != null && ret.shippingFeeId
        ? [{ id: Number(gidNumber(ret.shippingFeeId)), admin_graphql_api_id: ret.shippingFeeId, price: { shop_money: { amount: toDecimal(shopOf(order, ret.shippingFee), order.currencyCode), currency_code: order.currencyCode }, presentment_money: { amount: toDecimal(ret.shippingFee, order.presentmentCurrencyCode), currency_code: order.presentmentCurrencyCode } } }]
        : [],
  };
}

/** REST payloads carry the legacy reason code */
const REASON_CODES: Record<string, string> = {
  unknown: "unknown",
  color: "color",
  "damaged-or-defective": "defective",
  "item-not-as-described": "not_as_described",
  "received-the-wrong-item": "wrong_item",
  "too-big": "size_too_large",
  "too-small": "size_too_small",
  style: "style",
  "changed-my-mind": "unwanted",
  "other-reason": "other",
};

export function refundPayload(store: Store, refund: RefundRec) {
  const order = store.orders.get(refund.orderId)!;
  const cur = order.currencyCode;
  return {
    id: Number(gidNumber(refund.id)),
    admin_graphql_api_id: refund.id,
    order_id: Number(gidNumber(order.id)),
    created_at: refund.createdAt,
    processed_at: refund.createdAt,
    note: refund.note,
    restock: refund.lines.some((l) => l.restockType !== "NO_RESTOCK"),
    user_id: null,
    return: refund.returnId ? { id: Number(gidNumber(refund.returnId)), admin_graphql_api_id: refund.returnId } : null,
    refund_line_items: refund.lines.map((l) => ({
      id: Number(gidNumber(l.id)),
      line_item_id: Number(gidNumber(l.lineItemId)),
      quantity: l.quantity,
      restock_type: l.restockType.toLowerCase(),
      subtotal: toDecimal(l.subtotal, cur),
      total_tax: toDecimal(l.tax, cur),
      subtotal_set: { shop_money: { amount: toDecimal(l.subtotal, cur), currency_code: cur }, presentment_money: { amount: toDecimal(presentmentOf(order, l.subtotal), order.presentmentCurrencyCode), currency_code: order.presentmentCurrencyCode } },
    })),
    transactions: refund.transactionIds.map((id) => {
      const t = order.transactions.find((x) => x.id === id)!;
      return { id: Number(gidNumber(t.id)), admin_graphql_api_id: t.id, order_id: Number(gidNumber(order.id)), kind: "refund", gateway: t.gateway, status: "success", amount: toDecimal(t.presentmentAmount, order.presentmentCurrencyCode), currency: order.presentmentCurrencyCode, parent_id: t.parentId ? Number(gidNumber(t.parentId)) : null, created_at: t.createdAt };
    }),
    order_adjustments: [],
  };
}

export function shopPayload(store: Store) {
  return { id: Number(gidNumber(store.shop.id)), name: store.shop.name, domain: store.shop.myshopifyDomain, myshopify_domain: store.shop.myshopifyDomain, currency: store.shop.currencyCode, iana_timezone: store.shop.ianaTimezone, country_code: store.shop.countryCode };
}
