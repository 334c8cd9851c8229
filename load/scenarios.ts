// The load proofs of issues 7 and 14, against a Cluster (two app instances, one database, one stand-in):
//  - staffRace: N concurrent staff "approve, then refund" calls on ONE request, alternating between the
//    instances, through the staff route (POST /app/requests/:id, Remix _data fetch, real admin session
//    tokens). Shopify must see exactly one approval and hold exactly one refund.
//  - shopperStorm: M concurrent shopper submissions over K orders through the shopper API on both
//    instances; per order two idempotency keys for the same unit, each sent several times. No key may
//    produce two requests, no request two Shopify Returns, no Return without a request, and Shopify may
//    never be asked for more units than were delivered.
//  - staffLifecycle + reconcileAll (issue 14): staff approve, receive and refund some requests (original
//    payment and store credit), then "Check now": every request with a Shopify Return is checked by the
//    reconciliation job and none differs from Shopify's record.
import type { Cluster } from "./cluster";
import type { OrderRec } from "../standin";
import { addOrder } from "../standin/testing";
import type { ReturnsOverview } from "../app/services/shopper/overview";

const STAFF_ROUTE_DATA = "routes/app.requests.$id";
const UA = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36";

// the shopper API's answer to GET /api/customer/orders/:orderId/returns
type Overview = ReturnsOverview;
type OverviewLine = ReturnsOverview["lines"][number];

export function shopperFetch(cluster: Cluster, base: string, customerId: string, path: string, init: RequestInit = {}): Promise<Response> {
  return fetch(`${base}${path}`, {
    ...init,
    headers: {
      authorization: `Bearer ${cluster.standin.mintCustomerSessionToken({ customerId })}`,
      "content-type": "application/json",
      "user-agent": UA,
      origin: "https://extensions.shopifycdn.com",
      ...init.headers,
    },
  });
}

function staffFetch(cluster: Cluster, base: string, path: string, form: Record<string, string>): Promise<Response> {
  return staffFetchRoute(cluster, base, path, STAFF_ROUTE_DATA, form);
}

/** A staff form posted to an admin route (Remix `_data` fetch with a real admin session token). */
function staffFetchRoute(cluster: Cluster, base: string, path: string, routeId: string, form: Record<string, string>): Promise<Response> {
  return fetch(`${base}${path}?_data=${encodeURIComponent(routeId)}`, {
    method: "POST",
    headers: {
      authorization: `Bearer ${cluster.standin.mintAdminSessionToken()}`,
      "content-type": "application/x-www-form-urlencoded",
      "user-agent": UA,
    },
    body: new URLSearchParams(form).toString(),
  });
}

/** Staff open the app once: the session token is exchanged and the shop's offline token stored (install). */
export async function install(cluster: Cluster): Promise<void> {
  const res = await fetch(`${cluster.urls[0]}/app?_data=${encodeURIComponent("routes/app")}`, {
    headers: { authorization: `Bearer ${cluster.standin.mintAdminSessionToken()}`, "user-agent": UA },
  });
  if (res.status !== 200) throw new Error(`install (token exchange) answered ${res.status}: ${await res.text()}`);
  // the install hook may start background work (terms sync); it does not matter for the counts
}

export interface Candidate {
  order: OrderRec;
  customerId: string;
  line: OverviewLine;
  reason: OverviewLine["reasons"][number];
  delivered: number;
}

