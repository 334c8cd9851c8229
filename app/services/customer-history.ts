// The customer's return history for the policy's screening (decision 190): the app's own records within
// the policy's window, and Shopify's count of the customer's orders from the order snapshot.
import type { Repos } from "~/db";
import { toDecimalString, type CustomerHistory, type Policy } from "~/returns";

const DAY_MS = 86_400_000;

/** Null when the policy screens nothing or the order has no customer (a guest has no history to count). */
export async function customerHistoryFor(
  repos: Pick<Repos, "returnRequests">,
  shop: string,
  policy: Policy,
  snap: { customerId: string | null; customerOrders?: number | null; customerEmailDomain?: string | null },
  now: Date,
): Promise<CustomerHistory | null> {
  if (!policy.history || !snap.customerId) return null;
  const since = new Date(now.getTime() - policy.history.windowDays * DAY_MS);
  const h = await repos.returnRequests.historyForCustomer(shop, snap.customerId, since);
  const refunded: Record<string, string> = {};
  for (const [currency, minor] of Object.entries(h.refundedMinor)) refunded[currency] = toDecimalString(Number(minor), currency);
  return {
    id: snap.customerId,
    // The e-mail is level 2 protected customer data: read (its domain only) when approved and asked (decision 130).
    emailDomain: snap.customerEmailDomain ?? null,
    orders: snap.customerOrders ?? null,
    requests: h.requests,
    units: h.units,
    refunded,
  };
}
