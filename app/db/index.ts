// Repositories over the PrismaClient (or a transaction client). Every call takes the shop first.
//   import prisma from "~/db.server";
//   const repos = createRepos(prisma);
//   await repos.returnRequests.findById(session.shop, id);
import type { Db } from "./shared";
import { createAdminReadModels } from "./admin-read-models";
import { createComplianceRepo } from "./compliance";
import { createEventsRepo } from "./events";
import { createJobsRepo } from "./jobs";
import { createOfflineTokensRepo } from "./offline-tokens";
import { createOperationsRepo } from "./operations";
import { createOrderFactsRepo } from "./order-facts";
import { createPoliciesRepo } from "./policies";
import { createReturnRequestsRepo } from "./return-requests";
import { createShopsRepo } from "./shops";
import { createStaffMembersRepo } from "./staff-members";
import { createWebhookDeliveriesRepo } from "./webhook-deliveries";

export function createRepos(db: Db) {
  return {
    shops: createShopsRepo(db),
    policies: createPoliciesRepo(db),
    returnRequests: createReturnRequestsRepo(db),
    events: createEventsRepo(db),
    operations: createOperationsRepo(db),
    orderFacts: createOrderFactsRepo(db),
    webhookDeliveries: createWebhookDeliveriesRepo(db),
    jobs: createJobsRepo(db),
    offlineTokens: createOfflineTokensRepo(db),
    staffMembers: createStaffMembersRepo(db),
    /** the admin screens' aggregate and list queries (named read models) */
    adminViews: createAdminReadModels(db),
    compliance: createComplianceRepo(db),
  };
}
export type Repos = ReturnType<typeof createRepos>;

export * from "./shared";
export * from "./text";
export * from "./shops";
export * from "./policies";
export * from "./return-requests";
export * from "./events";
export * from "./operations";
export * from "./order-facts";
export * from "./webhook-deliveries";
export * from "./jobs";
export * from "./offline-tokens";
export * from "./staff-members";
export * from "./admin-read-models";
export * from "./compliance";
