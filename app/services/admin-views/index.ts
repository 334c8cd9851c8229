// Read models for the admin screens (dashboard, queue, request detail, analytics). Shop-scoped, no Remix.
export { loadDashboard, type Dashboard } from "./dashboard";
export { listQueue, queueQueryFromSearchParams, searchByEmail, queueFieldLabel, queueFieldProblem, QUEUE_FLAGS, type QueueFlag, type QueueItem, type QueueQuery, type QueueResult } from "./queue";
export { loadRequestDetail, shopifyErrorsOf, type RequestDetail, type DetailLine } from "./detail";
export { loadAnalytics, type Analytics } from "./analytics";
export { localDay, lastDays, type Provider } from "./shared";
export { selfServeNotice, dismissSelfServeNotice, SELF_SERVE_NOTE_DISMISSED, type SelfServeNotice } from "./self-serve-returns";
