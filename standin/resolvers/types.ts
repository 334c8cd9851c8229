/* eslint-disable @typescript-eslint/no-explicit-any -- resolver args arrive already coerced by graphql-js against the real schema; their shapes are the schema's, not re-declared here */
import type { Ctx } from "./context";
import { orderVisible, tag } from "./context";
import type {
  CollectionRec,
  ExchangeLineRec,
  CustomerRec,
  FileRec,
  FulfillmentLineRec,
  FulfillmentOrderRec,
  FulfillmentRec,
  LineItemRec,
  MetafieldRec,
  OrderRec,
  ProductRec,
  RefundLineRec,
  RefundRec,
  ReturnLineRec,
  ReturnRec,
  ReverseDeliveryRec,
  RfoLineRec,
  RfoRec,
  ShopRec,
  StoreCreditAccountRec,
  StoreCreditTxnRec,
  VariantRec,
} from "../state/types";
import { findFulfillmentLine, findLineItem, findRfoLine, gidNumber } from "../state/store";
import { fromDecimal, moneyBag, moneyV2 } from "../state/money";
import { TopLevelError } from "../state/errors";
import { orderReturnStatus, refundedQuantityOfLineItem, returnableQuantity } from "../state/returns";
import { discountedUnit, discountedUnitPresentment, netPayment, netPaymentPresentment, presentmentOf, shopOf, totalRefunded, totalRefundedPresentment } from "../state/refunds";
import { metafieldsOf, resolveNamespace } from "./metafields";
import { matches, numericId, parseQuery } from "./search";
import { displayNameFor } from "../customer-data";
import { customerDataDenied } from "./guard";

type R = Record<string, (src: any, args: any, ctx: Ctx) => unknown>;

const legacy = (src: { id: string }) => gidNumber(src.id);

function orderOf(ctx: Ctx, id: string): OrderRec {
  const o = ctx.store.orders.get(id);
  if (!o) throw new Error(`dangling order ${id}`);
  return o;
}

/** A MoneyBag of the order; without a presentment amount, the shop amount at the order's rate. */
function bag(order: OrderRec, shop: number, presentment?: number) {
  return moneyBag(shop, order.currencyCode, presentment ?? presentmentOf(order, shop), order.presentmentCurrencyCode);
}

function orderTotals(ctx: Ctx, o: OrderRec) {
  const subtotal = o.lineItems.reduce((a, l) => a + l.unitPrice * l.quantity - l.discount, 0);
  const tax = o.lineItems.reduce((a, l) => a + l.taxLines.reduce((b, t) => b + t.price, 0), 0);
  const discounts = o.lineItems.reduce((a, l) => a + l.discount, 0);
  const total = subtotal + o.shipping; // tax-inclusive pricing (NZ GST): tax already inside prices
  const refunded = totalRefunded(ctx.store, o);
  return { subtotal, tax, discounts, total, refunded };
}

function lineCurrentQuantity(ctx: Ctx, o: OrderRec, li: LineItemRec): number {
  return li.quantity - refundedQuantityOfLineItem(ctx.store, o, li.id);
}

