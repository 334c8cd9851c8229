/**
 * Reads one order through the Admin API and maps it to the policy engine's Order (orderSchema) and
 * Shop. Rules of the mapping (the engine trusts them, so they are written down here):
 *
 * - currency: the currency the shopper paid (presentmentCurrencyCode, presentmentMoney). The engine,
 *   the request's refund and Shopify's refunds and store credit all count in it. shopMoney: the
 *   order's total in shop money and in presentment money (Shopify's recorded rate), when the two
 *   currencies differ; the shop-money figures beside a request come from it.
 * - unitPrice: what was actually paid per unit after every discount
 *   (discountedUnitPriceAfterAllDiscountsSet). unitTax: only when prices EXCLUDE tax
 *   (taxesIncluded = false), the line's tax divided evenly per unit (floored to the minor unit, so
 *   a refund never exceeds what was charged); when taxes are included the price already holds it.
 * - onSale (shop money, as the compare-at price is): the variant's compare-at price is above the price the line was sold at, or the line
 *   got an automatic discount (a storewide sale). A discount CODE the shopper typed is not a sale.
 *   "final-sale" tags are matched by the policy's own tag rules, not folded in here.
 * - fulfilledQuantity: units in SUCCESS fulfillments. fulfilledAt: the earliest such fulfillment;
 *   deliveredAt: the latest delivery among them (null until one is delivered).
 * - returnedQuantity: units Shopify no longer counts as returnable (fulfilled minus the
 *   returnableFulfillments quantity of the line's fulfillment line items: units on returns that are
 *   not CANCELED/DECLINED and units refunded without a return), or units removed from the order
 *   (quantity - currentQuantity), whichever is larger, capped at what was fulfilled.
 * - returnable: per line item, its fulfillment line items with Shopify's returnable quantity: the
 *   ids and quantities returnRequest takes.
 * - salesChannel: the order's attribution (handle, then display name), the app that created it, then
 *   sourceName, mapped: online_store ("online_store", "web"), pos ("pos"), draft_order
 *   ("shopify_draft_order", "draft_order"), marketplace (amazon/ebay/etsy/trade-me/...),
 *   retail_partner ("retail"/"wholesale"/"b2b"), other otherwise. Order.attribution replaces the
 *   deprecated channelInformation in 2026-07 and has no marketplace flag, so marketplaces are known
 *   by name (https://shopify.dev/changelog/order-attribution-definitions-are-available-in-order-channel-filters).
 * - customerDisplayName: the customer's name only when the app is approved for names (protected
 *   customer data level 2); otherwise Shopify refuses it and it is null, as for a redacted "•••".
 * - shop country: shopAddress.countryCodeV2; timezone: ianaTimezone.
 *
 * Cost: the read is sized by `SnapshotSizes` (what the caller last saw of this order: see
 * `sizesFor`), not by the worst case. Anything a sized page cuts off shows in pageInfo (or a full
 * fulfillments list), and the order is read again at the default sizes, so a hint that is out of
 * date costs one more call, never a wrong answer.
 */
import type { AdminClient } from "./admin-client";
import { ORDER_SNAPSHOT } from "./operations/order-snapshot";
import { ORDER_ID_BY_NAME } from "./operations/order-id-by-name";
import type { OrderSnapshotQuery } from "~/types/admin.generated";
import {
  orderSchema,
  parseMoney,
  shopSchema,
  toDecimalString,
  type Order,
  type SalesChannel,
  type Shop,
} from "~/returns";

export interface FulfillmentLineRef {
  id: string;
  quantity: number;
}

