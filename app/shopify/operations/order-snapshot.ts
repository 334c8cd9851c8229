/**
 * The shopper's order as the returns policy engine reads it (app/shopify/order-snapshot.ts maps it).
 * It reads what the engine and the ownership check need: the sales channel
 * (channelInformation / attribution / app), the shipping country, the variant's compare-at price
 * (onSale), line images for the shopper's form, what other returns already hold per line item,
 * the shop's time zone, currency and country, and the customer's display name (staff queue search).
 *
 * Pagination: 20 line items per page ($lineItemsAfter). Order-level parts (fulfillments, returns,
 * shop) are asked for only on the first page ($withOrderParts: false on later pages), so every
 * page stays well under the 1,000-point single-query limit (operations.test.ts checks it).
 */
export const ORDER_SNAPSHOT = `#graphql
  query OrderSnapshot($id: ID!, $lineItemsAfter: String, $withOrderParts: Boolean = true) {
    shop @include(if: $withOrderParts) {
      currencyCode
      ianaTimezone
      shopAddress {
        countryCodeV2
      }
    }
    order(id: $id) {
      id
      name
      processedAt
      createdAt
      cancelledAt
      currencyCode
      taxesIncluded
      sourceName
      customer {
        id
        displayName
      }
      shippingAddress @include(if: $withOrderParts) {
        countryCodeV2
      }
      attribution @include(if: $withOrderParts) {
        handle
      }
      channelInformation @include(if: $withOrderParts) {
        channelDefinition {
          handle
          isMarketplace
        }
        app {
          handle
        }
      }
      app @include(if: $withOrderParts) {
        name
      }
      netPaymentSet @include(if: $withOrderParts) {
        shopMoney {
          amount
        }
      }
      lineItems(first: 20, after: $lineItemsAfter) {
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          id
          title
          sku
          quantity
          currentQuantity
          isGiftCard
          customAttributes {
            key
            value
          }
          originalUnitPriceSet {
            shopMoney {
              amount
            }
          }
          discountedUnitPriceAfterAllDiscountsSet {
            shopMoney {
              amount
            }
          }
          taxLines {
            priceSet {
              shopMoney {
                amount
              }
            }
          }
          discountAllocations {
            discountApplication {
              __typename
            }
          }
          image {
            url
          }
          variant {
            compareAtPrice
          }
          product {
            productType
            vendor
            tags
            isGiftCard
            collections(first: 10) {
              pageInfo {
                hasNextPage
              }
              nodes {
                handle
              }
            }
          }
        }
      }
      fulfillments(first: 10) @include(if: $withOrderParts) {
        status
        createdAt
        deliveredAt
        fulfillmentLineItems(first: 25) {
          pageInfo {
            hasNextPage
          }
          nodes {
            id
            quantity
            lineItem {
              id
            }
          }
        }
      }
      returns(first: 10) @include(if: $withOrderParts) {
        pageInfo {
          hasNextPage
        }
        nodes {
          status
          returnLineItems(first: 25) {
            pageInfo {
              hasNextPage
            }
            nodes {
              quantity
              ... on ReturnLineItem {
                fulfillmentLineItem {
                  lineItem {
                    id
                  }
                }
              }
            }
          }
        }
      }
    }
  }
` as const;
