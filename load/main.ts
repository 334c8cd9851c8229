// `npm run load`: two app instances on one PostgreSQL (DATABASE_URL=postgresql://...; a fresh schema is
// made and dropped), one stand-in. Prints the counts of the staff race (50 concurrent approve-and-refund
// calls on one request) and the shopper storm (200 concurrent submissions over 20 orders).
//   DATABASE_URL=postgresql://postgres@127.0.0.1:5432/test npm run load [-- --staff 50 --submissions 200 --orders 20]
import { randomBytes } from "node:crypto";
import pg from "pg";
import { parsePostgresUrl, providerForUrl } from "../app/db/url";
import { startCluster } from "./cluster";
import { findCandidates, install, shopperStorm, staffRace, stormLine } from "./scenarios";

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

export async function main(): Promise<number> {
  const base = process.env.DATABASE_URL;
  if (providerForUrl(base) !== "postgresql") {
    console.error("npm run load needs DATABASE_URL=postgresql://... (two app instances share one PostgreSQL, as in production)");
    return 2;
  }
  const { connectionString } = parsePostgresUrl(base!);
  const schema = `load_${randomBytes(5).toString("hex")}`;
  const u = new URL(connectionString);
  u.searchParams.set("schema", schema);
  const cluster = await startCluster({ databaseUrl: u.toString(), log: (l) => console.log(l) });
  let failed = false;
  try {
    await install(cluster);
    const orders = arg("orders", 20);
    const candidates = await findCandidates(cluster, orders + 1);
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
    const violations = [...race.violations, ...storm.violations];
    console.log(violations.length ? `\nVIOLATIONS:\n  ${violations.join("\n  ")}` : "\nall invariants held (one approval, one refund; no duplicate request or Shopify Return)");
    failed = violations.length > 0;
    console.log(`\n${stormLine(storm)}`);
    if (process.env.LOAD_DEBUG) {
      const { writeFileSync } = await import("node:fs");
      writeFileSync("/tmp/load-app-0.log", cluster.output(0));
      writeFileSync("/tmp/load-app-1.log", cluster.output(1));
    }
  } finally {
    await cluster.close();
    const c = new pg.Client({ connectionString });
    await c.connect();
    await c.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await c.end();
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
