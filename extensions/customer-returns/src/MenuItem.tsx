/** @jsxImportSource preact */
// customer-account.order.action.menu-item.render: "Request return" in the order's action menu, only when
// something on the order can still be returned. Pressing it opens customer-account.order.action.render.
import "@shopify/ui-extensions/preact";
import { render } from "preact";
import { useEffect, useMemo, useState } from "preact/hooks";
import { hostTools, menuItemApi } from "./host";

export default async () => {
  render(<MenuItem />, document.body);
};

export function MenuItem() {
  const api = menuItemApi();
  const tools = useMemo(() => hostTools(api), [api]);
  const [canRequest, setCanRequest] = useState(false);
  useEffect(() => {
    tools.client.getReturns(api.orderId).then((d) => setCanRequest(d.canRequest), () => setCanRequest(false));
  }, [api.orderId]);
  return canRequest ? <s-button>{tools.t("request")}</s-button> : null;
}
