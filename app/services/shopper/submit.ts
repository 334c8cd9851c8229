// POST /api/customer/orders/:orderId/returns: judge, store, and open the return at Shopify.
//
// Exactly one request and one Shopify Return per idempotency key:
// - the key is looked up first (a replay after success answers the stored request, even though the
//   order's returnable quantities have since dropped), and the DB's unique (shop, idempotencyKey)
//   settles concurrent first submits;
// - the Shopify returnRequest call runs under the operations ledger (key per request id), so two
//   concurrent submits of the same key cannot both create a Return; a failed call is retried by the
//   next submit with the same key or the "shopper.open-return" job. Any attempt after the first (a
//   failed call, a lost answer, a process that died holding the claim) first looks for the Return an
//   earlier attempt made and adopts it (made-return.ts), so a crash at any point makes one Return.
import { createHash } from "node:crypto";
import { AdminTransportError, ShopifyUserError, type AdminClient } from "~/shopify/admin-client";
import { RETURN_REQUEST } from "~/shopify/operations/return-request";
import { FILE_CREATE } from "~/shopify/operations/file-create";
import { IdempotencyConflictError, StaleRecordError, type Repos, type ReturnRequestWithLines } from "~/db";
import {
  allocateReturnLines,
  buildStoredVerdict,
  planOf,
  plannedShippingFeeOf,
  toDecimalString,
  translate,
  formatMoney,
  verdictOf,
  type Judged,
  type Locale,
  type PlannedReturnLine,
  type PlannedShippingFee,
  type StoredExchange,
} from "~/returns";
import { ExchangeChoiceError, planExchange, readExchangeOptions, searchOtherProducts, withOtherProducts, type OrderExchangeOptions } from "~/services/returns/exchange";
import { policyForOrder, type PolicyChoice } from "~/services/policy-for-order";
import { findMadeReturn, recordReturnOnRequest, RETURN_REQUEST_LEASE_MS, returnRequestKey, UNCERTAIN } from "~/services/returns/made-return";
import { loadOwnedOrder, ownedOrderGid, type OwnedOrder, SHOPIFY_STAGED_UPLOAD_ORIGINS, type Shopper, type ShopperDeps } from "./context";
import { invalid, ShopperError } from "./errors";
import { presentRequest, staffNotes, type ShopperRequestView } from "./present";
import { newItemsFor } from "./new-items";
import { judgeRequest } from "./preview";
import { customerHistoryFor } from "~/services/customer-history";
import { charCount, NOTE_MAX, type SubmitBody, type SubmitResolution } from "./schemas";

export interface SubmitResult {
  request: ShopperRequestView;
  /** false when the idempotency key had already made this request */
  created: boolean;
}

/** The DB keeps refund | store_credit | exchange; a free replacement is an exchange for the same item. */
export function dbResolution(r: SubmitResolution): "refund" | "store_credit" | "exchange" {
  return r === "replacement" ? "exchange" : r;
}

async function findByKey(deps: ShopperDeps, shop: string, key: string): Promise<ReturnRequestWithLines | null> {
  return deps.repos.returnRequests.findByIdempotencyKey(shop, key);
}

/** Turns staged uploads into shop files; returns per line [{resourceUrl, fileId, url}]. */
async function createFiles(admin: AdminClient, lines: SubmitBody["lines"], orderName: string) {
  const flat = lines.flatMap((l, i) => l.photos.map((url, j) => ({ i, j, url })));
  const out: { resourceUrl: string; fileId: string; url: string | null }[][] = lines.map(() => []);
  if (flat.length === 0) return out;
  let data;
  try {
    data = await admin.mutate(FILE_CREATE, {
      files: flat.map((f) => ({ originalSource: f.url, contentType: "IMAGE" as const, alt: `Return evidence for order ${orderName}` })),
    });
  } catch (e) {
    if (e instanceof ShopifyUserError) {
      const first = e.userErrors[0];
      const idx = Number(first?.field?.[1]);
      const hit = Number.isInteger(idx) ? flat[idx] : undefined;
      throw invalid(hit ? `lines[${hit.i}].photos[${hit.j}]` : "lines", first?.message ?? "photo upload was not accepted");
    }
    throw e;
  }
  const files = data.fileCreate?.files ?? [];
  flat.forEach((f, k) => {
    const file = files[k];
    if (!file) return;
    const url = "image" in file ? (file.image?.url ?? null) : "url" in file ? (file.url ?? null) : null;
    out[f.i]!.push({ resourceUrl: f.url, fileId: file.id, url: url ? String(url) : null });
  });
  return out;
}

