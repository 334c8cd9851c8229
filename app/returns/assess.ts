// One claim on one order line, judged against every rule of the policy. Shared by
// evaluate() (a shopper's request) and returnableLines() (what the form may still offer).
import type { ClaimGroup, Condition, Matcher, Policy, Reason, ReasonRule, Resolution, Warranty, WindowStart } from "./policy";
import { groupOf, reasonRuleOf } from "./policy";
import type { Order, OrderLine } from "./order";
import { compileMatchers, scopeCovers } from "./matching";
import { parseInstant, windowEnd, windowEndMonths } from "./time";

export const CODES = [
  "EXCLUDED_CHANNEL",
  "NOT_DELIVERED",
  "QUANTITY_UNAVAILABLE",
  "REASON_NOT_ACCEPTED",
  "OUTSIDE_WINDOW",
  "GIFT_CARD",
  "FINAL_SALE",
  "EXCLUDED_ITEM",
  "CONDITION_NOT_MET",
  "EVIDENCE_REQUIRED",
] as const;
export type Code = (typeof CODES)[number];

export type Route = "return" | "warranty" | "none";

export interface TraceEntry {
  rule: string;
  pass: boolean;
  code?: Code;
  detail?: string;
}

export interface Claim {
  reason: Reason;
  quantity: number;
  /** Units available to this claim (fulfilled - returned - taken by earlier lines of the request). */
  available: number;
  conditions: readonly Condition[];
  photos: number;
  /** false: skip shopper-supplied evidence (conditions, photos), used to list what is still possible. */
  checkAttestations: boolean;
}

export interface Assessment {
  codes: Code[];
  /** Route the claim was judged on (even when it fails). */
  route: Exclude<Route, "none">;
  group: ClaimGroup;
  deadlineMs: number | null;
  windowDays: number | null;
  windowFrom: WindowStart;
  /** The merchant's per-reason rule that judged the claim, when one names its reason. */
  reasonRule: ReasonRule | null;
  warranty: Warranty | null;
  resolutions: Resolution[];
  missingConditions: Condition[];
  minPhotos: number;
  trace: TraceEntry[];
}

/** A matcher list compiled once per assessment; answers like anyMatcher. */
type LineTest = (line: OrderLine) => boolean;

interface ScopedRule {
  /** The trace entry's name, `rule:<id>`. */
  label: string;
  code: Code;
  matches: LineTest;
}

interface IndexedWarranty {
  warranty: Warranty;
  matches: LineTest;
  /** The warranty route's conditions: the policy's, then the warranty's own, without repeats. */
  conditions: Condition[];
}

/** What the policy says about one reason, worked out once per assessment instead of once per line. */
interface ReasonIndex {
  group: ClaimGroup;
  rule: ReasonRule | null;
  accepted: boolean;
  win: { days: number; from: WindowStart } | null;
  /** The warranties that name the reason, in the policy's order (the first that matches the line wins). */
  warranties: IndexedWarranty[];
  /** Non-returnable rules scoped to the reason on the return route, and on the warranty route. */
  returnRules: ScopedRule[];
  warrantyRules: ScopedRule[];
  returnConditions: readonly Condition[];
  returnMinPhotos: number;
}

/**
 * The policy indexed by reason for one assessment (one request, or one order's returnable lines):
 * per-reason lookups, rule scopes and matchers are worked out once, not once per line. Built per call
 * and never cached across calls, so a policy object changed between two calls is read afresh.
 */
export class PolicyIndex {
  private readonly reasons = new Map<Reason, ReasonIndex>();
  private readonly tests = new Map<readonly Matcher[], LineTest>();
  private readonly excludedChannels: ReadonlySet<string>;

  constructor(readonly policy: Policy) {
    this.excludedChannels = new Set(policy.channels.excluded);
  }

  channelExcluded(channel: string): boolean {
    return this.excludedChannels.has(channel);
  }

  private test(ms: readonly Matcher[]): LineTest {
    let f = this.tests.get(ms);
    if (!f) {
      f = compileMatchers(ms);
      this.tests.set(ms, f);
    }
    return f;
  }

