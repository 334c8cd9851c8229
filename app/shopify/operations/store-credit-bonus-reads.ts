/**
 * The store credit bonus credits the app made (decision 220), read back by id for the reconciliation:
 * one `nodes(ids:)` read for many requests, as the Returns are read (RETURNS_MONEY). The ids are the ones
 * `storeCreditAccountCredit` answered, kept in the request's `refunded` event. A transaction is a Node
 * (https://shopify.dev/docs/api/admin-graphql/latest/objects/StoreCreditAccountCreditTransaction);
 * `account.owner` says whose account it is, so a credit on another customer's account is not this bonus.
 */
export const STORE_CREDIT_BONUS_READS = `#graphql
  query StoreCreditBonusReads($ids: [ID!]!) {
    nodes(ids: $ids) {
      ... on StoreCreditAccountCreditTransaction {
        id
        event
        amount {
          amount
          currencyCode
        }
        account {
          id
          owner {
            ... on Customer {
              id
            }
          }
        }
      }
    }
  }
` as const;
