/**
 * Everything the staff workflow needs to act on one Return: its status (to reconcile a mutation that
 * may have applied in transit), the line ids returnProcess takes, the reverse fulfillment orders a
 * return label is attached to, the order's payment transactions (refund parents, and the refunds
 * already made against each, in the admin too) and refunds so far.
 *
 * Sized to the request ($lines, $reverseOrders) rather than the worst case, with pageInfo to show
 * when a sized read cut something off (the adapter then reads at the defaults). `$full: false`
 * leaves out what only reconciling and webhooks read (history, reasons, notes): a refund that
 * is not reconciling needs just the lines, the reverse fulfillment order lines and the payments.
 * `$exchange` adds the exchange line items, which processing a replacement or exchange confirms.
 */
export const RETURN_FOR_STAFF = `#graphql
  query ReturnForStaff($id: ID!, $lines: Int = 50, $reverseOrders: Int = 5, $full: Boolean = true, $exchange: Boolean = false) {
    return(id: $id) {
      id
      name
      status
      requestApprovedAt
      closedAt
      decline @include(if: $full) {
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
          parentTransaction {
            id
          }
        }
      }
      returnLineItems(first: $lines) {
        pageInfo {
          hasNextPage
        }
        nodes {
          id
          quantity
          processedQuantity
          unprocessedQuantity
          customerNote
          returnReasonDefinition @include(if: $full) {
            handle
          }
          ... on ReturnLineItem {
            fulfillmentLineItem {
              id
              lineItem @include(if: $full) {
                id
              }
            }
          }
        }
      }
      reverseFulfillmentOrders(first: $reverseOrders) {
        pageInfo {
          hasNextPage
        }
        nodes {
          id
          lineItems(first: $lines) {
            pageInfo {
              hasNextPage
            }
            nodes {
              id
              totalQuantity
              fulfillmentLineItem {
                id
              }
            }
          }
          reverseDeliveries(first: 5) @include(if: $full) {
            nodes {
              id
            }
          }
        }
      }
      exchangeLineItems(first: 20) @include(if: $exchange) {
        nodes {
          id
          variantId
          unprocessedQuantity
        }
      }
      refunds(first: 10) @include(if: $full) {
        nodes {
          id
          createdAt
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