export interface OrderSnapshotResult {
  order: Order;
  /** Order.updatedAt at this read: the version the kept order facts hold (docs/decisions/180). */
  updatedAt: string;
  shop: Shop;
  /** Owner of the order (gid), null for guest orders. */
  customerId: string | null;
  /** Shopify's count of the customer's orders (Customer.numberOfOrders), for history screening; null for guests. */
  customerOrders: number | null;
  /** The customer's name as Shopify shows it (staff queue shows and searches it); null for guests. */
  customerDisplayName: string | null;
  /**
   * The domain of the customer's e-mail ("example.com"), read only when asked (`withEmail`) and the app is
   * approved for e-mail; the address itself is never kept. Null: not asked, refused, or no e-mail.
   */
  customerEmailDomain: string | null;
  /** Fulfillment line items per line item id (returnRequest takes these ids). */
  fulfillmentLineItems: Record<string, FulfillmentLineRef[]>;
  /** Per line item id, its fulfillment line items with the quantity Shopify will still take back. */
  returnable: Record<string, FulfillmentLineRef[]>;
  /** Return reason definition ids by handle (only those asked for with `reasonHandles`, not deleted). */
  reasonIds: Record<string, string>;
  /** What this read saw of the order's size: the next read of it can be sized from it (`sizesFor`). */
  shape: OrderShape;
  /** Display extras the engine does not read: the line's image (its variant's) and the merchant's alt text for it. */
  lineExtras: Record<string, { imageUrl: string | null; imageAlt?: string | null }>;
  /** True when a list on the order was longer than one page allows (fulfillments, returns). */
  truncated: boolean;
}

export class OrderSnapshotError extends Error {
  override readonly name = "OrderSnapshotError";
}

const MARKETPLACES = ["amazon", "ebay", "etsy", "trade-me", "trademe", "walmart", "google", "facebook", "instagram", "tiktok", "marketplace"];

export function mapSalesChannel(hints: {
  attributionHandle?: string | null;
  attributionName?: string | null;
  appName?: string | null;
  sourceName?: string | null;
}): SalesChannel {
  const words = [hints.attributionHandle, hints.attributionName, hints.appName, hints.sourceName]
    .filter((x): x is string => typeof x === "string" && x.length > 0)
    .map((x) => x.toLowerCase().replace(/[\s_]+/g, "-"));
  for (const w of words) {
    if (w === "online-store" || w === "web" || w === "online_store") return "online_store";
    if (w === "pos" || w === "point-of-sale") return "pos";
    if (w.includes("draft-order") || w === "shopify-draft-order") return "draft_order";
    if (MARKETPLACES.some((m) => w.includes(m))) return "marketplace";
    if (w.includes("retail") || w.includes("wholesale") || w === "b2b") return "retail_partner";
  }
  return "other";
}

type OrderNode = NonNullable<OrderSnapshotQuery["order"]>;

/** Where OrderSnapshot may meet a protected customer data refusal that only means "no name". */
export const ORDER_SNAPSHOT_REDACTABLE_AT = ["order.customerName", "order.customerEmail"] as const;
/** What Shopify shows for a name the app may not read (https://shopify.dev/changelog/displayname-no-longer-exposes-unapproved-email-or-phone). */
const REDACTED = "•••";

/** The domain of the customer's e-mail, lower case; the address itself goes no further than this function. */
function emailDomainOf(order: OrderNode): string | null {
  const email = order.customerEmail?.defaultEmailAddress?.emailAddress?.trim().toLowerCase();
  const at = email ? email.lastIndexOf("@") : -1;
  return email && at > 0 && at < email.length - 1 ? email.slice(at + 1) : null;
}

function displayNameOf(order: OrderNode): string | null {
  const name = order.customerName?.displayName?.trim();
  return name && name !== REDACTED ? name : null;
}
type LineNode = OrderNode["lineItems"]["nodes"][number];

/** Numeric ids ("7001") and gids both accepted. */
export function toOrderGid(orderId: string): string {
  const s = orderId.trim();
  if (/^\d+$/.test(s)) return `gid://shopify/Order/${s}`;
  if (/^gid:\/\/shopify\/Order\/\d+$/.test(s)) return s;
  throw new OrderSnapshotError(`not an order id: ${orderId}`);
}

function minorOrZero(amount: string | null | undefined, currency: string): number {
  if (amount === null || amount === undefined) return 0;
  return parseMoney(amount, currency);
}

/** Page sizes of one OrderSnapshot read (see operations/order-snapshot.ts). */
export interface SnapshotSizes {
  /** Line items per page. */
  lines: number;
  /** Fulfillments (and returnable fulfillments) on the first page. */
  fulfillments: number;
  /** Fulfillment line items per fulfillment (and per returnable fulfillment). */
  fulfillmentLines: number;
}

/** The worst case one read covers (the document's defaults); larger orders page on (lines) or are flagged `truncated`. */
export const DEFAULT_SNAPSHOT_SIZES: SnapshotSizes = { lines: 20, fulfillments: 5, fulfillmentLines: 25 };

