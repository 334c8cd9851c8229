/**
 * The shop's identity, currency, timezone and country (policy windows are counted in the shop's timezone).
 * Read once at install (afterAuth -> app/shopify/shop-facts.ts) and stored on the shop row.
 */
export const SHOP_INFO = `#graphql
  query ShopInfo {
    shop {
      id
      name
      myshopifyDomain
      currencyCode
      ianaTimezone
      contactEmail
      shopAddress {
        countryCodeV2
      }
    }
  }
` as const;
