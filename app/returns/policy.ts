// The return policy a merchant configures: serialisable, versioned, validated by zod.
// Pure: no Shopify, Remix, Prisma or clock imports.
import { z } from "zod";
import { isDecimalForCurrency } from "./money";

export const REASONS = [
  "UNWANTED",
  "DEFECTIVE",
  "DAMAGED",
  "WRONG_ITEM",
  "NOT_AS_DESCRIBED",
  "SIZE_TOO_SMALL",
  "SIZE_TOO_LARGE",
  "STYLE",
  "COLOR",
  "OTHER",
] as const;
export type Reason = (typeof REASONS)[number];

/** Groups used for windows, conditions and rule scoping. `warranty` is the warranty route. */
export const REASON_GROUPS = ["change_of_mind", "faults", "warranty"] as const;
export type ReasonGroup = (typeof REASON_GROUPS)[number];
/** A reason belongs to one of these two groups; `warranty` is a route, not a reason's home. */
export const CLAIM_GROUPS = ["change_of_mind", "faults"] as const;
export type ClaimGroup = (typeof CLAIM_GROUPS)[number];

export const CONDITIONS = ["unused", "unopened", "tags_attached", "original_packaging"] as const;
export type Condition = (typeof CONDITIONS)[number];

export const SALES_CHANNELS = ["online_store", "pos", "marketplace", "retail_partner", "draft_order", "other"] as const;
export type SalesChannel = (typeof SALES_CHANNELS)[number];

export const RESOLUTIONS = ["refund", "store_credit", "replacement", "exchange"] as const;
export type Resolution = (typeof RESOLUTIONS)[number];

export const EXCLUSION_CODES = ["EXCLUDED_ITEM", "GIFT_CARD", "FINAL_SALE"] as const;
export type ExclusionCode = (typeof EXCLUSION_CODES)[number];

export const APPROVAL_MODES = ["manual", "auto_approve_eligible", "auto_approve_and_decline"] as const;
export type ApprovalMode = (typeof APPROVAL_MODES)[number];

export const LOCALES = ["en", "fr", "de", "es"] as const;
export type Locale = (typeof LOCALES)[number];

export const POLICY_SCHEMA_VERSION = 1 as const;

const nonEmpty = z.string().trim().min(1, "must not be empty");
const reasonEnum = z.enum(REASONS);
const groupEnum = z.enum(REASON_GROUPS);
const conditionEnum = z.enum(CONDITIONS);
const days = z.number().int("must be a whole number of days").min(0, "must be 0 or more").max(36_600);
const isoInstant = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/, "must be an ISO 8601 instant with offset")
  .refine((s) => Number.isFinite(Date.parse(s)), "must be a valid date");
const localDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date YYYY-MM-DD");

const windowSchema = z.object({
  days,
  /** Where the clock starts. Falls back to fulfillment when no delivery is known. */
  from: z.enum(["delivery", "fulfillment"]).default("delivery"),
});
export type ClaimWindow = z.infer<typeof windowSchema>;

const matcherSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("tag"), values: z.array(nonEmpty).min(1) }),
  z.object({ kind: z.literal("productType"), values: z.array(nonEmpty).min(1) }),
  z.object({ kind: z.literal("collection"), values: z.array(nonEmpty).min(1) }),
  z.object({ kind: z.literal("vendor"), values: z.array(nonEmpty).min(1) }),
  /** Line item properties (customAttributes). No keys = any property at all. */
  z.object({ kind: z.literal("lineItemProperty"), keys: z.array(nonEmpty).optional() }),
  z.object({ kind: z.literal("giftCard") }),
  z.object({ kind: z.literal("onSale") }),
]);
export type Matcher = z.infer<typeof matcherSchema>;

const translations = z.partialRecord(z.enum(LOCALES), z.string());
export type Translations = z.infer<typeof translations>;

/** A scope: "*" for everything, a reason group, or one reason. */
const scopeSchema = z.union([z.literal("*"), groupEnum, reasonEnum]);
export type Scope = z.infer<typeof scopeSchema>;

const ruleSchema = z.object({
  id: nonEmpty,
  /** The rule matches when ANY matcher matches the line. */
  match: z.array(matcherSchema).min(1, "needs at least one matcher"),
  appliesTo: z.array(scopeSchema).min(1, "needs at least one reason, group or \"*\""),
  code: z.enum(EXCLUSION_CODES),
  explanation: translations.optional(),
});
export type NonReturnableRule = z.infer<typeof ruleSchema>;

