// Parsing of the three mandatory compliance webhook bodies. Shopify sends numeric ids; we store GIDs.
// A body that does not fit is a WebhookPayloadError naming the field (the route answers 422; app/webhooks/payloads.ts).
import { z } from "zod";

export class WebhookPayloadError extends Error {
  override name = "WebhookPayloadError";
  constructor(
    readonly field: string,
    readonly detail: string,
  ) {
    super(`${field}: ${detail}`);
  }
}

// Shopify ids arrive as JSON numbers (or, from some tools, numeric strings); keep them as strings
// so ids above 2^53 never lose digits when they come as strings.
const numericId = z.union([z.number().int().positive().safe(), z.string().regex(/^[1-9]\d{0,19}$/)]).transform(String);

const customerSchema = z.object({ id: numericId, email: z.string().max(320).nullish(), phone: z.string().max(64).nullish() });

export const dataRequestSchema = z.object({
  shop_domain: z.string().max(255).optional(),
  customer: customerSchema,
  orders_requested: z.array(numericId).max(10_000).default([]),
  data_request: z.object({ id: numericId }).optional(),
});

export const redactSchema = z.object({
  shop_domain: z.string().max(255).optional(),
  customer: customerSchema,
  orders_to_redact: z.array(numericId).max(10_000).default([]),
});

export interface CustomerDataRequest {
  customerId: string; // gid://shopify/Customer/N
  orderIds: string[]; // gid://shopify/Order/N
  dataRequestId: string | null;
}

export interface CustomerRedaction {
  customerId: string;
  orderIds: string[];
}

function parse<T>(schema: z.ZodType<T>, body: unknown): T {
  const r = schema.safeParse(body);
  if (r.success) return r.data;
  const issue = r.error.issues[0]!;
  const field = issue.path.length ? issue.path.map(String).join(".") : "body";
  throw new WebhookPayloadError(field, issue.message);
}

const customerGid = (id: string) => `gid://shopify/Customer/${id}`;
const orderGid = (id: string) => `gid://shopify/Order/${id}`;

export function parseDataRequest(body: unknown): CustomerDataRequest {
  const p = parse(dataRequestSchema, body);
  return { customerId: customerGid(p.customer.id), orderIds: p.orders_requested.map(orderGid), dataRequestId: p.data_request?.id ?? null };
}

export function parseCustomerRedact(body: unknown): CustomerRedaction {
  const p = parse(redactSchema, body);
  return { customerId: customerGid(p.customer.id), orderIds: p.orders_to_redact.map(orderGid) };
}