export const typeResolvers: Record<string, R> = {
  Shop: {
    shopAddress: (s: ShopRec) => ({ id: "gid://shopify/ShopAddress/1", countryCodeV2: s.countryCode, country: "New Zealand", formatted: [], coordinatesValidated: false }),
    contactEmail: (s: ShopRec) => s.email,
    url: (s: ShopRec) => `https://${s.myshopifyDomain}`,
    enabledPresentmentCurrencies: (s: ShopRec) => [s.currencyCode, "AUD", "USD"],
    taxesIncluded: () => true,
    metafield: (s: ShopRec, a, ctx) => tag(ctx, "Metafield", metafieldsOf(ctx, s.id).find((m) => m.namespace === resolveNamespace(ctx, a.namespace ?? "$app") && m.key === a.key)),
    metafields: (s: ShopRec, a, ctx) => metafieldsOf(ctx, s.id).filter((m) => !a.namespace || m.namespace === resolveNamespace(ctx, a.namespace)).map((m) => tag(ctx, "Metafield", m)),
    plan: () => ({ displayName: "Development", partnerDevelopment: true, shopifyPlus: false, publicDisplayName: "Development" }),
  },
  Order: {
    legacyResourceId: legacy,
    number: (o: OrderRec) => o.number,
    customer: (o: OrderRec, _a, ctx) => tag(ctx, "Customer", o.customerId ? ctx.store.customers.get(o.customerId) : null),
    displayAddress: (o: OrderRec) => o.shippingAddress,
    // where the order came from (2026-07; replaces channelInformation): web and POS orders carry Shopify's
    // own handles (the `channel:web,pos` search filter matches Order.attribution.handle), channel apps theirs
    attribution: (o: OrderRec) =>
      o.channel
        ? { handle: o.sourceName === "web" || o.sourceName === "pos" ? o.sourceName : o.channel.handle, displayName: o.channel.displayName, icon: null }
        : null,
    channelInformation: (o: OrderRec) =>
      o.channel
        ? {
            id: `gid://shopify/ChannelInformation/${gidNumber(o.id)}`,
            channelId: `gid://shopify/Channel/${o.channel.handle}`,
            displayName: o.channel.displayName,
            app: { id: "gid://shopify/App/1", title: o.channel.displayName, handle: o.channel.handle },
            channelDefinition: {
              id: `gid://shopify/ChannelDefinition/${o.channel.handle}`,
              handle: o.channel.handle,
              channelName: o.channel.displayName,
              subChannelName: o.channel.displayName,
              isMarketplace: o.sourceName !== "web" && o.sourceName !== "pos",
            },
          }
        : null,
    app: (o: OrderRec) => (o.appName ? { id: "gid://shopify/App/580111", name: o.appName, icon: { url: "https://cdn.example/icon.png" } } : null),
    lineItems: (o: OrderRec, _a, ctx) => o.lineItems.map((l) => tag(ctx, "LineItem", l)),
    fulfillments: (o: OrderRec, a, ctx) => o.fulfillments.slice(0, a.first ?? undefined).map((f) => tag(ctx, "Fulfillment", f)),
    fulfillmentsCount: (o: OrderRec) => ({ count: o.fulfillments.length, precision: "EXACT" }),
    fulfillmentOrders: (o: OrderRec, _a, ctx) => (o.fulfillmentOrders ?? []).map((f) => tag(ctx, "FulfillmentOrder", f)),
    returns: (o: OrderRec, _a, ctx) => o.returnIds.map((id) => tag(ctx, "Return", ctx.store.returns.get(id)!)),
    refunds: (o: OrderRec, a, ctx) => o.refundIds.slice(0, a.first ?? undefined).map((id) => tag(ctx, "Refund", ctx.store.refunds.get(id)!)),
    returnStatus: (o: OrderRec, _a, ctx) => orderReturnStatus(ctx.store, o),
    transactions: (o: OrderRec, _a, ctx) => o.transactions.map((t) => tag(ctx, "OrderTransaction", { ...t, __order: o })),
    displayFulfillmentStatus: (o: OrderRec) => {
      const fulfilled = o.fulfillments.filter((f) => f.status === "SUCCESS").flatMap((f) => f.lines).reduce((a, l) => a + l.quantity, 0);
      const total = o.lineItems.reduce((a, l) => a + l.quantity, 0);
      return fulfilled === 0 ? "UNFULFILLED" : fulfilled >= total ? "FULFILLED" : "PARTIALLY_FULFILLED";
    },
    displayFinancialStatus: (o: OrderRec, _a, ctx) => {
      const paid = o.transactions.filter((t) => t.status === "SUCCESS" && (t.kind === "SALE" || t.kind === "CAPTURE")).reduce((a, t) => a + t.amount, 0);
      if (paid === 0) return "PENDING";
      const refunded = totalRefunded(ctx.store, o);
      if (refunded >= paid) return "REFUNDED";
      if (refunded > 0) return "PARTIALLY_REFUNDED";
      return "PAID";
    },
    subtotalPriceSet: (o: OrderRec, _a, ctx) => bag(o, orderTotals(ctx, o).subtotal),
    totalPriceSet: (o: OrderRec, _a, ctx) => bag(o, orderTotals(ctx, o).total),
    currentTotalPriceSet: (o: OrderRec, _a, ctx) => {
      const t = orderTotals(ctx, o);
      const v = t.total - o.refundIds.reduce((a, id) => a + (ctx.store.refunds.get(id)?.lines.reduce((b, l) => b + l.subtotal, 0) ?? 0), 0);
      return bag(o, v);
    },
    totalTaxSet: (o: OrderRec, _a, ctx) => bag(o, orderTotals(ctx, o).tax),
    currentTotalTaxSet: (o: OrderRec, _a, ctx) => bag(o, orderTotals(ctx, o).tax),
    totalDiscountsSet: (o: OrderRec, _a, ctx) => bag(o, orderTotals(ctx, o).discounts),
    totalShippingPriceSet: (o: OrderRec) => bag(o, o.shipping),
    totalReceivedSet: (o: OrderRec) => {
      const paid = o.transactions.filter((t) => t.status === "SUCCESS" && (t.kind === "SALE" || t.kind === "CAPTURE"));
      return bag(o, paid.reduce((a, t) => a + t.amount, 0), paid.reduce((a, t) => a + t.presentmentAmount, 0));
    },
    netPaymentSet: (o: OrderRec) => bag(o, netPayment(o), netPaymentPresentment(o)),
    totalRefundedSet: (o: OrderRec, _a, ctx) => bag(o, totalRefunded(ctx.store, o), totalRefundedPresentment(ctx.store, o)),
    totalRefundableAmount: (o: OrderRec) => bag(o, netPayment(o), netPaymentPresentment(o)),
    taxesIncluded: () => true,
    refundable: (o: OrderRec) => netPayment(o) > 0,
    shippingLines: (o: OrderRec) =>
      o.shipping > 0 ? [{ id: `gid://shopify/ShippingLine/${gidNumber(o.id)}`, title: "Standard", code: "standard", originalPriceSet: bag(o, o.shipping), discountedPriceSet: bag(o, o.shipping), taxLines: [], custom: false, isRemoved: false }] : [],
    currentSubtotalLineItemsQuantity: (o: OrderRec, _a, ctx) => o.lineItems.reduce((a, l) => a + lineCurrentQuantity(ctx, o, l), 0),
    subtotalLineItemsQuantity: (o: OrderRec) => o.lineItems.reduce((a, l) => a + l.quantity, 0),
    closed: () => false,
    confirmed: () => true,
    customAttributes: () => [],
    paymentGatewayNames: (o: OrderRec) => [...new Set(o.transactions.map((t) => t.gateway))],
    metafield: () => null,
    metafields: () => [],
    statusPageUrl: (o: OrderRec, _a, ctx) => `https://${ctx.store.shop.myshopifyDomain}/orders/${gidNumber(o.id)}`,
  },
  LineItem: {
    name: (l: LineItemRec) => l.title,
    currentQuantity: (l: LineItemRec, _a, ctx) => {
      const f = findLineItem(ctx.store, l.id)!;
      return lineCurrentQuantity(ctx, f.order, l);
    },
    refundableQuantity: (l: LineItemRec, _a, ctx) => {
      const f = findLineItem(ctx.store, l.id)!;
      return lineCurrentQuantity(ctx, f.order, l);
    },
    unfulfilledQuantity: (l: LineItemRec, _a, ctx) => {
      const f = findLineItem(ctx.store, l.id)!;
      const done = f.order.fulfillments.filter((x) => x.status === "SUCCESS").flatMap((x) => x.lines).filter((x) => x.lineItemId === l.id).reduce((a, x) => a + x.quantity, 0);
      return Math.max(0, l.quantity - done);
    },
    nonFulfillableQuantity: () => 0,
    product: (l: LineItemRec, _a, ctx) => tag(ctx, "Product", l.productId ? ctx.store.products.get(l.productId) : null),
    variant: (l: LineItemRec, _a, ctx) => tag(ctx, "ProductVariant", l.variantId ? ctx.store.variants.get(l.variantId) : null),
    // "The image associated to the line item's variant": the variant's own image, else its product's main image
    // (a variant without an image of its own shows its product's). A line whose product is gone has none.
    // https://shopify.dev/docs/api/admin-graphql/latest/objects/LineItem#field-LineItem.fields.image
    image: (l: LineItemRec, _a, ctx) => {
      const variant = l.variantId ? ctx.store.variants.get(l.variantId) : undefined;
      const product = l.productId ? ctx.store.products.get(l.productId) : undefined;
      return variant?.image ?? product?.featuredImage ?? null;
    },
    variantTitle: (l: LineItemRec, _a, ctx) => (l.variantId ? ctx.store.variants.get(l.variantId)?.title ?? null : null),
    originalUnitPriceSet: (l: LineItemRec, _a, ctx) => bag(findLineItem(ctx.store, l.id)!.order, l.unitPrice, l.unitPricePresentment),
    originalTotalSet: (l: LineItemRec, _a, ctx) => bag(findLineItem(ctx.store, l.id)!.order, l.unitPrice * l.quantity, l.unitPricePresentment * l.quantity),
    discountedUnitPriceSet: (l: LineItemRec, _a, ctx) => unitAfterDiscount(ctx, l),
    discountedUnitPriceAfterAllDiscountsSet: (l: LineItemRec, _a, ctx) => unitAfterDiscount(ctx, l),
    discountedTotalSet: (l: LineItemRec, _a, ctx) =>
      bag(findLineItem(ctx.store, l.id)!.order, l.unitPrice * l.quantity - l.discount, l.unitPricePresentment * l.quantity - l.discountPresentment),
    totalDiscountSet: (l: LineItemRec, _a, ctx) => bag(findLineItem(ctx.store, l.id)!.order, l.discount, l.discountPresentment),
    discountAllocations: (l: LineItemRec, _a, ctx) =>
      l.discount > 0
        ? [
            {
              allocatedAmountSet: bag(findLineItem(ctx.store, l.id)!.order, l.discount, l.discountPresentment),
              discountApplication: tag(ctx, "DiscountCodeApplication", {
                code: "SAVE",
                index: 0,
                allocationMethod: "ACROSS",
                targetSelection: "ENTITLED",
                targetType: "LINE_ITEM",
                value: { __typename: "PricingPercentageValue", percentage: 10 },
              }),
            },
          ]
        : [],
    taxLines: (l: LineItemRec, _a, ctx) =>
      l.taxLines.map((t) => ({ title: t.title, rate: t.rate, ratePercentage: t.rate * 100, priceSet: bag(findLineItem(ctx.store, l.id)!.order, t.price), channelLiable: false, source: "Shopify" })),
    taxable: (l: LineItemRec) => l.taxLines.length > 0,
    restockable: () => true,
    merchantEditable: () => true,
    duties: () => [],
  },
  Fulfillment: {
    legacyResourceId: legacy,
    order: (f: FulfillmentRec, _a, ctx) => tag(ctx, "Order", orderOf(ctx, f.orderId)),
    fulfillmentLineItems: (f: FulfillmentRec, _a, ctx) => f.lines.map((l) => tag(ctx, "FulfillmentLineItem", l)),
    events: (f: FulfillmentRec) => f.events.map((e) => ({ ...e, createdAt: e.happenedAt })),
    totalQuantity: (f: FulfillmentRec) => f.lines.reduce((a, l) => a + l.quantity, 0),
    trackingInfo: (f: FulfillmentRec) => (f.trackingNumber ? [{ number: f.trackingNumber, company: f.trackingCompany, url: f.trackingUrl ?? null }] : []),
    updatedAt: (f: FulfillmentRec) => f.deliveredAt ?? f.inTransitAt ?? f.createdAt,
    requiresShipping: () => true,
    fulfillmentOrders: () => [],
  },
  FulfillmentLineItem: {
    lineItem: (l: FulfillmentLineRec, _a, ctx) => tag(ctx, "LineItem", findLineItem(ctx.store, l.lineItemId)!.line),
    originalTotalSet: (l: FulfillmentLineRec, _a, ctx) => {
      const f = findLineItem(ctx.store, l.lineItemId)!;
      return bag(f.order, f.line.unitPrice * l.quantity, f.line.unitPricePresentment * l.quantity);
    },
    discountedTotalSet: (l: FulfillmentLineRec, _a, ctx) => {
      const f = findLineItem(ctx.store, l.lineItemId)!;
      return bag(f.order, discountedUnit(f.line) * l.quantity);
    },
  },
  ReturnableFulfillment: {
    fulfillment: (rf: { fulfillment: FulfillmentRec }, _a, ctx) => tag(ctx, "Fulfillment", rf.fulfillment),
    returnableFulfillmentLineItems: (rf: { fulfillment: FulfillmentRec }, _a, ctx) =>
      rf.fulfillment.lines
        .map((l) => ({ fulfillmentLineItem: tag(ctx, "FulfillmentLineItem", l), quantity: returnableQuantity(ctx.store, l.id) }))
        .filter((x) => x.quantity > 0),
  },
  Return: {
    order: (r: ReturnRec, _a, ctx) => tag(ctx, "Order", orderOf(ctx, r.orderId)),
    totalQuantity: (r: ReturnRec) => r.lines.reduce((a, l) => a + l.quantity, 0),
    returnLineItems: (r: ReturnRec, _a, ctx) => r.lines.map((l) => tag(ctx, "ReturnLineItem", l)),
    reverseFulfillmentOrders: (r: ReturnRec, _a, ctx) => r.rfos.map((x) => tag(ctx, "ReverseFulfillmentOrder", x)),
    refunds: (r: ReturnRec, _a, ctx) => r.refundIds.map((id) => tag(ctx, "Refund", ctx.store.refunds.get(id)!)),
    decline: (r: ReturnRec) => r.decline,
    exchangeLineItems: (r: ReturnRec, _a, ctx) => (r.exchangeLines ?? []).map((l) => tag(ctx, "ExchangeLineItem", l)),
    returnShippingFees: (r: ReturnRec, _a, ctx) =>
      r.shippingFee != null ? [{ id: r.shippingFeeId, amountSet: bag(orderOf(ctx, r.orderId), shopOf(orderOf(ctx, r.orderId), r.shippingFee), r.shippingFee) }] : [],
    transactions: () => [],
    /**
     * What processing these quantities would refund: discounted line subtotal (tax-inclusive prices),
     * minus restocking fees and the return shipping fee, plus any shipping refund, capped at net payment.
     */
    suggestedFinancialOutcome: (r: ReturnRec, a, ctx) => {
      const o = orderOf(ctx, r.orderId);
      let sub = 0;
      let tax = 0;
      let fees = 0;
      for (const [i, item] of ((a.returnLineItems ?? []) as { id: string; quantity: number }[]).entries()) {
        const l = r.lines.find((x) => x.id === item.id);
        if (!l) throw new TopLevelError(`returnLineItems.${i}.id: Return line item was not found.`, "NOT_FOUND");
        if (item.quantity < 0 || item.quantity > l.quantity - l.refundedQuantity)
          throw new TopLevelError(`returnLineItems.${i}.quantity: exceeds the refundable quantity ${l.quantity - l.refundedQuantity}.`, "INVALID");
        const li = o.lineItems.find((x) => x.id === l.lineItemId)!;
        const lineSub = discountedUnit(li) * item.quantity;
        sub += lineSub;
        tax += li.taxLines.reduce((acc, t) => acc + Math.floor((t.price * item.quantity) / Math.max(1, li.quantity)), 0);
        if (l.restockingFeePercentage != null) fees += Math.round((lineSub * l.restockingFeePercentage) / 100);
      }
      if (r.shippingFee != null && r.refundIds.length === 0) fees += shopOf(o, r.shippingFee);
      const shipping = a.refundShipping?.fullRefund ? o.shipping : a.refundShipping?.shippingRefundAmount ? fromDecimal(a.refundShipping.shippingRefundAmount.amount, o.currencyCode) : 0;
      const amount = Math.max(0, Math.min(sub - fees + shipping, netPayment(o)));
      const z = bag(o, 0);
      const parent = o.transactions.find((t) => t.status === "SUCCESS" && (t.kind === "SALE" || t.kind === "CAPTURE"));
      return {
        discountedSubtotal: bag(o, sub),
        maximumRefundable: bag(o, netPayment(o)),
        totalTax: bag(o, tax),
        totalAdditionalFees: bag(o, fees),
        totalCartDiscountAmount: z,
        totalDuties: z,
        refundDuties: [],
        shipping: { amountSet: bag(o, shipping), maximumRefundableSet: bag(o, o.shipping), taxSet: z },
        financialTransfer: tag(ctx, "RefundReturnOutcome", {
          amount: bag(o, amount),
          suggestedRefundMethods: [],
          suggestedTransactions: parent
            ? [{ kind: "SUGGESTED_REFUND", gateway: parent.gateway, formattedGateway: parent.gateway, amountSet: bag(o, amount), maximumRefundableSet: bag(o, netPayment(o)), parentTransaction: tag(ctx, "OrderTransaction", { ...parent, __order: o }), accountNumber: null, paymentDetails: null }]
            : [],
        }),
      };
    },
  },
  ReturnLineItem: {
    fulfillmentLineItem: (l: ReturnLineRec, _a, ctx) => tag(ctx, "FulfillmentLineItem", findFulfillmentLine(ctx.store, l.fulfillmentLineItemId)!.line),
    unprocessedQuantity: (l: ReturnLineRec) => l.quantity - l.processedQuantity,
    processableQuantity: (l: ReturnLineRec) => l.quantity - l.processedQuantity,
    refundableQuantity: (l: ReturnLineRec) => l.quantity - l.refundedQuantity,
    returnReasonDefinition: (l: ReturnLineRec, _a, ctx) => tag(ctx, "ReturnReasonDefinition", ctx.store.returnReasonDefinitions.find((d) => d.id === l.returnReasonDefinitionId)),
    returnReason: (l: ReturnLineRec, _a, ctx) => {
      const h = ctx.store.returnReasonDefinitions.find((d) => d.id === l.returnReasonDefinitionId)?.handle;
      return REASON_ENUM[h ?? ""] ?? "OTHER";
    },
    restockingFee: (l: ReturnLineRec, _a, ctx) => {
      if (l.restockingFeePercentage == null) return null;
      const f = findLineItem(ctx.store, l.lineItemId)!;
      const fee = (unit: number) => Math.round((unit * l.quantity * l.restockingFeePercentage!) / 100);
      return { id: `gid://shopify/RestockingFee/${gidNumber(l.id)}`, percentage: l.restockingFeePercentage, amountSet: bag(f.order, fee(discountedUnit(f.line)), fee(discountedUnitPresentment(f.line))) };
    },
    withCodeDiscountedTotalPriceSet: (l: ReturnLineRec, _a, ctx) => {
      const f = findLineItem(ctx.store, l.lineItemId)!;
      return bag(f.order, discountedUnit(f.line) * l.quantity);
    },
  },
  ReverseFulfillmentOrder: {
    order: (x: RfoRec, _a, ctx) => tag(ctx, "Order", orderOf(ctx, ctx.store.returns.get(x.returnId)!.orderId)),
    lineItems: (x: RfoRec, _a, ctx) => x.lines.map((l) => tag(ctx, "ReverseFulfillmentOrderLineItem", l)),
    reverseDeliveries: (x: RfoRec, _a, ctx) => x.deliveries.map((d) => tag(ctx, "ReverseDelivery", d)),
    thirdPartyConfirmation: () => null,
  },
  ReverseFulfillmentOrderLineItem: {
    fulfillmentLineItem: (l: RfoLineRec, _a, ctx) => tag(ctx, "FulfillmentLineItem", findFulfillmentLine(ctx.store, l.fulfillmentLineItemId)?.line),
    dispositions: (l: RfoLineRec, _a, ctx) =>
      l.disposed.map((d, i) => ({ id: `gid://shopify/ReverseFulfillmentOrderDisposition/${gidNumber(l.id)}${i}`, type: d.type, quantity: d.quantity, location: d.locationId ? tag(ctx, "Location", ctx.store.locations.get(d.locationId) ?? { id: d.locationId, name: "Unknown location", isActive: false }) : null, createdAt: "2026-01-01T00:00:00Z" })),
  },
  ReverseDelivery: {
    reverseFulfillmentOrder: (d: ReverseDeliveryRec, _a, ctx) => {
      for (const r of ctx.store.returns.values()) for (const rfo of r.rfos) if (rfo.deliveries.includes(d)) return tag(ctx, "ReverseFulfillmentOrder", rfo);
      return null;
    },
    reverseDeliveryLineItems: (d: ReverseDeliveryRec, _a, ctx) =>
      d.lines.map((l) => ({ id: l.id, quantity: l.quantity, dispositions: [], reverseFulfillmentOrderLineItem: tag(ctx, "ReverseFulfillmentOrderLineItem", findRfoLine(ctx.store, l.rfoLineId)!.line) })),
    deliverable: (d: ReverseDeliveryRec, _a, ctx) =>
      tag(ctx, "ReverseDeliveryShippingDeliverable", {
        tracking: d.trackingNumber || d.trackingUrl ? { number: d.trackingNumber, url: d.trackingUrl, carrierName: d.carrierName } : null,
        label: d.labelUrl ? { publicFileUrl: d.labelUrl, createdAt: "2026-01-01T00:00:00Z" } : null,
      }),
  },
  Refund: {
    legacyResourceId: legacy,
    order: (r: RefundRec, _a, ctx) => tag(ctx, "Order", orderOf(ctx, r.orderId)),
    return: (r: RefundRec, _a, ctx) => tag(ctx, "Return", r.returnId ? ctx.store.returns.get(r.returnId) : null),
    processedAt: (r: RefundRec) => r.createdAt,
    updatedAt: (r: RefundRec) => r.createdAt,
    // "The total amount across all transactions for the refund"
    // (https://shopify.dev/docs/api/admin-graphql/latest/objects/Refund#field-totalRefundedSet): a refund to
    // store credit (RefundMethodInput.storeCreditRefund, in the currency paid) is recorded as one of its
    // transactions, so it counts.
    totalRefundedSet: (r: RefundRec, _a, ctx) => {
      const o = orderOf(ctx, r.orderId);
      return bag(o, r.total + shopOf(o, r.storeCredit), r.totalPresentment + r.storeCredit);
    },
    refundLineItems: (r: RefundRec, _a, ctx) => r.lines.map((l) => ({ ...l, __refund: r, __ctxOrder: orderOf(ctx, r.orderId) })),
    refundShippingLines: () => [],
    orderAdjustments: () => [],
    duties: () => [],
    transactions: (r: RefundRec, _a, ctx) => {
      const o = orderOf(ctx, r.orderId);
      return r.transactionIds.map((id) => tag(ctx, "OrderTransaction", { ...o.transactions.find((t) => t.id === id)!, __order: o }));
    },
  },
  RefundLineItem: {
    lineItem: (l: RefundLineRec & { __ctxOrder: OrderRec }, _a, ctx) => tag(ctx, "LineItem", l.__ctxOrder.lineItems.find((x) => x.id === l.lineItemId)!),
    priceSet: (l: RefundLineRec & { __ctxOrder: OrderRec }) => bag(l.__ctxOrder, l.quantity ? Math.round(l.subtotal / l.quantity) : 0),
    subtotalSet: (l: RefundLineRec & { __ctxOrder: OrderRec }) => bag(l.__ctxOrder, l.subtotal),
    totalTaxSet: (l: RefundLineRec & { __ctxOrder: OrderRec }) => bag(l.__ctxOrder, l.tax),
    restocked: (l: RefundLineRec) => l.restockType !== "NO_RESTOCK",
    location: () => null,
  },
  OrderTransaction: {
    amountSet: (t: any) => bag(t.__order, t.amount, t.presentmentAmount),
    order: (t: any, _a, ctx) => tag(ctx, "Order", t.__order),
    parentTransaction: (t: any, _a, ctx) => {
      const p = (t.__order as OrderRec).transactions.find((x) => x.id === t.parentId);
      return p ? tag(ctx, "OrderTransaction", { ...p, __order: t.__order }) : null;
    },
    processedAt: (t: any) => t.createdAt,
    test: () => true,
    manuallyCapturable: () => false,
    fees: () => [],
  },
  Product: {
    legacyResourceId: legacy,
    collections: (p: ProductRec, _a, ctx) => p.collectionIds.map((id) => tag(ctx, "Collection", ctx.store.collections.get(id)!)),
    variants: (p: ProductRec, _a, ctx) => p.variantIds.map((id) => tag(ctx, "ProductVariant", ctx.store.variants.get(id)!)),
    status: (p: ProductRec) => p.status ?? "ACTIVE",
    description: () => "",
    metafield: (p: ProductRec, a, ctx) => tag(ctx, "Metafield", metafieldsOf(ctx, p.id).find((m) => m.namespace === resolveNamespace(ctx, a.namespace ?? "$app") && m.key === a.key)),
    metafields: (p: ProductRec, a, ctx) => metafieldsOf(ctx, p.id).filter((m) => !a.namespace || m.namespace === resolveNamespace(ctx, a.namespace)).map((m) => tag(ctx, "Metafield", m)),
    inCollection: (p: ProductRec, a) => p.collectionIds.includes(a.id),
  },
  ProductVariant: {
    legacyResourceId: legacy,
    product: (v: VariantRec, _a, ctx) => tag(ctx, "Product", ctx.store.products.get(v.productId)!),
    price: (v: VariantRec, _a, ctx) => moneyV2(v.price, ctx.store.shop.currencyCode).amount,
    compareAtPrice: (v: VariantRec, _a, ctx) => (v.compareAtPrice == null ? null : moneyV2(v.compareAtPrice, ctx.store.shop.currencyCode).amount),
    displayName: (v: VariantRec, _a, ctx) => `${ctx.store.products.get(v.productId)?.title ?? ""} - ${v.title}`,
    selectedOptions: (v: VariantRec) => v.options ?? [{ name: "Title", value: v.title }],
    inventoryQuantity: (v: VariantRec) => v.inventoryQuantity ?? null,
    // untracked variants are always for sale; tracked ones while units are on hand (policy DENY)
    availableForSale: (v: VariantRec) => v.inventoryQuantity === undefined || v.inventoryQuantity > 0,
    inventoryPolicy: () => "DENY",
  },
  ExchangeLineItem: {
    processableQuantity: (l: ExchangeLineRec) => l.quantity - l.processedQuantity,
    unprocessedQuantity: (l: ExchangeLineRec) => l.quantity - l.processedQuantity,
    lineItems: (l: ExchangeLineRec, _a, ctx) => l.lineItemIds.map((id) => tag(ctx, "LineItem", findLineItem(ctx.store, id)!.line)),
    lineItem: (l: ExchangeLineRec, _a, ctx) => (l.lineItemIds[0] ? tag(ctx, "LineItem", findLineItem(ctx.store, l.lineItemIds[0])!.line) : null),
  },
  FulfillmentOrder: {
    order: (f: FulfillmentOrderRec, _a, ctx) => tag(ctx, "Order", orderOf(ctx, f.orderId)),
    orderName: (f: FulfillmentOrderRec, _a, ctx) => orderOf(ctx, f.orderId).name,
    orderProcessedAt: (f: FulfillmentOrderRec, _a, ctx) => orderOf(ctx, f.orderId).processedAt,
    updatedAt: (f: FulfillmentOrderRec) => f.createdAt,
    requestStatus: () => "UNSUBMITTED",
    fulfillmentHolds: (f: FulfillmentOrderRec) =>
      f.holds.map((h) => ({ ...h, reasonNotes: null, handle: null, heldByRequestingApp: false, displayReason: h.reason === "AWAITING_PAYMENT" ? "Awaiting payment" : "Awaiting return items" })),
    lineItems: (f: FulfillmentOrderRec, _a, ctx) => f.lines.map((l) => tag(ctx, "FulfillmentOrderLineItem", { ...l, __orderId: f.orderId })),
    fulfillments: () => [],
    supportedActions: () => [],
  },
  FulfillmentOrderLineItem: {
    lineItem: (l: { lineItemId: string }, _a, ctx) => tag(ctx, "LineItem", findLineItem(ctx.store, l.lineItemId)!.line),
    totalQuantity: (l: { quantity: number }) => l.quantity,
    remainingQuantity: (l: { quantity: number }) => l.quantity,
    variant: (l: { lineItemId: string }, _a, ctx) => {
      const li = findLineItem(ctx.store, l.lineItemId)!.line;
      return tag(ctx, "ProductVariant", li.variantId ? ctx.store.variants.get(li.variantId) : null);
    },
    productTitle: (l: { lineItemId: string }, _a, ctx) => findLineItem(ctx.store, l.lineItemId)!.line.title,
    variantTitle: (l: { lineItemId: string }, _a, ctx) => {
      const li = findLineItem(ctx.store, l.lineItemId)!.line;
      return li.variantId ? ctx.store.variants.get(li.variantId)?.title ?? null : null;
    },
    sku: (l: { lineItemId: string }, _a, ctx) => findLineItem(ctx.store, l.lineItemId)!.line.sku,
    requiresShipping: () => true,
    warnings: () => [],
    financialSummaries: () => [],
  },
  Collection: {
    legacyResourceId: legacy,
    products: (c: CollectionRec, _a, ctx) => [...ctx.store.products.values()].filter((p) => p.collectionIds.includes(c.id)).map((p) => tag(ctx, "Product", p)),
    hasProduct: (c: CollectionRec, a, ctx) => ctx.store.products.get(a.id)?.collectionIds.includes(c.id) ?? false,
    description: () => "",
  },
  Customer: {
    legacyResourceId: legacy,
    // the value decides which protected field it needs (standin/customer-data.ts); a refused name nulls the Customer
    displayName: (c: CustomerRec, _a, ctx) => {
      const d = displayNameFor(c, ctx.customerData);
      if ("denied" in d) throw customerDataDenied("Customer");
      return d.value;
    },
    defaultEmailAddress: (c: CustomerRec) => ({ emailAddress: c.email, marketingState: "NOT_SUBSCRIBED" }),
    orders: (c: CustomerRec, _a, ctx) => [...ctx.store.orders.values()].filter((o) => o.customerId === c.id && orderVisible(ctx, o)).map((o) => tag(ctx, "Order", o)),
    // "The customer's last order" (Admin 2026-07 Customer.lastOrder): the latest placed, within what the token may read
    lastOrder: (c: CustomerRec, _a, ctx) => {
      const mine = [...ctx.store.orders.values()].filter((o) => o.customerId === c.id && orderVisible(ctx, o));
      const last = mine.sort((a, b) => Date.parse(a.processedAt) - Date.parse(b.processedAt) || a.id.localeCompare(b.id)).at(-1);
      return last ? tag(ctx, "Order", last) : null;
    },
    numberOfOrders: (c: CustomerRec, _a, ctx) => String([...ctx.store.orders.values()].filter((o) => o.customerId === c.id).length),
    storeCreditAccounts: (c: CustomerRec, a, ctx) => {
      const terms = parseQuery(a.query);
      return [...ctx.store.storeCreditAccounts.values()]
        .filter((x) => x.ownerId === c.id && matches(terms, (t) => (t.field === "currency_code" ? x.currencyCode.toLowerCase() === t.value.toLowerCase() : t.field === "id" ? numericId(x.id) === numericId(t.value) : false)))
        .map((x) => tag(ctx, "StoreCreditAccount", x));
    },
    locale: () => "en",
  },
  StoreCreditAccount: {
    balance: (a: StoreCreditAccountRec) => moneyV2(a.balance, a.currencyCode),
    owner: (a: StoreCreditAccountRec, _x, ctx) => tag(ctx, "Customer", ctx.store.customers.get(a.ownerId)),
    // `query` type:credit / type:debit as Shopify filters (the connection applies first/reverse)
    transactions: (a: StoreCreditAccountRec, x, ctx) => {
      const terms = parseQuery(x.query);
      return a.transactions
        .filter((t) => matches(terms, (term) => (term.field === "type" ? t.kind.toLowerCase() === term.value.toLowerCase() : term.field === "id" ? numericId(t.id) === numericId(term.value) : false)))
        .map((t) => tag(ctx, t.kind === "CREDIT" ? "StoreCreditAccountCreditTransaction" : "StoreCreditAccountDebitTransaction", { ...t, __account: a }));
    },
  },
  StoreCreditAccountCreditTransaction: txnResolvers(),
  StoreCreditAccountDebitTransaction: txnResolvers(),
  Metafield: {
    legacyResourceId: legacy,
    jsonValue: (m: MetafieldRec) => {
      try {
        return JSON.parse(m.value);
      } catch {
        return m.value;
      }
    },
    compareDigest: (m: MetafieldRec) => Buffer.from(`${m.id}:${m.updatedAt}:${m.value}`).toString("base64url"),
    ownerType: (m: MetafieldRec) => (m.ownerId.includes("/Shop/") ? "SHOP" : m.ownerId.includes("/Product/") ? "PRODUCT" : "APP_INSTALLATION"),
    sizeInBytes: (m: MetafieldRec) => Buffer.byteLength(m.value),
    definition: () => null,
    reference: () => null,
    translations: () => [],
  },
  GenericFile: fileResolvers(),
  MediaImage: { ...fileResolvers(), image: (f: FileRec) => ({ url: f.url, altText: f.alt }), mediaContentType: () => "IMAGE", status: () => "READY", mediaErrors: () => [], mediaWarnings: () => [] },
};