export async function submitReturnRequest(deps: ShopperDeps, who: Shopper, orderId: string, body: SubmitBody): Promise<SubmitResult> {
  // Input first: photos must be our staged uploads.
  const origins = deps.uploadOrigins ?? SHOPIFY_STAGED_UPLOAD_ORIGINS;
  body.lines.forEach((l, i) =>
    l.photos.forEach((u, j) => {
      if (!origins.includes(new URL(u).origin)) throw invalid(`lines[${i}].photos[${j}]`, "must be the resourceUrl of an upload from /api/customer/uploads");
    }),
  );
  const gid = ownedOrderGid(orderId);
  const repos = deps.repos;
  const locale: Locale = who.locale ?? "en";

  // A replay answers the stored request without reading the order again: the request was stored
  // only after this customer's ownership of the order was checked at Shopify.
  const existing = await findByKey(deps, who.shop, body.idempotencyKey);
  if (existing) return replay(deps, repos, who, existing, gid, locale, body);

  // A replacement's or exchange's new items are checked against Shopify's variants and stock as read
  // now, before the per-order lock (never an Admin call inside it, decision 180): ownership first, so a
  // stranger's submit costs no read of the order's products.
  let options: OrderExchangeOptions | null = null;
  if (body.resolution === "replacement" || body.resolution === "exchange") {
    const owned = await loadOwnedOrder(deps, who, gid);
    options = await readExchangeOptions(deps.admin, gid, owned.order.lines.length);
    // another product's variant (the policy's exchangeOtherProducts): its price and stock are read too, only
    // when one was chosen; the policy is read again under the lock and decides there
    const own = options;
    const elsewhere = body.resolution === "exchange" ? body.lines.filter((l) => l.exchangeVariantId && !own.lines.get(l.lineItemId)?.options.some((o) => o.variantId === l.exchangeVariantId)) : [];
    if (elsewhere.length && (await policyForOrder(repos, who.shop, owned.order.processedAt)).policy.resolutions.exchangeOtherProducts) {
      options = await withOtherProducts(own, elsewhere.map((l) => l.lineItemId), (type) => searchOtherProducts(deps.admin, type));
    }
  }

  try {
    return await submitNew(deps, repos, who, gid, body, locale, options);
  } catch (e) {
    // A concurrent submit with the same key may have taken the units meanwhile: answer its request.
    if (e instanceof ShopperError && e.status === 422) {
      const raced = await findByKey(deps, who.shop, body.idempotencyKey);
      if (raced && raced.orderId === gid && raced.customerId === who.customerId) {
        refuseIfAnotherBody(raced, body);
        return { request: await view(repos, who, await afterStored(deps, repos, who, raced), locale), created: false };
      }
    }
    throw e;
  }
}

async function replay(deps: ShopperDeps, repos: Repos, who: Shopper, existing: ReturnRequestWithLines, gid: string, locale: Locale, body: SubmitBody): Promise<SubmitResult> {
  if (existing.orderId !== gid || existing.customerId !== who.customerId) {
    throw new ShopperError(409, "idempotency_conflict", "This idempotencyKey was already used for another request", "idempotencyKey");
  }
  refuseIfAnotherBody(existing, body);
  const request = await afterStored(deps, repos, who, existing);
  return { request: await view(repos, who, request, locale), created: false };
}

