// The life of a return request, as a pure state machine: which staff actions are allowed in which
// status, where each one leads, what it needs, and how a failed Shopify call is represented so the
// request stays visible and retryable. No Shopify, Prisma or clock here; callers pass facts in.
//
//   requested --approve--> approved --receive--> received --refund--> refunded|credited --close--> closed
//       \--decline--> declined        \------------refund-----------/        approved|received --close--> closed
//   (cancelled arrives from Shopify; "failed" is a legacy status treated like its pending action's source;
//    requested --Shopify refuses to open the Return--> refused.)

export const REQUEST_STATUSES = [
  "requested",
  "approved",
  "declined",
  "received",
  "refunded",
  "credited",
  "closed",
  "cancelled",
  "failed",
  // Shopify refused to open the Return of an accepted request (the order changed since the facts it was
  // judged against were read: docs/decisions/180). Final; the reason is the request's lastError.
  "refused",
] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

export const STAFF_ACTIONS = ["approve", "decline", "receive", "refund", "close"] as const;
export type StaffAction = (typeof STAFF_ACTIONS)[number];

export const DECLINE_REASONS = ["RETURN_PERIOD_ENDED", "FINAL_SALE", "OTHER"] as const;
export type DeclineReason = (typeof DECLINE_REASONS)[number];

export const REFUND_TARGETS = ["original_payment", "store_credit"] as const;
export type RefundTarget = (typeof REFUND_TARGETS)[number];

export interface ApproveArgs {
  note?: string;
  returnLabelUrl?: string;
  trackingNumber?: string;
  carrierName?: string;
  notifyCustomer?: boolean;
}
export interface DeclineArgs {
  reason: DeclineReason;
  message?: string;
  notifyCustomer?: boolean;
}
export interface ReceiveArgs {
  restock: boolean;
}
export interface RefundArgs {
  to: RefundTarget;
}
export type CloseArgs = Record<string, never>;

export type ActionArgs = {
  approve: ApproveArgs;
  decline: DeclineArgs;
  receive: ReceiveArgs;
  refund: RefundArgs;
  close: CloseArgs;
};

export interface ActionSpec {
  /** statuses the action may start from */
  from: readonly RequestStatus[];
  /** the Shopify mutation it runs, or null for a local-only step */
  shopifyMutation: string | null;
  /** whether Shopify de-duplicates the mutation by an idempotency key (else the app must) */
  shopifyIdempotent: boolean;
  /** needs the Shopify Return id on the request */
  needsShopifyReturn: boolean;
}

export const ACTIONS: Record<StaffAction, ActionSpec> = {
  approve: { from: ["requested"], shopifyMutation: "returnApproveRequest", shopifyIdempotent: false, needsShopifyReturn: true },
  decline: { from: ["requested"], shopifyMutation: "returnDeclineRequest", shopifyIdempotent: false, needsShopifyReturn: true },
  receive: { from: ["approved"], shopifyMutation: null, shopifyIdempotent: false, needsShopifyReturn: true },
  refund: { from: ["approved", "received"], shopifyMutation: "returnProcess", shopifyIdempotent: false, needsShopifyReturn: true },
  close: { from: ["approved", "received", "refunded", "credited"], shopifyMutation: "returnClose", shopifyIdempotent: false, needsShopifyReturn: true },
};

/**
 * The staff actions a request in `status` offers (what the detail screen shows): exactly those whose
 * source statuses include it, so a screen never offers what `checkAction` would refuse. A "failed"
 * request offers none; its pending action is retried as it was.
 */
export function actionsFor(status: RequestStatus): StaffAction[] {
  return STAFF_ACTIONS.filter((a) => ACTIONS[a].from.includes(status));
}

/**
 * What staff are told a request's status means (badge, queue, activity): a replacement or exchange whose
 * Return was processed is "refunded" (or "credited", when a cheaper exchange's difference went back as
 * store credit) in the state machine, because processing is the refund step, but what happened is that
 * the new items were sent (decision 170), so it shows as "replaced" / "exchanged". Every other status
 * shows as it is; "closed" stays closed.
 */
export type ShownStatus = RequestStatus | "replaced" | "exchanged";

export function shownStatus(status: RequestStatus, exchangeKind: "replacement" | "exchange" | null | undefined): ShownStatus {
  if (!exchangeKind || (status !== "refunded" && status !== "credited")) return status;
  return exchangeKind === "replacement" ? "replaced" : "exchanged";
}

export const TERMINAL_STATUSES: readonly RequestStatus[] = ["declined", "closed", "cancelled", "refused"];

export function isTerminal(status: RequestStatus): boolean {
  return TERMINAL_STATUSES.includes(status);
}

/** Where an action leads. */
export function targetStatus<A extends StaffAction>(action: A, args: ActionArgs[A]): RequestStatus {
  switch (action) {
    case "approve":
      return "approved";
    case "decline":
      return "declined";
    case "receive":
      return "received";
    case "refund":
      return (args as RefundArgs).to === "store_credit" ? "credited" : "refunded";
    case "close":
      return "closed";
  }
  throw new Error(`unknown action ${String(action)}`);
}

