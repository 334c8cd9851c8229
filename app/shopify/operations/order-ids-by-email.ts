/**
 * The orders a shopper placed with an e-mail address: the Requests screen's search by e-mail. The address
 * is only a search term (the orders query's `email` filter:
 * https://shopify.dev/docs/api/admin-graphql/latest/queries/orders#argument-query-filter-email); no
 * protected customer field is read, only order ids. The latest 100 orders are plenty for one shopper.
 */
export const ORDER_IDS_BY_EMAIL = `#graphql
  query OrderIdsByEmail($query: String!) {
    orders(first: 100, query: $query, sortKey: CREATED_AT, reverse: true) {
      nodes {
        id
      }
    }
  }
` as const;
