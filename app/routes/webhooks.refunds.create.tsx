import { returnsWebhook } from "~/webhooks/returns-route.server";

// REFUNDS_CREATE: a refund on a Return (made outside the app) moves our request to refunded; refunds
// without a return are ignored. See app/webhooks/returns-lifecycle.ts.
export const action = returnsWebhook("REFUNDS_CREATE");
