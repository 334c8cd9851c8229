// GET /api/customer/orders/:orderId/returns: what the shopper may still return on the order, the
// requests already made, and when a refund would land.
import { expectedRefundDates, regionOf, returnableLines, type Locale } from "~/returns";
import { loadOwnedOrder, type Shopper, type ShopperDeps } from "./context";
import { policyForOrder } from "~/services/policy-for-order";
import { reasonLabel, resolutionLabel } from "./locale";
import { newItemsFor } from "./new-items";
import { presentRequest, staffNotes, storedLocale, type ShopperRequestView } from "./present";
import { SHOPPER_RESOLUTIONS, type ShopperResolution } from "./schemas";

export interface ReturnsOverview {
  order: { id: string; name: string; currency: string };
  canRequest: boolean;
  closedReason?: string;
  lines: {
    lineItemId: string;
    title: string;
    imageUrl?: string;
    /** the merchant's alt text for the image (absent: none, the title beside it says what it is) */
    imageAlt?: string;
    quantityLeft: number;
    unitPrice: string;
    reasons: { code: string; label: string; conditions: string[]; minPhotos: number }[];
    deadline: string;
    note?: string;
  }[];
  resolutions: { code: ShopperResolution; label: string }[];
  refundTimeline?: { earliest: string; latest: string; bankDays: number };
  requests: ShopperRequestView[];
}

/** "YYYY-MM-DD" of an instant in the shop's zone: the extension shows deadlines as dates. */
export function localDate(iso: string, timeZone: string): string {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).formatToParts(new Date(iso));
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? "";
  return `${get("year")}-${get("month")}-${get("day")}`;
}

export function shopperResolutions(codes: readonly string[], locale: Locale) {
  return SHOPPER_RESOLUTIONS.filter((r) => codes.includes(r)).map((code) => ({ code, label: resolutionLabel(code, locale) }));
}

export async function getOverview(deps: ShopperDeps, who: Shopper, orderId: string): Promise<ReturnsOverview> {
  const snap = await loadOwnedOrder(deps, who, orderId);
  const repos = deps.repos;
  const { policy } = await policyForOrder(repos, who.shop, snap.order.processedAt);
  const locale: Locale = who.locale ?? "en";
  const now = deps.now();
  const lines = returnableLines({ policy, order: snap.order, now: now.toISOString(), shop: snap.shop, locale });
  const byId = new Map(snap.order.lines.map((l) => [l.id, l]));

  const viewLines: ReturnsOverview["lines"] = lines.map((l) => {
    const src = byId.get(l.lineId)!;
    const image = snap.lineExtras[l.lineId]?.imageUrl;
    const alt = snap.lineExtras[l.lineId]?.imageAlt;
    return {
      lineItemId: l.lineId,
      title: l.title,
      ...(image ? { imageUrl: image } : {}),
      ...(image && alt ? { imageAlt: alt } : {}),
      quantityLeft: l.returnable ? l.quantityLeft : 0,
      unitPrice: src.unitPrice,
      reasons: l.reasons.map((r) => ({ code: r.reason, label: reasonLabel(r.reason, locale), conditions: r.conditions, minPhotos: r.minPhotos })),
      deadline: l.deadline ? localDate(l.deadline, snap.shop.timezone) : "",
      ...(!l.returnable && l.explanation ? { note: l.explanation } : {}),
    };
  });
  const canRequest = lines.some((l) => l.returnable && l.quantityLeft > 0);

  const stored = await repos.returnRequests.listForOrder(who.shop, snap.order.id);
  // The order is the customer's, so every request on it is shown (also ones made through Shopify's
  // own self-serve returns); only requests made in this customer's session can be cancelled here.
  const requests = await Promise.all(
    [...stored].reverse().map(async (r) => {
      const locale = who.locale ?? storedLocale(r) ?? "en";
      const v = presentRequest(r, locale, await staffNotes(repos, who.shop, r.id), await newItemsFor(deps.admin, who.shop, r, locale));
      return r.customerId === who.customerId ? v : { ...v, canCancel: false };
    }),
  );

  const offered = [...policy.resolutions.return, ...(lines.some((l) => l.reasons.some((r) => r.route === "warranty")) ? policy.resolutions.warranty : [])]
    // exchanges are priced at the variants' prices, in the shop's currency: offered only when the shopper paid in it (decision 170)
    .filter((r) => r !== "exchange" || snap.order.currency === snap.shop.currency);
  const overview: ReturnsOverview = {
    order: { id: snap.order.id, name: snap.order.name, currency: snap.order.currency },
    canRequest,
    lines: viewLines,
    resolutions: canRequest ? shopperResolutions(offered, locale) : [],
    requests,
  };
  if (!canRequest) {
    const reason = lines.find((l) => l.explanation)?.explanation;
    if (reason) overview.closedReason = reason;
  }
  if (canRequest && policy.refundTimelines) {
    const dates = expectedRefundDates({ policy, approvedAt: now.toISOString(), region: regionOf(snap.order, snap.shop), shop: snap.shop });
    if (dates) overview.refundTimeline = { earliest: dates.earliest, latest: dates.latest, bankDays: policy.refundTimelines.bank.max };
  }
  return overview;
}
