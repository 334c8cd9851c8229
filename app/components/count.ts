// Counts in words for the admin screens (English): "1 unit", "3 units", never "1 units" or "unit(s)".
const rules = new Intl.PluralRules("en");

/** `n` with the noun in the form English plural rules ask for. */
export function count(n: number, one: string, other: string): string {
  return `${n.toLocaleString("en")} ${rules.select(n) === "one" ? one : other}`;
}

/** Basis points as a percentage with one decimal (1234 -> "12.3%"). */
export function percent(bps: number): string {
  return `${(bps / 100).toFixed(1)}%`;
}
