// Built-in policies. `ekr-auto` and `ekoh-store` follow the shared scenario contract (`shared/scenarios/README.md` beside the repository)
// ("How the presets read their policies") to the letter; `standard-30-day` is a sane default.
import { parsePolicy, type Matcher, type Policy, type PolicyInput, type Reason } from "./policy";

const FAULTS: Reason[] = ["DEFECTIVE", "DAMAGED", "WRONG_ITEM", "NOT_AS_DESCRIBED"];
const NO_FAULT: Reason[] = ["UNWANTED", "SIZE_TOO_SMALL", "SIZE_TOO_LARGE", "STYLE", "COLOR", "OTHER"];
const ALL: Reason[] = [...NO_FAULT, ...FAULTS];

const GROUPS = Object.fromEntries([
  ...NO_FAULT.map((r) => [r, "change_of_mind"] as const),
  ...FAULTS.map((r) => [r, "faults"] as const),
]) as Record<Reason, "change_of_mind" | "faults">;

/**
 * Shopify's standard ReturnReasonDefinition handles, as a live shop lists them
 * (shared/shopify/captures/2026-04-return-reason-validation.json). DEFECTIVE and DAMAGED share one.
 */
export const SHOPIFY_REASON_HANDLES: Record<Reason, string> = {
  UNWANTED: "changed-my-mind",
  DEFECTIVE: "damaged-or-defective",
  DAMAGED: "damaged-or-defective",
  WRONG_ITEM: "received-the-wrong-item",
  NOT_AS_DESCRIBED: "item-not-as-described",
  SIZE_TOO_SMALL: "too-small",
  SIZE_TOO_LARGE: "too-big",
  STYLE: "style",
  COLOR: "color",
  OTHER: "other-reason",
};

/** Preset conventions: how a merchant marks products in Shopify. */
const CUSTOM: Matcher[] = [
  { kind: "tag", values: ["custom", "personalised", "personalized"] },
  { kind: "lineItemProperty" },
];
const PERISHABLE: Matcher[] = [{ kind: "tag", values: ["perishable"] }];
const PERSONAL_CARE: Matcher[] = [{ kind: "tag", values: ["personal-care"] }];
const SALE: Matcher[] = [{ kind: "tag", values: ["final-sale"] }, { kind: "onSale" }];
const GIFT_CARD: Matcher[] = [{ kind: "giftCard" }];

const ekrAuto: PolicyInput = {
  schemaVersion: 1,
  id: "ekr-auto",
  version: 1,
  name: "EKR Auto — 30-day returns, two-year seat cover warranty",
  reasons: { accepted: ALL, groups: GROUPS, shopifyHandles: SHOPIFY_REASON_HANDLES },
  windows: {
    change_of_mind: { days: 30, from: "delivery" },
    faults: { days: 30, from: "delivery" },
  },
  conditions: {
    change_of_mind: ["unused", "tags_attached", "original_packaging"],
    faults: [],
    warranty: [],
  },
  evidence: { minPhotos: {} },
  rules: [
    { id: "custom-or-personalised", match: CUSTOM, appliesTo: ["change_of_mind"], code: "EXCLUDED_ITEM" },
    { id: "gift-card", match: GIFT_CARD, appliesTo: ["*"], code: "GIFT_CARD" },
  ],
  channels: { excluded: [] },
  warranties: [
    {
      id: "seat-cover-two-year",
      match: [{ kind: "productType", values: ["Custom Seat Cover"] }],
      months: 24,
      from: "delivery",
      reasons: ["DEFECTIVE", "DAMAGED"],
      resolutions: ["replacement"],
      conditions: [],
      minPhotos: 0,
    },
  ],
  resolutions: { return: ["refund"], warranty: ["replacement"] },
  fees: { restockingBps: 0, returnShippingFeeMinor: 0, appliesTo: ["change_of_mind"] },
  approval: { mode: "manual" },
  refundTimelines: null,
  messages: {},
};

