/** @jsxImportSource preact */
// customer-account.order-status.block.render: return status and, while something can still be returned,
// "Request return" linking to the order's request page (extensions/customer-returns-page, docs/decisions/210);
// otherwise one short line saying why not (the API's closedReason). On the
// pre-authenticated order status page (opened from an email link, not signed in) it asks the buyer to sign in
// with Shopify's requireLogin instead of calling the app, which needs a signed-in customer.
import "@shopify/ui-extensions/preact";
import { render } from "preact";
import { useMemo } from "preact/hooks";
import { blockApi, hostTools, useSignal } from "./host";
import { requestPageHref } from "./links";
import { useReturns } from "./ReturnsApp";
import { LoadError, Loading, Overview, SignIn, type ViewProps } from "./View";

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
      <StatusBody state={state} t={tools.t} locale={tools.locale} on={handlers} requestHref={order ? requestPageHref(order.id) : undefined} />
    </s-section>
  );
}

/** The block's states: the form itself lives on the request page, so this bundle leaves it out. */
function StatusBody(props: ViewProps) {
  const { state, t } = props;
  if (state.phase === "loading") return <Loading t={t} />;
  if (state.phase === "signIn") return <SignIn {...props} />;
  if (state.phase === "error" || !state.data) return <LoadError {...props} />;
  return <Overview {...props} />;
}
