/** Cancels a return that has not been processed. */
export const RETURN_CANCEL = `#graphql
  mutation ReturnCancel($id: ID!) {
    returnCancel(id: $id) {
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
