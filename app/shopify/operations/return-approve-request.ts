/** REQUESTED -> OPEN. Takes no idempotency key: callers must make it happen once themselves. */
export const RETURN_APPROVE_REQUEST = `#graphql
  mutation ReturnApproveRequest($input: ReturnApproveRequestInput!) {
    returnApproveRequest(input: $input) {
      return {
        id
        status
        requestApprovedAt
      }
      userErrors {
        field
        message
        code
      }
    }
  }
` as const;
