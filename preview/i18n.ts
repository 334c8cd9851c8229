// A translate() that behaves like Shopify's `shopify.i18n.translate` for the features our locale files
// use: dotted keys into nested JSON, {{name}} interpolation, and plural objects picked by `count`
// through Intl.PluralRules (keys zero/one/two/few/many/other). Missing keys return the key, as Shopify does.

export type Messages = { [key: string]: string | Messages };

export function createTranslate(messages: Messages, fallback: Messages, locale: string) {
  const plural = new Intl.PluralRules(locale);
  const lookup = (m: Messages, key: string): string | Messages | undefined => {
    let cur: string | Messages | undefined = m;
    for (const part of key.split(".")) {
      if (cur === undefined || typeof cur === "string") return undefined;
      cur = cur[part];
    }
    return cur;
  };
  return (key: string, params: Record<string, unknown> = {}): string => {
    let entry = lookup(messages, key) ?? lookup(fallback, key);
    if (entry !== undefined && typeof entry !== "string") {
      const count = params.count;
      const form = typeof count === "number" ? (count === 0 && entry.zero !== undefined ? "zero" : plural.select(count)) : "other";
      const picked: string | Messages | undefined = entry[form] ?? entry.other;
      entry = typeof picked === "string" ? picked : undefined;
    }
    if (typeof entry !== "string") return key;
    return entry.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) =>
      params[name] === undefined ? `{{${name}}}` : String(params[name]),
    );
  };
}
