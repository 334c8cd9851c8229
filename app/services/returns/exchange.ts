// Replacements and exchanges at the edges: reading what an order's lines may be exchanged for
// (variants, prices, stock) and turning the shopper's choice into the priced items a request keeps.
// The rules are the pure core's (app/returns/exchange.ts); decision 170 has why.
import type { AdminClient } from "~/shopify/admin-client";
import { EXCHANGE_OPTIONS, EXCHANGE_OTHER_PRODUCTS } from "~/shopify/operations";
import {
  checkExchangeChoice,
  exchangeOptionsFor,
  parseMoney,
  priceExchange,
  type ExchangeKind,
  type ExchangeOption,
  type ExchangeRefusal,
  type ReturnedItem,
  type StoredExchange,
} from "~/returns";

/** A variant as the picker names it: its own title ("Large", "Default Title") and its product's. */
export type TitledOption = ExchangeOption & { title: string; productTitle: string };

export interface LineExchangeOptions {
  returned: Omit<ReturnedItem, "quantity">;
  productTitle: string;
  /** the returned product's type ("" when it has none): other products of this type may be offered */
  productType: string;
  /** the line's own product's variants first, then other products' when they were read */
  options: TitledOption[];
}

export interface OrderExchangeOptions {
  /** false when the shopper paid in another currency than the shop's: prices would not compare */
  sameCurrency: boolean;
  currency: string;
  lines: Map<string, LineExchangeOptions>;
}

/**
 * Reads each line's variant and its product's variants (price, units on hand) from Shopify. `lineCount`,
 * the order's number of lines when known (its kept facts), sizes the read: Shopify charges the
 * requested cost up front, 503 points at the default 20 lines against 28 for a one-line order.
 */
export async function readExchangeOptions(admin: AdminClient, orderId: string, lineCount?: number): Promise<OrderExchangeOptions> {
  const data = await admin.request(EXCHANGE_OPTIONS, { id: orderId, ...(lineCount ? { lines: Math.min(Math.max(1, lineCount), 50) } : {}) });
  const order = data.order;
  const lines = new Map<string, LineExchangeOptions>();
  if (!order) return { sameCurrency: false, currency: "", lines };
  const currency = order.currencyCode as string;
  for (const li of order.lineItems.nodes) {
    if (!li.variant || !li.product) continue;
    lines.set(li.id, {
      returned: { variantId: li.variant.id, productId: li.product.id },
      productTitle: li.product.title,
      productType: li.product.productType,
      options: li.product.variants.nodes.map((v) => ({
        variantId: v.id,
        productId: li.product!.id,
        productTitle: li.product!.title,
        title: v.title,
        unitPriceMinor: parseMoney(String(v.price), currency),
        available: v.inventoryQuantity ?? null,
      })),
    });
  }
  return { sameCurrency: order.presentmentCurrencyCode === order.currencyCode, currency, lines };
}

/** At most this many product types are searched for other products (one search each, in parallel). */
export const MAX_OTHER_PRODUCT_TYPES = 3;

export type OtherProducts = readonly { id: string; title: string; variants: { nodes: readonly { id: string; title: string; price: unknown; inventoryQuantity?: number | null }[] } }[];

/**
 * Products of this product type the shopper may take in exchange: active, published to the online
 * store, gift cards left out (EXCHANGE_OTHER_PRODUCTS, about 112 requested points). A type the search
 * syntax could not quote safely finds nothing.
 */
