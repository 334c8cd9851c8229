// The policy engine: pure, deterministic. Same input -> same answer; `now` is always passed in.
import type { ClaimGroup, Locale, Policy, Reason, Resolution } from "./policy";
import { CLAIM_GROUPS, PolicyError, REASONS, RESOLUTIONS, groupOf, reasonRuleOf, type WindowStart } from "./policy";
import type { Order, OrderLine, ReturnRequest, Shop } from "./order";
import { PolicyIndex, assessClaim, type Assessment, type Code, type Route, type TraceEntry } from "./assess";
import { formatDate, joinList, t, word, type MessageKey } from "./messages";
import { anyMatcher, scopeCovers, type MatchableLine } from "./matching";
import { CLEAR, keepsItem, screen, type CustomerHistory, type Screening } from "./screening";

export type { Code, Route, TraceEntry } from "./assess";

export interface EvaluateInput {
  policy: Policy;
  order: Order;
  request: ReturnRequest;
  /** ISO instant or epoch ms: the moment of the request. */
  now: string | number;
  shop: Shop;
  locale?: Locale;
  /**
   * Whether the request carries the shopper's attestations (conditions, photos); default true. False
   * for a Return made outside the app (Shopify's own self-serve flow asks for neither): they are then
   * unknown, not failed, and are neither checked nor priced against.
   */
  checkAttestations?: boolean;
  /** The customer's return history (decision 190); screened when the policy sets `history`. */
  customer?: CustomerHistory | null;
}

export interface LineDecision {
  lineId: string;
  eligible: boolean;
  route: Route;
  codes: Code[];
  deadline: string | null;
  explanation: string;
  reason: Reason;
  quantity: number;
  resolutions: Resolution[];
  /** Shopify ReturnReasonDefinition handle for the reason, when the policy maps one. */
  reasonHandle: string | null;
  /** Refund or credit without a return: the shopper keeps the item (decision 190). */
  keepItem: boolean;
  trace: TraceEntry[];
}

export type ApprovalDecision = "approve" | "decline" | "review";

export interface Evaluation {
  eligible: boolean;
  lines: LineDecision[];
  resolutions: Resolution[];
  /** What the approval mode says to do with this request (a held or blocked request is never auto-approved). */
  decision: ApprovalDecision;
  /** Customer history screening (decision 190), with words for the shopper when not clear. */
  screening: Screening & { explanation: string };
  policyId: string;
  policyVersion: number;
  evaluatedAt: string;
}

function nowMsOf(now: string | number): number {
  const ms = typeof now === "number" ? now : Date.parse(now);
  if (!Number.isFinite(ms)) throw new PolicyError([{ field: "now", message: "must be an ISO instant or epoch ms" }]);
  return ms;
}

function explain(a: Assessment, claimQtyAvailable: number, policy: Policy, locale: Locale, tz: string): string {
  const date = a.deadlineMs !== null ? formatDate(a.deadlineMs, locale, tz) : "";
  if (a.codes.length === 0) {
    if (a.route === "warranty" && a.warranty) {
      return t("warranty", locale, {
        months: a.warranty.months,
        date,
        resolutions: joinList(a.warranty.resolutions.map((r) => word(r, locale)), locale, "or"),
      }, policy, a.warranty.explanation);
    }
    if (a.windowDays === null || a.deadlineMs === null) return t("window.none", locale, {}, policy);
    const key: MessageKey = a.reasonRule?.window ? "window.reason" : (`window.${a.group}` as MessageKey);
    return t(key, locale, { days: a.windowDays, from: word(a.windowFrom, locale), date }, policy);
  }
  // The same words fill every code's text: worked out once.
  const params = {
    date,
    available: Math.max(0, claimQtyAvailable),
    conditions: joinList(a.missingConditions.map((c) => word(c, locale)), locale),
    photos: a.minPhotos,
  };
  const parts: string[] = [];
  for (const code of a.codes) {
    let override;
    if (code === "EXCLUDED_ITEM" || code === "GIFT_CARD" || code === "FINAL_SALE") {
      // Prefer the failing rule's own explanation when it has one.
      const failing = a.trace.find((e) => !e.pass && e.code === code && e.rule.startsWith("rule:"));
      const id = failing?.rule.slice("rule:".length);
      const rule = id === undefined ? undefined : policy.rules.find((r) => r.id === id);
      override = rule ? (rule.explanation ?? policy.messages[`rule:${rule.id}`]) : undefined;
    }
    const text = t(code === "QUANTITY_UNAVAILABLE" && claimQtyAvailable <= 0 ? "QUANTITY_ALREADY_REQUESTED" : code, locale, params, policy, override);
    if (!parts.includes(text)) parts.push(text);
  }
  return parts.join(" ");
}

