/**
 * A shopper's submission is exactly once across a crash at any point, with real processes: a child
 * process runs the submit service against the in-process stand-in and is SIGKILLed at a chosen point;
 * then the same idempotency key is replayed after the ledger's lease (the shopper retrying, or the
 * durable "shopper.open-return" job), and the `returns/request` webhook the stand-in emitted for the
 * Return is delivered, in either order. Each time: one Shopify Return on the order, one request in the
 * app, owning it. On the database DATABASE_URL names (SQLite by default, PostgreSQL when it says so).
 */
import { spawn, type ChildProcess } from "node:child_process";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRepos } from "~/db";
import { createTestDatabase, type TestDatabase } from "~/db/test-db";
import { getPreset } from "~/returns";
import { AdminClient, offlineTransport } from "~/shopify/admin-client";
import { processReturnWebhook } from "~/webhooks/returns-lifecycle";
import { startStandin, tomlScopes, type Standin, type OrderRec } from "../../../standin";
import type { ShopperDeps } from "./context";
import { previewReturn } from "./preview";
import type { SubmitBody } from "./schemas";
import { openReturnLater, submitReturnRequest } from "./submit";

const FIXTURE = path.join(import.meta.dirname, "submit-crash.fixture.ts");
const API_KEY = "submit-crash-key";
const SECRET = "submit-crash-secret-0123456789";
const TOKEN = "shpat_submit_crash";
const ALL_CONDITIONS = ["unused", "tags_attached", "original_packaging"] as SubmitBody["lines"][number]["conditions"];
/** The replay comes after the submit ledger's 60 s lease has run out (its holder is dead). */
const AFTER_THE_LEASE_MS = 5 * 60_000;

let db: TestDatabase;
let standin: Standin;
let receiver: http.Server;
/** returns/request bodies the stand-in delivered, by Return gid */
const delivered = new Map<string, Record<string, unknown>>();
const children: ChildProcess[] = [];
const used = new Set<string>();

