/**
 * Everything the policy check needs about one order: line items with product facts (tags, type,
 * vendor, collections), what was actually paid per unit (after discounts, with taxes), fulfillment
 * and delivery dates, where it was sold, the customer, and returns already on it.
 * Costs well under the 1,000-point single-query limit with these page sizes.
 */
export const ORDER_FOR_RETURN = `#graphql
  query OrderForReturn($id: ID!, $lineItemsFirst: Int = 100) {
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
      lineItems(first: $lineItemsFirst) {
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
            collections(first: 20) {
              nodes {
                id
                handle
              }
            }
          }
        }
      }
      fulfillments(first: 20) {
        id
        status
        displayStatus
        createdAt
        deliveredAt
        inTransitAt
        fulfillmentLineItems(first: 100) {
          nodes {
            id
            quantity
            lineItem {
              id
            }
          }
        }
      }
      returns(first: 20) {
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
