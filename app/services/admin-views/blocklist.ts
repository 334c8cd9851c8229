// The policy editor's blocklist in words staff recognise (decision 190): a customer is added as "the
// customer of order #1038" and shown by name (when the app is approved for names, protected customer data
// level 2) or as "Customer of #1038"; the policy stores the Shopify customer id, which no screen shows.
import type { AdminServiceContext, ServiceContext } from "~/services/context";
import { findOrderIdByName, loadOrderSnapshot } from "~/shopify/order-snapshot";

/** What the editor shows for a blocked customer. */
export interface BlockedCustomer {
  id: string;
  label: string;
}

export type CustomerOfOrderResult = { ok: true; customer: BlockedCustomer } | { ok: false; status: 404 | 422; field: "orderName"; message: string };

/** A name staff recognise for each blocked customer, from the requests the app keeps; never the id. */
export async function blockedCustomerLabels(ctx: Pick<ServiceContext, "repos">, shop: string, ids: readonly string[]): Promise<Record<string, string>> {
  const seen = await ctx.repos.returnRequests.customersSeen(shop, ids);
  const out: Record<string, string> = {};
  ids.forEach((id, i) => {
    const s = seen.get(id);
    out[id] = s ? (s.displayName ?? `Customer of ${s.orderName}`) : `A customer added earlier (${i + 1}), with no return request in this app`;
  });
  return out;
}

/** The customer who placed an order, found by the order's number ("#1038" or "1038"). */
export async function customerOfOrder(ctx: Pick<AdminServiceContext, "admin">, orderNameTyped: string): Promise<CustomerOfOrderResult> {
  const typed = orderNameTyped.trim();
  if (!typed) return { ok: false, status: 422, field: "orderName", message: "Enter an order number, like #1001" };
  const orderName = typed.startsWith("#") ? typed : `#${typed}`;
  const orderId = await findOrderIdByName(ctx.admin, orderName);
  if (!orderId) return { ok: false, status: 404, field: "orderName", message: `No order ${orderName} in this store` };
  const snap = await loadOrderSnapshot(ctx.admin, orderId);
  if (!snap) return { ok: false, status: 404, field: "orderName", message: `Order ${orderName} could not be read` };
  if (!snap.customerId) return { ok: false, status: 422, field: "orderName", message: `Order ${orderName} was placed without a customer account: there is no customer to block` };
  return { ok: true, customer: { id: snap.customerId, label: snap.customerDisplayName ?? `Customer of ${snap.order.name}` } };
}
