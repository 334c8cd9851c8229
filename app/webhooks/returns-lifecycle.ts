// Processing of returns/* and refunds/create webhooks.
//
// - returns/request for a Return the app did not create (Shopify's own self-serve returns): read the
//   Return and the order at Shopify, judge it by our policy (engine), store it in the same queue with
//   source "shopify_self_serve" (idempotent on the Shopify Return id), then auto-approve if configured.
// - every other lifecycle topic: re-read the Return at Shopify and reconcile our request to its
//   current state (reconcileStatus), so duplicated and out-of-order deliveries converge. Changes the
//   app is making itself (an operations-ledger entry pending or failed for the request) are left to
//   the staff action that owns them.
// Deduplication of deliveries by X-Shopify-Webhook-Id happens before this (handle.server.ts); this
// work is idempotent on its own as well.
import type { PrismaClient } from "~/db/client";
import { createRepos, InvalidTransitionError, StaleRecordError, type Repos, type ReturnRequestWithLines } from "~/db";
import { reconcileStatus, STAFF_ACTIONS, type RequestStatus, type ShopifyReturnStatus } from "~/returns/request-state";
import { buildStoredVerdict, judge, REASONS, type Reason } from "~/returns";
import { AdminTransportError, type AdminClient } from "~/shopify/admin-client";
import { loadOrderSnapshot } from "~/shopify/order-snapshot";
import { factsOf, readReturn, settlementOf, StepError, type Settlement, type ShopifyReturn } from "~/services/staff/shopify-steps";
import { maybeAutoApprove, operationKey } from "~/services/staff";
import { policyForOrder } from "~/services/policy-for-order";
import { adoptFromWebhook } from "~/services/returns/made-return";

/** Why a self-serve return waits for staff: its conditions and photos were never asked for. */
export const NOT_COLLECTED = "Condition and photos not collected by Shopify's form: check them when the parcel arrives";

export interface ReturnWebhookDeps {
  db: PrismaClient;
  admin: AdminClient;
  now: () => Date;
}

export const RETURN_TOPICS = [
  "RETURNS_REQUEST",
  "RETURNS_APPROVE",
  "RETURNS_DECLINE",
  "RETURNS_CANCEL",
  "RETURNS_CLOSE",
  "RETURNS_REOPEN",
  "RETURNS_PROCESS",
  "REFUNDS_CREATE",
] as const;

export type WebhookOutcome =
  | { outcome: "ignored"; reason: string }
  | { outcome: "imported"; requestId: string; autoApproved: boolean }
  /** a Return the app's own submission made, recorded on that request instead of imported */
  | { outcome: "adopted"; requestId: string; autoApproved: boolean }
  | { outcome: "unchanged"; requestId: string }
  | { outcome: "updated"; requestId: string; from: RequestStatus; to: RequestStatus };

/** Thrown to make Shopify deliver again later (the handler answers 500). */
export class RetryLaterError extends Error {
  override name = "RetryLaterError";
}

/** Reading failed for good (4xx other than 429: token revoked, scope missing): retrying cannot help. */
function permanent(e: unknown): string | null {
  if (e instanceof StepError) return e.message;
  if (e instanceof AdminTransportError && e.status !== undefined && e.status >= 400 && e.status < 500 && e.status !== 429) {
    return e.message;
  }
  return null;
}

function normaliseTopic(topic: string): string {
  return topic.toUpperCase().replace("/", "_");
}

function returnIdOf(topic: string, payload: Record<string, unknown>): string | null {
  if (topic === "REFUNDS_CREATE") {
    const r = payload.return as { admin_graphql_api_id?: unknown } | null | undefined;
    return typeof r?.admin_graphql_api_id === "string" ? r.admin_graphql_api_id : null;
  }
  const id = payload.admin_graphql_api_id;
  if (typeof id === "string") return id;
  if (typeof payload.id === "number" || typeof payload.id === "string") return `gid://shopify/Return/${payload.id}`;
  return null;
}

export async function processReturnWebhook(
  deps: ReturnWebhookDeps,
  shop: string,
  rawTopic: string,
  payload: Record<string, unknown>,
): Promise<WebhookOutcome> {
  const topic = normaliseTopic(rawTopic);
  if (!(RETURN_TOPICS as readonly string[]).includes(topic)) return { outcome: "ignored", reason: `topic ${rawTopic}` };
  const returnId = returnIdOf(topic, payload);
  if (!returnId) return { outcome: "ignored", reason: "no return in payload" };
  const repos = createRepos(deps.db);
  const existing = await repos.returnRequests.findByShopifyReturnId(shop, returnId);
  if (!existing) {
    if (topic !== "RETURNS_REQUEST") {
      // a Return we never stored: bring it in if it is still awaiting a decision, else nothing to do
      return importSelfServe(deps, repos, shop, returnId, { onlyIfRequested: true });
    }
    return importSelfServe(deps, repos, shop, returnId, { onlyIfRequested: false });
  }
  return reconcile(deps, repos, shop, existing, topic);
}

