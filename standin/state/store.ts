import type {
  AccessTokenRec,
  CollectionRec,
  CustomerRec,
  FileRec,
  MetafieldRec,
  OrderRec,
  ProductRec,
  RefundRec,
  ReturnReasonDefinitionRec,
  ReturnRec,
  ShopRec,
  StoreCreditAccountRec,
  UploadRec,
  VariantRec,
  WebhookLogEntry,
  WebhookSub,
} from "./types";

export interface Store {
  shop: ShopRec;
  products: Map<string, ProductRec>;
  variants: Map<string, VariantRec>;
  collections: Map<string, CollectionRec>;
  customers: Map<string, CustomerRec>;
  orders: Map<string, OrderRec>;
  returns: Map<string, ReturnRec>;
  refunds: Map<string, RefundRec>;
  storeCreditAccounts: Map<string, StoreCreditAccountRec>;
  metafields: Map<string, MetafieldRec>;
  files: Map<string, FileRec>;
  uploads: Map<string, UploadRec>;
  returnReasonDefinitions: ReturnReasonDefinitionRec[];
  locations: Map<string, { id: string; name: string; isActive: boolean }>;
  /** refundCreate @idempotent key -> refund id (or the first answer's userErrors) */
  idempotency: Map<string, { refundId: string | null; payload: unknown }>;
  accessTokens: Map<string, AccessTokenRec>;
  webhookLog: WebhookLogEntry[];
  /** webhook subscriptions (from options, shopify.app.toml, or webhookSubscriptionCreate) */
  webhookSubs: WebhookSub[];
  /** monotonically increasing id source; ids are stable for a given seed */
  nextId: number;
  nextOrderNumber: number;
}

export function gid(type: string, n: number | string): string {
  return `gid://shopify/${type}/${n}`;
}

export function gidType(id: string): string | null {
  const m = /^gid:\/\/shopify\/([A-Za-z]+)\/[^/]+$/.exec(id);
  return m?.[1] ?? null;
}

export function gidNumber(id: string): string {
  return id.slice(id.lastIndexOf("/") + 1);
}

export function newId(store: Store, type: string): string {
  store.nextId += 1;
  return gid(type, store.nextId);
}

/** Shopify's standard return reason definitions (ids and handles as a live 2026-04 shop lists them). */
export const DEFAULT_REASONS: ReturnReasonDefinitionRec[] = [
  ["unknown", "Unknown"],
  ["changed-my-mind", "Changed my mind"],
  ["item-not-as-described", "Item not as described"],
  ["received-the-wrong-item", "Received the wrong item"],
  ["other-reason", "Other"],
  ["damaged-or-defective", "Damaged or defective"],
  ["too-small", "Too small"],
  ["too-big", "Too big"],
  ["style", "Style"],
  ["color", "Color"],
].map(([handle, name], i) => ({ id: gid("ReturnReasonDefinition", i + 1), handle: handle!, name: name! }));

export function createStore(shopDomain: string, appId = "1"): Store {
  return {
    shop: {
      id: gid("Shop", 1),
      name: shopDomain.replace(/\.myshopify\.com$/, ""),
      myshopifyDomain: shopDomain,
      email: `owner@${shopDomain}`,
      currencyCode: "NZD",
      ianaTimezone: "Pacific/Auckland",
      countryCode: "NZ",
      appId,
    },
    products: new Map(),
    variants: new Map(),
    collections: new Map(),
    customers: new Map(),
    orders: new Map(),
    returns: new Map(),
    refunds: new Map(),
    storeCreditAccounts: new Map(),
    metafields: new Map(),
    files: new Map(),
    uploads: new Map(),
    returnReasonDefinitions: DEFAULT_REASONS.map((r) => ({ ...r })),
    locations: new Map([[gid("Location", 1), { id: gid("Location", 1), name: "Shop location", isActive: true }]]),
    idempotency: new Map(),
    accessTokens: new Map(),
    webhookLog: [],
    webhookSubs: [],
    nextId: 900000,
    nextOrderNumber: 1001,
  };
}