  of(reason: Reason): ReasonIndex {
    let ix = this.reasons.get(reason);
    if (ix) return ix;
    const policy = this.policy;
    const group = groupOf(policy, reason);
    const rule = reasonRuleOf(policy, reason) ?? null;
    const returnRules: ScopedRule[] = [];
    const warrantyRules: ScopedRule[] = [];
    for (const r of policy.rules) {
      const scoped = { label: `rule:${r.id}`, code: r.code, matches: this.test(r.match) };
      if (scopeCovers(r.appliesTo, policy, reason, false)) returnRules.push(scoped);
      if (scopeCovers(r.appliesTo, policy, reason, true)) warrantyRules.push(scoped);
    }
    const warranties: IndexedWarranty[] = [];
    for (const w of policy.warranties) {
      if (!w.reasons.includes(reason)) continue;
      warranties.push({ warranty: w, matches: this.test(w.match), conditions: [...new Set([...policy.conditions.warranty, ...w.conditions])] });
    }
    ix = {
      group,
      rule,
      accepted: policy.reasons.accepted.includes(reason),
      win: rule?.window ?? policy.windows[group],
      warranties,
      returnRules,
      warrantyRules,
      returnConditions: rule?.conditions ?? policy.conditions[group],
      returnMinPhotos: rule?.minPhotos ?? policy.evidence.minPhotos[reason] ?? 0,
    };
    this.reasons.set(reason, ix);
    return ix;
  }
}

function startOf(line: OrderLine, order: Order, from: WindowStart): number {
  if (from === "order") return parseInstant(order.processedAt);
  if (from === "delivery" && line.deliveredAt) return parseInstant(line.deliveredAt);
  if (line.fulfilledAt) return parseInstant(line.fulfilledAt);
  if (line.deliveredAt) return parseInstant(line.deliveredAt);
  return parseInstant(order.processedAt);
}

const BIT = Object.fromEntries(CODES.map((c, i) => [c, 1 << i])) as Record<Code, number>;

const windowDetails = { return: new Map<number, string>(), warranty: new Map<number, string>() };
/** "return window ends 2026-03-31T10:59:59.999Z", remembered: many lines share a deadline. */
function windowDetail(route: "return" | "warranty", deadlineMs: number): string {
  const memo = windowDetails[route];
  let text = memo.get(deadlineMs);
  if (text === undefined) {
    text = `${route} window ends ${new Date(deadlineMs).toISOString()}`;
    if (memo.size > 10_000) memo.clear();
    memo.set(deadlineMs, text);
  }
  return text;
}

