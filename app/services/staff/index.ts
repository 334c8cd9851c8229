// Staff workflow services: approve, decline, receive, refund, close, retry; auto-approval.
// Shopify is the record: every action runs its Shopify mutation once (operations ledger +
// lockVersion + reconcile-by-reading), then moves our request. See docs/decisions/070-exactly-once.md.
import type { DeclineReason, RefundTarget } from "~/returns/request-state";
import { retryLast, runAction } from "./actions";
import type { ActionResult, StaffDeps } from "./types";

export type { ActionResult, ShopifyErrorEntry, StaffDeps } from "./types";
export { maybeAutoApprove, decideByMode, declineReasonFor } from "./auto";
export { operationKey, LEASE_MS } from "./actions";

export function approveRequest(
  deps: StaffDeps,
  shop: string,
  requestId: string,
  args: { note?: string; returnLabelUrl?: string; trackingNumber?: string; carrierName?: string; notifyCustomer?: boolean } = {},
): Promise<ActionResult> {
  return runAction(deps, shop, requestId, "approve", args);
}

export function declineRequest(
  deps: StaffDeps,
  shop: string,
  requestId: string,
  args: { reason: DeclineReason; message?: string; notifyCustomer?: boolean },
): Promise<ActionResult> {
  return runAction(deps, shop, requestId, "decline", args);
}

export function markReceived(deps: StaffDeps, shop: string, requestId: string, args: { restock: boolean }): Promise<ActionResult> {
  return runAction(deps, shop, requestId, "receive", args);
}

export function refundRequest(deps: StaffDeps, shop: string, requestId: string, args: { to: RefundTarget }): Promise<ActionResult> {
  return runAction(deps, shop, requestId, "refund", args);
}

export function closeRequest(deps: StaffDeps, shop: string, requestId: string): Promise<ActionResult> {
  return runAction(deps, shop, requestId, "close", {});
}

export function retryLastAction(deps: StaffDeps, shop: string, requestId: string): Promise<ActionResult> {
  return retryLast(deps, shop, requestId);
}
