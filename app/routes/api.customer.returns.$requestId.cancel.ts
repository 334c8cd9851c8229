// POST: the shopper cancels a request that is still awaiting review.
import type { ActionFunctionArgs } from "@remix-run/node";
import { cancelReturnRequest } from "~/services/shopper";
import { handleCustomer, json, methodNotAllowed } from "~/services/shopper/http.server";

export const loader = () => methodNotAllowed("POST, OPTIONS");

export const action = ({ request, params }: ActionFunctionArgs) =>
  handleCustomer(request, async ({ who, deps }) => {
    if (request.method !== "POST") return methodNotAllowed("POST, OPTIONS");
    return json(200, { request: await cancelReturnRequest(deps, who, params.requestId ?? "") });
  });
