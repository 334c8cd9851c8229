/** Finds an order by its name ("#1001"); the search syntax is `name:<name>`. */
export const ORDER_ID_BY_NAME = `#graphql
  query OrderIdByName($query: String!) {
    orders(first: 1, query: $query) {
      nodes {
        id
        name
      }
    }
  }
` as const;
