/** @jsxImportSource preact */
// customer-account.order.action.menu-item.render: "Request return" in the order's action menu. Shopify renders
// this target for every order on the order index too, so it asks the app nothing: one overview per listed
// order would be one Admin order read each and drain the shop's API budget. Pressing it opens
// customer-account.order.action.render, which loads the order and says what can be returned, or why nothing can.
import "@shopify/ui-extensions/preact";
import { render } from "preact";
import { menuItemApi } from "./host";

export default async () => {
  render(<MenuItem />, document.body);
};

export function MenuItem() {
  const api = menuItemApi();
  return <s-button>{api.i18n.translate("request")}</s-button>;
}
