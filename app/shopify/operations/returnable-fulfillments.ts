/**
 * Which fulfillment line items can still be returned, and how many of each (returnRequest takes
 * these ids). Page sizes keep the requested cost under 1,000 points: 5 fulfillments per page
 * (page on with $after), 50 lines each.
 */
export const RETURNABLE_FULFILLMENTS = `#graphql
  query ReturnableFulfillments($orderId: ID!, $first: Int = 5, $after: String) {
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
        returnableFulfillmentLineItems(first: 50) {
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
