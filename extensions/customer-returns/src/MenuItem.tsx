/** @jsxImportSource preact */
// customer-account.order.action.menu-item.render: "Request return" in the order's action menu, a link to the
// order's return request page (extensions/customer-returns-page; docs/decisions/210-request-form-placement.md).
// Shopify renders this target for every order on the order index too, so it asks the app nothing: one overview
// per listed order would be one Admin order read each and drain the shop's API budget. The page loads the order
// and says what can be returned, or why nothing can.
// A menu item with href navigates; only one without opens the order action modal, so this extension has none.
// https://shopify.dev/docs/api/customer-account-ui-extensions/latest/targets/order-actions
import "@shopify/ui-extensions/preact";
import { render } from "preact";
import { menuItemApi } from "./host";
import { requestPageHref } from "./links";

export default async () => {
  render(<MenuItem />, document.body);
};

export function MenuItem() {
  const api = menuItemApi();
  return <s-button href={requestPageHref(api.orderId)}>{api.i18n.translate("request")}</s-button>;
}
