/**
 * Everything the policy check needs about one order: line items with product facts (tags, type,
 * vendor, collections), what was actually paid per unit (after discounts, with taxes), fulfillment
 * and delivery dates, where it was sold, the customer, and returns already on it.
 * Requested cost must stay under Shopify's 1,000-point single-query limit (operations.test.ts
 * checks it): 25 line items per page (page on with $lineItemsAfter), 10 collections per product
 * (pageInfo.hasNextPage says when a product is in more, so a collection rule is never decided on
 * a truncated list).
 */
export const ORDER_FOR_RETURN = `#graphql
  query OrderForReturn($id: ID!, $lineItemsFirst: Int = 25, $lineItemsAfter: String) {
    order(id: $id) {
      id
      name
      createdAt
      processedAt
      cancelledAt
      closed
      test
      currencyCode
      presentmentCurrencyCode
      taxesIncluded
      tags
      sourceName
      returnStatus
      displayFinancialStatus
      customAttributes {
        key
        value
      }
      attribution {
        displayName
        handle
      }
      app {
        id
        name
      }
      customer {
        id
      }
      totalPriceSet {
        shopMoney {
          amount
          currencyCode
        }
        presentmentMoney {
          amount
          currencyCode
        }
      }
      lineItems(first: $lineItemsFirst, after: $lineItemsAfter) {
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          id
          name
          title
          variantTitle
          sku
          quantity
          currentQuantity
          refundableQuantity
          isGiftCard
          requiresShipping
          taxable
          customAttributes {
            key
            value
          }
          originalUnitPriceSet {
            shopMoney {
              amount
              currencyCode
            }
          }
          discountedUnitPriceAfterAllDiscountsSet {
            shopMoney {
              amount
              currencyCode
            }
            presentmentMoney {
              amount
              currencyCode
            }
          }
          discountAllocations {
            allocatedAmountSet {
              shopMoney {
                amount
                currencyCode
              }
            }
            discountApplication {
              allocationMethod
              targetSelection
              targetType
            }
          }
          taxLines {
            title
            rate
            priceSet {
              shopMoney {
                amount
                currencyCode
              }
            }
          }
          variant {
            id
          }
          product {
            id
            title
            handle
            productType
            vendor
            tags
            isGiftCard
            collections(first: 10) {
              pageInfo {
                hasNextPage
              }
              nodes {
                id
                handle
              }
            }
          }
        }
      }
      fulfillments(first: 10) {
        id
        status
        displayStatus
        createdAt
        deliveredAt
        inTransitAt
        fulfillmentLineItems(first: 50) {
          nodes {
            id
            quantity
            lineItem {
              id
            }
          }
        }
      }
      returns(first: 10) {
        nodes {
          id
          name
          status
          createdAt
          closedAt
          totalQuantity
        }
      }
    }
  }
` as const;