export async function searchOtherProducts(admin: AdminClient, productType: string): Promise<OtherProducts> {
  if (!productType || /["\\]/.test(productType)) return [];
  const data = await admin.request(EXCHANGE_OTHER_PRODUCTS, { query: `product_type:"${productType}" status:active published_status:published gift_card:false` });
  return data.products.nodes;
}

/**
 * Adds to the given lines the variants of other products of their product type, for an exchange when the
 * policy's `exchangeOtherProducts` is on: one search per distinct type (`search`, which the picker caches
 * per shop and type), at most MAX_OTHER_PRODUCT_TYPES; a line whose product has no type gets none. Prices
 * and stock are Shopify's now, like the line's own variants'.
 */
export async function withOtherProducts(read: OrderExchangeOptions, lineIds: readonly string[], search: (productType: string) => Promise<OtherProducts>): Promise<OrderExchangeOptions> {
  if (!read.sameCurrency) return read;
  const asked = lineIds.map((id) => read.lines.get(id)).filter((l) => l !== undefined);
  const types = [...new Set(asked.map((l) => l.productType).filter(Boolean))].slice(0, MAX_OTHER_PRODUCT_TYPES);
  if (!types.length) return read;
  const byType = new Map(await Promise.all(types.map(async (t) => [t, await search(t)] as const)));
  const lines = new Map(read.lines);
  for (const id of lineIds) {
    const line = read.lines.get(id);
    const others = (line && byType.get(line.productType)) ?? [];
    const options = others
      .filter((p) => p.id !== line!.returned.productId)
      .flatMap((p) =>
        p.variants.nodes.map((v): TitledOption => ({
          variantId: v.id,
          productId: p.id,
          productTitle: p.title,
          title: v.title,
          unitPriceMinor: parseMoney(String(v.price), read.currency),
          available: v.inventoryQuantity ?? null,
        })),
      );
    if (options.length) lines.set(id, { ...line!, options: [...line!.options, ...options] });
  }
  return { ...read, lines };
}

/** How the picker and the request name a variant: "Large" of the returned product, "Boot Liner" or "Floor Mats Premium - Large" of another. */
export function optionTitle(line: Pick<LineExchangeOptions, "returned" | "productTitle">, o: TitledOption, sep: string): string {
  if (o.productId === line.returned.productId) return o.title === "Default Title" ? line.productTitle : o.title;
  return o.title === "Default Title" ? o.productTitle : `${o.productTitle}${sep}${o.title}`;
}

/** Words for a refused choice, naming what is wrong in the shopper's terms. */
export function refusalMessage(r: ExchangeRefusal, formatMinor: (minor: number) => string): string {
  switch (r.code) {
    case "NOT_SAME_VARIANT":
      return "A replacement is the same item you bought";
    case "SAME_VARIANT":
      return "Choose a different size or option for an exchange";
    case "OTHER_PRODUCT":
      return "Exchanges are for another size or option of the same product";
    case "UNKNOWN_VARIANT":
      return "This item cannot be chosen for this order";
    case "OUT_OF_STOCK":
      return r.available > 0 ? `Only ${r.available} left in stock` : "This item is out of stock";
    case "QUANTITY":
      return "Choose as many new items as you return, or fewer";
    case "PRICE_HIGHER":
      return `This item costs ${formatMinor(r.dueMinor)} more than what you return; choose one at the same price or less`;
  }
}

export class ExchangeChoiceError extends Error {
  override name = "ExchangeChoiceError";
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The new items of a replacement (each returned line's own variant, when none is chosen) or an
 * exchange (the chosen variant per line), checked and priced against `returnedMinor`, the refund
 * value of what comes back. Throws ExchangeChoiceError naming the field.
 */
export function planExchange(args: {
  kind: ExchangeKind;
  options: OrderExchangeOptions;
  lines: readonly { lineItemId: string; quantity: number; refundMinor: number; exchangeVariantId?: string | undefined }[];
  otherProducts: boolean;
  formatMinor: (minor: number) => string;
}): StoredExchange {
  const items: StoredExchange["items"] = [];
  let refundMinor = 0;
  args.lines.forEach((l, i) => {
    const line = args.options.lines.get(l.lineItemId);
    if (!line) throw new ExchangeChoiceError(`lines[${i}]`, "This item has no product to replace it with");
    if (args.kind === "exchange" && !args.options.sameCurrency) {
      throw new ExchangeChoiceError("resolution", "Exchanges are offered only for orders paid in the shop's currency");
    }
    const variantId = l.exchangeVariantId ?? (args.kind === "replacement" ? line.returned.variantId : undefined);
    if (!variantId) throw new ExchangeChoiceError(`lines[${i}].exchangeVariantId`, "Choose the new size or option");
    const returned = { ...line.returned, quantity: l.quantity };
    const refusal = checkExchangeChoice({
      kind: args.kind,
      returned,
      choice: { variantId, quantity: l.quantity },
      options: line.options,
      otherProducts: args.otherProducts,
      returnedMinor: l.refundMinor,
    });
    if (refusal) throw new ExchangeChoiceError(`lines[${i}].exchangeVariantId`, refusalMessage(refusal, args.formatMinor));
    const option = line.options.find((o) => o.variantId === variantId)!;
    const price = priceExchange({ kind: args.kind, returnedMinor: l.refundMinor, items: [{ unitPriceMinor: option.unitPriceMinor, quantity: l.quantity }] });
    refundMinor += price.refundMinor;
    items.push({ variantId, quantity: l.quantity, unitPriceMinor: option.unitPriceMinor, title: option.title === "Default Title" ? option.productTitle : `${option.productTitle} - ${option.title}` });
  });
  return { kind: args.kind, items, refundMinor };
}

/** Per line, the variants a shopper may choose now (in stock, not dearer), for the choice screen. */
export function choicesFor(
  kind: ExchangeKind,
  options: OrderExchangeOptions,
  line: { lineItemId: string; quantity: number; refundMinor: number },
  otherProducts: boolean,
): TitledOption[] {
  const l = options.lines.get(line.lineItemId);
  if (!l || (kind === "exchange" && !options.sameCurrency)) return [];
  const ok = new Set(
    exchangeOptionsFor({ kind, returned: { ...l.returned, quantity: line.quantity }, options: l.options, otherProducts, returnedMinor: line.refundMinor }).map((o) => o.variantId),
  );
  return l.options.filter((o) => ok.has(o.variantId));
}
