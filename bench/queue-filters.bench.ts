// `npm run bench queue-filters`: the queue read model at 100,000 requests, one line per filter and search the
// Requests screen offers (median of 7). Fresh SQLite database, or PostgreSQL with DATABASE_URL=postgresql://...
// Not a test (no wall-clock asserts).
import { performance } from "node:perf_hooks";
import { createRepos } from "../app/db";
import { createTestDatabase } from "../app/db/test-db";
import { listQueue } from "../app/services/admin-views/index";
import { encodeQueueCursor } from "../app/services/admin-views/shared";

const SHOP = "bench-shop.myshopify.com";

export async function main(): Promise<void> {
  const N = Number(process.env.N ?? 100_000);
  const db = await createTestDatabase();
  const prisma = db.prisma;
  const views = { repos: createRepos(prisma) };
  const statuses = ["requested", "approved", "received", "refunded", "credited", "declined", "closed"];
  const reasons = ["UNWANTED", "SIZE_TOO_SMALL", "DAMAGED", "DEFECTIVE", "STYLE"];
  const names = ["Aroha Ngata", "Ben Smith", "Chloé Dupont", "Dev Patel", "Mere Tane"];
  const t0 = Date.now();
  const start = Date.UTC(2025, 0, 1);
  for (let b = 0; b < N; b += 5000) {
    const reqs = [];
    const lines = [];
    for (let i = b; i < Math.min(N, b + 5000); i++) {
      const id = `r${String(i).padStart(7, "0")}`;
      const at = new Date(start + i * 300_000);
      reqs.push({
        id,
        shop: SHOP,
        orderId: `gid://shopify/Order/${i}`,
        orderName: `#${10000 + i}`,
        customerDisplayName: `${names[i % 5]} ${i % 997}`,
        status: statuses[i % statuses.length]!,
        currency: "NZD",
        idempotencyKey: `k${i}`,
        createdAt: at,
        updatedAt: at,
      });
      // ~1% outside the window, 0.1% final sale
      const codes = i % 100 === 7 ? ["OUTSIDE_WINDOW"] : i % 1000 === 3 ? ["FINAL_SALE"] : [];
      lines.push({ shop: SHOP, requestId: id, position: 0, lineItemId: `gid://shopify/LineItem/${i}`, title: "Item", quantity: 1, reason: reasons[i % 5]!, eligible: codes.length === 0, codes: JSON.stringify(codes) });
    }
    await prisma.returnRequest.createMany({ data: reqs });
    await prisma.returnRequestLine.createMany({ data: lines });
  }
  console.log(`${db.provider}: seeded ${N} requests in ${Date.now() - t0} ms`);

  async function time(label: string, fn: () => Promise<{ items: unknown[] }>) {
    const ms: number[] = [];
    let n = 0;
    for (let i = 0; i < 7; i++) {
      const s = performance.now();
      n = (await fn()).items.length;
      ms.push(performance.now() - s);
    }
    ms.sort((a, b) => a - b);
    console.log(`${label.padEnd(48)} median ${ms[3]!.toFixed(1)} ms  (${n} rows)`);
  }
  const provider = db.provider;
  const deep = encodeQueueCursor({ createdAt: new Date(start + Math.floor(N / 10) * 300_000), id: `r${String(Math.floor(N / 10)).padStart(7, "0")}` });
  await time("first page (25)", () => listQueue(views, SHOP, {}, { provider }));
  await time("page at 90% depth via cursor", () => listQueue(views, SHOP, { cursor: deep }, { provider }));
  await time("status=requested", () => listQueue(views, SHOP, { statuses: ["requested"] }, { provider }));
  await time("status=requested at 90% depth", () => listQueue(views, SHOP, { statuses: ["requested"], cursor: deep }, { provider }));
  await time("flag OUTSIDE_WINDOW (1%)", () => listQueue(views, SHOP, { flags: ["OUTSIDE_WINDOW"] }, { provider }));
  await time("flag FINAL_SALE (0.1%)", () => listQueue(views, SHOP, { flags: ["FINAL_SALE"] }, { provider }));
  await time("reason DAMAGED", () => listQueue(views, SHOP, { reasons: ["DAMAGED"] }, { provider }));
  await time("search order #15000", () => listQueue(views, SHOP, { q: "#15000" }, { provider }));
  await time("search customer 'Chloé Dupont 42'", () => listQueue(views, SHOP, { q: "Chloé Dupont 42" }, { provider }));
  await time("date range (1 week)", () =>
    listQueue(views, SHOP, { createdFrom: new Date(start + 30 * 86_400_000), createdTo: new Date(start + 37 * 86_400_000) }, { provider }),
  );
  await db.cleanup();
}

const invokedDirectly = process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, "/"));
if (invokedDirectly) await main();
