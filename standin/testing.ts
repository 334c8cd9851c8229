/**
 * The stand-in's testing entry (`@policy-returns/standin/testing`): helpers for tests that drive the
 * stand-in directly — a started stand-in with an exchanged token, hand-made session tokens, store ids, orders made to measure (`addOrder`: any presentment currency and payments),
 * the access-scope reading of a schema type, and Shopify's processing of a Return's exchange lines on a hand-made Return. The server itself is `./index` (the package's main entry).
 */
export { exchange, startWithClient, TEST_KEY, TEST_SECRET, type Client } from "./testClient";
export { adminSessionClaims, customerSessionClaims, signJwt, type AdminTokenOpts, type Claims } from "./tokens";
export { gid } from "./state/store";
export { objectTypeOf } from "./resolvers/guard";
export { addOrder, type MadeOrderSpec } from "./seed/orders";
export { processExchangeLines } from "./state/exchanges";
export type { ReturnRec } from "./state/types";