beforeAll(async () => {
  db = await createTestDatabase();
  receiver = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as Record<string, unknown>;
      if (req.headers["x-shopify-topic"] === "returns/request") delivered.set(String(body.admin_graphql_api_id), body);
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((ok) => receiver.listen(0, "127.0.0.1", ok));
  const hook = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/webhooks`;
  standin = await startStandin({ apiKey: API_KEY, apiSecret: SECRET, seed: "demo", webhooks: [{ topic: "returns/request", uri: hook }] });
  standin.grantOfflineToken({ token: TOKEN, scope: tomlScopes() });
  const manual = { ...getPreset("standard-30-day")!, approval: { mode: "manual" as const } };
  await createRepos(db.prisma).policies.saveNewVersion(standin.shop, { policy: manual, presetId: "standard-30-day", createdBy: "test", now: new Date("2020-01-01T00:00:00Z") });
}, 60_000);

afterAll(async () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill("SIGKILL");
  await standin?.close();
  await new Promise<void>((ok) => (receiver ? receiver.close(() => ok()) : ok()));
  await db?.cleanup();
});

/** An Admin client on the stand-in that counts the returnRequest mutations it sends. */
function countingAdmin(): { admin: AdminClient; sent: () => number; calls: () => number } {
  const inner = offlineTransport({ shop: standin.shop, accessToken: TOKEN, env: { SHOPIFY_ADMIN_ORIGIN: standin.url } });
  let sent = 0;
  let calls = 0;
  const admin = new AdminClient(async (query, variables) => {
    calls++;
    if (/mutation ReturnRequest\b/.test(query)) sent++;
    return inner(query, variables);
  });
  return { admin, sent: () => sent, calls: () => calls };
}

/** The app a few minutes after the crash: another process on the same database. */
function later(admin: AdminClient): ShopperDeps {
  return { repos: createRepos(db.prisma), admin, now: () => new Date(Date.now() + AFTER_THE_LEASE_MS) };
}

/** A customer's fulfilled order, untouched by other tests, with a line of `units` units the policy takes one of back. */
async function orderWithLine(units: 1 | 2): Promise<{ order: OrderRec; lineItemId: string; customerId: string }> {
  const { admin } = countingAdmin();
  for (const o of standin.store.orders.values()) {
    if (used.has(o.id) || !o.customerId || o.returnIds.length > 0 || o.refundIds.length > 0) continue;
    for (const l of o.lineItems) {
      if (l.isGiftCard || (units === 1 ? l.quantity !== 1 : l.quantity < 2)) continue;
      const who = { shop: standin.shop, customerId: o.customerId, locale: "en" as const };
      const lines = [{ lineItemId: l.id, quantity: 1, reason: "UNWANTED" as const, conditions: ALL_CONDITIONS, photos: 0, note: "" }];
      const verdict = await previewReturn({ repos: createRepos(db.prisma), admin, now: () => new Date() }, who, o.id, { lines }).catch(() => null);
      if (verdict?.eligible) {
        used.add(o.id);
        return { order: o, lineItemId: l.id, customerId: o.customerId };
      }
    }
  }
  throw new Error(`no unused seeded order with an eligible ${units}-unit line`);
}

interface Crashed {
  orderId: string;
  customerId: string;
  body: SubmitBody;
  who: { shop: string; customerId: string; locale: "en" };
}

/**
 * Runs a submission in a child process and SIGKILLs it when `killWhen` resolves (given the child's
 * stdout lines so far).
 */
async function crashSubmit(units: 1 | 2, opts: { hang?: string; killWhen: (lines: string[], orderId: string) => Promise<void> }): Promise<Crashed> {
  const { order, lineItemId, customerId } = await orderWithLine(units);
  const body: SubmitBody = {
    idempotencyKey: randomUUID(),
    lines: [{ lineItemId, quantity: 1, reason: "UNWANTED", conditions: ALL_CONDITIONS, photos: [], note: "Too small" }],
    resolution: "refund",
  };
  const child = spawn(process.execPath, ["--import", "tsx", FIXTURE], {
    cwd: process.cwd(),
    env: {
      ...process.env,
      DATABASE_URL: db.url,
      SHOPIFY_ADMIN_ORIGIN: standin.url,
      SHOP: standin.shop,
      ACCESS_TOKEN: TOKEN,
      CUSTOMER: customerId,
      ORDER: order.id,
      BODY: JSON.stringify(body),
      HANG: opts.hang ?? "",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  const lines: string[] = [];
  let err = "";
  child.stdout!.on("data", (d: Buffer) => lines.push(...d.toString().split("\n").filter(Boolean)));
  child.stderr!.on("data", (d: Buffer) => (err += d.toString()));
  const exited = new Promise<never>((_, reject) =>
    child.once("exit", (code, signal) => reject(new Error(`submit process exited (${code ?? signal}) before the kill point: ${lines.join(" | ")} ${err.slice(-2000)}`))),
  );
  await Promise.race([opts.killWhen(lines, order.id), exited]);
  child.kill("SIGKILL");
  await new Promise((r) => (child.exitCode !== null || child.signalCode !== null ? r(null) : child.once("exit", r)));
  return { orderId: order.id, customerId, body, who: { shop: standin.shop, customerId, locale: "en" } };
}

async function until(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const printed = (lines: string[], line: string) => until(() => lines.includes(line), `the submit process to print "${line}"`);
const shopifyReturns = (orderId: string) => standin.store.orders.get(orderId)!.returnIds.map((id) => standin.store.returns.get(id)!);
const appRequests = (orderId: string) => createRepos(db.prisma).returnRequests.listForOrder(standin.shop, orderId);
const ledgerOf = (requestId: string) => createRepos(db.prisma).operations.get(standin.shop, `shopper:returnRequest:${requestId}`);

/** Killed after Shopify applied returnRequest and before any answer reached the app. */
async function crashAfterShopifyApplied(units: 1 | 2): Promise<Crashed & { returnId: string }> {
  standin.faults.inject({ operationName: "ReturnRequest", kind: "lostAnswer" });
  let returnId = "";
  const crashed = await crashSubmit(units, {
    killWhen: async (lines, orderId) => {
      await printed(lines, "ready");
      // the stand-in's returns/request webhook says the Return exists
      await until(() => {
        returnId = standin.store.orders.get(orderId)!.returnIds.find((id) => delivered.has(id)) ?? "";
        return returnId !== "";
      }, "Shopify to apply returnRequest");
    },
  });
  expect(shopifyReturns(crashed.orderId).map((r) => r.id)).toEqual([returnId]);
  const [request, ...others] = await appRequests(crashed.orderId);
  expect(others).toHaveLength(0);
  expect(request).toMatchObject({ shopifyReturnId: null, source: "app" });
  expect(await ledgerOf(request!.id)).toMatchObject({ status: "pending", attempts: 1 }); // its owner died holding it
  return { ...crashed, returnId };
}

async function deliverWebhook(returnId: string) {
  const { admin } = countingAdmin();
  const payload = delivered.get(returnId);
  expect(payload).toBeDefined();
  return processReturnWebhook({ db: db.prisma, admin, now: () => new Date(Date.now() + AFTER_THE_LEASE_MS) }, standin.shop, "returns/request", payload!);
}

async function expectExactlyOnce(orderId: string, returnId: string, key: string) {
  expect(shopifyReturns(orderId).map((r) => r.id)).toEqual([returnId]);
  const requests = await appRequests(orderId);
  expect(requests).toHaveLength(1);
  expect(requests[0]).toMatchObject({ idempotencyKey: key, source: "app", shopifyReturnId: returnId, status: "requested", lastError: null });
  expect(await ledgerOf(requests[0]!.id)).toMatchObject({ status: "succeeded", result: { returnId } });
}

describe("submit crash safety", () => {
  for (const units of [1, 2] as const) {
    it(`killed after Shopify applied returnRequest (${units}-unit line): the replay adopts the Return, then its webhook changes nothing`, async () => {
      const c = await crashAfterShopifyApplied(units);
      const { admin, sent } = countingAdmin();
      const replayed = await submitReturnRequest(later(admin), c.who, c.orderId, c.body);
      expect(replayed.created).toBe(false);
      expect(sent()).toBe(0);
      await expectExactlyOnce(c.orderId, c.returnId, c.body.idempotencyKey);
      expect(await deliverWebhook(c.returnId)).toMatchObject({ outcome: "unchanged", requestId: replayed.request.id });
      await expectExactlyOnce(c.orderId, c.returnId, c.body.idempotencyKey);
    }, 90_000);

    it(`killed after Shopify applied returnRequest (${units}-unit line): its webhook adopts the Return into the request, then the replay answers from the database`, async () => {
      const c = await crashAfterShopifyApplied(units);
      const [request] = await appRequests(c.orderId);
      expect(await deliverWebhook(c.returnId)).toMatchObject({ outcome: "adopted", requestId: request!.id });
      await expectExactlyOnce(c.orderId, c.returnId, c.body.idempotencyKey);
      const events = await createRepos(db.prisma).events.listForRequest(standin.shop, request!.id);
      expect(events.map((e) => [e.type, e.actor])).toEqual([
        ["requested", `customer:${c.customerId}`],
        ["shopify_return_adopted", "webhook"],
      ]);
      const { admin, calls } = countingAdmin();
      const replayed = await submitReturnRequest(later(admin), c.who, c.orderId, c.body);
      expect(replayed).toMatchObject({ created: false, request: { id: request!.id } });
      expect(calls()).toBe(0);
      await expectExactlyOnce(c.orderId, c.returnId, c.body.idempotencyKey);
    }, 90_000);
  }

  it("killed after Shopify applied returnRequest: the durable open-return job adopts the Return instead of sending another", async () => {
    const c = await crashAfterShopifyApplied(2);
    const [request] = await appRequests(c.orderId);
    const { admin, sent } = countingAdmin();
    await openReturnLater(later(admin), standin.shop, request!.id);
    await openReturnLater(later(admin), standin.shop, request!.id); // at least once: run it twice
    expect(sent()).toBe(0);
    await expectExactlyOnce(c.orderId, c.returnId, c.body.idempotencyKey);
    expect(await deliverWebhook(c.returnId)).toMatchObject({ outcome: "unchanged" });
  }, 90_000);

  it("killed before returnRequest left: the replay after the lease sends it exactly once", async () => {
    const c = await crashSubmit(1, { hang: "before-send", killWhen: (lines) => printed(lines, "sending returnRequest") });
    expect(shopifyReturns(c.orderId)).toHaveLength(0);
    const [request] = await appRequests(c.orderId);
    expect(await ledgerOf(request!.id)).toMatchObject({ status: "pending", attempts: 1 });
    const { admin, sent } = countingAdmin();
    const replayed = await submitReturnRequest(later(admin), c.who, c.orderId, c.body);
    expect(replayed).toMatchObject({ created: false, request: { id: request!.id } });
    expect(sent()).toBe(1);
    const [ret] = shopifyReturns(c.orderId);
    expect(ret).toBeDefined();
    await expectExactlyOnce(c.orderId, ret!.id, c.body.idempotencyKey);
    await until(() => delivered.has(ret!.id), "the returns/request webhook");
    expect(await deliverWebhook(ret!.id)).toMatchObject({ outcome: "unchanged" });
    await expectExactlyOnce(c.orderId, ret!.id, c.body.idempotencyKey);
  }, 90_000);

  it("killed after the ledger recorded Shopify's answer, before the request did: the webhook and the replay complete it from the ledger", async () => {
    const c = await crashSubmit(1, { hang: "ledger-recorded", killWhen: (lines) => printed(lines, "ledger recorded") });
    const [ret] = shopifyReturns(c.orderId);
    const [request] = await appRequests(c.orderId);
    expect(request).toMatchObject({ shopifyReturnId: null });
    expect(await ledgerOf(request!.id)).toMatchObject({ status: "succeeded", result: { returnId: ret!.id } });
    await until(() => delivered.has(ret!.id), "the returns/request webhook");
    expect(await deliverWebhook(ret!.id)).toMatchObject({ outcome: "adopted", requestId: request!.id });
    await expectExactlyOnce(c.orderId, ret!.id, c.body.idempotencyKey);
    const { admin, calls } = countingAdmin();
    expect(await submitReturnRequest(later(admin), c.who, c.orderId, c.body)).toMatchObject({ created: false, request: { id: request!.id } });
    expect(calls()).toBe(0);
    await expectExactlyOnce(c.orderId, ret!.id, c.body.idempotencyKey);
  }, 90_000);

  it("killed after the answer was recorded: the replay answers from the database and calls Shopify not at all", async () => {
    const c = await crashSubmit(2, { hang: "after-submit", killWhen: (lines) => until(() => lines.some((l) => l.startsWith("submitted ")), "the submit to answer") });
    const [ret] = shopifyReturns(c.orderId);
    const [request] = await appRequests(c.orderId);
    await expectExactlyOnce(c.orderId, ret!.id, c.body.idempotencyKey);
    const { admin, calls } = countingAdmin();
    expect(await submitReturnRequest(later(admin), c.who, c.orderId, c.body)).toMatchObject({ created: false, request: { id: request!.id } });
    expect(calls()).toBe(0);
    await until(() => delivered.has(ret!.id), "the returns/request webhook");
    expect(await deliverWebhook(ret!.id)).toMatchObject({ outcome: "unchanged" });
    await expectExactlyOnce(c.orderId, ret!.id, c.body.idempotencyKey);
  }, 90_000);
});
