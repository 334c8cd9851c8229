/**
 * Decision 190: blocking by e-mail domain. The customer's e-mail is protected customer data level 2
 * (https://shopify.dev/docs/apps/launch/protected-customer-data): the order read asks for it only when the
 * app is approved for e-mail and a policy of the shop blocks a domain; only the domain is kept. A request
 * from a blocked domain is held exactly like a blocked customer. Against the in-process stand-in approved
 * for e-mail ("level1+email"), on SQLite; every Admin API call and its variables recorded at the transport.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestDatabase } from "~/db/test-db";
import { createRepos } from "~/db";
import { AdminClient, offlineTransport } from "~/shopify/admin-client";
import { getOverview, submitReturnRequest, type ShopperDeps } from "~/services/shopper";
import type { SubmitBody } from "~/services/shopper/schemas";
import { getPreset } from "~/returns";
import { type Standin, type OrderRec } from "../../../standin";
import { startInstalledApp } from "~/test/installed-app";
import { testAppCredentials } from "~/test/app-under-test";

const { apiKey: API_KEY, apiSecret: SECRET, appUrl: APP_URL } = testAppCredentials("email-domain");
const CONDITIONS = ["unused", "tags_attached", "original_packaging"];

let db: TestDatabase;
let standin: Standin;
const calls: { op: string; vars: Record<string, unknown> }[] = [];
let admin: AdminClient;

beforeAll(async () => {
  ({ db, standin } = await startInstalledApp({ apiKey: API_KEY, apiSecret: SECRET, appUrl: APP_URL, scopes: "read_orders,read_customers,write_returns,write_files", standin: { customerData: "level1+email" } }));
  // the shop's one policy (it judges every seeded order): approve what meets it, block e-mail at example.com
  const policy = { ...getPreset("standard-30-day")!, approval: { mode: "auto_approve_eligible" as const }, history: { blocklist: { customers: [], emailDomains: ["Example.com"] } } };
  await createRepos(db.prisma).policies.saveNewVersion(standin.shop, { policy, presetId: null, createdBy: "test", now: new Date() });
  const session = await db.prisma.session.findFirstOrThrow({ where: { id: `offline_${standin.shop}` } });
  const transport = offlineTransport({ shop: standin.shop, accessToken: session.accessToken!, env: { SHOPIFY_ADMIN_ORIGIN: standin.url } });
  admin = new AdminClient(
    async (doc, vars) => {
      calls.push({ op: /(?:query|mutation)\s+(\w+)/.exec(doc)?.[1] ?? "?", vars: (vars ?? {}) as Record<string, unknown> });
      return transport(doc, vars);
    },
    { sleep: async () => {} },
  );
}, 60_000);

afterAll(async () => {
  await standin?.close();
  await db?.cleanup();
});

const hasProduct = (o: OrderRec, n: number) => o.lineItems.some((l) => l.productId === `gid://shopify/Product/${n}`);
const lineOf = (o: OrderRec, n: number) => o.lineItems.find((l) => l.productId === `gid://shopify/Product/${n}`)!.id;
const taken = new Set<string>();
/** A seeded order whose floor mats (103) the shopper may still return, each taken once. */
async function freshOrder(): Promise<OrderRec> {
  for (const o of standin.store.orders.values()) {
    if (o.customerId === null || !hasProduct(o, 103) || o.returnIds.length > 0 || taken.has(o.id)) continue;
    taken.add(o.id);
    const seen = await getOverview(deps(), whoOf(o), o.id).catch(() => null);
    if (seen?.canRequest && seen.lines.find((l) => l.lineItemId === lineOf(o, 103))!.quantityLeft > 0) return o;
  }
  throw new Error("no seeded order left");
}
const bodyFor = (o: OrderRec): SubmitBody => ({
  idempotencyKey: randomUUID(),
  lines: [{ lineItemId: lineOf(o, 103), quantity: 1, reason: "UNWANTED", conditions: CONDITIONS as SubmitBody["lines"][number]["conditions"], photos: [], note: "" }],
  resolution: "refund",
});
const deps = (over: Partial<ShopperDeps> = {}): ShopperDeps => ({ repos: createRepos(db.prisma), admin, now: () => new Date(), ...over });
const whoOf = (o: OrderRec) => ({ shop: standin.shop, customerId: o.customerId!, locale: "en" as const });

async function submitted(o: OrderRec, over: Partial<ShopperDeps> = {}) {
  calls.length = 0;
  const { request } = await submitReturnRequest(deps(over), whoOf(o), o.id, bodyFor(o));
  const row = await db.prisma.returnRequest.findFirstOrThrow({ where: { id: request.id } });
  const snapshotCalls = calls.filter((c) => c.op === "OrderSnapshot");
  return { request, verdict: JSON.parse(row.verdict!) as { decision: string; screening?: { outcome: string; findings: { code: string }[]; history: { emailDomain: string | null } | null } }, snapshotCalls };
}

describe("blocking by e-mail domain", () => {
  it("approved for e-mail: the read asks for it, a request from a blocked domain is held for staff, and only the domain is kept", async () => {
    const o = await freshOrder();
    const email = standin.store.customers.get(o.customerId!)!.email!;
    expect(email).toMatch(/@example\.com$/);
    // the overview's read kept the facts without the e-mail: the submission reads the order again, asking for it
    const { request, verdict, snapshotCalls } = await submitted(o, { customerFields: new Set(["email"]) });
    expect(snapshotCalls.length).toBeGreaterThan(0);
    expect(snapshotCalls[0]!.vars.withEmail).toBe(true);
    expect(verdict.screening).toMatchObject({ outcome: "blocked", findings: [{ code: "BLOCKED_EMAIL_DOMAIN" }], history: { emailDomain: "example.com" } });
    // held: not approved automatically, staff decide (with the same override as a blocked customer)
    expect(verdict.decision).toBe("review");
    expect(request.status).toBe("requested");
    // the address is kept nowhere: the order's facts and the request hold the domain only
    const facts = await db.prisma.orderFacts.findFirstOrThrow({ where: { orderId: o.id } });
    expect(facts.facts).toContain(`"customerEmailDomain":"example.com"`);
    const stored = JSON.stringify(await db.prisma.returnRequest.findMany({ include: { lines: true, events: true } }), (_k, v: unknown) => (typeof v === "bigint" ? String(v) : v));
    expect(stored + facts.facts).not.toContain(email);
  });

  it("approved, another domain: asked for and not blocked", async () => {
    const o = await freshOrder();
    standin.store.customers.get(o.customerId!)!.email = "someone@Elsewhere.test";
    const { verdict, snapshotCalls } = await submitted(o, { customerFields: new Set(["email"]) });
    expect(snapshotCalls[0]!.vars.withEmail).toBe(true);
    expect(verdict.screening).toMatchObject({ outcome: "clear", history: { emailDomain: "elsewhere.test" } });
    expect(verdict.decision).not.toBe("review");
  });

  it("not approved for e-mail: the read never asks for it, and the domain rule matches no one (the editor says so)", async () => {
    const o = await freshOrder();
    const { verdict } = await submitted(o);
    const all = calls.filter((c) => c.op === "OrderSnapshot");
    expect(all.every((c) => !c.vars.withEmail)).toBe(true);
    expect(verdict.screening?.outcome ?? "clear").toBe("clear");
  });
});
