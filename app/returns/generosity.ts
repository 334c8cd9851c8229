// Is one policy version at least as generous to shoppers as another? A merchant may apply a new version
// to orders placed before it only when it is: no shopper with an earlier order may lose a return they
// had. Conservative: anything it cannot prove more generous (a new or changed exclusion rule, a changed
// warranty) counts as stricter, and each difference is named in the merchant's words.
import { REASON_LABEL } from "./labels";
import type { ClaimWindow, Policy } from "./policy";

const GROUP_WORDS = { change_of_mind: "change-of-mind returns", faults: "returns of faulty items", warranty: "warranty claims" } as const;
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const subset = <T>(a: readonly T[], b: readonly T[]) => a.every((x) => b.includes(x));

/** A window at least as long, counted from the same or a later start (delivery comes after dispatch). */
function windowCovers(next: ClaimWindow | null, prev: ClaimWindow | null): boolean {
  if (prev === null) return true;
  if (next === null) return false;
  return next.days >= prev.days && (next.from === prev.from || next.from === "delivery");
}

/** Where `next` is stricter than `prev`, in words; empty when it is at least as generous everywhere. */
export function stricterThan(next: Policy, prev: Policy): string[] {
  const out: string[] = [];
  for (const g of ["change_of_mind", "faults"] as const) {
    // only groups a shopper could use under the earlier version
    if (!prev.reasons.accepted.some((r) => prev.reasons.groups[r] === g)) continue;
    if (!windowCovers(next.windows[g], prev.windows[g])) out.push(`Its window for ${GROUP_WORDS[g]} is shorter.`);
    if (!subset(next.conditions[g], prev.conditions[g])) out.push(`It asks more of the item's condition for ${GROUP_WORDS[g]}.`);
  }
  for (const r of prev.reasons.accepted) {
    const reason = REASON_LABEL[r].toLowerCase();
    if (!next.reasons.accepted.includes(r)) {
      out.push(`It no longer accepts returns for “${reason}”.`);
      continue;
    }
    const g = next.reasons.groups[r];
    const pg = prev.reasons.groups[r];
    if (g !== pg) {
      if (!windowCovers(next.windows[g], prev.windows[pg])) out.push(`Its window for “${reason}” is shorter.`);
      if (!subset(next.conditions[g], prev.conditions[pg])) out.push(`It asks more of the item's condition for “${reason}”.`);
    }
    if ((next.evidence.minPhotos[r] ?? 0) > (prev.evidence.minPhotos[r] ?? 0)) out.push(`It asks for more photos for “${reason}”.`);
  }
  if (!subset(next.conditions.warranty, prev.conditions.warranty)) out.push("It asks more of the item's condition for warranty claims.");
  for (const rule of next.rules) {
    if (!prev.rules.some((p) => same(p.match, rule.match) && p.code === rule.code && subset(rule.appliesTo, p.appliesTo))) {
      out.push(`Its rule “${rule.id.replace(/[-_]+/g, " ")}” excludes items the earlier version accepted.`);
    }
  }
  if (!subset(next.channels.excluded, prev.channels.excluded)) out.push("It excludes more sales channels.");
  for (const w of prev.warranties) {
    const kept = next.warranties.some(
      (n) =>
        same(n.match, w.match) &&
        n.months >= w.months &&
        (n.from === w.from || n.from === "delivery") &&
        subset(w.reasons, n.reasons) &&
        subset(w.resolutions, n.resolutions) &&
        subset(n.conditions, w.conditions) &&
        n.minPhotos <= w.minPhotos,
    );
    if (!kept) out.push(`Its warranty “${w.id.replace(/[-_]+/g, " ")}” covers less.`);
  }
  if (!subset(prev.resolutions.return, next.resolutions.return)) out.push("It offers fewer resolutions for returns.");
  if (!subset(prev.resolutions.warranty, next.resolutions.warranty)) out.push("It offers fewer resolutions for warranty claims.");
  const fees = (p: Policy) => p.fees.restockingBps > 0 || p.fees.returnShippingFeeMinor > 0;
  if (fees(next)) {
    const higher = next.fees.restockingBps > prev.fees.restockingBps || next.fees.returnShippingFeeMinor > prev.fees.returnShippingFeeMinor;
    const wider = !subset(next.fees.appliesTo, fees(prev) ? prev.fees.appliesTo : []);
    if (higher || wider) out.push(`It charges more in fees (${next.fees.appliesTo.map((g) => GROUP_WORDS[g]).join(", ")}).`);
  }
  return [...new Set(out)];
}
