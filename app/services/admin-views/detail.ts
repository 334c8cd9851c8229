// Request detail read model: the request and lines, the engine's verdict rule by rule with the policy
// version it was judged by, the money preview, and the audit timeline. Another shop's id -> null.
import { type ReturnEventRecord, type ReturnRequestWithLines } from "~/db";
import { formatMoney, storeCreditWithBonus, verdictLineFor, verdictOf, type StoredVerdict, type TraceEntry } from "~/returns";
import { shownStatus, type RequestStatus, type ShownStatus } from "~/returns/request-state";
import type { ServiceContext } from "~/services/context";
import { failureWords, timelineEntry, type FailureWords, type TimelineEntry } from "./timeline";

/** The event a staff override of the refund amount appends (app/services/staff/override.ts). */
export const AMOUNT_OVERRIDDEN = "amount_overridden";

export interface DetailLine {
  id: string;
  title: string;
  quantity: number;
  reason: string;
  note: string | null;
  conditions: string[];
  photos: string[];
  eligible: boolean;
  codes: string[];
  refundMinor: number;
  /** from the stored verdict, matched by line item id */
  explanation: string | null;
  deadline: string | null;
  route: string | null;
  trace: TraceEntry[];
  /** decision 190: the customer keeps this item (refund or credit without a return) */
  keepItem: boolean;
}

export interface RequestDetail {
  request: Omit<ReturnRequestWithLines, "lines" | "verdict" | "createdAt" | "updatedAt" | "lastErrorAt"> & {
    createdAt: string;
    updatedAt: string;
    lastErrorAt: string | null;
  };
  lines: DetailLine[];
  verdict: { decision: string | null; eligible: boolean | null; policyId: string | null; evaluatedAt: string | null };
  policy: { version: number; name: string | null; createdAt: string } | null;
  money: {
    currency: string;
    refundMinor: number;
    feesMinor: number;
    /** refund + fees = value of the returned items before deductions */
    grossMinor: number;
    /** store credit is the refund plus the bonus the policy offered when the request was made (decision 220) */
    storeCreditMinor: number;
    storeCreditBonusMinor: number;
    formatted: { refund: string; fees: string; gross: string; storeCredit: string; storeCreditBonus: string };
    /** the money comes back as store credit (the shopper asked for it, or it was issued): never called "Refund" */
    asStoreCredit: boolean;
    /** what Shopify's record shows went back (read back at refund or from refunds/create), else null */
    settled: { kind: "refund" | "store_credit"; amountMinor: number; formatted: string } | null;
    /** the request was declined or cancelled: nothing goes back */
    nothingBack: boolean;
    /** the latest staff override of the amount, with its reason */
    override: { fromFormatted: string; toFormatted: string; reason: string } | null;
  };
  /** the stored record (type, actor, summary, Shopify's errors: for support) and the same in words (TimelineEntry) */
  events: (Omit<TimelineEntry, "actor"> & { type: string; actor: string; actorWords: string; summary: string; shopifyErrors: string[] })[];
  /** the failed Shopify step the request is stuck on, in words; null when none */
  failure: FailureWords | null;
  /** decision 190: the customer history screening stored at submission (null when none was read) */
  screening: NonNullable<StoredVerdict["screening"]> | null;
  /** the new items of a replacement or exchange (what approving sends Shopify), else null */
  exchange: {
    kind: "replacement" | "exchange";
    items: { variantId: string; unitPriceMinor: number; title: string; quantity: number; price: string }[];
    refund: string;
    /** what the returned items are worth (their refund value before fees), what the new items cost, the difference back */
    returnedMinor: number;
    newItemsMinor: number;
    differenceMinor: number;
    formatted: { returned: string; newItems: string; difference: string };
    /** how far it went: waiting for approval, approved (the Return holds the new items), processed (Shopify released them), or ended without (declined, cancelled, closed unprocessed) */
    stage: "requested" | "approved" | "processed" | "ended";
  } | null;
  /** what the status badge says happened (a processed replacement or exchange: "replaced" / "exchanged") */
  shownStatus: ShownStatus;
}

const strings = (v: unknown): string[] =>
  Array.isArray(v) ? v.map((x) => (typeof x === "string" ? x : typeof x === "object" && x && "url" in x ? String((x as { url: unknown }).url) : null)).filter((x): x is string => x !== null) : [];


