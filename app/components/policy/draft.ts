// The policy editor's draft: a policy as the merchant is typing it (possibly invalid), edited by path.
import type { Matcher, PolicyInput } from "~/returns";

export type Draft = PolicyInput & Record<string, unknown>;

/** Sets one value in the draft by path, copying the draft (for React state). */
export type SetDraft = (path: (string | number)[], value: unknown) => void;

export function setIn<T>(obj: T, path: (string | number)[], value: unknown): T {
  const copy = structuredClone(obj) as Record<string | number, unknown>;
  let cur: Record<string | number, unknown> = copy;
  for (let i = 0; i < path.length - 1; i++) {
    const k = path[i]!;
    if (cur[k] === undefined || cur[k] === null) cur[k] = typeof path[i + 1] === "number" ? [] : {};
    cur = cur[k] as Record<string | number, unknown>;
  }
  cur[path[path.length - 1]!] = value;
  return copy as T;
}

export const csv = (s: string) =>
  s
    .split(",")
    .map((x) => x.trim())
    .filter(Boolean);

export const MATCHER_KINDS: { value: Matcher["kind"]; label: string }[] = [
  { value: "tag", label: "Product tag" },
  { value: "productType", label: "Product type" },
  { value: "collection", label: "Collection" },
  { value: "vendor", label: "Vendor" },
  { value: "lineItemProperty", label: "Line item property (personalised)" },
  { value: "giftCard", label: "Gift card" },
  { value: "onSale", label: "Bought at a discount" },
];

export function matcherValues(m: Matcher): string {
  if ("values" in m) return m.values.join(", ");
  if (m.kind === "lineItemProperty") return (m.keys ?? []).join(", ");
  return "";
}

export function makeMatcher(kind: Matcher["kind"], values: string): Matcher {
  switch (kind) {
    case "giftCard":
    case "onSale":
      return { kind };
    case "lineItemProperty": {
      const keys = csv(values);
      return keys.length ? { kind, keys } : { kind };
    }
    default:
      return { kind, values: csv(values) };
  }
}
