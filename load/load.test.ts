/**
 * The load proof, small and in the suite: two app instances (remix-serve of build/ twice, same env and
 * DATABASE_URL) on one PostgreSQL schema, one stand-in behind a counting proxy.
 *  - 12 concurrent staff approve-then-refund calls on one request through the staff route on both
 *    instances (real admin session tokens): Shopify sees one returnApproveRequest and one returnProcess.
 *  - 40 concurrent shopper submissions over 5 orders through the shopper API on both instances, 2 keys
 *    per order: no key gives two requests, no duplicate Shopify Return, no unit asked twice.
 *  - staff approve, receive and refund two more (original payment, store credit); then "Check now": the
 *    reconciliation job checks every request with a Shopify Return and finds 0 drift (issue 14).
 * The full-size run is `npm run load` (50 staff calls, 200 submissions over 20 orders).
 * SQLite: skipped - two processes sharing a SQLite file is not how the app is deployed.
 */
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parsePostgresUrl, providerForUrl } from "~/db/url";
import { startCluster, type Cluster } from "./cluster";
import { findCandidates, install, reconcileAll, reconciliationLine, shopperStorm, staffLifecycle, staffRace, stormLine, type Candidate } from "./scenarios";

const onPostgres = providerForUrl(process.env.DATABASE_URL) === "postgresql";
if (!onPostgres) console.log("load/load.test.ts skipped: two app instances on one database need DATABASE_URL=postgresql://...");

describe.skipIf(!onPostgres)("two app instances on one PostgreSQL under concurrent load", () => {
  let cluster: Cluster;
  let schema = "";
  let connectionString = "";
  let candidates: Candidate[] = [];

  beforeAll(async () => {
    connectionString = parsePostgresUrl(process.env.DATABASE_URL!).connectionString;
    schema = `load_${randomBytes(5).toString("hex")}`;
    const u = new URL(connectionString);
    u.searchParams.set("schema", schema);
    cluster = await startCluster({ databaseUrl: u.toString() });
    await install(cluster);
    candidates = await findCandidates(cluster, 8);
    expect(candidates.length).toBe(8);
  }, 300_000);

  afterAll(async () => {
    await cluster?.close();
    if (schema) {
      const c = new pg.Client({ connectionString });
      await c.connect();
      await c.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await c.end();
    }
  });

  it("12 concurrent approve-and-refund calls on one request: one approval and one refund at Shopify", { timeout: 120_000 }, async () => {
    const r = await staffRace(cluster, { calls: 12, candidate: candidates[5]! });
    expect(r.violations).toEqual([]);
    expect(r.approvalsSent).toBe(1);
    expect(r.returnProcessSent).toBe(1);
    expect(r.refundsAtShopify).toBe(1);
    expect(r.finalStatus).toBe("refunded");
  });

  it("40 concurrent submissions over 5 orders, 2 keys per order: no duplicate request or Shopify Return", { timeout: 180_000 }, async () => {
    const r = await shopperStorm(cluster, { orders: 5, submissions: 40, candidates: candidates.slice(0, 5) });
    expect(r.violations).toEqual([]);
    // Every shopper got a definitive answer: none busy or in progress (issue 16), no duplicate Return.
    expect({ busy: r.busy, inProgress: r.inProgress, duplicateReturns: r.duplicateReturns, withoutReturn: r.withoutReturn }).toEqual({ busy: 0, inProgress: 0, duplicateReturns: 0, withoutReturn: 0 });
    console.log(stormLine(r));
    // Every stored request has its Shopify Return: no request for a unit another key holds.
    expect(r.shopifyReturns).toBe(r.requestsStored);
    expect(r.shopifyReturns).toBeGreaterThanOrEqual(5);
  });

  it("after the race and the storm, staff refund one and credit one more; every request's money matches Shopify's books", { timeout: 180_000 }, async () => {
    const life = await staffLifecycle(cluster, { candidates: candidates.slice(6, 8) });
    expect(life.violations).toEqual([]);
    // the load policy gives +10% store credit: the credited one carries its bonus, which the reconciliation reads
    expect({ refunded: life.refunded, credited: life.credited, bonuses: life.bonuses }).toEqual({ refunded: 1, credited: 1, bonuses: 1 });
    const money = await reconcileAll(cluster);
    console.log(reconciliationLine(money));
    expect(money.violations).toEqual([]);
    // the race's request, the storm's and these two: all checked, none differs, none missing at Shopify
    expect(money.checked).toBe(money.withReturn);
    expect(money.checked).toBeGreaterThanOrEqual(8);
    expect({ drifted: money.drifted, missing: money.missing }).toEqual({ drifted: 0, missing: 0 });
  });
});
