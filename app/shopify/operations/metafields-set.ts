/** Writes metafields (app-owned: namespace "$app:..."); compareDigest guards against lost updates. */
export const METAFIELDS_SET = `#graphql
  mutation MetafieldsSet($metafields: [MetafieldsSetInput!]!) {
    metafieldsSet(metafields: $metafields) {
      metafields {
        id
        namespace
        key
        value
        type
        compareDigest
      }
      userErrors {
        field
        message
        code
        elementIndex
      }
    }
  }
` as const;
