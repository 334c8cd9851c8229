import { complianceWebhook } from "~/services/compliance/webhooks.server";

// CUSTOMERS_REDACT: HMAC-verified, body checked (422 naming the field), recorded once, processed as a job by
// app/services/compliance (see docs/security.md, "Compliance").
export const action = complianceWebhook("CUSTOMERS_REDACT");