/**
 * What a submit asks for, apart from its key: a replay must ask for the same, or the key is being
 * reused for another request. Like Stripe (a key reused with different parameters is an error), that
 * is a 409 naming the key, not the first request's answer. Requests stored before fingerprints were
 * kept have none and replay as before.
 */
export function requestFingerprint(body: SubmitBody): string {
  const asked = {
    resolution: body.resolution,
    lines: body.lines.map((l) => ({ lineItemId: l.lineItemId, quantity: l.quantity, reason: l.reason, conditions: [...l.conditions].sort(), note: l.note, photos: l.photos, exchangeVariantId: l.exchangeVariantId })),
  };
  return createHash("sha256").update(JSON.stringify(asked)).digest("base64url");
}

function refuseIfAnotherBody(stored: ReturnRequestWithLines, body: SubmitBody): void {
  const kept = verdictOf(stored).requestFingerprint;
  if (typeof kept === "string" && kept !== requestFingerprint(body)) {
    throw new ShopperError(409, "idempotency_key_reused", `idempotencyKey ${body.idempotencyKey} was already used with a different request body`, "idempotencyKey");
  }
}

/**
 * One read of the order serves the whole submission (ownership, the policy's verdict, Shopify's
 * returnable quantities and the reason ids), made inside the per-order lock: two different
 * idempotency keys for the same unit would otherwise both pass the quantity check and both be
 * stored (Shopify then refuses the second Return). The lock is taken before ownership is known;
 * a stranger's submit holds it only for the one read that answers them 404.
 */
async function submitNew(deps: ShopperDeps, repos: Repos, who: Shopper, gid: string, body: SubmitBody, locale: Locale, options: OrderExchangeOptions | null): Promise<SubmitResult> {
  const lock = await lockOrder(deps, repos, who.shop, gid);
  let released = false;
  try {
    // A twin of this submission (the same key, sent again while this one waited) may have stored it.
    const twin = await findByKey(deps, who.shop, body.idempotencyKey);
    if (twin) {
      await lock.release();
      released = true;
      return await replay(deps, repos, who, twin, gid, locale, body);
    }
    const snap = await loadOwnedOrder(deps, who, gid, { reasons: body.lines.map((l) => l.reason) });
    const choice = await policyForOrder(repos, who.shop, snap.order.processedAt);
    const now = deps.now();
    const customer = await customerHistoryFor(repos, who.shop, choice.policy, snap, now);
    const j = judgeRequest({
      policy: choice.policy,
      order: snap.order,
      shop: snap.shop,
      now,
      locale,
      lines: body.lines.map((l) => ({ ...l, photos: l.photos.length })),
      customer,
    });
    if (!j.evaluation.eligible) {
      const at = j.verdicts.findIndex((v) => !v.eligible);
      const first = j.verdicts[at];
      throw new ShopperError(422, "ineligible", first?.explanation || "Some items cannot be returned", at >= 0 ? `lines[${at}]` : undefined, j.verdicts);
    }
    if (!j.evaluation.resolutions.includes(body.resolution)) {
      throw new ShopperError(422, "resolution_unavailable", `${body.resolution} is not offered for these items`, "resolution", j.verdicts);
    }
    const stored = await checkAndStore(deps, repos, who, snap, body, locale, choice, j, now, lock, options);
    // Without a queue the Return is opened inside the lock, as it always was.
    if (!deps.openReturn) return await finish(deps, repos, who, stored, locale);
    await lock.release();
    released = true;
    // With one, the lock is held only while the request is judged and stored (the facts: no Shopify
    // call), so other shoppers of the order are not kept waiting while Shopify opens this Return.
    return await finish(deps, repos, who, stored, locale);
  } finally {
    if (!released) await lock.release();
  }
}

async function finish(deps: ShopperDeps, repos: Repos, who: Shopper, stored: { request: ReturnRequestWithLines; created: boolean }, locale: Locale): Promise<SubmitResult> {
  const request = await afterStored(deps, repos, who, stored.request);
  return { request: await view(repos, who, request, locale), created: stored.created };
}

