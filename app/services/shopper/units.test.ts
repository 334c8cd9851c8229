import { describe, expect, it } from "vitest";
import { localeFromAcceptLanguage, requestLocale, statusMessage, reasonLabel } from "./locale";
import { fieldPath, parseBody, submitBodySchema, InvalidBodyError, uploadBodySchema } from "./schemas";
import { localDate } from "./overview";
import { presentRequest } from "./present";
import { dbResolution } from "./submit";
import type { ReturnRequestWithLines } from "~/db";

describe("locale", () => {
  it.each([
    ["fr-FR,fr;q=0.9,en;q=0.5", "fr"],
    ["ja,de;q=0.8", "de"],
    ["en;q=0.1,es;q=0.9", "es"],
    ["ja", null],
    ["", null],
    [null, null],
  ] as const)("Accept-Language %s -> %s", (h, want) => {
    expect(localeFromAcceptLanguage(h)).toBe(want);
  });
  it("?locale= beats Accept-Language", () => {
    expect(requestLocale(new Request("https://x/a?locale=de-CH", { headers: { "Accept-Language": "fr" } }))).toBe("de");
  });
  it("has a message for every status in every language; failed reads as requested", () => {
    for (const l of ["en", "fr", "de", "es"] as const) {
      for (const s of ["requested", "approved", "declined", "received", "refunded", "credited", "closed", "cancelled"] as const) {
        expect(statusMessage(s, l).length).toBeGreaterThan(5);
      }
      expect(statusMessage("failed", l)).toBe(statusMessage("requested", l));
    }
    expect(reasonLabel("SIZE_TOO_SMALL", "de")).toBe("Zu klein");
  });
});

describe("body validation", () => {
  const ok = {
    idempotencyKey: "0b8f7d7e-4c1a-4e59-9d0f-2f1f6f0b8a11",
    lines: [{ lineItemId: "gid://shopify/LineItem/1", quantity: 1, reason: "DEFECTIVE", conditions: [], photos: [], note: "" }],
    resolution: "refund",
  };
  it("accepts the extension's body unchanged", () => {
    expect(parseBody(submitBodySchema, ok)).toEqual(ok);
  });
  it("names every bad field with its path", () => {
    const bad = { ...ok, lines: [{ ...ok.lines[0], quantity: 1.5, reason: "NOPE", photos: ["file:///etc/passwd"] }] };
    try {
      parseBody(submitBodySchema, bad);
      throw new Error("should have thrown");
    } catch (e) {
      expect(e).toBeInstanceOf(InvalidBodyError);
      const err = e as InvalidBodyError;
      expect(err.status).toBe(400);
      expect(err.problems.map((p) => p.field).sort()).toEqual(["lines[0].photos[0]", "lines[0].quantity", "lines[0].reason"]);
      expect(err.toBody().error.field).toBe(err.problems[0]!.field);
    }
  });
  it("requires lines and an idempotency key", () => {
    expect(() => parseBody(submitBodySchema, { ...ok, lines: [] })).toThrow(/at least one item/);
    expect(() => parseBody(submitBodySchema, { ...ok, idempotencyKey: undefined })).toThrow(InvalidBodyError);
  });
  it("upload: images only, no paths", () => {
    expect(() => parseBody(uploadBodySchema, { filename: "../x.png", mimeType: "image/png", fileSize: 5 })).toThrow(/file name/);
    expect(parseBody(uploadBodySchema, { filename: "x.png", mimeType: "image/png", fileSize: 5 })).toEqual({ filename: "x.png", mimeType: "image/png", fileSize: 5 });
  });
  it("fieldPath", () => {
    expect(fieldPath(["lines", 0, "photos", 2])).toBe("lines[0].photos[2]");
    expect(fieldPath([])).toBe("body");
  });
});

describe("presentation", () => {
  it("deadlines are shop-local dates", () => {
    // 23:59:59 in Auckland on 20 Dec is 10:59:59Z; in New York end of day is the next UTC day
    expect(localDate("2026-12-20T10:59:59.999Z", "Pacific/Auckland")).toBe("2026-12-20");
    expect(localDate("2026-12-21T04:59:59.999Z", "America/New_York")).toBe("2026-12-20");
  });
  it("maps a stored request to the contract", () => {
    const r = {
      id: "rr1",
      status: "refunded",
      createdAt: new Date("2026-11-01T00:00:00Z"),
      currency: "JPY",
      refundMinor: 1500,
      verdict: { locale: "fr" },
      lines: [{ lineItemId: "gid://shopify/LineItem/1", title: "Mug", quantity: 2, reason: "DAMAGED" }],
    } as unknown as ReturnRequestWithLines;
    expect(presentRequest(r, "en")).toEqual({
      id: "rr1",
      status: "refunded",
      createdAt: "2026-11-01T00:00:00.000Z",
      statusMessage: "Your refund has been issued.",
      lines: [{ lineItemId: "gid://shopify/LineItem/1", title: "Mug", quantity: 2, reason: "Arrived damaged" }],
      refund: { amount: "1500", currency: "JPY" },
      canCancel: false,
    });
    expect(dbResolution("replacement")).toBe("exchange");
  });
  it("shows a decline's message, else its localised reason; never staff notes", () => {
    const r = { id: "r", status: "declined", createdAt: new Date(0), currency: "NZD", refundMinor: 500, verdict: null, lines: [] } as unknown as ReturnRequestWithLines;
    expect(presentRequest(r, "en", { declineMessage: "Worn item" }).declineReason).toBe("Worn item");
    expect(presentRequest(r, "de", { declineReasonCode: "RETURN_PERIOD_ENDED" }).declineReason).toMatch(/Rückgabefrist/);
    expect(presentRequest(r, "en", { declineReasonCode: "OTHER" }).declineReason).toBeUndefined();
    expect(presentRequest(r, "en").refund).toBeUndefined(); // nothing is refunded on a decline
    expect(presentRequest(r, "en", { staffNote: "Thanks!" }).staffNote).toBeUndefined();
  });
  it("shows the approval's note to the shopper, the tracking number, and how the money comes back", () => {
    const r = { id: "r", status: "approved", createdAt: new Date(0), currency: "NZD", refundMinor: 500, resolution: "store_credit", verdict: null, lines: [] } as unknown as ReturnRequestWithLines;
    const v = presentRequest(r, "en", { staffNote: "Pop the card in the box", trackingNumber: "NZ123", carrierName: "NZ Post", returnLabelUrl: "https://x.test/l.pdf" });
    expect(v).toMatchObject({
      staffNote: "Pop the card in the box",
      tracking: { number: "NZ123", carrier: "NZ Post" },
      resolution: "store_credit",
      returnLabelUrl: "https://x.test/l.pdf",
    });
    expect(presentRequest({ ...r, status: "credited" } as ReturnRequestWithLines, "en", { trackingNumber: "NZ123" }).tracking).toBeUndefined();
  });
});
