/** The shop's identity, currency and timezone (policy windows are counted in the shop's timezone). */
export const SHOP_INFO = `#graphql
  query ShopInfo {
    shop {
      id
      name
      myshopifyDomain
      currencyCode
      ianaTimezone
      contactEmail
    }
  }
` as const;
