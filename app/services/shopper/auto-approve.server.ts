// Wires the policy's approval mode (maybeAutoApprove in app/services/staff) into submit: after the
// request is stored and its Shopify Return opened, an eligible request under an auto-approving
// policy is approved at once, through the staff services' exactly-once action with actor "auto".
import type { AdminServiceContext } from "~/services/context";
import { maybeAutoApprove } from "~/services/staff";
import type { AutoApprove } from "./context";

export function autoApproveFor(ctx: AdminServiceContext): AutoApprove {
  return (shop, requestId) => maybeAutoApprove({ ...ctx, actor: "auto" }, shop, requestId);
}
