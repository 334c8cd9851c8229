/* eslint-disable @typescript-eslint/no-explicit-any -- resolver args arrive already coerced by graphql-js against the real schema; their shapes are the schema's, not re-declared here */
import type { Ctx } from "./context";
import { orderVisible, tag } from "./context";
import { findRecord, findRfo } from "../state/store";
import { compare, matches, numericId, parseQuery, type Term } from "./search";
import type { CustomerRec, OrderRec, ProductRec } from "../state/types";
import { orderReturnStatus } from "../state/returns";

type Q = Record<string, (src: unknown, args: any, ctx: Ctx) => unknown>;

function node(ctx: Ctx, id: string) {
  const f = findRecord(ctx.store, id);
  if (f?.type === "Order" && !orderVisible(ctx, f.rec as OrderRec)) return null;
  return f ? tag(ctx, f.type, f.rec as object) : null;
}

function orderMatches(ctx: Ctx, o: OrderRec, t: Term): boolean {
  switch (t.field) {
    case null:
    case "name":
      return o.name.toLowerCase() === (t.value.startsWith("#") ? t.value : `#${t.value}`).toLowerCase() || o.name.toLowerCase() === t.value.toLowerCase();
    case "id":
      return compare(numericId(o.id), { ...t, value: numericId(t.value) });
    case "customer_id":
      return o.customerId != null && numericId(o.customerId) === numericId(t.value);
    case "email":
      return compare(o.email, t);
    case "tag":
      return o.tags.some((x) => x.toLowerCase() === t.value.toLowerCase());
    case "created_at":
      return compare(o.createdAt, t);
    case "processed_at":
      return compare(o.processedAt, t);
    case "updated_at":
      return compare(o.updatedAt, t);
    case "return_status":
      return orderReturnStatus(ctx.store, o).toLowerCase() === t.value.toLowerCase();
    case "source_name":
      return compare(o.sourceName, t);
    case "fulfillment_status": {
      const shipped = o.fulfillments.some((f) => f.status === "SUCCESS");
      return t.value === "shipped" ? shipped : t.value === "unshipped" ? !shipped : true;
    }
    case "status":
      return t.value === "any" || (t.value === "open" ? o.cancelledAt == null : t.value === "cancelled" ? o.cancelledAt != null : true);
    case "test":
      return String(o.test) === t.value;
    default:
      return false;
  }
}

function productMatches(p: ProductRec, t: Term): boolean {
  switch (t.field) {
    case null:
    case "title":
      return p.title.toLowerCase().includes(t.value.toLowerCase());
    case "tag":
      return p.tags.some((x) => x.toLowerCase() === t.value.toLowerCase());
    case "product_type":
      return compare(p.productType, t);
    case "vendor":
      return compare(p.vendor, t);
    case "id":
      return numericId(p.id) === numericId(t.value);
    case "handle":
      return compare(p.handle, t);
    case "gift_card":
      return String(p.isGiftCard) === t.value;
    // https://shopify.dev/docs/api/admin-graphql/latest/queries/products#argument-query: status active | archived | draft;
    // published_status published | unpublished | any (the online store)
    case "status":
      return t.value.split(",").some((v) => v.trim().toUpperCase() === (p.status ?? "ACTIVE"));
    case "published_status":
      return t.value === "any" || (t.value === "published" ? p.published !== false : t.value === "unpublished" ? p.published === false : false);
    case "updated_at":
      return compare(p.updatedAt, t);
    default:
      return false;
  }
}

function customerMatches(c: CustomerRec, t: Term): boolean {
  switch (t.field) {
    case null:
      return `${c.firstName} ${c.lastName} ${c.email}`.toLowerCase().includes(t.value.toLowerCase());
    case "email":
      return compare(c.email, t);
    case "id":
      return numericId(c.id) === numericId(t.value);
    case "first_name":
      return compare(c.firstName, t);
    case "last_name":
      return compare(c.lastName, t);
    case "tag":
      return c.tags.includes(t.value);
    default:
      return false;
  }
}

const sortBy = <T>(items: T[], key: (x: T) => string | number) => items.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));

