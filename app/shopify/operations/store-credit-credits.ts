/**
 * The latest credits on a customer's store credit account in one currency, newest first: what a retry
 * of the store credit bonus reads to find a credit an earlier attempt made (decision 220). `event` tells
 * a refund to store credit (ORDER_REFUND) from a credit made through storeCreditAccountCredit (ADJUSTMENT)
 * (https://shopify.dev/docs/api/admin-graphql/latest/objects/StoreCreditAccountCreditTransaction).
 */
export const STORE_CREDIT_CREDITS = `#graphql
  query StoreCreditCredits($customerId: ID!, $accountQuery: String!, $first: Int = 25) {
    customer(id: $customerId) {
      id
      storeCreditAccounts(first: 1, query: $accountQuery) {
        nodes {
          id
          transactions(first: $first, reverse: true, query: "type:credit") {
            nodes {
              ... on StoreCreditAccountCreditTransaction {
                id
                createdAt
                event
                amount {
                  amount
                  currencyCode
                }
              }
            }
          }
        }
      }
    }
  }
` as const;
