/** OPEN -> CLOSED once the return is settled. */
export const RETURN_CLOSE = `#graphql
  mutation ReturnClose($id: ID!) {
    returnClose(id: $id) {
      return {
        id
        status
        closedAt
      }
      userErrors {
        field
        message
        code
      }
    }
  }
` as const;
