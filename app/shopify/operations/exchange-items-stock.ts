/**
 * The units on hand of a replacement's or exchange's new items (`ProductVariant.inventoryQuantity`,
 * null when Shopify does not track the variant's stock), read when staff open the request and again
 * when they approve it, so both say what Shopify has now (decision 170). One `nodes` read for the
 * request's items: about one point per item.
 */
export const EXCHANGE_ITEMS_STOCK = `#graphql
  query ExchangeItemsStock($ids: [ID!]!) {
    nodes(ids: $ids) {
      ... on ProductVariant {
        id
        inventoryQuantity
      }
    }
  }
` as const;
