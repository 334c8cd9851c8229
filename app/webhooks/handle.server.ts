import type { ActionFunctionArgs } from "@remix-run/node";
import { InvalidShopError } from "@shopify/shopify-api";
import { authenticate } from "~/shopify.server";
import { jobQueue } from "~/jobs/queue";
import { createRepos } from "~/db";
import { parseWebhookPayload, WebhookPayloadError, WebhookShopMismatchError, webhookBodyLimit } from "./payloads";
import { badSignature, readSignedBody, refusal } from "./signed-body";
import type { WebhookTopicName } from "./registry.server";
import { WEBHOOK_JOB_KIND, type WebhookJobPayload } from "./types";
import { requiredEnv } from "~/env.server";

const REQUIRED_HEADERS = ["X-Shopify-Hmac-Sha256", "X-Shopify-Topic", "X-Shopify-Shop-Domain", "X-Shopify-API-Version", "X-Shopify-Webhook-Id"];

const badDelivery = (field: string, message: string) => refusal(400, "invalid_webhook", field, message);

/**
 * The signature is checked here first, streaming (./signed-body.ts): the body's size is capped (by
 * Content-Length before reading, then by counting), the HMAC is computed over the chunks as they
 * arrive, and only a signed body within the cap reaches authenticate.webhook, which checks the
 * headers and parses it. The deliveries the library cannot read are answered 400 naming the problem
 * instead of a thrown 500: a correctly signed body that is not JSON, a shop header that is not a shop
 * domain (found by test/fuzz/webhooks.fuzz.test.ts). Its own refusals (400 missing headers, 405) are
 * thrown Responses and pass through; anything else (e.g. the database) stays a 500 so Shopify
 * delivers again.
 */
export async function verifyWebhook(
  request: Request,
  { maxBytes = webhookBodyLimit([]) }: { maxBytes?: number } = {},
): Promise<Awaited<ReturnType<typeof authenticate.webhook>>> {
  if (request.method !== "POST") return authenticate.webhook(request); // 405, body unread
  const secret = requiredEnv("SHOPIFY_API_SECRET");
  const body = await readSignedBody(request, { secret, maxBytes });
  try {
    return await authenticate.webhook(new Request(request.url, { method: "POST", headers: request.headers, body }));
  } catch (e) {
    if (e instanceof Response && e.status === 401) {
      throw badSignature();
    }
    if (e instanceof Response && e.status === 400) {
      const missing = REQUIRED_HEADERS.find((h) => !request.headers.get(h));
      throw badDelivery(missing ?? "X-Shopify-*", missing ? "is required" : "webhook headers are not valid");
    }
    if (e instanceof SyntaxError) throw badDelivery("body", "must be JSON");
    if (e instanceof InvalidShopError) throw badDelivery("X-Shopify-Shop-Domain", "must be a *.myshopify.com domain");
    throw e;
  }
}

/**
 * The one path every webhook route takes: authenticate.webhook verifies the HMAC (401 if wrong) and
 * parses headers; we check the topic matches the route, record the delivery idempotently, enqueue its
 * processing as a durable job keyed by the webhook id, and answer 200 at once. The job runs the
 * topic's handler from ./registry.server.ts in whichever worker takes it (./job.server.ts), then
 * marks the delivery processed (docs/decisions/100-job-queue.md).
 */
export async function handleWebhook(request: Request, expectedTopics: readonly string[]): Promise<Response> {
  const ctx = await verifyWebhook(request, { maxBytes: webhookBodyLimit(expectedTopics) });
  const topic = String(ctx.topic);
  if (!expectedTopics.includes(topic)) {
    // Valid signature but sent to the wrong URI: a configuration mistake. Acknowledge so Shopify
    // does not retry forever, do nothing, and leave a trace.
    console.warn(`webhook ${topic} for ${ctx.shop} arrived at a route for ${expectedTopics.join(",")}; ignored`);
    return new Response(null, { status: 200 });
  }
  // The body must fit the topic and name the header's shop before anything is recorded or queued;
  // what is queued is only what the handler needs (./payloads.ts).
  let payload: Record<string, unknown>;
  try {
    payload = parseWebhookPayload(topic, ctx.shop, ctx.payload);
  } catch (e) {
    if (e instanceof WebhookShopMismatchError) {
      console.warn(`webhook ${topic} ${ctx.webhookId} for ${ctx.shop}: body names another shop; refused`);
      return refusal(400, "invalid_webhook", "X-Shopify-Shop-Domain", `does not match the shop named in the signed body (${e.field})`);
    }
    if (e instanceof WebhookPayloadError) return refusal(422, "invalid_payload", e.field, e.detail);
    throw e;
  }
  const { default: prisma } = await import("~/db.server");
  const deliveries = createRepos(prisma).webhookDeliveries;
  const state = await deliveries.begin(ctx.shop, { webhookId: ctx.webhookId, topic, receivedAt: new Date() });
  if (state === "duplicate") return new Response(null, { status: 200 });
  const job: WebhookJobPayload = {
    topic,
    webhookId: ctx.webhookId,
    apiVersion: ctx.apiVersion,
    payload,
  };
  try {
    // Same webhook id -> same job (a redelivery while it is queued or running adds nothing).
    await (await jobQueue()).enqueue(WEBHOOK_JOB_KIND, job, { shop: ctx.shop, dedupeKey: `webhook:${ctx.webhookId}` });
  } catch (error) {
    await deliveries.markFailed(ctx.shop, ctx.webhookId, error instanceof Error ? error.message : String(error));
    // Non-2xx makes Shopify deliver again later; begin() then answers "retry".
    console.error(`webhook ${topic} ${ctx.webhookId} for ${ctx.shop}: could not queue its processing`, error);
    return new Response(null, { status: 500 });
  }
  return new Response(null, { status: 200 });
}

/**
 * The route action of a topic: `export const action = webhookRoute("RETURNS_APPROVE")` is the whole
 * route module. Remix strips the action export (and so this call) from the client bundle. The
 * topic's processing is not named here: the worker finds it in ./registry.server.ts.
 */
export function webhookRoute(topic: WebhookTopicName) {
  return async ({ request }: ActionFunctionArgs) => handleWebhook(request, [topic]);
}
