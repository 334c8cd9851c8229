// POST /api/customer/orders/:orderId/returns/preview: the engine's verdict per line and the refund
// the shopper would get, before anything is stored or sent to Shopify.
import { computeRefund, evaluate, groupOf, PolicyError, toDecimalString, type Evaluation, type Locale, type Order, type Policy, type Shop } from "~/returns";
import { loadOwnedOrder, policyForOrder, reposOf, type Shopper, type ShopperDeps } from "./context";
import { invalid, type LineVerdict } from "./errors";
import { shopperResolutions } from "./overview";
import type { PreviewBody } from "./schemas";

export interface PreviewResult {
  eligible: boolean;
  lines: LineVerdict[];
  resolutions: { code: "refund" | "store_credit" | "replacement"; label: string }[];
  refund: { amount: string; currency: string };
}

export interface Judged {
  evaluation: Evaluation;
  refund: ReturnType<typeof computeRefund>;
  verdicts: LineVerdict[];
}

/** Evaluates request lines (body field paths kept for errors) and prices the eligible ones. */
export function judge(args: {
  policy: Policy;
  order: Order;
  shop: Shop;
  now: Date;
  locale: Locale;
  lines: { lineItemId: string; quantity: number; reason: PreviewBody["lines"][number]["reason"]; conditions: PreviewBody["lines"][number]["conditions"]; photos: number; note: string }[];
  /** false for a Return made outside the app, which carries no attestations (see evaluate) */
  checkAttestations?: boolean;
}): Judged {
  const known = new Set(args.order.lines.map((l) => l.id));
  args.lines.forEach((l, i) => {
    if (!known.has(l.lineItemId)) throw invalid(`lines[${i}].lineItemId`, "is not a line of this order");
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
      request: {
        lines: args.lines.map((l) => ({ lineId: l.lineItemId, quantity: l.quantity, reason: l.reason, conditions: l.conditions, photos: l.photos, note: l.note })),
      },
    });
  } catch (e) {
    if (e instanceof PolicyError) {
      const first = e.issues[0];
      throw invalid((first?.field ?? "lines").replace(/^request\./, "").replace(/\.lineId$/, ".lineItemId"), first?.message ?? e.message);
    }
    throw e;
  }
  const byId = new Map(args.order.lines.map((l) => [l.id, l]));
  const eligibleLines = evaluation.lines.filter((d) => d.eligible);
  const refund = computeRefund({
    policy: args.policy,
    currency: args.order.currency,
    ...(args.order.refundableAmount !== undefined ? { refundableAmount: args.order.refundableAmount } : {}),
    lines: eligibleLines.map((d) => {
      const src = byId.get(d.lineId)!;
      return {
        unitPrice: src.unitPrice,
        ...(src.unitTax !== undefined ? { unitTax: src.unitTax } : {}),
        quantity: d.quantity,
        group: d.route === "warranty" ? ("warranty" as const) : groupOf(args.policy, d.reason),
      };
    }),
  });
  const verdicts = evaluation.lines.map((d) => ({ lineItemId: d.lineId, eligible: d.eligible, codes: [...d.codes], explanation: d.explanation }));
  return { evaluation, refund, verdicts };
}

export async function previewReturn(deps: ShopperDeps, who: Shopper, orderId: string, body: PreviewBody): Promise<PreviewResult> {
  const snap = await loadOwnedOrder(deps, who, orderId);
  const { policy } = await policyForOrder(reposOf(deps), who.shop, snap.order.processedAt);
  const locale = who.locale ?? "en";
  const j = judge({ policy, order: snap.order, shop: snap.shop, now: deps.now(), locale, lines: body.lines });
  return {
    eligible: j.evaluation.eligible,
    lines: j.verdicts,
    resolutions: shopperResolutions(j.evaluation.resolutions, locale),
    refund: { amount: toDecimalString(j.refund.totalMinor, snap.order.currency), currency: snap.order.currency },
  };
}
