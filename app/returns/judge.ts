// Judging a return request: the engine's verdict per requested line and the refund for the eligible
// ones, and which fulfillment line items a Shopify Return for it would hold. Shared by the shopper's
// preview and submit and by the import of Returns made with Shopify's own flow.
import { evaluate, type Evaluation } from "./engine";
import { computeRefund, recordedRateOf, type RefundBreakdown } from "./money";
import type { Order, Shop } from "./order";
import type { CustomerHistory } from "./screening";
import { groupOf, PolicyError, type Condition, type Locale, type Policy, type Reason } from "./policy";

/** A requested line as the shopper (or Shopify's Return) asked for it. */
export interface RequestedLine {
  lineItemId: string;
  quantity: number;
  reason: Reason;
  conditions: readonly Condition[];
  /** how many photos came with the line */
  photos: number;
  note: string;
}

/** What a shopper is told about one line. */
export interface LineVerdict {
  lineItemId: string;
  eligible: boolean;
  codes: string[];
  explanation: string;
}

export interface Judged {
  evaluation: Evaluation;
  refund: RefundBreakdown;
  verdicts: LineVerdict[];
}

/** A request line the engine cannot judge; `field` is the request's path (lines[0].lineItemId). */
export class JudgeInputError extends Error {
  override readonly name = "JudgeInputError";
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

/** Evaluates request lines (field paths kept for errors) and prices the eligible ones. */
export function judge(args: {
  policy: Policy;
  order: Order;
  shop: Shop;
  now: Date;
  locale: Locale;
  lines: readonly RequestedLine[];
  /** false for a Return made outside the app, which carries no attestations (see evaluate) */
  checkAttestations?: boolean;
  /** The customer's return history, screened when the policy sets `history` (decision 190). */
  customer?: CustomerHistory | null;
}): Judged {
  const known = new Set(args.order.lines.map((l) => l.id));
  args.lines.forEach((l, i) => {
    if (!known.has(l.lineItemId)) throw new JudgeInputError(`lines[${i}].lineItemId`, "is not a line of this order");
  });
  let evaluation: Evaluation;
  try {
    evaluation = evaluate({
      policy: args.policy,
      order: args.order,
      shop: args.shop,
      now: args.now.toISOString(),
      locale: args.locale,
      ...(args.checkAttestations === false ? { checkAttestations: false } : {}),
      ...(args.customer ? { customer: args.customer } : {}),
      request: {
        lines: args.lines.map((l) => ({ lineId: l.lineItemId, quantity: l.quantity, reason: l.reason, conditions: [...l.conditions], photos: l.photos, note: l.note })),
      },
    });
  } catch (e) {
    if (e instanceof PolicyError) {
      const first = e.issues[0];
      throw new JudgeInputError((first?.field ?? "lines").replace(/^request\./, "").replace(/\.lineId$/, ".lineItemId"), first?.message ?? e.message);
    }
    throw e;
  }
  const byId = new Map(args.order.lines.map((l) => [l.id, l]));
  const eligibleLines = evaluation.lines.filter((d) => d.eligible);
  const rate = recordedRateOf(args.order);
  const refund = computeRefund({
    policy: args.policy,
    currency: args.order.currency,
    ...(rate ? { rate } : {}),
    ...(args.order.refundableAmount !== undefined ? { refundableAmount: args.order.refundableAmount } : {}),
    lines: eligibleLines.map((d) => {
      const src = byId.get(d.lineId)!;
      return {
        unitPrice: src.unitPrice,
        ...(src.unitTax !== undefined ? { unitTax: src.unitTax } : {}),
        quantity: d.quantity,
        group: d.route === "warranty" ? ("warranty" as const) : groupOf(args.policy, d.reason),
        reason: d.reason,
        keepItem: d.keepItem,
      };
    }),
  });
  const verdicts = evaluation.lines.map((d) => ({ lineItemId: d.lineId, eligible: d.eligible, codes: [...d.codes], explanation: d.explanation }));
  return { evaluation, refund, verdicts };
}
