/**
 * Hostile input against the shopper API's real Remix routes (in-process, real customer account
 * session tokens from the stand-in, real Admin API of the in-process stand-in, fresh database):
 * whatever the body, path parameter or token, the answer is never a 5xx, and every refusal is a 4xx
 * JSON body whose error has a code and a message naming the problem. Run counts: ./runs.ts.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createRepos } from "~/db";
import { createTestDatabase, type TestDatabase } from "~/db/test-db";
import { CONDITIONS, getPreset, REASONS } from "~/returns";
import { startStandin, type Standin } from "../../standin";
import type { OrderRec } from "../../standin/state/types";
import { fuzzRuns, fuzzSeed, timeoutFor } from "./runs";
import { installAppAtStandin } from "~/test/installed-app";

const API_KEY = "fuzz-api-key";
const SECRET = "fuzz-api-secret-0123456789";
const APP_URL = "https://returns.example.com";
const ALEX = "gid://shopify/Customer/1";

type Fn = (args: LoaderFunctionArgs | ActionFunctionArgs) => Promise<Response>;
let db: TestDatabase;
let standin: Standin;
let r: Record<"returnsLoader" | "returnsAction" | "previewAction" | "cancelAction" | "uploadsAction", Fn>;
let alexOrders: OrderRec[];
let otherOrders: OrderRec[];

beforeAll(async () => {
  // The library logs every authentication at INFO: thousands of lines that say nothing here.
  vi.spyOn(console, "log").mockImplementation(() => {});
  vi.spyOn(console, "info").mockImplementation(() => {});
  vi.spyOn(console, "debug").mockImplementation(() => {});
  db = await createTestDatabase();
  standin = await startStandin({ apiKey: API_KEY, apiSecret: SECRET, webhooks: [], seed: "demo" });
  await installAppAtStandin({
    db,
    standin,
    apiKey: API_KEY,
    apiSecret: SECRET,
    appUrl: APP_URL,
    scopes: "read_orders,write_returns,write_files",
  });
  const manual = { ...getPreset("standard-30-day")!, approval: { mode: "manual" as const } };
  await createRepos(db.prisma).policies.saveNewVersion(standin.shop, { policy: manual, presetId: "standard-30-day", createdBy: "fuzz", now: new Date() });
  const returns = await import("~/routes/api.customer.orders.$orderId.returns");
  r = {
    returnsLoader: returns.loader as Fn,
    returnsAction: returns.action as Fn,
    previewAction: (await import("~/routes/api.customer.orders.$orderId.returns.preview")).action as Fn,
    cancelAction: (await import("~/routes/api.customer.returns.$requestId.cancel")).action as Fn,
    uploadsAction: (await import("~/routes/api.customer.uploads")).action as Fn,
  };
  const all = [...standin.store.orders.values()] as OrderRec[];
  alexOrders = all.filter((o) => o.customerId === ALEX && o.fulfillments.length > 0);
  otherOrders = all.filter((o) => o.customerId !== ALEX).slice(0, 3);
}, 60_000);

afterAll(async () => {
  process.stderr.write(`shopper API fuzz answers: ${JSON.stringify(Object.fromEntries([...seen].sort()))}\n`);
  await standin?.close();
  await db?.cleanup();
});

async function call(fn: Fn, path: string, init: { method?: string; body?: string; auth?: string | null }, params: Record<string, string>): Promise<Response> {
  const headers: Record<string, string> = { Origin: "https://extensions.shopifycdn.com", "Content-Type": "application/json" };
  const auth = init.auth === undefined ? `Bearer ${standin.mintCustomerSessionToken({ customerId: ALEX })}` : init.auth;
  if (auth !== null) headers.Authorization = auth;
  const request = new Request(`${APP_URL}${path}`, { method: init.method ?? "POST", headers, ...(init.body !== undefined ? { body: init.body } : {}) });
  try {
    return await fn({ request, params, context: {} });
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown; // a crash: fails the property with the input that caused it
  }
}

/** Answers seen, by "status code" (printed at the end, and checked: the inputs must reach past validation). */
const seen = new Map<string, number>();

