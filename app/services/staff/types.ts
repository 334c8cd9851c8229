import type { ReturnRequestWithLines } from "~/db";
import type { AdminServiceContext } from "~/services/context";

/** The composition root (repositories, Admin client, clock) and who is acting. */
export type StaffDeps = AdminServiceContext & {
  /** "staff:<userId>" | "auto" | "webhook" */
  actor: string;
};

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
