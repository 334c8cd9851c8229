// What a signed webhook body must hold before anything acts on it, per topic, and the most of it the
// app keeps. Shopify's HMAC covers the body only (not X-Shopify-Topic or X-Shopify-Shop-Domain), so a
// body signed for one topic or shop can be re-sent with other headers: each topic's body must have
// that topic's shape, and bodies that name their shop must name the header's shop. The parsed result
// is also what gets queued: only the fields the handlers use, so job rows carry no e-mail, phone,
// customer note or product catalogue.
//
// Shapes (REST-style webhook bodies):
//  - compliance topics carry shop_id and shop_domain:
//    https://shopify.dev/docs/apps/build/compliance/privacy-law-compliance
//  - returns/*: the Return (id, admin_graphql_api_id "gid://shopify/Return/N", order, lines);
//    refunds/create: the Refund (id, admin_graphql_api_id, order_id, return); products/update: the
//    Product (id, admin_graphql_api_id); app/uninstalled: the Shop (myshopify_domain);
//    app/scopes_update: {id, previous, current, updated_at}. https://shopify.dev/docs/api/webhooks?reference=toml
import { z } from "zod";
import { dataRequestSchema, redactSchema, WebhookPayloadError } from "~/services/compliance/payload";

export { WebhookPayloadError };

/** Thrown when the body names another shop than X-Shopify-Shop-Domain (answered 400). */
export class WebhookShopMismatchError extends Error {
  override name = "WebhookShopMismatchError";
  constructor(readonly field: string) {
    super(`${field} names another shop than X-Shopify-Shop-Domain`);
  }
}

const numericId = z.union([z.number().int().positive().safe(), z.string().regex(/^[1-9]\d{0,19}$/)], "must be a positive integer id");
const gidOf = (type: string) => z.string().regex(new RegExp(`^gid://shopify/${type}/[1-9]\\d{0,19}$`), `must be a gid://shopify/${type}/<id>`);
const shopDomain = z.string("must be a shop domain").max(255);

/** A resource body: its numeric id or its GraphQL id (at least one), nothing else kept. */
const resource = (type: string) =>
  z
    .object({ id: numericId.optional(), admin_graphql_api_id: gidOf(type).optional() })
    .refine((b) => b.id !== undefined || b.admin_graphql_api_id !== undefined, { message: `must carry the ${type}'s id or admin_graphql_api_id`, path: ["admin_graphql_api_id"] });

const compliance = (schema: z.ZodType<Record<string, unknown>>) =>
  z.object({ shop_id: numericId, shop_domain: shopDomain }).and(schema).transform((b) => {
    // e-mail and phone are never needed (erasure and export go by customer id and order ids)
    const customer = b.customer as { id: unknown } | undefined;
    return { ...b, ...(customer ? { customer: { id: customer.id } } : {}) };
  });

const SCHEMAS: Record<string, z.ZodType<Record<string, unknown>>> = {
  CUSTOMERS_DATA_REQUEST: compliance(dataRequestSchema as unknown as z.ZodType<Record<string, unknown>>),
  CUSTOMERS_REDACT: compliance(redactSchema as unknown as z.ZodType<Record<string, unknown>>),
  SHOP_REDACT: z.object({ shop_id: numericId, shop_domain: shopDomain }),
  APP_UNINSTALLED: z.object({ id: numericId.optional(), myshopify_domain: shopDomain }),
  APP_SCOPES_UPDATE: z.object({
    id: numericId.optional(),
    previous: z.array(z.string().max(100)).max(200).optional(),
    current: z.array(z.string().max(100), "must be the list of granted scopes").max(200),
    updated_at: z.string().max(64).optional(),
  }),
  PRODUCTS_UPDATE: resource("Product"),
  REFUNDS_CREATE: z
    .object({
      id: numericId.optional(),
      admin_graphql_api_id: gidOf("Refund").optional(),
      order_id: numericId.optional(),
      return: z.object({ id: numericId.optional(), admin_graphql_api_id: gidOf("Return") }).nullish(),
    })
    .refine((b) => b.id !== undefined || b.admin_graphql_api_id !== undefined, { message: "must carry the Refund's id or admin_graphql_api_id", path: ["admin_graphql_api_id"] }),
  // orders/updated: the Order (REST shape, with the customer's e-mail, addresses...): only its ids and
  // updated_at are kept, which is all the order facts' version guard needs (docs/decisions/180).
  ORDERS_UPDATED: z
    .object({ id: numericId.optional(), admin_graphql_api_id: gidOf("Order").optional(), updated_at: z.string("must be the order's updated_at").max(64).refine((v) => !Number.isNaN(Date.parse(v)), "must be a date") })
    .refine((b) => b.id !== undefined || b.admin_graphql_api_id !== undefined, { message: "must carry the Order's id or admin_graphql_api_id", path: ["admin_graphql_api_id"] }),
};
for (const t of ["REQUEST", "APPROVE", "DECLINE", "CANCEL", "CLOSE", "REOPEN", "PROCESS"]) SCHEMAS[`RETURNS_${t}`] = resource("Return");

