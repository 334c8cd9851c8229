// A stored return request as the shopper sees it (ReturnRequest in extensions/customer-returns/src/api.ts).
import type { Repos, ReturnRequestWithLines } from "~/db";
import { toDecimalString, type Locale } from "~/returns";
import { isLocale, reasonLabel, statusMessage } from "./locale";

export interface ShopperRequestView {
  id: string;
  status: Exclude<ReturnRequestWithLines["status"], "failed">;
  createdAt: string;
  statusMessage: string;
  declineReason?: string;
  returnLabelUrl?: string;
  instructions?: string;
  lines: { lineItemId: string; title: string; quantity: number; reason: string }[];
  refund?: { amount: string; currency: string };
  canCancel: boolean;
}

/** What the request was made in (stored in the verdict at submit). */
export function storedLocale(r: ReturnRequestWithLines): Locale | null {
  const v = r.verdict as { locale?: unknown } | null;
  return v && isLocale(v.locale) ? v.locale : null;
}

function str(x: unknown): string | undefined {
  return typeof x === "string" && x.trim() !== "" ? x : undefined;
}

/**
 * Staff actions (G's services) record what the shopper should see in the request's events:
 * a decline's reason/message, an approval's label URL and instructions. Read leniently: the
 * newest event carrying each field wins.
 */
export async function staffNotes(repos: Repos, shop: string, requestId: string) {
  const events = await repos.events.listForRequest(shop, requestId);
  const out: { declineReason?: string; returnLabelUrl?: string; instructions?: string } = {};
  for (const e of [...events].reverse()) {
    const p = (e.payload ?? {}) as Record<string, unknown>;
    out.declineReason ??= str(p.declineMessage) ?? str(p.message && e.type.includes("declin") ? p.message : undefined) ?? str(p.declineReason) ?? (e.type.includes("declin") ? str(p.reason) : undefined);
    out.returnLabelUrl ??= str(p.returnLabelUrl);
    out.instructions ??= str(p.instructions) ?? (e.type.includes("approv") ? str(p.note) : undefined);
  }
  return out;
}

export function presentRequest(
  r: ReturnRequestWithLines,
  locale: Locale,
  notes: { declineReason?: string; returnLabelUrl?: string; instructions?: string } = {},
): ShopperRequestView {
  const status = r.status === "failed" ? "requested" : r.status;
  const view: ShopperRequestView = {
    id: r.id,
    status,
    createdAt: r.createdAt.toISOString(),
    statusMessage: statusMessage(r.status, locale),
    lines: r.lines.map((l) => ({ lineItemId: l.lineItemId, title: l.title, quantity: l.quantity, reason: reasonLabel(l.reason, locale) })),
    canCancel: r.status === "requested" || r.status === "failed",
  };
  if (status === "declined" && notes.declineReason) view.declineReason = notes.declineReason;
  if (status === "approved" || status === "received") {
    if (notes.returnLabelUrl) view.returnLabelUrl = notes.returnLabelUrl;
    if (notes.instructions) view.instructions = notes.instructions;
  }
  if (r.refundMinor > 0 && status !== "declined" && status !== "cancelled") {
    view.refund = { amount: toDecimalString(r.refundMinor, r.currency), currency: r.currency };
  }
  return view;
}
