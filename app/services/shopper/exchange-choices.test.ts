/**
 * The item picker's choices and what they cost at Shopify (issue 15, decisions 170 and 180): the
 * overview reads no variants; the preview of a replacement or exchange lists the choices in stock with
 * the price and the difference, reading the order's variants once per minute; a submission reads them
 * fresh before the per-order lock, never while holding it, and re-checks the chosen variant.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createRepos } from "~/db";
import { createTestDatabase, type TestDatabase } from "~/db/test-db";
import { getPreset } from "~/returns";
import { AdminClient, offlineTransport } from "~/shopify/admin-client";
import { startStandin, tomlScopes, type OrderRec, type Standin } from "../../../standin";
import type { ShopperDeps } from "./context";
import { clearExchangeOptionsCache, exchangeChoices } from "./exchange-choices";
import { getOverview } from "./overview";
import { previewReturn } from "./preview";
import type { SubmitBody } from "./schemas";
import { submitReturnRequest } from "./submit";
import { cancelReturnRequest } from "./cancel";
import { ShopperError } from "./errors";
import { clearExchangeStatusCache } from "./new-items";
import { approveRequest, markReceived, refundRequest } from "~/services/staff";

const TOKEN = "shpat_exchange_choices";
const ALEX = "gid://shopify/Customer/1";
const CONDITIONS = ["unused", "original_packaging"] as SubmitBody["lines"][number]["conditions"];
const STANDARD = "gid://shopify/ProductVariant/1030";
const LARGE = "gid://shopify/ProductVariant/1031";
const XL = "gid://shopify/ProductVariant/1032";
const COMPACT = "gid://shopify/ProductVariant/1033";

let db: TestDatabase;
let standin: Standin;
let reads: { exchangeOptions: number; lockHeldDuringRead: boolean; exchangeStatus: number; otherProducts: string[] };
let deps: ShopperDeps;
const who = { shop: "", customerId: ALEX, locale: "en" as const };

beforeAll(async () => {
  db = await createTestDatabase();
  standin = await startStandin({ apiKey: "exchange-choices-key", apiSecret: "exchange-choices-secret-0123456789", seed: "demo" });
  standin.grantOfflineToken({ token: TOKEN, scope: tomlScopes() });
  who.shop = standin.shop;
  const policy = getPreset("standard-30-day")!;
  policy.approval = { mode: "manual" };
  policy.resolutions.return = ["refund", "replacement", "exchange"];
  const repos = createRepos(db.prisma);
  await repos.policies.saveNewVersion(standin.shop, { policy, presetId: "standard-30-day", createdBy: "test", now: new Date("2020-01-01T00:00:00Z") });
  const inner = offlineTransport({ shop: standin.shop, accessToken: TOKEN, env: { SHOPIFY_ADMIN_ORIGIN: standin.url } });
  const admin = new AdminClient(async (query, variables) => {
    if (/query ExchangeOptions\b/.test(query)) {
      reads.exchangeOptions++;
      const id = String((variables as { id?: string }).id);
      const lock = await repos.operations.get(standin.shop, `submit-lock:${id}`);
      if (lock && lock.status === "pending" && lock.lockedUntil && lock.lockedUntil > new Date()) reads.lockHeldDuringRead = true;
    }
    if (/query ExchangeStatus\b/.test(query)) reads.exchangeStatus++;
    if (/query ExchangeOtherProducts\b/.test(query)) {
      reads.otherProducts.push(String((variables as { query?: string }).query));
      const lock = await repos.operations.get(standin.shop, `submit-lock:${mats().id}`);
      if (lock && lock.status === "pending" && lock.lockedUntil && lock.lockedUntil > new Date()) reads.lockHeldDuringRead = true;
    }
    return inner(query, variables);
  });
  deps = { repos, admin, now: () => new Date() };
}, 60_000);

afterAll(async () => {
  await standin?.close();
  await db?.cleanup();
});

beforeEach(() => {
  reads = { exchangeOptions: 0, lockHeldDuringRead: false, exchangeStatus: 0, otherProducts: [] };
  clearExchangeOptionsCache();
  clearExchangeStatusCache();
});

// Alex's order delivered days ago: floor mats (103, size Standard) and straws
const mats = (): OrderRec => [...standin.store.orders.values()].find((o) => o.customerId === ALEX && o.lineItems.some((l) => l.productId === "gid://shopify/Product/103") && o.lineItems.some((l) => l.productId === "gid://shopify/Product/209"))!;
const matsLine = () => mats().lineItems.find((l) => l.productId === "gid://shopify/Product/103")!.id;
const lines = (extra: Record<string, string> = {}) => [{ lineItemId: matsLine(), quantity: 1, reason: "UNWANTED" as const, conditions: CONDITIONS, note: "", ...extra }];

describe("the item picker", () => {
  it("the overview offers replacement and exchange without reading any variant at Shopify", async () => {
    const o = await getOverview(deps, who, mats().id);
    expect(o.resolutions.map((r) => r.code)).toEqual(["refund", "replacement", "exchange"]);
    expect(reads.exchangeOptions).toBe(0);
  });

  it("an exchange lists the other sizes in stock with their price and the difference; dearer ones say what they cost more", async () => {
    const p = await previewReturn(deps, who, mats().id, { lines: lines().map((l) => ({ ...l, photos: 0 })), resolution: "exchange" });
    expect(p.exchange).toEqual({
      kind: "exchange",
      currency: "NZD",
      lines: [
        {
          lineItemId: matsLine(),
          choices: [
            { variantId: LARGE, title: "Large", price: "89.00", label: "Large · NZ$89.00 · same price" },
            { variantId: XL, title: "XL", price: "99.00", more: "10.00", label: "XL · NZ$99.00 · costs NZ$10.00 more — not possible here" },
          ],
        },
      ],
    });
    // the returned size and the one out of stock are not offered
    expect(JSON.stringify(p.exchange)).not.toContain(STANDARD);
    expect(JSON.stringify(p.exchange)).not.toContain(COMPACT);
    expect(reads.exchangeOptions).toBe(1);
    // the next edits within the minute read nothing more
    await previewReturn(deps, who, mats().id, { lines: lines({ note: "too small" }).map((l) => ({ ...l, photos: 0 })), resolution: "exchange" });
    await previewReturn(deps, who, mats().id, { lines: lines().map((l) => ({ ...l, photos: 0 })), resolution: "replacement" });
    expect(reads.exchangeOptions).toBe(1);
  });

  it("a replacement offers the same item, free; a refund lists no choices and reads nothing", async () => {
    const p = await previewReturn(deps, who, mats().id, { lines: lines().map((l) => ({ ...l, photos: 0 })), resolution: "replacement" });
    expect(p.exchange?.lines[0]?.choices).toEqual([{ variantId: STANDARD, title: "Standard", price: "0.00", label: "Standard · free" }]);
    // out of stock: nothing to send, and the shopper is told why (in their language)
    const standard = standin.store.variants.get(STANDARD)!;
    const stock = standard.inventoryQuantity;
    standard.inventoryQuantity = 0;
    clearExchangeOptionsCache();
    try {
      const out = await previewReturn(deps, { ...who, locale: "fr" }, mats().id, { lines: lines().map((l) => ({ ...l, photos: 0 })), resolution: "replacement" });
      expect(out.exchange?.lines[0]).toEqual({ lineItemId: matsLine(), choices: [], none: "Cet article est en rupture de stock : il ne peut pas être remplacé pour le moment" });
    } finally {
      standard.inventoryQuantity = stock;
    }
    clearExchangeOptionsCache();
    reads.exchangeOptions = 0;
    const r = await previewReturn(deps, who, mats().id, { lines: lines().map((l) => ({ ...l, photos: 0 })), resolution: "refund" });
    expect(r.exchange).toBeUndefined();
    expect(reads.exchangeOptions).toBe(0);
  });

  it("a submission reads the variants before the per-order lock, never while holding it, and re-checks the choice against that read", async () => {
    const large = standin.store.variants.get(LARGE)!;
    const stock = large.inventoryQuantity;
    large.inventoryQuantity = 0;
    try {
      const refused = await submitReturnRequest(deps, who, mats().id, { idempotencyKey: randomUUID(), lines: lines({ exchangeVariantId: LARGE }).map((l) => ({ ...l, photos: [] })), resolution: "exchange" }).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(ShopperError);
      expect(refused).toMatchObject({ status: 422, field: "lines[0].exchangeVariantId", message: "This item is out of stock" });
    } finally {
      large.inventoryQuantity = stock;
    }
    const ok = await submitReturnRequest(deps, who, mats().id, { idempotencyKey: randomUUID(), lines: lines({ exchangeVariantId: LARGE }).map((l) => ({ ...l, photos: [] })), resolution: "exchange" });
    expect(ok.created).toBe(true);
    expect(reads.exchangeOptions).toBe(2);
    expect(reads.lockHeldDuringRead).toBe(false);
  });
});

describe("the shopper's status follows the new item", () => {
  it("asked for, sent once the return is processed, being prepared once Shopify released it, shipped with tracking", async () => {
    // Alex's seat cover (101, one variant, stock tracked), replaced: the same item, free
    const order = [...standin.store.orders.values()].find((o) => o.customerId === ALEX && o.lineItems.length === 1 && o.lineItems[0]!.productId === "gid://shopify/Product/101")!;
    const lineItemId = order.lineItems[0]!.id;
    // a fault (the standard preset asks photos of damage, not of a wrong item)
    const { request } = await submitReturnRequest(deps, who, order.id, {
      idempotencyKey: randomUUID(),
      lines: [{ lineItemId, quantity: 1, reason: "WRONG_ITEM", conditions: [], note: "", photos: [] }],
      resolution: "replacement",
    });
    expect(request.newItems?.message).toBe("You asked for a replacement: 1 × Custom Seat Cover - Toyota Hilux.");

    const staff = { ...deps, actor: "staff:1" };
    const statusNow = async () => (await getOverview(deps, who, order.id)).requests.find((r) => r.id === request.id)!;
    expect((await approveRequest(staff, standin.shop, request.id)).ok).toBe(true);
    expect((await statusNow()).newItems?.message).toBe("Your replacement (1 × Custom Seat Cover - Toyota Hilux) is sent once your return is received and processed.");
    expect((await markReceived(staff, standin.shop, request.id, { restock: true })).ok).toBe(true);
    expect(reads.exchangeStatus).toBe(0);
    expect((await refundRequest(staff, standin.shop, request.id, { to: "original_payment" })).ok).toBe(true);

    const processed = await statusNow();
    // nothing was refunded: the shopper is not told "Refunded"
    expect(processed.status).toBe("closed");
    expect(processed.refund).toBeUndefined();
    expect(processed.newItems).toEqual({ message: "Your replacement (1 × Custom Seat Cover - Toyota Hilux) is being prepared for shipping." });
    expect(reads.exchangeStatus).toBe(1);
    await statusNow();
    expect(reads.exchangeStatus).toBe(1); // once a minute per Return

    const fo = standin.store.orders.get(order.id)!.fulfillmentOrders!.at(-1)!;
    expect(fo.status).toBe("OPEN");
    await standin.fulfillFulfillmentOrder({ fulfillmentOrderId: fo.id, trackingNumber: "NZP-R-1", trackingCompany: "NZ Post", trackingUrl: "https://www.nzpost.co.nz/tools/tracking?trackid=NZP-R-1" });
    clearExchangeStatusCache();
    expect((await statusNow()).newItems).toEqual({
      message: "Your replacement (1 × Custom Seat Cover - Toyota Hilux) has shipped. Tracking number: NZP-R-1 (NZ Post)",
      trackingUrl: "https://www.nzpost.co.nz/tools/tracking?trackid=NZP-R-1",
    });
  });
});

describe("another product, when the policy allows it (exchangeOtherProducts)", () => {
  const BOOT_LINER = "gid://shopify/ProductVariant/1040";
  const HILUX = "gid://shopify/ProductVariant/1010";
  const saveOthers = async (on: boolean, at: string) => {
    const policy = getPreset("standard-30-day")!;
    policy.approval = { mode: "manual" };
    policy.resolutions.return = ["refund", "replacement", "exchange"];
    policy.resolutions.exchangeOtherProducts = on;
    await deps.repos.policies.saveNewVersion(standin.shop, { policy, presetId: "standard-30-day", createdBy: "test", now: new Date(at) });
  };
  // the item picker's submission holds the mats: the shopper cancels it, so these may ask again
  const cancelOpen = async () => {
    for (const r of (await getOverview(deps, who, mats().id)).requests) if (r.canCancel) await cancelReturnRequest(deps, who, r.id);
  };
  beforeEach(cancelOpen);
  const preview = () => previewReturn(deps, who, mats().id, { lines: lines().map((l) => ({ ...l, photos: 0 })), resolution: "exchange" });

  it("lists other products of the same type, active, published and in stock, after the returned one's sizes, named with their product", async () => {
    await saveOthers(true, "2021-01-01T00:00:00Z");
    const p = await preview();
    expect(p.exchange?.lines[0]?.choices).toEqual([
      { variantId: LARGE, title: "Large", price: "89.00", label: "Large · NZ$89.00 · same price" },
      { variantId: XL, title: "XL", price: "99.00", more: "10.00", label: "XL · NZ$99.00 · costs NZ$10.00 more — not possible here" },
      { variantId: BOOT_LINER, title: "Boot Liner", price: "69.00", back: "20.00", label: "Boot Liner · NZ$69.00 · NZ$20.00 back" },
    ]);
    // one search by the returned product's type (Shopify's products search; the straws on the same order are not
    // asked about), kept for the minute like the order's own read
    expect(reads.otherProducts).toEqual(['product_type:"Floor Mats" status:active published_status:published gift_card:false']);
    expect(reads.exchangeOptions).toBe(1);
    await preview();
    expect(reads.otherProducts).toHaveLength(1);
    // a replacement never reads other products
    await previewReturn(deps, who, mats().id, { lines: lines().map((l) => ({ ...l, photos: 0 })), resolution: "replacement" });
    expect(reads.otherProducts).toHaveLength(1);
    // a product taken off the online store, a draft, or one out of stock is not offered
    const liner = standin.store.products.get("gid://shopify/Product/104")!;
    for (const change of [{ published: false }, { status: "DRAFT" as const }]) {
      Object.assign(liner, change);
      clearExchangeOptionsCache();
      try {
        expect(JSON.stringify((await preview()).exchange)).not.toContain(BOOT_LINER);
      } finally {
        delete liner.published;
        delete liner.status;
      }
    }
    const variant = standin.store.variants.get(BOOT_LINER)!;
    const stock = variant.inventoryQuantity;
    variant.inventoryQuantity = 0;
    clearExchangeOptionsCache();
    try {
      expect(JSON.stringify((await preview()).exchange)).not.toContain(BOOT_LINER);
    } finally {
      variant.inventoryQuantity = stock;
    }
  });

  it("a submission re-reads another product's variant before the lock and keeps it with the refund of the difference; a product of another type is refused", async () => {
    await saveOthers(true, "2021-01-01T00:00:00Z");
    const submit = (variant: string) =>
      submitReturnRequest(deps, who, mats().id, { idempotencyKey: randomUUID(), lines: lines({ exchangeVariantId: variant }).map((l) => ({ ...l, photos: [] })), resolution: "exchange" });
    // a seat cover is not a floor mat: not offered, not accepted
    const other = await submit(HILUX).catch((e: unknown) => e);
    expect(other).toMatchObject({ status: 422, field: "lines[0].exchangeVariantId", message: "This item cannot be chosen for this order" });
    const ok = await submit(BOOT_LINER);
    expect(ok.created).toBe(true);
    expect(reads.otherProducts).toHaveLength(2);
    expect(ok.request.newItems?.message).toContain("Boot Liner");
    const stored = await deps.repos.returnRequests.findById(standin.shop, ok.request.id);
    expect(stored?.refundMinor).toBe(2000);
    expect(reads.lockHeldDuringRead).toBe(false);
    // a size of the same product asks nothing more of Shopify than before
    reads.otherProducts = [];
    await cancelOpen();
    expect((await submit(LARGE)).created).toBe(true);
    expect(reads.otherProducts).toEqual([]);
  });

  it("with the policy off, other products are neither listed nor searched, and a submission of one is refused", async () => {
    await saveOthers(false, "2022-01-01T00:00:00Z");
    const p = await preview();
    expect(JSON.stringify(p.exchange)).not.toContain(BOOT_LINER);
    const refused = await submitReturnRequest(deps, who, mats().id, {
      idempotencyKey: randomUUID(),
      lines: lines({ exchangeVariantId: BOOT_LINER }).map((l) => ({ ...l, photos: [] })),
      resolution: "exchange",
    }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ status: 422, field: "lines[0].exchangeVariantId" });
    expect(reads.otherProducts).toEqual([]);
  });
});

describe("how another product's choice is named", () => {
  it("with its product, and its option when it has options; the line's own sizes by their option alone", () => {
    const L = "gid://shopify/LineItem/1";
    const own = { variantId: "v-std", productId: "p-mats", productTitle: "Floor Mats", title: "Standard", unitPriceMinor: 8900, available: 3 };
    const options = {
      sameCurrency: true,
      currency: "NZD",
      lines: new Map([
        [
          L,
          {
            returned: { variantId: "v-std", productId: "p-mats" },
            productTitle: "Floor Mats",
            productType: "Floor Mats",
            options: [
              own,
              { ...own, variantId: "v-lg", title: "Large" },
              { variantId: "v-prem-lg", productId: "p-prem", productTitle: "Floor Mats Premium", title: "Large", unitPriceMinor: 8900, available: 2 },
              { variantId: "v-liner", productId: "p-liner", productTitle: "Boot Liner", title: "Default Title", unitPriceMinor: 6900, available: null },
            ],
          },
        ],
      ]),
    };
    const [line] = exchangeChoices({ kind: "exchange", options, lines: [{ lineItemId: L, quantity: 1, refundMinor: 8900 }], otherProducts: true, currency: "NZD", locale: "en" });
    expect(line!.choices.map((c) => c.label)).toEqual(["Large · NZ$89.00 · same price", "Floor Mats Premium · Large · NZ$89.00 · same price", "Boot Liner · NZ$69.00 · NZ$20.00 back"]);
    // the same read with the policy off: the other products are not offered
    const [off] = exchangeChoices({ kind: "exchange", options, lines: [{ lineItemId: L, quantity: 1, refundMinor: 8900 }], otherProducts: false, currency: "NZD", locale: "en" });
    expect(off!.choices.map((c) => c.title)).toEqual(["Large"]);
  });
});
