// POST: the shopper cancels a request that is still awaiting review.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { cancelReturnRequest } from "~/services/shopper";
import { handleCustomer, json, methodNotAllowed } from "~/services/shopper/http.server";

// Remix sends OPTIONS to the loader: the CORS preflight is answered there (by handleCustomer).
export const loader = ({ request }: LoaderFunctionArgs) => handleCustomer(request, async () => methodNotAllowed("POST, OPTIONS"));

export const action = ({ request, params }: ActionFunctionArgs) =>
  handleCustomer(request, async ({ who, deps }) => {
    if (request.method !== "POST") return methodNotAllowed("POST, OPTIONS");
    return json(200, { request: await cancelReturnRequest(deps, who, params.requestId ?? "") });
  });
