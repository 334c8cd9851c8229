/**
 * Refunds money on an order. From 2026-04 refundCreate requires an idempotency key: the same key
 * replays the first result instead of refunding twice. Amounts are decimal strings, never floats.
 */
export const REFUND_CREATE = `#graphql
  mutation RefundCreate($input: RefundInput!, $idempotencyKey: String!) {
    refundCreate(input: $input) @idempotent(key: $idempotencyKey) {
      refund {
        id
        createdAt
        note
        totalRefundedSet {
          shopMoney {
            amount
            currencyCode
          }
          presentmentMoney {
            amount
            currencyCode
          }
        }
      }
      userErrors {
        field
        message
      }
    }
  }
` as const;
