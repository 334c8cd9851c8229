import { returnsWebhook } from "~/webhooks/returns-route.server";

// RETURNS_PROCESS: reconcile our request to the Return's current state at Shopify (changes made outside
// the app); see app/webhooks/returns-lifecycle.ts.
export const action = returnsWebhook("RETURNS_PROCESS");
