// The shopper's status of a replacement's or exchange's new items (issue 15): asked for, waiting for the
// return, being prepared (processed: Shopify released their fulfillment order), shipped (a fulfillment
// holds the order lines processing made of them), with the tracking Shopify has.
//
// Until the Return is processed nothing is read: the stored request says it all. Afterwards one small
// read of the Return (ExchangeStatus) tells where the new lines are, at most once a minute per Return in
// this process, and only for such requests: the overview of any other order still makes no Admin call
// for a known order (decision 180).
import type { ReturnRequestWithLines } from "~/db";
import type { AdminClient } from "~/shopify/admin-client";
import { EXCHANGE_STATUS } from "~/shopify/operations";
import { verdictOf, type Locale } from "~/returns";
import { newItemsMessage, type NewItemsState } from "./locale";

export const EXCHANGE_STATUS_TTL_MS = 60_000;
const MAX_CACHED = 2_000;

export interface ShippedNewItems {
  state: "preparing" | "shipped";
  tracking?: { number: string; carrier?: string; url?: string };
}

const cache = new Map<string, { at: number; read: Promise<ShippedNewItems | null> }>();

/** Forgets every cached read (tests). */
export function clearExchangeStatusCache(): void {
  cache.clear();
}

/** Reads where the new items of a processed Return are; null when it holds none processed. */
export async function readShippedNewItems(admin: AdminClient, returnId: string): Promise<ShippedNewItems | null> {
  const data = await admin.request(EXCHANGE_STATUS, { id: returnId });
  const ret = data.return;
  if (!ret) return null;
  const lineIds = new Set(ret.exchangeLineItems.nodes.flatMap((x) => (x.lineItems ?? []).map((l) => l.id)));
  if (lineIds.size === 0) return null;
  const shipped = (ret.order.fulfillments ?? []).find((f) => f.fulfillmentLineItems.nodes.some((n) => lineIds.has(n.lineItem.id)));
  if (!shipped) return { state: "preparing" };
  const t = shipped.trackingInfo[0];
  return {
    state: "shipped",
    ...(t?.number ? { tracking: { number: t.number, ...(t.company ? { carrier: t.company } : {}), ...(t.url ? { url: String(t.url) } : {}) } } : {}),
  };
}

function cachedShipped(admin: AdminClient, shop: string, returnId: string, now: number): Promise<ShippedNewItems | null> {
  const key = `${shop}|${returnId}`;
  const hit = cache.get(key);
  if (hit && now - hit.at < EXCHANGE_STATUS_TTL_MS) return hit.read;
  const read = readShippedNewItems(admin, returnId);
  cache.delete(key);
  cache.set(key, { at: now, read });
  read.catch(() => {
    if (cache.get(key)?.read === read) cache.delete(key);
  });
  while (cache.size > MAX_CACHED) cache.delete(cache.keys().next().value!);
  return read;
}

export interface NewItemsView {
  /** in the shopper's words, with the items and the tracking number when there is one */
  message: string;
  /** the carrier's tracking page, when Shopify has it */
  trackingUrl?: string;
}

const PROCESSED = new Set(["refunded", "credited", "closed"]);

/** "1 × Custom Seat Cover - Toyota Hilux": Shopify's "Default Title" of a product without options is left out. */
export function newItemsText(r: ReturnRequestWithLines): string {
  const ex = verdictOf(r).exchange;
  return (ex?.items ?? []).map((i) => `${i.quantity} × ${(i.title ?? "").replace(/ - Default Title$/, "")}`).join(", ");
}

/**
 * The request's new items as the shopper sees them, or undefined for a request without any (or one
 * declined, cancelled or refused). A failed read says "being prepared" rather than failing the overview.
 * Without an Admin client (a submission's answer) a processed request's items are left out.
 */
export async function newItemsFor(admin: AdminClient | null, shop: string, r: ReturnRequestWithLines, locale: Locale, now = Date.now()): Promise<NewItemsView | undefined> {
  const ex = verdictOf(r).exchange;
  if (!ex || ex.items.length === 0) return undefined;
  let state: NewItemsState;
  let shipped: ShippedNewItems | null = null;
  if (r.status === "requested" || r.status === "failed") state = "asked";
  else if (r.status === "approved" || r.status === "received") state = "waiting";
  else if (PROCESSED.has(r.status) && r.shopifyReturnId) {
    if (!admin) return undefined;
    shipped = await cachedShipped(admin, shop, r.shopifyReturnId, now).catch(() => ({ state: "preparing" as const }));
    state = shipped?.state ?? "waiting";
  } else return undefined;
  const tracking = shipped?.tracking;
  return {
    message: newItemsMessage(ex.kind, state, newItemsText(r), locale, tracking),
    ...(tracking?.url ? { trackingUrl: tracking.url } : {}),
  };
}
