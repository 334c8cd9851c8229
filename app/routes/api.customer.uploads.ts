// POST: a Shopify staged upload target for one evidence photo (the file goes straight to Shopify).
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { parseBody, stageUpload, uploadBodySchema } from "~/services/shopper";
import { handleCustomer, json, methodNotAllowed, readJson } from "~/services/shopper/http.server";

// Remix sends OPTIONS to the loader: the CORS preflight is answered there (by handleCustomer).
export const loader = ({ request }: LoaderFunctionArgs) => handleCustomer(request, async () => methodNotAllowed("POST, OPTIONS"));

export const action = ({ request }: ActionFunctionArgs) =>
  handleCustomer(request, async ({ who, deps }) => {
    if (request.method !== "POST") return methodNotAllowed("POST, OPTIONS");
    return json(200, await stageUpload(deps, who, parseBody(uploadBodySchema, await readJson(request))));
  });