/**
 * An order not seen before: sized for most orders (up to 10 lines in up to 2 fulfillments), about
 * a third of the worst case; a bigger one is read again at the defaults.
 */
export const FIRST_READ_SIZES: SnapshotSizes = { lines: 10, fulfillments: 2, fulfillmentLines: 10 };

export interface OrderShape {
  lines: number;
  fulfillments: number;
  /** The most fulfillment line items on one fulfillment (or returnable fulfillment). */
  fulfillmentLines: number;
}

/** Page sizes for the next read of an order whose shape was seen: exactly what it had. */
export function sizesFor(shape: OrderShape | null | undefined): SnapshotSizes {
  if (!shape) return FIRST_READ_SIZES;
  const clamp = (n: number, max: number) => Math.max(1, Math.min(max, Math.floor(n)));
  return {
    lines: clamp(shape.lines, DEFAULT_SNAPSHOT_SIZES.lines),
    fulfillments: clamp(shape.fulfillments, DEFAULT_SNAPSHOT_SIZES.fulfillments),
    fulfillmentLines: clamp(shape.fulfillmentLines, DEFAULT_SNAPSHOT_SIZES.fulfillmentLines),
  };
}

export interface SnapshotOptions {
  /** Page sizes (default: FIRST_READ_SIZES, read again at the defaults when the order is bigger). */
  sizes?: SnapshotSizes;
  /** Read product collections (only policies with a collection rule need them). Default true. */
  withCollections?: boolean;
  /** Return reason definition handles to resolve to ids in the same read (a submission). */
  reasonHandles?: readonly string[];
  /** Ask for the customer's e-mail domain (protected customer data level 2, "email"). Default false. */
  withEmail?: boolean;
}

type FirstPage = OrderSnapshotQuery;

function firstPageTruncated(page: FirstPage): boolean {
  const o = page.order;
  if (!o) return false;
  if ((o.fulfillmentsCount?.count ?? 0) > (o.fulfillments?.length ?? 0)) return true;
  if (o.fulfillments?.some((f) => f.fulfillmentLineItems.pageInfo.hasNextPage)) return true;
  const rf = page.returnableFulfillments;
  return Boolean(rf && (rf.pageInfo.hasNextPage || rf.nodes.some((n) => n.returnableFulfillmentLineItems.pageInfo.hasNextPage)));
}

export async function loadOrderSnapshot(admin: AdminClient, orderId: string, opts: SnapshotOptions = {}): Promise<OrderSnapshotResult | null> {
  const id = toOrderGid(orderId);
  const handles = [...new Set(opts.reasonHandles ?? [])];
  const common = {
    id,
    withCollections: opts.withCollections ?? true,
    withReasons: handles.length > 0,
    reasonHandles: handles,
    reasons: Math.max(1, handles.length),
  };
  const withEmail = opts.withEmail ?? false;
  // The customer's name is level 2 protected customer data: refused, it is absent (operations/order-snapshot.ts).
  const read = (sizes: SnapshotSizes) => admin.request(ORDER_SNAPSHOT, { ...common, ...sizes, withOrderParts: true, withEmail }, { redactableAt: ORDER_SNAPSHOT_REDACTABLE_AT });
  let sizes = opts.sizes ?? FIRST_READ_SIZES;
  let first = await read(sizes);
  // A hint smaller than the order has grown to: read once more at the default sizes.
  if (sizes !== DEFAULT_SNAPSHOT_SIZES && firstPageTruncated(first)) {
    sizes = DEFAULT_SNAPSHOT_SIZES;
    first = await read(sizes);
  }
  const order = first.order;
  if (!order) return null;
  if (!first.shop) throw new OrderSnapshotError("OrderSnapshot: shop missing from the first page");
  const lines: LineNode[] = [...order.lineItems.nodes];
  let page = order.lineItems.pageInfo;
  while (page.hasNextPage && page.endCursor) {
    const next = await admin.request(ORDER_SNAPSHOT, {
      ...common,
      withReasons: false,
      lines: DEFAULT_SNAPSHOT_SIZES.lines,
      lineItemsAfter: page.endCursor,
      withOrderParts: false,
    });
    if (!next.order) break;
    lines.push(...next.order.lineItems.nodes);
    page = next.order.lineItems.pageInfo;
  }
  return mapOrderSnapshot(first.shop, { ...order, lineItems: { ...order.lineItems, nodes: lines } }, first.returnableFulfillments, first.returnReasonDefinitions);
}

