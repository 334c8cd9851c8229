/** @jsxImportSource preact */
// purchase.checkout.cart-line-item.render-after: a short note under lines the policy makes final or
// special ("Final sale — not returnable", "2-year warranty"). Lines on the default terms show nothing.
import "@shopify/ui-extensions/preact";
import { render } from "preact";
import { cartLineItemApi, useSignal } from "./host";
import { labelFor, linesTerms, shopTermsFrom, type Translate } from "./terms";

export default async () => {
  render(<CartLineNote />, document.body);
};

export function CartLineNote() {
  const api = cartLineItemApi();
  const entries = useSignal(api.appMetafields);
  const line = useSignal(api.target);
  const shop = shopTermsFrom(entries);
  if (!shop) return null;
  const [row] = linesTerms([line], entries, shop);
  if (!row || !row.differs) return null;
  const t: Translate = (k, p) => api.i18n.translate(k, p);
  const locale = api.localization.extensionLanguage.value.isoCode;
  const text = row.terms
    .map((term) => (term.code === "FINAL_SALE" && !shop.texts[locale]?.FINAL_SALE ? t("cartLine.finalSale") : labelFor(term, shop, locale, t)))
    .join(" · ");
  return (
    <s-text tone={row.notReturnable ? "critical" : "neutral"} color="subdued">
      {text}
    </s-text>
  );
}
