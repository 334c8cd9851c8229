// The one vocabulary for reasons and resolutions: the core owns the codes (policy.ts) and their English
// words here. Labels name a code on its own (a checkbox, a badge, a filter); phrases fit it into a
// sentence of the policy summary. Shopper translations are keyed by the same codes
// (app/services/shopper/locale.ts); a test fails when a code lacks words in any table.
import type { Reason, Resolution } from "./policy";

/** A reason on its own, as staff see it. */
export const REASON_LABEL: Record<Reason, string> = {
  UNWANTED: "Changed mind",
  DEFECTIVE: "Defective",
  DAMAGED: "Damaged",
  WRONG_ITEM: "Wrong item",
  NOT_AS_DESCRIBED: "Not as described",
  SIZE_TOO_SMALL: "Too small",
  SIZE_TOO_LARGE: "Too large",
  STYLE: "Style",
  COLOR: "Colour",
  OTHER: "Other",
};

/** A reason inside a sentence ("… if the item is defective or arrived damaged"). */
export const REASON_PHRASE: Record<Reason, string> = {
  UNWANTED: "changed their mind",
  DEFECTIVE: "defective",
  DAMAGED: "arrived damaged",
  WRONG_ITEM: "wrong item sent",
  NOT_AS_DESCRIBED: "not as described",
  SIZE_TOO_SMALL: "too small",
  SIZE_TOO_LARGE: "too large",
  STYLE: "style",
  COLOR: "colour",
  OTHER: "other reason",
};

/** A resolution on its own, as staff see it. */
export const RESOLUTION_LABEL: Record<Resolution, string> = {
  refund: "Refund",
  store_credit: "Store credit",
  exchange: "Exchange",
  replacement: "Replacement",
};

/** A resolution inside a sentence ("You can choose store credit or a replacement."). */
export const RESOLUTION_PHRASE: Record<Resolution, string> = {
  refund: "a refund to the original payment method",
  store_credit: "store credit",
  replacement: "a replacement",
  exchange: "an exchange",
};
