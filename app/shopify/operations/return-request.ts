/**
 * Creates a return in REQUESTED state (merchant approves or declines it). The payload is kept to the
 * Return's id and status: Shopify charges a mutation for what it answers, and the app needs no more.
 */
export const RETURN_REQUEST = `#graphql
  mutation ReturnRequest($input: ReturnRequestInput!) {
    returnRequest(input: $input) {
      return {
        id
        name
        status
        totalQuantity
      }
      userErrors {
        field
        message
        code
      }
    }
  }
` as const;