async function checkAndStore(
  deps: ShopperDeps,
  repos: Repos,
  who: Shopper,
  snap: OwnedOrder,
  body: SubmitBody,
  locale: Locale,
  choice: PolicyChoice,
  j: Judged,
  now: Date,
  lock: OrderLock,
  options: OrderExchangeOptions | null,
): Promise<{ request: ReturnRequestWithLines; created: boolean }> {
  // Which fulfillment line items the Return will hold, from Shopify's returnable quantities as the
  // order's facts hold them, less the units of stored requests those facts do not count yet (read
  // inside the lock, so an earlier submit's request, stored under the same lock, is counted).
  const allocation = allocateReturnLines({
    returnable: snap.returnable,
    awaiting: snap.awaiting,
    reasonIds: snap.reasonIds,
    // the policy's restocking fee is recorded on each Return line it applies to (every line is
    // eligible here, so the refund's lines are the request's, in order)
    lines: body.lines.map((l, i) => ({
      lineItemId: l.lineItemId,
      quantity: l.quantity,
      note: l.note,
      reasonHandle: j.evaluation.lines[i]!.reasonHandle,
      ...((j.refund.lines[i]?.restockingMinor ?? 0) > 0 ? { restockingPercentage: j.refund.lines[i]!.restockingPercentage } : {}),
    })),
  });
  if (!allocation.ok) {
    // in the shopper's language; nothing left means an earlier request (or return) already holds the units
    const message = translate(allocation.available > 0 ? "QUANTITY_UNAVAILABLE" : "QUANTITY_ALREADY_REQUESTED", locale, { available: allocation.available });
    throw new ShopperError(422, "quantity_unavailable", message, `lines[${allocation.line}].quantity`, j.verdicts);
  }
  const { plan, firstFulfillmentLineItem: firstFli } = allocation;
  const { totalMinor, restockingMinor, returnShippingFeeMinor, lines: priced } = j.refund;
  const exchange = exchangeFor(body, snap, choice, priced, locale, options);

  const photos = await createFiles(deps.admin, body.lines, snap.order.name);
  if (!(await lock.stillHeld())) {
    throw new ShopperError(409, "in_progress", "Another return for this order is being submitted; please try again in a few seconds");
  }
  // Shopify's Return records the return shipping fee in the currency the shopper paid (ReturnShippingFeeInput)
  const shippingFee: PlannedShippingFee | undefined =
    returnShippingFeeMinor > 0 ? { amount: { amount: toDecimalString(returnShippingFeeMinor, j.refund.currency), currencyCode: j.refund.currency } } : undefined;

  let stored: { request: ReturnRequestWithLines; created: boolean };
  try {
    stored = await repos.returnRequests.create(who.shop, {
      idempotencyKey: body.idempotencyKey,
      orderId: snap.order.id,
      orderName: snap.order.name,
      customerId: who.customerId,
      customerDisplayName: snap.customerDisplayName,
      status: "requested",
      policyVersion: choice.version,
      verdict: buildStoredVerdict({
        evaluation: j.evaluation,
        refund: j.refund,
        policySource: choice.source,
        locale,
        requestedResolution: body.resolution,
        // the engine's rule-by-rule check, shown on the staff detail page
        withTrace: true,
        plan,
        ...(shippingFee ? { shippingFee } : {}),
        requestFingerprint: requestFingerprint(body),
        ...(exchange ? { exchange } : {}),
        // decision 220: the bonus offered now is the one credited, whatever the policy says later
        ...(j.evaluation.resolutions.includes("store_credit") ? { storeCreditBonusBps: choice.policy.resolutions.storeCreditBonusBps } : {}),
      }),
      resolution: dbResolution(body.resolution),
      currency: snap.order.currency,
      // a replacement refunds nothing; an exchange the difference when the new item is cheaper
      refundMinor: exchange ? exchange.refundMinor : totalMinor,
      feesMinor: restockingMinor + returnShippingFeeMinor,
      source: "app",
      lines: body.lines.map((l, i) => ({
        lineItemId: l.lineItemId,
        fulfillmentLineItemId: firstFli[i] ?? null,
        title: snap.order.lines.find((x) => x.id === l.lineItemId)?.title ?? "",
        quantity: l.quantity,
        reason: l.reason,
        conditions: l.conditions,
        note: l.note || null,
        photos: photos[i] ?? [],
        eligible: j.evaluation.lines[i]!.eligible,
        codes: j.evaluation.lines[i]!.codes,
        refundMinor: priced[i]?.refundMinor ?? 0,
      })),
      now,
    });
  } catch (e) {
    if (e instanceof IdempotencyConflictError) {
      throw new ShopperError(409, "idempotency_conflict", "This idempotencyKey was already used for another request", "idempotencyKey");
    }
    throw e;
  }
  if (!stored.created) refuseIfAnotherBody(stored.request, body); // a concurrent first submit of this key won
  if (stored.created) {
    await repos.events.append(who.shop, {
      requestId: stored.request.id,
      type: "requested",
      actor: `customer:${who.customerId}`,
      at: now,
      payload: { resolution: body.resolution, decision: j.evaluation.decision, policyVersion: choice.version },
    });
  }
  return stored;
}

