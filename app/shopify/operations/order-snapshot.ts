/**
 * The shopper's order as the returns policy engine reads it (app/shopify/order-snapshot.ts maps it).
 * It reads what the engine and the ownership check need: the sales channel (attribution / app /
 * sourceName), the shipping country, the variant's compare-at price (onSale), line images for the
 * shopper's form, Shopify's own returnable quantity per fulfillment line item (what other returns
 * and refunds already hold), the shop's time zone, currency and country, and the customer's display
 * name (staff queue search).
 *
 * Money: prices, taxes and the net payment in the currency the shopper paid (presentmentMoney), which
 * is what refunds are made in; the order's total in both shop and presentment money is the rate
 * Shopify recorded (docs/decisions/150-shop-and-presentment-money.md). The original unit price stays
 * in shop money: it is compared with the variant's compare-at price, which is in shop money.
 *
 * Protected customer data: everything here is level 1 (the shipping country is not a protected
 * address field) except the customer's name, a level 2 field. It is read under its own alias
 * (`customerName`), so when the app is not approved for names Shopify nulls only that alias and the
 * owner (`customer { id }`) is still read; the adapter treats that refusal as "no name"
 * (docs/decisions/130-scopes-and-protected-customer-data.md).
 *
 * The customer's e-mail (level 2, the "email" field) is asked for only with $withEmail: when Shopify
 * approved the app for e-mail and a policy of the shop blocks e-mail domains (decision 190). It too has its
 * own alias (`customerEmail`), so a refusal means "no e-mail"; the adapter keeps only the domain.
 * https://shopify.dev/docs/apps/launch/protected-customer-data
 *
 * Cost is sized to the order, not to the worst case: the caller passes page sizes ($lines,
 * $fulfillments, $fulfillmentLines) from what it last saw of this order, and asks for product
 * collections only when the shop's policy has a collection rule. A submission also asks for the
 * return reason definitions it will use ($reasonHandles), so one read serves the whole submit.
 * Defaults are the worst case that stays well under the 1,000-point single-query limit
 * (operations.test.ts checks it); truncation shows in pageInfo and the adapter reads again.
 *
 * The customer's numberOfOrders (level 1) feeds the policy's customer history screening (decision 190).
 *
 * Pagination: $lines line items per page ($lineItemsAfter). Order-level parts (fulfillments,
 * returnable quantities, shop) are asked for only on the first page ($withOrderParts: false later).
 */
export const ORDER_SNAPSHOT = `#graphql
  query OrderSnapshot(
    $id: ID!
    $lineItemsAfter: String
    $withOrderParts: Boolean = true
    $lines: Int = 20
    $fulfillments: Int = 5
    $fulfillmentLines: Int = 25
    $withCollections: Boolean = true
    $withReasons: Boolean = false
    $reasonHandles: [String!] = []
    $reasons: Int = 1
    $withEmail: Boolean = false
  ) {
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
      updatedAt
      cancelledAt
      currencyCode
      presentmentCurrencyCode
      taxesIncluded
      sourceName
      customer {
        id
        numberOfOrders
      }
      customerName: customer @include(if: $withOrderParts) {
        displayName
      }
      customerEmail: customer @include(if: $withEmail) {
        defaultEmailAddress {
          emailAddress
        }
      }
      shippingAddress @include(if: $withOrderParts) {
        countryCodeV2
      }
      attribution @include(if: $withOrderParts) {
        handle
        displayName
      }
      app @include(if: $withOrderParts) {
        name
      }
      netPaymentSet @include(if: $withOrderParts) {
        presentmentMoney {
          amount
        }
      }
      totalPriceSet @include(if: $withOrderParts) {
        shopMoney {
          amount
        }
        presentmentMoney {
          amount
        }
      }
      lineItems(first: $lines, after: $lineItemsAfter) {
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
            presentmentMoney {
              amount
            }
          }
          taxLines {
            priceSet {
              presentmentMoney {
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
            altText
          }
          variant {
            compareAtPrice
          }
          product {
            productType
            vendor
            tags
            isGiftCard
            collections(first: 10) @include(if: $withCollections) {
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
      fulfillmentsCount @include(if: $withOrderParts) {
        count
      }
      fulfillments(first: $fulfillments) @include(if: $withOrderParts) {
        status
        createdAt
        deliveredAt
        fulfillmentLineItems(first: $fulfillmentLines) {
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
    }
    returnableFulfillments(orderId: $id, first: $fulfillments) @include(if: $withOrderParts) {
      pageInfo {
        hasNextPage
      }
      nodes {
        returnableFulfillmentLineItems(first: $fulfillmentLines) {
          pageInfo {
            hasNextPage
          }
          nodes {
            quantity
            fulfillmentLineItem {
              id
            }
          }
        }
      }
    }
    returnReasonDefinitions(first: $reasons, handles: $reasonHandles) @include(if: $withReasons) {
      nodes {
        id
        handle
        deleted
      }
    }
  }
` as const;