const isoTexts = new Map<number, string>();
/** An instant as ISO text, remembered: the lines of a request share a handful of deadlines. */
function isoOf(ms: number): string {
  let text = isoTexts.get(ms);
  if (text === undefined) {
    text = new Date(ms).toISOString();
    if (isoTexts.size > 10_000) isoTexts.clear();
    isoTexts.set(ms, text);
  }
  return text;
}

function decide(policy: Policy, eligible: boolean): ApprovalDecision {
  switch (policy.approval.mode) {
    case "manual":
      return "review";
    case "auto_approve_eligible":
      return eligible ? "approve" : "review";
    case "auto_approve_and_decline":
      return eligible ? "approve" : "decline";
  }
}

/** Judge a shopper's return request against the policy. Throws PolicyError on a request line that names no order line. */
export function evaluate(input: EvaluateInput): Evaluation {
  const { policy, order, request, shop } = input;
  const locale = input.locale ?? "en";
  const nowMs = nowMsOf(input.now);
  const byId = new Map<string, OrderLine>();
  for (const l of order.lines) byId.set(l.id, l);
  const taken = new Map<string, number>();
  const index = new PolicyIndex(policy);
  const checkAttestations = input.checkAttestations ?? true;

  const lines: LineDecision[] = request.lines.map((rl, i) => {
    const line = byId.get(rl.lineId);
    if (!line) throw new PolicyError([{ field: `request.lines[${i}].lineId`, message: `no order line ${rl.lineId}` }]);
    const used = taken.get(line.id) ?? 0;
    const available = line.fulfilledQuantity - line.returnedQuantity - used;
    taken.set(line.id, used + rl.quantity);
    const a = assessClaim(
      index,
      order,
      line,
      { reason: rl.reason, quantity: rl.quantity, available, conditions: rl.conditions, photos: rl.photos, checkAttestations },
      nowMs,
      shop.timezone,
    );
    const eligible = a.codes.length === 0;
    const keepItem = eligible && keepsItem(policy.keepItem, order, line, rl.reason, rl.quantity);
    const explanation = explain(a, available, policy, locale, shop.timezone);
    return {
      lineId: rl.lineId,
      eligible,
      route: eligible ? a.route : "none",
      codes: a.codes,
      deadline: a.deadlineMs === null ? null : isoOf(a.deadlineMs),
      explanation: keepItem ? `${explanation} ${t("keep_item", locale, {}, policy)}` : explanation,
      reason: rl.reason,
      quantity: rl.quantity,
      resolutions: eligible ? a.resolutions : [],
      reasonHandle: policy.reasons.shopifyHandles[rl.reason] ?? null,
      keepItem,
      trace: a.trace,
    };
  });

  const eligible = lines.length > 0 && lines.every((l) => l.eligible);
  const open = lines.filter((l) => l.eligible);
  // The shopper picks one resolution for the request: offer what every eligible line allows.
  const resolutions = open.length === 0 ? [] : RESOLUTIONS.filter((r) => open.every((l) => l.resolutions.includes(r)));
  const ordered = orderLike(resolutions, open[0]?.resolutions ?? []);
  const screened = policy.history || input.customer ? screen(policy.history, input.customer ?? null, { units: request.lines.reduce((n, l) => n + l.quantity, 0) }) : CLEAR;
  let decision = decide(policy, eligible);
  // Held or blocked: staff decide; a request is never approved (or declined) on history alone.
  if (screened.outcome !== "clear" && decision === "approve") decision = "review";
  const screening = {
    ...screened,
    explanation: screened.outcome === "clear" ? "" : t(screened.outcome === "blocked" ? "screening.blocked" : "screening.hold", locale, {}, policy),
  };
  return {
    eligible,
    lines,
    resolutions: ordered,
    decision,
    screening,
    policyId: policy.id,
    policyVersion: policy.version,
    evaluatedAt: new Date(nowMs).toISOString(),
  };
}

