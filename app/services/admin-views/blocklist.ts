// The policy editor's blocklist in words staff recognise (decision 190): a customer is added as "the
// customer of order #1038" and shown by name (when the app is approved for names, protected customer data
// level 2) or as "Customer of #1038"; the policy stores the Shopify customer id, which no screen shows.
import type { AdminServiceContext, ServiceContext } from "~/services/context";
import { findOrderIdByName, loadOrderSnapshot } from "~/shopify/order-snapshot";
import { BLOCKED_CUSTOMERS } from "~/shopify/operations";

/** What the editor shows for a blocked customer. */
export interface BlockedCustomer {
  id: string;
  label: string;
}

export type CustomerOfOrderResult = { ok: true; customer: BlockedCustomer } | { ok: false; status: 404 | 422; field: "orderName"; message: string };

/**
 * A name staff recognise for each blocked customer, never the id: the name kept with their latest request
 * (with name approval), else "Customer of" that request's order; for a customer the app has no request from,
 * their last order at Shopify (one read, only when there is such a customer and an Admin client).
 */
export async function blockedCustomerLabels(ctx: Pick<ServiceContext, "repos" | "admin">, shop: string, ids: readonly string[]): Promise<Record<string, string>> {
  const seen = await ctx.repos.returnRequests.customersSeen(shop, ids);
  const lastOrders = new Map<string, string>();
  const unseen = ids.filter((id) => !seen.has(id)).slice(0, 50);
  if (unseen.length > 0 && ctx.admin) {
    const data = await ctx.admin.request(BLOCKED_CUSTOMERS, { ids: unseen });
    for (const n of data.nodes) if (n && "id" in n && n.lastOrder) lastOrders.set(n.id, n.lastOrder.name);
  }
  const out: Record<string, string> = {};
  ids.forEach((id, i) => {
    const s = seen.get(id);
    const last = lastOrders.get(id);
    out[id] = s ? (s.displayName ?? `Customer of ${s.orderName}`) : last ? `Customer of ${last}` : `A customer with no order the app can read (${i + 1})`;
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