/**
 * A stored request still without its Shopify Return gets one now (ledgered: a call that finds another
 * one opening it answers the request as it is). With the job queue (the shopper API's routes), Shopify
 * being busy or unreachable does not fail the shopper's answer: the request is answered "requested"
 * and the job "shopper.open-return" opens its Return at once, at the rate the shop's bucket allows
 * (docs/decisions/180). Without a queue, a passing failure is a 502 the shopper retries with the same
 * key, as before. Shopify's refusal (userErrors) is a 502 naming it either way; the job turns it into
 * the "refused" status.
 */
async function afterStored(deps: ShopperDeps, repos: Repos, who: Shopper, request: ReturnRequestWithLines): Promise<ReturnRequestWithLines> {
  if (request.shopifyReturnId || request.status !== "requested") return request;
  const openReturn = deps.openReturn;
  if (!openReturn) return ensureShopifyReturn(deps, repos, who, request);
  try {
    return await ensureShopifyReturn({ ...deps, retryOpenReturn: undefined }, repos, who, request);
  } catch (e) {
    if (!(e instanceof ShopperError && e.code === "shopify_unavailable")) throw e;
    await openReturn(who.shop, request.id);
    return (await repos.returnRequests.findById(who.shop, request.id)) ?? request;
  }
}

/**
 * The new items of a replacement or exchange, checked against Shopify's variants and stock as read
 * before the lock (`options`) and priced against each line's refund value (a replacement: the same
 * variant, free). Null otherwise. No Shopify call: this runs inside the per-order lock.
 */
function exchangeFor(
  body: SubmitBody,
  snap: OwnedOrder,
  choice: PolicyChoice,
  priced: Judged["refund"]["lines"],
  locale: Locale,
  options: OrderExchangeOptions | null,
): StoredExchange | null {
  if (body.resolution !== "replacement" && body.resolution !== "exchange") return null;
  if (!options) throw new Error("a replacement or exchange is submitted with the options read before the lock");
  try {
    return planExchange({
      kind: body.resolution,
      options,
      lines: body.lines.map((l, i) => ({ lineItemId: l.lineItemId, quantity: l.quantity, refundMinor: priced[i]?.refundMinor ?? 0, exchangeVariantId: l.exchangeVariantId })),
      otherProducts: choice.policy.resolutions.exchangeOtherProducts,
      formatMinor: (m) => formatMoney(m, snap.order.currency, locale),
    });
  } catch (e) {
    if (e instanceof ExchangeChoiceError) throw new ShopperError(422, "exchange_unavailable", e.message, e.field);
    throw e;
  }
}