const warrantySchema = z.object({
  id: nonEmpty,
  match: z.array(matcherSchema).min(1, "needs at least one matcher"),
  months: z.number().int().min(1).max(1200),
  from: z.enum(["delivery", "fulfillment"]).default("delivery"),
  reasons: z.array(reasonEnum).min(1),
  resolutions: z.array(z.enum(RESOLUTIONS)).min(1),
  conditions: z.array(conditionEnum).default([]),
  minPhotos: z.number().int().min(0).default(0),
  explanation: translations.optional(),
});
export type Warranty = z.infer<typeof warrantySchema>;

const rangeSchema = z
  .object({ min: z.number().int().min(0), max: z.number().int().min(0) })
  .refine((r) => r.min <= r.max, { message: "min must not exceed max", path: ["max"] });
export type BusinessDayRange = z.infer<typeof rangeSchema>;

const reasonMap = <T extends z.ZodType>(v: T) => z.partialRecord(reasonEnum, v);

/** An amount per currency, as decimal strings ({"NZD": "15.00"}): money stays in the currency paid. */
const perCurrency = z.record(
  z.string().regex(/^[A-Z]{3}$/, "must be an ISO 4217 code like NZD"),
  z.string().regex(/^\d+(\.\d+)?$/, "must be a decimal string like \"15.00\""),
);
export type PerCurrency = z.infer<typeof perCurrency>;

/** Where a reason rule's window starts: delivery (fulfillment when none is known), fulfillment, or the order. */
export const WINDOW_STARTS = ["delivery", "fulfillment", "order"] as const;
export type WindowStart = (typeof WINDOW_STARTS)[number];

/**
 * Rules for one reason or a group of reasons the merchant names (decision 190). Every field is
 * optional: what a rule leaves out comes from the reason's group (windows, conditions, evidence,
 * resolutions, fees). A reason is in at most one rule.
 */
const reasonRuleSchema = z.object({
  id: nonEmpty,
  /** The merchant's name for the group ("Faults", "Wrong item"). */
  name: z.string().trim().optional(),
  reasons: z.array(reasonEnum).min(1, "needs at least one reason"),
  window: z.object({ days, from: z.enum(WINDOW_STARTS).default("delivery") }).optional(),
  conditions: z.array(conditionEnum).optional(),
  minPhotos: z.number().int().min(0).max(20).optional(),
  resolutions: z.array(z.enum(RESOLUTIONS)).min(1, "offer at least one resolution").optional(),
  fees: z
    .object({
      restockingBps: z.number().int().min(0).max(10_000, "must be at most 10000 (100%)"),
      returnShippingFeeMinor: z.number().int().min(0),
    })
    .optional(),
});
export type ReasonRule = z.infer<typeof reasonRuleSchema>;

/**
 * Customer history screening (decision 190): over the last `windowDays`, hold a request for staff
 * review when the customer is above any threshold set. Never a refusal: a held request waits for staff.
 */
const wholeAtLeast = (min: number) => z.number("must be a number").int("must be a whole number").min(min, `must be ${min} or more`);
const historySchema = z.object({
  windowDays: wholeAtLeast(1).max(3650, "must be at most 3650 days (ten years)").default(365),
  hold: z
    .object({
      /** More than this many return requests in the window. */
      maxRequests: wholeAtLeast(0).optional(),
      /** More than this many units returned in the window. */
      maxUnits: wholeAtLeast(0).optional(),
      /** More than this refunded in the window, per currency. */
      maxRefunded: perCurrency.optional(),
      /** Requests in the window per order placed, in basis points (2500 = one request per four orders). */
      maxReturnRateBps: wholeAtLeast(0).max(1_000_000, "must be at most 10000%").optional(),
      /** The rate is judged only from this many orders on (a first order returned is not a pattern). */
      minOrdersForRate: wholeAtLeast(1).default(3),
    })
    .default({ minOrdersForRate: 3 }),
  blocklist: z
    .object({
      /** Shopify customer ids (gid://shopify/Customer/...). */
      customers: z.array(nonEmpty).default([]),
      /** E-mail domains, matched without case ("example.com" also covers "mail.example.com"). */
      emailDomains: z.array(z.string().trim().min(1).regex(/^[^@\s]+\.[^@\s]+$/, "must be a domain like example.com")).default([]),
    })
    .default({ customers: [], emailDomains: [] }),
});
export type HistoryRules = z.infer<typeof historySchema>;

