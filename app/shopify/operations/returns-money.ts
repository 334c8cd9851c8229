/**
 * Shopify's money on a batch of Returns, for the reconciliation (decision 160): one `nodes` read per
 * batch instead of one read per request. Per Return: its refunds with their totals, the fees Shopify
 * records (return shipping fees, per-line restocking fees), and the order's refunds that belong to no
 * Return (a refund made in the Shopify admin outside the return) with the line items they refund.
 * Amounts in the presentment currency (`presentmentMoney`), the currency the shopper paid.
 * Sized small on purpose: a Return with more than `$refunds` refunds or `$lines` lines shows `hasNextPage`
 * (and an order with `$refunds` refunds or more may have others: `Order.refunds` is a list without
 * pageInfo), and is read again alone at the larger size, so no fee, refund or line is left unread. Cost
 * per Return is what `npm run bench reconcile-cost` prints.
 */
export const RETURNS_MONEY = `#graphql
  query ReturnsMoney($ids: [ID!]!, $refunds: Int = 3, $lines: Int = 5) {
    nodes(ids: $ids) {
      ... on Return {
        id
        status
        refunds(first: $refunds) {
          pageInfo {
            hasNextPage
          }
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
        returnShippingFees {
          amountSet {
            presentmentMoney {
              amount
              currencyCode
            }
          }
        }
        returnLineItems(first: $lines) {
          pageInfo {
            hasNextPage
          }
          nodes {
            ... on ReturnLineItem {
              restockingFee {
                amountSet {
                  presentmentMoney {
                    amount
                    currencyCode
                  }
                }
              }
            }
          }
        }
        order {
          id
          refunds(first: $refunds) {
            id
            return {
              id
            }
            totalRefundedSet {
              presentmentMoney {
                amount
                currencyCode
              }
            }
            refundLineItems(first: $lines) {
              nodes {
                lineItem {
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
