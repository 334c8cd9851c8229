/* eslint-disable @typescript-eslint/no-explicit-any -- walks recorded capture JSON of many shapes; every value read is compared or re-validated by the schema */
/**
 * Capture replay: seed the stand-in with the orders a capture recorded (same ids), send the recorded
 * requests in order, and compare answers structurally. Ids minted during replay differ from the
 * recorded ones; they are mapped one-to-one as they first appear (and must stay consistent).
 */
import type { Store } from "./state/store";
import { gidType } from "./state/store";
import { fromDecimal } from "./state/money";
import type { FulfillmentRec, LineItemRec, OrderRec } from "./state/types";

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

export interface Step {
  path: string;
  query: string;
  variables: Record<string, Json>;
  response: { data?: Json; errors?: Json };
}

/** recorded answers are stored as {status,payload}, {status,body} or the bare GraphQL body */
export function recordedBody(r: any): { data?: Json; errors?: Json } {
  return r?.payload ?? r?.body ?? r;
}

export function stepAt(capture: any, path: string): Step {
  const node = path.split(".").reduce((o, k) => o?.[k], capture);
  if (!node) throw new Error(`no step at ${path}`);
  const query = node.query ?? node.request?.query ?? node.document;
  const variables = node.variables ?? node.request?.variables ?? {};
  return { path, query, variables, response: recordedBody(node.response) };
}

function walk(v: any, fn: (o: any) => void) {
  if (Array.isArray(v)) v.forEach((x) => walk(x, fn));
  else if (v && typeof v === "object") {
    fn(v);
    for (const x of Object.values(v)) walk(x, fn);
  }
}

function amountOf(set: any): string | undefined {
  return set?.shopMoney?.amount;
}

/** Creates every fulfilled order the capture shows (merged over all its reads), keeping Shopify's ids. */
export function seedOrdersFromCapture(store: Store, capture: unknown, opts: { currency?: string } = {}): OrderRec[] {
  const seen = new Map<string, any[]>();
  walk(capture, (o) => {
    if (typeof o.id === "string" && gidType(o.id) === "Order" && (Array.isArray(o.fulfillments) || o.lineItems || o.transactions || typeof o.name === "string")) {
      seen.set(o.id, [...(seen.get(o.id) ?? []), o]);
    }
  });
  const out: OrderRec[] = [];
  for (const [id, views] of seen) {
    if (store.orders.has(id)) continue;
    const currency = opts.currency ?? findCurrency(views) ?? "USD";
    const lines = new Map<string, LineItemRec>();
    const fulfillments = new Map<string, FulfillmentRec>();
    let name = "";
    let shipping = 0;
    const transactions: OrderRec["transactions"] = [];
    for (const v of views) {
      if (v.name) name = v.name;
      for (const li of v.lineItems?.nodes ?? v.lineItems?.edges?.map((e: any) => e.node) ?? []) {
        const prev = lines.get(li.id);
        const price = amountOf(li.originalUnitPriceSet);
        lines.set(li.id, {
          ...(prev ?? blankLine(li.id)),
          title: li.title ?? prev?.title ?? "Item",
          quantity: li.quantity ?? prev?.quantity ?? 0,
          unitPrice: price ? fromDecimal(price, currency) : prev?.unitPrice ?? 1000,
          unitPricePresentment: price ? fromDecimal(price, currency) : prev?.unitPricePresentment ?? 1000,
        });
      }
      for (const f of v.fulfillments ?? []) {
        const flines = (f.fulfillmentLineItems?.nodes ?? []).map((x: any) => ({ id: x.id, lineItemId: x.lineItem.id, quantity: x.quantity }));
        for (const fl of f.fulfillmentLineItems?.nodes ?? []) if (!lines.has(fl.lineItem.id)) lines.set(fl.lineItem.id, { ...blankLine(fl.lineItem.id), title: fl.lineItem.title ?? "Item" });
        fulfillments.set(f.id, {
          id: f.id,
          orderId: id,
          name: `${name}-F${fulfillments.size + 1}`,
          status: f.status ?? "SUCCESS",
          displayStatus: f.displayStatus ?? "FULFILLED",
          createdAt: f.createdAt ?? "2026-07-01T00:00:00Z",
          inTransitAt: null,
          deliveredAt: null,
          lines: flines,
          events: [],
          trackingNumber: null,
          trackingCompany: null,
        });
      }
      const ship = amountOf(v.shippingLines?.nodes?.[0]?.originalPriceSet);
      if (ship) shipping = fromDecimal(ship, currency);
      for (const t of v.transactions ?? []) {
        if (transactions.some((x) => x.id === t.id)) continue;
        const amt = amountOf(t.amountSet) ?? "0";
        transactions.push({ id: t.id, kind: t.kind, status: t.status ?? "SUCCESS", gateway: t.gateway ?? "manual", amount: fromDecimal(amt, currency), presentmentAmount: fromDecimal(amt, currency), parentId: null, createdAt: "2026-07-01T00:00:00Z" });
      }
    }
    // line quantity = what was fulfilled when the reads did not show it
    for (const l of lines.values()) {
      if (l.quantity === 0) l.quantity = [...fulfillments.values()].flatMap((f) => f.lines).filter((x) => x.lineItemId === l.id).reduce((a, x) => a + x.quantity, 0) || 1;
    }
    const order: OrderRec = {
      id,
      name: name || `#${id.slice(-4)}`,
      number: Number((name || "#0").replace("#", "")),
      email: null,
      customerId: null,
      createdAt: "2026-07-01T00:00:00Z",
      processedAt: "2026-07-01T00:00:00Z",
      updatedAt: "2026-07-01T00:00:00Z",
      cancelledAt: null,
      currencyCode: currency,
      presentmentCurrencyCode: currency,
      sourceName: "shopify_draft_order",
      channel: null,
      appName: null,
      test: true,
      tags: [],
      note: null,
      shippingAddress: null,
      shipping,
      lineItems: [...lines.values()],
      fulfillments: [...fulfillments.values()],
      transactions,
      returnIds: [],
      refundIds: [],
      returnCounter: 0,
    };
    store.orders.set(id, order);
    out.push(order);
  }
  return out;
}