export type Check =
  | { ok: true; alreadyDone: false }
  /** the request already is where this action leads: a repeat (double click) is a no-op success */
  | { ok: true; alreadyDone: true }
  | { ok: false; code: "invalid_transition" | "missing_shopify_return"; message: string };

/** Whether `action` may run on a request in `status` (with or without a Shopify Return id). */
export function checkAction<A extends StaffAction>(
  action: A,
  args: ActionArgs[A],
  request: { status: RequestStatus; shopifyReturnId: string | null },
): Check {
  const spec = ACTIONS[action];
  if (request.status === targetStatus(action, args)) return { ok: true, alreadyDone: true };
  // refund to either target counts as done once money went back
  if (action === "refund" && (request.status === "refunded" || request.status === "credited")) return { ok: true, alreadyDone: true };
  if (!spec.from.includes(request.status)) {
    return {
      ok: false,
      code: "invalid_transition",
      message: `cannot ${action} a request that is ${request.status} (allowed from ${spec.from.join(", ")})`,
    };
  }
  if (spec.needsShopifyReturn && !request.shopifyReturnId) {
    return { ok: false, code: "missing_shopify_return", message: `cannot ${action}: the request has no Shopify return yet` };
  }
  return { ok: true, alreadyDone: false };
}

export class ActionArgsError extends Error {
  override name = "ActionArgsError";
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
  }
}

function optionalText(field: string, v: unknown, max: number): string | undefined {
  if (v === undefined || v === null || v === "") return undefined;
  if (typeof v !== "string") throw new ActionArgsError(field, "must be a string");
  if (v.length > max) throw new ActionArgsError(field, `must be at most ${max} characters`);
  return v;
}

function optionalBool(field: string, v: unknown): boolean | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v !== "boolean") throw new ActionArgsError(field, "must be true or false");
  return v;
}

/** Validates what an action needs; errors name the field. */
export function parseActionArgs<A extends StaffAction>(action: A, raw: unknown): ActionArgs[A] {
  const o = (raw ?? {}) as Record<string, unknown>;
  if (typeof o !== "object" || Array.isArray(o)) throw new ActionArgsError("args", "must be an object");
  switch (action) {
    case "approve": {
      const url = optionalText("returnLabelUrl", o.returnLabelUrl, 2048);
      if (url !== undefined) {
        let ok = false;
        try {
          ok = ["https:", "http:"].includes(new URL(url).protocol);
        } catch {
          ok = false;
        }
        if (!ok) throw new ActionArgsError("returnLabelUrl", "must be an http(s) URL");
      }
      const out: ApproveArgs = {};
      const note = optionalText("note", o.note, 5000);
      const tracking = optionalText("trackingNumber", o.trackingNumber, 255);
      const carrier = optionalText("carrierName", o.carrierName, 255);
      const notify = optionalBool("notifyCustomer", o.notifyCustomer);
      if (note !== undefined) out.note = note;
      if (url !== undefined) out.returnLabelUrl = url;
      if (tracking !== undefined) out.trackingNumber = tracking;
      if (carrier !== undefined) out.carrierName = carrier;
      if (notify !== undefined) out.notifyCustomer = notify;
      return out as ActionArgs[A];
    }
    case "decline": {
      if (typeof o.reason !== "string" || !(DECLINE_REASONS as readonly string[]).includes(o.reason)) {
        throw new ActionArgsError("reason", `must be one of ${DECLINE_REASONS.join(", ")}`);
      }
      const out: DeclineArgs = { reason: o.reason as DeclineReason };
      // Shopify's ReturnDeclineRequestInput.declineNote: "Maximum length: 500 characters"
      // (https://shopify.dev/docs/api/admin-graphql/2026-07/input-objects/ReturnDeclineRequestInput); a longer
      // one would fail at Shopify after the staff member pressed Decline.
      const message = optionalText("message", o.message, 500);
      const notify = optionalBool("notifyCustomer", o.notifyCustomer);
      if (message !== undefined) out.message = message;
      if (notify !== undefined) out.notifyCustomer = notify;
      return out as ActionArgs[A];
    }
    case "receive": {
      if (typeof o.restock !== "boolean") throw new ActionArgsError("restock", "must be true or false");
      return { restock: o.restock } as ActionArgs[A];
    }
    case "refund": {
      if (typeof o.to !== "string" || !(REFUND_TARGETS as readonly string[]).includes(o.to)) {
        throw new ActionArgsError("to", `must be one of ${REFUND_TARGETS.join(", ")}`);
      }
      return { to: o.to as RefundTarget } as ActionArgs[A];
    }
    case "close":
      return {} as ActionArgs[A];
  }
  throw new ActionArgsError("action", `must be one of ${STAFF_ACTIONS.join(", ")}`);
}

// ---------- failure / pending action ----------

export type FailureKind = "user_error" | "throttled" | "transport" | "graphql";

