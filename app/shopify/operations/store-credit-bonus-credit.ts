/**
 * Credits the store credit bonus (decision 220) to the customer's account in the currency the shopper
 * paid: the part of a bonus-included store credit that is over what the order can refund, so it is not
 * a refund of the order (RefundMethodInput.storeCreditRefund is capped by the refundable amount,
 * SuggestedStoreCreditRefund.maximumRefundable). The id is the customer's: Shopify opens an account in
 * that currency if there is none
 * (https://shopify.dev/docs/api/admin-graphql/latest/mutations/storeCreditAccountCredit).
 * No idempotency key: the staff refund step reads before it sends again (StoreCreditCredits).
 */
export const STORE_CREDIT_BONUS_CREDIT = `#graphql
  mutation StoreCreditBonusCredit($id: ID!, $creditInput: StoreCreditAccountCreditInput!) {
    storeCreditAccountCredit(id: $id, creditInput: $creditInput) {
      storeCreditAccountTransaction {
        id
        createdAt
        amount {
          amount
          currencyCode
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