export function mapOrderSnapshot(
  shopNode: NonNullable<OrderSnapshotQuery["shop"]>,
  order: OrderNode,
  returnableNode: OrderSnapshotQuery["returnableFulfillments"] | null | undefined,
  reasonsNode?: OrderSnapshotQuery["returnReasonDefinitions"] | null,
): OrderSnapshotResult {
  const currency = order.presentmentCurrencyCode;
  const shopCurrency = order.currencyCode;
  const shop = shopSchema.parse({
    country: shopNode.shopAddress.countryCodeV2 ?? "US",
    timezone: shopNode.ianaTimezone,
    currency: shopNode.currencyCode,
  });
  let truncated = (order.fulfillmentsCount?.count ?? 0) > (order.fulfillments?.length ?? 0);

  // Fulfillments: per line, units fulfilled and first/last dates.
  const fulfilled = new Map<string, { qty: number; fulfilledAt: string | null; deliveredAt: string | null }>();
  const flis: Record<string, FulfillmentLineRef[]> = {};
  for (const f of order.fulfillments ?? []) {
    if (f.status !== "SUCCESS") continue;
    if (f.fulfillmentLineItems.pageInfo.hasNextPage) truncated = true;
    for (const n of f.fulfillmentLineItems.nodes) {
      const lid = n.lineItem.id;
      const qty = n.quantity ?? 0;
      (flis[lid] ??= []).push({ id: n.id, quantity: qty });
      const cur = fulfilled.get(lid) ?? { qty: 0, fulfilledAt: null, deliveredAt: null };
      cur.qty += qty;
      if (cur.fulfilledAt === null || Date.parse(f.createdAt) < Date.parse(cur.fulfilledAt)) cur.fulfilledAt = f.createdAt;
      if (f.deliveredAt && (cur.deliveredAt === null || Date.parse(f.deliveredAt) > Date.parse(cur.deliveredAt))) cur.deliveredAt = f.deliveredAt;
      fulfilled.set(lid, cur);
    }
  }

  // Units Shopify will still take back, per fulfillment line item; what a SUCCESS fulfillment
  // holds beyond that is on other (active) returns or was refunded without one.
  const returnableByFli = new Map<string, number>();
  if (returnableNode?.pageInfo.hasNextPage) truncated = true;
  for (const rf of returnableNode?.nodes ?? []) {
    if (rf.returnableFulfillmentLineItems.pageInfo.hasNextPage) truncated = true;
    for (const n of rf.returnableFulfillmentLineItems.nodes) {
      returnableByFli.set(n.fulfillmentLineItem.id, (returnableByFli.get(n.fulfillmentLineItem.id) ?? 0) + n.quantity);
    }
  }
  const onReturns = new Map<string, number>();
  const returnable: Record<string, FulfillmentLineRef[]> = {};
  for (const [lid, list] of Object.entries(flis)) {
    for (const fli of list) {
      const left = Math.min(fli.quantity, returnableByFli.get(fli.id) ?? 0);
      onReturns.set(lid, (onReturns.get(lid) ?? 0) + fli.quantity - left);
      if (left > 0) (returnable[lid] ??= []).push({ id: fli.id, quantity: left });
    }
  }
  let fliCount = Math.max(0, ...(order.fulfillments ?? []).map((f) => f.fulfillmentLineItems.nodes.length));
  for (const rf of returnableNode?.nodes ?? []) fliCount = Math.max(fliCount, rf.returnableFulfillmentLineItems.nodes.length);
  const reasonIds: Record<string, string> = {};
  for (const d of reasonsNode?.nodes ?? []) if (!d.deleted) reasonIds[d.handle] = d.id;

  const extras: OrderSnapshotResult["lineExtras"] = {};
  const mapped = order.lineItems.nodes.map((l) => {
    const f = fulfilled.get(l.id);
    const fulfilledQty = f?.qty ?? 0;
    const removed = Math.max(0, l.quantity - l.currentQuantity);
    const returned = Math.min(fulfilledQty, Math.max(onReturns.get(l.id) ?? 0, removed));
    const paidUnit = l.discountedUnitPriceAfterAllDiscountsSet.presentmentMoney.amount;
    const originalUnit = minorOrZero(l.originalUnitPriceSet.shopMoney.amount, shopCurrency);
    const compareAt = l.variant?.compareAtPrice ? minorOrZero(String(l.variant.compareAtPrice), shopCurrency) : 0;
    const automatic = l.discountAllocations.some((d) => d.discountApplication.__typename === "AutomaticDiscountApplication");
    let unitTax: string | undefined;
    if (!order.taxesIncluded && l.quantity > 0) {
      const taxMinor = l.taxLines.reduce((a, t) => a + minorOrZero(t.priceSet.presentmentMoney.amount, currency), 0);
      unitTax = toDecimalString(Math.floor(taxMinor / l.quantity), currency);
    }
    extras[l.id] = { imageUrl: l.image?.url ? String(l.image.url) : null, imageAlt: l.image?.altText ?? null };
    return {
      id: l.id,
      title: l.title,
      sku: l.sku ?? null,
      productType: l.product?.productType ?? "",
      vendor: l.product?.vendor ?? "",
      tags: l.product?.tags ?? [],
      collections: l.product?.collections?.nodes.map((c) => c.handle) ?? [],
      customAttributes: l.customAttributes.map((a) => ({ key: a.key, value: a.value ?? "" })),
      isGiftCard: l.isGiftCard || (l.product?.isGiftCard ?? false),
      onSale: compareAt > originalUnit || automatic,
      quantity: l.quantity,
      unitPrice: toDecimalString(parseMoney(String(paidUnit), currency), currency),
      ...(unitTax !== undefined ? { unitTax } : {}),
      fulfilledQuantity: fulfilledQty,
      returnedQuantity: returned,
      fulfilledAt: f?.fulfilledAt ?? null,
      deliveredAt: f?.deliveredAt ?? null,
    };
  });
  for (const l of order.lineItems.nodes) {
    if (l.product?.collections?.pageInfo.hasNextPage) truncated = true;
  }

  const net = order.netPaymentSet?.presentmentMoney.amount;
  const total = order.totalPriceSet;
  const parsed = orderSchema.parse({
    id: order.id,
    name: order.name,
    processedAt: order.processedAt,
    currency,
    salesChannel: mapSalesChannel({
      attributionHandle: order.attribution?.handle,
      attributionName: order.attribution?.displayName,
      appName: order.app?.name,
      sourceName: order.sourceName,
    }),
    shippingCountry: order.shippingAddress?.countryCodeV2 ?? null,
    ...(net !== undefined && net !== null ? { refundableAmount: toDecimalString(Math.max(0, parseMoney(String(net), currency)), currency) } : {}),
    ...(total && shopCurrency !== currency
      ? {
          shopMoney: {
            currency: shopCurrency,
            total: toDecimalString(parseMoney(String(total.shopMoney.amount), shopCurrency), shopCurrency),
            presentmentTotal: toDecimalString(parseMoney(String(total.presentmentMoney.amount), currency), currency),
          },
        }
      : {}),
    lines: mapped,
  });
  return {
    order: parsed,
    updatedAt: String(order.updatedAt),
    shop,
    customerId: order.customer?.id ?? null,
    customerOrders: order.customer?.numberOfOrders !== undefined && order.customer?.numberOfOrders !== null ? Number(order.customer.numberOfOrders) : null,
    customerDisplayName: order.customer ? displayNameOf(order) : null,
    customerEmailDomain: order.customer ? emailDomainOf(order) : null,
    fulfillmentLineItems: flis,
    returnable,
    reasonIds,
    lineExtras: extras,
    truncated,
    shape: { lines: order.lineItems.nodes.length, fulfillments: Math.max(order.fulfillmentsCount?.count ?? 0, order.fulfillments?.length ?? 0), fulfillmentLines: fliCount },
  };
}

/** "#1001" or "1001" -> the order's gid, or null. */
export async function findOrderIdByName(admin: AdminClient, name: string): Promise<string | null> {
  const trimmed = name.trim();
  if (!trimmed) return null;
  const wanted = trimmed.startsWith("#") ? trimmed : `#${trimmed}`;
  // Quotes keep the '#' and any spaces inside one search term.
  const data = await admin.request(ORDER_ID_BY_NAME, { query: `name:"${wanted.replace(/"/g, "")}"` });
  const hit = data.orders.nodes.find((n) => n.name === wanted);
  return hit?.id ?? null;
}
