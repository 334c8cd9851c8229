/** @jsxImportSource preact */
// customer-account.order-status.block.render: return status and, while something can still be returned,
// the inline request form; otherwise one short line saying why not (the API's closedReason). On the
// pre-authenticated order status page (opened from an email link, not signed in) it asks the buyer to sign in
// with Shopify's requireLogin instead of calling the app, which needs a signed-in customer.
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
  const preAuthenticated = useSignal(api.authenticationState) === "pre_authenticated";
  const tools = useMemo(() => hostTools(api), [api]);
  const { state, on } = useReturns(order?.id ?? "", tools.client, { signedOut: preAuthenticated });
  // requireLogin only prompts; once the buyer has signed in the authentication state changes and the block loads.
  // https://shopify.dev/docs/api/customer-account-ui-extensions/latest/target-apis/account-apis/require-login-api
  const handlers = preAuthenticated ? { ...on, signIn: () => void api.requireLogin().catch(() => {}) } : on;
  // Nothing to say on orders with no returnable lines and no return history.
  if (state.phase === "ready" && state.data && !state.data.canRequest && !state.data.requests.length && !state.data.closedReason) return null;
  return (
    <s-section heading={tools.t("heading")}>
      <ReturnsBody state={state} t={tools.t} locale={tools.locale} on={handlers} />
    </s-section>
  );
}
