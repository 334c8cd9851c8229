// The Shopify Return a submission's returnRequest made when the app never recorded it: the answer was
// lost in transit, or the process died after Shopify applied the mutation (docs/decisions/070).
//
// returnRequest takes no idempotency key, and nothing the app sends comes back as a mark only the app
// can see: ReturnRequestInput holds the order, per line the fulfillment line item, quantity, reason
// definition, customer note and restocking fee, and a return shipping fee; a Return has no metafields.
// (A customer note prefix would be shown to the merchant and the shopper.) So a Return is taken to be
// the one a submission made when
//   - it holds exactly the planned fulfillment line items and quantities,
//   - Shopify created it after the request was stored (less a margin for the clocks' difference), and
//   - no stored request owns it (the unique shopifyReturnId settles two claimants racing);
// among several, one whose reason definitions and notes are also the planned ones, then the oldest.
// The submission's retry (shopper replay, the "shopper.open-return" job) and the returns/request
// webhook use this same choice, so they always agree on which Return is the request's.
// Shared by the shopper's submission and the returns/request webhook, so neither borrows the other's code.
import { isUniqueViolation, StaleRecordError, type Repos, type ReturnRequestWithLines } from "~/db";
import { planOf, verdictOf, type PlannedReturnLine } from "~/returns";
import { reconcileStatus, type ShopifyReturnStatus } from "~/returns/request-state";
import type { AdminClient } from "~/shopify/admin-client";
import { ORDER_RETURNS } from "~/shopify/operations/order-returns";

/** Ledger errors starting with this mean the returnRequest may have applied at Shopify. */
export const UNCERTAIN = "uncertain: ";

/** The operations-ledger key of a request's returnRequest. */
export const returnRequestKey = (requestId: string) => `shopper:returnRequest:${requestId}`;

/** Lease of a returnRequest claim: a holder that dies leaves it to the next attempt after this long. */
export const RETURN_REQUEST_LEASE_MS = 60_000;

/** How far Shopify's clock may be behind the app's when a Return's createdAt is compared with the request's. */
export const CLOCK_MARGIN_MS = 2 * 60_000;

export type { PlannedReturnLine };

export interface SeenReturn {
  id: string;
  status: ShopifyReturnStatus;
  createdAt: string;
  lines: { fulfillmentLineItemId: string; quantity: number; returnReasonDefinitionId: string | null; customerNote: string | null }[];
}

/** The returnRequest plan submit stored in the request's verdict, if any. */
export function storedPlan(request: Pick<ReturnRequestWithLines, "verdict" | "lines">): PlannedReturnLine[] | null {
  return planOf(verdictOf(request));
}

/** Fulfillment line items with their summed quantities, in one comparable string. */
function unitsKey(items: { fulfillmentLineItemId: string; quantity: number }[]): string {
  const sums = new Map<string, number>();
  for (const i of items) sums.set(i.fulfillmentLineItemId, (sums.get(i.fulfillmentLineItemId) ?? 0) + i.quantity);
  return [...sums.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([id, q]) => `${id}x${q}`)
    .join(",");
}

const note = (s: string | null | undefined) => (s ?? "").trim();

/** Every line of the Return carries a reason definition and note the plan gave its fulfillment line item. */
function detailsMatch(plan: PlannedReturnLine[], ret: SeenReturn): boolean {
  return ret.lines.every((l) =>
    plan.some(
      (p) =>
        p.fulfillmentLineItemId === l.fulfillmentLineItemId &&
        (p.returnReasonDefinitionId === undefined || p.returnReasonDefinitionId === l.returnReasonDefinitionId) &&
        note(p.customerNote) === note(l.customerNote),
    ),
  );
}

/** The earliest moment Shopify's createdAt of a Return made for this request can show. */
export function madeSince(request: Pick<ReturnRequestWithLines, "createdAt">): Date {
  return new Date(request.createdAt.getTime() - CLOCK_MARGIN_MS);
}

/** Pure: the Returns that may be the one `plan` made, best first. */
export function madeReturnCandidates(plan: PlannedReturnLine[], returns: SeenReturn[], since: Date): SeenReturn[] {
  const want = unitsKey(plan);
  return returns
    .filter((r) => Date.parse(r.createdAt) >= since.getTime() && unitsKey(r.lines) === want)
    .sort(
      (a, b) =>
        Number(detailsMatch(plan, b)) - Number(detailsMatch(plan, a)) ||
        Date.parse(a.createdAt) - Date.parse(b.createdAt) ||
        a.id.localeCompare(b.id),
    );
}

/** Reads the order's newest Returns and picks the one `request`'s returnRequest made, if Shopify has it. */
export async function findMadeReturn(admin: AdminClient, repos: Repos, shop: string, request: ReturnRequestWithLines): Promise<SeenReturn | null> {
  const plan = storedPlan(request);
  if (!plan) return null;
  const data = await admin.request(ORDER_RETURNS, { id: request.orderId, lines: plan.length });
  // a Return with more lines than the plan (its page was cut) cannot be the plan's
  const returns: SeenReturn[] = (data.order?.returns.nodes ?? []).filter((r) => !r.returnLineItems.pageInfo.hasNextPage).map((r) => ({
    id: r.id,
    status: r.status as ShopifyReturnStatus,
    createdAt: String(r.createdAt),
    lines: r.returnLineItems.nodes.flatMap((n) =>
      "fulfillmentLineItem" in n && n.fulfillmentLineItem
        ? [{ fulfillmentLineItemId: n.fulfillmentLineItem.id, quantity: n.quantity, returnReasonDefinitionId: n.returnReasonDefinition?.id ?? null, customerNote: n.customerNote ?? null }]
        : [],
    ),
  }));
  for (const r of madeReturnCandidates(plan, returns, madeSince(request))) {
    const owner = await repos.returnRequests.findByShopifyReturnId(shop, r.id);
    if (!owner || owner.id === request.id) return r;
  }
  return null;
}

