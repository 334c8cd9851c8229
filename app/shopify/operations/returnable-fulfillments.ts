/** Which fulfillment line items can still be returned, and how many of each (returnRequest takes these ids). */
export const RETURNABLE_FULFILLMENTS = `#graphql
  query ReturnableFulfillments($orderId: ID!, $first: Int = 20, $after: String) {
    returnableFulfillments(orderId: $orderId, first: $first, after: $after) {
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        fulfillment {
          id
          createdAt
          deliveredAt
        }
        returnableFulfillmentLineItems(first: 100) {
          nodes {
            quantity
            fulfillmentLineItem {
              id
              quantity
              lineItem {
                id
              }
            }
          }
        }
      }
    }
  }
` as const;