export function assessClaim(
  policy: Policy | PolicyIndex,
  order: Order,
  line: OrderLine,
  claim: Claim,
  nowMs: number,
  timeZone: string,
): Assessment {
  const index = policy instanceof PolicyIndex ? policy : new PolicyIndex(policy);
  const p = index.policy;
  // Each check adds a trace entry (with its detail when it has one) and, when it fails, its code;
  // codes come out in CODES order. Written out (no closure) because this runs for every line.
  let failed = 0;
  const trace: TraceEntry[] = [];
  const { reason } = claim;
  const ix = index.of(reason);
  const { group, rule, accepted, win } = ix;

  const channelOk = !index.channelExcluded(order.salesChannel);
  trace.push({ rule: "channel", pass: channelOk, code: "EXCLUDED_CHANNEL", detail: order.salesChannel });
  if (!channelOk) failed |= BIT.EXCLUDED_CHANNEL;

  const delivered = line.fulfilledQuantity > 0;
  trace.push({ rule: "fulfilled", pass: delivered, code: "NOT_DELIVERED" });
  if (!delivered) failed |= BIT.NOT_DELIVERED;
  const quantityOk = claim.quantity <= claim.available;
  trace.push({ rule: "quantity", pass: quantityOk, code: "QUANTITY_UNAVAILABLE", detail: `asked ${claim.quantity}, available ${Math.max(0, claim.available)}` });
  if (!quantityOk) failed |= BIT.QUANTITY_UNAVAILABLE;

  // Route and window.
  let warranty: Warranty | null = null;
  let warrantyConditions: Condition[] = [];
  for (const w of ix.warranties) {
    if (w.matches(line)) {
      warranty = w.warranty;
      warrantyConditions = w.conditions;
      break;
    }
  }
  let returnDeadline: number | null = null;
  if (accepted && win && delivered) {
    returnDeadline = windowEnd(startOf(line, order, win.from), win.days, timeZone);
  }
  let warrantyDeadline: number | null = null;
  if (warranty && delivered) {
    warrantyDeadline = windowEndMonths(startOf(line, order, warranty.from), warranty.months, timeZone);
  }

  let route: "return" | "warranty" = "return";
  let deadlineMs: number | null = returnDeadline;
  if (warranty) {
    // A warranty takes over a reason the return policy refuses, or once the return window has
    // closed (if the warranty has ended too, the claim fails on the warranty's later deadline).
    const returnClosed = returnDeadline !== null && nowMs > returnDeadline;
    if (!accepted || returnClosed) {
      route = "warranty";
      deadlineMs = warrantyDeadline;
    }
  }

  if (route === "return") {
    trace.push({ rule: "reason", pass: accepted, code: "REASON_NOT_ACCEPTED", detail: reason });
    if (!accepted) failed |= BIT.REASON_NOT_ACCEPTED;
  } else {
    trace.push({ rule: "reason", pass: true, detail: `${reason} covered by warranty ${warranty?.id}` });
  }
  if (deadlineMs !== null) {
    const open = nowMs <= deadlineMs;
    trace.push({ rule: "window", pass: open, code: "OUTSIDE_WINDOW", detail: windowDetail(route, deadlineMs) });
    if (!open) failed |= BIT.OUTSIDE_WINDOW;
  }

  // Non-returnable rules: every one that matches and is scoped to this claim.
  for (const r of route === "warranty" ? ix.warrantyRules : ix.returnRules) {
    const pass = !r.matches(line);
    trace.push({ rule: r.label, pass, code: r.code });
    if (!pass) failed |= BIT[r.code];
  }

  // Shopper attestations: only for claims the policy can accept at all.
  const missing: Condition[] = [];
  let minPhotos = 0;
  const claimable = route === "warranty" || accepted;
  if (claimable) {
    const required = route === "warranty" ? warrantyConditions : ix.returnConditions;
    for (const c of required) if (!claim.conditions.includes(c)) missing.push(c);
    minPhotos = Math.max(ix.returnMinPhotos, route === "warranty" ? (warranty?.minPhotos ?? 0) : 0);
    if (claim.checkAttestations) {
      const met = missing.length === 0;
      trace.push({ rule: "conditions", pass: met, code: "CONDITION_NOT_MET", detail: missing.join(",") });
      if (!met) failed |= BIT.CONDITION_NOT_MET;
      const shown = claim.photos >= minPhotos;
      trace.push({ rule: "evidence", pass: shown, code: "EVIDENCE_REQUIRED", detail: `${claim.photos}/${minPhotos} photos` });
      if (!shown) failed |= BIT.EVIDENCE_REQUIRED;
    }
  }

  const codes: Code[] = [];
  if (failed !== 0) for (const c of CODES) if (failed & BIT[c]) codes.push(c);
  return {
    codes,
    route,
    group,
    deadlineMs,
    windowDays: route === "return" ? (win?.days ?? null) : null,
    windowFrom: route === "return" ? (win?.from ?? "delivery") : (warranty?.from ?? "delivery"),
    reasonRule: route === "return" ? rule : null,
    warranty: route === "warranty" ? warranty : null,
    resolutions:
      route === "warranty"
        ? [...(warranty?.resolutions ?? p.resolutions.warranty)]
        : [...(rule?.resolutions ?? p.resolutions.return)],
    missingConditions: missing,
    minPhotos,
    trace,
  };
}
