import { describe, expect, it } from "vitest";
import { initialState, reducer, type Action, type State } from "./state";
import { isValid, lineKey, NOTE_MAX, serverFieldKey, toPreviewBody, toSubmitBody, validateDraft } from "./validate";
import { overviewFixture } from "./fixtures";

const L1 = "gid://shopify/LineItem/1";
const form = (actions: Action[]): State =>
  [{ type: "loaded", data: overviewFixture() } as Action, { type: "openForm", idempotencyKey: "key-1" } as Action, ...actions].reduce(
    reducer,
    initialState(),
  );

describe("validateDraft", () => {
  it("asks for at least one line", () => {
    expect(validateDraft(form([]))).toEqual({ form: "errors.noLines" });
  });

  it("requires a reason, then the reason's conditions", () => {
    expect(validateDraft(form([{ type: "setQuantity", lineItemId: L1, quantity: 1 }]))).toEqual({
      [lineKey(L1, "reason")]: "errors.reason",
    });
    const s = form([
      { type: "setQuantity", lineItemId: L1, quantity: 1 },
      { type: "setReason", lineItemId: L1, reason: "SIZE_TOO_SMALL" },
      { type: "toggleCondition", lineItemId: L1, condition: "unused", checked: true },
    ]);
    expect(validateDraft(s)).toEqual({ [lineKey(L1, "condition:tags_attached")]: "errors.condition" });
    const ok = reducer(s, { type: "toggleCondition", lineItemId: L1, condition: "tags_attached", checked: true });
    expect(isValid(validateDraft(ok))).toBe(true);
  });

  it("requires finished photo uploads for evidence reasons", () => {
    const base: Action[] = [
      { type: "setQuantity", lineItemId: L1, quantity: 2 },
      { type: "setReason", lineItemId: L1, reason: "DEFECTIVE" },
    ];
    expect(validateDraft(form(base))).toEqual({ [lineKey(L1, "photos")]: "errors.photos" });
    const uploading = form([...base, { type: "photoAdded", lineItemId: L1, photo: { id: "p", name: "a.jpg", status: "uploading" } }]);
    expect(validateDraft(uploading)).toEqual({ [lineKey(L1, "photos")]: "errors.photosUploading" });
    const done = reducer(uploading, { type: "photoUploaded", lineItemId: L1, photoId: "p", resourceUrl: "https://r/1" });
    expect(validateDraft(done)).toEqual({});
  });

  it("rejects notes over 300 characters (Shopify's customer note limit) and a resolution the order does not offer", () => {
    const s = form([
      { type: "setQuantity", lineItemId: L1, quantity: 1 },
      { type: "setReason", lineItemId: L1, reason: "DEFECTIVE" },
      { type: "photoAdded", lineItemId: L1, photo: { id: "p", name: "a.jpg", status: "done", resourceUrl: "r" } },
      { type: "setNote", lineItemId: L1, note: "x".repeat(301) },
      { type: "setResolution", resolution: "replacement" },
    ]);
    expect(NOTE_MAX).toBe(300);
    expect(validateDraft(s)).toEqual({ [lineKey(L1, "note")]: "errors.noteTooLong", resolution: "errors.resolution" });
    const atLimit = reducer(reducer(s, { type: "setNote", lineItemId: L1, note: "x".repeat(300) }), { type: "setResolution", resolution: "refund" });
    expect(validateDraft(atLimit)).toEqual({});
  });
});

describe("request bodies", () => {
  const s = form([
    { type: "setQuantity", lineItemId: L1, quantity: 2 },
    { type: "setReason", lineItemId: L1, reason: "DEFECTIVE" },
    { type: "photoAdded", lineItemId: L1, photo: { id: "p", name: "a.jpg", status: "done", resourceUrl: "https://r/1" } },
    { type: "photoAdded", lineItemId: L1, photo: { id: "q", name: "b.jpg", status: "error" } },
    { type: "setNote", lineItemId: L1, note: "  seam split  " },
  ]);

  it("preview counts finished photos and is null with nothing selected", () => {
    expect(toPreviewBody(form([]))).toBeNull();
    expect(toPreviewBody(s)).toEqual({
      lines: [{ lineItemId: L1, quantity: 2, reason: "DEFECTIVE", conditions: [], photos: 1, note: "seam split" }],
      resolution: "refund",
    });
  });

  it("submit carries the idempotency key and resource urls", () => {
    expect(toSubmitBody(s)).toEqual({
      idempotencyKey: "key-1",
      lines: [{ lineItemId: L1, quantity: 2, reason: "DEFECTIVE", conditions: [], photos: ["https://r/1"], note: "seam split" }],
      resolution: "refund",
    });
  });

  it("maps API field paths back onto the selected line", () => {
    expect(serverFieldKey(s, "lines[0].quantity")).toBe(lineKey(L1, "quantity"));
    expect(serverFieldKey(s, "lines[0].photos[1]")).toBe(lineKey(L1, "photos"));
    expect(serverFieldKey(s, "lines[3].quantity")).toBe("form");
    expect(serverFieldKey(s, "resolution")).toBe("resolution");
    expect(serverFieldKey(s, undefined)).toBe("form");
  });
});

describe("exchanges", () => {
  const chosen = (variant: string): State =>
    [
      { type: "loaded", data: { ...overviewFixture(), resolutions: [{ code: "exchange", label: "Exchange" }] } } as Action,
      { type: "openForm", idempotencyKey: "key-1" } as Action,
      { type: "setQuantity", lineItemId: L1, quantity: 1 } as Action,
      { type: "setReason", lineItemId: L1, reason: "DEFECTIVE" } as Action,
      { type: "photoAdded", lineItemId: L1, photo: { id: "p", name: "a.jpg", status: "done", resourceUrl: "https://r/1" } } as Action,
      { type: "setVariant", lineItemId: L1, variant } as Action,
    ].reduce(reducer, initialState());

  it("an exchange needs the new size or option, named on the line; the body carries it", () => {
    expect(validateDraft(chosen(""))).toEqual({ [lineKey(L1, "exchangeVariantId")]: "errors.variant" });
    const s = chosen("gid://shopify/ProductVariant/11");
    expect(isValid(validateDraft(s))).toBe(true);
    expect(toSubmitBody(s).lines[0]).toMatchObject({ lineItemId: L1, exchangeVariantId: "gid://shopify/ProductVariant/11" });
    // the server's refusal of the choice lands on the same field
    expect(serverFieldKey(s, "lines[0].exchangeVariantId")).toBe(lineKey(L1, "exchangeVariantId"));
  });

  it("any other resolution sends no variant", () => {
    const s = reducer(chosen("gid://shopify/ProductVariant/11"), { type: "setResolution", resolution: "refund" });
    expect(toSubmitBody(s).lines[0]).not.toHaveProperty("exchangeVariantId");
  });
});
