// The compliance webhook routes' processing, registered as webhook jobs (app/jobs/webhook-jobs.ts),
// and their route action. HMAC first: nothing is parsed from an unverified body.
import type { ActionFunctionArgs } from "@remix-run/node";
import prisma from "~/db.server";
import { handleWebhook, registerWebhookJob, type WebhookWork } from "~/webhooks/handle.server";
import { exportCustomerData, parseCustomerRedact, parseDataRequest, redactCustomer, redactShop } from "./index";

export const COMPLIANCE_TOPICS = {
  CUSTOMERS_DATA_REQUEST: async ({ shop, payload }: WebhookWork) => {
    const { eventId, export: data } = await exportCustomerData(prisma, shop, parseDataRequest(payload), new Date());
    // The merchant gets it from the stored event; the log says where (no personal data in the log).
    console.info(`customers/data_request for ${shop}: ${data.requests.length} return request(s) exported as ReturnEvent ${eventId}`);
  },
  CUSTOMERS_REDACT: async ({ shop, payload }: WebhookWork) => {
    const r = await redactCustomer(prisma, shop, parseCustomerRedact(payload));
    console.info(`customers/redact for ${shop}: ${r.requests} request(s), ${r.events} event(s) redacted, ${r.exportsDeleted} export(s) deleted`);
  },
  SHOP_REDACT: async ({ shop }: WebhookWork) => {
    const deleted = await redactShop(prisma, shop);
    console.info(`shop/redact for ${shop}: deleted ${JSON.stringify(deleted)}`);
  },
} as const;

export type ComplianceTopic = keyof typeof COMPLIANCE_TOPICS;

/**
 * Route action of a compliance topic: handleWebhook verifies the signature, checks the body against
 * the topic (422 naming the field, 400 when it names another shop than the header) before anything is
 * recorded or queued, and queues only the ids the processing needs (app/webhooks/payloads.ts).
 */
export function complianceWebhook(topic: ComplianceTopic) {
  registerWebhookJob(topic, COMPLIANCE_TOPICS[topic]);
  return async ({ request }: ActionFunctionArgs): Promise<Response> => handleWebhook(request, [topic]);
}
