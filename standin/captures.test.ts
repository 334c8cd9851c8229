/* eslint-disable @typescript-eslint/no-explicit-any -- recorded capture JSON is untyped; assertions check its shape */
import { readdirSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startWithClient, type Client } from "./testClient";
import { diff, errorEssence, IdMap, seedCustomersFromCapture, seedLocationsFromCapture, seedOrdersFromCapture, stepAt, upgradeVariables, type Json, type Step } from "./replay";
import { createStore } from "./state/store";
import { GRANTED_SCOPES } from "./oauth";
import { sharedPath } from "./schema";

const CAPTURES = sharedPath("shopify", "captures");
const load = (f: string) => JSON.parse(readFileSync(resolve(CAPTURES, f), "utf8"));
const NOW = new Date("2026-07-20T07:30:00Z");

/** keys inside a case that are setup/cleanup for live Shopify, not behaviour we replay */
const NOT_STEPS = new Set(["orderCreate", "fulfillmentCreate", "orderReadAfterFulfillment", "orderQuery", "cleanup"]);

function stepsOf(capture: any, cases: string[]): string[] {
  const out: string[] = [];
  for (const c of cases)
    for (const [k, v] of Object.entries(capture[c] ?? {}))
      if (!NOT_STEPS.has(k) && v && typeof v === "object" && ("query" in v || "request" in v) && "response" in v) out.push(`${c}.${k}`);
  return out;
}

let c: Client;
const skippedSeen = new Set<string>();
beforeAll(async () => {
  // Replays check behaviour, not throttling: dozens of recorded calls back to back (mutation payloads
  // are charged, and the model is stricter than Shopify) would otherwise drain a 2,000-point bucket.
  // The recording app read locations and customers' emails and names, so it held read_locations and
  // level 2 protected customer data; replaying under the app's own (narrower) grant would answer ACCESS_DENIED.
  c = await startWithClient({
    seed: "empty",
    clock: () => NOW,
    bucket: { max: 100_000, restorePerSecond: 100_000 },
    scopes: `${GRANTED_SCOPES},read_locations`,
    customerData: "level2",
  });
});
afterAll(async () => {
  await c.standin.close();
});

/** fresh state per capture so return names (#1915-R1) and quantities line up with the recording */
function resetStore() {
  const fresh = createStore(c.standin.shop);
  const s = c.standin.store as any;
  fresh.locations.clear();
  for (const k of ["products", "variants", "collections", "customers", "orders", "returns", "refunds", "storeCreditAccounts", "metafields", "files", "uploads", "idempotency", "locations"]) s[k] = (fresh as any)[k];
}

/**
 * Recorded steps the stand-in deliberately does not reproduce, each with the reason. Listed, not hidden:
 * the test checks every entry names a real step of its capture.
 */
export const SKIPPED: Record<string, string> = {
  "ReturnLifecycleHydrate":
    "first: 250 on four nested connections: Shopify charged 978 requested points; the brief's static formula (2 + first x children, multiplied through nesting) rates it 439,513 and answers MAX_COST_EXCEEDED. Stricter than Shopify, never looser.",
  "ReturnCalculateRecorded": "returnCalculate (the pre-return refund estimate) is not implemented by the stand-in; the app uses Return.suggestedFinancialOutcome instead.",
};

/** Whole captures not replayed, with the reason. */
export const SKIPPED_CAPTURES: Record<string, string> = {
  "2026-04-fulfillment-return-node-read-after-write.json":
    "built on fulfillment orders, holds, fulfillmentEventCreate and tracking updates, none of which the stand-in models; its Return/ReverseDelivery reads are covered by the reverse-logistics replays.",
  "2026-04-orderCancel-restock-refundMethod-parity.json": "orderCancel is outside what the app calls.",
  "2025-01-order-refund-fulfillment-usererror-no-code.json": "legacy refund/fulfillment mutations the 2026-07 schema no longer has (only proves UserError has no `code`, which schema validation already enforces).",
  "2026-04-return-reverse-logistics-introspection.json": "introspection of root availability only; the schema file itself is the stand-in's source of truth.",
  "2025-01-refund-create-partial-shipping-restock-parity.json": "refund line subtotals on 2025-01 orders created without payment capture read 0.0 there; amounts depend on order setup the capture does not record.",
  "2025-01-store-credit-account-parity.json": "superseded by the 2026-04 store credit capture, which is replayed.",
};

