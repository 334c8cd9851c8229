// The verdict a return request keeps (ReturnRequest.verdict): what the engine said when the request was
// made, the money it priced, and what the app sent (or will send) Shopify. One function writes it
// (buildStoredVerdict), one reads it (parseStoredVerdict); nothing else casts the JSON.
//
// Every field is optional because rows written by earlier versions of the app lack the later ones:
// - shopper submissions: locale, requestedResolution, decision, policy id/version/source, evaluatedAt,
//   lines (lineItemId, eligible, route, codes, deadline, explanation; trace since the staff detail
//   page shows it), refund, plan (the returnRequest sent to Shopify), requestFingerprint (later);
// - self-serve imports from the returns/request webhook: the same without requestedResolution, plan
//   and fingerprint, plus attestations: "not_collected";
// - customer erasure rewrites the plan without its customer notes;
// - lines keyed `lineId` (the engine's name) instead of `lineItemId` are read as `lineItemId`, and
//   lines with no id at all take the id of the request line at their position when the reader gives
//   those ids (the only way such a verdict could be matched), else they are refused.
import { z } from "zod";
import type { ApprovalDecision, Evaluation } from "./engine";
import type { RefundBreakdown } from "./money";
import { CODES } from "./assess";
import { customerHistorySchema } from "./screening";
import { formatPath, LOCALES, RESOLUTIONS, type Locale } from "./policy";
import { EXCHANGE_KINDS } from "./exchange";

/** One line item of the returnRequest the app sends Shopify for a submission. */
export interface PlannedReturnLine {
  fulfillmentLineItemId: string;
  quantity: number;
  returnReasonDefinitionId?: string;
  customerNote?: string;
  /** the policy's restocking fee on this line, recorded on Shopify's Return (RestockingFeeInput) */
  restockingFee?: { percentage: number };
}

/** The return shipping fee recorded on Shopify's Return, in the order's presentment currency (ReturnShippingFeeInput). */
export interface PlannedShippingFee {
  amount: { amount: string; currencyCode: string };
}

export const POLICY_SOURCES = ["in_force", "earliest", "preset"] as const;
/** How the policy that judged the request was chosen (see policyForOrder). */
export type PolicySource = (typeof POLICY_SOURCES)[number];

const traceEntry = z.object({
  rule: z.string(),
  pass: z.boolean(),
  code: z.enum(CODES).optional(),
  detail: z.string().optional(),
});

const verdictLine = z.object({
  lineItemId: z.string().min(1),
  eligible: z.boolean().optional(),
  route: z.string().optional(),
  codes: z.array(z.string()).optional(),
  deadline: z.string().nullable().optional(),
  explanation: z.string().optional(),
  trace: z.array(traceEntry).optional(),
  /** decision 190: the shopper keeps the item (refund or credit without a return) */
  keepItem: z.boolean().optional(),
});

const plannedLine = z.object({
  fulfillmentLineItemId: z.string().min(1),
  quantity: z.number().int().min(1),
  returnReasonDefinitionId: z.string().optional(),
  customerNote: z.string().optional(),
  restockingFee: z.object({ percentage: z.number().min(0).max(100) }).optional(),
});

const plannedShippingFee = z.object({
  amount: z.object({ amount: z.string().regex(/^\d+(\.\d+)?$/), currencyCode: z.string().regex(/^[A-Z]{3}$/) }),
});

const exchangeSchema = z.object({
  kind: z.enum(EXCHANGE_KINDS),
  items: z
    .array(
      z.object({
        variantId: z.string().min(1),
        quantity: z.number().int().min(1),
        unitPriceMinor: z.number().int().min(0),
        title: z.string().optional(),
      }),
    )
    .min(1),
  refundMinor: z.number().int().min(0),
});
export type StoredExchange = z.output<typeof exchangeSchema>;

