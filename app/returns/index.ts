// Public surface of the pure returns core. Nothing here touches Shopify, Remix, Prisma or the clock.
export * from "./policy";
export { presets, getPreset, isPresetId, PRESET_IDS, SHOPIFY_REASON_HANDLES, type PresetId } from "./presets";
export * from "./order";
export * from "./money";
export {
  evaluate,
  returnableLines,
  lineTerms,
  type EvaluateInput,
  type Evaluation,
  type LineDecision,
  type ApprovalDecision,
  type ReturnableLine,
  type LineTerms,
} from "./engine";
export { CODES, type Code, type Route, type TraceEntry } from "./assess";
export { policyInForce } from "./versioning";
export { judge, JudgeInputError, type Judged, type LineVerdict, type RequestedLine } from "./judge";
export {
  allocateReturnLines,
  allocateRefundToPayments,
  type Allocation,
  type ReturnableUnits,
  type PaymentTransaction,
  type PaymentAllocation,
} from "./allocate";
export {
  buildStoredVerdict,
  parseStoredVerdict,
  verdictOf,
  planOf,
  plannedShippingFeeOf,
  verdictLineFor,
  StoredVerdictError,
  POLICY_SOURCES,
  type StoredVerdict,
  type StoredVerdictLine,
  type PlannedReturnLine,
  type PlannedShippingFee,
  type PolicySource,
  type StoredExchange,
} from "./verdict";
export { REASON_LABEL, REASON_PHRASE, RESOLUTION_LABEL, RESOLUTION_PHRASE } from "./labels";
export { parseScenario, runScenario, type Scenario } from "./scenario";
export { t as translate, formatDate, MESSAGE_KEYS, type MessageKey } from "./messages";
export {
  windowEnd,
  windowEndMonths,
  civilDateOf,
  formatCivil,
  parseCivil,
  startOfDay,
  addBusinessDays,
  isValidTimeZone,
  type CivilDate,
} from "./time";
export * from "./exchange";
export { matcherMatches, anyMatcher, policyMatchesCollections, type MatchableLine } from "./matching";
export {
  screen,
  keepsItem,
  customerHistorySchema,
  SCREEN_CODES,
  type CustomerHistory,
  type Screening,
  type ScreenCode,
  type ScreenFinding,
} from "./screening";
export { checkMoney, type AppMoney, type ShopifyMoney, type MoneyCheck, type DriftKind } from "./reconcile";
