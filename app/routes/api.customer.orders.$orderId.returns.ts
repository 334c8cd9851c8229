// GET: the shopper's returns overview for an order. POST: submit a return request.
// Contract: docs/decisions/060-ui-extensions.md / extensions/customer-returns/src/api.ts.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { getOverview, parseBody, submitBodySchema, submitReturnRequest } from "~/services/shopper";
import { handleCustomer, json, readJson } from "~/services/shopper/http.server";

// Remix sends GET, HEAD and OPTIONS (the CORS preflight, answered inside handleCustomer) to the loader.
export const loader = ({ request, params }: LoaderFunctionArgs) =>
  handleCustomer(request, async ({ who, deps }) => json(200, await getOverview(deps, who, params.orderId ?? "")));

export const action = ({ request, params }: ActionFunctionArgs) =>
  handleCustomer(request, async ({ who, deps }) => {
    if (request.method !== "POST") return json(405, { error: { code: "method_not_allowed", message: "Use GET or POST" } }, { Allow: "GET, POST, OPTIONS" });
    const body = parseBody(submitBodySchema, await readJson(request));
    const result = await submitReturnRequest(deps, who, params.orderId ?? "", body);
    return json(result.created ? 201 : 200, { request: result.request });
  });