async function replay(capture: any, paths: string[], opts: { ignore?: string[]; prepare?: (ids: IdMap) => void; rewrite?: (s: Step) => Step; seedFrom?: unknown } = {}) {
  resetStore();
  // seed from the pre-mutation reads when the capture also holds post-mutation reads
  seedOrdersFromCapture(c.standin.store, opts.seedFrom ?? capture);
  seedCustomersFromCapture(c.standin.store, capture);
  seedLocationsFromCapture(c.standin.store, capture);
  const ids = new IdMap();
  opts.prepare?.(ids);
  const problems: string[] = [];
  let n = 0;
  for (const path of paths) {
    let step = stepAt(capture, path);
    const opName = /(?:query|mutation)\s+(\w+)/.exec(step.query ?? "")?.[1] ?? "";
    if (SKIPPED[opName]) {
      skippedSeen.add(opName);
      continue;
    }
    if (opts.rewrite) step = opts.rewrite(step);
    const vars = upgradeVariables(c.standin.store, ids.apply(step.variables as Json)) as Record<string, unknown>;
    const res = await c.gql(step.query, vars);
    n += 1;
    const d = [
      ...diff(step.response.data ?? null, res.body.data ?? null, ids, `${path}:data`, new Set(opts.ignore ?? [])),
      ...diff(errorEssence(step.response.errors), errorEssence(res.body.errors), ids, `${path}:errors`),
    ];
    problems.push(...d);
  }
  return { problems, n };
}

/** 2025-01 refundCreate had no @idempotent; 2026-07 requires it, so the replay adds a fresh key */
let keySeq = 0;
const withIdempotency = (s: Step): Step => ({ ...s, query: s.query.replace(/refundCreate\(input: \$input\)/, () => `refundCreate(input: $input) @idempotent(key: "replay-${++keySeq}")`) });

describe("capture replay (2026-04 returns lifecycle)", () => {
  it("returnApproveRequest / returnDeclineRequest state preconditions", async () => {
    const cap = load("2026-04-returnApprove-decline-state-preconditions.json");
    const { problems, n } = await replay(cap, stepsOf(cap, ["openCase", "declinedCase", "unknownIdCase"]));
    expect(n).toBeGreaterThanOrEqual(10);
    expect(problems).toEqual([]);
  });

  it("returnClose / returnReopen / returnCancel / removeFromReturn / returnProcess preconditions", async () => {
    const cap = load("2026-04-returnClose-Reopen-Cancel-state-preconditions.json");
    const { problems, n } = await replay(cap, stepsOf(cap, ["requestedCase", "openCloseReopenCase", "cancelableCase", "declinedCase", "processedCase", "notFoundCase"]));
    expect(n).toBeGreaterThanOrEqual(25);
    expect(problems).toEqual([]);
  });

  it("Order.returnStatus aggregation (zero, mixed, declined, canceled, removed)", async () => {
    const cap = load("2026-04-order-return-status-lifecycle.json");
    const { problems, n } = await replay(cap, stepsOf(cap, ["zeroCase", "mixedCase", "declinedCase", "canceledCase", "removedCase"]));
    expect(n).toBeGreaterThanOrEqual(20);
    expect(problems).toEqual([]);
  });

  it("return reasons: blank reason rejected on request/create, OTHER needs a note on create", async () => {
    const cap = load("2026-04-return-reason-validation.json");
    // the first ten standard definitions keep Shopify's ids; the recorded list has 20 (the rest are category-specific)
    const defs = await replay(cap, ["setup.returnReasonDefinitions"]);
    expect(defs.problems.filter((p) => !/returnReasonDefinitions\.nodes: /.test(p))).toEqual([]);
    const recorded = (stepAt(cap, "setup.returnReasonDefinitions").response.data as any).returnReasonDefinitions.nodes.slice(0, 10);
    expect(c.standin.store.returnReasonDefinitions.map((d) => ({ id: d.id, handle: d.handle, name: d.name }))).toEqual(recorded.map((d: any) => ({ id: d.id, handle: d.handle, name: d.name })));
    const { problems, n } = await replay(cap, ["missingReasonCreate", "missingReasonRequest", "otherBlankNoteCreate", "otherBlankNoteRequest", "otherDefinitionNoNoteRequest"]);
    expect(n).toBe(5);
    expect(problems).toEqual([]);
  });

  it("per-line customerNote is echoed by returnRequest and return(id:)", async () => {
    const cap = load("2026-04-return-customer-note-recorded.json");
    const { problems } = await replay(cap, ["returnRequest", "downstreamRead"]);
    expect(problems).toEqual([]);
  });
});

/** the 2025-01 refund captures record variables and answers but not the document; this one selects what they answered */
const REFUND_DOC = `mutation RefundReplay($input: RefundInput!) {
  refundCreate(input: $input) { refund { id } userErrors { field message } }
}`;

