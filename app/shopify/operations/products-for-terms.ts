/**
 * One page of the catalogue with what the return policy matches on, and the app's checkout-terms
 * metafield (to write only what changed). Requested cost at first=30: 2 + 1 (pageInfo) + 30 x (1 + 12 + 12 + 1) = 783, under the 1,000 single-query limit.
 */
export const PRODUCTS_FOR_TERMS = `#graphql
  query ProductsForTerms($first: Int!, $after: String) {
    products(first: $first, after: $after, sortKey: ID) {
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        tags
        productType
        vendor
        isGiftCard
        collections(first: 10) {
          nodes {
            handle
          }
        }
        variants(first: 10) {
          nodes {
            price
            compareAtPrice
          }
        }
        metafield(namespace: "$app:returns", key: "terms") {
          value
        }
      }
    }
  }
` as const;
