/**
 * The terms sync against an in-process stand-in (seed "empty" + our own catalogue), on the test DB
 * (SQLite, or PostgreSQL when DATABASE_URL is postgresql://). Time is virtual: the stand-in's bucket
 * refills by `bucketClock`, and every sleep (AdminClient throttle waits, pacing) advances it.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRepos } from "~/db";
import { createTestDatabase, type TestDatabase } from "~/db/test-db";
import { getPreset, parsePolicy, type Policy } from "~/returns";
import { AdminClient, offlineTransport, type Transport } from "~/shopify/admin-client";
import { requestedQueryCost } from "~/shopify/query-cost";
import { gid, startWithClient, type Client } from "../../../standin/testing";
import { adminSchema, type Store } from "../../../standin";
import { productTermsFor, stableJson, type CatalogueProduct } from "./mapping";
import { newCostMeter, pacedTransport, type CostMeter } from "./pacing";
import { catalogueQueue } from "./testing";
import {
  CATALOGUE_JOB_KIND,
  PAGES_PER_STEP,
  runCatalogueStep,
  syncProductAfterUpdate,
  syncTermsAfterInstall,
  syncTermsAfterPolicySave,
} from "./service";
import { PRODUCTS_PAGE_SIZE } from "./sync";
import { PRODUCTS_FOR_TERMS } from "~/shopify/operations/products-for-terms";

const SHOP = "demo-returns.myshopify.com";
const T0 = Date.parse("2026-07-01T00:00:00Z");

/** n-th product of the synthetic catalogue: a mix of every kind the presets treat differently. */
function spec(n: number): Omit<CatalogueProduct, "id"> & { price: number; compareAt: number | null } {
  const tags = [`batch-${n % 7}`];
  if (n % 10 === 0) tags.push("final-sale");
  if (n % 17 === 0) tags.push("custom");
  if (n % 23 === 0) tags.push("perishable");
  return {
    tags,
    productType: n % 50 === 0 ? "Custom Seat Cover" : "Accessory",
    vendor: "Synthetic",
    collections: [],
    isGiftCard: n % 100 === 1,
    onSale: n % 31 === 0,
    price: 1000 + n,
    compareAt: n % 31 === 0 ? 2000 + n : null,
  };
}

function seedProducts(store: Store, count: number, first = 1) {
  for (let n = first; n < first + count; n++) {
    const s = spec(n);
    const id = gid("Product", n);
    const variantId = gid("ProductVariant", 100_000 + n);
    store.variants.set(variantId, { id: variantId, productId: id, title: "Default Title", sku: `SKU-${n}`, price: s.price, ...(s.compareAt !== null ? { compareAtPrice: s.compareAt } : {}) });
    store.products.set(id, {
      id,
      title: `Product ${n}`,
      handle: `product-${n}`,
      productType: s.productType,
      vendor: s.vendor,
      tags: [...s.tags],
      collectionIds: [],
      variantIds: [variantId],
      isGiftCard: s.isGiftCard,
      createdAt: "2026-01-01T00:00:00Z",
      updatedAt: "2026-01-01T00:00:00Z",
    });
  }
}

function storedTerms(store: Store, ownerId: string): string | null {
  for (const m of store.metafields.values()) {
    if (m.ownerId === ownerId && m.key === "terms" && m.namespace.endsWith("--returns")) return m.value;
  }
  return null;
}

interface Harness {
  client: Client;
  clock: { ms: number };
  meter: CostMeter;
  ops: string[];
  admin: AdminClient;
  close(): Promise<void>;
}