/** Shopify errors recorded on an event (ShopifyUserError payloads or transport messages), as sentences. */
export function shopifyErrorsOf(e: Pick<ReturnEventRecord, "payload" | "shopifyResponse">): string[] {
  const out: string[] = [];
  for (const src of [e.shopifyResponse, e.payload]) {
    if (!src || typeof src !== "object") continue;
    const o = src as Record<string, unknown>;
    const errs = (o.userErrors ?? o.shopifyErrors ?? (o.error as Record<string, unknown> | undefined)?.shopifyErrors) as unknown;
    if (Array.isArray(errs)) {
      for (const er of errs) {
        if (er && typeof er === "object" && typeof (er as { message?: unknown }).message === "string") {
          const f = (er as { field?: unknown }).field;
          const field = Array.isArray(f) && f.length > 0 ? ` (${f.join(".")})` : "";
          out.push(`${(er as { message: string }).message}${field}`);
        }
      }
    }
    if (typeof o.error === "string") out.push(o.error);
    else if (o.error && typeof o.error === "object" && typeof (o.error as { message?: unknown }).message === "string") {
      out.push((o.error as { message: string }).message);
    }
  }
  return [...new Set(out)];
}

function eventSummary(e: ReturnEventRecord): string {
  const p = (e.payload && typeof e.payload === "object" ? e.payload : {}) as Record<string, unknown>;
  const bits: string[] = [];
  for (const k of ["from", "to", "reason", "message", "note", "restock", "resolution", "trackingNumber", "amount", "newAmount"]) {
    const v = p[k];
    if (v !== undefined && v !== null && v !== "" && typeof v !== "object") bits.push(`${k}: ${String(v)}`);
  }
  return bits.join(" · ");
}

function settledOf(events: ReturnEventRecord[]): number | null {
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i]!;
    for (const src of [e.payload, e.shopifyResponse]) {
      const answer = src as { settled?: { totalMinor?: unknown }; bonus?: { amountMinor?: unknown } } | null;
      const t = answer?.settled?.totalMinor;
      // store credit with a bonus (decision 220): Shopify's refund plus the bonus it credited
      const bonus = answer?.bonus?.amountMinor;
      if (typeof t === "number") return t + (typeof bonus === "number" ? bonus : 0);
    }
  }
  return null;
}

function overrideOf(events: ReturnEventRecord[]): { fromMinor: number; toMinor: number; reason: string } | null {
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i]!;
    if (e.type !== AMOUNT_OVERRIDDEN) continue;
    const p = e.payload as { fromMinor?: unknown; toMinor?: unknown; reason?: unknown } | null;
    if (typeof p?.fromMinor === "number" && typeof p.toMinor === "number" && typeof p.reason === "string") return { fromMinor: p.fromMinor, toMinor: p.toMinor, reason: p.reason };
  }
  return null;
}

/**
 * The money of a replacement or exchange as it is (decision 170): the returned items' value (the lines'
 * refund values, fees not taken off), the new items' value at their price (a replacement's too: it is sent
 * free, the value is what the merchant gives), and the difference that goes back (the request's refund:
 * nothing for a replacement or an even exchange). Never "Items returned NZ$0.00".
 */
function exchangeMoney(x: NonNullable<StoredVerdict["exchange"]>, r: ReturnRequestWithLines, processed: boolean): NonNullable<RequestDetail["exchange"]> {
  const newItemsMinor = x.items.reduce((a, i) => a + i.unitPriceMinor * i.quantity, 0);
  const linesMinor = r.lines.reduce((a, l) => a + l.refundMinor, 0);
  // the lines carry their refund value; a row stored without it is valued by what it paid for
  const returnedMinor = linesMinor > 0 ? linesMinor : x.kind === "replacement" ? newItemsMinor : newItemsMinor + x.refundMinor;
  const differenceMinor = x.kind === "replacement" ? 0 : Math.max(0, r.refundMinor);
  const fmt = (m: number) => formatMoney(m, r.currency);
  const stage = processed
    ? "processed"
    : r.status === "approved" || r.status === "received"
      ? "approved"
      : r.status === "requested" || r.status === "failed"
        ? "requested"
        : "ended";
  return {
    kind: x.kind,
    items: x.items.map((i) => ({
      variantId: i.variantId,
      unitPriceMinor: i.unitPriceMinor,
      title: i.title ?? "New item",
      quantity: i.quantity,
      price: x.kind === "replacement" ? "Free" : fmt(i.unitPriceMinor * i.quantity),
    })),
    refund: fmt(x.refundMinor),
    returnedMinor,
    newItemsMinor,
    differenceMinor,
    formatted: { returned: fmt(returnedMinor), newItems: fmt(newItemsMinor), difference: fmt(differenceMinor) },
    stage,
  };
}

