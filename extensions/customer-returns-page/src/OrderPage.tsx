/** @jsxImportSource preact */
// customer-account.order.page.render: the shopper's return request page for one order
// (docs/decisions/210-request-form-placement.md). A thin entry: the form, its state, API calls and words are
// extensions/customer-returns' own; this page only gives them Shopify's page component as the container, the
// order from the target's Order API (`shopify.order`) and a way back to the order.
// https://shopify.dev/docs/api/customer-account-ui-extensions/latest/targets/full-page
import "@shopify/ui-extensions/preact";
import { render } from "preact";
import { useMemo } from "preact/hooks";
import { hostTools, pageApi, useSignal } from "../../customer-returns/src/host";
import { orderHref } from "../../customer-returns/src/links";
import { useReturns } from "../../customer-returns/src/ReturnsApp";
import { ReturnsBody } from "../../customer-returns/src/View";

export default async () => {
  render(<OrderPage />, document.body);
};

export function OrderPage() {
  const api = pageApi();
  const order = useSignal(api.order);
  const tools = useMemo(() => hostTools(api), [api]);
  // The shopper came here to ask for a return: the form opens as soon as something can be returned.
  const { state, on } = useReturns(order?.id ?? "", tools.client, { autoOpen: true });
  const { t } = tools;
  const name = state.data?.order.name ?? order?.name ?? "";
  const inForm = state.phase === "ready" && state.view === "form";
  return (
    <s-page heading={inForm && name ? t("form.heading", { order: name }) : t("heading")}>
      {order && (
        <s-button slot="breadcrumb-actions" accessibilityLabel={t("page.back", { order: name })} href={orderHref(order.id)} />
      )}
      <ReturnsBody state={state} t={t} locale={tools.locale} on={on} />
    </s-page>
  );
}