/** Orders the shopper API says can be returned (a line with units left and a reason needing no photo). */
export async function findCandidates(cluster: Cluster, n: number, skip = new Set<string>()): Promise<Candidate[]> {
  const out: Candidate[] = [];
  for (const order of cluster.standin.store.orders.values()) {
    if (out.length >= n) break;
    if (!order.customerId || skip.has(order.id) || order.returnIds.length > 0) continue;
    // The shop's currency: the staff refund path refuses requests priced in another currency than the order's.
    if (order.presentmentCurrencyCode !== "NZD") continue;
    const res = await shopperFetch(cluster, cluster.urls[0], order.customerId, `/api/customer/orders/${order.id.split("/").pop()}/returns`);
    if (res.status !== 200) continue;
    const body = (await res.json()) as Overview;
    if (!body.canRequest) continue;
    const line = body.lines.find((l) => l.quantityLeft > 0 && l.reasons.some((r) => r.minPhotos === 0));
    if (!line) continue;
    const delivered = order.fulfillments
      .filter((f) => f.status === "SUCCESS")
      .flatMap((f) => f.lines)
      .filter((l) => l.lineItemId === line.lineItemId)
      .reduce((s, l) => s + l.quantity, 0);
    out.push({ order, customerId: order.customerId, line, reason: line.reasons.find((r) => r.minPhotos === 0)!, delivered });
  }
  // the seed's returnable orders are all taken: more, made to measure (paid in NZD, delivered two days ago)
  const customerId = [...cluster.standin.store.orders.values()].find((o) => o.customerId)?.customerId;
  const day = 24 * 60 * 60 * 1000;
  for (let made = 0; out.length < n && customerId && made < 2 * n; made++) {
    const order = addOrder(cluster.standin.store, {
      customerId,
      presentment: "NZD",
      lines: [{ title: `Load tee ${made + 1}`, unitPresentment: 4500 + 100 * made, quantity: 1 }],
      processedAt: new Date(Date.now() - 4 * day).toISOString(),
      deliveredAt: new Date(Date.now() - 2 * day).toISOString(),
    });
    const res = await shopperFetch(cluster, cluster.urls[0], customerId, `/api/customer/orders/${order.id.split("/").pop()}/returns`);
    if (res.status !== 200) continue;
    const body = (await res.json()) as Overview;
    const line = body.canRequest ? body.lines.find((l) => l.quantityLeft > 0 && l.reasons.some((r) => r.minPhotos === 0)) : undefined;
    if (!line) continue;
    out.push({ order, customerId, line, reason: line.reasons.find((r) => r.minPhotos === 0)!, delivered: 1 });
  }
  return out;
}

export function submitBody(c: Candidate, key: string, quantity = 1) {
  return {
    idempotencyKey: key,
    lines: [{ lineItemId: c.line.lineItemId, quantity, reason: c.reason.code, conditions: c.reason.conditions, photos: [], note: "load test" }],
    resolution: "refund",
  };
}

export interface ShopperStormResult {
  orders: number;
  submissions: number;
  statuses: Record<string, number>;
  /** Answers to the shopper's retries of keys whose first answers were all 5xx/429. */
  retryStatuses: Record<string, number>;
  /** Requests left without a Shopify Return when the storm ended, and after the retry job ran. */
  retryJob: { waiting: number; left: number; seconds: number };
  keys: number;
  requestsStored: number;
  shopifyReturns: number;
  /** Each a sentence; empty means the invariants held. */
  violations: string[];
  ms: number;
  /** first answers 429 "busy" and 409 "in_progress" */
  busy: number;
  inProgress: number;
  /** Shopify Returns beyond one per request: owned by no request, or by two */
  duplicateReturns: number;
  /** requests left without a Shopify Return (and not refused) once the storm drained */
  withoutReturn: number;
  /** 95th percentile of the time to the first answer of each submission */
  p95AnswerMs: number;
}

