// `npm run bench queue`: the merchant queue over 100,000 return requests (plus 10,000 of another
// shop). Times the queue loader (admin-views listQueue, the one the screen uses) for the first page,
// a deep page (cursor 60,000 rows in) with filters, and the repository's list() on the same deep
// cursor. Fresh SQLite database; also PostgreSQL when DATABASE_URL=postgresql://... Goal: < 100 ms.
import { performance } from "node:perf_hooks";
import { createTestDatabase, type TestDatabase } from "../app/db/test-db";
import { createRepos, encodeCursor } from "../app/db/index";
import { listQueue, type QueueQuery } from "../app/services/admin-views/index";
import { encodeQueueCursor } from "../app/services/admin-views/shared";

const SHOP = "bench-shop.myshopify.com";
const OTHER = "bench-other.myshopify.com";
const N = 100_000;
const STATUSES = ["requested", "requested", "approved", "received", "refunded", "closed", "declined", "credited"] as const;
const REASONS = ["UNWANTED", "DEFECTIVE", "SIZE_TOO_SMALL", "SIZE_TOO_LARGE", "STYLE", "COLOR", "WRONG_ITEM"] as const;
const CODES = [[], [], [], ["OUTSIDE_WINDOW"], ["FINAL_SALE"], ["EVIDENCE_REQUIRED"]] as const;
const NAMES = ["Aroha Ngata", "Ben Carter", "Chloé Martin", "Dieter Vogel", "Elena García", "Fiona Walsh"];
const T0 = Date.parse("2025-01-01T00:00:00Z");

async function seed(db: TestDatabase, shop: string, n: number, prefix: string): Promise<void> {
  const BATCH = 1000;
  for (let start = 0; start < n; start += BATCH) {
    const reqs = [];
    const lines = [];
    for (let i = start; i < Math.min(n, start + BATCH); i++) {
      const id = `${prefix}${String(i).padStart(7, "0")}`;
      // ~3 requests a minute over ~23 days, with some identical timestamps to exercise the id tiebreak
      const at = new Date(T0 + Math.floor(i / 2) * 40_000);
      reqs.push({
        id,
        shop,
        orderId: `gid://shopify/Order/${900000 + i}`,
        orderName: `#${1000 + i}`,
        customerId: `gid://shopify/Customer/${i % 5000}`,
        customerDisplayName: NAMES[i % NAMES.length]!,
        status: STATUSES[i % STATUSES.length]!,
        currency: "NZD",
        refundMinor: BigInt(1000 + (i % 20000)),
        feesMinor: BigInt(i % 3 === 0 ? 500 : 0),
        idempotencyKey: `k-${id}`,
        source: i % 10 === 0 ? "shopify_self_serve" : "app",
        createdAt: at,
        updatedAt: at,
      });
      const nLines = 1 + (i % 3 === 0 ? 1 : 0);
      for (let p = 0; p < nLines; p++) {
        const codes = CODES[(i + p) % CODES.length]!;
        lines.push({
          id: `${id}-${p}`,
          shop,
          requestId: id,
          position: p,
          lineItemId: `gid://shopify/LineItem/${i}-${p}`,
          title: `Item ${p}`,
          quantity: 1 + (p % 2),
          reason: REASONS[(i + p) % REASONS.length]!,
          eligible: codes.length === 0,
          codes: JSON.stringify(codes),
          refundMinor: BigInt(1000),
        });
      }
    }
    await db.prisma.returnRequest.createMany({ data: reqs });
    await db.prisma.returnRequestLine.createMany({ data: lines });
  }
}

async function time<T>(runs: number, fn: () => Promise<T>): Promise<{ medianMs: number; maxMs: number; last: T }> {
  const ms: number[] = [];
  let last!: T;
  await fn(); // warm-up (prepared statements, page cache)
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    last = await fn();
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  return { medianMs: ms[Math.floor(ms.length / 2)]!, maxMs: ms[ms.length - 1]!, last };
}

async function benchOne(label: string, baseUrl: string | undefined): Promise<void> {
  const db = await createTestDatabase({ baseUrl });
  try {
    const t0 = performance.now();
    await seed(db, SHOP, N, "r");
    await seed(db, OTHER, 10_000, "o");
    const seedMs = performance.now() - t0;
    await db.prisma.$executeRawUnsafe("ANALYZE"); // fresh statistics, as a live database has
    const provider = db.provider;
    const count = await db.prisma.returnRequest.count({ where: { shop: SHOP } });

    // a deep cursor: the 60,000th newest request
    const deep = await db.prisma.returnRequest.findMany({
      where: { shop: SHOP },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: 60_000,
      take: 1,
      select: { id: true, createdAt: true },
    });
    const at = deep[0]!;
    const filters: QueueQuery = { statuses: ["requested", "approved"], flags: ["OUTSIDE_WINDOW", "FINAL_SALE"], cursor: encodeQueueCursor(at), limit: 25 };

    const first = await time(15, () => listQueue({ repos: createRepos(db.prisma) }, SHOP, { limit: 25 }, { provider }));
    const deepFiltered = await time(15, () => listQueue({ repos: createRepos(db.prisma) }, SHOP, filters, { provider }));
    const deepReason = await time(15, () =>
      listQueue({ repos: createRepos(db.prisma) }, SHOP, { statuses: ["requested"], reasons: ["DEFECTIVE"], cursor: encodeQueueCursor(at), limit: 25 }, { provider }),
    );
    const search = await time(15, () => listQueue({ repos: createRepos(db.prisma) }, SHOP, { q: "#15", limit: 25 }, { provider }));
    const repos = createRepos(db.prisma);
    const repoDeep = await time(15, () =>
      repos.returnRequests.list(SHOP, { statuses: ["requested"], source: "app", cursor: encodeCursor(at), limit: 25 }),
    );

    const fmt = (r: { medianMs: number; maxMs: number }) => `median ${r.medianMs.toFixed(1)} ms, max ${r.maxMs.toFixed(1)} ms`;
    console.log(`[${label}] ${count.toLocaleString("en")} requests (+10,000 other shop) seeded in ${(seedMs / 1000).toFixed(1)} s`);
    console.log(`[${label}] queue first page (25):                       ${fmt(first)} (${first.last.items.length} items)`);
    console.log(`[${label}] queue deep page @60k, status+flags filters:   ${fmt(deepFiltered)} (${deepFiltered.last.items.length} items)`);
    console.log(`[${label}] queue deep page @60k, status+reason filters:  ${fmt(deepReason)} (${deepReason.last.items.length} items)`);
    console.log(`[${label}] queue search "#15":                           ${fmt(search)} (${search.last.items.length} items)`);
    console.log(`[${label}] repo list() deep @60k, status+source:         ${fmt(repoDeep)} (${repoDeep.last.items.length} items)`);
    const worst = Math.max(first.medianMs, deepFiltered.medianMs, deepReason.medianMs, search.medianMs, repoDeep.medianMs);
    console.log(`[${label}] goal < 100 ms (median): ${worst < 100 ? "met" : "NOT met"} (worst ${worst.toFixed(1)} ms)`);
  } finally {
    await db.cleanup();
  }
}

export async function main(): Promise<void> {
  await benchOne("sqlite", undefined);
  const url = process.env.DATABASE_URL;
  if (url && /^postgres(ql)?:\/\//.test(url)) await benchOne("postgresql", url);
}

const invokedDirectly = process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, "/"));
if (invokedDirectly) await main();
