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
import { clearExchangeOptionsCache } from "./exchange-choices";
import { getOverview } from "./overview";
import { previewReturn } from "./preview";
import type { SubmitBody } from "./schemas";
import { submitReturnRequest } from "./submit";
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
let reads: { exchangeOptions: number; lockHeldDuringRead: boolean; exchangeStatus: number };
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
    return inner(query, variables);
  });
  deps = { repos, admin, now: () => new Date() };
}, 60_000);

afterAll(async () => {
  await standin?.close();
  await db?.cleanup();
});

beforeEach(() => {
  reads = { exchangeOptions: 0, lockHeldDuringRead: false, exchangeStatus: 0 };
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