const ekohStore: PolicyInput = {
  schemaVersion: 1,
  id: "ekoh-store",
  version: 1,
  name: "EKOH-STORE — faults only, 7 days",
  effectiveFrom: "2026-02-08T00:00:00+13:00",
  reasons: { accepted: FAULTS, groups: GROUPS, shopifyHandles: SHOPIFY_REASON_HANDLES },
  windows: { change_of_mind: null, faults: { days: 7, from: "delivery" } },
  conditions: { change_of_mind: [], faults: [], warranty: [] },
  evidence: { minPhotos: { DEFECTIVE: 1, DAMAGED: 1 } },
  rules: [
    { id: "perishable", match: PERISHABLE, appliesTo: ["change_of_mind"], code: "EXCLUDED_ITEM" },
    { id: "custom-or-personalised", match: CUSTOM, appliesTo: ["change_of_mind"], code: "EXCLUDED_ITEM" },
    { id: "personal-care", match: PERSONAL_CARE, appliesTo: ["change_of_mind"], code: "EXCLUDED_ITEM" },
    { id: "sale-or-promotional", match: SALE, appliesTo: ["change_of_mind"], code: "FINAL_SALE" },
    { id: "gift-card", match: GIFT_CARD, appliesTo: ["change_of_mind"], code: "GIFT_CARD" },
  ],
  channels: { excluded: ["marketplace", "retail_partner"] },
  warranties: [],
  resolutions: { return: ["refund", "replacement", "store_credit"], warranty: [] },
  fees: { restockingBps: 0, returnShippingFeeMinor: 0, appliesTo: ["change_of_mind"] },
  approval: { mode: "manual" },
  refundTimelines: {
    domestic: { min: 5, max: 20 },
    international: { min: 15, max: 30 },
    bank: { min: 0, max: 10 },
    holidays: [],
  },
  messages: {},
};

const standard30: PolicyInput = {
  schemaVersion: 1,
  id: "standard-30-day",
  version: 1,
  name: "Standard 30-day returns",
  reasons: { accepted: ALL, groups: GROUPS, shopifyHandles: SHOPIFY_REASON_HANDLES },
  windows: {
    change_of_mind: { days: 30, from: "delivery" },
    faults: { days: 30, from: "delivery" },
  },
  conditions: { change_of_mind: ["unused", "original_packaging"], faults: [], warranty: [] },
  evidence: { minPhotos: { DAMAGED: 1, DEFECTIVE: 1 } },
  rules: [
    { id: "gift-card", match: GIFT_CARD, appliesTo: ["*"], code: "GIFT_CARD" },
    { id: "final-sale", match: [{ kind: "tag", values: ["final-sale"] }], appliesTo: ["change_of_mind"], code: "FINAL_SALE" },
    { id: "custom-or-personalised", match: CUSTOM, appliesTo: ["change_of_mind"], code: "EXCLUDED_ITEM" },
  ],
  channels: { excluded: [] },
  warranties: [],
  resolutions: { return: ["refund", "store_credit", "exchange"], warranty: [] },
  fees: { restockingBps: 0, returnShippingFeeMinor: 0, appliesTo: ["change_of_mind"] },
  approval: { mode: "auto_approve_eligible" },
  refundTimelines: {
    domestic: { min: 3, max: 10 },
    international: { min: 5, max: 15 },
    bank: { min: 0, max: 5 },
    holidays: [],
  },
  messages: {},
};

export const PRESET_IDS = ["ekr-auto", "ekoh-store", "standard-30-day"] as const;
export type PresetId = (typeof PRESET_IDS)[number];

/** Presets, validated through the same schema merchants' policies go through. */
export const presets: Readonly<Record<PresetId, Policy>> = Object.freeze({
  "ekr-auto": parsePolicy(ekrAuto),
  "ekoh-store": parsePolicy(ekohStore),
  "standard-30-day": parsePolicy(standard30),
});

export function isPresetId(id: string): id is PresetId {
  return (PRESET_IDS as readonly string[]).includes(id);
}

/** A deep copy of the preset (callers may edit it freely), or undefined for an unknown id. */
export function getPreset(id: string): Policy | undefined {
  return isPresetId(id) ? structuredClone(presets[id]) : undefined;
}