export async function shopperStorm(cluster: Cluster, opts: { orders: number; submissions: number; candidates?: Candidate[] }): Promise<ShopperStormResult> {
  const candidates = opts.candidates ?? (await findCandidates(cluster, opts.orders));
  if (candidates.length < opts.orders) throw new Error(`only ${candidates.length} returnable orders found, wanted ${opts.orders}`);
  const perOrder = Math.ceil(opts.submissions / candidates.length);
  const run = Math.random().toString(36).slice(2, 8);
  const jobs: { c: Candidate; key: string; base: string }[] = [];
  for (const [oi, c] of candidates.entries()) {
    for (let j = 0; j < perOrder && jobs.length < opts.submissions; j++) {
      // two keys per order (the same shopper tapping twice, and a second tab), alternating instances
      jobs.push({ c, key: `load-${run}-${oi}-${j % 2}`, base: cluster.urls[(oi + j) % 2]! });
    }
  }
  const t0 = performance.now();
  const answers = await Promise.all(
    jobs.map(async (job) => {
      const sent = performance.now();
      const res = await shopperFetch(cluster, job.base, job.c.customerId, `/api/customer/orders/${job.c.order.id.split("/").pop()}/returns`, {
        method: "POST",
        body: JSON.stringify(submitBody(job.c, job.key)),
      });
      const body = (await res.json().catch(() => ({}))) as { request?: { id: string }; error?: { code: string } };
      if (res.status >= 500 && process.env.LOAD_DEBUG) console.error("submit", res.status, JSON.stringify(body).slice(0, 300));
      return { job, status: res.status, requestId: body.request?.id ?? null, code: body.error?.code ?? null, ms: performance.now() - sent };
    }),
  );
  const ms = performance.now() - t0;
  const answerMs = answers.map((a) => a.ms).sort((a, b) => a - b);
  const p95AnswerMs = answerMs[Math.min(answerMs.length - 1, Math.ceil(answerMs.length * 0.95) - 1)] ?? 0;
  const busy = answers.filter((a) => a.status === 429).length;
  const inProgress = answers.filter((a) => a.status === 409 && a.code === "in_progress").length;
  const statuses: Record<string, number> = {};
  for (const a of answers) statuses[`${a.status}${a.code ? ` ${a.code}` : ""}`] = (statuses[`${a.status}${a.code ? ` ${a.code}` : ""}`] ?? 0) + 1;

  // A 5xx or 429 (Shopify busy beyond the client's retries) is a failure the shopper sees and retries with
  // the same key, as the extension does (after Retry-After when given). Keys that got no definite answer are retried one by one until they do.
  const retryStatuses: Record<string, number> = {};
  const retryable = (status: number) => status >= 500 || status === 429;
  const definite = new Set(answers.filter((a) => !retryable(a.status)).map((a) => a.job.key));
  const pending = [...new Map(answers.filter((a) => !definite.has(a.job.key)).map((a) => [a.job.key, a.job])).values()];
  for (const job of pending) {
    for (let attempt = 0; attempt < 5; attempt++) {
      const res = await shopperFetch(cluster, job.base, job.c.customerId, `/api/customer/orders/${job.c.order.id.split("/").pop()}/returns`, {
        method: "POST",
        body: JSON.stringify(submitBody(job.c, job.key)),
      });
      const body = (await res.json().catch(() => ({}))) as { request?: { id: string }; error?: { code: string } };
      const label = `${res.status}${body.error?.code ? ` ${body.error.code}` : ""}`;
      retryStatuses[label] = (retryStatuses[label] ?? 0) + 1;
      answers.push({ job, status: res.status, requestId: body.request?.id ?? null, code: body.error?.code ?? null, ms: 0 });
      if (!retryable(res.status)) break;
      await new Promise((r) => setTimeout(r, Number(res.headers.get("retry-after") ?? 1) * 1000 || 1000));
    }
  }
  await cluster.standin.webhooksIdle();

  // Requests whose Return Shopify could not open during the storm are opened by the durable retry
  // job ("shopper.open-return", 30 s later, on whichever instance's worker takes it): wait for it.
  const orderIdsAll = candidates.map((c) => c.order.id);
  const waitingFor = () =>
    cluster.prisma.returnRequest.count({ where: { shop: cluster.standin.shop, orderId: { in: orderIdsAll }, shopifyReturnId: null, status: { not: "cancelled" } } });
  const waitingAtEnd = await waitingFor();
  const waitStarted = performance.now();
  while ((await waitingFor()) > 0 && performance.now() - waitStarted < 180_000) await new Promise((r) => setTimeout(r, 1000));
  const retryJob = { waiting: waitingAtEnd, left: await waitingFor(), seconds: Math.round((performance.now() - waitStarted) / 1000) };

  const violations: string[] = [];
  const answeredKeys = new Set(answers.filter((a) => !retryable(a.status)).map((a) => a.job.key));
  for (const job of pending) if (!answeredKeys.has(job.key)) violations.push(`key ${job.key} still fails after retries`);

  const idsByKey = new Map<string, Set<string>>();
  for (const a of answers) {
    if (!a.requestId) continue;
    const s = idsByKey.get(a.job.key) ?? new Set<string>();
    s.add(a.requestId);
    idsByKey.set(a.job.key, s);
  }
  for (const [key, ids] of idsByKey) if (ids.size > 1) violations.push(`key ${key} answered with ${ids.size} different requests`);

  const orderIds = candidates.map((c) => c.order.id);
  const stored = await cluster.prisma.returnRequest.findMany({ where: { shop: cluster.standin.shop, orderId: { in: orderIds } }, include: { lines: true } });
  const storedKeys = new Set(stored.map((r) => r.idempotencyKey));
  if (storedKeys.size !== stored.length) violations.push("two stored requests share an idempotency key");
  const returnIds = stored.map((r) => r.shopifyReturnId).filter((x): x is string => !!x);
  if (new Set(returnIds).size !== returnIds.length) violations.push("two requests point at the same Shopify Return");

  let shopifyReturns = 0;
  let withoutReturn = 0;
  let duplicateReturns = new Set(returnIds).size === returnIds.length ? 0 : returnIds.length - new Set(returnIds).size;
  for (const c of candidates) {
    const rets = [...cluster.standin.store.returns.values()].filter((r) => r.orderId === c.order.id && r.status !== "CANCELED");
    shopifyReturns += rets.length;
    const mine = stored.filter((r) => r.orderId === c.order.id);
    const owned = new Set(mine.map((r) => r.shopifyReturnId));
    for (const r of rets) {
      if (owned.has(r.id)) continue;
      duplicateReturns++;
      violations.push(`order ${c.order.name}: Shopify Return ${r.id} belongs to no request`);
    }
    // Every stored request holds a Shopify Return: submit checks and stores under a per-order lock
    // (app/services/shopper/submit.ts), so a second key for a unit another key holds is refused (422)
    // before anything is stored. A Return-less request (with or without a visible lastError) is a violation.
    // (A request Shopify refused to open is "refused", with its reason: it has an answer, not a missing Return.)
    const orphans = mine.filter((r) => !r.shopifyReturnId && r.status !== "cancelled" && r.status !== "refused");
    withoutReturn += orphans.length;
    for (const r of orphans) {
      violations.push(`order ${c.order.name}: request ${r.id} (${r.status}) has no Shopify Return${r.lastError ? ` (lastError "${r.lastError.slice(0, 80)}")` : " and no visible error"}`);
    }
    const units = mine
      .filter((r) => r.shopifyReturnId && r.status !== "cancelled")
      .flatMap((r) => r.lines)
      .filter((l) => l.lineItemId === c.line.lineItemId)
      .reduce((s, l) => s + l.quantity, 0);
    if (units > c.delivered) violations.push(`order ${c.order.name}: Shopify Returns hold ${units} units of ${c.delivered} delivered`);
    const withReturn = mine.filter((r) => r.shopifyReturnId);
    const okKeys = new Set(answers.filter((a) => a.job.c === c && a.requestId).map((a) => a.job.key));
    for (const r of withReturn) if (!okKeys.has(r.idempotencyKey)) violations.push(`order ${c.order.name}: request ${r.id} has a Shopify Return but its key never got an answer with it`);
  }
  if (busy > 0) violations.push(`${busy} shoppers were told the store is busy (429)`);
  if (inProgress > 0) violations.push(`${inProgress} shoppers were told another submission is in progress (409)`);
  return {
    orders: candidates.length,
    submissions: jobs.length,
    statuses,
    retryStatuses,
    retryJob,
    keys: idsByKey.size,
    requestsStored: stored.length,
    shopifyReturns,
    violations,
    ms,
    busy,
    inProgress,
    duplicateReturns,
    withoutReturn,
    p95AnswerMs,
  };
}

