// Staff actions on a return request, exactly once:
//  1. the request is read scoped by shop (another shop's id is a 404) and checked against the state
//     machine (app/returns/request-state.ts); a repeat of a finished action is a no-op success;
//  2. the operations ledger is claimed under `<action>:<requestId>` (unique per shop): double clicks,
//     retries and other app instances get "done" (reuse the result) or "busy" (409), never a 2nd call;
//  3. a claim that is not the first attempt re-reads the Return at Shopify first, because the last
//     attempt may have applied in transit (non-idempotent mutations: AdminTransportError.mayHaveApplied);
//  4. the ledger is completed before the request moves (lockVersion, retried on a stale read), so a
//     crash in between is healed by the next call finding the ledger "done";
//  5. a failure keeps the request in its status with a readable lastError and an `<action>_failed`
//     event holding the pending action, which retryLastAction replays.
// Every decision appends a ReturnEvent: who (deps.actor), when (deps.now), what, and Shopify's answer.
import {
  ActionArgsError,
  ACTIONS,
  checkAction,
  describePending,
  parseActionArgs,
  parsePendingAction,
  pendingAction,
  targetStatus,
  type ActionArgs,
  type FailureKind,
  type StaffAction,
} from "~/returns/request-state";
import {
  DbInputError,
  InvalidTransitionError,
  StaleRecordError,
  type Repos,
  type ReturnRequestWithLines,
} from "~/db";
import {
  AdminGraphQLError,
  AdminThrottledError,
  AdminTransportError,
  ShopifyUserError,
} from "~/shopify/admin-client";
import { formatMoney, storeCreditWithBonus, verdictOf } from "~/returns";
import type { RefundArgs } from "~/returns/request-state";
import { approveAtShopify, approveExchangeAtShopify, closeAtShopify, declineAtShopify, refundAtShopify, StepError, type BonusCredit, type RefundMoney, type Settlement } from "./shopify-steps";
import { failure, type ActionResult, type ShopifyErrorEntry, type StaffDeps } from "./types";

/** How long a claim holds before another instance may take over a crashed attempt. */
export const LEASE_MS = 60_000;

export const EVENT_TYPE: Record<StaffAction, string> = {
  approve: "approved",
  decline: "declined",
  receive: "received",
  refund: "refunded",
  close: "closed",
};

export function operationKey(action: StaffAction, requestId: string): string {
  return `${action}:${requestId}`;
}

async function load(repos: Repos, shop: string, id: string): Promise<ReturnRequestWithLines | null> {
  try {
    return await repos.returnRequests.findById(shop, id);
  } catch (e) {
    if (e instanceof DbInputError) return null; // malformed shop or id: nothing of yours
    throw e;
  }
}

/** Moves the request to `to` under its lockVersion, re-reading on a concurrent change. */
async function moveTo(
  repos: Repos,
  shop: string,
  request: ReturnRequestWithLines,
  action: StaffAction,
  to: ReturnRequestWithLines["status"],
  now: Date,
  extra: { shopifyReturnId?: string } = {},
): Promise<{ request: ReturnRequestWithLines; moved: boolean; changed: boolean }> {
  let current = request;
  for (let i = 0; i < 8; i++) {
    if (current.status === to && (extra.shopifyReturnId === undefined || current.shopifyReturnId === extra.shopifyReturnId)) {
      if (current.lastError === null) return { request: current, moved: false, changed: false };
    }
    const from = current.status === to ? [to] : [...ACTIONS[action].from, "failed" as const];
    try {
      const updated = await repos.returnRequests.transition(shop, current.id, {
        expectedLockVersion: current.lockVersion,
        from,
        to,
        patch: { lastError: null, lastErrorAt: null, ...extra },
        now,
      });
      // changed: this caller's write took (moved, or cleared the error of a request already there)
      return { request: updated, moved: current.status !== to, changed: true };
    } catch (e) {
      if (e instanceof StaleRecordError || e instanceof InvalidTransitionError) {
        const again = await repos.returnRequests.findById(shop, current.id);
        if (!again) throw e;
        if (e instanceof InvalidTransitionError && again.status !== to) return { request: again, moved: false, changed: false };
        current = again;
        continue;
      }
      throw e;
    }
  }
  throw new Error(`return request ${request.id}: could not record ${action} after repeated concurrent changes`);
}

