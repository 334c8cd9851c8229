import { describe, expect, it } from "vitest";
import { ApiError } from "./api";
import { failure, initialState, reducer, type Action, type State } from "./state";
import { overviewFixture, requestFixture } from "./fixtures";

const L1 = "gid://shopify/LineItem/1";
const run = (actions: Action[], from: State = initialState()) => actions.reduce(reducer, from);
const loaded = () => run([{ type: "loaded", data: overviewFixture() }]);

describe("returns state", () => {
  it("loads, picks the first offered resolution and stays on the overview", () => {
    const s = loaded();
    expect(s.phase).toBe("ready");
    expect(s.view).toBe("overview");
    expect(s.resolution).toBe("refund");
  });

  it("records a load failure", () => {
    const s = run([{ type: "loadFailed", message: "boom" }]);
    expect(s.phase).toBe("error");
    expect(s.loadError).toBe("boom");
  });

  it("opens the form only when a return can be requested, with drafts for returnable lines only", () => {
    const closed = run([{ type: "loaded", data: { ...overviewFixture(), canRequest: false } }, { type: "openForm", idempotencyKey: "k" }]);
    expect(closed.view).toBe("overview");
    const s = run([{ type: "openForm", idempotencyKey: "k1" }], loaded());
    expect(s.view).toBe("form");
    expect(Object.keys(s.draft)).toEqual([L1]);
    expect(s.idempotencyKey).toBe("k1");
  });

  it("clamps quantity to 0..quantityLeft and truncates fractions", () => {
    let s = run([{ type: "openForm", idempotencyKey: "k" }], loaded());
    s = reducer(s, { type: "setQuantity", lineItemId: L1, quantity: 5 });
    expect(s.draft[L1]?.quantity).toBe(2);
    s = reducer(s, { type: "setQuantity", lineItemId: L1, quantity: -1 });
    expect(s.draft[L1]?.quantity).toBe(0);
    s = reducer(s, { type: "setQuantity", lineItemId: L1, quantity: 1.7 });
    expect(s.draft[L1]?.quantity).toBe(1);
    s = reducer(s, { type: "setQuantity", lineItemId: L1, quantity: Number.NaN });
    expect(s.draft[L1]?.quantity).toBe(0);
  });

  it("drops conditions the new reason does not ask for", () => {
    const s = run(
      [
        { type: "openForm", idempotencyKey: "k" },
        { type: "setReason", lineItemId: L1, reason: "SIZE_TOO_SMALL" },
        { type: "toggleCondition", lineItemId: L1, condition: "unused", checked: true },
        { type: "toggleCondition", lineItemId: L1, condition: "unused", checked: true },
      ],
      loaded(),
    );
    expect(s.draft[L1]?.conditions).toEqual(["unused"]);
    const s2 = reducer(s, { type: "setReason", lineItemId: L1, reason: "DEFECTIVE" });
    expect(s2.draft[L1]?.conditions).toEqual([]);
  });

  it("tracks photo uploads from uploading to done or error, and removal", () => {
    let s = run([{ type: "openForm", idempotencyKey: "k" }], loaded());
    s = reducer(s, { type: "photoAdded", lineItemId: L1, photo: { id: "p1", name: "a.jpg", status: "uploading" } });
    s = reducer(s, { type: "photoAdded", lineItemId: L1, photo: { id: "p2", name: "b.jpg", status: "uploading" } });
    s = reducer(s, { type: "photoUploaded", lineItemId: L1, photoId: "p1", resourceUrl: "https://up/1" });
    s = reducer(s, { type: "photoFailed", lineItemId: L1, photoId: "p2" });
    expect(s.draft[L1]?.photos).toEqual([
      { id: "p1", name: "a.jpg", status: "done", resourceUrl: "https://up/1" },
      { id: "p2", name: "b.jpg", status: "error" },
    ]);
    s = reducer(s, { type: "removePhoto", lineItemId: L1, photoId: "p2" });
    expect(s.draft[L1]?.photos.map((p) => p.id)).toEqual(["p1"]);
  });

  it("keeps the draft and shows the server error on a failed submit", () => {
    let s = run(
      [
        { type: "openForm", idempotencyKey: "k" },
        { type: "setQuantity", lineItemId: L1, quantity: 1 },
        { type: "submitStarted" },
        { type: "submitFailed", message: "Too many", field: "line:x:quantity" },
      ],
      loaded(),
    );
    expect(s.submitting).toBe(false);
    expect(s.view).toBe("form");
    expect(s.serverErrors).toEqual({ "line:x:quantity": "Too many" });
    expect(s.draft[L1]?.quantity).toBe(1);
    // Editing clears server errors.
    s = reducer(s, { type: "setNote", lineItemId: L1, note: "x" });
    expect(s.serverErrors).toEqual({});
  });

  it("adds the created request on success, returns to the overview and resets the key", () => {
    const s = run(
      [
        { type: "openForm", idempotencyKey: "k" },
        { type: "submitStarted" },
        { type: "submitSucceeded", request: requestFixture() },
      ],
      loaded(),
    );
    expect(s.view).toBe("overview");
    expect(s.data?.requests.map((r) => r.id)).toEqual(["rr_1"]);
    expect(s.notice?.key).toBe("notice.submitted");
    expect(s.idempotencyKey).toBe("");
  });

  it("replaces a cancelled request in place", () => {
    const base = run([{ type: "loaded", data: { ...overviewFixture(), requests: [requestFixture()] } }]);
    const s = run(
      [
        { type: "cancelStarted", requestId: "rr_1" },
        { type: "cancelSucceeded", request: requestFixture({ status: "cancelled", canCancel: false }) },
      ],
      base,
    );
    expect(s.cancelling).toBeUndefined();
    expect(s.data?.requests).toHaveLength(1);
    expect(s.data?.requests[0]?.status).toBe("cancelled");
  });

  it("tells a busy store (after the client's retries) from other failures", () => {
    const busy = new ApiError(429, "busy", "The store is busy; please try again in a few seconds", undefined, undefined, 5);
    expect(failure(busy)).toEqual({ message: "The store is busy; please try again in a few seconds", busy: true });
    expect(failure(new ApiError(500, "internal", "Something went wrong"))).toEqual({ message: "Something went wrong", busy: false });
    expect(failure("boom")).toEqual({ message: "boom", busy: false });
  });

  it("a busy load is marked busy until the retry button reloads", () => {
    let s = run([{ type: "loadFailed", message: "busy", busy: true }]);
    expect(s).toMatchObject({ phase: "error", loadBusy: true });
    s = reducer(s, { type: "reload" });
    expect(s.loadBusy).toBeUndefined();
    s = reducer(s, { type: "loaded", data: overviewFixture() });
    expect(s).toMatchObject({ phase: "ready", loadBusy: undefined, loadError: undefined });
  });

  it("a busy submit keeps the draft and the idempotency key, so pressing Submit again repeats the same request", () => {
    const s = run(
      [
        { type: "openForm", idempotencyKey: "k1" },
        { type: "setQuantity", lineItemId: L1, quantity: 1 },
        { type: "submitStarted" },
        { type: "submitFailed", message: "The store is busy", busy: true },
      ],
      loaded(),
    );
    expect(s.serverErrors).toEqual({ busy: "The store is busy" });
    expect(s.submitting).toBe(false);
    expect(s.idempotencyKey).toBe("k1");
    expect(s.draft[L1]?.quantity).toBe(1);
    expect(reducer(s, { type: "submitStarted" }).serverErrors).toEqual({});
  });

  it("a busy cancel says so instead of the generic error", () => {
    const s = run([{ type: "cancelStarted", requestId: "rr_1" }, { type: "cancelFailed", message: "x", busy: true }], loaded());
    expect(s.notice).toEqual({ tone: "critical", key: "errors.busy" });
    expect(s.cancelling).toBeUndefined();
  });
});