/**
 * Lease of the per-order submit lock: a holder that dies frees the order after this long. Longer
 * than a holder's worst case (the order read and returnRequest, each up to 5 throttled attempts of
 * at most 10 s), so a live holder under throttling keeps it; `stillHeld` fences the store anyway.
 */
const SUBMIT_LOCK_LEASE_MS = 120_000;
/** How long a submit waits for another submit on the same order before answering 409 in_progress. */
const SUBMIT_LOCK_WAIT_MS = 25_000;
const submitLockKey = (orderId: string) => `submit-lock:${orderId}`;

interface OrderLock {
  release(): Promise<void>;
  /** False once the lease ran out and another submit may have taken the order over. */
  stillHeld(): Promise<boolean>;
}

/**
 * A short-lease mutex row in the operations ledger keyed submit-lock:<orderId>, per shop. Claimed
 * (waiting while another submit holds it), released by marking it failed so the next claim takes it
 * over; a crashed holder's lease expires.
 */
async function lockOrder(deps: ShopperDeps, repos: Repos, shop: string, orderId: string): Promise<OrderLock> {
  // In this process, submissions for one order wait in line (first come, first served) for their turn
  // to claim the shared lock: only one of them polls the database, so a burst on one order does not
  // fill the connection pool with claims while the holder needs it to finish.
  const turn = await localTurn(`${shop}|${orderId}`);
  try {
    const lock = await claimOrderLock(deps, repos, shop, orderId);
    return {
      release: async () => {
        try {
          await lock.release();
        } finally {
          turn();
        }
      },
      stillHeld: lock.stillHeld,
    };
  } catch (e) {
    turn();
    throw e;
  }
}

const lines = new Map<string, Promise<void>>();

/** Waits for the previous holder of `key` in this process; resolves with the function that ends this turn. */
async function localTurn(key: string): Promise<() => void> {
  const before = lines.get(key) ?? Promise.resolve();
  let end!: () => void;
  const mine = new Promise<void>((r) => (end = r));
  const chained = before.then(() => mine);
  lines.set(key, chained);
  await before;
  let ended = false;
  return () => {
    if (ended) return;
    ended = true;
    end();
    if (lines.get(key) === chained) lines.delete(key);
  };
}

async function claimOrderLock(deps: ShopperDeps, repos: Repos, shop: string, orderId: string): Promise<OrderLock> {
  const key = submitLockKey(orderId);
  const started = Date.now();
  for (let round = 0; ; round++) {
    const claim = await repos.operations.claim(shop, { key, kind: "submitLock", now: deps.now(), leaseMs: SUBMIT_LOCK_LEASE_MS });
    if (claim.outcome === "claimed") {
      return {
        release: async () => {
          await repos.operations.fail(shop, key, { error: "released", now: deps.now(), attempt: claim.attempt });
        },
        stillHeld: async () => {
          const row = await repos.operations.get(shop, key);
          return Boolean(row && row.status === "pending" && row.attempts === claim.attempt && row.lockedUntil && row.lockedUntil > deps.now());
        },
      };
    }
    // "done" cannot happen (the lock is never completed); "exhausted" neither (no maxAttempts).
    if (claim.outcome !== "busy" || Date.now() - started > SUBMIT_LOCK_WAIT_MS) {
      throw new ShopperError(409, "in_progress", "Another return for this order is being submitted; please try again in a few seconds");
    }
    await new Promise((r) => setTimeout(r, 20 + Math.floor(Math.random() * Math.min(200, 20 * (round + 1)))));
  }
}

async function view(repos: Repos, who: Shopper, r: ReturnRequestWithLines, locale: Locale) {
  // no Shopify read for the new items here (a new request's are "asked for"; the overview follows them)
  return presentRequest(r, locale, await staffNotes(repos, who.shop, r.id), await newItemsFor(null, who.shop, r, locale));
}

/**
 * Opens the Shopify Return for a stored request unless it has one. Ledgered so concurrent
 * submits of one key make one Return; a claim that is not the first attempt (a failed call, or a
 * holder that died after Shopify may have applied it) first looks for the Return an earlier attempt
 * made and adopts it (made-return.ts). Then runs the policy's approval mode (maybeAutoApprove).
 */