async function harness(opts: { products: number; paced?: boolean }): Promise<Harness> {
  const clock = { ms: 0 };
  const client = await startWithClient({ seed: "empty", bucketClock: () => new Date(T0 + clock.ms), clock: () => new Date(T0) });
  seedProducts(client.standin.store, opts.products);
  const sleep = async (ms: number) => {
    clock.ms += ms;
  };
  const meter = newCostMeter();
  const ops: string[] = [];
  const base = offlineTransport({ shop: SHOP, accessToken: client.token, env: { SHOPIFY_ADMIN_ORIGIN: client.standin.url } });
  const recording: Transport = async (query, variables) => {
    ops.push(/(?:query|mutation)\s+(\w+)/.exec(query)?.[1] ?? "?");
    return base(query, variables);
  };
  const transport = pacedTransport(recording, { sleep, nowMs: () => clock.ms, meter, ...(opts.paced === false ? { reserve: -1e9 } : {}) });
  const admin = new AdminClient(transport, { sleep, retry: { maxAttempts: 50 } });
  return { client, clock, meter, ops, admin, close: () => client.standin.close() };
}

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db?.cleanup();
});

/** What the install trigger needs: repositories, the clock, and a Job-table queue to add the run to. */
function installDeps() {
  const now = () => new Date(T0);
  return { repos: createRepos(db.prisma), now, jobs: catalogueQueue(db.prisma, { now, workerId: "enqueue" }) };
}

async function queuedJob(id: string) {
  const row = await db.prisma.job.findUniqueOrThrow({ where: { id } });
  return { ...row, payload: JSON.parse(row.payload) as unknown };
}

async function savePolicy(shop: string, policy: Policy) {
  return createRepos(db.prisma).policies.saveNewVersion(shop, { policy, now: new Date(T0), createdBy: "test" });
}

describe("policy saved / product updated (small catalogue)", () => {
  let h: Harness;
  const shop = SHOP;
  beforeAll(async () => {
    h = await harness({ products: 60 });
  });
  afterAll(async () => h?.close());

  it("policy save writes the shop metafield (incl. requireFinalSaleAck) and queues the catalogue once per version", async () => {
    const policy = parsePolicy({ ...getPreset("ekoh-store")!, checkout: { requireFinalSaleAck: true } });
    const v = await savePolicy(shop, policy);
    const deps = { ...installDeps(), admin: h.admin };
    const res = await syncTermsAfterPolicySave(deps, shop);
    expect(res.shop?.written).toBe(true);
    const stored = JSON.parse(storedTerms(h.client.standin.store, h.client.standin.store.shop.id) ?? "null");
    expect(stored).toEqual({ version: 1, requireFinalSaleAck: true, defaultTerm: { code: "NO_CHANGE_OF_MIND", from: "delivery" } });
    expect(res.job.created).toBe(true);
    const job = await queuedJob(res.job.id);
    expect(job.kind).toBe(CATALOGUE_JOB_KIND);
    expect(job.status).toBe("queued"); // on the app's queue: a started worker is woken by the enqueue
    expect(job.payload).toMatchObject({ policyVersion: v.version, cursor: null });
    // Saving again without a change: no metafield write, same job (deduped)
    h.ops.length = 0;
    const again = await syncTermsAfterPolicySave(deps, shop);
    expect(again.shop?.written).toBe(false);
    expect(again.job).toEqual({ id: res.job.id, created: false });
    expect(h.ops).toEqual(["ShopTerms"]);
    // Turning the acknowledgement off is a new version and a rewrite
    await savePolicy(shop, getPreset("ekoh-store")!);
    const off = await syncTermsAfterPolicySave(deps, shop);
    expect(off.shop?.written).toBe(true);
    expect(JSON.parse(storedTerms(h.client.standin.store, h.client.standin.store.shop.id)!).requireFinalSaleAck).toBe(false);
  });

  it("the catalogue job writes only products that differ from the default, then nothing on a rerun", async () => {
    const steps = await catalogueQueue(db.prisma, { adminFor: async () => h.admin, now: () => new Date(T0), workerId: "w1" }).drain();
    expect(steps).toBeGreaterThan(0);
    const policy = getPreset("ekoh-store")!;
    let special = 0;
    for (let n = 1; n <= 60; n++) {
      const expected = productTermsFor(policy, spec(n));
      const stored = storedTerms(h.client.standin.store, gid("Product", n));
      if (expected) special++;
      expect(stored === null ? null : JSON.parse(stored), `product ${n}`).toEqual(expected);
    }
    expect(special).toBeGreaterThan(5);
    // superseded runs (the first policy version) stop without work; a fresh install run writes nothing
    h.ops.length = 0;
    await syncTermsAfterInstall(installDeps(), shop);
    await catalogueQueue(db.prisma, { adminFor: async () => h.admin, now: () => new Date(T0), workerId: "w1" }).drain();
    expect(h.ops.filter((o) => o === "MetafieldsSet")).toEqual([]);
    expect(h.ops.filter((o) => o === "ProductsForTerms")).toHaveLength(Math.ceil(60 / PRODUCTS_PAGE_SIZE));
  });

  it("a product change rewrites that product's metafield, and only when its terms changed", async () => {
    const id = gid("Product", 7); // plain under ekoh-store
    expect(storedTerms(h.client.standin.store, id)).toBeNull();
    h.client.standin.store.products.get(id)!.tags.push("final-sale");
    h.ops.length = 0;
    expect(await syncProductAfterUpdate({ repos: createRepos(db.prisma), admin: h.admin, now: () => new Date(T0) }, shop, id)).toEqual({ written: true });
    expect(JSON.parse(storedTerms(h.client.standin.store, id)!)).toEqual({ codes: ["FINAL_SALE"] });
    expect(h.ops).toEqual(["ProductForTerms", "MetafieldsSet"]);
    // the products/update our own write causes: read, nothing to write
    h.ops.length = 0;
    expect(await syncProductAfterUpdate({ repos: createRepos(db.prisma), admin: h.admin, now: () => new Date(T0) }, shop, id)).toEqual({ written: false });
    expect(h.ops).toEqual(["ProductForTerms"]);
    // back to plain: reset to the shop default
    const p = h.client.standin.store.products.get(id)!;
    p.tags = p.tags.filter((t) => t !== "final-sale");
    expect(await syncProductAfterUpdate({ repos: createRepos(db.prisma), admin: h.admin, now: () => new Date(T0) }, shop, id)).toEqual({ written: true });
    expect(JSON.parse(storedTerms(h.client.standin.store, id)!)).toEqual({ codes: [] });
    expect(await syncProductAfterUpdate({ repos: createRepos(db.prisma), admin: h.admin, now: () => new Date(T0) }, shop, gid("Product", 999_999))).toBeNull();
  });
});

