/**
 * The customer-returns extension (in the preview host, headless Chromium) against the REAL shopper
 * API: route modules served over loopback, customer session tokens minted by the stand-in, Admin
 * API calls to the stand-in, a fresh database. Screenshots: artifacts/shopper-real-*.png.
 */
import path from "node:path";
import type { Browser, Frame, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRepos } from "~/db";
import { createTestDatabase, type TestDatabase } from "~/db/test-db";
import { startStandin, type Standin } from "../../../standin";
import type { OrderRec } from "../../../standin/state/types";
import { ARTIFACTS, chromiumPath, launch, waitForFrames, watchPage } from "../../../preview/browser";
import { startPreview, type PreviewServer } from "../../../preview/serve";
import { startShopperApiServer, type ShopperApiServer } from "./test-server";
import { installAppAtStandin } from "~/test/installed-app";

const API_KEY = "shopper-browser-key";
const SECRET = "shopper-browser-secret-0123456789";
const ALEX = "gid://shopify/Customer/1";
const haveChromium = !!chromiumPath();

describe.skipIf(!haveChromium)("customer-returns extension against the real shopper API", { timeout: 120_000 }, () => {
  let db: TestDatabase;
  let standin: Standin;
  let api: ShopperApiServer;
  let browser: Browser;
  let preview: PreviewServer | undefined;
  let order: OrderRec;

  beforeAll(async () => {
    db = await createTestDatabase();
    standin = await startStandin({ apiKey: API_KEY, apiSecret: SECRET, webhooks: [], seed: "demo" });
    await installAppAtStandin({
      db,
      standin,
      apiKey: API_KEY,
      apiSecret: SECRET,
      appUrl: "https://returns.example.com",
      scopes: "read_orders,write_returns,write_files",
    });
    // The merchant has turned automation on in Settings, so the policy's approval mode applies.
    const shops = createRepos(db.prisma).shops;
    await shops.upsertInstalled(standin.shop, { now: new Date() });
    await shops.updateSettings(standin.shop, { autoApproval: true });
    api = await startShopperApiServer();
    browser = await launch();
    order = [...standin.store.orders.values()].find(
      (o) => o.customerId === ALEX && o.lineItems.some((l) => l.productId === "gid://shopify/Product/103") && o.lineItems.some((l) => l.productId === "gid://shopify/Product/209"),
    )!;
  });

  afterAll(async () => {
    await preview?.close();
    await browser?.close();
    await api?.close();
    await standin?.close();
    await db?.cleanup();
  });

  async function open(): Promise<{ page: Page; block: Frame; errors: string[] }> {
    preview = await startPreview({
      extension: "customer-returns",
      appUrl: api.url,
      standinUrl: standin.url,
      fixture: { locale: "en", order: { id: order.id, name: order.name }, customerId: ALEX } as Parameters<typeof startPreview>[0]["fixture"],
    });
    // Headless Chromium says "HeadlessChrome", which the library's bot filter answers with 410 (as it
    // would in production); a shopper's browser does not, so present a regular Chrome user agent.
    const page = await browser.newPage({
      viewport: { width: 800, height: 1200 },
      userAgent: "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36",
    });
    const seen = watchPage(page);
    const errors = seen.errors;
    await page.goto(preview.url);
    await waitForFrames(page, seen);
    const block = page.frames().find((x) => x.url().includes("order-status.block.render"));
    if (!block) throw new Error("no order-status block frame");
    return { page, block, errors };
  }

  it("shows the form, the engine's refusal, submits, and shows the (auto-approved) status", async () => {
    const { page, block, errors } = await open();
    await block.getByRole("button", { name: "Request return" }).click({ timeout: 20_000 });

    // The floor mats (1 left) and the straws (2 left) are offered.
    await block.getByLabel("Quantity to return (up to 1)").fill("1");
    await block.getByLabel("Reason", { exact: true }).first().selectOption("UNWANTED");
    // Engine verdict from the real preview endpoint: the change-of-mind conditions are not confirmed.
    await expect.poll(() => block.getByText(/The item must be/).count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await page.screenshot({ path: path.join(ARTIFACTS, "shopper-real-refusal.png"), fullPage: true });

    for (const label of ["The item is unused", "Tags are still attached", "The item is in its original packaging"]) {
      const box = block.getByLabel(label);
      if ((await box.count()) > 0) await box.first().check();
    }
    await expect.poll(() => block.getByText(/Returns are accepted within 30 days/).count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await block.getByLabel("Resolution").selectOption("refund");
    await expect.poll(() => block.getByText(/Estimated amount: .*89/).count(), { timeout: 15_000 }).toBe(1);
    await page.screenshot({ path: path.join(ARTIFACTS, "shopper-real-form.png"), fullPage: true });

    await block.getByRole("button", { name: "Submit request" }).click();
    await expect.poll(() => block.getByText("Your return request was sent.").count(), { timeout: 15_000 }).toBe(1);
    // Settings has automation on and standard-30-day (no policy saved yet) approves eligible requests.
    await expect.poll(async () => (await block.locator("body").innerText()).includes("Approved"), { timeout: 15_000 }).toBe(true);
    expect(await block.getByText("Your return was approved. Please send the items back.").count()).toBe(1);
    expect(await block.getByText(/Refund: NZ\$89\.00/).count()).toBe(1);
    await page.screenshot({ path: path.join(ARTIFACTS, "shopper-real-status.png"), fullPage: true });

    const stored = await db.prisma.returnRequest.findMany({ where: { orderId: order.id } });
    expect(stored).toHaveLength(1);
    expect(stored[0]!.status).toBe("approved");
    expect(stored[0]!.shopifyReturnId).toBeTruthy();
    expect(standin.store.returns.get(stored[0]!.shopifyReturnId!)!.status).toBe("OPEN");
    expect(errors).toEqual([]);
    await page.close();
  });
});
