// POST /api/customer/orders/:orderId/returns/preview: the engine's verdict per line and the refund
// the shopper would get, before anything is stored or sent to Shopify.
import { judge, JudgeInputError, storeCreditWithBonus, toDecimalString, type Judged, type LineVerdict } from "~/returns";
import { policyForOrder } from "~/services/policy-for-order";
import { customerHistoryFor } from "~/services/customer-history";
import { loadOwnedOrder, type Shopper, type ShopperDeps } from "./context";
import { invalid } from "./errors";
import { shopperResolutions } from "./overview";
import type { PreviewBody } from "./schemas";
import { cachedExchangeOptions, cachedOtherProducts, exchangeChoices, type ShopperExchangeLine } from "./exchange-choices";
import { withOtherProducts } from "~/services/returns/exchange";

export interface PreviewResult {
  eligible: boolean;
  lines: LineVerdict[];
  resolutions: { code: "refund" | "store_credit" | "replacement" | "exchange"; label: string }[];
  refund: { amount: string; currency: string };
  /**
   * decision 220: what choosing store credit gives, when the policy offers it: the refund plus the
   * policy's bonus (`bonus` is how much more than the refund; "0.00" when there is none). Shown at the
   * choice as "Store credit NZ$55.00 (NZ$5.00 more than a refund)".
   */
  storeCredit?: { amount: string; bonus: string; currency: string };
  /** decision 190: set when staff will review the request first (history above a threshold, or blocklist) */
  review?: { outcome: "hold" | "blocked"; message: string };
  /** decision 190: line item ids the shopper keeps (no need to send them back) */
  keep?: string[];
  /**
   * When the shopper picks a replacement or an exchange that these items allow: per line, what they
   * may get (in stock, priced in `currency` with the difference). One Admin read per order per minute
   * (exchange-choices.ts); absent for any other resolution.
   */
  exchange?: { kind: "replacement" | "exchange"; currency: string; lines: ShopperExchangeLine[] };
}

/** The core's judge, with a line it cannot judge answered as a 400 naming the request field. */
export function judgeRequest(args: Parameters<typeof judge>[0]): Judged {
  try {
    return judge(args);
  } catch (e) {
    if (e instanceof JudgeInputError) throw invalid(e.field, e.message);
    throw e;
  }
}

export async function previewReturn(deps: ShopperDeps, who: Shopper, orderId: string, body: PreviewBody): Promise<PreviewResult> {
  const snap = await loadOwnedOrder(deps, who, orderId);
  const { policy } = await policyForOrder(deps.repos, who.shop, snap.order.processedAt);
  const locale = who.locale ?? "en";
  const now = deps.now();
  const customer = await customerHistoryFor(deps.repos, who.shop, policy, snap, now);
  const j = judgeRequest({ policy, order: snap.order, shop: snap.shop, now, locale, lines: body.lines, customer });
  const s = j.evaluation.screening;
  const keep = j.evaluation.lines.filter((l) => l.keepItem).map((l) => l.lineId);
  const currency = snap.order.currency;
  const credit = j.evaluation.resolutions.includes("store_credit") ? storeCreditWithBonus(j.refund.totalMinor, policy.resolutions.storeCreditBonusBps) : null;
  const kind = body.resolution === "replacement" || body.resolution === "exchange" ? body.resolution : null;
  let exchange: PreviewResult["exchange"];
  if (kind && j.evaluation.eligible && j.evaluation.resolutions.includes(kind) && (kind === "replacement" || snap.order.currency === snap.shop.currency)) {
    const own = await cachedExchangeOptions(deps.admin, who.shop, snap.order.id, snap.order.lines.length);
    // another product of the same type, when the policy allows it: searched for the lines asked about only
    const options =
      kind === "exchange" && policy.resolutions.exchangeOtherProducts
        ? await withOtherProducts(own, body.lines.map((l) => l.lineItemId), (type) => cachedOtherProducts(deps.admin, who.shop, type))
        : own;
    exchange = {
      kind,
      currency: snap.order.currency,
      lines: exchangeChoices({
        kind,
        options,
        lines: body.lines.map((l, i) => ({ lineItemId: l.lineItemId, quantity: l.quantity, refundMinor: j.refund.lines[i]?.refundMinor ?? 0 })),
        otherProducts: policy.resolutions.exchangeOtherProducts,
        currency: snap.order.currency,
        locale,
      }),
    };
  }
  return {
    eligible: j.evaluation.eligible,
    lines: j.verdicts,
    resolutions: shopperResolutions(j.evaluation.resolutions, locale),
    refund: { amount: toDecimalString(j.refund.totalMinor, currency), currency },
    ...(credit ? { storeCredit: { amount: toDecimalString(credit.creditMinor, currency), bonus: toDecimalString(credit.bonusMinor, currency), currency } } : {}),
    ...(s.outcome !== "clear" ? { review: { outcome: s.outcome, message: s.explanation } } : {}),
    ...(keep.length ? { keep } : {}),
    ...(exchange ? { exchange } : {}),
  };
}
