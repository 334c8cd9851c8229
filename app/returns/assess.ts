// One claim on one order line, judged against every rule of the policy. Shared by
// evaluate() (a shopper's request) and returnableLines() (what the form may still offer).
import type { ClaimGroup, Condition, Policy, Reason, ReasonRule, Resolution, Warranty, WindowStart } from "./policy";
import { groupOf, reasonRuleOf } from "./policy";
import type { Order, OrderLine } from "./order";
import { anyMatcher, scopeCovers } from "./matching";
import { windowEnd, windowEndMonths } from "./time";

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

function startOf(line: OrderLine, order: Order, from: WindowStart): { ms: number; basis: string } {
  if (from === "order") return { ms: Date.parse(order.processedAt), basis: "processedAt" };
  if (from === "delivery" && line.deliveredAt) return { ms: Date.parse(line.deliveredAt), basis: "deliveredAt" };
  if (line.fulfilledAt) return { ms: Date.parse(line.fulfilledAt), basis: "fulfilledAt" };
  if (line.deliveredAt) return { ms: Date.parse(line.deliveredAt), basis: "deliveredAt" };
  return { ms: Date.parse(order.processedAt), basis: "processedAt" };
}

export function assessClaim(
  policy: Policy,
  order: Order,
  line: OrderLine,
  claim: Claim,
  nowMs: number,
  timeZone: string,
): Assessment {
  const codes = new Set<Code>();
  const trace: TraceEntry[] = [];
  const check = (rule: string, pass: boolean, code: Code, detail?: string) => {
    trace.push(detail === undefined ? { rule, pass, code } : { rule, pass, code, detail });
    if (!pass) codes.add(code);
  };
  const { reason } = claim;
  const group = groupOf(policy, reason);
  const rule = reasonRuleOf(policy, reason) ?? null;

  check("channel", !policy.channels.excluded.includes(order.salesChannel), "EXCLUDED_CHANNEL", order.salesChannel);

  const delivered = line.fulfilledQuantity > 0;
  check("fulfilled", delivered, "NOT_DELIVERED");
  check(
    "quantity",
    claim.quantity <= claim.available,
    "QUANTITY_UNAVAILABLE",
    `asked ${claim.quantity}, available ${Math.max(0, claim.available)}`,
  );

  // Route and window.
  const accepted = policy.reasons.accepted.includes(reason);
  const win = rule?.window ?? policy.windows[group];
  const warranty = policy.warranties.find((w) => w.reasons.includes(reason) && anyMatcher(w.match, line)) ?? null;
  let returnDeadline: number | null = null;
  if (accepted && win && delivered) {
    const start = startOf(line, order, win.from);
    returnDeadline = windowEnd(start.ms, win.days, timeZone);
  }
  let warrantyDeadline: number | null = null;
  if (warranty && delivered) {
    warrantyDeadline = windowEndMonths(startOf(line, order, warranty.from).ms, warranty.months, timeZone);
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
    check("reason", accepted, "REASON_NOT_ACCEPTED", reason);
  } else {
    trace.push({ rule: "reason", pass: true, detail: `${reason} covered by warranty ${warranty?.id}` });
  }
  if (deadlineMs !== null) {
    check("window", nowMs <= deadlineMs, "OUTSIDE_WINDOW", `${route} window ends ${new Date(deadlineMs).toISOString()}`);
  }

  // Non-returnable rules: every one that matches and is scoped to this claim.
  for (const r of policy.rules) {
    if (!scopeCovers(r.appliesTo, policy, reason, route === "warranty")) continue;
    check(`rule:${r.id}`, !anyMatcher(r.match, line), r.code);
  }

  // Shopper attestations: only for claims the policy can accept at all.
  let missing: Condition[] = [];
  let minPhotos = 0;
  const claimable = route === "warranty" || accepted;
  if (claimable) {
    const required =
      route === "warranty"
        ? [...new Set([...policy.conditions.warranty, ...(warranty?.conditions ?? [])])]
        : (rule?.conditions ?? policy.conditions[group]);
    missing = required.filter((c) => !claim.conditions.includes(c));
    minPhotos = Math.max(rule?.minPhotos ?? policy.evidence.minPhotos[reason] ?? 0, route === "warranty" ? (warranty?.minPhotos ?? 0) : 0);
    if (claim.checkAttestations) {
      check("conditions", missing.length === 0, "CONDITION_NOT_MET", missing.join(","));
      check("evidence", claim.photos >= minPhotos, "EVIDENCE_REQUIRED", `${claim.photos}/${minPhotos} photos`);
    }
  }

  const ordered = CODES.filter((c) => codes.has(c));
  return {
    codes: ordered,
    route,
    group,
    deadlineMs,
    windowDays: route === "return" ? (win?.days ?? null) : null,
    windowFrom: route === "return" ? (win?.from ?? "delivery") : (warranty?.from ?? "delivery"),
    reasonRule: route === "return" ? rule : null,
    warranty: route === "warranty" ? warranty : null,
    resolutions:
      route === "warranty"
        ? [...(warranty?.resolutions ?? policy.resolutions.warranty)]
        : [...(rule?.resolutions ?? policy.resolutions.return)],
    missingConditions: missing,
    minPhotos,
    trace,
  };
}