/** The storm in one line (issue 16): what the figures in docs/performance.md are read from. */
export function stormLine(r: ShopperStormResult): string {
  return `storm: ${r.submissions} submissions, ${r.busy} busy, ${r.inProgress} in_progress, ${r.duplicateReturns} duplicate Returns, ${r.withoutReturn} without a Return, p95 answer ${(r.p95AnswerMs / 1000).toFixed(1)} s`;
}

export interface StaffRaceResult {
  calls: number;
  approveAnswers: Record<number, number>;
  refundAnswers: Record<number, number>;
  approvalsSent: number;
  returnProcessSent: number;
  refundsAtShopify: number;
  finalStatus: string;
  returnStatus: string;
  violations: string[];
  ms: number;
}

/** One stored request with its REQUESTED Shopify Return, made through the shopper API. */
export async function oneRequest(cluster: Cluster, c: Candidate): Promise<string> {
  const res = await shopperFetch(cluster, cluster.urls[0], c.customerId, `/api/customer/orders/${c.order.id.split("/").pop()}/returns`, {
    method: "POST",
    body: JSON.stringify(submitBody(c, `load-staff-${Math.random().toString(36).slice(2, 10)}`)),
  });
  const body = (await res.json()) as { request?: { id: string; status: string } };
  if (res.status !== 201 || !body.request) throw new Error(`submit answered ${res.status}: ${JSON.stringify(body)}`);
  return body.request.id;
}

