/**
 * Settles an OPEN return (refund and/or exchange); replaces returnRefund. No idempotency key. The
 * payload is the Return's id, status and its refunds with their totals: the request is marked refunded
 * or credited from what Shopify shows here, never from what the app asked for (decision 160).
 */
export const RETURN_PROCESS = `#graphql
  mutation ReturnProcess($input: ReturnProcessInput!) {
    returnProcess(input: $input) {
      return {
        id
        status
        refunds(first: 5) {
          nodes {
            id
            createdAt
            totalRefundedSet {
              presentmentMoney {
                amount
                currencyCode
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
