import type { PrismaClient } from "~/db/client";
import type { ReturnRequestWithLines } from "~/db";
import type { AdminClient } from "~/shopify/admin-client";

export interface StaffDeps {
  db: PrismaClient;
  admin: AdminClient;
  now: () => Date;
  /** "staff:<userId>" | "auto" | "webhook" */
  actor: string;
}

export interface ShopifyErrorEntry {
  field: string[] | null;
  message: string;
  code?: string | null;
}

export type ActionResult =
  | { ok: true; request: ReturnRequestWithLines }
  | {
      ok: false;
      status: 404 | 409 | 422 | 502;
      /** `field` names the argument an invalid_argument refers to (e.g. "message"). */
      error: { code: string; message: string; field?: string; shopifyErrors?: ShopifyErrorEntry[] };
    };

export function failure(
  status: 404 | 409 | 422 | 502,
  code: string,
  message: string,
  shopifyErrors?: ShopifyErrorEntry[],
): ActionResult {
  return { ok: false, status, error: { code, message, ...(shopifyErrors ? { shopifyErrors } : {}) } };
}
