/**
 * The newest Returns on an order with what a returnRequest sets on them (fulfillment line items,
 * quantities, reason definitions, customer notes) and when each was created: to recognise the Return
 * a returnRequest made when the app never recorded its answer (lost in transit, or the process died
 * after Shopify applied it) instead of opening a second one. Read only on a retry, never on a first
 * submission. `$lines` is the number of lines the app sent: a Return with more (hasNextPage) is not it.
 */
export const ORDER_RETURNS = `#graphql
  query OrderReturns($id: ID!, $lines: Int = 20) {
    order(id: $id) {
      id
      returns(first: 10, reverse: true) {
        nodes {
          id
          status
          createdAt
          returnLineItems(first: $lines) {
            pageInfo {
              hasNextPage
            }
            nodes {
              quantity
              customerNote
              ... on ReturnLineItem {
                fulfillmentLineItem {
                  id
                }
                returnReasonDefinition {
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
