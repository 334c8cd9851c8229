// A policy in plain words, the way a store's "Returns" page reads. Pure: used by the policy editor's live
// summary and the onboarding preset picker. English only (staff-facing); shopper texts live in messages.ts.
import type { ClaimGroup, Condition, Matcher, Policy, Reason, SalesChannel } from "./policy";
import { REASON_PHRASE, RESOLUTION_PHRASE } from "./labels";
import { formatMoney } from "./money";

export interface PolicySummarySection {
  heading: string;
  paragraphs: string[];
}

const CONDITION_WORDS: Record<Condition, string> = {
  unused: "unused",
  unopened: "unopened",
  tags_attached: "with tags attached",
  original_packaging: "in the original packaging",
};

const CHANNEL_WORDS: Record<SalesChannel, string> = {
  online_store: "our online store",
  pos: "our shops (point of sale)",
  marketplace: "marketplaces",
  retail_partner: "retail partners",
  draft_order: "draft orders",
  other: "other channels",
};

const GROUP_WORDS: Record<ClaimGroup, string> = {
  change_of_mind: "Change of mind",
  faults: "Faulty, damaged or wrong items",
};

export function joinWords(items: readonly string[], conj: "and" | "or" = "and"): string {
  if (items.length === 0) return "";
  if (items.length === 1) return items[0]!;
  return `${items.slice(0, -1).join(", ")} ${conj} ${items[items.length - 1]}`;
}

function quoteAll(values: readonly string[]): string {
  return joinWords(values.map((v) => `“${v}”`), "or");
}

/** "products tagged “final-sale”", "items on sale", ... */
export function describeMatcher(m: Matcher): string {
  switch (m.kind) {
    case "tag":
      return `products tagged ${quoteAll(m.values)}`;
    case "productType":
      return `products of type ${quoteAll(m.values)}`;
    case "collection":
      return `products in the ${quoteAll(m.values)} collection${m.values.length > 1 ? "s" : ""}`;
    case "vendor":
      return `products from ${quoteAll(m.values)}`;
    case "lineItemProperty":
      return m.keys && m.keys.length > 0
        ? `items ordered with ${quoteAll(m.keys)} options`
        : "items ordered with custom options (personalised)";
    case "giftCard":
      return "gift cards";
    case "onSale":
      return "items bought at a discount";
  }
}

function scopeWords(policy: Policy, scopes: readonly string[]): string {
  if (scopes.includes("*")) return "for any reason";
  const parts = scopes.map((s) => {
    if (s === "change_of_mind") return "for a change of mind";
    if (s === "faults") return "for a fault";
    if (s === "warranty") return "under warranty";
    return `as “${REASON_PHRASE[s as Reason] ?? s}”`;
  });
  void policy;
  return joinWords(parts, "or");
}

function windowSentence(policy: Policy, group: ClaimGroup): string | null {
  const w = policy.windows[group];
  const reasons = policy.reasons.accepted.filter((r) => policy.reasons.groups[r] === group);
  if (!w || reasons.length === 0) return null;
  const from = w.from === "delivery" ? "delivery" : "dispatch";
  const subject =
    group === "change_of_mind"
      ? "You can return an item you no longer want"
      : "You can return an item that is faulty, damaged or not what you ordered";
  const days = w.days === 0 ? "on the day of" : `within ${w.days} day${w.days === 1 ? "" : "s"} of`;
  const reasonList = joinWords(reasons.map((r) => REASON_PHRASE[r]), "or");
  return `${subject} ${days} ${from} (reasons: ${reasonList}).`;
}

