// The new items of a replacement or exchange as Shopify stocks them now: shown when staff open the
// request, and checked again before approving sends anything (decision 170). One named read for the
// request's items (EXCHANGE_ITEMS_STOCK, `nodes` by variant id).
import type { StoredExchange } from "~/returns";
import type { AdminClient } from "~/shopify/admin-client";
import { EXCHANGE_ITEMS_STOCK } from "~/shopify/operations";

export interface ItemStock {
  variantId: string;
  title: string;
  quantity: number;
  /** units on hand; null when Shopify does not track this variant's stock (always available) */
  available: number | null;
  /** the variant is still sold */
  exists: boolean;
  /** there are enough units for this item */
  enough: boolean;
  /** in the merchant's words: "3 in stock", "Out of stock — approving will be refused" */
  words: string;
}

/** Words for one item's stock against the quantity to send. */
export function stockWords(s: { exists: boolean; available: number | null; quantity: number }): string {
  if (!s.exists) return "No longer sold — approving will be refused";
  if (s.available === null) return "Stock not tracked";
  if (s.available <= 0) return "Out of stock — approving will be refused";
  if (s.available < s.quantity) return `Only ${s.available} in stock, ${s.quantity} needed — approving will be refused`;
  return `${s.available} in stock`;
}

/** Reads the units on hand of each new item in one call. */
export async function readExchangeStock(admin: AdminClient, items: StoredExchange["items"]): Promise<ItemStock[]> {
  const ids = [...new Set(items.map((i) => i.variantId))];
  const data = await admin.request(EXCHANGE_ITEMS_STOCK, { ids });
  const found = new Map<string, number | null>();
  for (const n of data.nodes) if (n && "inventoryQuantity" in n) found.set(n.id, n.inventoryQuantity ?? null);
  // the same variant twice (two lines replaced by one size) needs the units of both
  const wanted = new Map<string, number>();
  for (const i of items) wanted.set(i.variantId, (wanted.get(i.variantId) ?? 0) + i.quantity);
  return items.map((i) => {
    const exists = found.has(i.variantId);
    const available = exists ? found.get(i.variantId)! : 0;
    const quantity = wanted.get(i.variantId)!;
    const enough = exists && (available === null || available >= quantity);
    return { variantId: i.variantId, title: i.title ?? "New item", quantity: i.quantity, available, exists, enough, words: stockWords({ exists, available, quantity }) };
  });
}

/** Why approving must be refused for lack of stock, in words naming the items; null when every item is there. */
export function stockRefusal(stock: readonly ItemStock[]): string | null {
  const short = stock.filter((s) => !s.enough);
  if (short.length === 0) return null;
  return `Not enough stock to send ${short.map((s) => s.title).join(", ")}: ${short.map((s) => s.words.replace(/ — approving will be refused$/, "").toLowerCase()).join("; ")}`;
}

/** What the request screen shows beside the new items: each item's stock, or that it could not be read. */
export type ScreenStock = { items: ItemStock[]; refusal: string | null } | { unavailable: string };

/** The stock read for the request screen; a Shopify failure is shown, never a broken page. */
export async function stockForScreen(admin: AdminClient, items: StoredExchange["items"]): Promise<ScreenStock> {
  try {
    const stock = await readExchangeStock(admin, items);
    return { items: stock, refusal: stockRefusal(stock) };
  } catch {
    return { unavailable: "Shopify could not be asked for stock just now. Approving checks it again." };
  }
}
