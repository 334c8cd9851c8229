/**
 * Settles an OPEN return (refund and/or exchange); replaces returnRefund. No idempotency key. The
 * payload is the Return's id and status only (Shopify charges a mutation for what it answers).
 */
export const RETURN_PROCESS = `#graphql
  mutation ReturnProcess($input: ReturnProcessInput!) {
    returnProcess(input: $input) {
      return {
        id
        status
      }
      userErrors {
        field
        message
        code
      }
    }
  }
` as const;
