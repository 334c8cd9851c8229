// Where our links lead in customer accounts: the order's return request page and the order itself.

/** The handle of the full-page extension that holds the request form (extensions/customer-returns-page). */
export const REQUEST_PAGE_HANDLE = "customer-returns-page";

/**
 * The request page of one order: Shopify's `extension:` protocol, `extension:<handle>/<target>/<order id>/`
 * for an order-specific full-page extension, the order's numeric id (a gid's slashes would end the path).
 * https://shopify.dev/docs/api/customer-account-ui-extensions/latest#custom-protocols
 */
export function requestPageHref(orderId: string): string {
  return `extension:${REQUEST_PAGE_HANDLE}/customer-account.order.page.render/${orderId.split("/").pop() ?? ""}/`;
}

/** The order's own page in customer accounts (the request page's way back). */
export function orderHref(orderId: string): string {
  return `shopify:customer-account/orders/${orderId.split("/").pop() ?? ""}`;
}
