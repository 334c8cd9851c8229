// The request detail screen's staff actions: a posted form in, the staff service run, an answer in the
// merchant's words out. Validation names the field; the state machine and the ledger decide the rest.
import { DECLINE_REASONS, type DeclineReason } from "~/returns/request-state";
import { approveRequest, closeRequest, declineRequest, markReceived, refundRequest, retryLastAction } from "./index";
import { overrideAmount } from "./override";
import type { ActionResult, StaffDeps } from "./types";
import { formatMoney, verdictOf } from "~/returns";

export type StaffIntentAnswer =
  | { ok: true; intent: string; message: string }
  | { ok: false; intent: string; field?: string; message: string; shopifyErrors: string[] };

const DONE: Record<string, string> = {
  approve: "Approved in Shopify.",
  decline: "Declined in Shopify.",
  receive: "Marked as received.",
  refund: "Refund issued.",
  close: "Closed.",
  override: "Amount lowered. Nothing was refunded yet.",
  retry: "The last action was retried successfully.",
};

async function isBlocked(deps: StaffDeps, shop: string, requestId: string): Promise<boolean> {
  const r = await deps.repos.returnRequests.findById(shop, requestId);
  return r ? verdictOf(r).screening?.outcome === "blocked" : false;
}

/** What the screen answers, with its HTTP status. */
export interface StaffIntentOutcome {
  status: number;
  answer: StaffIntentAnswer;
}

const bad = (intent: string, field: string, message: string): StaffIntentOutcome => ({
  status: 422,
  answer: { ok: false, intent, field, message, shopifyErrors: [] },
});

/**
 * Runs the action a detail-screen form asks for. `notifyDefault` is the shop's setting, used when the
 * form does not say whether Shopify should email the customer.
 */
export async function runStaffIntent(
  deps: StaffDeps,
  shop: string,
  requestId: string,
  form: FormData,
  notifyDefault: boolean,
): Promise<StaffIntentOutcome> {
  const intent = String(form.get("intent") ?? "");
  const text = (k: string) => {
    const v = form.get(k);
    return typeof v === "string" && v.trim() !== "" ? v.trim() : undefined;
  };
  const notifyCustomer = form.has("notifyCustomer") ? form.get("notifyCustomer") === "true" : notifyDefault;
  let res: ActionResult;
  switch (intent) {
    case "approve": {
      const returnLabelUrl = text("returnLabelUrl");
      if (returnLabelUrl && !/^https:\/\/\S+$/.test(returnLabelUrl)) return bad(intent, "returnLabelUrl", "must be an https:// link");
      // Decision 190: a request from a blocklisted customer is approved only on purpose, and that is audited.
      const blocked = await isBlocked(deps, shop, requestId);
      const override = form.get("overrideBlocklist") === "true";
      if (blocked && !override) return bad(intent, "overrideBlocklist", "This customer is on the returns blocklist: tick \"Approve despite the blocklist\" to go ahead");
      res = await approveRequest(deps, shop, requestId, {
        note: text("note"),
        returnLabelUrl,
        trackingNumber: text("trackingNumber"),
        carrierName: text("carrierName"),
        notifyCustomer,
      });
      break;
    }
    case "decline": {
      const reason = text("reason");
      if (!reason || !(DECLINE_REASONS as readonly string[]).includes(reason)) return bad(intent, "reason", "pick a decline reason");
      const message = text("message");
      if (message && message.length > 500) return bad(intent, "message", "must be at most 500 characters");
      res = await declineRequest(deps, shop, requestId, { reason: reason as DeclineReason, message, notifyCustomer });
      break;
    }
    case "receive":
      res = await markReceived(deps, shop, requestId, { restock: form.get("restock") === "true" });
      break;
    case "refund": {
      const to = text("to");
      if (to !== "original_payment" && to !== "store_credit") return bad(intent, "to", "must be original_payment or store_credit");
      res = await refundRequest(deps, shop, requestId, { to });
      break;
    }
    case "close":
      res = await closeRequest(deps, shop, requestId);
      break;
    case "override":
      res = await overrideAmount(deps, shop, requestId, { amount: text("amount"), reason: text("reason") });
      break;
    case "retry":
      res = await retryLastAction(deps, shop, requestId);
      break;
    default:
      return bad(intent, "intent", "unknown action");
  }
  if (res.ok && intent === "approve" && (await isBlocked(deps, shop, requestId))) {
    await deps.repos.events.append(shop, { requestId, type: "blocklist_override", actor: deps.actor, at: deps.now(), payload: { note: text("note") ?? "" } });
  }
  if (res.ok) {
    // a replacement or even exchange is processed with nothing refunded: say what happened instead
    const exchange = intent === "refund" && verdictOf(res.request).exchange !== undefined;
    const newItemsOnly = exchange && res.request.refundMinor <= 0;
    // a cheaper exchange: the difference went back with the processing, and the new items are released
    const difference = formatMoney(Math.max(0, res.request.refundMinor), res.request.currency);
    const message = newItemsOnly
      ? "Processed in Shopify. The new items are released to ship."
      : exchange
        ? `Processed in Shopify. ${difference} price difference ${text("to") === "store_credit" ? "issued as store credit" : "refunded"}; the new items are released to ship.`
        : intent === "refund" && text("to") === "store_credit"
        ? "Store credit issued."
        : (DONE[intent] ?? "Done.");
    return { status: 200, answer: { ok: true, intent, message } };
  }
  const plain = PLAIN_FAILURE[res.error.code];
  const shopifyErrors = (res.error.shopifyErrors ?? []).map((e) => `${e.message}${e.field?.length ? ` (${e.field.join(".")})` : ""}`);
  return {
    status: res.status,
    answer: {
      ok: false,
      intent,
      ...(res.error.field ? { field: res.error.field } : {}),
      // transport and queue failures in the merchant's words; the raw text goes with the details for support
      message: plain ?? res.error.message,
      shopifyErrors: plain ? [res.error.message, ...shopifyErrors] : shopifyErrors,
    },
  };
}

const PLAIN_FAILURE: Record<string, string> = {
  shopify_unavailable: "Shopify did not answer in time. Try again in a moment.",
  shopify_throttled: "Shopify was busy. Try again in a moment.",
  shopify_error: "Shopify reported a problem. Try again in a moment.",
  in_progress: "This is already under way. Wait a moment, then reload the page.",
  exhausted: "Shopify did not accept this after several tries. Contact support with the details below.",
};
