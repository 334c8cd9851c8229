/**
 * The policy editor's blocked customers in words staff recognise (decision 190): each customer's last order
 * (level 1 protected customer data), so a customer the app has no request from reads "Customer of #1038",
 * never an id. At most 50 ids a read (the editor's blocklist is small).
 */
export const BLOCKED_CUSTOMERS = `#graphql
  query BlockedCustomers($ids: [ID!]!) {
    nodes(ids: $ids) {
      ... on Customer {
        id
        lastOrder {
          name
        }
      }
    }
  }
` as const;
