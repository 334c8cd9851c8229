/**
 * Everything the staff workflow needs to act on one Return: its status (to reconcile a mutation that
 * may have applied in transit), the line ids returnProcess takes, the reverse fulfillment orders a
 * return label is attached to, the order's payment transactions (refund parent) and refunds so far.
 */
export const RETURN_FOR_STAFF = `#graphql
  query ReturnForStaff($id: ID!) {
    return(id: $id) {
      id
      name
      status
      requestApprovedAt
      closedAt
      decline {
        reason
        note
      }
      order {
        id
        name
        currencyCode
        presentmentCurrencyCode
        customer {
          id
        }
        transactions(first: 20) {
          id
          kind
          status
          gateway
          amountSet {
            presentmentMoney {
              amount
              currencyCode
            }
          }
        }
      }
      returnLineItems(first: 50) {
        nodes {
          id
          quantity
          processedQuantity
          unprocessedQuantity
          customerNote
          returnReasonDefinition {
            handle
          }
          ... on ReturnLineItem {
            fulfillmentLineItem {
              id
              lineItem {
                id
              }
            }
          }
        }
      }
      reverseFulfillmentOrders(first: 5) {
        nodes {
          id
          lineItems(first: 50) {
            nodes {
              id
              totalQuantity
              fulfillmentLineItem {
                id
              }
            }
          }
          reverseDeliveries(first: 5) {
            nodes {
              id
            }
          }
        }
      }
      refunds(first: 10) {
        nodes {
          id
          totalRefundedSet {
            presentmentMoney {
              amount
              currencyCode
            }
          }
        }
      }
    }
    location {
      id
    }
  }
` as const;