export async function staffRace(cluster: Cluster, opts: { calls: number; candidate: Candidate }): Promise<StaffRaceResult> {
  const requestId = await oneRequest(cluster, opts.candidate);
  const approvesBefore = cluster.proxy.count("ReturnApproveRequest");
  const processBefore = cluster.proxy.count("ReturnProcess");
  const approveAnswers: Record<number, number> = {};
  const refundAnswers: Record<number, number> = {};
  const path = `/app/requests/${requestId}`;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: opts.calls }, async (_, i) => {
      const base = cluster.urls[i % 2]!;
      // A staff member clicks Approve; while another click holds the action they see "in progress" and click
      // again a moment later (at most 20 times). Then the same for Refund.
      for (const [form, tally] of [
        [{ intent: "approve" }, approveAnswers],
        [{ intent: "refund", to: "original_payment" }, refundAnswers],
      ] as const) {
        for (let attempt = 0; attempt < 20; attempt++) {
          const res = await staffFetch(cluster, base, path, form);
          const text = await res.text();
          tally[res.status] = (tally[res.status] ?? 0) + 1;
          if (res.status !== 200 && res.status !== 409 && process.env.LOAD_DEBUG) console.error(form.intent, res.status, text.slice(0, 300));
          if (res.status !== 409) break;
          await new Promise((r) => setTimeout(r, 50 + Math.random() * 100));
        }
      }
    }),
  );
  const ms = performance.now() - t0;
  await cluster.standin.webhooksIdle();
  const stored = await cluster.prisma.returnRequest.findFirst({ where: { shop: cluster.standin.shop, id: requestId } });
  const ret = stored?.shopifyReturnId ? cluster.standin.store.returns.get(stored.shopifyReturnId) : undefined;
  const result: StaffRaceResult = {
    calls: opts.calls,
    approveAnswers,
    refundAnswers,
    approvalsSent: cluster.proxy.count("ReturnApproveRequest") - approvesBefore,
    returnProcessSent: cluster.proxy.count("ReturnProcess") - processBefore,
    refundsAtShopify: [...cluster.standin.store.refunds.values()].filter((r) => r.orderId === opts.candidate.order.id).length,
    finalStatus: stored?.status ?? "(missing)",
    returnStatus: ret?.status ?? "(missing)",
    violations: [],
    ms,
  };
  if (result.approvalsSent !== 1) result.violations.push(`${result.approvalsSent} returnApproveRequest mutations reached Shopify`);
  if (result.returnProcessSent !== 1) result.violations.push(`${result.returnProcessSent} returnProcess mutations reached Shopify`);
  if (result.refundsAtShopify !== 1) result.violations.push(`Shopify holds ${result.refundsAtShopify} refunds for the order`);
  if (result.finalStatus !== "refunded") result.violations.push(`the request ended ${result.finalStatus}`);
  for (const [s, n] of Object.entries({ ...approveAnswers, ...refundAnswers })) if (Number(s) >= 500) result.violations.push(`${n} answers with HTTP ${s}`);
  return result;
}

export interface StaffLifecycleResult {
  requests: number;
  refunded: number;
  credited: number;
  /** store credits that carried the policy's bonus, its credit recorded (decision 220): the reconciliation reads them */
  bonuses: number;
  /** HTTP answers of every step, by status */
  answers: Record<number, number>;
  violations: string[];
  ms: number;
}

/**
 * Staff take some requests the whole way, the money path the reconciliation checks: approve, receive,
 * then a refund to the original payment (even ones) or store credit (odd ones), each step through the
 * staff route, alternating instances, one request at a time as staff would.
 */
