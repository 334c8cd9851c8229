// Writes the conformance scenarios in app/returns/scenarios (read by app/returns/scenarios.test.ts). The expectations below are written by hand from
// the policy texts and the shared scenario contract (`shared/scenarios/README.md` beside the repository), never computed by the engine.
// Run: npx tsx scripts/generate-scenarios.ts
import { writeFileSync, readdirSync, unlinkSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const outDir = join(dirname(fileURLToPath(import.meta.url)), "../app/returns/scenarios");

type Json = Record<string, unknown>;
const NZ = { country: "NZ", timezone: "Pacific/Auckland", currency: "NZD" };
const US = { country: "US", timezone: "America/Los_Angeles", currency: "USD" };

let n = 0;
function line(id: number, over: Json = {}): Json {
  return {
    id: `gid://shopify/LineItem/${id}`,
    title: `Item ${id}`,
    sku: `SKU-${id}`,
    productType: "Accessory",
    vendor: "Vendor",
    tags: [],
    collections: [],
    customAttributes: [],
    isGiftCard: false,
    onSale: false,
    quantity: 1,
    unitPrice: "49.95",
    fulfilledQuantity: 1,
    returnedQuantity: 0,
    fulfilledAt: "2026-02-26T02:00:00Z",
    deliveredAt: "2026-03-01T03:00:00Z",
    ...over,
  };
}
function req(id: number, reason: string, over: Json = {}): Json {
  return { lineId: `gid://shopify/LineItem/${id}`, quantity: 1, reason, conditions: [], photos: 0, note: "", ...over };
}
function exp(id: number, eligible: boolean, codes: string[] | undefined, over: Json = {}): Json {
  return { lineId: `gid://shopify/LineItem/${id}`, eligible, ...(codes ? { codes } : {}), ...over };
}
const NO_FAULT_OK = ["unused", "tags_attached", "original_packaging"];

interface Spec {
  clause: string;
  name: string;
  policy: string | Json;
  now: string;
  shop?: Json;
  orderOver?: Json;
  lines: Json[];
  request: Json[];
  expect: { eligible: boolean; lines: Json[]; resolutions?: string[]; decision?: string; screening?: Json };
  locale?: string;
  /** Optional customer history (decision 190). */
  customer?: Json;
}
const specs: Spec[] = [];
const add = (s: Spec) => specs.push(s);

// ---------------------------------------------------------------- ekr-auto
const ekr = (s: Omit<Spec, "policy" | "shop"> & { shop?: Json }) => add({ policy: "ekr-auto", shop: US, ...s });
const ekrLine = (id: number, over: Json = {}) => line(id, { deliveredAt: "2026-03-01T20:00:00Z", ...over });
// Delivered 1 March 12:00 PST -> window closes 31 March 23:59:59.999 PDT = 1 April 06:59:59.999Z.
const EKR_DEADLINE = "2026-04-01T06:59:59.999Z";

ekr({
  clause: "ekr.window-30-days", name: "unwanted-day-29", now: "2026-03-30T18:00:00Z",
  lines: [ekrLine(1)], request: [req(1, "UNWANTED", { conditions: NO_FAULT_OK })],
  expect: { eligible: true, lines: [exp(1, true, [], { route: "return", deadline: EKR_DEADLINE })], resolutions: ["refund"] },
});
ekr({
  clause: "ekr.window-30-days", name: "unwanted-last-millisecond", now: EKR_DEADLINE,
  lines: [ekrLine(1)], request: [req(1, "UNWANTED", { conditions: NO_FAULT_OK })],
  expect: { eligible: true, lines: [exp(1, true, [], { route: "return", deadline: EKR_DEADLINE })] },
});
ekr({
  clause: "ekr.window-30-days", name: "unwanted-one-ms-late", now: "2026-04-01T07:00:00.000Z",
  lines: [ekrLine(1)], request: [req(1, "UNWANTED", { conditions: NO_FAULT_OK })],
  expect: { eligible: false, lines: [exp(1, false, ["OUTSIDE_WINDOW"], { deadline: EKR_DEADLINE })], resolutions: [] },
});
ekr({
  clause: "ekr.window-30-days", name: "defective-after-30-days-not-seat-cover", now: "2026-04-10T18:00:00Z",
  lines: [ekrLine(1)], request: [req(1, "DEFECTIVE")],
  expect: { eligible: false, lines: [exp(1, false, ["OUTSIDE_WINDOW"], { deadline: EKR_DEADLINE })] },
});
for (const reason of ["SIZE_TOO_SMALL", "SIZE_TOO_LARGE", "STYLE", "COLOR", "OTHER"]) {
  ekr({
    clause: "ekr.every-reason-accepted", name: `${reason.toLowerCase()}-with-conditions`, now: "2026-03-10T18:00:00Z",
    lines: [ekrLine(1)], request: [req(1, reason, { conditions: NO_FAULT_OK })],
    expect: { eligible: true, lines: [exp(1, true, [], { route: "return", deadline: EKR_DEADLINE })] },
  });
}
for (const reason of ["WRONG_ITEM", "NOT_AS_DESCRIBED", "DAMAGED", "DEFECTIVE"]) {
  ekr({
    clause: "ekr.faults-no-condition-no-photo", name: `${reason.toLowerCase()}-bare`, now: "2026-03-10T18:00:00Z",
    lines: [ekrLine(1)], request: [req(1, reason)],
    expect: { eligible: true, lines: [exp(1, true, [], { route: "return", deadline: EKR_DEADLINE })], resolutions: ["refund"] },
  });
}
for (const missing of NO_FAULT_OK) {
  ekr({
    clause: "ekr.no-fault-conditions", name: `unwanted-missing-${missing}`, now: "2026-03-10T18:00:00Z",
    lines: [ekrLine(1)], request: [req(1, "UNWANTED", { conditions: NO_FAULT_OK.filter((c) => c !== missing) })],
    expect: { eligible: false, lines: [exp(1, false, ["CONDITION_NOT_MET"])] },
  });
}
ekr({
  clause: "ekr.no-fault-conditions", name: "style-no-conditions-and-late", now: "2026-04-02T18:00:00Z",
  lines: [ekrLine(1)], request: [req(1, "STYLE")],
  expect: { eligible: false, lines: [exp(1, false, ["OUTSIDE_WINDOW", "CONDITION_NOT_MET"])] },
});
for (const [name, over] of [
  ["tag-custom", { tags: ["custom"] }],
  ["tag-personalised", { tags: ["Personalised"] }],
  ["tag-personalized-uppercase", { tags: ["PERSONALIZED"] }],
  ["line-item-property", { customAttributes: [{ key: "Engraving", value: "Sam" }] }],
] as Array<[string, Json]>) {
  ekr({
    clause: "ekr.custom-not-returnable-no-fault", name: `unwanted-${name}`, now: "2026-03-10T18:00:00Z",
    lines: [ekrLine(1, over)], request: [req(1, "UNWANTED", { conditions: NO_FAULT_OK })],
    expect: { eligible: false, lines: [exp(1, false, ["EXCLUDED_ITEM"])] },
  });
}
ekr({
  clause: "ekr.custom-not-returnable-no-fault", name: "defective-custom-is-returnable", now: "2026-03-10T18:00:00Z",
  lines: [ekrLine(1, { tags: ["custom"], customAttributes: [{ key: "Name", value: "Ana" }] })], request: [req(1, "DEFECTIVE")],
  expect: { eligible: true, lines: [exp(1, true, [], { route: "return" })] },
});
ekr({
  clause: "ekr.gift-card-never", name: "gift-card-defective", now: "2026-03-05T18:00:00Z",
  lines: [ekrLine(1, { isGiftCard: true, productType: "Gift Card", deliveredAt: null })], request: [req(1, "DEFECTIVE")],
  expect: { eligible: false, lines: [exp(1, false, ["GIFT_CARD"])] },
});
ekr({
  clause: "ekr.gift-card-never", name: "gift-card-unwanted-missing-conditions", now: "2026-03-05T18:00:00Z",
  lines: [ekrLine(1, { isGiftCard: true })], request: [req(1, "UNWANTED")],
  expect: { eligible: false, lines: [exp(1, false, ["GIFT_CARD", "CONDITION_NOT_MET"])] },
});
ekr({
  clause: "ekr.sale-items-returnable", name: "on-sale-unwanted", now: "2026-03-10T18:00:00Z",
  lines: [ekrLine(1, { onSale: true, tags: ["final-sale"] })], request: [req(1, "UNWANTED", { conditions: NO_FAULT_OK })],
  expect: { eligible: true, lines: [exp(1, true, [])] },
});
for (const ch of ["marketplace", "retail_partner", "pos", "draft_order", "other"]) {
  ekr({
    clause: "ekr.every-channel-accepted", name: `channel-${ch}`, now: "2026-03-10T18:00:00Z", orderOver: { salesChannel: ch },
    lines: [ekrLine(1)], request: [req(1, "COLOR", { conditions: NO_FAULT_OK })],
    expect: { eligible: true, lines: [exp(1, true, [])] },
  });
}
const seat = (id: number, over: Json = {}) => ekrLine(id, { productType: "Custom Seat Cover", tags: ["custom"], title: "Custom Seat Cover", ...over });
// Two years from 1 March 2026 (PST): 1 March 2028 23:59:59.999 PST = 2 March 2028 07:59:59.999Z.
const SEAT_END = "2028-03-02T07:59:59.999Z";
ekr({
  clause: "ekr.seat-cover-warranty", name: "damaged-after-30-days", now: "2026-06-01T18:00:00Z",
  lines: [seat(1)], request: [req(1, "DAMAGED")],
  expect: { eligible: true, lines: [exp(1, true, [], { route: "warranty", deadline: SEAT_END })], resolutions: ["replacement"] },
});
ekr({
  clause: "ekr.seat-cover-warranty", name: "defective-within-30-days-is-a-return", now: "2026-03-20T18:00:00Z",
  lines: [seat(1)], request: [req(1, "DEFECTIVE")],
  expect: { eligible: true, lines: [exp(1, true, [], { route: "return", deadline: EKR_DEADLINE })], resolutions: ["refund"] },
});
ekr({
  clause: "ekr.seat-cover-warranty", name: "defective-last-ms-of-warranty", now: SEAT_END,
  lines: [seat(1)], request: [req(1, "DEFECTIVE")],
  expect: { eligible: true, lines: [exp(1, true, [], { route: "warranty", deadline: SEAT_END })] },
});
ekr({
  clause: "ekr.seat-cover-warranty", name: "warranty-expired", now: "2028-03-02T08:00:00Z",
  lines: [seat(1)], request: [req(1, "DEFECTIVE")],
  expect: { eligible: false, lines: [exp(1, false, ["OUTSIDE_WINDOW"], { deadline: SEAT_END })] },
});
ekr({
  clause: "ekr.seat-cover-warranty", name: "wrong-item-not-covered-after-30-days", now: "2026-06-01T18:00:00Z",
  lines: [seat(1)], request: [req(1, "WRONG_ITEM")],
  expect: { eligible: false, lines: [exp(1, false, ["OUTSIDE_WINDOW"], { deadline: EKR_DEADLINE })] },
});
ekr({
  clause: "ekr.seat-cover-warranty", name: "unwanted-after-30-days", now: "2026-06-01T18:00:00Z",
  lines: [seat(1)], request: [req(1, "UNWANTED", { conditions: NO_FAULT_OK })],
  expect: { eligible: false, lines: [exp(1, false, ["OUTSIDE_WINDOW", "EXCLUDED_ITEM"])] },
});
ekr({
  clause: "ekr.seat-cover-warranty", name: "leap-day-delivery-clamps-to-28-feb", now: "2030-03-01T07:59:59.999Z",
  lines: [seat(1, { deliveredAt: "2028-02-29T20:00:00Z", fulfilledAt: "2028-02-25T20:00:00Z" })], request: [req(1, "DAMAGED")],
  expect: { eligible: true, lines: [exp(1, true, [], { route: "warranty", deadline: "2030-03-01T07:59:59.999Z" })] },
});
ekr({
  clause: "ekr.resolutions", name: "mixed-return-and-warranty-lines-share-no-resolution", now: "2026-06-01T18:00:00Z",
  lines: [seat(1), ekrLine(2, { deliveredAt: "2026-05-20T20:00:00Z" })],
  request: [req(1, "DEFECTIVE"), req(2, "DEFECTIVE")],
  expect: {
    eligible: true,
    lines: [exp(1, true, [], { route: "warranty" }), exp(2, true, [], { route: "return", deadline: "2026-06-20T06:59:59.999Z" })],
    resolutions: [],
  },
});

// ------------------------------------------------------------- ekoh-store
const ekoh = (s: Omit<Spec, "policy" | "shop"> & { shop?: Json }) => add({ policy: "ekoh-store", shop: NZ, ...s });
// Delivered 1 March 16:00 NZDT -> 7 days -> 8 March 23:59:59.999 NZDT = 8 March 10:59:59.999Z.
const EKOH_DEADLINE = "2026-03-08T10:59:59.999Z";
for (const reason of ["UNWANTED", "SIZE_TOO_SMALL", "SIZE_TOO_LARGE", "STYLE", "COLOR", "OTHER"]) {
  ekoh({
    clause: "ekoh.no-change-of-mind", name: reason.toLowerCase(), now: "2026-03-02T00:00:00Z",
    lines: [line(1)], request: [req(1, reason, { conditions: ["unused", "unopened", "original_packaging"] })],
    expect: { eligible: false, lines: [exp(1, false, ["REASON_NOT_ACCEPTED"])], resolutions: [] },
  });
}
for (const reason of ["WRONG_ITEM", "NOT_AS_DESCRIBED"]) {
  ekoh({
    clause: "ekoh.faults-within-7-days", name: `${reason.toLowerCase()}-no-photo-needed`, now: "2026-03-05T00:00:00Z",
    lines: [line(1)], request: [req(1, reason)],
    expect: { eligible: true, lines: [exp(1, true, [], { route: "return", deadline: EKOH_DEADLINE })], resolutions: ["refund", "replacement", "store_credit"] },
  });
}
for (const reason of ["DEFECTIVE", "DAMAGED"]) {
  ekoh({
    clause: "ekoh.photo-for-defective-damaged", name: `${reason.toLowerCase()}-one-photo`, now: "2026-03-05T00:00:00Z",
    lines: [line(1)], request: [req(1, reason, { photos: 1 })],
    expect: { eligible: true, lines: [exp(1, true, [], { route: "return", deadline: EKOH_DEADLINE })] },
  });
  ekoh({
    clause: "ekoh.photo-for-defective-damaged", name: `${reason.toLowerCase()}-no-photo`, now: "2026-03-05T00:00:00Z",
    lines: [line(1)], request: [req(1, reason, { photos: 0 })],
    expect: { eligible: false, lines: [exp(1, false, ["EVIDENCE_REQUIRED"])] },
  });
}
ekoh({
  clause: "ekoh.faults-within-7-days", name: "wrong-item-last-ms", now: EKOH_DEADLINE,
  lines: [line(1)], request: [req(1, "WRONG_ITEM")],
  expect: { eligible: true, lines: [exp(1, true, [], { deadline: EKOH_DEADLINE })] },
});
ekoh({
  clause: "ekoh.faults-within-7-days", name: "wrong-item-day-8", now: "2026-03-08T11:00:00Z",
  lines: [line(1)], request: [req(1, "WRONG_ITEM")],
  expect: { eligible: false, lines: [exp(1, false, ["OUTSIDE_WINDOW"], { deadline: EKOH_DEADLINE })] },
});
ekoh({
  clause: "ekoh.no-conditions-for-faults", name: "opened-used-defective", now: "2026-03-05T00:00:00Z",
  lines: [line(1)], request: [req(1, "DEFECTIVE", { photos: 3, conditions: [] })],
  expect: { eligible: true, lines: [exp(1, true, [])] },
});
for (const ch of ["marketplace", "retail_partner"]) {
  ekoh({
    clause: "ekoh.marketplace-retail-partner-excluded", name: `${ch}-defective`, now: "2026-03-05T00:00:00Z", orderOver: { salesChannel: ch },
    lines: [line(1)], request: [req(1, "DEFECTIVE", { photos: 1 })],
    expect: { eligible: false, lines: [exp(1, false, ["EXCLUDED_CHANNEL"])] },
  });
}
ekoh({
  clause: "ekoh.marketplace-retail-partner-excluded", name: "pos-is-fine", now: "2026-03-05T00:00:00Z", orderOver: { salesChannel: "pos" },
  lines: [line(1)], request: [req(1, "WRONG_ITEM")],
  expect: { eligible: true, lines: [exp(1, true, [])] },
});
for (const [name, over, code] of [
  ["perishable", { tags: ["perishable"] }, "EXCLUDED_ITEM"],
  ["custom", { tags: ["Custom"] }, "EXCLUDED_ITEM"],
  ["personalised-property", { customAttributes: [{ key: "Monogram", value: "AB" }] }, "EXCLUDED_ITEM"],
  ["personal-care", { tags: ["personal-care"] }, "EXCLUDED_ITEM"],
  ["on-sale", { onSale: true }, "FINAL_SALE"],
  ["final-sale-tag", { tags: ["FINAL-SALE"] }, "FINAL_SALE"],
  ["gift-card", { isGiftCard: true }, "GIFT_CARD"],
] as Array<[string, Json, string]>) {
  ekoh({
    clause: "ekoh.non-returnable-categories", name: `${name}-change-of-mind`, now: "2026-03-02T00:00:00Z",
    lines: [line(1, over)], request: [req(1, "UNWANTED", { conditions: ["unused", "unopened", "original_packaging"] })],
    expect: { eligible: false, lines: [exp(1, false, ["REASON_NOT_ACCEPTED", code])] },
  });
  ekoh({
    clause: "ekoh.non-returnable-categories", name: `${name}-damaged-is-fine`, now: "2026-03-02T00:00:00Z",
    lines: [line(1, over)], request: [req(1, "DAMAGED", { photos: 1 })],
    expect: { eligible: true, lines: [exp(1, true, [], { route: "return" })] },
  });
}
ekoh({
  clause: "ekoh.several-codes", name: "late-marketplace-defective-without-photo", now: "2026-03-20T00:00:00Z", orderOver: { salesChannel: "marketplace" },
  lines: [line(1)], request: [req(1, "DEFECTIVE", { quantity: 2 })],
  expect: { eligible: false, lines: [exp(1, false, ["EXCLUDED_CHANNEL", "QUANTITY_UNAVAILABLE", "OUTSIDE_WINDOW", "EVIDENCE_REQUIRED"])] },
});

// ------------------------------------------------------- time zones and DST
// Auckland leaves DST on 5 April 2026 (03:00 NZDT -> 02:00 NZST).
ekoh({
  clause: "time.auckland-dst-end", name: "window-closes-in-nzst", now: "2026-04-05T11:59:59.999Z",
  lines: [line(1, { deliveredAt: "2026-03-29T03:00:00Z" })], request: [req(1, "WRONG_ITEM")],
  expect: { eligible: true, lines: [exp(1, true, [], { deadline: "2026-04-05T11:59:59.999Z" })] },
});
ekoh({
  clause: "time.auckland-dst-end", name: "one-ms-after-nzst-close", now: "2026-04-05T12:00:00.000Z",
  lines: [line(1, { deliveredAt: "2026-03-29T03:00:00Z" })], request: [req(1, "WRONG_ITEM")],
  expect: { eligible: false, lines: [exp(1, false, ["OUTSIDE_WINDOW"], { deadline: "2026-04-05T11:59:59.999Z" })] },
});
// Auckland enters DST on 27 September 2026 (02:00 NZST -> 03:00 NZDT).
ekoh({
  clause: "time.auckland-dst-start", name: "window-closes-in-nzdt", now: "2026-09-27T10:30:00Z",
  lines: [line(1, { deliveredAt: "2026-09-20T01:00:00Z", fulfilledAt: "2026-09-18T01:00:00Z" })], request: [req(1, "NOT_AS_DESCRIBED")],
  expect: { eligible: true, lines: [exp(1, true, [], { deadline: "2026-09-27T10:59:59.999Z" })] },
});
ekoh({
  clause: "time.auckland-local-day", name: "delivered-early-morning-local-counts-that-day", now: "2026-03-07T12:00:00Z",
  // 28 Feb 12:30Z is 1 March 01:30 NZDT: the window runs to 8 March local.
  lines: [line(1, { deliveredAt: "2026-02-28T12:30:00Z" })], request: [req(1, "WRONG_ITEM")],
  expect: { eligible: true, lines: [exp(1, true, [], { deadline: EKOH_DEADLINE })] },
});
// Los Angeles enters DST on 8 March 2026 and leaves it on 1 November 2026.
ekr({
  clause: "time.los-angeles-dst-start", name: "delivered-pst-closes-pdt", now: "2026-03-13T06:59:59.999Z",
  lines: [ekrLine(1, { deliveredAt: "2026-02-10T20:00:00Z", fulfilledAt: "2026-02-08T20:00:00Z" })], request: [req(1, "DAMAGED")],
  expect: { eligible: true, lines: [exp(1, true, [], { deadline: "2026-03-13T06:59:59.999Z" })] },
});
ekr({
  clause: "time.los-angeles-dst-end", name: "delivered-pdt-closes-pst", now: "2026-11-05T08:00:00Z",
  lines: [ekrLine(1, { deliveredAt: "2026-10-05T20:00:00Z", fulfilledAt: "2026-10-02T20:00:00Z" })], request: [req(1, "DAMAGED")],
  expect: { eligible: false, lines: [exp(1, false, ["OUTSIDE_WINDOW"], { deadline: "2026-11-05T07:59:59.999Z" })] },
});
ekr({
  clause: "time.los-angeles-local-day", name: "delivered-late-evening-local", now: "2026-03-31T20:00:00Z",
  // 2 March 05:00Z is 1 March 21:00 PST.
  lines: [ekrLine(1, { deliveredAt: "2026-03-02T05:00:00Z" })], request: [req(1, "WRONG_ITEM")],
  expect: { eligible: true, lines: [exp(1, true, [], { deadline: EKR_DEADLINE })] },
});

// -------------------------------------------------- delivery / fulfillment
ekoh({
  clause: "time.no-delivery-counts-from-fulfillment", name: "fulfilled-26-feb", now: "2026-03-05T10:59:59.999Z",
  lines: [line(1, { deliveredAt: null })], request: [req(1, "WRONG_ITEM")],
  expect: { eligible: true, lines: [exp(1, true, [], { deadline: "2026-03-05T10:59:59.999Z" })] },
});
ekoh({
  clause: "engine.not-delivered", name: "nothing-fulfilled", now: "2026-03-02T00:00:00Z",
  lines: [line(1, { fulfilledQuantity: 0, fulfilledAt: null, deliveredAt: null })], request: [req(1, "WRONG_ITEM")],
  expect: { eligible: false, lines: [exp(1, false, ["NOT_DELIVERED"], { deadline: null })] },
});

// ------------------------------------------------------------- quantities
ekoh({
  clause: "engine.quantity", name: "more-than-fulfilled", now: "2026-03-02T00:00:00Z",
  lines: [line(1, { quantity: 3, fulfilledQuantity: 2 })], request: [req(1, "WRONG_ITEM", { quantity: 3 })],
  expect: { eligible: false, lines: [exp(1, false, ["QUANTITY_UNAVAILABLE"])] },
});
ekoh({
  clause: "engine.quantity", name: "already-returned", now: "2026-03-02T00:00:00Z",
  lines: [line(1, { quantity: 2, fulfilledQuantity: 2, returnedQuantity: 1 })], request: [req(1, "WRONG_ITEM", { quantity: 2 })],
  expect: { eligible: false, lines: [exp(1, false, ["QUANTITY_UNAVAILABLE"])] },
});
ekoh({
  clause: "engine.quantity", name: "remaining-unit-ok", now: "2026-03-02T00:00:00Z",
  lines: [line(1, { quantity: 2, fulfilledQuantity: 2, returnedQuantity: 1 })], request: [req(1, "WRONG_ITEM", { quantity: 1 })],
  expect: { eligible: true, lines: [exp(1, true, [])] },
});
ekr({
  clause: "engine.quantity", name: "two-request-lines-share-the-units", now: "2026-03-10T18:00:00Z",
  lines: [ekrLine(1, { quantity: 2, fulfilledQuantity: 2 })],
  request: [req(1, "DEFECTIVE", { quantity: 2 }), req(1, "COLOR", { conditions: NO_FAULT_OK })],
  expect: { eligible: false, lines: [exp(1, true, [])] },
});

// ------------------------------------------------------------- multi-line
ekoh({
  clause: "engine.multi-line", name: "one-good-one-bad", now: "2026-03-03T00:00:00Z",
  lines: [line(1), line(2, { tags: ["perishable"] }), line(3)],
  request: [req(1, "DAMAGED", { photos: 2 }), req(2, "UNWANTED"), req(3, "DEFECTIVE")],
  expect: {
    eligible: false,
    lines: [exp(1, true, []), exp(2, false, ["REASON_NOT_ACCEPTED", "EXCLUDED_ITEM"]), exp(3, false, ["EVIDENCE_REQUIRED"])],
    resolutions: ["refund", "replacement", "store_credit"],
  },
});
ekr({
  clause: "engine.multi-line", name: "all-good", now: "2026-03-10T18:00:00Z",
  lines: [ekrLine(1), ekrLine(2, { quantity: 4, fulfilledQuantity: 4, unitPrice: "12.00" })],
  request: [req(1, "WRONG_ITEM"), req(2, "SIZE_TOO_LARGE", { quantity: 3, conditions: NO_FAULT_OK })],
  expect: { eligible: true, lines: [exp(1, true, []), exp(2, true, [])], resolutions: ["refund"] },
});

// --------------------------------------------------------- standard-30-day
add({
  clause: "standard.final-sale-tag", name: "final-sale-unwanted", policy: "standard-30-day", shop: US, now: "2026-03-10T18:00:00Z",
  lines: [ekrLine(1, { tags: ["final-sale"] })], request: [req(1, "UNWANTED", { conditions: ["unused", "original_packaging"] })],
  expect: { eligible: false, lines: [exp(1, false, ["FINAL_SALE"])] },
});
add({
  clause: "standard.evidence", name: "damaged-needs-photo", policy: "standard-30-day", shop: US, now: "2026-03-10T18:00:00Z",
  lines: [ekrLine(1)], request: [req(1, "DAMAGED")],
  expect: { eligible: false, lines: [exp(1, false, ["EVIDENCE_REQUIRED"])] },
});
add({
  clause: "standard.resolutions", name: "unwanted-ok", policy: "standard-30-day", shop: US, now: "2026-03-10T18:00:00Z",
  lines: [ekrLine(1)], request: [req(1, "UNWANTED", { conditions: ["unused", "original_packaging"] })],
  expect: { eligible: true, lines: [exp(1, true, [], { deadline: EKR_DEADLINE })], resolutions: ["refund", "store_credit", "exchange"] },
});

// ------------------------------------------------------ inline custom policy
const custom: Json = {
  schemaVersion: 1,
  id: "tokyo-14",
  version: 3,
  name: "Tokyo 14 days from fulfillment",
  reasons: {
    accepted: ["UNWANTED", "DEFECTIVE", "DAMAGED"],
    groups: {
      UNWANTED: "change_of_mind", SIZE_TOO_SMALL: "change_of_mind", SIZE_TOO_LARGE: "change_of_mind", STYLE: "change_of_mind",
      COLOR: "change_of_mind", OTHER: "change_of_mind", DEFECTIVE: "faults", DAMAGED: "faults", WRONG_ITEM: "faults", NOT_AS_DESCRIBED: "faults",
    },
  },
  windows: { change_of_mind: { days: 14, from: "fulfillment" }, faults: { days: 14, from: "fulfillment" } },
  conditions: { change_of_mind: ["unopened"] },
  rules: [
    { id: "vendor-acme", match: [{ kind: "vendor", values: ["ACME"] }], appliesTo: ["*"], code: "EXCLUDED_ITEM" },
    { id: "collection-outlet", match: [{ kind: "collection", values: ["outlet"] }], appliesTo: ["UNWANTED"], code: "FINAL_SALE" },
    { id: "engraved", match: [{ kind: "lineItemProperty", keys: ["Engraving"] }], appliesTo: ["change_of_mind"], code: "EXCLUDED_ITEM" },
    { id: "food", match: [{ kind: "productType", values: ["Food"] }], appliesTo: ["change_of_mind"], code: "EXCLUDED_ITEM" },
  ],
  channels: { excluded: ["pos"] },
  resolutions: { return: ["store_credit", "exchange"] },
  approval: { mode: "auto_approve_and_decline" },
};
const JP = { country: "JP", timezone: "Asia/Tokyo", currency: "JPY" };
const jpLine = (id: number, over: Json = {}) =>
  line(id, { unitPrice: "1200", fulfilledAt: "2026-03-01T00:00:00Z", deliveredAt: "2026-03-10T00:00:00Z", ...over });
const customSpec = (s: Omit<Spec, "policy" | "shop">) => add({ policy: custom, shop: JP, orderOver: { currency: "JPY", shippingCountry: "JP" }, ...s });
// Fulfilled 1 March 09:00 JST -> 15 March 23:59:59.999 JST = 15 March 14:59:59.999Z, whatever the delivery.
customSpec({
  clause: "custom.window-from-fulfillment", name: "ignores-later-delivery", now: "2026-03-15T15:00:00Z",
  lines: [jpLine(1)], request: [req(1, "DEFECTIVE")],
  expect: { eligible: false, lines: [exp(1, false, ["OUTSIDE_WINDOW"], { deadline: "2026-03-15T14:59:59.999Z" })] },
});
customSpec({
  clause: "custom.reasons", name: "wrong-item-not-accepted", now: "2026-03-05T00:00:00Z",
  lines: [jpLine(1)], request: [req(1, "WRONG_ITEM")],
  expect: { eligible: false, lines: [exp(1, false, ["REASON_NOT_ACCEPTED"])] },
});
customSpec({
  clause: "custom.matchers", name: "vendor-collection-property-type", now: "2026-03-05T00:00:00Z",
  lines: [
    jpLine(1, { vendor: "acme" }),
    jpLine(2, { collections: ["Outlet"] }),
    jpLine(3, { customAttributes: [{ key: "engraving", value: "K" }] }),
    jpLine(4, { customAttributes: [{ key: "Gift wrap", value: "yes" }] }),
    jpLine(5, { productType: "food" }),
  ],
  request: [1, 2, 3, 4, 5].map((i) => req(i, "UNWANTED", { conditions: ["unopened"] })),
  expect: {
    eligible: false,
    lines: [exp(1, false, ["EXCLUDED_ITEM"]), exp(2, false, ["FINAL_SALE"]), exp(3, false, ["EXCLUDED_ITEM"]), exp(4, true, []), exp(5, false, ["EXCLUDED_ITEM"])],
    resolutions: ["store_credit", "exchange"],
  },
});
customSpec({
  clause: "custom.channels", name: "pos-excluded", now: "2026-03-05T00:00:00Z", orderOver: { currency: "JPY", salesChannel: "pos" },
  lines: [jpLine(1)], request: [req(1, "DAMAGED")],
  expect: { eligible: false, lines: [exp(1, false, ["EXCLUDED_CHANNEL"])] },
});
customSpec({
  clause: "custom.conditions", name: "unopened-required", now: "2026-03-05T00:00:00Z",
  lines: [jpLine(1)], request: [req(1, "UNWANTED")],
  expect: { eligible: false, lines: [exp(1, false, ["CONDITION_NOT_MET"])] },
});

// ------------------------------------------- decision 190: per-reason rules, history, keep the item
// A merchant's own policy, written the way the policy editor saves it, on the standard-30-day base.
const ALL_GROUPS = {
  UNWANTED: "change_of_mind", SIZE_TOO_SMALL: "change_of_mind", SIZE_TOO_LARGE: "change_of_mind", STYLE: "change_of_mind",
  COLOR: "change_of_mind", OTHER: "change_of_mind", DEFECTIVE: "faults", DAMAGED: "faults", WRONG_ITEM: "faults", NOT_AS_DESCRIBED: "faults",
};
const rulesPolicy: Json = {
  schemaVersion: 1,
  id: "reason-rules",
  version: 1,
  name: "Per-reason rules",
  reasons: { accepted: Object.keys(ALL_GROUPS), groups: ALL_GROUPS },
  windows: { change_of_mind: { days: 30, from: "delivery" }, faults: { days: 30, from: "delivery" } },
  conditions: { change_of_mind: ["unused"] },
  resolutions: { return: ["refund", "store_credit"] },
  approval: { mode: "auto_approve_eligible" },
  reasonRules: [
    { id: "wrong-item", name: "Wrong item", reasons: ["WRONG_ITEM"], window: { days: 14, from: "order" }, resolutions: ["replacement", "refund"] },
    { id: "faults", name: "Faults", reasons: ["DEFECTIVE", "DAMAGED"], window: { days: 60, from: "fulfillment" }, minPhotos: 1, fees: { restockingBps: 0, returnShippingFeeMinor: 0 } },
    { id: "change-of-mind", name: "Change of mind", reasons: ["UNWANTED"], conditions: ["unopened"], fees: { restockingBps: 1500, returnShippingFeeMinor: 595 } },
  ],
  history: {
    windowDays: 90,
    hold: { maxRequests: 3, maxUnits: 6, maxRefunded: { NZD: "300.00" }, maxReturnRateBps: 5000, minOrdersForRate: 4 },
    blocklist: { customers: ["gid://shopify/Customer/666"], emailDomains: ["mailinator.com"] },
  },
  keepItem: { maxLineValue: { NZD: "20.00" }, reasons: ["NOT_AS_DESCRIBED"], match: [{ kind: "productType", values: ["Fresh flowers"] }] },
};
const rr = (s: Omit<Spec, "policy" | "shop">) => add({ policy: rulesPolicy, shop: NZ, ...s });
const customer = (over: Json = {}): Json => ({ id: "gid://shopify/Customer/7", emailDomain: "example.co.nz", orders: 10, requests: 0, units: 0, refunded: {}, ...over });
// Processed 25 Feb 09:00Z = 25 Feb 22:00 NZDT; 14 days -> 11 March 23:59:59.999 NZDT = 11 March 10:59:59.999Z.
const WRONG_DEADLINE = "2026-03-11T10:59:59.999Z";
rr({
  clause: "rules.reason-window-from-order", name: "wrong-item-last-ms", now: WRONG_DEADLINE,
  lines: [line(1)], request: [req(1, "WRONG_ITEM")],
  expect: { eligible: true, lines: [exp(1, true, [], { route: "return", deadline: WRONG_DEADLINE })], resolutions: ["replacement", "refund"] },
});
rr({
  clause: "rules.reason-window-from-order", name: "wrong-item-one-ms-late", now: "2026-03-11T11:00:00.000Z",
  lines: [line(1)], request: [req(1, "WRONG_ITEM")],
  expect: { eligible: false, lines: [exp(1, false, ["OUTSIDE_WINDOW"], { deadline: WRONG_DEADLINE })], resolutions: [] },
});
// Fulfilled 26 Feb 02:00Z = 26 Feb 15:00 NZDT; 60 days -> 27 April 23:59:59.999 NZST = 27 April 11:59:59.999Z.
const FAULT_DEADLINE = "2026-04-27T11:59:59.999Z";
rr({
  clause: "rules.reason-window-from-fulfillment", name: "damaged-day-60-last-ms", now: FAULT_DEADLINE,
  lines: [line(1)], request: [req(1, "DAMAGED", { photos: 1 })],
  expect: { eligible: true, lines: [exp(1, true, [], { deadline: FAULT_DEADLINE })] },
});
rr({
  clause: "rules.reason-window-from-fulfillment", name: "defective-one-ms-late", now: "2026-04-27T12:00:00.000Z",
  lines: [line(1)], request: [req(1, "DEFECTIVE", { photos: 1 })],
  expect: { eligible: false, lines: [exp(1, false, ["OUTSIDE_WINDOW"], { deadline: FAULT_DEADLINE })] },
});
rr({
  clause: "rules.reason-evidence", name: "damaged-no-photo", now: "2026-03-05T00:00:00Z",
  lines: [line(1)], request: [req(1, "DAMAGED")],
  expect: { eligible: false, lines: [exp(1, false, ["EVIDENCE_REQUIRED"])] },
});
rr({
  clause: "rules.reason-conditions", name: "unwanted-needs-unopened", now: "2026-03-05T00:00:00Z",
  lines: [line(1)], request: [req(1, "UNWANTED", { conditions: ["unused"] })],
  expect: { eligible: false, lines: [exp(1, false, ["CONDITION_NOT_MET"])] },
});
rr({
  clause: "rules.reason-conditions", name: "style-keeps-group-conditions", now: "2026-03-05T00:00:00Z",
  lines: [line(1)], request: [req(1, "STYLE", { conditions: ["unused"] })],
  expect: { eligible: true, lines: [exp(1, true, [], { deadline: "2026-03-31T10:59:59.999Z" })], resolutions: ["refund", "store_credit"] },
});
rr({
  clause: "history.hold", name: "requests-at-threshold-clear", now: "2026-03-05T00:00:00Z", customer: customer({ requests: 2 }),
  lines: [line(1)], request: [req(1, "STYLE", { conditions: ["unused"] })],
  expect: { eligible: true, lines: [exp(1, true, [])], decision: "approve", screening: { outcome: "clear" } },
});
rr({
  clause: "history.hold", name: "requests-above-threshold-held", now: "2026-03-05T00:00:00Z", customer: customer({ requests: 3 }),
  lines: [line(1)], request: [req(1, "STYLE", { conditions: ["unused"] })],
  expect: { eligible: true, lines: [exp(1, true, [])], decision: "review", screening: { outcome: "hold", codes: ["REQUESTS_ABOVE"] } },
});
rr({
  clause: "history.hold", name: "units-above-threshold-held", now: "2026-03-05T00:00:00Z", customer: customer({ units: 5 }),
  lines: [line(1, { quantity: 2, fulfilledQuantity: 2 })], request: [req(1, "STYLE", { quantity: 2, conditions: ["unused"] })],
  expect: { eligible: true, lines: [exp(1, true, [])], decision: "review", screening: { outcome: "hold", codes: ["UNITS_ABOVE"] } },
});
rr({
  clause: "history.hold", name: "refunded-at-threshold-clear", now: "2026-03-05T00:00:00Z", customer: customer({ refunded: { NZD: "300.00", AUD: "900.00" } }),
  lines: [line(1)], request: [req(1, "STYLE", { conditions: ["unused"] })],
  expect: { eligible: true, lines: [exp(1, true, [])], decision: "approve", screening: { outcome: "clear" } },
});
rr({
  clause: "history.hold", name: "refunded-above-threshold-held", now: "2026-03-05T00:00:00Z", customer: customer({ refunded: { NZD: "300.01" } }),
  lines: [line(1)], request: [req(1, "STYLE", { conditions: ["unused"] })],
  expect: { eligible: true, lines: [exp(1, true, [])], decision: "review", screening: { outcome: "hold", codes: ["REFUNDED_ABOVE"] } },
});
rr({
  clause: "history.hold", name: "return-rate-above-held", now: "2026-03-05T00:00:00Z", customer: customer({ orders: 4, requests: 2 }),
  lines: [line(1)], request: [req(1, "STYLE", { conditions: ["unused"] })],
  expect: { eligible: true, lines: [exp(1, true, [])], decision: "review", screening: { outcome: "hold", codes: ["RETURN_RATE_ABOVE"] } },
});
rr({
  clause: "history.hold", name: "return-rate-too-few-orders-clear", now: "2026-03-05T00:00:00Z", customer: customer({ orders: 3, requests: 2 }),
  lines: [line(1)], request: [req(1, "STYLE", { conditions: ["unused"] })],
  expect: { eligible: true, lines: [exp(1, true, [])], decision: "approve", screening: { outcome: "clear" } },
});
rr({
  clause: "history.blocklist", name: "customer-blocked", now: "2026-03-05T00:00:00Z", customer: customer({ id: "gid://shopify/Customer/666" }),
  lines: [line(1)], request: [req(1, "STYLE", { conditions: ["unused"] })],
  expect: { eligible: true, lines: [exp(1, true, [])], decision: "review", screening: { outcome: "blocked", codes: ["BLOCKED_CUSTOMER"] } },
});
rr({
  clause: "history.blocklist", name: "email-subdomain-blocked", now: "2026-03-05T00:00:00Z", customer: customer({ emailDomain: "eu.Mailinator.com" }),
  lines: [line(1)], request: [req(1, "STYLE", { conditions: ["unused"] })],
  expect: { eligible: true, lines: [exp(1, true, [])], decision: "review", screening: { outcome: "blocked", codes: ["BLOCKED_EMAIL_DOMAIN"] } },
});
rr({
  clause: "keep.value", name: "just-under-kept", now: "2026-03-05T00:00:00Z",
  lines: [line(1, { unitPrice: "19.99" })], request: [req(1, "STYLE", { conditions: ["unused"] })],
  expect: { eligible: true, lines: [exp(1, true, [], { keepItem: true })] },
});
rr({
  clause: "keep.value", name: "at-threshold-returned", now: "2026-03-05T00:00:00Z",
  lines: [line(1, { unitPrice: "20.00" })], request: [req(1, "STYLE", { conditions: ["unused"] })],
  expect: { eligible: true, lines: [exp(1, true, [], { keepItem: false })] },
});
rr({
  clause: "keep.value", name: "two-units-over-threshold-returned", now: "2026-03-05T00:00:00Z",
  lines: [line(1, { unitPrice: "10.00", quantity: 2, fulfilledQuantity: 2 })], request: [req(1, "STYLE", { quantity: 2, conditions: ["unused"] })],
  expect: { eligible: true, lines: [exp(1, true, [], { keepItem: false })] },
});
rr({
  clause: "keep.reason-or-product", name: "not-as-described-kept-any-value", now: "2026-03-05T00:00:00Z",
  lines: [line(1, { unitPrice: "250.00" })], request: [req(1, "NOT_AS_DESCRIBED")],
  expect: { eligible: true, lines: [exp(1, true, [], { keepItem: true })] },
});
rr({
  clause: "keep.reason-or-product", name: "fresh-flowers-kept", now: "2026-03-05T00:00:00Z",
  lines: [line(1, { unitPrice: "80.00", productType: "Fresh Flowers" })], request: [req(1, "DAMAGED", { photos: 1 })],
  expect: { eligible: true, lines: [exp(1, true, [], { keepItem: true })] },
});
rr({
  clause: "keep.reason-or-product", name: "ineligible-never-kept", now: "2026-04-05T00:00:00Z",
  lines: [line(1, { unitPrice: "5.00" })], request: [req(1, "STYLE", { conditions: ["unused"] })],
  expect: { eligible: false, lines: [exp(1, false, ["OUTSIDE_WINDOW"], { keepItem: false })] },
});

// ------------------------------------------------------------------ write
const slug = (s: string) => s.replace(/[^a-z0-9.-]+/gi, "-").toLowerCase();
for (const f of readdirSync(outDir)) if (f.endsWith(".json")) unlinkSync(join(outDir, f));
for (const s of specs) {
  n++;
  const order: Json = {
    id: `gid://shopify/Order/${2000 + n}`,
    name: `#${2000 + n}`,
    processedAt: "2026-02-25T09:00:00Z",
    currency: (s.shop ?? NZ).currency,
    salesChannel: "online_store",
    shippingCountry: (s.shop ?? NZ).country,
    ...s.orderOver,
    lines: s.lines,
  };
  const file = {
    clause: s.clause,
    policy: s.policy,
    now: s.now,
    shop: s.shop ?? NZ,
    order,
    request: { lines: s.request },
    ...(s.locale ? { locale: s.locale } : {}),
    ...(s.customer ? { customer: s.customer } : {}),
    expect: s.expect,
  };
  writeFileSync(join(outDir, `${slug(s.clause)}--${slug(s.name)}.json`), `${JSON.stringify(file, null, 2)}\n`);
}
console.log(`wrote ${specs.length} scenarios`);
