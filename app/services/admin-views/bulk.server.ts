// Bulk approve / decline for clear cases only. Each id goes through the staff service one at a time
// (Shopify's rate limit and the exactly-once ledger do the rest); every id gets its own result line.
// A replacement or exchange is approved as one, like on its own screen (decision 170): the same claim,
// the same stock check, and its result line says which it was.
import { verdictOf } from "~/returns";
import { approveRequest, declineReasonFor, declineRequest, type ActionResult, type StaffDeps } from "~/services/staff";

export type BulkIntent = "approve" | "decline";

export interface BulkResult {
  id: string;
  orderName: string | null;
  outcome: "done" | "skipped" | "failed";
  message: string;
}

export const BULK_LIMIT = 50;

const APPROVED = { return: "Approved", replacement: "Replacement approved", exchange: "Exchange approved" } as const;

/** The queue's bulk form: which action, on which ids (at most BULK_LIMIT); a bad field is named. */
export function parseBulkForm(form: FormData): { ok: true; intent: BulkIntent; ids: string[] } | { ok: false; field: string; message: string } {
  const intent = String(form.get("intent") ?? "");
  if (intent !== "approve" && intent !== "decline") return { ok: false, field: "intent", message: "intent must be approve or decline" };
  const ids = String(form.get("ids") ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  if (ids.length === 0) return { ok: false, field: "ids", message: "select at least one request" };
  if (ids.length > BULK_LIMIT) return { ok: false, field: "ids", message: `at most ${BULK_LIMIT} requests at a time` };
  return { ok: true, intent, ids };
}

function failure(r: Extract<ActionResult, { ok: false }>): string {
  const errs = r.error.shopifyErrors?.map((e) => e.message).filter(Boolean) ?? [];
  return [r.error.message, ...errs].join(" — ");
}

export async function runBulk(
  deps: StaffDeps,
  shop: string,
  intent: BulkIntent,
  ids: string[],
  opts: { notifyCustomer: boolean },
): Promise<BulkResult[]> {
  const { repos } = deps;
  const out: BulkResult[] = [];
  for (const id of [...new Set(ids)].slice(0, BULK_LIMIT)) {
    const r = await repos.returnRequests.findById(shop, id);
    if (!r) {
      out.push({ id, orderName: null, outcome: "skipped", message: "Not found" });
      continue;
    }
    const codes = r.lines.flatMap((l) => (Array.isArray(l.codes) ? (l.codes as unknown[]).filter((c): c is string => typeof c === "string") : []));
    const clear =
      r.status === "requested" &&
      r.lines.length > 0 &&
      (intent === "approve" ? r.lines.every((l) => l.eligible) : r.lines.every((l) => !l.eligible));
    if (!clear) {
      out.push({
        id,
        orderName: r.orderName,
        outcome: "skipped",
        message:
          r.status !== "requested"
            ? `Already ${r.status}`
            : intent === "approve"
              ? "Not a clear case: some items don't meet the policy; review it on its own"
              : "Not a clear case: some items meet the policy; review it on its own",
      });
      continue;
    }
    let res: ActionResult;
    try {
      res =
        intent === "approve"
          ? await approveRequest(deps, shop, id, { notifyCustomer: opts.notifyCustomer })
          : await declineRequest(deps, shop, id, { reason: declineReasonFor(codes), notifyCustomer: opts.notifyCustomer });
    } catch (e) {
      out.push({ id, orderName: r.orderName, outcome: "failed", message: (e as Error).message });
      continue;
    }
    out.push(
      res.ok
        ? { id, orderName: r.orderName, outcome: "done", message: intent === "approve" ? APPROVED[verdictOf(r).exchange?.kind ?? "return"] : "Declined" }
        : { id, orderName: r.orderName, outcome: "failed", message: failure(res) },
    );
  }
  return out;
}
