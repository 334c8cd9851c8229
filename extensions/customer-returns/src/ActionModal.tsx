/** @jsxImportSource preact */
// customer-account.order.action.render: the request form in Shopify's action modal, with the submit button in
// the modal's primary-action slot. After submitting it shows the created request and its status.
import "@shopify/ui-extensions/preact";
import { render } from "preact";
import { useMemo } from "preact/hooks";
import { actionApi, hostTools } from "./host";
import { useReturns } from "./ReturnsApp";
import { ReturnsBody } from "./View";

export default async () => {
  render(<ActionModal />, document.body);
};

export function ActionModal() {
  const api = actionApi();
  const tools = useMemo(() => hostTools(api), [api]);
  const { state, on } = useReturns(api.orderId, tools.client, { autoOpen: true });
  const { t } = tools;
  const inForm = state.phase === "ready" && state.view === "form";
  return (
    <s-customer-account-action heading={inForm && state.data ? t("form.heading", { order: state.data.order.name }) : t("heading")}>
      <ReturnsBody state={state} t={t} locale={tools.locale} on={on} inModal />
      {inForm && (
        <s-button slot="primary-action" loading={state.submitting} onClick={on.submit}>
          {t("form.submit")}
        </s-button>
      )}
      <s-button slot="secondary-actions" variant="secondary" onClick={() => api.close()}>
        {t("form.close")}
      </s-button>
    </s-customer-account-action>
  );
}
