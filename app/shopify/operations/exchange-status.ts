/**
 * Where a replacement's or exchange's new items are (issue 15): the Return's exchange line items with
 * the order lines processing made of them, and the order's fulfillments with their lines and tracking
 * (a fulfillment holding one of those lines has shipped them). Read for the shopper's status only once
 * the Return was processed, at most once a minute per Return (app/services/shopper/new-items.ts).
 * https://shopify.dev/docs/api/admin-graphql/latest/objects/ExchangeLineItem ("lineItems: The order
 * line items that were created from the exchange line item") and
 * https://shopify.dev/docs/api/admin-graphql/latest/objects/FulfillmentTrackingInfo (number, company, url).
 */
export const EXCHANGE_STATUS = `#graphql
  query ExchangeStatus($id: ID!, $fulfillments: Int = 10, $fulfillmentLines: Int = 20) {
    return(id: $id) {
      id
      exchangeLineItems(first: 20) {
        nodes {
          id
          processedQuantity
          lineItems {
            id
          }
        }
      }
      order {
        id
        fulfillments(first: $fulfillments) {
          id
          displayStatus
          createdAt
          trackingInfo(first: 5) {
            number
            company
            url
          }
          fulfillmentLineItems(first: $fulfillmentLines) {
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
` as const;
