/** @jsxImportSource preact */
// purchase.checkout.cart-line-list.render-after: optional "I understand final-sale items can't be returned"
// checkbox. Shown only when the shop metafield asks for it and the cart holds a final-sale line; until it is
// ticked, buyerJourney.intercept blocks progress (needs the block_progress capability).
import "@shopify/ui-extensions/preact";
import { render } from "preact";
import { useEffect, useRef, useState } from "preact/hooks";
import { cartLineListApi, useSignal } from "./host";
import { interceptDecision, linesTerms, shopTermsFrom } from "./terms";

export default async () => {
  render(<FinalSaleAck />, document.body);
};

export function FinalSaleAck() {
  const api = cartLineListApi();
  const entries = useSignal(api.appMetafields);
  const lines = useSignal(api.lines);
  const shop = shopTermsFrom(entries);
  const hasFinalSale = !!shop && linesTerms(lines, entries, shop).some((l) => l.notReturnable);
  const requireAck = !!shop?.requireFinalSaleAck;
  const [acknowledged, setAcknowledged] = useState(false);
  const [showError, setShowError] = useState(false);
  const live = useRef({ requireAck, hasFinalSale, acknowledged });
  live.current = { requireAck, hasFinalSale, acknowledged };
  const t = (k: string) => api.i18n.translate(k);

  useEffect(() => {
    let release: (() => void) | undefined;
    let disposed = false;
    void api.buyerJourney
      .intercept(({ canBlockProgress }) => {
        const d = interceptDecision({ ...live.current, canBlockProgress });
        if (d.behavior === "allow") return { behavior: "allow", perform: () => setShowError(false) };
        const message = api.i18n.translate(d.messageKey ?? "ack.error");
        return {
          behavior: "block",
          reason: d.reason ?? "blocked",
          errors: [{ message }],
          perform: (result) => setShowError(result.behavior === "block"),
        };
      })
      .then((r) => {
        if (disposed) r();
        else release = r;
      });
    return () => {
      disposed = true;
      release?.();
    };
  }, [api]);

  if (!requireAck || !hasFinalSale) return null;
  return (
    <s-checkbox
      label={t("ack.label")}
      checked={acknowledged}
      error={showError && !acknowledged ? t("ack.error") : undefined}
      onChange={(e: Event) => {
        const checked = (e.currentTarget as HTMLInputElement).checked;
        setAcknowledged(checked);
        if (checked) setShowError(false);
      }}
    />
  );
}
