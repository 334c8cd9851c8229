// Wires the policy's approval mode (G's maybeAutoApprove in app/services/staff) into submit.
// Loaded through import.meta.glob so the shopper API builds and runs while the staff services are
// absent (then every request simply waits for staff review).
import type { PrismaClient } from "~/db/client";
import type { AdminClient } from "~/shopify/admin-client";
import type { AutoApprove } from "./context";

type StaffModule = {
  maybeAutoApprove?: (
    deps: { db: PrismaClient; admin: AdminClient; now: () => Date; actor: string },
    shop: string,
    requestId: string,
  ) => Promise<{ ok: boolean } | null>;
};

const staff = import.meta.glob<StaffModule>("../staff/index.ts");

export async function autoApproveFor(db: PrismaClient, admin: AdminClient, now: () => Date): Promise<AutoApprove | undefined> {
  const load = staff["../staff/index.ts"];
  if (!load) return undefined;
  const mod = await load();
  const fn = mod.maybeAutoApprove;
  if (typeof fn !== "function") return undefined;
  return (shop, requestId) => fn({ db, admin, now, actor: "auto" }, shop, requestId);
}
