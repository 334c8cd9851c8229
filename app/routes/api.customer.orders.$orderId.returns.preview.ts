// POST: the engine's verdict and refund estimate for a draft return (nothing is stored).
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { parseBody, previewBodySchema, previewReturn } from "~/services/shopper";
import { handleCustomer, json, methodNotAllowed, readJson } from "~/services/shopper/http.server";

// Remix sends OPTIONS to the loader: the CORS preflight is answered there (by handleCustomer).
export const loader = ({ request }: LoaderFunctionArgs) => handleCustomer(request, async () => methodNotAllowed("POST, OPTIONS"));

export const action = ({ request, params }: ActionFunctionArgs) =>
  handleCustomer(request, async ({ who, deps }) => {
    if (request.method !== "POST") return methodNotAllowed("POST, OPTIONS");
    const body = parseBody(previewBodySchema, await readJson(request));
    return json(200, await previewReturn(deps, who, params.orderId ?? "", body));
  });
