/** The shop's id (metafield owner) and its current checkout-terms metafield. */
export const SHOP_TERMS = `#graphql
  query ShopTerms {
    shop {
      id
      metafield(namespace: "$app:returns", key: "terms") {
        value
      }
    }
  }
` as const;