/** Finds any record by GID (for node/nodes and for mutations that take ids). */
export function findRecord(store: Store, id: string): { type: string; rec: unknown } | null {
  const type = gidType(id);
  if (!type) return null;
  switch (type) {
    case "Order":
      return wrap(type, store.orders.get(id));
    case "Product":
      return wrap(type, store.products.get(id));
    case "ProductVariant":
      return wrap(type, store.variants.get(id));
    case "Collection":
      return wrap(type, store.collections.get(id));
    case "Customer":
      return wrap(type, store.customers.get(id));
    case "Return":
      return wrap(type, store.returns.get(id));
    case "Refund":
      return wrap(type, store.refunds.get(id));
    case "StoreCreditAccount":
      return wrap(type, store.storeCreditAccounts.get(id));
    case "Metafield":
      return wrap(type, store.metafields.get(id));
    case "ReturnReasonDefinition":
      return wrap(type, store.returnReasonDefinitions.find((r) => r.id === id));
    case "Shop":
      return store.shop.id === id ? { type, rec: store.shop } : null;
    case "LineItem":
      return wrap(type, findLineItem(store, id)?.line);
    case "Fulfillment":
      return wrap(type, findFulfillment(store, id));
    case "FulfillmentLineItem":
      return wrap(type, findFulfillmentLine(store, id)?.line);
    case "ReverseFulfillmentOrder":
      return wrap(type, findRfo(store, id)?.rfo);
    case "ReturnLineItem":
      return wrap(type, findReturnLine(store, id)?.line);
    case "Location":
      return wrap(type, store.locations.get(id));
    case "ReverseDelivery":
      return wrap(type, findReverseDelivery(store, id));
    case "MediaImage":
    case "GenericFile":
      return wrap(type, store.files.get(id));
    // a store credit transaction is a Node (nodes(ids:) reads it, as reconciliation does for the bonus)
    case "StoreCreditAccountCreditTransaction":
    case "StoreCreditAccountDebitTransaction": {
      for (const acc of store.storeCreditAccounts.values()) {
        const t = acc.transactions.find((x) => x.id === id);
        if (t && (t.kind === "CREDIT") === (type === "StoreCreditAccountCreditTransaction")) return { type, rec: { ...t, __account: acc } };
      }
      return null;
    }
    default:
      return null;
  }
}

function wrap(type: string, rec: unknown) {
  return rec ? { type, rec } : null;
}

export function findLineItem(store: Store, id: string) {
  for (const order of store.orders.values()) {
    const line = order.lineItems.find((l) => l.id === id);
    if (line) return { order, line };
  }
  return null;
}

export function findFulfillment(store: Store, id: string) {
  for (const order of store.orders.values()) {
    const f = order.fulfillments.find((x) => x.id === id);
    if (f) return f;
  }
  return null;
}

export function findFulfillmentLine(store: Store, id: string) {
  for (const order of store.orders.values()) {
    for (const f of order.fulfillments) {
      const line = f.lines.find((l) => l.id === id);
      if (line) return { order, fulfillment: f, line };
    }
  }
  return null;
}

export function findReturnLine(store: Store, id: string) {
  for (const ret of store.returns.values()) {
    const line = ret.lines.find((l) => l.id === id);
    if (line) return { ret, line };
  }
  return null;
}

export function findRfo(store: Store, id: string) {
  for (const ret of store.returns.values()) {
    const rfo = ret.rfos.find((r) => r.id === id);
    if (rfo) return { ret, rfo };
  }
  return null;
}

export function findRfoLine(store: Store, id: string) {
  for (const ret of store.returns.values()) {
    for (const rfo of ret.rfos) {
      const line = rfo.lines.find((l) => l.id === id);
      if (line) return { ret, rfo, line };
    }
  }
  return null;
}

export function findReverseDelivery(store: Store, id: string) {
  for (const ret of store.returns.values()) for (const rfo of ret.rfos) for (const d of rfo.deliveries) if (d.id === id) return d;
  return null;
}