const storedVerdictSchema = z.object({
  locale: z.enum(LOCALES).optional(),
  requestedResolution: z.enum(RESOLUTIONS).optional(),
  decision: z.enum(["approve", "decline", "review"]).optional(),
  /** a self-serve import: Shopify's flow collects no conditions or photos */
  attestations: z.literal("not_collected").optional(),
  eligible: z.boolean().optional(),
  policyId: z.string().optional(),
  policyVersion: z.number().int().optional(),
  policySource: z.enum(POLICY_SOURCES).optional(),
  evaluatedAt: z.string().optional(),
  lines: z.array(verdictLine).optional(),
  refund: z
    .object({
      totalMinor: z.number().int(),
      restockingMinor: z.number().int(),
      returnShippingFeeMinor: z.number().int(),
      cappedByRefundable: z.boolean(),
      /** the same money in shop currency at the order's recorded rate (since presentment pricing) */
      shop: z.object({ currency: z.string(), totalMinor: z.number().int(), feesMinor: z.number().int() }).optional(),
    })
    .optional(),
  plan: z.object({ returnLineItems: z.array(plannedLine), returnShippingFee: plannedShippingFee.optional() }).optional(),
  /** the new items of a replacement or exchange, priced when chosen (minor units, order currency) */
  exchange: exchangeSchema.optional(),
  /** decision 220: the policy's store credit bonus when the request was made (basis points over the refund) */
  storeCreditBonusBps: z.number().int().min(0).max(5_000).optional(),
  requestFingerprint: z.string().optional(),
  /** decision 190: the customer history screening, when the request was held or blocked (or history was read) */
  screening: z
    .object({
      outcome: z.enum(["clear", "hold", "blocked"]),
      findings: z.array(z.object({ code: z.string(), detail: z.string() })),
      history: customerHistorySchema.nullable(),
    })
    .optional(),
});

export type StoredVerdict = z.output<typeof storedVerdictSchema>;
export type StoredVerdictLine = StoredVerdict extends { lines?: (infer L)[] } ? L : never;

