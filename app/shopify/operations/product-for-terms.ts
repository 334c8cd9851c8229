/** One product with what the return policy matches on and its checkout-terms metafield (products/update). */
export const PRODUCT_FOR_TERMS = `#graphql
  query ProductForTerms($id: ID!) {
    product(id: $id) {
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
` as const;
