/** @jsxImportSource preact */
// customer-account.order-status.block.render: return status and, while something can still be returned,
// the inline request form; otherwise one short line saying why not (the API's closedReason).
import "@shopify/ui-extensions/preact";
import { render } from "preact";
import { useMemo } from "preact/hooks";
import { blockApi, hostTools, useSignal } from "./host";
import { useReturns } from "./ReturnsApp";
import { ReturnsBody } from "./View";

export default async () => {
  render(<OrderStatusBlock />, document.body);
};

export function OrderStatusBlock() {
  const api = blockApi();
  const order = useSignal(api.order);
  const tools = useMemo(() => hostTools(api), [api]);
  const { state, on } = useReturns(order?.id ?? "", tools.client);
  // Nothing to say on orders with no returnable lines and no return history.
  if (state.phase === "ready" && state.data && !state.data.canRequest && !state.data.requests.length && !state.data.closedReason) return null;
  return (
    <s-section heading={tools.t("heading")}>
      <ReturnsBody state={state} t={tools.t} locale={tools.locale} on={on} />
    </s-section>
  );
}
