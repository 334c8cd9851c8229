// The compliance topics' processing, run as webhook jobs (app/webhooks/registry.server.ts) after the
// route verified the signature and checked the body (docs/security.md, "Compliance").
import prisma from "~/db.server";
import { serviceContext } from "~/services/context";
import { exportCustomerData, parseCustomerRedact, parseDataRequest, redactCustomer, redactShop } from "./index";

const context = () => serviceContext({ db: prisma, now: () => new Date() });

/** customers/data_request */
export async function exportForDataRequest(shop: string, payload: Record<string, unknown>): Promise<void> {
  const { eventId, export: data } = await exportCustomerData(context(), shop, parseDataRequest(payload));
  // The merchant gets it from the stored event; the log says where (no personal data in the log).
  console.info(`customers/data_request for ${shop}: ${data.requests.length} return request(s) exported as ReturnEvent ${eventId}`);
}

/** customers/redact */
export async function eraseCustomer(shop: string, payload: Record<string, unknown>): Promise<void> {
  const r = await redactCustomer(context(), shop, parseCustomerRedact(payload));
  console.info(`customers/redact for ${shop}: ${r.requests} request(s), ${r.events} event(s) redacted, ${r.exportsDeleted} export(s) deleted`);
}

/** shop/redact */
export async function eraseShop(shop: string): Promise<void> {
  const deleted = await redactShop(context(), shop);
  console.info(`shop/redact for ${shop}: deleted ${JSON.stringify(deleted)}`);
}
