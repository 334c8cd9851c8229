// The item picker's choices (issue 15, decision 170): for a replacement the same variant, for an
// exchange the other variants of the product (other products' too when the policy allows), in stock,
// each priced in the currency the shopper paid with the difference against what comes back.
//
// Stock and prices live at Shopify, not in the order's kept facts (decision 180), so they cost an
// Admin read (ExchangeOptions, one query per order). The overview never makes it: it is made only
// when the shopper picks a replacement or an exchange in the form (the preview), once per order per
// EXCHANGE_OPTIONS_TTL_MS in this process (concurrent previews share one read), and never inside the
// per-order submit lock. The submission reads again, fresh, before taking the lock, and re-checks the
// chosen variant against that read.
import type { AdminClient } from "~/shopify/admin-client";
import { formatMoney, priceExchange, toDecimalString, type ExchangeKind, type Locale } from "~/returns";
import { choiceLabel, noChoiceMessage } from "./locale";
import { choicesFor, optionTitle, readExchangeOptions, searchOtherProducts, type OrderExchangeOptions, type OtherProducts } from "~/services/returns/exchange";

/** How long one read of an order's variants, prices and stock serves the picker (previews only). */
export const EXCHANGE_OPTIONS_TTL_MS = 60_000;
const MAX_CACHED_ORDERS = 2_000;

const cache = new Map<string, { at: number; read: Promise<unknown> }>();

/** The order's exchange options for the picker (its lines' own products), read at most once per TTL per shop and order. */
export function cachedExchangeOptions(admin: AdminClient, shop: string, orderId: string, lines?: number, now = Date.now()): Promise<OrderExchangeOptions> {
  return cached(`${shop}|${orderId}`, now, () => readExchangeOptions(admin, orderId, lines));
}

/**
 * Other products of a product type (an exchange when the policy allows another product), searched at
 * most once per TTL per shop and type: every order of the shop with that type shares the search.
 */
export function cachedOtherProducts(admin: AdminClient, shop: string, productType: string, now = Date.now()): Promise<OtherProducts> {
  return cached(`${shop}|type:${productType}`, now, () => searchOtherProducts(admin, productType));
}

function cached<T>(key: string, now: number, load: () => Promise<T>): Promise<T> {
  const hit = cache.get(key);
  if (hit && now - hit.at < EXCHANGE_OPTIONS_TTL_MS) return hit.read as Promise<T>;
  const read = load();
  cache.delete(key);
  cache.set(key, { at: now, read });
  // a failed read is not kept: the next preview asks again
  read.catch(() => {
    if (cache.get(key)?.read === read) cache.delete(key);
  });
  while (cache.size > MAX_CACHED_ORDERS) cache.delete(cache.keys().next().value!);
  return read;
}

/** Forgets every cached read (tests). */
export function clearExchangeOptionsCache(): void {
  cache.clear();
}

/** One variant the shopper may pick, as the form shows it (amounts are decimal strings in `currency`). */
export interface ShopperExchangeChoice {
  variantId: string;
  /** "Large", or "Boot Liner" / "Floor Mats Premium · Large" for another product */
  title: string;
  /** price of the quantity asked for */
  price: string;
  /** refunded to the shopper: what comes back is worth more */
  back?: string;
  /** what the new item costs above what comes back: not possible here (decision 170) */
  more?: string;
  /** "Large · NZ$89.00 · same price", "XL · NZ$99.00 · costs NZ$10.00 more — not possible here" */
  label: string;
}

export interface ShopperExchangeLine {
  lineItemId: string;
  choices: ShopperExchangeChoice[];
  /** why there is nothing to choose, in the shopper's words */
  none?: string;
}

/**
 * Per line, the choices for this kind: in stock for the quantity, priced against the line's refund
 * value. Dearer variants are listed with `more` (the shopper sees why they cannot pick them); the
 * returned variant itself is offered only for a replacement.
 */
export function exchangeChoices(args: {
  kind: ExchangeKind;
  options: OrderExchangeOptions;
  lines: readonly { lineItemId: string; quantity: number; refundMinor: number }[];
  otherProducts: boolean;
  currency: string;
  locale: Locale;
}): ShopperExchangeLine[] {
  const { kind, options, currency, locale } = args;
  const shown = (minor: number) => formatMoney(minor, currency, locale);
  const money = (minor: number) => toDecimalString(minor, currency);
  return args.lines.map((line) => {
    const l = options.lines.get(line.lineItemId);
    if (!l) return { lineItemId: line.lineItemId, choices: [], none: noChoiceMessage("noProduct", locale) };
    if (kind === "exchange" && !options.sameCurrency) return { lineItemId: line.lineItemId, choices: [], none: noChoiceMessage("currency", locale) };
    const allowed = new Set(choicesFor(kind, options, line, args.otherProducts).map((o) => o.variantId));
    // dearer ones are shown too, with what they would cost more (the shopper sees why they cannot be
    // picked): the same check with prices left out; out of stock ones are not shown at all
    const free = { ...options, lines: new Map([[line.lineItemId, { ...l, options: l.options.map((o) => ({ ...o, unitPriceMinor: 0 })) }]]) };
    const shownIds = new Set([...allowed, ...choicesFor(kind, free, line, args.otherProducts).map((o) => o.variantId)]);
    const choices = l.options
      .filter((o) => shownIds.has(o.variantId))
      .map((o): ShopperExchangeChoice => {
        const p = priceExchange({ kind, returnedMinor: line.refundMinor, items: [{ unitPriceMinor: o.unitPriceMinor, quantity: line.quantity }] });
        // a product without options has one variant Shopify calls "Default Title": the shopper sees the product;
        // another product's variant is named with its product ("Boot Liner", "Floor Mats Premium · Large")
        const title = optionTitle(l, o, " · ");
        const diff =
          kind === "replacement"
            ? { kind: "free" as const }
            : p.dueMinor > 0
              ? { kind: "more" as const, amount: shown(p.dueMinor) }
              : p.refundMinor > 0
                ? { kind: "back" as const, amount: shown(p.refundMinor) }
                : { kind: "even" as const };
        return {
          variantId: o.variantId,
          title,
          label: choiceLabel(title, kind === "replacement" ? null : shown(p.itemsMinor), diff, locale),
          price: money(kind === "replacement" ? 0 : p.itemsMinor),
          ...(p.refundMinor > 0 ? { back: money(p.refundMinor) } : {}),
          ...(p.dueMinor > 0 ? { more: money(p.dueMinor) } : {}),
        };
      });
    return choices.length
      ? { lineItemId: line.lineItemId, choices }
      : { lineItemId: line.lineItemId, choices, none: noChoiceMessage(kind === "replacement" ? "replacementOut" : "exchangeOut", locale) };
  });
}