const REASON_ENUM: Record<string, string> = {
  unknown: "UNKNOWN",
  color: "COLOR",
  "damaged-or-defective": "DEFECTIVE",
  "item-not-as-described": "NOT_AS_DESCRIBED",
  "received-the-wrong-item": "WRONG_ITEM",
  "too-big": "SIZE_TOO_LARGE",
  "too-small": "SIZE_TOO_SMALL",
  style: "STYLE",
  "changed-my-mind": "UNWANTED",
  "other-reason": "OTHER",
};

function unitAfterDiscount(ctx: Ctx, l: LineItemRec) {
  const o = findLineItem(ctx.store, l.id)!.order;
  return bag(o, discountedUnit(l), discountedUnitPresentment(l));
}

function txnResolvers(): R {
  return {
    amount: (t: StoreCreditTxnRec & { __account: StoreCreditAccountRec }) => moneyV2(t.kind === "DEBIT" ? -t.amount : t.amount, t.__account.currencyCode),
    balanceAfterTransaction: (t: StoreCreditTxnRec & { __account: StoreCreditAccountRec }) => moneyV2(t.balanceAfter, t.__account.currencyCode),
    remainingAmount: (t: StoreCreditTxnRec & { __account: StoreCreditAccountRec }) => moneyV2(t.amount, t.__account.currencyCode),
    account: (t: { __account: StoreCreditAccountRec }, _a, ctx) => tag(ctx, "StoreCreditAccount", t.__account),
    event: (t: StoreCreditTxnRec) => t.event ?? "ADJUSTMENT",
    origin: () => null,
  };
}

function fileResolvers(): R {
  return {
    fileStatus: () => "READY",
    fileErrors: () => [],
    updatedAt: (f: FileRec) => f.createdAt,
    mimeType: (f: FileRec) => f.contentType,
    preview: (f: FileRec) => ({ status: "READY", image: { url: f.url } }),
  };
}