function blankLine(id: string): LineItemRec {
  return { id, title: "Item", quantity: 0, sku: null, vendor: null, productId: null, variantId: null, isGiftCard: false, requiresShipping: true, customAttributes: [], unitPrice: 1000, unitPricePresentment: 1000, discount: 0, discountPresentment: 0, taxLines: [] };
}

function findCurrency(views: any[]): string | undefined {
  let c: string | undefined;
  walk(views, (o) => {
    if (!c && typeof o.currencyCode === "string") c = o.currencyCode;
  });
  return c;
}

const REASON_HANDLES: Record<string, string> = {
  OTHER: "other-reason",
  UNWANTED: "changed-my-mind",
  DEFECTIVE: "damaged-or-defective",
  NOT_AS_DESCRIBED: "item-not-as-described",
  WRONG_ITEM: "received-the-wrong-item",
  SIZE_TOO_LARGE: "too-big",
  SIZE_TOO_SMALL: "too-small",
  STYLE: "style",
  COLOR: "color",
  UNKNOWN: "unknown",
};

/**
 * 2026-04 captures send the `returnReason` enum that 2026-07 removed from the inputs; the 2026-07
 * equivalent is the matching ReturnReasonDefinition id.
 */
export function upgradeVariables(store: Store, vars: Json): Json {
  if (Array.isArray(vars)) return vars.map((v) => upgradeVariables(store, v));
  if (vars && typeof vars === "object") {
    const out: Record<string, Json> = {};
    for (const [k, v] of Object.entries(vars)) {
      if (k === "returnReason" && typeof v === "string") {
        const def = store.returnReasonDefinitions.find((d) => d.handle === REASON_HANDLES[v]);
        if (def && !("returnReasonDefinitionId" in vars)) out.returnReasonDefinitionId = def.id;
        continue;
      }
      out[k] = upgradeVariables(store, v);
    }
    return out;
  }
  return vars;
}

export class IdMap {
  private fwd = new Map<string, string>();
  private back = new Map<string, string>();

