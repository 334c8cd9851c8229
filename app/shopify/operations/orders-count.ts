/** Orders placed in a period: the denominator of the admin Analytics return rate. */
export const ORDERS_COUNT_FOR_ANALYTICS = `#graphql
  query OrdersCountForAnalytics($query: String!) {
    ordersCount(query: $query, limit: null) {
      count
      precision
    }
  }
` as const;