/** The property every answer must hold. */
async function expectHandled(res: Response, what: string): Promise<void> {
  expect(res.status, what).toBeLessThan(500);
  const tally = (code: string) => seen.set(`${res.status} ${code}`, (seen.get(`${res.status} ${code}`) ?? 0) + 1);
  if (res.status < 400 || res.status === 405) tally("");
  if (res.status >= 400 && res.status !== 405) {
    const body = (await res.json()) as { error?: { code?: unknown; message?: unknown; field?: unknown } };
    if (process.env.FUZZ_FIELDS) tally(`${String(body.error?.code)}:${String(body.error?.field)}`);
    expect(typeof body.error?.code, what).toBe("string");
    expect(typeof body.error?.message, what).toBe("string");
    expect((body.error!.message as string).length, what).toBeGreaterThan(0);
    tally(body.error!.code as string);
  } else {
    await res.arrayBuffer();
  }
}

// ---- generators: mostly almost-valid, so the input gets past the first check and into the code ----
const junk = fc.oneof(
  fc.anything({ maxDepth: 2 }),
  fc.constantFrom(null, true, -1, 0, 1.5, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, "", " ", "0", "__proto__", "constructor", "'; DROP TABLE \"ReturnRequest\"; --", "\u0000", "😀".repeat(600), "x".repeat(5000)),
);
// Each field is valid most of the time, so most bodies carry one or two wrong fields and some are
// wholly valid (reaching ownership, the policy engine, the ledger and Shopify).
const maybe = <T>(good: fc.Arbitrary<T>) => fc.oneof({ weight: 25, arbitrary: good }, { weight: 1, arbitrary: junk });
const lineItemIds = () => fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...alexOrders.flatMap((o) => o.lineItems.map((l) => l.id))) }, { weight: 1, arbitrary: anyLineItemId() });
const anyLineItemId = () => fc.constantFrom(...alexOrders.flatMap((o) => o.lineItems.map((l) => l.id)), ...otherOrders.flatMap((o) => o.lineItems.map((l) => l.id)), "gid://shopify/LineItem/999999999999999999999", "gid://shopify/LineItem/0");
const orderIds = () =>
  fc.oneof(
    { weight: 5, arbitrary: fc.constantFrom(...alexOrders.map((o) => o.id)) },
    { weight: 1, arbitrary: fc.constantFrom(...otherOrders.map((o) => o.id)) },
    { weight: 1, arbitrary: fc.constantFrom("gid://shopify/Order/99999999999999999999999", "gid://shopify/Order/-1", "gid://shopify/Product/1", "1", "", "../../admin", "%00", "gid://shopify/Order/1?x=1") },
    { weight: 1, arbitrary: fc.string({ maxLength: 300 }) },
  );
const line = (photos: fc.Arbitrary<unknown>) =>
  fc.record(
    {
      lineItemId: maybe(lineItemIds()),
      quantity: maybe(fc.oneof({ weight: 8, arbitrary: fc.integer({ min: 1, max: 2 }) }, { weight: 1, arbitrary: fc.integer({ min: -2, max: 1002 }) })),
      reason: maybe(fc.constantFrom(...REASONS)),
      conditions: maybe(fc.subarray([...CONDITIONS])),
      note: maybe(fc.string({ maxLength: 1100 })),
      photos,
    },
    { requiredKeys: ["lineItemId", "quantity", "reason"] },
  );