async function recordFailure(
  repos: Repos,
  shop: string,
  requestId: string,
  message: string,
  now: Date,
): Promise<void> {
  for (let i = 0; i < 8; i++) {
    const r = await repos.returnRequests.findById(shop, requestId);
    if (!r) return;
    try {
      await repos.returnRequests.transition(shop, requestId, {
        expectedLockVersion: r.lockVersion,
        patch: { lastError: message, lastErrorAt: now },
        now,
      });
      return;
    } catch (e) {
      if (e instanceof StaleRecordError) continue;
      throw e;
    }
  }
}

interface Classified {
  kind: FailureKind;
  status: 422 | 502;
  code: string;
  message: string;
  mayHaveApplied: boolean;
  shopifyErrors?: ShopifyErrorEntry[];
}

function classify(e: unknown): Classified {
  if (e instanceof ShopifyUserError) {
    return {
      kind: "user_error",
      status: 422,
      code: "shopify_user_error",
      message: e.userErrors.map((u) => u.message).join("; ") || e.message,
      mayHaveApplied: false,
      shopifyErrors: e.userErrors.map((u) => ({ field: u.field ? [...u.field] : null, message: u.message, code: u.code ?? null })),
    };
  }
  if (e instanceof StepError) return { kind: "user_error", status: 422, code: e.code, message: e.message, mayHaveApplied: false };
  if (e instanceof AdminThrottledError) return { kind: "throttled", status: 502, code: "shopify_throttled", message: e.message, mayHaveApplied: false };
  if (e instanceof AdminTransportError) {
    return { kind: "transport", status: 502, code: "shopify_unavailable", message: e.message, mayHaveApplied: e.mayHaveApplied };
  }
  if (e instanceof AdminGraphQLError) return { kind: "graphql", status: 502, code: "shopify_error", message: e.message, mayHaveApplied: false };
  throw e;
}

async function notifyDefault(repos: Repos, shop: string): Promise<boolean> {
  return (await repos.shops.get(shop))?.notifyCustomer ?? true;
}

/** The restock choice staff made at receipt (latest "received" event). */
async function restockChoice(repos: Repos, shop: string, requestId: string): Promise<boolean> {
  const events = await repos.events.listForRequest(shop, requestId);
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i]!;
    if (e.type === "received") return (e.payload as { restock?: unknown } | null)?.restock === true;
  }
  return false;
}

async function atShopify<A extends StaffAction>(
  deps: StaffDeps,
  repos: Repos,
  shop: string,
  request: ReturnRequestWithLines,
  action: A,
  args: ActionArgs[A],
  reconcile: boolean,
): Promise<unknown> {
  const returnId = request.shopifyReturnId!;
  const opts = { reconcile };
  switch (action) {
    case "approve": {
      const a = args as ActionArgs["approve"];
      const verdict = verdictOf(request);
      const plan = verdict.plan?.returnLineItems;
      if (verdict.exchange && plan?.length) {
        // a replacement or exchange: the requested Return makes way for one with the new items
        return approveExchangeAtShopify(
          deps.admin,
          returnId,
          { orderId: request.orderId, plan, exchange: verdict.exchange },
          {
            ...opts,
            ownedElsewhere: async (id) => {
              const owner = await repos.returnRequests.findByShopifyReturnId(shop, id);
              return owner !== null && owner.id !== request.id;
            },
          },
        );
      }
      return approveAtShopify(deps.admin, returnId, a, a.notifyCustomer ?? (await notifyDefault(repos, shop)), opts);
    }
    case "decline": {
      const a = args as ActionArgs["decline"];
      return declineAtShopify(deps.admin, returnId, a, a.notifyCustomer ?? (await notifyDefault(repos, shop)), opts);
    }
    case "refund": {
      const money = refundMoneyOf(request, args as ActionArgs["refund"]);
      // runAction refused a refund of nothing before claiming; a request cannot lose its money since
      if (!money) throw new Error(`refund of request ${request.id}: nothing to refund`);
      return refundAtShopify(
        deps.admin,
        returnId,
        args as ActionArgs["refund"],
        money,
        await restockChoice(repos, shop, request.id),
        await notifyDefault(repos, shop),
        {
          ...opts,
          lines: returnLineCount(request),
          // decision 220: a retry adopts a bonus credit only when no other request of the customer holds it
          ...(request.customerId ? { bonusTakenElsewhere: () => repos.events.bonusCreditIdsOfCustomer(shop, request.customerId!, request.id) } : {}),
        },
      );
    }
    case "close":
      return closeAtShopify(deps.admin, returnId, opts);
    default:
      throw new Error(`${action} has no Shopify step`);
  }
}

