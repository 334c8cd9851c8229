/** @jsxImportSource preact */
// purchase.thank-you.block.render: states the return terms of this order, per line where they differ
// from the shop's default. Data comes only from app-owned metafields: no network at checkout.
import "@shopify/ui-extensions/preact";
import { render } from "preact";
import { thankYouApi, useSignal } from "./host";
import { defaultTerms, labelFor, linesTerms, shopTermsFrom, type Translate } from "./terms";

export default async () => {
  render(<ThankYouTerms />, document.body);
};

export function ThankYouTerms() {
  const api = thankYouApi();
  const entries = useSignal(api.appMetafields);
  const lines = useSignal(api.lines);
  const shop = shopTermsFrom(entries);
  if (!shop) return null;
  const t: Translate = (k, p) => api.i18n.translate(k, p);
  const locale = api.localization.extensionLanguage.value.isoCode;
  const rows = linesTerms(lines, entries, shop).filter((l) => l.differs);
  const defaultLabel = defaultTerms(shop)
    .map((term) => labelFor(term, shop, locale, t))
    .join(" · ");
  const differs = rows.length > 0;
  return (
    <s-section heading={t("thankYou.heading")}>
      <s-stack gap="small-200">
        {rows.map((row) => (
          <s-stack key={row.lineId} direction="inline" gap="small-200" alignItems="center">
            <s-text type="strong">{row.title}</s-text>
            {row.terms.map((term) => (
              <s-badge key={term.code} tone={row.notReturnable && !term.code.startsWith("WARRANTY_") ? "critical" : "neutral"}>
                {labelFor(term, shop, locale, t)}
              </s-badge>
            ))}
          </s-stack>
        ))}
        {defaultLabel && (
          <s-text>{t(differs ? "thankYou.otherItems" : "thankYou.allItems", { terms: defaultLabel })}</s-text>
        )}
      </s-stack>
    </s-section>
  );
}
