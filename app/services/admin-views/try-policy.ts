// "Try it" on the policy editor: a draft policy run against one of the shop's real orders, found by its
// name, as a shopper would see it now. Reads Shopify through the order snapshot; stores nothing.
import { REASONS, safeParsePolicy, type Reason } from "~/returns";
import type { AdminServiceContext } from "~/services/context";
import { findOrderIdByName, loadOrderSnapshot } from "~/shopify/order-snapshot";
import { tryPolicy, type TryItResult } from "./policy-editor";

export type TryOnOrderResult = { ok: true; result: TryItResult } | { ok: false; status: 404 | 422; field: string; message: string };

export async function tryPolicyOnOrder(
  ctx: Pick<AdminServiceContext, "admin" | "now">,
  input: { draft: unknown; orderName: string; reason: string },
): Promise<TryOnOrderResult> {
  const parsed = safeParsePolicy(input.draft);
  if (!parsed.ok) return { ok: false, status: 422, field: parsed.error.field, message: `Fix the policy first: ${parsed.error.message}` };
  const orderName = input.orderName.trim();
  if (!orderName) return { ok: false, status: 422, field: "orderName", message: "Enter an order number, like #1001" };
  if (!(REASONS as readonly string[]).includes(input.reason)) return { ok: false, status: 422, field: "reason", message: "Pick a reason" };
  const orderId = await findOrderIdByName(ctx.admin, orderName.startsWith("#") ? orderName : `#${orderName}`);
  if (!orderId) return { ok: false, status: 404, field: "orderName", message: `No order ${orderName} in this store` };
  const snap = await loadOrderSnapshot(ctx.admin, orderId);
  if (!snap) return { ok: false, status: 404, field: "orderName", message: `Order ${orderName} could not be read` };
  const now = ctx.now().toISOString();
  return { ok: true, result: tryPolicy({ policy: parsed.policy, order: snap.order, shop: snap.shop, now, reason: input.reason as Reason }) };
}
