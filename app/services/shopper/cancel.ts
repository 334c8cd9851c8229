// POST /api/customer/returns/:requestId/cancel: the shopper withdraws a request still awaiting
// review. The Shopify Return (if one was opened) is cancelled first, then the request.
import { InvalidTransitionError, StaleRecordError } from "~/db";
import { ShopifyUserError } from "~/shopify/admin-client";
import { RETURN_CANCEL } from "~/shopify/operations/return-cancel";
import type { Shopper, ShopperDeps } from "./context";
import { notFound, ShopperError } from "./errors";
import { presentRequest, staffNotes, storedLocale, type ShopperRequestView } from "./present";

const CANCELLABLE = ["requested", "failed"] as const;

export async function cancelReturnRequest(deps: ShopperDeps, who: Shopper, requestId: string): Promise<ShopperRequestView> {
  const repos = deps.repos;
  let request = await repos.returnRequests.findById(who.shop, requestId);
  if (!request || request.customerId !== who.customerId) throw notFound("return request");
  const locale = who.locale ?? storedLocale(request) ?? "en";
  if (request.status === "cancelled") return presentRequest(request, locale);
  if (!(CANCELLABLE as readonly string[]).includes(request.status)) {
    throw new ShopperError(409, "not_cancellable", "This return can no longer be cancelled");
  }
  if (request.shopifyReturnId) {
    try {
      await deps.admin.mutate(RETURN_CANCEL, { id: request.shopifyReturnId });
    } catch (e) {
      if (e instanceof ShopifyUserError) {
        throw new ShopperError(409, "not_cancellable", e.userErrors[0]?.message ?? "The store no longer allows cancelling this return");
      }
      throw new ShopperError(502, "shopify_unavailable", "The store could not be reached; please try again");
    }
  }
  for (let attempt = 0; ; attempt++) {
    try {
      request = await repos.returnRequests.transition(who.shop, request.id, {
        expectedLockVersion: request.lockVersion,
        from: [...CANCELLABLE],
        to: "cancelled",
        now: deps.now(),
      });
      break;
    } catch (e) {
      if (e instanceof StaleRecordError && attempt < 3) {
        request = (await repos.returnRequests.findById(who.shop, request.id))!;
        continue;
      }
      if (e instanceof InvalidTransitionError) throw new ShopperError(409, "not_cancellable", "This return can no longer be cancelled");
      throw e;
    }
  }
  await repos.events.append(who.shop, { requestId: request.id, type: "cancelled", actor: `customer:${who.customerId}`, at: deps.now() });
  return presentRequest(request, locale, await staffNotes(repos, who.shop, request.id));
}
