// Wires the policy's approval mode (maybeAutoApprove in app/services/staff) into submit: after the
// request is stored and its Shopify Return opened, an eligible request under an auto-approving
// policy is approved at once, through the staff services' exactly-once action with actor "auto".
import type { PrismaClient } from "~/db/client";
import type { AdminClient } from "~/shopify/admin-client";
import { serviceContext } from "~/services/context";
import { maybeAutoApprove } from "~/services/staff";
import type { AutoApprove } from "./context";

export function autoApproveFor(db: PrismaClient, admin: AdminClient, now: () => Date): AutoApprove {
  return (shop, requestId) => maybeAutoApprove({ ...serviceContext({ db, admin, now }), actor: "auto" }, shop, requestId);
}
