/** Return reasons (2026-01+): returnReasonDefinitionId replaces the deprecated ReturnReason enum. */
export const RETURN_REASON_DEFINITIONS = `#graphql
  query ReturnReasonDefinitions($first: Int = 100, $after: String) {
    returnReasonDefinitions(first: $first, after: $after) {
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        handle
        name
        deleted
      }
    }
  }
` as const;