/** Refund or credit without a return (decision 190): any one of value, reason or product qualifies a line. */
const keepItemSchema = z.object({
  /** Lines worth less than this (unit price x quantity asked, per currency) are kept by the shopper. */
  maxLineValue: perCurrency.default({}),
  reasons: z.array(reasonEnum).default([]),
  match: z.array(matcherSchema).default([]),
});
export type KeepItemRules = z.infer<typeof keepItemSchema>;

export const policySchema = z
  .object({
    schemaVersion: z.literal(POLICY_SCHEMA_VERSION),
    id: nonEmpty,
    version: z.number().int().min(1),
    name: nonEmpty,
    /** When this version came into force (orders processed from then on use it). */
    effectiveFrom: isoInstant.optional(),
    reasons: z.object({
      accepted: z.array(reasonEnum),
      /** Which group each reason belongs to; every reason must be placed. */
      groups: z.record(reasonEnum, z.enum(CLAIM_GROUPS)),
      /** Shopify ReturnReasonDefinition handles, e.g. DEFECTIVE -> "defective". */
      shopifyHandles: reasonMap(nonEmpty).default({}),
    }),
    windows: z.object({
      change_of_mind: windowSchema.nullable(),
      faults: windowSchema.nullable(),
    }),
    conditions: z.object({
      change_of_mind: z.array(conditionEnum).default([]),
      faults: z.array(conditionEnum).default([]),
      warranty: z.array(conditionEnum).default([]),
    }),
    evidence: z.object({ minPhotos: reasonMap(z.number().int().min(0).max(20)).default({}) }).default({ minPhotos: {} }),
    rules: z.array(ruleSchema).default([]),
    channels: z.object({ excluded: z.array(z.enum(SALES_CHANNELS)).default([]) }).default({ excluded: [] }),
    warranties: z.array(warrantySchema).default([]),
    resolutions: z.object({
      return: z.array(z.enum(RESOLUTIONS)).min(1, "offer at least one resolution"),
      warranty: z.array(z.enum(RESOLUTIONS)).default([]),
      /** store credit worth choosing: credit = refund + this many basis points (1000 = +10%) */
      storeCreditBonusBps: z.number().int().min(0, "must not be negative").max(5_000, "must be at most 50%").default(0),
      /** an exchange may be for another product, not only another variant of the same one */
      exchangeOtherProducts: z.boolean().default(false),
    }),
    fees: z
      .object({
        restockingBps: z.number().int().min(0).max(10_000, "must be at most 10000 (100%)"),
        returnShippingFeeMinor: z.number().int().min(0),
        appliesTo: z.array(groupEnum).default(["change_of_mind"]),
      })
      .default({ restockingBps: 0, returnShippingFeeMinor: 0, appliesTo: ["change_of_mind"] }),
    /** Per-reason rules (decision 190); a reason in none of them follows its group. */
    reasonRules: z.array(reasonRuleSchema).default([]),
    /** Customer history screening and blocklist (decision 190); null: not screened. */
    history: historySchema.nullable().default(null),
    /** Keep the item: refund or credit without a return (decision 190); null: every item comes back. */
    keepItem: keepItemSchema.nullable().default(null),
    approval: z.object({ mode: z.enum(APPROVAL_MODES) }),
    refundTimelines: z
      .object({
        domestic: rangeSchema,
        international: rangeSchema,
        bank: rangeSchema,
        /** Local dates (shop time zone) that are not business days. */
        holidays: z.array(localDate).default([]),
      })
      .nullable()
      .default(null),
    /** Shopper-facing texts overriding the built-in messages, keyed by message key. */
    messages: z.record(z.string(), translations).default({}),
    /** Checkout extension settings (published to the shop's $app:returns/terms metafield). */
    checkout: z
      .object({
        /** Ask the buyer to tick "I understand final-sale items can't be returned" before paying. */
        requireFinalSaleAck: z.boolean().default(false),
      })
      .default({ requireFinalSaleAck: false }),
  })
  .superRefine((p, ctx) => {
    for (const r of REASONS) {
      if (!(r in p.reasons.groups)) {
        ctx.addIssue({ code: "custom", path: ["reasons", "groups", r], message: "every reason must belong to a group" });
      }
    }
    const seen = new Set<string>();
    p.rules.forEach((rule, i) => {
      if (seen.has(rule.id)) ctx.addIssue({ code: "custom", path: ["rules", i, "id"], message: `duplicate rule id "${rule.id}"` });
      seen.add(rule.id);
    });
    const ruled = new Map<Reason, string>();
    p.reasonRules.forEach((rule, i) => {
      if (p.reasonRules.findIndex((x) => x.id === rule.id) !== i)
        ctx.addIssue({ code: "custom", path: ["reasonRules", i, "id"], message: `duplicate reason rule id "${rule.id}"` });
      rule.reasons.forEach((r, j) => {
        const other = ruled.get(r);
        if (other !== undefined)
          ctx.addIssue({ code: "custom", path: ["reasonRules", i, "reasons", j], message: `${r} is already in reason rule "${other}"` });
        else ruled.set(r, rule.id);
      });
    });
    p.reasons.accepted.forEach((r, i) => {
      const g = p.reasons.groups[r];
      const own = p.reasonRules.find((x) => x.reasons.includes(r));
      if (g && p.windows[g] === null && !own?.window) {
        ctx.addIssue({
          code: "custom",
          path: ["reasons", "accepted", i],
          message: `${r} is accepted but windows.${g} is null`,
        });
      }
    });
    const amounts: Array<[ReadonlyArray<PropertyKey>, PerCurrency | undefined]> = [
      [["history", "hold", "maxRefunded"], p.history?.hold.maxRefunded],
      [["keepItem", "maxLineValue"], p.keepItem?.maxLineValue],
    ];
    for (const [path, m] of amounts)
      for (const [cur, amount] of Object.entries(m ?? {}))
        if (!isDecimalForCurrency(amount, cur))
          ctx.addIssue({ code: "custom", path: [...path, cur], message: `too many decimals for ${cur}` });
    if (p.warranties.length > 0 && p.resolutions.warranty.length === 0) {
      ctx.addIssue({ code: "custom", path: ["resolutions", "warranty"], message: "warranties need at least one resolution" });
    }
  });