/**
 * A staff action whose Shopify call failed. Stored with the request (event payload + readable
 * lastError) so the request stays in its status, shows the failure and can be retried as-is.
 */
export interface PendingAction<A extends StaffAction = StaffAction> {
  action: A;
  args: ActionArgs[A];
  kind: FailureKind;
  message: string;
  /** the call may have applied at Shopify (non-idempotent mutation lost in transit): re-read first */
  mayHaveApplied: boolean;
  /** throttling and transport failures heal by retrying; user errors need a changed situation */
  retryable: boolean;
}

export function pendingAction<A extends StaffAction>(
  action: A,
  args: ActionArgs[A],
  failure: { kind: FailureKind; message: string; mayHaveApplied?: boolean },
): PendingAction<A> {
  return {
    action,
    args,
    kind: failure.kind,
    message: failure.message,
    mayHaveApplied: failure.mayHaveApplied ?? false,
    retryable: failure.kind !== "user_error",
  };
}

/** The one-line lastError staff see in the queue. */
export function describePending(p: PendingAction): string {
  const what = { user_error: "Shopify refused", throttled: "Shopify was busy", transport: "Shopify did not answer", graphql: "Shopify error" }[p.kind];
  return `${p.action} failed: ${what}: ${p.message}`.slice(0, 2000);
}

/** Parses a stored PendingAction (event payload); null when it is not one. */
export function parsePendingAction(v: unknown): PendingAction | null {
  if (!v || typeof v !== "object") return null;
  const o = v as Record<string, unknown>;
  if (typeof o.action !== "string" || !(STAFF_ACTIONS as readonly string[]).includes(o.action)) return null;
  try {
    const args = parseActionArgs(o.action as StaffAction, o.args);
    return {
      action: o.action as StaffAction,
      args,
      kind: (["user_error", "throttled", "transport", "graphql"] as const).find((k) => k === o.kind) ?? "graphql",
      message: typeof o.message === "string" ? o.message : "",
      mayHaveApplied: o.mayHaveApplied === true,
      retryable: o.retryable !== false,
    };
  } catch {
    return null;
  }
}

// ---------- Shopify's view ----------

export type ShopifyReturnStatus = "REQUESTED" | "OPEN" | "DECLINED" | "CLOSED" | "CANCELED";

/**
 * Whether Shopify's Return already shows the effect of `action` (reconciling a mutation that may have
 * applied in transit, or a webhook echo of our own call).
 */
export function shopifyShowsApplied(
  action: StaffAction,
  ret: { status: ShopifyReturnStatus; unprocessedQuantity: number; refundCount: number },
): boolean {
  switch (action) {
    case "approve":
      return ret.status === "OPEN" || ret.status === "CLOSED";
    case "decline":
      return ret.status === "DECLINED";
    case "receive":
      return false;
    case "refund":
      // Money went back only when Shopify shows a refund: lines processed without one (in the Shopify
      // admin, or a refund of nothing) are not a refund, and the request must not say it was.
      return ret.refundCount > 0;
    case "close":
      return ret.status === "CLOSED";
  }
  return false;
}

/**
 * How far along its life a request is. Following Shopify never moves a request to a lower stage: a
 * Return OPEN without refunds is "approved" to Shopify, but a request the app refunded (a refund of
 * nothing processes the Return and creates no refund) or received stays where it is. The one way
 * back is a Return reopened at Shopify (CLOSED -> OPEN), which a closed request follows.
 */
const STAGE: Record<RequestStatus, number> = {
  requested: 0,
  failed: 0,
  approved: 1,
  received: 2,
  refunded: 3,
  credited: 3,
  declined: 4,
  closed: 4,
  cancelled: 4,
  refused: 4,
};

/**
 * The status our request should have given Shopify's current Return (webhooks re-read the Return
 * rather than trust the payload order, so out-of-order or duplicated deliveries converge on the same
 * answer). Returns null when our status already agrees, or when following Shopify would move the
 * request backwards (see STAGE). Local-only knowledge is kept: "received" stays while Shopify is OPEN
 * without refunds; refunded vs credited keeps our own record when we made the refund.
 */
export function reconcileStatus(
  current: RequestStatus,
  shopify: { status: ShopifyReturnStatus; refundCount: number; storeCredit?: boolean },
): RequestStatus | null {
  let want: RequestStatus;
  switch (shopify.status) {
    case "REQUESTED":
      want = "requested";
      break;
    case "DECLINED":
      want = "declined";
      break;
    case "CANCELED":
      want = "cancelled";
      break;
    case "CLOSED":
      want = "closed";
      break;
    case "OPEN":
      if (shopify.refundCount > 0) {
        want = current === "refunded" || current === "credited" ? current : shopify.storeCredit ? "credited" : "refunded";
      } else {
        want = current === "received" ? "received" : "approved";
      }
      break;
  }
  if (want === current) return null;
  if (current === "failed" && want === "requested") return null;
  const reopened = current === "closed" && shopify.status === "OPEN";
  if (STAGE[want] < STAGE[current] && !reopened) return null;
  return want;
}