export async function staffLifecycle(cluster: Cluster, opts: { candidates: Candidate[] }): Promise<StaffLifecycleResult> {
  const answers: Record<number, number> = {};
  const violations: string[] = [];
  const t0 = performance.now();
  let refunded = 0;
  let credited = 0;
  let bonuses = 0;
  for (const [i, c] of opts.candidates.entries()) {
    const requestId = await oneRequest(cluster, c);
    const to = i % 2 === 0 ? "original_payment" : "store_credit";
    const base = cluster.urls[i % 2]!;
    const steps: Record<string, string>[] = [{ intent: "approve" }, { intent: "receive", restock: "true" }, { intent: "refund", to }];
    for (const form of steps) {
      const res = await staffFetch(cluster, base, `/app/requests/${requestId}`, form);
      answers[res.status] = (answers[res.status] ?? 0) + 1;
      if (res.status !== 200) violations.push(`order ${c.order.name}: ${form.intent} answered ${res.status} ${(await res.text()).slice(0, 200)}`);
      else await res.body?.cancel();
    }
    const stored = await cluster.prisma.returnRequest.findFirst({ where: { shop: cluster.standin.shop, id: requestId } });
    const want = to === "store_credit" ? "credited" : "refunded";
    if (stored?.status !== want) violations.push(`order ${c.order.name}: request ended ${stored?.status ?? "(missing)"}, not ${want}`);
    else if (want === "credited") {
      credited++;
      const e = await cluster.prisma.returnEvent.findFirst({ where: { shop: cluster.standin.shop, requestId, type: "refunded" }, orderBy: { at: "desc" } });
      // the load policy gives +10% store credit (cluster.ts): a store credit without its bonus credit is a violation
      if ((JSON.parse(e?.payload ?? "{}") as { bonus?: { id?: unknown } }).bonus?.id) bonuses++;
      else violations.push(`order ${c.order.name}: store credit without the policy's bonus recorded`);
    } else refunded++;
  }
  await cluster.standin.webhooksIdle();
  return { requests: opts.candidates.length, refunded, credited, bonuses, answers, violations, ms: performance.now() - t0 };
}

export interface ReconciliationResult {
  /** requests in the database with a Shopify Return: what the run must check */
  withReturn: number;
  checked: number;
  drifted: number;
  missing: number;
  adminCalls: number;
  /** the drift found, in words (empty when none) */
  drift: string[];
  violations: string[];
  ms: number;
}

/**
 * Money against Shopify's books after the load (issue 14): staff press "Check now" (POST
 * /app/reconciliation), whichever instance's worker runs the job, and the run that starts after the
 * press is read back. Every request the load made that has a Shopify Return must be checked, none may
 * differ from Shopify's record, and none may point at a Return Shopify does not have.
 */
export async function reconcileAll(cluster: Cluster, { timeoutMs = 120_000 }: { timeoutMs?: number } = {}): Promise<ReconciliationResult> {
  const shop = cluster.standin.shop;
  const withReturn = await cluster.prisma.returnRequest.count({ where: { shop, shopifyReturnId: { not: null } } });
  const pressed = new Date();
  const t0 = performance.now();
  const res = await staffFetchRoute(cluster, cluster.urls[1], "/app/reconciliation", "routes/app.reconciliation", { intent: "run" });
  const violations: string[] = [];
  if (res.status !== 200) violations.push(`Check now answered ${res.status} ${(await res.text()).slice(0, 200)}`);
  else await res.body?.cancel();
  type Run = { at: string; checked: number; drifted: number; missing: number; adminCalls: number; drift: { orderName: string; drift: { message: string }[] }[] };
  let run: Run | null = null;
  while (!run && performance.now() - t0 < timeoutMs) {
    const e = await cluster.prisma.returnEvent.findFirst({ where: { shop, type: "money_reconciled", requestId: null }, orderBy: { at: "desc" } });
    const payload = e?.payload ? (JSON.parse(e.payload) as Run) : null;
    if (payload && new Date(payload.at) >= pressed) run = payload;
    else await new Promise((r) => setTimeout(r, 250));
  }
  if (!run) {
    violations.push(`no reconciliation run finished within ${timeoutMs / 1000} s of Check now`);
    return { withReturn, checked: 0, drifted: 0, missing: 0, adminCalls: 0, drift: [], violations, ms: performance.now() - t0 };
  }
  const drift = run.drift.map((d) => `${d.orderName}: ${d.drift.map((x) => x.message).join(" ")}`);
  if (run.checked !== withReturn) violations.push(`the run checked ${run.checked} requests; ${withReturn} have a Shopify Return`);
  if (run.drifted > 0) violations.push(`${run.drifted} requests differ from Shopify's record:\n    ${drift.join("\n    ")}`);
  if (run.missing > 0) violations.push(`${run.missing} requests point at a Return Shopify does not have`);
  return { withReturn, checked: run.checked, drifted: run.drifted, missing: run.missing, adminCalls: run.adminCalls, drift, violations, ms: performance.now() - t0 };
}

/** The reconciliation in one line: what docs/performance.md quotes. */
export function reconciliationLine(r: ReconciliationResult): string {
  return `reconciliation: ${r.checked} requests checked, ${r.drifted} drift, ${r.missing} missing (${r.adminCalls} Admin calls)`;
}
