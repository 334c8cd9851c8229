/**
 * Webhook -> job hand-off through the real handleWebhook (HMAC verified by the library): the answer
 * comes before any processing, one job per webhook id however often Shopify delivers it, the delivery
 * is marked processed by the job, a failing job marks it failed and is retried by the queue, and a
 * started worker (as in the app server) runs the job on its own. SQLite, or pg-boss on PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "~/db/test-db";
import { configureAppUnderTest } from "~/test/app-under-test";
import { signedWebhookRequest } from "~/test/session-token";
import { drainJobs, startJobWorker, stopJobQueue } from "./index";
import { registerWebhookJob, type WebhookWork } from "~/webhooks/registry.server";

const SECRET = "handoff-secret";
const APP_URL = "https://handoff.example";
const SHOP = "handoff.myshopify.com";

let db: TestDatabase;
let handleWebhook: typeof import("~/webhooks/handle.server").handleWebhook;
const calls: WebhookWork[] = [];
let failNext = 0;
let gate: Promise<void> | null = null;

beforeAll(async () => {
  db = await createTestDatabase();
  configureAppUnderTest({ apiKey: "handoff-key", apiSecret: SECRET, appUrl: APP_URL, databaseUrl: db.url });
  ({ handleWebhook } = await import("~/webhooks/handle.server"));
  registerWebhookJob("ORDERS_CREATE", async (work) => {
    if (gate) await gate;
    calls.push(work);
    if (failNext > 0) {
      failNext--;
      throw new Error("downstream unavailable");
    }
  });
});

afterAll(async () => {
  await stopJobQueue();
  await db?.cleanup();
});

const deliver = (webhookId: string, body: unknown = { id: 1 }) =>
  handleWebhook(
    signedWebhookRequest({ url: `${APP_URL}/webhooks/orders/create`, secret: SECRET, shop: SHOP, topic: "orders/create", body, webhookId }),
    ["ORDERS_CREATE"],
  );
const delivery = (webhookId: string) => db.prisma.webhookDelivery.findFirst({ where: { shop: SHOP, webhookId } });

describe("webhook hand-off to the job queue", () => {
  it("answers 200 before any processing; repeated deliveries queue one job; the job marks the delivery processed", async () => {
    const responses = await Promise.all([deliver("wh-1", { id: 42 }), deliver("wh-1", { id: 42 })]);
    responses.push(await deliver("wh-1", { id: 42 }));
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(calls).toHaveLength(0); // nothing ran in the request
    expect(await delivery("wh-1")).toMatchObject({ status: "received", topic: "ORDERS_CREATE" });
    expect(await drainJobs()).toBe(1);
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ shop: SHOP, topic: "ORDERS_CREATE", webhookId: "wh-1", payload: { id: 42 } });
    expect(await delivery("wh-1")).toMatchObject({ status: "processed" });
    // redelivered after processing: acknowledged, nothing queued
    expect((await deliver("wh-1")).status).toBe(200);
    expect(await drainJobs()).toBe(0);
    expect(calls).toHaveLength(1);
  });

  it("a failing job marks the delivery failed and stays queued for a retry (not lost, not duplicated)", async () => {
    failNext = 1;
    expect((await deliver("wh-2")).status).toBe(200);
    expect(await drainJobs()).toBe(1);
    expect(await delivery("wh-2")).toMatchObject({ status: "failed", error: "downstream unavailable" });
    // the retry waits for its backoff; Shopify's own redelivery meanwhile adds no second job
    expect((await deliver("wh-2")).status).toBe(200);
    expect(await drainJobs()).toBe(0);
    expect(calls.filter((c) => c.webhookId === "wh-2")).toHaveLength(1);
  });

  it("a started worker (as in the app server) runs queued webhook jobs on its own", async () => {
    let release!: () => void;
    gate = new Promise<void>((r) => (release = r));
    await startJobWorker();
    // the handler is blocked, yet the delivery is answered
    expect((await deliver("wh-3")).status).toBe(200);
    release();
    gate = null;
    for (let i = 0; i < 200 && (await delivery("wh-3"))?.status !== "processed"; i++) await new Promise((r) => setTimeout(r, 50));
    expect(await delivery("wh-3")).toMatchObject({ status: "processed" });
    expect(calls.filter((c) => c.webhookId === "wh-3")).toHaveLength(1);
  });
});
