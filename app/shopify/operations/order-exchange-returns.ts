/**
 * The newest Returns on an order with their returned fulfillment line items and exchange items: on a
 * retry of an exchange approval, to find the Return an earlier attempt's returnCreate made (its answer
 * lost, or the process died after Shopify applied it) instead of creating a second one.
 */
export const ORDER_EXCHANGE_RETURNS = `#graphql
  query OrderExchangeReturns($id: ID!) {
    order(id: $id) {
      id
      returns(first: 10, reverse: true) {
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
          exchangeLineItems(first: 20) {
            nodes {
              id
              variantId
              quantity
            }
          }
        }
      }
    }
  }
` as const;