/** A stored verdict that is not one of the shapes the app ever wrote; `field` names the first bad field. */
export class StoredVerdictError extends Error {
  override readonly name = "StoredVerdictError";
  constructor(
    readonly field: string,
    problem: string,
  ) {
    super(`stored verdict ${field}: ${problem}`);
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** Old line shapes to today's: `lineId` becomes `lineItemId`; a line without either takes the id at its position. */
function migrateLines(lines: unknown, positional: readonly string[] | undefined): unknown {
  if (!Array.isArray(lines)) return lines;
  return lines.map((line: unknown, i) => {
    if (!isObject(line) || line.lineItemId !== undefined) return line;
    const { lineId, ...rest } = line;
    if (lineId !== undefined) return { lineItemId: lineId, ...rest };
    const atPosition = positional?.[i];
    return atPosition !== undefined ? { lineItemId: atPosition, ...rest } : line;
  });
}

/**
 * Reads what ReturnRequest.verdict holds (the repository's parsed JSON, or JSON text). Nothing stored
 * (null) reads as an empty verdict. `lineItemIds`: the request's line item ids in line order, for
 * verdict lines stored without an id. Throws StoredVerdictError naming the field otherwise.
 */
export function parseStoredVerdict(json: unknown, opts: { lineItemIds?: readonly string[] } = {}): StoredVerdict {
  let value = json;
  if (typeof value === "string") {
    try {
      value = JSON.parse(value);
    } catch (e) {
      throw new StoredVerdictError("(root)", `invalid JSON: ${(e as Error).message}`);
    }
  }
  if (value === null || value === undefined) return {};
  if (!isObject(value)) throw new StoredVerdictError("(root)", "must be an object");
  const migrated = "lines" in value ? { ...value, lines: migrateLines(value.lines, opts.lineItemIds) } : value;
  const r = storedVerdictSchema.safeParse(migrated);
  if (!r.success) {
    const first = r.error.issues[0]!;
    throw new StoredVerdictError(formatPath(first.path), first.message);
  }
  return r.data;
}

/** The returnRequest plan a submission stored, or null when none (or an empty one) was kept. */
export function planOf(verdict: StoredVerdict): PlannedReturnLine[] | null {
  const items = verdict.plan?.returnLineItems;
  return items && items.length > 0 ? items : null;
}

/** The return shipping fee a submission planned to record on Shopify's Return, if any. */
export function plannedShippingFeeOf(verdict: StoredVerdict): PlannedShippingFee | null {
  return verdict.plan?.returnShippingFee ?? null;
}

/** The stored verdict line of a request line, by line item id. */
export function verdictLineFor(verdict: StoredVerdict, lineItemId: string): StoredVerdictLine | undefined {
  return verdict.lines?.find((l) => l.lineItemId === lineItemId);
}

/** Builds the verdict a request stores: the one way it is written. */
export function buildStoredVerdict(args: {
  evaluation: Evaluation;
  refund: Pick<RefundBreakdown, "totalMinor" | "restockingMinor" | "returnShippingFeeMinor" | "cappedByRefundable"> & Partial<Pick<RefundBreakdown, "shop">>;
  policySource: PolicySource;
  locale: Locale;
  /** the resolution the shopper asked for (the DB keeps replacement as exchange) */
  requestedResolution?: (typeof RESOLUTIONS)[number];
  /** the decision to store when it is not the evaluation's own */
  decision?: ApprovalDecision;
  attestations?: "not_collected";
  /** keep the engine's rule-by-rule trace per line (shown on the staff detail page) */
  withTrace?: boolean;
  plan?: PlannedReturnLine[];
  /** the return shipping fee sent with the plan */
  shippingFee?: PlannedShippingFee;
  requestFingerprint?: string;
  exchange?: StoredExchange;
  /** decision 220: the store credit bonus the policy offered (kept when above 0) */
  storeCreditBonusBps?: number;
}): StoredVerdict {
  const e = args.evaluation;
  return {
    locale: args.locale,
    ...(args.requestedResolution !== undefined ? { requestedResolution: args.requestedResolution } : {}),
    decision: args.decision ?? e.decision,
    ...(args.attestations !== undefined ? { attestations: args.attestations } : {}),
    policyId: e.policyId,
    policyVersion: e.policyVersion,
    policySource: args.policySource,
    evaluatedAt: e.evaluatedAt,
    lines: e.lines.map((d) => ({
      lineItemId: d.lineId,
      eligible: d.eligible,
      route: d.route,
      codes: d.codes,
      deadline: d.deadline,
      explanation: d.explanation,
      ...(args.withTrace ? { trace: d.trace } : {}),
      ...(d.keepItem ? { keepItem: true } : {}),
    })),
    refund: {
      totalMinor: args.refund.totalMinor,
      restockingMinor: args.refund.restockingMinor,
      returnShippingFeeMinor: args.refund.returnShippingFeeMinor,
      cappedByRefundable: args.refund.cappedByRefundable,
      ...(args.refund.shop ? { shop: { ...args.refund.shop } } : {}),
    },
    ...(args.plan !== undefined ? { plan: { returnLineItems: args.plan, ...(args.shippingFee ? { returnShippingFee: args.shippingFee } : {}) } } : {}),
    ...(args.requestFingerprint !== undefined ? { requestFingerprint: args.requestFingerprint } : {}),
    ...(e.screening.outcome !== "clear" || e.screening.history
      ? { screening: { outcome: e.screening.outcome, findings: e.screening.findings, history: e.screening.history } }
      : {}),
    ...(args.exchange !== undefined ? { exchange: args.exchange } : {}),
    ...(args.storeCreditBonusBps ? { storeCreditBonusBps: args.storeCreditBonusBps } : {}),
  };
}

/** The stored verdict of a request row (its verdict JSON and its lines, for verdicts stored without line ids). */
export function verdictOf(request: { verdict: unknown; lines?: readonly { lineItemId: string }[] }): StoredVerdict {
  return parseStoredVerdict(request.verdict, request.lines ? { lineItemIds: request.lines.map((l) => l.lineItemId) } : {});
}