describe("install before any policy is saved", () => {
  it("publishes the preset the returns flow falls back to (standard-30-day), so checkout and returns agree", async () => {
    const h = await harness({ products: 30 });
    try {
      const shop = "fresh.myshopify.com";
      const queued = await syncTermsAfterInstall(installDeps(), shop);
      expect((await queuedJob(queued.id)).payload).toMatchObject({ policyVersion: 0 });
      await catalogueQueue(db.prisma, { adminFor: async () => h.admin, now: () => new Date(T0), workerId: "w0" }).drain();
      expect(JSON.parse(storedTerms(h.client.standin.store, h.client.standin.store.shop.id)!)).toEqual({
        version: 1,
        requireFinalSaleAck: false,
        defaultTerm: { code: "WINDOW_30D", days: 30, from: "delivery" },
      });
      expect(JSON.parse(storedTerms(h.client.standin.store, gid("Product", 10))!)).toEqual({ codes: ["FINAL_SALE"] });
      expect(storedTerms(h.client.standin.store, gid("Product", 11))).toBeNull();
    } finally {
      await h.close();
    }
  });
});

describe("first install on a catalogue of 5,000 products", () => {
  const shop = "bulk-a.myshopify.com"; // own policy rows; the stand-in answers for its shop regardless
  let h: Harness;
  beforeAll(async () => {
    h = await harness({ products: 5000 });
    await savePolicy(shop, getPreset("ekr-auto")!);
  });
  afterAll(async () => h?.close());

  it("stays under the single-query cost limit", () => {
    const cost = requestedQueryCost(adminSchema(), PRODUCTS_FOR_TERMS, { first: PRODUCTS_PAGE_SIZE });
    expect(cost).toBeLessThan(1000);
  });

  it("resumes from the last cursor after a crash, completes paced, and writes exactly the special products", async () => {
    const repos = createRepos(db.prisma);
    const queued = await syncTermsAfterInstall(installDeps(), shop);
    expect(queued?.created).toBe(true);
    // worker 1 runs the first step, then "crashes" before completing it
    const first = await repos.jobs.claimNext({ workerId: "crashy", now: new Date(T0), kinds: [CATALOGUE_JOB_KIND] });
    const step = await runCatalogueStep({ ...installDeps(), admin: h.admin }, first!);
    expect(step.done).toBe(false);
    expect(step.payload.scanned).toBe(PAGES_PER_STEP * PRODUCTS_PAGE_SIZE);
    expect(step.payload.cursor).not.toBeNull();

    // worker 2 later: the abandoned step is reclaimed (lock expired) and repeated without new writes;
    // the next step starts from the saved cursor.
    const later = () => new Date(T0 + 10 * 60_000);
    const setsBefore = h.ops.filter((o) => o === "MetafieldsSet").length;
    const started = Date.now();
    const steps = await catalogueQueue(db.prisma, { adminFor: async () => h.admin, now: later, workerId: "w2" }).drain();
    const wallMs = Date.now() - started;

    const policy = getPreset("ekr-auto")!;
    let special = 0;
    for (let n = 1; n <= 5000; n++) {
      const expected = productTermsFor(policy, spec(n));
      if (expected) special++;
      const stored = storedTerms(h.client.standin.store, gid("Product", n));
      if ((stored === null ? null : stableJson(JSON.parse(stored))) !== (expected ? stableJson(expected) : null)) {
        throw new Error(`product ${n}: stored ${stored}, expected ${JSON.stringify(expected)}`);
      }
    }
    const pages = h.ops.filter((o) => o === "ProductsForTerms").length;
    const sets = h.ops.filter((o) => o === "MetafieldsSet").length;
    const m = h.meter;
    console.log(
      `[terms-sync 5k] products=5000 special=${special} steps=${steps + 1} pages=${pages} metafieldsSet=${sets} ` +
        `calls=${m.calls} throttled=${m.throttled} requestedPts=${m.requested} actualPts=${m.actual} ` +
        `pacedWait=${(m.pacedMs / 1000).toFixed(1)}s virtualTime=${(h.clock.ms / 1000).toFixed(1)}s minAvailable=${m.minAvailable} wall=${wallMs}ms`,
    );
    const totalPages = Math.ceil(5000 / PRODUCTS_PAGE_SIZE);
    // the crashed step is repeated once: at most PAGES_PER_STEP extra page reads, and no extra writes
    expect(pages).toBe(totalPages + PAGES_PER_STEP);
    // writes are batched 25 per call across a step's pages: at most one partial batch per step
    expect(sets - setsBefore).toBeLessThanOrEqual(Math.ceil((special - step.payload.written) / 25) + steps);
    expect(sets).toBeLessThan(totalPages / 3);
    expect(special).toBeGreaterThan(300);
    expect(m.throttled).toBe(0);
    // the job chain ended: nothing left queued or running
    const open = await db.prisma.job.count({ where: { shop, kind: CATALOGUE_JOB_KIND, status: { in: ["queued", "running"] } } });
    expect(open).toBe(0);
  }, 240_000);

  it("without pacing the same sync gets throttled (what pacing saves)", async () => {
    const shop2 = "bulk-b.myshopify.com";
    const raw = await harness({ products: 5000, paced: false });
    try {
      await savePolicy(shop2, getPreset("ekoh-store")!);
      await syncTermsAfterInstall(installDeps(), shop2);
      await catalogueQueue(db.prisma, { adminFor: async () => raw.admin, now: () => new Date(T0), workerId: "w3", pagesPerStep: 1000 }).drain();
      console.log(`[terms-sync 5k unpaced] calls=${raw.meter.calls} throttled=${raw.meter.throttled} virtualTime=${(raw.clock.ms / 1000).toFixed(1)}s`);
      expect(raw.meter.calls).toBeGreaterThan(0);
    } finally {
      await raw.close();
    }
  }, 240_000);
});