function refundStep(capture: any, key: string, variables?: unknown): string {
  capture.__steps = capture.__steps ?? {};
  const rec = capture[key];
  const body = recordedBodyOf(rec.response);
  capture.__steps[key] = { query: REFUND_DOC, variables: variables ?? rec.variables, response: { status: 200, payload: { data: { refundCreate: { refund: body.data.refundCreate.refund ? { id: body.data.refundCreate.refund.id } : null, userErrors: body.data.refundCreate.userErrors } } } } };
  return `__steps.${key}`;
}
const recordedBodyOf = (r: any) => r?.payload ?? r?.body ?? r;

describe("capture replay (refundCreate)", () => {
  it("over-refund, unknown order and quantity userErrors (2025-01 captures)", async () => {
    const a = load("2025-01-refund-create-over-refund-user-errors.json");
    const b = load("2025-01-refund-create-user-errors-and-quantities.json");
    const r1 = await replay(a, [refundStep(a, "mutation", a.variables)], { rewrite: withIdempotency, seedFrom: a.upstreamCalls });
    const r2 = await replay(b, ["unknownOrder", "overRefundQuantityLineItem", "overRefundAmountNoAllow", "overRefundAllowed"].map((k) => refundStep(b, k)), { rewrite: withIdempotency, seedFrom: b.upstreamCalls });
    expect(r1.n + r2.n).toBe(5);
    expect([...r1.problems, ...r2.problems]).toEqual([]);
  });

  it("full refund with shipping succeeds and moves the order to REFUNDED", async () => {
    const cap = load("2025-01-refund-create-full-parity.json");
    const doc = `mutation RefundFull($input: RefundInput!) {
      refundCreate(input: $input) @idempotent(key: "full-1") {
        refund { note totalRefundedSet { shopMoney { amount currencyCode } } transactions(first: 5) { nodes { kind status gateway amountSet { shopMoney { amount currencyCode } } } } }
        order { displayFinancialStatus totalRefundedSet { shopMoney { amount currencyCode } } }
        userErrors { field message }
      }
    }`;
    resetStore();
    seedOrdersFromCapture(c.standin.store, cap.upstreamCalls);
    const res = await c.gql(doc, cap.variables);
    const rec = recordedBodyOf(cap.mutation.response).data.refundCreate;
    const got = res.body.data.refundCreate;
    expect(got.userErrors).toEqual(rec.userErrors);
    expect(got.refund.note).toBe(rec.refund.note);
    expect(got.refund.totalRefundedSet).toEqual(rec.refund.totalRefundedSet);
    expect(got.refund.transactions.nodes.map((t: any) => ({ kind: t.kind, status: t.status, gateway: t.gateway, amountSet: t.amountSet }))).toEqual(
      rec.refund.transactions.nodes.map((t: any) => ({ kind: t.kind, status: t.status, gateway: t.gateway, amountSet: t.amountSet })),
    );
    expect(got.order).toEqual({ displayFinancialStatus: rec.order.displayFinancialStatus, totalRefundedSet: rec.order.totalRefundedSet });
  });
});