/**
 * What a refund moves, decided here only: null when there is nothing to refund (processing a Return
 * with no refund leaves Shopify with none, and the request must not say "refunded", decision 160),
 * except for a replacement or an even exchange, which is processed with none: what came back pays for
 * the new items (decision 170). Store credit adds the bonus the policy offered when the request was
 * made, on the amount refunded now (after a staff override), rounded half up (decision 220).
 */
export function refundMoneyOf(request: Pick<ReturnRequestWithLines, "refundMinor" | "currency" | "verdict" | "lines">, args: RefundArgs): RefundMoney | null {
  const verdict = verdictOf(request);
  const exchangeItems = verdict.exchange !== undefined;
  if (request.refundMinor <= 0 && !exchangeItems) return null;
  const bonusBps = args.to === "store_credit" && !exchangeItems ? (verdict.storeCreditBonusBps ?? 0) : 0;
  const { bonusMinor } = storeCreditWithBonus(Math.max(0, request.refundMinor), bonusBps);
  return { amountMinor: request.refundMinor, currency: request.currency, bonusMinor, exchangeItems };
}

/** How many line items the Shopify Return holds: the stored plan's, else one per request line. */
function returnLineCount(request: ReturnRequestWithLines): number {
  const plan = verdictOf(request).plan?.returnLineItems;
  return Math.max(1, plan?.length ?? request.lines.length);
}

function eventPayload(action: StaffAction, args: unknown, from: string, to: string, request: ReturnRequestWithLines, shopifyResponse?: unknown) {
  const base: Record<string, unknown> = { action, from, to, ...(args as object) };
  if (action === "refund") {
    // what Shopify's record shows (refund ids and amounts read back), else what was asked
    const answer = shopifyResponse as { settled?: Settlement; bonus?: BonusCredit } | null | undefined;
    const settled = answer?.settled;
    const bonusMinor = answer?.bonus?.amountMinor ?? 0;
    // store credit with a bonus: the credit is the refund Shopify shows plus the bonus it credited (decision 220)
    base.amount = formatMoney((settled ? settled.totalMinor : request.refundMinor) + bonusMinor, request.currency);
    if (settled) base.settled = settled;
    if (answer?.bonus) base.bonus = { ...answer.bonus, amount: formatMoney(bonusMinor, request.currency) };
    // processing a replacement or exchange sends the new items (decision 170): the timeline, the activity
    // log and its CSV say so rather than "Refunded"
    const kind = verdictOf(request).exchange?.kind;
    if (kind) base.newItems = kind;
  }
  return base;
}

