import { describe, expect, it } from "vitest";
import {
  ACTIONS,
  actionsFor,
  ActionArgsError,
  REQUEST_STATUSES,
  STAFF_ACTIONS,
  checkAction,
  describePending,
  parseActionArgs,
  parsePendingAction,
  pendingAction,
  reconcileStatus,
  shopifyShowsApplied,
  shownStatus,
  targetStatus,
  type RequestStatus,
} from "./request-state";

const req = (status: RequestStatus, shopifyReturnId: string | null = "gid://shopify/Return/1") => ({ status, shopifyReturnId });

describe("request state machine", () => {
  it("allows each action only from its source statuses", () => {
    const argsOf = { approve: {}, decline: { reason: "OTHER" as const }, receive: { restock: true }, refund: { to: "original_payment" as const }, close: {} };
    for (const action of STAFF_ACTIONS) {
      for (const status of REQUEST_STATUSES) {
        const c = checkAction(action, argsOf[action] as never, req(status));
        const target = targetStatus(action, argsOf[action] as never);
        if (status === target || (action === "refund" && (status === "refunded" || status === "credited"))) {
          expect(c).toEqual({ ok: true, alreadyDone: true });
        } else if (ACTIONS[action].from.includes(status)) {
          expect(c).toEqual({ ok: true, alreadyDone: false });
        } else {
          expect(c.ok).toBe(false);
        }
      }
    }
  });

  it("walks the happy path requested -> approved -> received -> refunded -> closed", () => {
    let s: RequestStatus = "requested";
    for (const [action, args] of [["approve", {}], ["receive", { restock: true }], ["refund", { to: "original_payment" }], ["close", {}]] as const) {
      expect(checkAction(action, args as never, req(s)).ok).toBe(true);
      s = targetStatus(action, args as never);
    }
    expect(s).toBe("closed");
    expect(targetStatus("refund", { to: "store_credit" })).toBe("credited");
  });

  it("refuses declined -> approve and closed -> refund; needs a Shopify return id", () => {
    expect(checkAction("approve", {}, req("declined"))).toMatchObject({ ok: false, code: "invalid_transition" });
    expect(checkAction("refund", { to: "store_credit" }, req("closed"))).toMatchObject({ ok: false, code: "invalid_transition" });
    expect(checkAction("approve", {}, req("requested", null))).toMatchObject({ ok: false, code: "missing_shopify_return" });
  });

  it("validates action args and names the field", () => {
    expect(() => parseActionArgs("decline", { reason: "NOPE" })).toThrow(/reason/);
    expect(() => parseActionArgs("decline", { reason: "OTHER", message: "x".repeat(501) })).toThrow(/message/);
    expect(() => parseActionArgs("refund", { to: "cash" })).toThrow(ActionArgsError);
    expect(() => parseActionArgs("receive", {})).toThrow(/restock/);
    expect(() => parseActionArgs("approve", { returnLabelUrl: "javascript:alert(1)" })).toThrow(/returnLabelUrl/);
    expect(parseActionArgs("approve", { returnLabelUrl: "https://x.test/l.pdf", trackingNumber: "1Z" })).toEqual({
      returnLabelUrl: "https://x.test/l.pdf",
      trackingNumber: "1Z",
    });
  });

  it("represents a failed call as a retryable pending action that round-trips", () => {
    const p = pendingAction("refund", { to: "store_credit" }, { kind: "transport", message: "HTTP 500", mayHaveApplied: true });
    expect(p.retryable).toBe(true);
    expect(parsePendingAction(JSON.parse(JSON.stringify(p)))).toEqual(p);
    expect(describePending(p)).toMatch(/^refund failed: Shopify did not answer/);
    expect(pendingAction("approve", {}, { kind: "user_error", message: "no" }).retryable).toBe(false);
    expect(parsePendingAction({ action: "explode" })).toBeNull();
  });

  it("reads Shopify's state to decide whether a mutation already applied", () => {
    expect(shopifyShowsApplied("approve", { status: "OPEN", unprocessedQuantity: 1, refundCount: 0 })).toBe(true);
    expect(shopifyShowsApplied("approve", { status: "REQUESTED", unprocessedQuantity: 1, refundCount: 0 })).toBe(false);
    expect(shopifyShowsApplied("refund", { status: "OPEN", unprocessedQuantity: 0, refundCount: 1 })).toBe(true);
    // processed with no refund at Shopify: no money went back, so the refund has not happened
    expect(shopifyShowsApplied("refund", { status: "OPEN", unprocessedQuantity: 0, refundCount: 0 })).toBe(false);
    expect(shopifyShowsApplied("close", { status: "OPEN", unprocessedQuantity: 0, refundCount: 1 })).toBe(false);
  });

  it("reconciles to Shopify's current Return whatever order webhooks arrive in", () => {
    expect(reconcileStatus("requested", { status: "OPEN", refundCount: 0 })).toBe("approved");
    expect(reconcileStatus("received", { status: "OPEN", refundCount: 0 })).toBeNull();
    expect(reconcileStatus("approved", { status: "OPEN", refundCount: 1, storeCredit: true })).toBe("credited");
    expect(reconcileStatus("refunded", { status: "OPEN", refundCount: 1 })).toBeNull();
    expect(reconcileStatus("refunded", { status: "CLOSED", refundCount: 1 })).toBe("closed");
    expect(reconcileStatus("closed", { status: "OPEN", refundCount: 0 })).toBe("approved");
    expect(reconcileStatus("requested", { status: "CANCELED", refundCount: 0 })).toBe("cancelled");
    // a duplicate delivery after the change is a no-op
    expect(reconcileStatus("cancelled", { status: "CANCELED", refundCount: 0 })).toBeNull();
  });

  it("never moves a request backwards: a refund of nothing leaves the Return OPEN without refunds, and a late webhook keeps it refunded", () => {
    expect(reconcileStatus("refunded", { status: "OPEN", refundCount: 0 })).toBeNull();
    expect(reconcileStatus("credited", { status: "OPEN", refundCount: 0 })).toBeNull();
    expect(reconcileStatus("approved", { status: "REQUESTED", refundCount: 0 })).toBeNull();
    expect(reconcileStatus("received", { status: "REQUESTED", refundCount: 0 })).toBeNull();
    // every status, every Shopify state: the only step down is a closed request following a reopened Return
    const stage = (s: RequestStatus) => ["requested", "approved", "received", "refunded", "closed"].indexOf(s === "failed" ? "requested" : s === "credited" ? "refunded" : s === "declined" || s === "cancelled" ? "closed" : s);
    for (const current of REQUEST_STATUSES) {
      for (const status of ["REQUESTED", "OPEN", "DECLINED", "CLOSED", "CANCELED"] as const) {
        for (const refundCount of [0, 1]) {
          const to = reconcileStatus(current, { status, refundCount });
          if (to !== null && !(current === "closed" && status === "OPEN")) expect(stage(to), `${current} + ${status}/${refundCount} -> ${to}`).toBeGreaterThanOrEqual(stage(current));
        }
      }
    }
  });
});