async function appActionInFlight(repos: Repos, shop: string, requestId: string): Promise<boolean> {
  for (const action of STAFF_ACTIONS) {
    const op = await repos.operations.get(shop, operationKey(action, requestId));
    if (op && op.status !== "succeeded") return true;
  }
  return false;
}

/** Shopify's refund ids and amounts on the Return, recorded with the event the request moved by (decision 160). */
function settledOf(ret: ShopifyReturn, currency: string): { settled?: Settlement } {
  try {
    return ret.refunds && ret.refunds.nodes.length > 0 ? { settled: settlementOf(ret.refunds.nodes, currency) } : {};
  } catch (e) {
    if (e instanceof StepError) return {}; // another currency: the reconciliation job reports it
    throw e;
  }
}

async function reconcile(
  deps: ReturnWebhookDeps,
  repos: Repos,
  shop: string,
  request: ReturnRequestWithLines,
  topic: string,
): Promise<WebhookOutcome> {
  if (await appActionInFlight(repos, shop, request.id)) return { outcome: "unchanged", requestId: request.id };
  let ret: ShopifyReturn;
  try {
    ret = (await readReturn(deps.admin, request.shopifyReturnId!)).ret;
  } catch (e) {
    const why = permanent(e);
    if (why !== null) return { outcome: "ignored", reason: why };
    throw e;
  }
  const facts = factsOf(ret);
  let current = request;
  for (let i = 0; i < 8; i++) {
    const to = reconcileStatus(current.status, { status: facts.status, refundCount: facts.refundCount });
    if (to === null) return { outcome: "unchanged", requestId: request.id };
    const now = deps.now();
    try {
      const updated = await repos.returnRequests.transition(shop, current.id, {
        expectedLockVersion: current.lockVersion,
        to,
        patch: { lastError: null, lastErrorAt: null },
        now,
      });
      await repos.events.append(shop, {
        requestId: current.id,
        type: `shopify_${topic.toLowerCase()}`,
        actor: "webhook",
        at: now,
        payload: { from: current.status, to, topic },
        shopifyResponse: { status: ret.status, refunds: facts.refundCount, decline: ret.decline ?? null, ...settledOf(ret, current.currency) },
      });
      return { outcome: "updated", requestId: current.id, from: current.status, to: updated.status };
    } catch (e) {
      if (!(e instanceof StaleRecordError || e instanceof InvalidTransitionError)) throw e;
      const again = await repos.returnRequests.findById(shop, current.id);
      if (!again) return { outcome: "ignored", reason: "request vanished" };
      current = again;
    }
  }
  throw new RetryLaterError(`return request ${request.id} kept changing while reconciling`);
}

function reasonFromHandle(handles: Partial<Record<Reason, string>>, handle: string | null | undefined): Reason {
  if (handle) {
    for (const r of REASONS) if (handles[r] === handle) return r;
  }
  return "OTHER";
}