  apply(v: Json): Json {
    if (typeof v === "string") return this.fwd.get(v) ?? v;
    if (Array.isArray(v)) return v.map((x) => this.apply(x));
    if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, this.apply(x)]));
    return v;
  }

  /** rewrites ids minted here back to the recorded ones inside free text (error messages) */
  unmapText(text: string): string {
    return text.replace(/gid:\/\/shopify\/[A-Za-z]+\/\d+/g, (id) => this.back.get(id) ?? id);
  }

  /** true when consistent; records new pairs */
  pair(recorded: string, actual: string): boolean {
    const f = this.fwd.get(recorded);
    const b = this.back.get(actual);
    if (f === undefined && b === undefined) {
      if (gidType(recorded) !== gidType(actual)) return false;
      this.fwd.set(recorded, actual);
      this.back.set(actual, recorded);
      return true;
    }
    return f === actual && b === recorded;
  }
}

/** timestamps and opaque cursors: only whether they are null must match */
const TIME_KEYS = new Set(["createdAt", "updatedAt", "closedAt", "requestApprovedAt", "processedAt", "happenedAt", "startCursor", "endCursor", "cursor"]);

/** Differences between a recorded and an actual GraphQL body (data + error messages/codes). */
export function diff(recorded: Json, actual: Json, ids: IdMap, path = "", ignore: Set<string> = new Set()): string[] {
  const key = path.split(".").pop() ?? "";
  if (ignore.has(key)) return [];
  if (TIME_KEYS.has(key)) return (recorded === null) === (actual === null) ? [] : [`${path}: ${JSON.stringify(recorded)} vs ${JSON.stringify(actual)}`];
  if (typeof recorded === "string" && recorded.startsWith("gid://shopify/") && typeof actual === "string" && actual.startsWith("gid://shopify/"))
    return ids.pair(recorded, actual) ? [] : [`${path}: id ${recorded} does not correspond to ${actual}`];
  if (Array.isArray(recorded)) {
    if (!Array.isArray(actual) || actual.length !== recorded.length) return [`${path}: ${JSON.stringify(recorded)?.slice(0, 200)} vs ${JSON.stringify(actual)?.slice(0, 200)}`];
    return recorded.flatMap((r, i) => diff(r, actual[i]!, ids, `${path}.${i}`, ignore));
  }
  if (recorded && typeof recorded === "object") {
    if (!actual || typeof actual !== "object" || Array.isArray(actual)) return [`${path}: ${JSON.stringify(recorded).slice(0, 200)} vs ${JSON.stringify(actual)}`];
    const keys = new Set([...Object.keys(recorded), ...Object.keys(actual)]);
    return [...keys].flatMap((k) => diff(recorded[k] ?? null, (actual as Record<string, Json>)[k] ?? null, ids, path ? `${path}.${k}` : k, ignore));
  }
  if (typeof recorded === "string" && typeof actual === "string" && recorded === ids.unmapText(actual)) return [];
  return recorded === actual ? [] : [`${path}: ${JSON.stringify(recorded)} vs ${JSON.stringify(actual)}`];
}

/** Only what matters of top-level errors: message and code. */
export function errorEssence(errors: Json | undefined): Json {
  if (!Array.isArray(errors)) return errors ?? null;
  return errors.map((e: any) => ({ message: e.message, code: e.extensions?.code ?? null }));
}

/** Locations the capture shows (id, name), so disposition location ids resolve. */
export function seedLocationsFromCapture(store: Store, capture: unknown): void {
  walk(capture, (o) => {
    if (typeof o.id === "string" && gidType(o.id) === "Location") {
      const prev = store.locations.get(o.id);
      if (!prev || (typeof o.name === "string" && prev.name === "Location")) store.locations.set(o.id, { id: o.id, name: typeof o.name === "string" ? o.name : "Location", isActive: o.isActive ?? true });
    }
  });
}

/** Customers the capture shows (id, email, names), so owner ids resolve. */
export function seedCustomersFromCapture(store: Store, capture: unknown): void {
  walk(capture, (o) => {
    if (typeof o.id === "string" && gidType(o.id) === "Customer" && typeof o.email === "string" && !store.customers.has(o.id)) {
      const [first, ...rest] = String(o.displayName ?? "Captured Customer").split(" ");
      store.customers.set(o.id, { id: o.id, firstName: o.firstName ?? first ?? "", lastName: o.lastName ?? rest.join(" "), email: o.email, createdAt: "2026-07-01T00:00:00Z", tags: [] });
    }
  });
}
