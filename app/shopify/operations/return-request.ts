/** Creates a return in REQUESTED state (merchant approves or declines it). */
export const RETURN_REQUEST = `#graphql
  mutation ReturnRequest($input: ReturnRequestInput!) {
    returnRequest(input: $input) {
      return {
        id
        name
        status
        totalQuantity
        returnLineItems(first: 100) {
          nodes {
            id
            quantity
            ... on ReturnLineItem {
              fulfillmentLineItem {
                id
              }
            }
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