/** The policy as titled sections of plain sentences. Deterministic; no dates or clock. */
export function summarizePolicy(policy: Policy, currency = "USD"): PolicySummarySection[] {
  const out: PolicySummarySection[] = [];

  // When
  const when: string[] = [];
  for (const g of ["change_of_mind", "faults"] as const) {
    const s = windowSentence(policy, g);
    if (s) when.push(s);
  }
  if (!policy.reasons.accepted.some((r) => policy.reasons.groups[r] === "change_of_mind")) {
    when.push("We don't accept returns for a change of mind.");
  }
  if (!policy.reasons.accepted.some((r) => policy.reasons.groups[r] === "faults")) {
    when.push("Returns for faulty items are not accepted through this app.");
  }
  out.push({ heading: "When you can return", paragraphs: when });

  // Condition and evidence
  const cond: string[] = [];
  for (const g of ["change_of_mind", "faults"] as const) {
    const cs = policy.conditions[g];
    if (cs.length > 0) {
      cond.push(`${GROUP_WORDS[g]}: items must be ${joinWords(cs.map((c) => CONDITION_WORDS[c]))}.`);
    }
  }
  const photoReasons = Object.entries(policy.evidence.minPhotos).filter(([, n]) => (n ?? 0) > 0) as [Reason, number][];
  if (photoReasons.length > 0) {
    const byCount = new Map<number, Reason[]>();
    for (const [r, n] of photoReasons) byCount.set(n, [...(byCount.get(n) ?? []), r]);
    for (const [n, rs] of [...byCount.entries()].sort((a, b) => a[0] - b[0])) {
      cond.push(
        `Please include ${n === 1 ? "a photo" : `${n} photos`} when the reason is ${joinWords(rs.map((r) => `“${REASON_PHRASE[r]}”`), "or")}.`,
      );
    }
  }
  if (cond.length === 0) cond.push("No particular condition is required.");
  out.push({ heading: "Condition of the items", paragraphs: cond });

  // Exclusions
  const excl: string[] = [];
  for (const rule of policy.rules) {
    const what = joinWords(rule.match.map(describeMatcher), "or");
    const label = rule.code === "FINAL_SALE" ? " (final sale)" : "";
    excl.push(`${capitalize(what)}${label} can't be returned ${scopeWords(policy, rule.appliesTo)}.`);
  }
  if (policy.channels.excluded.length > 0) {
    excl.push(
      `Orders placed through ${joinWords(policy.channels.excluded.map((c) => CHANNEL_WORDS[c]), "or")} must be returned to where they were bought.`,
    );
  }
  if (excl.length > 0) out.push({ heading: "What can't be returned", paragraphs: excl });

  // Warranty
  if (policy.warranties.length > 0) {
    out.push({
      heading: "Warranty",
      paragraphs: policy.warranties.map((w) => {
        const what = joinWords(w.match.map(describeMatcher), "or");
        const span = w.months % 12 === 0 ? `${w.months / 12} year${w.months === 12 ? "" : "s"}` : `${w.months} months`;
        const res = joinWords(w.resolutions.map((r) => RESOLUTION_PHRASE[r]), "or");
        return `${capitalize(what)} are covered for ${span} from ${w.from === "delivery" ? "delivery" : "dispatch"} if they are ${joinWords(
          w.reasons.map((r) => REASON_PHRASE[r]),
          "or",
        )}; we offer ${res}.`;
      }),
    });
  }

  // Resolutions, fees, timing
  const money: string[] = [];
  money.push(`You can choose ${joinWords(policy.resolutions.return.map((r) => RESOLUTION_PHRASE[r]), "or")}.`);
  const bonusBps = policy.resolutions.storeCreditBonusBps;
  if (bonusBps > 0 && [...policy.resolutions.return, ...policy.resolutions.warranty].includes("store_credit")) {
    const pct = bonusBps / 100;
    money.push(`Store credit is worth ${Number.isInteger(pct) ? pct : pct.toFixed(2)}% more than a refund.`);
  }
  const feeParts: string[] = [];
  if (policy.fees.restockingBps > 0) {
    const pct = policy.fees.restockingBps / 100;
    feeParts.push(`a ${Number.isInteger(pct) ? pct : pct.toFixed(2)}% restocking fee`);
  }
  if (policy.fees.returnShippingFeeMinor > 0) {
    feeParts.push(`a return shipping fee of ${formatMoney(policy.fees.returnShippingFeeMinor, currency)}`);
  }
  if (feeParts.length > 0) {
    const scope = policy.fees.appliesTo.map((g) =>
      g === "change_of_mind" ? "change-of-mind returns" : g === "faults" ? "faulty items" : "warranty claims",
    );
    money.push(`We deduct ${joinWords(feeParts)} from refunds for ${joinWords(scope)}.`);
  } else {
    money.push("There is no restocking or return shipping fee.");
  }
  const tl = policy.refundTimelines;
  if (tl) {
    money.push(
      `Once we receive your return, refunds take ${range(tl.domestic)} business days within the country and ${range(
        tl.international,
      )} business days for international orders, plus up to ${tl.bank.max} days for your bank.`,
    );
  }
  out.push({ heading: "Refunds", paragraphs: money });

  // Review
  const review =
    policy.approval.mode === "manual"
      ? "Every return request is reviewed by our team before you send anything back."
      : policy.approval.mode === "auto_approve_eligible"
        ? "Requests that meet this policy are approved straight away; others are reviewed by our team."
        : "Requests that meet this policy are approved straight away, and those that don't are declined automatically.";
  out.push({ heading: "How requests are handled", paragraphs: [review] });
  return out;
}

/** The same summary as plain text (headings on their own lines). */
export function summarizePolicyText(policy: Policy, currency = "USD"): string {
  return summarizePolicy(policy, currency)
    .map((s) => [s.heading, ...s.paragraphs].join("\n"))
    .join("\n\n");
}

function range(r: { min: number; max: number }): string {
  return r.min === r.max ? `${r.min}` : `${r.min}–${r.max}`;
}

function capitalize(s: string): string {
  return s.length === 0 ? s : s[0]!.toUpperCase() + s.slice(1);
}