/** Where each topic's body names its shop. */
const SHOP_FIELD: Record<string, string> = {
  CUSTOMERS_DATA_REQUEST: "shop_domain",
  CUSTOMERS_REDACT: "shop_domain",
  SHOP_REDACT: "shop_domain",
  APP_UNINSTALLED: "myshopify_domain",
};

/**
 * The body of a signed delivery, checked for its topic and bound to the header's shop: returns the
 * fields the topic's handler needs. Throws WebhookPayloadError (field named) when the body does not
 * fit the topic, WebhookShopMismatchError when it names another shop. Topics the app has no schema
 * for must still be a JSON object.
 */
export function parseWebhookPayload(topic: string, shop: string, payload: unknown): Record<string, unknown> {
  if (payload === null || typeof payload !== "object" || Array.isArray(payload)) throw new WebhookPayloadError("body", "must be a JSON object");
  const schema = SCHEMAS[topic];
  if (!schema) return payload as Record<string, unknown>;
  const r = schema.safeParse(payload);
  if (!r.success) {
    const issue = r.error.issues[0]!;
    throw new WebhookPayloadError(issue.path.length ? issue.path.map(String).join(".") : "body", issue.message);
  }
  const field = SHOP_FIELD[topic];
  if (field && String(r.data[field]).toLowerCase() !== shop.toLowerCase()) throw new WebhookShopMismatchError(field);
  return r.data;
}

/**
 * The largest body accepted per topic, checked before reading (Content-Length) and while reading.
 * Shopify documents no limit for HTTPS deliveries; the figures are the largest plausible body with a
 * margin of at least 2x: a product with 2,048 variants (~1 KB each in the REST shape) plus images and
 * options is ~3 MB; a refund of an order with hundreds of lines ~2 MB; a Return is smaller; compliance
 * bodies carry ids only (10,000 order ids ~ 200 KB); app/* bodies are the Shop or a scope list.
 * (For comparison, Shopify caps EventBridge deliveries at 1,000,000 bytes and sends {"id": ...} above
 * it: https://shopify.dev/changelog/amazon-eventbridge-webhook-payload-size-limit-increased-to-1-mb)
 */
const MiB = 1024 * 1024;
export const WEBHOOK_BODY_LIMITS: Record<string, number> = {
  PRODUCTS_UPDATE: 8 * MiB,
  REFUNDS_CREATE: 4 * MiB,
  CUSTOMERS_DATA_REQUEST: 1 * MiB,
  CUSTOMERS_REDACT: 1 * MiB,
  SHOP_REDACT: 64 * 1024,
  APP_UNINSTALLED: 256 * 1024,
  APP_SCOPES_UPDATE: 256 * 1024,
  // an order with hundreds of lines, fulfillments and refunds in the REST shape
  ORDERS_UPDATED: 4 * MiB,
};
const RETURN_BODY_LIMIT = 2 * MiB;
const DEFAULT_BODY_LIMIT = 1 * MiB;

export function webhookBodyLimit(topics: readonly string[]): number {
  return Math.max(...topics.map((t) => WEBHOOK_BODY_LIMITS[t] ?? (t.startsWith("RETURNS_") ? RETURN_BODY_LIMIT : DEFAULT_BODY_LIMIT)));
}
