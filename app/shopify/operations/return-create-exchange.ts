/**
 * Opens a Return with exchange line items: the documented way to give a shopper new items for
 * returned ones (a requested Return cannot gain them: ReturnRequestInput has no exchangeLineItems).
 * https://shopify.dev/docs/apps/build/orders-fulfillment/returns-apps/manage-exchanges
 */
export const RETURN_CREATE_EXCHANGE = `#graphql
  mutation ReturnCreateExchange($returnInput: ReturnInput!) {
    returnCreate(returnInput: $returnInput) {
      return {
        id
        name
        status
        exchangeLineItems(first: 20) {
          nodes {
            id
            variantId
            quantity
          }
        }
      }
      userErrors {
        field
        message
        code
      }
    }
  }
` as const;
