/**
 * Units delivered in a period, by line title: the denominator of the admin Analytics return rate
 * (returned units / delivered units, overall, by product and by reason). A line's delivered units are
 * its fulfilled ones, `quantity - unfulfilledQuantity` (LineItem.unfulfilledQuantity:
 * https://shopify.dev/docs/api/admin-graphql/latest/objects/LineItem). Cancelled orders delivered
 * nothing the shopper kept; the caller skips them (`cancelledAt`).
 *
 * Cost: 2 + 20 x (1 + 2 + 40) = 862 requested points, under the 1,000-point single-query limit
 * (operations.test.ts checks it). Orders with more than 40 lines are rare; the caller counts what a page
 * holds and reads the next page of orders, never of lines.
 */
export const ORDERS_DELIVERED_UNITS = `#graphql
  query OrdersDeliveredUnits($query: String!, $after: String) {
    orders(first: 20, after: $after, query: $query, sortKey: CREATED_AT, reverse: true) {
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        cancelledAt
        lineItems(first: 40) {
          nodes {
            title
            quantity
            unfulfilledQuantity
          }
        }
      }
    }
  }
` as const;