const photoUrls = fc.oneof(
  { weight: 4, arbitrary: fc.constant([] as string[]) },
  {
    weight: 1,
    arbitrary: fc.array(
      fc.oneof(fc.webUrl(), fc.constantFrom("https://shopify-staged-uploads.storage.googleapis.com/tmp/1/a.jpg", "javascript:alert(1)", "file:///etc/passwd", "http://169.254.169.254/latest/meta-data/", "https://evil.example/x.jpg")),
      { maxLength: 12 },
    ),
  },
);
const resolution = maybe(fc.constantFrom("refund", "store_credit", "replacement", "exchange"));
const submitBody = () => fc.oneof(
  { weight: 4, arbitrary: fc.record({ idempotencyKey: maybe(fc.uuid()), lines: maybe(fc.array(line(maybe(photoUrls)), { minLength: 1, maxLength: 3 })), resolution }) },
  { weight: 1, arbitrary: junk },
);
const previewBody = () => fc.oneof(
  { weight: 4, arbitrary: fc.record({ lines: maybe(fc.array(line(maybe(fc.integer({ min: -1, max: 25 }))), { minLength: 1, maxLength: 3 })), resolution }) },
  { weight: 1, arbitrary: junk },
);
const uploadBody = fc.oneof(
  fc.record({ filename: maybe(fc.oneof(fc.string({ maxLength: 300 }), fc.constantFrom("a.jpg", "../../etc/passwd", "a\\b.png"))), mimeType: maybe(fc.constantFrom("image/jpeg", "image/png", "text/html", "application/x-sh")), fileSize: maybe(fc.integer({ min: -5, max: 30 * 1024 * 1024 })) }, { requiredKeys: [] }),
  junk,
);
// Bodies that are not JSON (or are JSON of the wrong kind) as raw text.
const rawText = fc.oneof(fc.string({ maxLength: 200 }), fc.constantFrom("{", "[", "{\"lines\":", "null", "1", "\"x\"", "[]", "{\"__proto__\":{\"admin\":true}}", "\uFEFF{}"));
const asJson = (v: unknown) => JSON.stringify(v) ?? "null";

const params = () => ({ seed: fuzzSeed(), numRuns: 1 });
function runs(share: number) {
  const n = fuzzRuns(share);
  // calls that reach Shopify take tens of ms, more when the stand-in's rate limit backs them off
  return { ...params(), numRuns: n, timeout: timeoutFor(n, 250) };
}

