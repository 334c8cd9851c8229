/** In-memory records of the stand-in. Money is integer minor units; ids are Shopify GIDs. */

export type Minor = number;

export interface MailingAddress {
  firstName?: string;
  lastName?: string;
  address1?: string;
  city?: string;
  zip?: string;
  countryCodeV2: string;
  provinceCode?: string;
}

export interface ShopRec {
  id: string;
  name: string;
  myshopifyDomain: string;
  email: string;
  currencyCode: string;
  ianaTimezone: string;
  countryCode: string;
  appId: string;
}

export interface MetafieldRec {
  id: string;
  ownerId: string;
  namespace: string;
  key: string;
  type: string;
  value: string;
  createdAt: string;
  updatedAt: string;
}

/** An image as Admin's `Image` answers it: a URL and the merchant's alt text. */
export interface ImageRec {
  url: string;
  altText: string | null;
}

export interface ProductRec {
  id: string;
  title: string;
  handle: string;
  productType: string;
  vendor: string;
  tags: string[];
  collectionIds: string[];
  variantIds: string[];
  isGiftCard: boolean;
  /** Product.status; absent: ACTIVE */
  status?: "ACTIVE" | "ARCHIVED" | "DRAFT";
  /** published to the online store (the products search's `published_status`); absent: published */
  published?: boolean;
  createdAt: string;
  updatedAt: string;
  /** the product's main image (Product.featuredImage) */
  featuredImage?: ImageRec | null;
}

export interface VariantRec {
  id: string;
  productId: string;
  title: string;
  sku: string;
  price: Minor;
  /** compare-at price ("was" price); above `price` means the variant is on sale */
  compareAtPrice?: Minor | null;
  /** units on hand (ProductVariant.inventoryQuantity); absent: not tracked */
  inventoryQuantity?: number;
  /** the variant's own image (ProductVariant.image); absent: none of its own */
  image?: ImageRec | null;
  /** the variant's option values (ProductVariant.selectedOptions); absent: Title = title */
  options?: { name: string; value: string }[];
}

export interface CollectionRec {
  id: string;
  title: string;
  handle: string;
}

export interface CustomerRec {
  id: string;
  firstName: string;
  lastName: string;
  email: string;
  createdAt: string;
  tags: string[];
}

export interface TaxLineRec {
  title: string;
  rate: number;
  /** tax amount for the whole line, shop currency */
  price: Minor;
}

export interface LineItemRec {
  id: string;
  title: string;
  quantity: number;
  sku: string | null;
  vendor: string | null;
  productId: string | null;
  variantId: string | null;
  isGiftCard: boolean;
  requiresShipping: boolean;
  customAttributes: { key: string; value: string }[];
  /** unit price, shop currency */
  unitPrice: Minor;
  /** unit price, presentment currency */
  unitPricePresentment: Minor;
  /** total discount over the whole line, shop currency */
  discount: Minor;
  discountPresentment: Minor;
  taxLines: TaxLineRec[];
}

export interface FulfillmentLineRec {
  id: string;
  lineItemId: string;
  quantity: number;
}

export type FulfillmentStatus = "SUCCESS" | "CANCELLED" | "ERROR" | "FAILURE" | "OPEN" | "PENDING";
export type FulfillmentDisplayStatus =
  | "FULFILLED"
  | "IN_TRANSIT"
  | "OUT_FOR_DELIVERY"
  | "DELIVERED"
  | "ATTEMPTED_DELIVERY"
  | "LABEL_PRINTED"
  | "CONFIRMED";

export interface FulfillmentEventRec {
  id: string;
  status: string;
  happenedAt: string;
}

export interface FulfillmentRec {
  id: string;
  orderId: string;
  name: string;
  status: FulfillmentStatus;
  displayStatus: FulfillmentDisplayStatus;
  createdAt: string;
  inTransitAt: string | null;
  deliveredAt: string | null;
  lines: FulfillmentLineRec[];
  events: FulfillmentEventRec[];
  trackingNumber: string | null;
  trackingCompany: string | null;
  /** the carrier's tracking page (FulfillmentTrackingInfo.url), when the merchant gave one */
  trackingUrl?: string | null;
}

export interface TransactionRec {
  id: string;
  kind: "SALE" | "CAPTURE" | "AUTHORIZATION" | "REFUND" | "VOID";
  status: "SUCCESS" | "PENDING" | "FAILURE";
  gateway: string;
  amount: Minor;
  presentmentAmount: Minor;
  parentId: string | null;
  createdAt: string;
}

export interface OrderRec {
  id: string;
  name: string;
  number: number;
  email: string | null;
  customerId: string | null;
  createdAt: string;
  processedAt: string;
  updatedAt: string;
  cancelledAt: string | null;
  currencyCode: string;
  presentmentCurrencyCode: string;
  sourceName: string;
  channel: { handle: string; displayName: string } | null;
  appName: string | null;
  test: boolean;
  tags: string[];
  note: string | null;
  shippingAddress: MailingAddress | null;
  shipping: Minor;
  lineItems: LineItemRec[];
  fulfillments: FulfillmentRec[];
  transactions: TransactionRec[];
  returnIds: string[];
  refundIds: string[];
  returnCounter: number;
  /** fulfillment orders made by processing exchange line items (standin/state/exchanges.ts) */
  fulfillmentOrders?: FulfillmentOrderRec[];
}