async function ensureShopifyReturn(deps: ShopperDeps, repos: Repos, who: Shopper, request: ReturnRequestWithLines): Promise<ReturnRequestWithLines> {
  if (request.shopifyReturnId || request.status === "cancelled") return request;
  const shop = who.shop;
  const key = returnRequestKey(request.id);
  const now = deps.now();
  const claim = await repos.operations.claim(shop, { key, kind: "returnRequest", now, leaseMs: RETURN_REQUEST_LEASE_MS, maxAttempts: 5 });
  if (claim.outcome === "busy" || claim.outcome === "exhausted") return request;
  let updated: ReturnRequestWithLines | undefined;
  let returnId: string;
  if (claim.outcome === "done") {
    // The Return is in the ledger (a crash may have kept it off the request).
    returnId = (claim.result as { returnId: string }).returnId;
  } else {
    const plan = planOf(verdictOf(request));
    if (!plan) {
      await repos.operations.fail(shop, key, { error: "no return plan stored", now, attempt: claim.attempt });
      throw new ShopperError(502, "shopify_error", "The return could not be opened at the store");
    }
    try {
      // An earlier attempt may have made the Return without the app learning it (its answer was lost,
      // or its process died after Shopify applied it): adopt that one rather than make a second.
      const made = claim.attempt > 1 ? await findMadeReturn(deps.admin, repos, shop, request) : null;
      if (made) {
        // On the request first: its unique shopifyReturnId settles two requests claiming one Return.
        returnId = made.id;
        updated = await recordReturnOnRequest(repos, shop, request, made, deps.now());
        await repos.events.append(shop, { requestId: request.id, type: "shopify_return_adopted", actor: `customer:${who.customerId}`, at: deps.now(), payload: { returnId: made.id } });
        await repos.operations.complete(shop, key, { result: { returnId: made.id }, now: deps.now(), attempt: claim.attempt });
      } else {
        const returnShippingFee = plannedShippingFeeOf(verdictOf(request));
        const data = await deps.admin.mutate(RETURN_REQUEST, {
          input: { orderId: request.orderId, returnLineItems: plan.map(withinNoteLimit), ...(returnShippingFee ? { returnShippingFee } : {}) },
        });
        const ret = data.returnRequest?.return;
        if (!ret) throw new Error("returnRequest answered no return");
        await repos.events.append(shop, { requestId: request.id, type: "shopify_return_requested", actor: `customer:${who.customerId}`, at: deps.now(), shopifyResponse: ret });
        returnId = ret.id;
        await repos.operations.complete(shop, key, { result: { returnId }, now: deps.now(), attempt: claim.attempt });
      }
    } catch (e) {
      const uncertain = e instanceof AdminTransportError && e.mayHaveApplied;
      const message = e instanceof Error ? e.message : String(e);
      await repos.operations.fail(shop, key, { error: `${uncertain ? UNCERTAIN : ""}${message}`, now: deps.now(), attempt: claim.attempt });
      await patch(repos, shop, request, { lastError: message.slice(0, 2000), lastErrorAt: deps.now() }, deps.now());
      // A passing failure (throttled, 5xx, no answer) is retried by a durable job; Shopify's refusal
      // (userErrors) stays visible for staff instead.
      if (!(e instanceof ShopifyUserError) && deps.retryOpenReturn) {
        await deps.retryOpenReturn(shop, request.id, claim.attempt).catch((err: unknown) => console.error("could not schedule the Return retry", err));
      }
      if (e instanceof ShopifyUserError) {
        throw new ShopperError(502, "shopify_error", e.userErrors[0]?.message ?? "The store refused the return");
      }
      throw new ShopperError(502, "shopify_unavailable", "The store could not be reached; please try again");
    }
  }
  updated ??= await recordReturnOnRequest(repos, shop, request, { id: returnId }, deps.now());
  // The approval mode runs whenever this call put the Return on the request (maybeAutoApprove is
  // itself exactly once), including after a crash kept an earlier attempt from getting this far.
  if (deps.autoApprove) {
    try {
      await deps.autoApprove(shop, updated.id);
    } catch (e) {
      await repos.events.append(shop, { requestId: updated.id, type: "auto_approve_failed", actor: "auto", at: deps.now(), payload: { error: e instanceof Error ? e.message : String(e) } });
    }
    return (await repos.returnRequests.findById(shop, updated.id)) ?? updated;
  }
  return updated;
}