describe("actionsFor: what a request offers staff", () => {
  it("offers exactly the actions the state machine accepts, in every status", () => {
    for (const status of REQUEST_STATUSES) {
      for (const action of STAFF_ACTIONS) {
        const offered = actionsFor(status).includes(action);
        const accepted = ACTIONS[action].from.includes(status);
        expect({ status, action, offered }).toEqual({ status, action, offered: accepted });
      }
    }
  });

  it("offers Close on approved requests and never on declined ones", () => {
    expect(actionsFor("approved")).toEqual(["receive", "refund", "close"]);
    expect(actionsFor("declined")).toEqual([]);
    expect(checkAction("close", {}, req("declined")).ok).toBe(false);
  });

  it("offers approve and decline while awaiting review, and nothing once finished", () => {
    expect(actionsFor("requested")).toEqual(["approve", "decline"]);
    expect(actionsFor("received")).toEqual(["refund", "close"]);
    expect(actionsFor("refunded")).toEqual(["close"]);
    expect(actionsFor("credited")).toEqual(["close"]);
    for (const s of ["closed", "cancelled", "failed"] as const) expect(actionsFor(s)).toEqual([]);
  });
});

describe("what staff are told a status means", () => {
  it("a processed replacement or exchange shows as replaced / exchanged; every other status as it is", () => {
    expect(shownStatus("refunded", "replacement")).toBe("replaced");
    expect(shownStatus("refunded", "exchange")).toBe("exchanged");
    // a cheaper exchange whose difference went back as store credit is still an exchange
    expect(shownStatus("credited", "exchange")).toBe("exchanged");
    for (const s of REQUEST_STATUSES.filter((x) => x !== "refunded" && x !== "credited")) {
      expect(shownStatus(s, "replacement")).toBe(s);
      expect(shownStatus(s, "exchange")).toBe(s);
    }
    for (const s of REQUEST_STATUSES) expect(shownStatus(s, null)).toBe(s);
  });
});