async function importSelfServe(
  deps: ReturnWebhookDeps,
  repos: Repos,
  shop: string,
  returnId: string,
  opts: { onlyIfRequested: boolean },
): Promise<WebhookOutcome> {
  let ret: ShopifyReturn;
  try {
    ret = (await readReturn(deps.admin, returnId)).ret;
  } catch (e) {
    const why = permanent(e);
    if (why !== null) return { outcome: "ignored", reason: why };
    throw e;
  }
  const orderId = ret.order.id;

  // The app's own submit stores the request, then calls returnRequest, then records the Return id;
  // this webhook can overtake that last step, or come after the submit died past Shopify applying it.
  // Such a Return is the submission's: wait for a live submit to record it, adopt it for a dead one.
  for (const mine of await repos.returnRequests.listForOrder(shop, orderId)) {
    if (mine.source !== "app" || mine.shopifyReturnId !== null || mine.status === "cancelled") continue;
    const adoption = await adoptFromWebhook(deps, repos, shop, mine, { id: returnId, status: ret.status as ShopifyReturnStatus });
    if (adoption.outcome === "wait") throw new RetryLaterError(`${adoption.why}; this Return on ${orderId} may be its own`);
    if (adoption.outcome === "adopted") {
      const auto = await maybeAutoApprove({ repos, admin: deps.admin, now: deps.now, actor: "auto" }, shop, mine.id);
      return { outcome: "adopted", requestId: mine.id, autoApproved: Boolean(auto?.ok) };
    }
  }
  if (opts.onlyIfRequested && ret.status !== "REQUESTED") return { outcome: "ignored", reason: `unknown return is ${ret.status}` };

  const snap = await loadOrderSnapshot(deps.admin, orderId);
  if (!snap) return { outcome: "ignored", reason: `order ${orderId} not found` };
  const choice = await policyForOrder(repos, shop, snap.order.processedAt);
  const handles = choice.policy.reasons.shopifyHandles as Partial<Record<Reason, string>>;
  const items = ret.returnLineItems.nodes.flatMap((l) =>
    "fulfillmentLineItem" in l && l.fulfillmentLineItem.lineItem
      ? [{ id: l.id, lineItemId: l.fulfillmentLineItem.lineItem.id, fulfillmentLineItemId: l.fulfillmentLineItem.id, quantity: l.quantity, reason: reasonFromHandle(handles, l.returnReasonDefinition?.handle), note: l.customerNote ?? "" }]
      : [],
  );
  if (items.length === 0) return { outcome: "ignored", reason: "return has no verifiable line items" };
  // Shopify already counts this Return's own units as no longer returnable: judged against them, every
  // import would be refused for quantity and priced at 0. Judge them as the units the Return asks for.
  const own = new Map<string, number>();
  if (ret.status !== "CANCELED" && ret.status !== "DECLINED") for (const it of items) own.set(it.lineItemId, (own.get(it.lineItemId) ?? 0) + it.quantity);
  const order = { ...snap.order, lines: snap.order.lines.map((l) => ({ ...l, returnedQuantity: Math.max(0, l.returnedQuantity - (own.get(l.id) ?? 0)) })) };
  const now = deps.now();
  // Shopify's own flow collects no condition attestations or photos: judge the Return on what it does
  // tell (window, items, quantities, reasons) and price its units; what only the shopper could attest
  // is left to staff ("review"), never a reason to refund nothing or to decline.
  const judgeLines = (checkAttestations: boolean) =>
    judge({
      policy: choice.policy,
      order,
      shop: snap.shop,
      now,
      locale: "en",
      checkAttestations,
      lines: items.map((it) => ({ lineItemId: it.lineItemId, quantity: it.quantity, reason: it.reason, conditions: [], photos: 0, note: it.note })),
    });
  const j = judgeLines(false);
  const attested = judgeLines(true);
  const decision = j.evaluation.decision === "approve" && attested.evaluation.decision !== "approve" ? "review" : j.evaluation.decision;
  // the refund per line, for the eligible lines (computeRefund prices those, in order)
  const lineRefund = new Map<number, number>();
  let e = 0;
  j.evaluation.lines.forEach((d, k) => {
    if (d.eligible) lineRefund.set(k, j.refund.lines[e++]?.refundMinor ?? 0);
  });
  const nothingToRefund = j.refund.totalMinor === 0;
  const why = j.evaluation.lines.find((d) => !d.eligible)?.explanation ?? "";
  const { request, created } = await repos.returnRequests.create(shop, {
    idempotencyKey: `shopify-return:${returnId}`,
    orderId,
    orderName: ret.order.name,
    customerId: ret.order.customer?.id ?? snap.customerId,
    status: "requested",
    policyVersion: choice.version,
    verdict: buildStoredVerdict({ evaluation: j.evaluation, refund: j.refund, policySource: choice.source, locale: "en", decision, attestations: "not_collected" }),
    currency: snap.order.currency,
    refundMinor: j.refund.totalMinor,
    feesMinor: j.refund.restockingMinor + j.refund.returnShippingFeeMinor,
    shopifyReturnId: returnId,
    source: "shopify_self_serve",
    // never priced at 0 silently: staff see why before anyone refunds nothing
    ...(nothingToRefund ? { lastError: `Imported from Shopify with nothing to refund under the policy${why ? `: ${why}` : ""}`.slice(0, 2000), lastErrorAt: now } : {}),
    lines: items.map((it, k) => {
      const d = j.evaluation.lines[k];
      return {
        lineItemId: it.lineItemId,
        fulfillmentLineItemId: it.fulfillmentLineItemId,
        title: snap.order.lines.find((x) => x.id === it.lineItemId)?.title ?? it.lineItemId,
        quantity: it.quantity,
        reason: it.reason,
        note: it.note || null,
        eligible: d?.eligible ?? false,
        codes: d ? [...d.codes] : [],
        refundMinor: lineRefund.get(k) ?? 0,
      };
    }),
    now,
  });
  if (!created) return { outcome: "unchanged", requestId: request.id };
  await repos.events.append(shop, {
    requestId: request.id,
    type: "imported_self_serve",
    actor: "webhook",
    at: now,
    // staff see why it waits for them: what Shopify's form never asks is not a failure, and not a 0
    payload: { returnName: ret.name, decision, refundMinor: j.refund.totalMinor, ...(decision === "review" ? { reason: NOT_COLLECTED } : {}) },
    shopifyResponse: { status: ret.status },
  });
  const auto = await maybeAutoApprove({ repos, admin: deps.admin, now: deps.now, actor: "auto" }, shop, request.id);
  return { outcome: "imported", requestId: request.id, autoApproved: Boolean(auto?.ok) };
}
