// `npm run bench return-cost`: Admin API calls and requested cost points for one whole return, as the app
// makes it: shopper submit (request) -> staff approve -> receive -> refund -> close, through the real
// services and AdminClient against the in-process stand-in (whose cost model follows Shopify's:
// requestedQueryCost from the document and variables). Every HTTP call is counted at the transport.
// Goals: 5 calls or fewer, 80 requested points or fewer (the submission reads the order's kept facts).
import { createTestDatabase } from "../app/db/test-db";
import { createRepos } from "../app/db/index";
import { getPreset, parsePolicy } from "../app/returns/index";
import { offlineAdminClient } from "../app/shopify/admin-client";
import { approveRequest, closeRequest, markReceived, refundRequest, type StaffDeps } from "../app/services/staff/index";
import { getOverview, submitReturnRequest, type ShopperDeps } from "../app/services/shopper/index";
import { startStandin, tomlScopes } from "../standin";

const SHOP = "demo-returns.myshopify.com";
const TOKEN = "shpat_cost_bench";

export interface CallRecord {
  step: string;
  op: string;
  requested: number;
  actual: number;
}

export async function measureOneReturn(): Promise<{ calls: CallRecord[]; overviewCalls: CallRecord[] }> {
  const db = await createTestDatabase();
  const standin = await startStandin({ apiKey: "cost-key", apiSecret: "cost-secret-0123456789", seed: "demo", webhooks: [] });
  try {
    standin.grantOfflineToken({ token: TOKEN, scope: tomlScopes() });
    let step = "setup";
    const calls: CallRecord[] = [];
    const counting: typeof fetch = async (input, init) => {
      const body = typeof init?.body === "string" ? (JSON.parse(init.body) as { query?: string }) : {};
      const res = await fetch(input, init);
      const j = (await res.clone().json().catch(() => ({}))) as { extensions?: { cost?: { requestedQueryCost?: number; actualQueryCost?: number } } };
      calls.push({
        step,
        op: /(?:query|mutation)\s+(\w+)/.exec(body.query ?? "")?.[1] ?? "?",
        requested: j.extensions?.cost?.requestedQueryCost ?? 0,
        actual: j.extensions?.cost?.actualQueryCost ?? 0,
      });
      return res;
    };
    const admin = offlineAdminClient({ shop: SHOP, accessToken: TOKEN, env: { SHOPIFY_ADMIN_ORIGIN: standin.url }, fetch: counting });
    const now = () => new Date();
    await createRepos(db.prisma).policies.saveNewVersion(SHOP, {
      policy: parsePolicy({ ...getPreset("standard-30-day")!, approval: { mode: "manual" } }),
      now: new Date("2020-01-01T00:00:00Z"),
    });
    const shopperDeps: ShopperDeps = { repos: createRepos(db.prisma), admin, now, uploadOrigins: [standin.url] };
    const staff: StaffDeps = { repos: createRepos(db.prisma), admin, now, actor: "staff:1" };

    // An NZD order of the demo shop with a returnable line (the overview the extension shows first).
    let chosen: { orderId: string; customerId: string; lineItemId: string; reason: string; conditions: string[] } | null = null;
    let overviewCalls: CallRecord[] = [];
    for (const o of standin.store.orders.values()) {
      if (!o.customerId || o.presentmentCurrencyCode !== "NZD" || o.returnIds.length) continue;
      const mark = calls.length;
      step = "overview";
      const ov = await getOverview(shopperDeps, { shop: SHOP, customerId: o.customerId, locale: null }, o.id).catch(() => null);
      const line = ov?.canRequest ? ov.lines.find((l) => l.quantityLeft > 0 && l.reasons.some((r) => r.minPhotos === 0)) : undefined;
      if (!line) continue;
      overviewCalls = calls.slice(mark);
      const reason = line.reasons.find((r) => r.minPhotos === 0)!;
      chosen = { orderId: o.id, customerId: o.customerId, lineItemId: line.lineItemId, reason: reason.code, conditions: [...reason.conditions] };
      break;
    }
    if (!chosen) throw new Error("no returnable order in the demo seed");
    calls.splice(0);

    step = "request";
    const { request } = await submitReturnRequest(shopperDeps, { shop: SHOP, customerId: chosen.customerId, locale: null }, chosen.orderId, {
      idempotencyKey: "cost-bench-1",
      lines: [{ lineItemId: chosen.lineItemId, quantity: 1, reason: chosen.reason as never, conditions: chosen.conditions as never, photos: [], note: "" }],
      resolution: "refund",
    });
    step = "approve";
    if (!(await approveRequest(staff, SHOP, request.id)).ok) throw new Error("approve failed");
    step = "receive";
    if (!(await markReceived(staff, SHOP, request.id, { restock: true })).ok) throw new Error("receive failed");
    step = "refund";
    const r = await refundRequest(staff, SHOP, request.id, { to: "original_payment" });
    if (!r.ok) throw new Error(`refund failed: ${r.error.message}`);
    step = "close";
    if (!(await closeRequest(staff, SHOP, request.id)).ok) throw new Error("close failed");
    return { calls, overviewCalls };
  } finally {
    await standin.close();
    await db.cleanup();
  }
}

export async function main(): Promise<void> {
  const { calls, overviewCalls } = await measureOneReturn();
  const total = calls.reduce((s, c) => s + c.requested, 0);
  console.log("one whole return (request -> approve -> receive -> refund -> close):");
  for (const c of calls) console.log(`  ${c.step.padEnd(8)} ${c.op.padEnd(34)} requested ${String(c.requested).padStart(4)}  actual ${String(c.actual).padStart(4)}`);
  console.log(`  total: ${calls.length} Admin API calls, ${total} requested points (actual ${calls.reduce((s, c) => s + c.actual, 0)}) — goals: <= 5 calls, <= 80 points`);
  const ovTotal = overviewCalls.reduce((s, c) => s + c.requested, 0);
  console.log(`  (before it, the shopper's overview read: ${overviewCalls.length} call(s), ${ovTotal} requested points: ${overviewCalls.map((c) => `${c.op} ${c.requested}`).join(", ")})`);
}