export const queryResolvers: Q = {
  shop: (_s, _a, ctx) => tag(ctx, "Shop", ctx.store.shop),
  node: (_s, a, ctx) => node(ctx, a.id),
  nodes: (_s, a, ctx) => (a.ids as string[]).map((id) => node(ctx, id)),
  order: (_s, a, ctx) => {
    const o = ctx.store.orders.get(a.id);
    return tag(ctx, "Order", o && orderVisible(ctx, o) ? o : null);
  },
  orders: (_s, a, ctx) => {
    const terms = parseQuery(a.query);
    const list = [...ctx.store.orders.values()].filter((o) => orderVisible(ctx, o) && matches(terms, (t) => orderMatches(ctx, o, t)));
    const key = a.sortKey === "PROCESSED_AT" ? (o: OrderRec) => o.processedAt : a.sortKey === "ORDER_NUMBER" ? (o: OrderRec) => o.number : a.sortKey === "UPDATED_AT" ? (o: OrderRec) => o.updatedAt : (o: OrderRec) => (a.sortKey === "CREATED_AT" ? o.createdAt : o.number);
    return sortBy(list, key).map((o) => tag(ctx, "Order", o));
  },
  product: (_s, a, ctx) => tag(ctx, "Product", ctx.store.products.get(a.id)),
  products: (_s, a, ctx) => {
    const terms = parseQuery(a.query);
    const list = [...ctx.store.products.values()].filter((p) => matches(terms, (t) => productMatches(p, t)));
    if (a.sortKey === "TITLE") sortBy(list, (p) => p.title.toLowerCase());
    return list.map((p) => tag(ctx, "Product", p));
  },
  productVariant: (_s, a, ctx) => tag(ctx, "ProductVariant", ctx.store.variants.get(a.id)),
  collection: (_s, a, ctx) => tag(ctx, "Collection", ctx.store.collections.get(a.id)),
  collections: (_s, a, ctx) => {
    const terms = parseQuery(a.query);
    return [...ctx.store.collections.values()]
      .filter((c) => matches(terms, (t) => (t.field === null || t.field === "title" ? c.title.toLowerCase().includes(t.value.toLowerCase()) : t.field === "handle" ? c.handle === t.value : false)))
      .map((c) => tag(ctx, "Collection", c));
  },
  customer: (_s, a, ctx) => tag(ctx, "Customer", ctx.store.customers.get(a.id)),
  customers: (_s, a, ctx) => {
    const terms = parseQuery(a.query);
    return [...ctx.store.customers.values()].filter((c) => matches(terms, (t) => customerMatches(c, t))).map((c) => tag(ctx, "Customer", c));
  },
  return: (_s, a, ctx) => tag(ctx, "Return", ctx.store.returns.get(a.id)),
  reverseFulfillmentOrder: (_s, a, ctx) => tag(ctx, "ReverseFulfillmentOrder", findRfo(ctx.store, a.id)?.rfo),
  returnableFulfillments: (_s, a, ctx) => {
    const o = ctx.store.orders.get(a.orderId);
    if (!o) return [];
    return o.fulfillments
      .filter((f) => f.status === "SUCCESS")
      .map((f) => ({ id: f.id.replace("/Fulfillment/", "/ReturnableFulfillment/"), fulfillment: f }))
      .filter((rf) => rf.fulfillment.lines.length > 0);
  },
  returnableFulfillment: (_s, a, ctx) => {
    const fid = String(a.id).replace("/ReturnableFulfillment/", "/Fulfillment/");
    for (const o of ctx.store.orders.values()) {
      const f = o.fulfillments.find((x) => x.id === fid);
      if (f) return { id: a.id, fulfillment: f };
    }
    return null;
  },
  returnReasonDefinitions: (_s, a, ctx) => {
    let list = ctx.store.returnReasonDefinitions;
    if (a.ids) list = list.filter((d) => (a.ids as string[]).includes(d.id));
    if (a.handles) list = list.filter((d) => (a.handles as string[]).includes(d.handle));
    return list.map((d) => ({ ...d, deleted: false }));
  },
  locations: (_s, a, ctx) => [...ctx.store.locations.values()].filter((l) => a.includeInactive || l.isActive).map((l) => tag(ctx, "Location", l)),
  location: (_s, a, ctx) => tag(ctx, "Location", a.id ? ctx.store.locations.get(a.id) : [...ctx.store.locations.values()][0]),
  reverseDelivery: (_s, a, ctx) => node(ctx, a.id),
  storeCreditAccount: (_s, a, ctx) => tag(ctx, "StoreCreditAccount", ctx.store.storeCreditAccounts.get(a.id)),
  webhookSubscriptions: (_s, a, ctx) =>
    subsOf(ctx)
      .map((w, i) => webhookView(w, i))
      .filter((w) => !a.topics || (a.topics as string[]).includes(w.topic))
      .filter((w) => !(a.uri ?? a.callbackUrl) || w.uri === (a.uri ?? a.callbackUrl)),
  currentAppInstallation: (_s, _a, ctx) => ({
    id: `gid://shopify/AppInstallation/${ctx.store.shop.appId}`,
    app: { id: `gid://shopify/App/${ctx.store.shop.appId}`, title: "Policy Returns", handle: "policy-returns" },
    // what the token holds (effective scopes: a write scope's read is listed too)
    accessScopes: [...ctx.scopes].sort().map((handle) => ({ handle, description: handle })),
    activeSubscriptions: [],
    launchUrl: `https://${ctx.store.shop.myshopifyDomain}/admin/apps/policy-returns`,
    metafield: null,
  }),
  files: (_s, _a, ctx) => [...ctx.store.files.values()].map((f) => tag(ctx, f.contentType === "IMAGE" ? "MediaImage" : "GenericFile", f)),
};


export function subsOf(ctx: Ctx): { topic: string; uri: string }[] {
  return ctx.store.webhookSubs;
}

/** "returns/request" <-> RETURNS_REQUEST */
export function topicEnum(topic: string): string {
  return topic.toUpperCase().replace(/\//g, "_");
}

export function webhookView(w: { topic: string; uri: string }, i: number) {
  return {
    id: `gid://shopify/WebhookSubscription/${i + 1}`,
    topic: topicEnum(w.topic),
    uri: w.uri,
    format: "JSON",
    includeFields: [],
    metafieldNamespaces: [],
    metafields: [],
    apiVersion: { handle: "2026-07", displayName: "2026-07", supported: true },
    createdAt: "2026-01-01T00:00:00Z",
    updatedAt: "2026-01-01T00:00:00Z",
    legacyResourceId: String(i + 1),
    filter: null,
    name: null,
  };
}
