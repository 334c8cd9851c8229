import { describe, expect, it } from "vitest";
import { actorWords, amountWords, failureWords, timelineEntry } from "./timeline";

const at = new Date("2026-03-01T00:00:00Z");
const ev = (type: string, actor: string, payload: unknown = null, id = 1) => ({ id, type, actor, at, payload });

describe("timeline in the merchant's words", () => {
  it("names who acted without ids", () => {
    expect(actorWords("customer:gid://shopify/Customer/1")).toBe("The customer");
    expect(actorWords("staff:1")).toBe("Staff");
    expect(actorWords("staff:1", { "staff:1": "Mere Tane" })).toBe("Mere Tane");
    expect(actorWords("auto")).toBe("Automatic approval");
    expect(actorWords("webhook")).toBe("Shopify");
  });

  it("shows money in the currency paid, not minor units", () => {
    expect(amountWords("8900 NZD (minor units)", null)).toBe("NZ$89.00");
    expect(amountWords(500, "JPY")).toBe("¥500");
    expect(amountWords("junk", "NZD")).toBeNull();
    const e = timelineEntry(ev("refunded", "staff:1", { action: "refund", from: "received", to: "refunded", amount: "8900 NZD (minor units)" }), "NZD");
    expect(e).toMatchObject({ title: "Refunded", actor: "Staff", details: ["NZ$89.00 to the original payment"], failed: false });
    const credit = timelineEntry(ev("refunded", "staff:1", { to: "store_credit", amount: "8900 NZD (minor units)" }), "NZD");
    expect(credit.title).toBe("Store credit issued");
    expect(credit.details).toEqual(["NZ$89.00 as store credit"]);
    // decision 220: the credit with its bonus, as the refund step records it
    const bonus = timelineEntry(ev("refunded", "staff:1", { to: "store_credit", amount: "NZ$55.00", bonus: { id: "x", amountMinor: 500, currency: "NZD", amount: "NZ$5.00" } }), "NZD");
    expect(bonus.details).toEqual(["NZ$55.00 as store credit, NZ$5.00 more than a refund"]);
  });

  it("a processed replacement or exchange says the new items were sent, never Refunded (decision 170)", () => {
    const replaced = timelineEntry(ev("refunded", "staff:1", { to: "original_payment", amount: "NZ$0.00", newItems: "replacement" }), "NZD");
    expect([replaced.title, ...replaced.details]).toEqual(["Replaced — new item sent", "Nothing refunded — replaced free of charge"]);
    const even = timelineEntry(ev("refunded", "staff:1", { to: "original_payment", amount: "NZ$0.00", newItems: "exchange" }), "NZD");
    expect([even.title, ...even.details]).toEqual(["Exchanged — new items sent", "Nothing refunded — same price"]);
    const cheaper = timelineEntry(ev("refunded", "staff:1", { to: "store_credit", amount: "NZ$10.00", newItems: "exchange" }), "NZD");
    expect([cheaper.title, ...cheaper.details]).toEqual(["Exchanged — new items sent", "NZ$10.00 price difference as store credit"]);
  });

  it("writes no codes, operation names or raw keys", () => {
    const all = [
      timelineEntry(ev("requested", "customer:gid://shopify/Customer/1"), "NZD"),
      timelineEntry(ev("declined", "staff:7", { reason: "RETURN_PERIOD_ENDED", message: "Sorry", notifyCustomer: true }), "NZD"),
      timelineEntry(ev("approved", "auto", { note: "Label inside", trackingNumber: "NZ123", carrierName: "NZ Post" }), "NZD"),
      timelineEntry(ev("received", "staff:7", { restock: true }), "NZD"),
      timelineEntry(ev("shopify_returns_approve", "webhook", { topic: "RETURNS_APPROVE" }), "NZD"),
      timelineEntry(ev("approve_failed", "staff:7", { pending: { action: "approve", kind: "transport", message: "ReturnApproveRequest: HTTP 500" } }), "NZD"),
    ];
    const words = JSON.stringify(all.map(({ title, actor, details }) => [title, actor, details]));
    for (const bad of ["gid://", "staff:", "minor units", "RETURN_PERIOD_ENDED", "HTTP", "ReturnApprove", "_"]) expect(words).not.toContain(bad);
    expect(all[1]!.details).toEqual(["Reason: the return period has ended", "Message to the customer: “Sorry”", "Shopify emailed the customer"]);
    expect(all[2]!.details).toEqual(["Note to the customer: “Label inside”", "Tracking number NZ123 (NZ Post)"]);
    expect(all[4]!.title).toBe("Approved in Shopify");
    expect(all[5]).toMatchObject({ title: "Approval didn't go through at Shopify", details: [], failed: true });
  });

  it("says a failure once in plain words and keeps the raw error for support", () => {
    const raw = "approve failed: Shopify did not answer: ReturnApproveRequest: HTTP 500 after 1 attempt(s) (non-idempotent mutation)";
    const events = [ev("approve_failed", "staff:1", { pending: { action: "approve", kind: "transport", message: "ReturnApproveRequest: HTTP 500", mayHaveApplied: true } })];
    const f = failureWords(raw, events)!;
    expect(f.title).toBe("The app couldn't approve this return");
    expect(f.body).not.toMatch(/HTTP|ReturnApprove|attempt/);
    expect(f.body).toContain("retrying checks Shopify first");
    expect(f.support).toBe(raw);
    const refused = failureWords("x", [ev("refund_failed", "staff:1", { pending: { action: "refund", kind: "user_error", message: "Quantity is more than can be refunded" } })])!;
    expect(refused.body).toBe("Shopify refused it. Shopify said: “Quantity is more than can be refunded”. Nothing changed at Shopify. You can try again.");
    expect(failureWords(null, events)).toBeNull();
  });
});
