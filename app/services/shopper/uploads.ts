// POST /api/customer/uploads: a Shopify staged upload target for one evidence photo. The browser
// posts the file straight to Shopify; the app never stores it. On submit, fileCreate turns the
// resourceUrl into a file in the shop's Files (submit.ts).
import { ShopifyUserError } from "~/shopify/admin-client";
import { STAGED_UPLOADS_CREATE } from "~/shopify/operations/staged-uploads-create";
import type { Shopper, ShopperDeps } from "./context";
import { ShopperError } from "./errors";
import type { UploadBody } from "./schemas";

export interface StagedTarget {
  url: string;
  resourceUrl: string;
  parameters: { name: string; value: string }[];
}

export async function stageUpload(deps: ShopperDeps, _who: Shopper, body: UploadBody): Promise<StagedTarget> {
  let data;
  try {
    data = await deps.admin.mutate(STAGED_UPLOADS_CREATE, {
      input: [{ resource: "IMAGE", filename: body.filename, mimeType: body.mimeType, fileSize: String(body.fileSize), httpMethod: "POST" }],
    });
  } catch (e) {
    if (e instanceof ShopifyUserError) {
      throw new ShopperError(400, "invalid", e.userErrors[0]?.message ?? "upload refused", e.userErrors[0]?.field?.slice(-1)[0] ?? "filename");
    }
    throw e;
  }
  const t = data.stagedUploadsCreate?.stagedTargets?.[0];
  if (!t?.url || !t.resourceUrl) throw new ShopperError(502, "shopify_error", "The store gave no upload target");
  return { url: String(t.url), resourceUrl: String(t.resourceUrl), parameters: t.parameters.map((p) => ({ name: p.name, value: p.value })) };
}