/**
 * The job "shopper.open-return": opens the Shopify Return of a stored request whose returnRequest
 * failed for a passing reason. Idempotent (the operations ledger, and the adoption of a Return a
 * lost answer made); throws to be retried by the queue while Shopify still fails.
 */
export async function openReturnLater(deps: ShopperDeps, shop: string, requestId: string): Promise<void> {
  const repos = deps.repos;
  const request = await repos.returnRequests.findById(shop, requestId);
  if (!request || request.shopifyReturnId || request.status !== "requested" || !request.customerId) return;
  try {
    // No retryOpenReturn here: a passing failure throws and the queue retries this job.
    await ensureShopifyReturn({ ...deps, retryOpenReturn: undefined }, repos, { shop, customerId: request.customerId, locale: null }, request);
  } catch (e) {
    if (e instanceof ShopperError && e.code === "shopify_error") {
      await refuseRequest(deps, shop, request, e.message);
      return;
    }
    throw e;
  }
}

/**
 * Shopify refused the Return of a request accepted against the order's kept facts (they were stale: the
 * units were returned, refunded or removed meanwhile). The request becomes "refused", which the shopper
 * and staff both see with the reason (Shopify's, in lastError, for staff); its units are released, and
 * the order's facts are dropped so the next visit reads the order at Shopify.
 */
async function refuseRequest(deps: ShopperDeps, shop: string, request: ReturnRequestWithLines, reason: string): Promise<void> {
  const repos = deps.repos;
  let current = request;
  for (let i = 0; i < 5; i++) {
    if (current.status !== "requested" || current.shopifyReturnId) return;
    try {
      await repos.returnRequests.transition(shop, current.id, {
        expectedLockVersion: current.lockVersion,
        from: ["requested"],
        to: "refused",
        patch: { lastError: `Shopify did not open the return: ${reason}`.slice(0, 2000), lastErrorAt: deps.now() },
        now: deps.now(),
      });
      break;
    } catch (e) {
      if (!(e instanceof StaleRecordError)) throw e;
      current = (await repos.returnRequests.findById(shop, current.id)) ?? current;
    }
  }
  await repos.events.append(shop, { requestId: request.id, type: "shopify_return_refused", actor: "shopify", at: deps.now(), payload: { reason } });
  await repos.orderFacts.deleteForOrders(shop, [request.orderId]);
}

/**
 * A request stored before notes were limited may plan a longer customer note, which Shopify refuses
 * with the whole Return: it gets the first NOTE_MAX characters (the full note stays on the request line).
 */
function withinNoteLimit(item: PlannedReturnLine): PlannedReturnLine {
  if (!item.customerNote || charCount(item.customerNote) <= NOTE_MAX) return item;
  return { ...item, customerNote: Array.from(item.customerNote).slice(0, NOTE_MAX).join("") };
}

async function patch(
  repos: Repos,
  shop: string,
  request: ReturnRequestWithLines,
  p: Parameters<Repos["returnRequests"]["transition"]>[2]["patch"],
  now: Date,
): Promise<ReturnRequestWithLines> {
  let current = request;
  for (let i = 0; i < 3; i++) {
    try {
      return await repos.returnRequests.transition(shop, current.id, { expectedLockVersion: current.lockVersion, patch: p, now });
    } catch (e) {
      if (!(e instanceof StaleRecordError)) throw e;
      current = (await repos.returnRequests.findById(shop, current.id)) ?? current;
    }
  }
  return current;
}
