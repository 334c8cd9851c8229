import { complianceWebhook } from "~/services/compliance/webhooks.server";

// CUSTOMERS_DATA_REQUEST: HMAC-verified, body checked (422 naming the field), recorded once, processed as a job by
// app/services/compliance (see docs/security.md, "Compliance").
export const action = complianceWebhook("CUSTOMERS_DATA_REQUEST");
