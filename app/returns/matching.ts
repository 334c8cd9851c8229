// Does a product line match a policy matcher? Strings compare case-insensitively, trimmed.
import type { Matcher, Policy, Reason, ReasonGroup, Scope } from "./policy";
import { groupOf } from "./policy";

export interface MatchableLine {
  tags: readonly string[];
  productType: string;
  collections: readonly string[];
  vendor: string;
  customAttributes: ReadonlyArray<{ key: string; value: string | null }>;
  isGiftCard: boolean;
  onSale: boolean;
}

const norm = (s: string) => s.trim().toLowerCase();

function anyIn(have: readonly string[], want: readonly string[]): boolean {
  if (have.length === 0) return false;
  for (const w of want) {
    const nw = norm(w);
    for (const h of have) if (norm(h) === nw) return true;
  }
  return false;
}

export function matcherMatches(m: Matcher, line: MatchableLine): boolean {
  switch (m.kind) {
    case "tag":
      return anyIn(line.tags, m.values);
    case "productType":
      return anyIn([line.productType], m.values);
    case "collection":
      return anyIn(line.collections, m.values);
    case "vendor":
      return anyIn([line.vendor], m.values);
    case "lineItemProperty": {
      // Any property counts (the presets read "any line item property" as personalisation).
      const visible = line.customAttributes;
      if (!m.keys || m.keys.length === 0) return visible.length > 0;
      return anyIn(
        visible.map((a) => a.key),
        m.keys,
      );
    }
    case "giftCard":
      return line.isGiftCard;
    case "onSale":
      return line.onSale;
  }
}

export function anyMatcher(ms: readonly Matcher[], line: MatchableLine): boolean {
  return ms.some((m) => matcherMatches(m, line));
}

/**
 * A matcher list as one test, answering exactly like `anyMatcher`, with the wanted values normalised
 * once (the engine compiles each rule's matchers once per assessment, then tests every line).
 */
export function compileMatchers(ms: readonly Matcher[]): (line: MatchableLine) => boolean {
  const tests = ms.map((m): ((line: MatchableLine) => boolean) => {
    switch (m.kind) {
      case "tag": {
        const want = new Set(m.values.map(norm));
        return (line) => someIn(line.tags, want);
      }
      case "productType": {
        const want = new Set(m.values.map(norm));
        return (line) => want.has(norm(line.productType));
      }
      case "collection": {
        const want = new Set(m.values.map(norm));
        return (line) => someIn(line.collections, want);
      }
      case "vendor": {
        const want = new Set(m.values.map(norm));
        return (line) => want.has(norm(line.vendor));
      }
      case "lineItemProperty": {
        if (!m.keys || m.keys.length === 0) return (line) => line.customAttributes.length > 0;
        const want = new Set(m.keys.map(norm));
        return (line) => {
          for (const a of line.customAttributes) if (want.has(norm(a.key))) return true;
          return false;
        };
      }
      case "giftCard":
        return (line) => line.isGiftCard;
      case "onSale":
        return (line) => line.onSale;
    }
  });
  if (tests.length === 1) return tests[0]!;
  return (line) => {
    for (const test of tests) if (test(line)) return true;
    return false;
  };
}

function someIn(have: readonly string[], want: ReadonlySet<string>): boolean {
  for (const h of have) if (want.has(norm(h))) return true;
  return false;
}

/** Is a rule scoped to this claim? `onWarranty` adds the "warranty" group. */
export function scopeCovers(scopes: readonly Scope[], policy: Policy, reason: Reason, onWarranty: boolean): boolean {
  const group: ReasonGroup = groupOf(policy, reason);
  return scopes.some((s) => s === "*" || s === reason || s === group || (onWarranty && s === "warranty"));
}

/**
 * Whether any rule of the policy matches on product collections. Reading an order's collections
 * is the costliest part of the read, so the Admin adapter asks for them only when this is true.
 */
export function policyMatchesCollections(policy: unknown): boolean {
  const walk = (v: unknown): boolean => {
    if (Array.isArray(v)) return v.some(walk);
    if (v && typeof v === "object") {
      if ((v as { kind?: unknown }).kind === "collection") return true;
      return Object.values(v).some(walk);
    }
    return false;
  };
  return walk(policy);
}
