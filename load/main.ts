// `npm run load`: two app instances on one database, one stand-in. Prints the counts of the staff race
// (50 concurrent approve-and-refund calls on one request), the shopper storm (200 concurrent submissions
// over 20 orders), a staff lifecycle (approve, receive, refund or store credit on 6 more requests) and the
// money reconciliation over every request the run made (issue 14: 0 drift, or the run fails).
//   DATABASE_URL=postgresql://postgres@127.0.0.1:5432/test npm run load [-- --staff 50 --submissions 200 --orders 20 --lifecycle 6]
//     production's shape: a fresh schema is made and dropped
//   npm run load    (DATABASE_URL unset or file:...) both instances on one fresh SQLite file in the temp
//     directory, deleted after: the Job table's claims hold across processes; a single-host deployment
import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { parsePostgresUrl, providerForUrl } from "../app/db/url";
import { startCluster } from "./cluster";
import { findCandidates, install, reconcileAll, reconciliationLine, shopperStorm, staffLifecycle, staffRace, stormLine } from "./scenarios";

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

/** The run's own database (a fresh PostgreSQL schema, or a fresh SQLite file) and how to drop it. */
function runDatabase(base: string | undefined): { url: string; engine: string; drop: () => Promise<void> } {
  const name = `load_${randomBytes(5).toString("hex")}`;
  if (providerForUrl(base) === "postgresql") {
    const { connectionString } = parsePostgresUrl(base!);
    const u = new URL(connectionString);
    u.searchParams.set("schema", name);
    return {
      url: u.toString(),
      engine: `PostgreSQL (schema ${name})`,
      async drop() {
        const c = new pg.Client({ connectionString });
        await c.connect();
        await c.query(`DROP SCHEMA IF EXISTS "${name}" CASCADE`);
        await c.end();
      },
    };
  }
  const file = join(tmpdir(), `${name}.sqlite`);
  return {
    url: `file:${file}`,
    engine: "SQLite (one file, both instances)",
    async drop() {
      for (const suffix of ["", "-journal", "-wal", "-shm"]) rmSync(`${file}${suffix}`, { force: true });
    },
  };
}

export async function main(): Promise<number> {
  const database = runDatabase(process.env.DATABASE_URL);
  console.log(`database: ${database.engine}`);
  const cluster = await startCluster({ databaseUrl: database.url, log: (l) => console.log(l) });
  let failed = false;
  try {
    await install(cluster);
    const orders = arg("orders", 20);
    const lifecycle = arg("lifecycle", 6);
    const candidates = await findCandidates(cluster, orders + 1 + lifecycle);
    const lifecycleCandidates = candidates.splice(orders + 1, lifecycle);
    const staffCandidate = candidates.pop()!;
    const race = await staffRace(cluster, { calls: arg("staff", 50), candidate: staffCandidate });
    console.log(`\nstaff race: ${race.calls} concurrent approve-then-refund calls on one request, alternating two instances (staff route, real session tokens)`);
    console.log(`  answers approve ${JSON.stringify(race.approveAnswers)} refund ${JSON.stringify(race.refundAnswers)} in ${race.ms.toFixed(0)} ms`);
    console.log(`  Shopify saw: returnApproveRequest x${race.approvalsSent}, returnProcess x${race.returnProcessSent}; refunds held for the order: ${race.refundsAtShopify}`);
    console.log(`  request ${race.finalStatus}, Shopify Return ${race.returnStatus}`);
    const storm = await shopperStorm(cluster, { orders, submissions: arg("submissions", 200), candidates: candidates.slice(0, orders) });
    console.log(`\nshopper storm: ${storm.submissions} concurrent submissions over ${storm.orders} orders, 2 idempotency keys per order, both instances`);
    console.log(`  answers ${JSON.stringify(storm.statuses)} in ${storm.ms.toFixed(0)} ms`);
    console.log(`  shopper retries (same key) of keys that only got 5xx/429: ${JSON.stringify(storm.retryStatuses)}`);
    console.log(`  requests without a Shopify Return when the storm ended: ${storm.retryJob.waiting}; after the retry job: ${storm.retryJob.left} (${storm.retryJob.seconds} s)`);
    const throttled = cluster.proxy.calls.filter((c) => c.throttled).length;
    console.log(`  Admin API calls through the proxy: ${cluster.proxy.calls.length} (THROTTLED answers: ${throttled})`);
    console.log(`  keys answered with a request: ${storm.keys}; requests stored: ${storm.requestsStored}; open Shopify Returns on those orders: ${storm.shopifyReturns}`);
    const life = await staffLifecycle(cluster, { candidates: lifecycleCandidates });
    console.log(`\nstaff lifecycle: approve, receive, refund on ${life.requests} requests (${life.refunded} to the original payment, ${life.credited} to store credit, ${life.bonuses} with the policy's +10% bonus), alternating instances`);
    console.log(`  answers ${JSON.stringify(life.answers)} in ${life.ms.toFixed(0)} ms`);
    const money = await reconcileAll(cluster);
    console.log(`\nmoney against Shopify's books ("Check now", the reconciliation job on whichever instance takes it): ${money.withReturn} requests with a Shopify Return, run read back in ${money.ms.toFixed(0)} ms`);
    const violations = [...race.violations, ...storm.violations, ...life.violations, ...money.violations];
    console.log(violations.length ? `\nVIOLATIONS:\n  ${violations.join("\n  ")}` : "\nall invariants held (one approval, one refund; no duplicate request or Shopify Return; money as Shopify's books show it)");
    failed = violations.length > 0;
    console.log(`\n${stormLine(storm)}`);
    console.log(reconciliationLine(money));
    if (process.env.LOAD_DEBUG) {
      const { writeFileSync } = await import("node:fs");
      writeFileSync("/tmp/load-app-0.log", cluster.output(0));
      writeFileSync("/tmp/load-app-1.log", cluster.output(1));
    }
  } finally {
    await cluster.close();
    await database.drop();
  }
  return failed ? 1 : 0;
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split("/").pop()!)) {
  main().then(
    (code) => process.exit(code),
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
}
