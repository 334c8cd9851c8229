// Text the databases can store. SQLite (through the driver adapter) and PostgreSQL both fail on a
// string holding an unpaired UTF-16 surrogate half (it has no UTF-8 form), and PostgreSQL refuses the
// NUL character in text: written as is, either is a 500. Input is refused where it arrives, naming
// the field (app/services/input-text.ts); the repositories refuse it too, and clean text that comes
// from Shopify or from our own error messages (a message cut at a length can split a surrogate pair).

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const LONE_SURROGATES = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export const UNSTORABLE_TEXT_MESSAGE = "must be text without NUL characters or unpaired surrogates";

export function isStorableText(s: string): boolean {
  return !s.includes("\u0000") && !LONE_SURROGATE.test(s);
}

/** The same text with unpaired surrogates as U+FFFD and NUL characters removed. */
export function storableText(s: string): string {
  return s.replace(LONE_SURROGATES, "\uFFFD").replaceAll("\u0000", "");
}