export async function loadRequestDetail(ctx: Pick<ServiceContext, "repos">, shop: string, id: string): Promise<RequestDetail | null> {
  const { repos } = ctx;
  const r = await repos.returnRequests.findById(shop, id);
  if (!r) return null;
  const [events, policy] = await Promise.all([
    repos.events.listForRequest(shop, id),
    r.policyVersion !== null ? repos.policies.get(shop, r.policyVersion) : Promise.resolve(null),
  ]);
  // verdicts stored without line ids are given them by the parser (old rows), so lines match by id
  const v = verdictOf(r);
  const { lines, verdict: _v, createdAt, updatedAt, lastErrorAt, ...rest } = r;
  void _v;
  // staff who acted, by name where Shopify has told us it (app/shopify/staff-names.ts); else "Staff"
  const staffNames = await repos.staffMembers.namesFor(shop, events.map((e) => e.actor));
  const override = overrideOf(events);
  // the value of the items before deductions: the amount before a staff override, plus the fees
  const gross = (override?.fromMinor ?? r.refundMinor) + r.feesMinor;
  const settledMinor = r.status === "refunded" || r.status === "credited" || r.status === "closed" ? settledOf(events) : null;
  const asStoreCredit = r.status === "credited" || (r.resolution === "store_credit" && r.status !== "refunded");
  const credit = storeCreditWithBonus(Math.max(0, r.refundMinor), v.exchange ? 0 : (v.storeCreditBonusBps ?? 0));
  return {
    request: { ...rest, createdAt: createdAt.toISOString(), updatedAt: updatedAt.toISOString(), lastErrorAt: lastErrorAt?.toISOString() ?? null },
    lines: lines.map((l) => {
      const vl = verdictLineFor(v, l.lineItemId);
      return {
        id: l.id,
        title: l.title,
        quantity: l.quantity,
        reason: l.reason,
        note: l.note,
        conditions: strings(l.conditions),
        photos: strings(l.photos),
        eligible: l.eligible,
        codes: strings(l.codes),
        refundMinor: l.refundMinor,
        explanation: vl?.explanation ?? null,
        deadline: vl?.deadline ?? null,
        route: vl?.route ?? null,
        trace: vl?.trace ?? ([] as TraceEntry[]),
        keepItem: vl?.keepItem ?? false,
      };
    }),
    screening: v.screening ?? null,
    verdict: {
      decision: v.decision ?? null,
      eligible: v.eligible ?? null,
      policyId: v.policyId ?? null,
      evaluatedAt: v.evaluatedAt ?? null,
    },
    policy: policy
      ? {
          version: policy.version,
          name:
            policy.policy && typeof policy.policy === "object" && typeof (policy.policy as { name?: unknown }).name === "string"
              ? (policy.policy as { name: string }).name
              : null,
          createdAt: policy.createdAt.toISOString(),
        }
      : null,
    money: {
      currency: r.currency,
      refundMinor: r.refundMinor,
      feesMinor: r.feesMinor,
      grossMinor: gross,
      storeCreditMinor: credit.creditMinor,
      storeCreditBonusMinor: credit.bonusMinor,
      formatted: {
        refund: formatMoney(r.refundMinor, r.currency),
        fees: formatMoney(r.feesMinor, r.currency),
        gross: formatMoney(gross, r.currency),
        storeCredit: formatMoney(credit.creditMinor, r.currency),
        storeCreditBonus: formatMoney(credit.bonusMinor, r.currency),
      },
      asStoreCredit,
      settled:
        settledMinor === null
          ? null
          : { kind: r.status === "credited" || (r.status === "closed" && asStoreCredit) ? "store_credit" : "refund", amountMinor: settledMinor, formatted: formatMoney(settledMinor, r.currency) },
      nothingBack: r.status === "declined" || r.status === "cancelled",
      override: override ? { fromFormatted: formatMoney(override.fromMinor, r.currency), toFormatted: formatMoney(override.toMinor, r.currency), reason: override.reason } : null,
    },
    exchange: v.exchange ? exchangeMoney(v.exchange, r, r.status === "refunded" || r.status === "credited" || events.some((e) => e.type === "refunded")) : null,
    shownStatus: shownStatus(r.status as RequestStatus, v.exchange?.kind),
    events: events.map((e) => {
      const words = timelineEntry(e, r.currency, staffNames);
      return {
        ...words,
        type: e.type,
        actor: e.actor,
        actorWords: words.actor,
        summary: eventSummary(e),
        shopifyErrors: shopifyErrorsOf(e),
      };
    }),
    failure: failureWords(r.lastError, events),
  };
}
