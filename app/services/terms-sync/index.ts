// Checkout-terms sync: keeps the app-owned $app:returns/terms metafields (read by
// extensions/checkout-terms) in step with the policy and the catalogue. Server glue: ./server.ts.
export * from "./mapping";
export { syncShopTerms, syncProductTerms, syncCataloguePage, writeTermsMetafields, METAFIELDS_PER_CALL, PRODUCTS_PAGE_SIZE } from "./sync";
export {
  syncTermsAfterPolicySave,
  syncTermsAfterInstall,
  syncProductAfterUpdate,
  enqueueCatalogueSync,
  runCatalogueStep,
  catalogueJobHandler,
  CATALOGUE_JOB_KIND,
  type TermsSyncDeps,
  type CatalogueJobPayload,
  type QueuedStep,
} from "./service";
export { pacedTransport, newCostMeter, type CostMeter } from "./pacing";
