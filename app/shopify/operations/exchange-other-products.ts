/**
 * Another product the shopper may take in exchange when the policy allows it (decision 170,
 * `resolutions.exchangeOtherProducts`): products of the returned one's product type that are active and
 * published to the online store, gift cards left out, each with its variants' price and units on hand.
 * Shopify's products search: `product_type`, `status` (active | archived | draft), `published_status`
 * (published | unpublished | any, the online store) and `gift_card`
 * (https://shopify.dev/docs/api/admin-graphql/latest/queries/products#argument-query). Requested cost at
 * the defaults: 2 + 10 × (3 + 8) = 112 points; read once a minute per order for previews, and for a
 * submission only when the chosen variant is not the line's own product's.
 */
export const EXCHANGE_OTHER_PRODUCTS = `#graphql
  query ExchangeOtherProducts($query: String!, $first: Int = 10, $variants: Int = 8) {
    products(first: $first, query: $query, sortKey: TITLE) {
      nodes {
        id
        title
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
` as const;