/** Thrown when another request already owns the Return (the unique shopifyReturnId refused it). */
export class ReturnOwnedElsewhereError extends Error {
  override name = "ReturnOwnedElsewhereError";
}

/**
 * Writes the Return onto the request, and moves the request on when Shopify already has (an adopted
 * Return a merchant approved, declined or a shopper cancelled meanwhile); never backwards.
 */
export async function recordReturnOnRequest(
  repos: Repos,
  shop: string,
  request: ReturnRequestWithLines,
  ret: { id: string; status?: ShopifyReturnStatus },
  now: Date,
): Promise<ReturnRequestWithLines> {
  let current = request;
  for (let i = 0; i < 5; i++) {
    const to = ret.status ? reconcileStatus(current.status, { status: ret.status, refundCount: 0 }) : null;
    if (current.shopifyReturnId === ret.id && !to) return current;
    try {
      return await repos.returnRequests.transition(shop, current.id, {
        expectedLockVersion: current.lockVersion,
        ...(to ? { to } : {}),
        patch: { shopifyReturnId: ret.id, lastError: null, lastErrorAt: null },
        now,
      });
    } catch (e) {
      if (isUniqueViolation(e)) throw new ReturnOwnedElsewhereError(`Shopify return ${ret.id} already belongs to another request`);
      if (!(e instanceof StaleRecordError)) throw e;
      current = (await repos.returnRequests.findById(shop, current.id)) ?? current;
    }
  }
  return current;
}

export type WebhookAdoption = { outcome: "adopted"; request: ReturnRequestWithLines } | { outcome: "not_this" } | { outcome: "wait"; why: string };

/**
 * For the returns/request webhook of a Return no request owns: whether `request` (the app's own
 * submission on the same order, no Return recorded yet) made it, and if so records it there. "wait"
 * while a live submit may still record it itself (the webhook is redelivered later).
 */
export async function adoptFromWebhook(
  deps: { admin: AdminClient; now: () => Date },
  repos: Repos,
  shop: string,
  request: ReturnRequestWithLines,
  ret: { id: string; status: ShopifyReturnStatus },
): Promise<WebhookAdoption> {
  const returnId = ret.id;
  const key = returnRequestKey(request.id);
  const now = deps.now();
  const op = await repos.operations.get(shop, key);
  const record = async (): Promise<WebhookAdoption> => {
    try {
      const updated = await recordReturnOnRequest(repos, shop, request, ret, deps.now());
      await repos.events.append(shop, { requestId: request.id, type: "shopify_return_adopted", actor: "webhook", at: deps.now(), payload: { returnId } });
      return { outcome: "adopted", request: updated };
    } catch (e) {
      if (e instanceof ReturnOwnedElsewhereError) return { outcome: "not_this" };
      throw e;
    }
  };
  if (op?.status === "succeeded") {
    // The submit recorded Shopify's answer in the ledger and died before the request.
    return (op.result as { returnId?: unknown } | null)?.returnId === returnId ? record() : { outcome: "not_this" };
  }
  if (!op) {
    // Stored, returnRequest not claimed yet: a live submit is about to send it; a dead one never did.
    return request.createdAt.getTime() + RETURN_REQUEST_LEASE_MS > now.getTime()
      ? { outcome: "wait", why: `request ${request.id} is about to be sent to Shopify` }
      : { outcome: "not_this" };
  }
  if (op.status === "pending" && op.lockedUntil !== null && op.lockedUntil.getTime() > now.getTime()) {
    return { outcome: "wait", why: `request ${request.id} is being sent to Shopify` };
  }
  // Its owner died or its last attempt failed: the app may have made this Return without knowing.
  if (!storedPlan(request)) {
    // (a request stored before plans were kept: leave it to the shopper's retry, as before)
    return op.status === "pending" || op.error?.startsWith(UNCERTAIN)
      ? { outcome: "wait", why: `request ${request.id} may have made this Return` }
      : { outcome: "not_this" };
  }
  const made = await findMadeReturn(deps.admin, repos, shop, request);
  if (made?.id !== returnId) return { outcome: "not_this" };
  const claim = await repos.operations.claim(shop, { key, kind: "returnRequest", now, leaseMs: RETURN_REQUEST_LEASE_MS });
  if (claim.outcome === "busy") return { outcome: "wait", why: `request ${request.id} is being retried` };
  if (claim.outcome === "done") return (claim.result as { returnId?: unknown } | null)?.returnId === returnId ? record() : { outcome: "not_this" };
  if (claim.outcome !== "claimed") return { outcome: "not_this" };
  const out = await record();
  if (out.outcome === "adopted") {
    await repos.operations.complete(shop, key, { result: { returnId }, now: deps.now(), attempt: claim.attempt });
  } else {
    await repos.operations.fail(shop, key, { error: `Shopify return ${returnId} belongs to another request`, now: deps.now(), attempt: claim.attempt });
  }
  return out;
}