export type Policy = z.output<typeof policySchema>;
export type PolicyInput = z.input<typeof policySchema>;

/** A bad policy (or scenario) input; `field` is the dotted path of the first bad field. */
export class PolicyError extends Error {
  readonly field: string;
  readonly issues: ReadonlyArray<{ field: string; message: string }>;
  constructor(issues: ReadonlyArray<{ field: string; message: string }>, prefix = "") {
    const first = issues[0] ?? { field: prefix || "(root)", message: "invalid" };
    super(`${first.field}: ${first.message}`);
    this.name = "PolicyError";
    this.field = first.field;
    this.issues = issues;
  }
}

/** ["rules", 0, "match"] -> "rules[0].match"; with prefix "policy" -> "policy.rules[0].match". */
export function formatPath(path: ReadonlyArray<PropertyKey>, prefix = ""): string {
  let out = prefix;
  for (const seg of path) {
    if (typeof seg === "number") out += `[${seg}]`;
    else out += out ? `.${String(seg)}` : String(seg);
  }
  return out || "(root)";
}

export function zodToPolicyError(err: z.ZodError, prefix = ""): PolicyError {
  return new PolicyError(
    err.issues.map((i) => ({
      field: formatPath(i.path, prefix),
      message: i.code === "invalid_type" && /received undefined$/.test(i.message) ? "is required" : i.message,
    })),
    prefix,
  );
}

/** Parse a policy from JSON text or an already-parsed value. Throws PolicyError naming the field. */
export function parsePolicy(json: unknown, prefix = ""): Policy {
  let value = json;
  if (typeof json === "string") {
    try {
      value = JSON.parse(json);
    } catch (e) {
      throw new PolicyError([{ field: prefix || "(root)", message: `invalid JSON: ${(e as Error).message}` }]);
    }
  }
  const r = policySchema.safeParse(value);
  if (!r.success) throw zodToPolicyError(r.error, prefix);
  return r.data;
}

/** Same as parsePolicy but returns a result instead of throwing. */
export function safeParsePolicy(json: unknown): { ok: true; policy: Policy } | { ok: false; error: PolicyError } {
  try {
    return { ok: true, policy: parsePolicy(json) };
  } catch (e) {
    if (e instanceof PolicyError) return { ok: false, error: e };
    throw e;
  }
}

export function groupOf(policy: Policy, reason: Reason): ClaimGroup {
  return policy.reasons.groups[reason] ?? "change_of_mind";
}

/** The merchant's rule for this reason, if any (a reason is in at most one). */
export function reasonRuleOf(policy: Policy, reason: Reason): ReasonRule | undefined {
  for (const r of policy.reasonRules) if (r.reasons.includes(reason)) return r;
  return undefined;
}
