// A stored return request as the shopper sees it (ReturnRequest in extensions/customer-returns/src/api.ts).
import type { Repos, ReturnRequestWithLines } from "~/db";
import { storeCreditWithBonus, toDecimalString, verdictOf, type Locale } from "~/returns";
import type { NewItemsView } from "./new-items";
import { declineReasonLabel, isLocale, openingMessage, reasonLabel, statusMessage } from "./locale";

export interface ShopperRequestView {
  id: string;
  status: Exclude<ReturnRequestWithLines["status"], "failed">;
  createdAt: string;
  statusMessage: string;
  declineReason?: string;
  returnLabelUrl?: string;
  instructions?: string;
  /** how the money comes back (store credit is labelled as such on the shopper's status) */
  resolution?: string;
  /** what staff wrote to the shopper when approving ("Note to the shopper" on the detail screen) */
  staffNote?: string;
  tracking?: { number: string; carrier?: string };
  lines: { lineItemId: string; title: string; quantity: number; reason: string }[];
  refund?: { amount: string; currency: string };
  /** the money comes back as store credit (asked for, or issued): the shopper sees "Store credit", never "Refund" */
  storeCredit?: true;
  canCancel: boolean;
  /** a replacement's or exchange's new items: where they are, in the shopper's words (new-items.ts) */
  newItems?: NewItemsView;
}

/** What the request was made in (stored in the verdict at submit). */
export function storedLocale(r: ReturnRequestWithLines): Locale | null {
  const locale = verdictOf(r).locale;
  return locale && isLocale(locale) ? locale : null;
}

function str(x: unknown): string | undefined {
  return typeof x === "string" && x.trim() !== "" ? x : undefined;
}

export interface StaffNotes {
  /** What staff wrote to the shopper when declining. */
  declineMessage?: string;
  /** Shopify ReturnDeclineReason (RETURN_PERIOD_ENDED, FINAL_SALE, OTHER). */
  declineReasonCode?: string;
  returnLabelUrl?: string;
  instructions?: string;
  /** the approval's note to the shopper */
  staffNote?: string;
  trackingNumber?: string;
  carrierName?: string;
}

/**
 * Staff actions (app/services/staff) record in the request's events what the shopper should see:
 * the decline's reason and message, the approval's return label URL, tracking number and note (the detail
 * screen labels it "Note to the shopper"). The newest event carrying each field wins.
 */
export async function staffNotes(repos: Repos, shop: string, requestId: string): Promise<StaffNotes> {
  const events = await repos.events.listForRequest(shop, requestId);
  const out: StaffNotes = {};
  for (const e of [...events].reverse()) {
    const p = (e.payload ?? {}) as Record<string, unknown>;
    if (e.type === "declined") {
      out.declineMessage ??= str(p.message) ?? str(p.declineNote);
      out.declineReasonCode ??= str(p.reason) ?? str(p.declineReason);
    }
    if (e.type === "approved") {
      out.staffNote ??= str(p.note);
      out.trackingNumber ??= str(p.trackingNumber);
      out.carrierName ??= str(p.carrierName);
    }
    out.returnLabelUrl ??= str(p.returnLabelUrl);
    out.instructions ??= str(p.instructions);
  }
  return out;
}

export function presentRequest(
  r: ReturnRequestWithLines,
  locale: Locale,
  notes: StaffNotes = {},
  newItems?: NewItemsView,
): ShopperRequestView {
  // A replacement or even exchange is processed with nothing refunded: the shopper is not told "Refunded";
  // the return itself is complete (its new items' own status follows in newItems).
  const exchangeOnly = r.status === "refunded" && r.refundMinor <= 0 && verdictOf(r).exchange !== undefined;
  const status = r.status === "failed" ? "requested" : exchangeOnly ? "closed" : r.status;
  const view: ShopperRequestView = {
    id: r.id,
    status,
    createdAt: r.createdAt.toISOString(),
    // Accepted, and its Shopify Return still being opened by the job queue: say so, not "under review".
    statusMessage: status === "requested" && !r.shopifyReturnId && r.source === "app" ? openingMessage(locale) : statusMessage(exchangeOnly ? status : r.status, locale),
    lines: r.lines.map((l) => ({ lineItemId: l.lineItemId, title: l.title, quantity: l.quantity, reason: reasonLabel(l.reason, locale) })),
    canCancel: r.status === "requested" || r.status === "failed",
  };
  if (status === "declined") {
    const why = notes.declineMessage ?? declineReasonLabel(notes.declineReasonCode, locale);
    if (why) view.declineReason = why;
  }
  if (status === "approved" || status === "received") {
    if (notes.returnLabelUrl) view.returnLabelUrl = notes.returnLabelUrl;
    if (notes.instructions) view.instructions = notes.instructions;
    if (notes.trackingNumber) view.tracking = { number: notes.trackingNumber, ...(notes.carrierName ? { carrier: notes.carrierName } : {}) };
  }
  if (notes.staffNote && status !== "declined" && status !== "cancelled") view.staffNote = notes.staffNote;
  if (r.resolution) view.resolution = r.resolution;
  if (newItems) view.newItems = newItems;
  if (r.refundMinor > 0 && status !== "declined" && status !== "cancelled") {
    view.refund = { amount: toDecimalString(r.refundMinor, r.currency), currency: r.currency };
    if (r.status === "credited" || (r.resolution === "store_credit" && r.status !== "refunded")) {
      view.storeCredit = true;
      // store credit is the refund plus the bonus offered when the request was made (decision 220)
      const v = verdictOf(r);
      const credit = storeCreditWithBonus(r.refundMinor, v.exchange ? 0 : (v.storeCreditBonusBps ?? 0));
      view.refund = { amount: toDecimalString(credit.creditMinor, r.currency), currency: r.currency };
    }
  }
  return view;
}
