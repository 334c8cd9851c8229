import { returnsWebhook } from "~/webhooks/returns-route.server";

// RETURNS_REQUEST: a Return requested through Shopify's own self-serve returns joins our queue
// (judged by our policy, source "shopify_self_serve", auto-approved where configured); returns the
// app created itself are recognised and left alone. See app/webhooks/returns-lifecycle.ts.
export const action = returnsWebhook("RETURNS_REQUEST");