describe("shopper API under hostile input: never a 5xx, refusals name the problem", () => {
  const submitRuns = runs(0.15);
  it(`submit: ${submitRuns.numRuns} generated bodies and order ids`, async () => {
    await fc.assert(
      fc.asyncProperty(orderIds(), submitBody(), async (orderId, body) => {
        await expectHandled(await call(r.returnsAction, `/api/customer/orders/x/returns`, { body: asJson(body) }, { orderId }), `submit ${orderId}`);
      }),
      { seed: submitRuns.seed, numRuns: submitRuns.numRuns },
    );
  }, submitRuns.timeout);

  const previewRuns = runs(0.15);
  it(`preview: ${previewRuns.numRuns} generated bodies and order ids`, async () => {
    await fc.assert(
      fc.asyncProperty(orderIds(), previewBody(), async (orderId, body) => {
        await expectHandled(await call(r.previewAction, `/api/customer/orders/x/returns/preview`, { body: asJson(body) }, { orderId }), `preview ${orderId}`);
      }),
      { seed: previewRuns.seed, numRuns: previewRuns.numRuns },
    );
  }, previewRuns.timeout);

  const rawRuns = runs(0.05);
  it(`raw bodies that are not the JSON asked for: ${rawRuns.numRuns} runs over submit, preview and uploads`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom("returnsAction", "previewAction", "uploadsAction") as fc.Arbitrary<"returnsAction" | "previewAction" | "uploadsAction">, rawText, async (route, text) => {
        const res = await call(r[route], `/api/customer/fuzz`, { body: text }, { orderId: alexOrders[0]!.id });
        await expectHandled(res, `${route} ${JSON.stringify(text)}`);
      }),
      { seed: rawRuns.seed, numRuns: rawRuns.numRuns },
    );
  }, rawRuns.timeout);

  const miscRuns = runs(0.1);
  it(`overview, cancel and uploads: ${miscRuns.numRuns} generated ids and bodies`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(5), orderIds(), fc.oneof(fc.string({ maxLength: 100 }), fc.constantFrom("", "cm00000000000000000000000", "' OR 1=1 --")), uploadBody, async (pick, orderId, requestId, upload) => {
        // overview reads the order from Shopify (slow): one run in six
        if (pick === 0) await expectHandled(await call(r.returnsLoader, `/api/customer/orders/x/returns`, { method: "GET" }, { orderId }), `overview ${orderId}`);
        else if (pick % 2 === 1) await expectHandled(await call(r.cancelAction, `/api/customer/returns/x/cancel`, { body: "{}" }, { requestId }), `cancel ${requestId}`);
        else await expectHandled(await call(r.uploadsAction, `/api/customer/uploads`, { body: asJson(upload) }, {}), `upload ${asJson(upload)}`);
      }),
      { seed: miscRuns.seed, numRuns: miscRuns.numRuns },
    );
  }, miscRuns.timeout);

  const authRuns = runs(0.05);
  it(`${authRuns.numRuns} generated Authorization headers: 401 with a JSON error, nothing written`, async () => {
    const before = await db.prisma.returnRequest.count();
    const token = standin.mintCustomerSessionToken({ customerId: ALEX });
    const [h, p] = token.split(".") as [string, string];
    const authArb = fc.oneof(
      fc.string({ maxLength: 300 }).map((s) => `Bearer ${s}`),
      fc.string({ maxLength: 100 }),
      fc.base64String({ maxLength: 120 }).map((s) => `Bearer ${h}.${p}.${s}`),
      fc.json({ maxDepth: 2 }).map((j) => `Bearer ${h}.${Buffer.from(j).toString("base64url")}.${token.split(".")[2]}`),
      fc.constantFrom("Bearer", "Bearer ", "Basic YTpi", `Bearer ${h}.${p}.`, `Bearer ${Buffer.from('{"alg":"none"}').toString("base64url")}.${p}.`),
    );
    await fc.assert(
      fc.asyncProperty(authArb, async (auth) => {
        const res = await call(r.returnsAction, `/api/customer/orders/x/returns`, { body: "{}", auth }, { orderId: alexOrders[0]!.id });
        expect(res.status, auth).toBe(401);
        await expectHandled(res, auth);
      }),
      { seed: authRuns.seed, numRuns: authRuns.numRuns },
    );
    expect(await db.prisma.returnRequest.count()).toBe(before);
  }, authRuns.timeout);

  it("regression (was a 500): when Shopify keeps throttling the order read, the answer is 429 busy with Retry-After", async () => {
    standin.faults.inject({ operationName: "OrderSnapshot", kind: "throttle", times: 50 });
    try {
      const res = await call(r.returnsLoader, `/api/customer/orders/x/returns`, { method: "GET" }, { orderId: alexOrders[0]!.id });
      expect(res.status).toBe(429);
      expect(res.headers.get("Retry-After")).toBe("5");
      expect(res.headers.get("Access-Control-Expose-Headers")).toMatch(/Retry-After/);
      expect(res.headers.get("Access-Control-Allow-Origin")).toBe("*");
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe("busy");
    } finally {
      await fetch(`${standin.url}/_standin/faults`, { method: "DELETE" });
    }
  }, 60_000);

  it("the generated inputs reached past validation: created requests, business refusals and ownership 404s were all seen", () => {
    const statuses = [...seen.keys()];
    expect(statuses.some((k) => k.startsWith("201 ") || k.startsWith("200 "))).toBe(true);
    expect(statuses).toEqual(expect.arrayContaining(["400 invalid", "401 unauthorized", "404 not_found"]));
  });
});