function orderLike<T>(items: T[], order: readonly T[]): T[] {
  return [...items].sort((x, y) => order.indexOf(x) - order.indexOf(y));
}

export interface ReturnableLine {
  lineId: string;
  title: string;
  /** Units that can still be returned (fulfilled - already returned). */
  quantityLeft: number;
  /** Reasons the shopper may still pick, with the route each would take. */
  reasons: Array<{ reason: Reason; route: "return" | "warranty"; deadline: string | null; minPhotos: number; conditions: string[] }>;
  returnable: boolean;
  /** Latest open deadline, or when nothing is open the last one that closed. */
  deadline: string | null;
  /** Why nothing can be returned (empty when returnable). */
  codes: Code[];
  explanation: string;
}

/** What the shopper's form may offer for each order line right now. */
export function returnableLines(args: { policy: Policy; order: Order; now: string | number; shop: Shop; locale?: Locale }): ReturnableLine[] {
  const { policy, order, shop } = args;
  const locale = args.locale ?? "en";
  const nowMs = nowMsOf(args.now);
  const index = new PolicyIndex(policy);
  return order.lines.map((line) => {
    const left = Math.max(0, line.fulfilledQuantity - line.returnedQuantity);
    const all = REASONS.map((reason) => ({
      reason,
      a: assessClaim(
        index,
        order,
        line,
        { reason, quantity: 1, available: left, conditions: [], photos: 0, checkAttestations: false },
        nowMs,
        shop.timezone,
      ),
    }));
    const possible = all.filter((x) => x.a.codes.length === 0);
    const deadlines = (possible.length ? possible : all).map((x) => x.a.deadlineMs).filter((d): d is number => d !== null);
    const deadlineMs = deadlines.length ? Math.max(...deadlines) : null;
    let codes: Code[] = [];
    let explanation: string;
    if (possible.length) {
      explanation = deadlineMs !== null ? t("returnable_until", locale, { date: formatDate(deadlineMs, locale, shop.timezone) }, policy) : t("window.none", locale, {}, policy);
    } else {
      // Report the blockers of the claims the policy would otherwise take.
      const considered = all.filter((x) => !x.a.codes.includes("REASON_NOT_ACCEPTED"));
      const pool = considered.length ? considered : all;
      const set = new Set<Code>(pool.flatMap((x) => x.a.codes));
      codes = [...set];
      if (set.has("OUTSIDE_WINDOW") && deadlineMs !== null && !set.has("NOT_DELIVERED")) {
        explanation = t("returns_closed", locale, { date: formatDate(deadlineMs, locale, shop.timezone) }, policy);
      } else {
        const first = pool[0];
        explanation = first ? explain(first.a, left, policy, locale, shop.timezone) : "";
      }
    }
    return {
      lineId: line.id,
      title: line.title,
      quantityLeft: left,
      reasons: possible.map((x) => ({
        reason: x.reason,
        route: x.a.route,
        deadline: x.a.deadlineMs === null ? null : new Date(x.a.deadlineMs).toISOString(),
        minPhotos: x.a.minPhotos,
        conditions: x.a.missingConditions,
      })),
      returnable: possible.length > 0,
      deadline: deadlineMs === null ? null : new Date(deadlineMs).toISOString(),
      codes,
      explanation,
    };
  });
}

/** A window the buyer is told about: days from delivery, dispatch, or the order. */
export interface TermsWindow {
  days: number;
  from: WindowStart;
}

