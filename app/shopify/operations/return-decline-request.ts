/** REQUESTED -> DECLINED with a reason (RETURN_PERIOD_ENDED, FINAL_SALE, OTHER). */
export const RETURN_DECLINE_REQUEST = `#graphql
  mutation ReturnDeclineRequest($input: ReturnDeclineRequestInput!) {
    returnDeclineRequest(input: $input) {
      return {
        id
        status
        decline {
          reason
          note
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
