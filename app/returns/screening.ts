// Customer history screening and keep-the-item (decision 190). Pure: the adapters count the
// customer's history from the app's own records and Shopify's order count and pass it in.
import { z } from "zod";
import { parseMoney, recordedRateOf, shopToPresentment } from "./money";
import type { Order, OrderLine } from "./order";
import type { HistoryRules, KeepItemRules, PerCurrency, Reason } from "./policy";
import { anyMatcher } from "./matching";

/** What the app knows of the customer, counted over the policy's history window (decision 190). */
export const customerHistorySchema = z.object({
  /** Shopify customer id (gid://shopify/Customer/...), when the order has a customer. */
  id: z.string().min(1).nullable().default(null),
  /** The domain of the customer's e-mail address, when known ("example.com"). */
  emailDomain: z.string().trim().min(1).nullable().default(null),
  /** Shopify's count of the customer's orders (Customer.numberOfOrders); null when unknown. */
  orders: z.number().int().min(0).nullable().default(null),
  /** Return requests made before this one, within the window. */
  requests: z.number().int().min(0).default(0),
  /** Units on those requests. */
  units: z.number().int().min(0).default(0),
  /** Refunded on them, per currency (decimal strings). */
  refunded: z
    .record(z.string().regex(/^[A-Z]{3}$/, "must be an ISO 4217 code like NZD"), z.string().regex(/^\d+(\.\d+)?$/, "must be a decimal string like \"120.00\""))
    .default({}),
});
export type CustomerHistory = z.infer<typeof customerHistorySchema>;

export const SCREEN_CODES = [
  "BLOCKED_CUSTOMER",
  "BLOCKED_EMAIL_DOMAIN",
  "REQUESTS_ABOVE",
  "UNITS_ABOVE",
  "REFUNDED_ABOVE",
  "RETURN_RATE_ABOVE",
] as const;
export type ScreenCode = (typeof SCREEN_CODES)[number];

export interface ScreenFinding {
  code: ScreenCode;
  /** For staff: what was counted against which threshold. */
  detail: string;
}

export interface Screening {
  /** clear: nothing found; hold: above a threshold, staff decide; blocked: on the blocklist, staff decide. */
  outcome: "clear" | "hold" | "blocked";
  findings: ScreenFinding[];
  /** The history the request was judged on (null when none was given). */
  history: CustomerHistory | null;
}

export const CLEAR: Screening = Object.freeze({ outcome: "clear", findings: [], history: null }) as Screening;

function domainMatches(domain: string, blocked: string): boolean {
  const d = domain.toLowerCase();
  const b = blocked.toLowerCase().replace(/^@/, "");
  return d === b || d.endsWith(`.${b}`);
}

/**
 * Screen a request: the blocklist first, then each threshold, counting this request with the
 * earlier ones (the fourth request is "more than 3"). Amounts compare per currency, never converted.
 */
export function screen(rules: HistoryRules | null, history: CustomerHistory | null, thisRequest: { units: number }): Screening {
  if (!rules || !history) return history ? { ...CLEAR, history } : CLEAR;
  const findings: ScreenFinding[] = [];
  if (history.id !== null && rules.blocklist.customers.includes(history.id))
    findings.push({ code: "BLOCKED_CUSTOMER", detail: "customer is on the blocklist" });
  const domain = history.emailDomain;
  const hit = domain === null ? undefined : rules.blocklist.emailDomains.find((b) => domainMatches(domain, b));
  if (hit !== undefined) findings.push({ code: "BLOCKED_EMAIL_DOMAIN", detail: `e-mail domain ${hit} is on the blocklist` });
  const blocked = findings.length > 0;

  const h = rules.hold;
  const requests = history.requests + 1;
  const units = history.units + thisRequest.units;
  if (h.maxRequests !== undefined && requests > h.maxRequests)
    findings.push({ code: "REQUESTS_ABOVE", detail: `${requests} requests in ${rules.windowDays} days, more than ${h.maxRequests}` });
  if (h.maxUnits !== undefined && units > h.maxUnits)
    findings.push({ code: "UNITS_ABOVE", detail: `${units} units in ${rules.windowDays} days, more than ${h.maxUnits}` });
  for (const [currency, limit] of Object.entries(h.maxRefunded ?? {})) {
    const got = history.refunded[currency];
    if (got !== undefined && parseMoney(got, currency) > parseMoney(limit, currency))
      findings.push({ code: "REFUNDED_ABOVE", detail: `${got} ${currency} refunded in ${rules.windowDays} days, more than ${limit} ${currency}` });
  }
  if (h.maxReturnRateBps !== undefined && history.orders !== null && history.orders >= h.minOrdersForRate) {
    // requests / orders > bps / 10000, in integers.
    if (requests * 10_000 > h.maxReturnRateBps * history.orders)
      findings.push({
        code: "RETURN_RATE_ABOVE",
        detail: `${requests} requests for ${history.orders} orders, above ${h.maxReturnRateBps / 100}%`,
      });
  }
  return { outcome: blocked ? "blocked" : findings.length ? "hold" : "clear", findings, history };
}

/**
 * Whether the shopper keeps this line: worth less than the amount, or a chosen reason or product. The amount
 * is the one set for the currency the shopper paid in; without one, the amount set in the shop's currency
 * converted at the order's recorded rate, like the fees (decision 150). Neither: not kept by value.
 */
export function keepsItem(rules: KeepItemRules | null, order: Order, line: OrderLine, reason: Reason, quantity: number): boolean {
  if (!rules) return false;
  if (rules.reasons.includes(reason)) return true;
  if (rules.match.length > 0 && anyMatcher(rules.match, line)) return true;
  const amounts = rules.maxLineValue as PerCurrency;
  const own = amounts[order.currency];
  const rate = recordedRateOf(order);
  const inShop = rate ? amounts[rate.shopCurrency] : undefined;
  const limit = own !== undefined ? parseMoney(own, order.currency) : rate && inShop !== undefined ? shopToPresentment(parseMoney(inShop, rate.shopCurrency), rate) : undefined;
  if (limit === undefined) return false;
  return parseMoney(line.unitPrice, order.currency) * quantity < limit;
}
