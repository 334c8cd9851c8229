// The return policy a merchant configures: serialisable, versioned, validated by zod.
// Pure: no Shopify, Remix, Prisma or clock imports.
import { z } from "zod";

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
      storeCreditBonusBps: z.number().int().min(0).max(5_000, "must be at most 5000 (+50%)").default(0),
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
    p.reasons.accepted.forEach((r, i) => {
      const g = p.reasons.groups[r];
      if (g && p.windows[g] === null) {
        ctx.addIssue({
          code: "custom",
          path: ["reasons", "accepted", i],
          message: `${r} is accepted but windows.${g} is null`,
        });
      }
    });
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
