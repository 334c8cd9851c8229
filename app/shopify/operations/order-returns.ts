/**
 * The Returns already on an order with their fulfillment line items, to reconcile after a
 * returnRequest whose answer was lost (the mutation may have applied): find the Return it made
 * instead of opening a second one.
 */
export const ORDER_RETURNS = `#graphql
  query OrderReturns($id: ID!) {
    order(id: $id) {
      id
      returns(first: 10) {
        nodes {
          id
          status
          createdAt
          returnLineItems(first: 20) {
            nodes {
              quantity
              ... on ReturnLineItem {
                fulfillmentLineItem {
                  id
                }
              }
            }
          }
        }
      }
    }
  }
` as const;