describe("capture replay (store credit)", () => {
  it("storeCreditAccountCredit/Debit: account creation by owner id, validations, balances, readback", async () => {
    const cap = load("2026-04-store-credit-account-parity.json");
    const paths = ["setup.createAccountCredit", ...Object.keys(cap.validations).map((k) => `validations.${k}`), "mutation", "debit", "downstreamRead"];
    // 2026-07 turned StoreCreditAccountTransaction.origin into an object; the recorded value is null either way
    const { problems, n } = await replay(cap, paths, { rewrite: (st) => ({ ...st, query: st.query.replace(/\borigin\b(?!\s*\{)/g, "origin { __typename }") }) });
    expect(n).toBeGreaterThan(15);
    expect(problems).toEqual([]);
  });
});

describe("capture replay (validation, reverse logistics, fees, query roots)", () => {
  const originRewrite = (st: Step): Step => ({ ...st, query: st.query.replace(/\borigin\b(?!\s*\{)/g, "origin { __typename }") });

  it("store credit unknown ids (customer, account, company location)", async () => {
    const cap = load("2026-04-store-credit-account-unknown-id-user-errors.json");
    const paths = Object.keys(cap).filter((k) => /^(credit|debit)Unknown/.test(k));
    const { problems, n } = await replay(cap, paths, { rewrite: originRewrite });
    expect(n).toBe(6);
    expect(problems).toEqual([]);
  });

  it("variable validation errors worded like Shopify (2025-01 decline request, 2026-04 refund attribution)", async () => {
    const a = load("2025-01-return-decline-request-validation.json");
    const b = load("2026-04-refund-create-attribution-validation.json");
    const r1 = await replay(a, ["invalidDeclineReason", "hiddenNotifyPayloadPublicSchema.decline", "hiddenNotifyPayloadPublicSchema.approve", "hiddenNotifyPayloadPublicSchema.request"]);
    const r2 = await replay(b, ["schemaProbe", "invalidVariable", "invalidInline"]);
    expect(r1.n + r2.n).toBe(7);
    expect([...r1.problems, ...r2.problems]).toEqual([]);
  });

  it("refundCreate transactions: invalid kind, missing parent, parent's gateway wins, happy path", async () => {
    const cap = load("2026-04-refund-create-transactions-validation.json");
    const { problems, n } = await replay(cap, ["invalidKind", "missingParent", "mismatchedGateway", "happyPath"], { seedFrom: cap.upstreamCalls });
    expect(n).toBe(4);
    expect(problems).toEqual([]);
  });

  it("reverse logistics: deliveries, updates, dispositions, processing", async () => {
    const cap = load("2026-04-return-reverse-logistics-recorded.json");
    const group = (k: string) => Object.keys(cap[k]).map((x) => `${k}.${x}`);
    // recording order (the file groups steps by kind): the downstream read still sees one return, and the
    // validations refer to the second return's reverse fulfillment order, so they ran after it was approved
    const paths = [
      "locations",
      "returnRequest",
      "returnApproveRequest",
      "reverseDeliveryCreate",
      "reverseDeliveryUpdate",
      "reverseFulfillmentDispose",
      "downstreamRead",
      "returnProcess",
      "explicitReturnRequest",
      "explicitReturnApproveRequest",
      "reverseDeliveryExplicitCreate",
      ...group("reverseDeliveryCreateValidation"),
      ...group("reverseDeliveryUpdateValidation"),
      ...group("reverseFulfillmentDisposeValidation"),
    ];
    const { problems, n } = await replay(cap, paths);
    expect(n).toBeGreaterThanOrEqual(20);
    expect(problems).toEqual([]);
  });

  it("reverse fulfillment order disposal validation", async () => {
    const cap = load("2026-04-return-reverse-logistics-dispose-validation.json");
    const paths = ["locations", "firstReturnRequest", "firstReturnApproveRequest", "secondReturnRequest", "secondReturnApproveRequest", ...Object.keys(cap.disposeValidation).map((k) => `disposeValidation.${k}`), "downstreamRead"];
    const { problems, n } = await replay(cap, paths);
    expect(n).toBe(11);
    expect(problems).toEqual([]);
  });

  it("return shipping fees and hidden ReturnInput fields", async () => {
    const cap = load("2026-04-return-shipping-fee-recorded.json");
    const { problems, n } = await replay(cap, ["schema", "returnCreate", "downstreamRead", "hiddenInputProbe"]);
    expect(n).toBe(4);
    expect(problems).toEqual([]);
  });

  it("returnableFulfillments query root", async () => {
    const cap = load("2026-04-return-query-roots-recorded.json");
    const { problems, n } = await replay(cap, ["returnableFulfillments", "returnCalculate"]);
    expect(n).toBe(1);
    expect(problems).toEqual([]);
  });
});

describe("skipped capture steps", () => {
  it("every skipped capture exists and every capture file is either replayed or listed", () => {
    const replayed = [
      "2026-04-returnApprove-decline-state-preconditions.json",
      "2026-04-returnClose-Reopen-Cancel-state-preconditions.json",
      "2026-04-order-return-status-lifecycle.json",
      "2026-04-return-reason-validation.json",
      "2026-04-return-customer-note-recorded.json",
      "2025-01-refund-create-over-refund-user-errors.json",
      "2025-01-refund-create-user-errors-and-quantities.json",
      "2025-01-refund-create-full-parity.json",
      "2026-04-store-credit-account-parity.json",
      "2026-04-store-credit-account-unknown-id-user-errors.json",
      "2025-01-return-decline-request-validation.json",
      "2026-04-refund-create-attribution-validation.json",
      "2026-04-refund-create-transactions-validation.json",
      "2026-04-return-reverse-logistics-recorded.json",
      "2026-04-return-reverse-logistics-dispose-validation.json",
      "2026-04-return-shipping-fee-recorded.json",
      "2026-04-return-query-roots-recorded.json",
    ];
    const all = readdirSync(CAPTURES).filter((f) => f.endsWith(".json")).sort();
    expect([...replayed, ...Object.keys(SKIPPED_CAPTURES)].sort()).toEqual(all);
  });

  it("every skipped step names a step that exists in the captures, with a reason", () => {
    for (const [op, reason] of Object.entries(SKIPPED)) {
      expect(reason.length).toBeGreaterThan(20);
      expect(skippedSeen.has(op)).toBe(true);
    }
  });
});
