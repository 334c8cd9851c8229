/**
 * What a replacement or an exchange may offer for an order's lines: each line's variant and its
 * product's other variants, with their price (shop currency) and the units on hand
 * (`inventoryQuantity`, null when the variant's stock is not tracked). Read when a shopper chooses
 * and when staff approve, so stock is as Shopify has it then.
 */
export const EXCHANGE_OPTIONS = `#graphql
  query ExchangeOptions($id: ID!, $lines: Int = 20, $variants: Int = 20) {
    order(id: $id) {
      id
      currencyCode
      presentmentCurrencyCode
      lineItems(first: $lines) {
        nodes {
          id
          variant {
            id
          }
          product {
            id
            title
            productType
            variants(first: $variants) {
              nodes {
                id
                title
                price
                inventoryQuantity
              }
            }
          }
        }
      }
    }
  }
` as const;
