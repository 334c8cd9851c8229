/** Settles an OPEN return (refund and/or exchange); replaces returnRefund. No idempotency key. */
export const RETURN_PROCESS = `#graphql
  mutation ReturnProcess($input: ReturnProcessInput!) {
    returnProcess(input: $input) {
      return {
        id
        status
        returnLineItems(first: 100) {
          nodes {
            id
            quantity
            processedQuantity
            unprocessedQuantity
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