/** ExchangeLineItem: a new item a Return adds to the order (returnCreate exchangeLineItems). */
export interface ExchangeLineRec {
  id: string;
  variantId: string;
  quantity: number;
  processedQuantity: number;
  /** the variant's price at creation, shop currency */
  unitPrice: Minor;
  /** the applied discount over the whole line, shop currency */
  discount: Minor;
  discountDescription: string | null;
  /** order line items added when the exchange was processed */
  lineItemIds: string[];
}

export interface FulfillmentOrderRec {
  id: string;
  orderId: string;
  status: "OPEN" | "ON_HOLD" | "CLOSED";
  holds: { id: string; reason: "AWAITING_PAYMENT" | "AWAITING_RETURN_ITEMS" }[];
  lines: { id: string; lineItemId: string; quantity: number }[];
  createdAt: string;
}

export type ReturnStatus = "REQUESTED" | "OPEN" | "CLOSED" | "DECLINED" | "CANCELED";

export interface ReturnLineRec {
  id: string;
  fulfillmentLineItemId: string;
  lineItemId: string;
  quantity: number;
  processedQuantity: number;
  refundedQuantity: number;
  returnReasonDefinitionId: string | null;
  returnReason: string | null;
  returnReasonNote: string;
  customerNote: string | null;
  restockingFeePercentage: number | null;
}

export interface RfoLineRec {
  id: string;
  returnLineItemId: string;
  fulfillmentLineItemId: string;
  totalQuantity: number;
  disposed: { type: string; quantity: number; locationId: string | null }[];
}

export interface ReverseDeliveryRec {
  id: string;
  lines: { id: string; rfoLineId: string; quantity: number }[];
  trackingNumber: string | null;
  trackingUrl: string | null;
  carrierName: string | null;
  labelUrl: string | null;
}

export interface RfoRec {
  id: string;
  returnId: string;
  status: "OPEN" | "CLOSED" | "CANCELED";
  lines: RfoLineRec[];
  deliveries: ReverseDeliveryRec[];
}

export interface ReturnRec {
  id: string;
  orderId: string;
  name: string;
  status: ReturnStatus;
  createdAt: string;
  requestApprovedAt: string | null;
  closedAt: string | null;
  decline: { reason: string; note: string | null } | null;
  lines: ReturnLineRec[];
  rfos: RfoRec[];
  /** return shipping fee, presentment currency (ReturnShippingFeeInput is in it) */
  shippingFee: Minor | null;
  shippingFeeId: string | null;
  refundIds: string[];
  /** exchange line items (returnCreate); absent: none */
  exchangeLines?: ExchangeLineRec[];
}

export interface RefundLineRec {
  id: string;
  lineItemId: string;
  quantity: number;
  restockType: string;
  /** subtotal before tax, shop currency */
  subtotal: Minor;
  tax: Minor;
}

export interface RefundRec {
  id: string;
  orderId: string;
  returnId: string | null;
  createdAt: string;
  note: string | null;
  lines: RefundLineRec[];
  shipping: Minor;
  /** what went back to payments, shop currency */
  total: Minor;
  /** the same, in the order's presentment currency (what the shopper paid in) */
  totalPresentment: Minor;
  transactionIds: string[];
  /** store credit issued as part of this refund (refundMethods) */
  storeCredit: Minor;
}

export interface StoreCreditTxnRec {
  id: string;
  kind: "CREDIT" | "DEBIT";
  amount: Minor;
  balanceAfter: Minor;
  createdAt: string;
  expiresAt: string | null;
  /** StoreCreditSystemEvent: a refund to store credit is ORDER_REFUND, storeCreditAccountCredit an ADJUSTMENT */
  event?: "ADJUSTMENT" | "ORDER_REFUND";
}

export interface StoreCreditAccountRec {
  id: string;
  ownerId: string;
  currencyCode: string;
  balance: Minor;
  transactions: StoreCreditTxnRec[];
}

export interface FileRec {
  id: string;
  url: string;
  alt: string | null;
  filename: string | null;
  contentType: string;
  createdAt: string;
}

export interface UploadRec {
  key: string;
  filename: string;
  mimeType: string;
  bytes: number;
  uploadedAt: string | null;
}

export interface WebhookSub {
  topic: string;
  uri: string;
}

export interface WebhookLogEntry {
  id: string;
  topic: string;
  url: string;
  attempts: number;
  status: number | null;
  delivered: boolean;
  body: string;
  error?: string;
}

export interface AccessTokenRec {
  token: string;
  kind: "offline" | "online";
  scope: string;
  userId: string | null;
  expiresAt: number | null;
}

export interface ReturnReasonDefinitionRec {
  id: string;
  handle: string;
  name: string;
}