export interface LineTerms {
  /** Exclusion codes that apply to a change of mind on this product (FINAL_SALE, EXCLUDED_ITEM, GIFT_CARD). */
  codes: Code[];
  /** True when the product cannot be returned for a change of mind. */
  finalSale: boolean;
  /**
   * Each group's window for this product: the group's own when a reason open to the product follows it,
   * else the per-reason window of the group's first open reason (decision 190); null when none is open.
   */
  windows: Record<ClaimGroup, TermsWindow | null>;
  /** Reasons open to the product whose own window (a per-reason rule, decision 190) differs from `windows`. */
  reasonWindows: Array<TermsWindow & { reason: Reason; group: ClaimGroup }>;
  warranty: { months: number; reasons: Reason[]; resolutions: Resolution[] } | null;
  explanation: string;
}

const sameWindow = (a: TermsWindow, b: TermsWindow) => a.days === b.days && a.from === b.from;

/** What a buyer should be told before buying this product (checkout and product page labels). */
export function lineTerms(policy: Policy, line: MatchableLine, locale: Locale = "en"): LineTerms {
  // Every exclusion that matches the product is worth telling the buyer, even when the policy
  // refuses that group anyway (a sale item under a faults-only policy is still "final sale").
  const codes = new Set<Code>(policy.rules.filter((rule) => anyMatcher(rule.match, line)).map((rule) => rule.code));
  const windows: Record<ClaimGroup, TermsWindow | null> = { change_of_mind: null, faults: null };
  const reasonWindows: LineTerms["reasonWindows"] = [];
  for (const group of CLAIM_GROUPS) {
    // The reasons of the group open to this product: accepted, and not excluded for it by a rule.
    const open = policy.reasons.accepted.filter(
      (r) =>
        groupOf(policy, r) === group &&
        !policy.rules.some((rule) => scopeCovers(rule.appliesTo, policy, r, false) && anyMatcher(rule.match, line)),
    );
    const judged = open.flatMap((reason) => {
      const w = reasonRuleOf(policy, reason)?.window ?? policy.windows[group];
      return w ? [{ reason, w: { days: w.days, from: w.from } }] : [];
    });
    const first = judged[0];
    if (!first) continue;
    const own = policy.windows[group];
    const main = own && judged.some((x) => sameWindow(x.w, own)) ? { days: own.days, from: own.from } : first.w;
    windows[group] = main;
    for (const x of judged) if (!sameWindow(x.w, main)) reasonWindows.push({ reason: x.reason, group, ...x.w });
  }
  const w = policy.warranties.find((x) => anyMatcher(x.match, line));
  const warranty = w ? { months: w.months, reasons: [...w.reasons], resolutions: [...w.resolutions] } : null;

  const parts: string[] = [];
  const ordered = (["GIFT_CARD", "FINAL_SALE", "EXCLUDED_ITEM"] as const).filter((c) => codes.has(c));
  if (ordered.includes("GIFT_CARD")) parts.push(t("terms.gift_card", locale, {}, policy));
  else if (ordered.includes("FINAL_SALE")) parts.push(t("terms.final_sale", locale, {}, policy));
  else if (ordered.includes("EXCLUDED_ITEM")) parts.push(t("terms.excluded_item", locale, {}, policy));
  else if (windows.change_of_mind)
    parts.push(t("terms.window.change_of_mind", locale, { days: windows.change_of_mind.days, from: word(windows.change_of_mind.from, locale) }, policy));
  else parts.push(t("terms.no_change_of_mind", locale, {}, policy));
  if (windows.faults)
    parts.push(t("terms.window.faults", locale, { days: windows.faults.days, from: word(windows.faults.from, locale) }, policy));
  if (warranty)
    parts.push(
      t("terms.warranty", locale, {
        months: warranty.months,
        resolutions: joinList(warranty.resolutions.map((r) => word(r, locale)), locale, "or"),
      }, policy),
    );
  return {
    codes: [...ordered],
    finalSale: !windows.change_of_mind,
    windows,
    reasonWindows,
    warranty,
    explanation: parts.join(" "),
  };
}
