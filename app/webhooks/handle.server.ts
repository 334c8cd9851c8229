import type { ActionFunctionArgs } from "@remix-run/node";
import type { Session } from "@shopify/shopify-api";
import { authenticate } from "~/shopify.server";
import { webhookDeliveryStore } from "./deliveries.server";

export interface WebhookWork {
  shop: string;
  topic: string;
  webhookId: string;
  apiVersion: string;
  payload: Record<string, unknown>;
  session: Session | undefined;
}

/**
 * The one path every webhook route takes: authenticate.webhook verifies the HMAC (401 if wrong) and
 * parses headers; we check the topic matches the route, record the delivery idempotently, and run
 * the route's minimal work only on the first delivery. Answers 200 fast; heavy work goes to jobs.
 */
export async function handleWebhook(
  request: Request,
  expectedTopics: readonly string[],
  work: (ctx: WebhookWork) => Promise<void> = async () => {},
): Promise<Response> {
  const ctx = await authenticate.webhook(request);
  const topic = String(ctx.topic);
  if (!expectedTopics.includes(topic)) {
    // Valid signature but sent to the wrong URI: a configuration mistake. Acknowledge so Shopify
    // does not retry forever, do nothing, and leave a trace.
    console.warn(`webhook ${topic} for ${ctx.shop} arrived at a route for ${expectedTopics.join(",")}; ignored`);
    return new Response(null, { status: 200 });
  }
  const store = await webhookDeliveryStore();
  const state = await store.begin({ shop: ctx.shop, webhookId: ctx.webhookId, topic });
  if (state === "duplicate") return new Response(null, { status: 200 });
  try {
    await work({
      shop: ctx.shop,
      topic,
      webhookId: ctx.webhookId,
      apiVersion: ctx.apiVersion,
      payload: ctx.payload as Record<string, unknown>,
      session: ctx.session,
    });
  } catch (error) {
    await store.fail(ctx.shop, ctx.webhookId, error instanceof Error ? error.message : String(error));
    // Non-2xx makes Shopify deliver again later; begin() then answers "retry".
    console.error(`webhook ${topic} ${ctx.webhookId} for ${ctx.shop} failed`, error);
    return new Response(null, { status: 500 });
  }
  await store.complete(ctx.shop, ctx.webhookId);
  return new Response(null, { status: 200 });
}

/** Route action factory for topics whose only work for now is being recorded. */
export function recordOnlyWebhook(...topics: string[]) {
  return async ({ request }: ActionFunctionArgs) => handleWebhook(request, topics);
}
