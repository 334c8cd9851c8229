// The compliance webhook routes' processing, registered as webhook jobs (app/jobs/webhook-jobs.ts),
// and the route action that refuses a body that does not fit (422 naming the field) before anything
// is recorded or queued. HMAC first: nothing is parsed from an unverified body.
import type { ActionFunctionArgs } from "@remix-run/node";
import prisma from "~/db.server";
import { handleWebhook, registerWebhookJob, verifyWebhook, type WebhookWork } from "~/webhooks/handle.server";
import { exportCustomerData, parseCustomerRedact, parseDataRequest, redactCustomer, redactShop, WebhookPayloadError } from "./index";

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

const VALIDATE: Record<ComplianceTopic, (payload: unknown) => unknown> = {
  CUSTOMERS_DATA_REQUEST: parseDataRequest,
  CUSTOMERS_REDACT: parseCustomerRedact,
  SHOP_REDACT: () => undefined,
};

function refusal(e: WebhookPayloadError): Response {
  return new Response(JSON.stringify({ error: { code: "invalid_payload", field: e.field, message: e.message } }), {
    status: 422,
    headers: { "Content-Type": "application/json" },
  });
}

export function complianceWebhook(topic: ComplianceTopic) {
  registerWebhookJob(topic, COMPLIANCE_TOPICS[topic]);
  return async ({ request }: ActionFunctionArgs): Promise<Response> => {
    // Verify the HMAC on a copy and check the body's shape before the delivery is recorded: a body
    // we can never process is refused now rather than failing in a job over and over.
    const probe = await verifyWebhook(request.clone());
    if (String(probe.topic) === topic) {
      try {
        VALIDATE[topic](probe.payload);
      } catch (e) {
        if (e instanceof WebhookPayloadError) return refusal(e);
        throw e;
      }
    }
    return handleWebhook(request, [topic]);
  };
}