/** Runs one staff action. `rawArgs` is validated here; errors name the field (422). */
export async function runAction<A extends StaffAction>(
  deps: StaffDeps,
  shop: string,
  requestId: string,
  action: A,
  rawArgs: unknown,
): Promise<ActionResult> {
  let args: ActionArgs[A];
  try {
    args = parseActionArgs(action, rawArgs);
  } catch (e) {
    // Checked before anything is read or sent: e.g. a decline message over Shopify's 500-character declineNote.
    if (e instanceof ActionArgsError) return { ok: false, status: 422, error: { code: "invalid_argument", message: e.message, field: e.field } };
    throw e;
  }
  const { repos } = deps;
  const request = await load(repos, shop, requestId);
  if (!request) return failure(404, "not_found", `return request ${requestId} not found`);

  const check = checkAction(action, args, request);
  if (!check.ok) return failure(check.code === "invalid_transition" ? 409 : 422, check.code, check.message);
  if (check.alreadyDone) {
    // e.g. a webhook already recorded the outcome of a failed-looking call: clear its error
    if (request.lastError === null) return { ok: true, request };
    return { ok: true, request: (await moveTo(repos, shop, request, action, request.status, deps.now())).request };
  }
  if (action === "refund" && refundMoneyOf(request, args as ActionArgs["refund"]) === null) {
    return failure(422, "nothing_to_refund", "There is nothing to refund on this request. Close or decline the return instead.");
  }
  const to = targetStatus(action, args);

  if (ACTIONS[action].shopifyMutation === null) {
    // local step (receipt): the lockVersion alone makes it happen once
    const now = deps.now();
    const { request: updated, moved } = await moveTo(repos, shop, request, action, to, now);
    if (moved) {
      await repos.events.append(shop, { requestId, type: EVENT_TYPE[action], actor: deps.actor, at: now, payload: eventPayload(action, args, request.status, to, request) });
    }
    return { ok: true, request: updated };
  }

  const key = operationKey(action, requestId);
  const claim = await repos.operations.claim(shop, { key, kind: action, now: deps.now(), leaseMs: LEASE_MS });
  if (claim.outcome === "busy") return failure(409, "in_progress", `${action} is already under way for this request`);
  if (claim.outcome === "exhausted") return failure(409, "exhausted", `${action} gave up after ${claim.attempts} attempts`);

  let shopifyResponse: unknown;
  if (claim.outcome === "done") {
    // already happened (another click / instance, or a crash before the request moved): settle only
    shopifyResponse = claim.result;
  } else {
    try {
      shopifyResponse = await atShopify(deps, repos, shop, request, action, args, claim.attempt > 1);
    } catch (e) {
      const c = classify(e);
      const now = deps.now();
      await repos.operations.fail(shop, key, { error: c.message, now, attempt: claim.attempt });
      const pending = pendingAction(action, args, { kind: c.kind, message: c.message, mayHaveApplied: c.mayHaveApplied });
      await recordFailure(repos, shop, requestId, describePending(pending), now);
      const error = { code: c.code, message: c.message, ...(c.shopifyErrors ? { shopifyErrors: c.shopifyErrors } : {}) };
      await repos.events.append(shop, {
        requestId,
        type: `${action}_failed`,
        actor: deps.actor,
        at: now,
        payload: { pending, error },
        ...(c.shopifyErrors ? { shopifyResponse: { userErrors: c.shopifyErrors } } : {}),
      });
      return failure(c.status, c.code, c.message, c.shopifyErrors);
    }
    await repos.operations.complete(shop, key, { result: shopifyResponse ?? null, now: deps.now(), attempt: claim.attempt });
  }

  const now = deps.now();
  // The event is written by whichever caller's write moved the request (lockVersion decides), with
  // Shopify's answer from the ledger: a reconciling click can move it before the click that made the
  // call gets there, and both writing made two "approved" events (seen in CI on PostgreSQL).
  // an approved replacement or exchange lives on in the Return that holds the new items
  const exchangeReturnId = (shopifyResponse as { exchangeReturnId?: unknown } | null)?.exchangeReturnId;
  const extra = action === "approve" && typeof exchangeReturnId === "string" ? { shopifyReturnId: exchangeReturnId } : {};
  const { request: updated, changed } = await moveTo(repos, shop, request, action, to, now, extra);
  if (changed) {
    await repos.events.append(shop, {
      requestId,
      type: EVENT_TYPE[action],
      actor: deps.actor,
      at: now,
      payload: eventPayload(action, args, request.status, updated.status, request, shopifyResponse),
      shopifyResponse: shopifyResponse ?? null,
    });
  }
  return { ok: true, request: updated };
}

/** Replays the action whose Shopify call failed last (the request's lastError). */
export async function retryLast(deps: StaffDeps, shop: string, requestId: string): Promise<ActionResult> {
  const { repos } = deps;
  const request = await load(repos, shop, requestId);
  if (!request) return failure(404, "not_found", `return request ${requestId} not found`);
  if (request.lastError === null) return failure(409, "nothing_to_retry", "the request has no failed action");
  const events = await repos.events.listForRequest(shop, requestId);
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i]!;
    if (!e.type.endsWith("_failed")) continue;
    const pending = parsePendingAction((e.payload as { pending?: unknown } | null)?.pending);
    if (!pending) continue;
    return runAction(deps, shop, requestId, pending.action, pending.args);
  }
  return failure(409, "nothing_to_retry", "no failed action is recorded for this request");
}
