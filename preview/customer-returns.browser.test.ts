// customer-returns in the preview host, in headless Chromium.
// 1) Against an in-memory fake of the app API contract (always runs): the whole shopper flow.
// 2) Against the real app when APP_URL is set (plus STANDIN_URL, PREVIEW_ORDER_ID, PREVIEW_CUSTOMER_ID):
//    the integrator points this at the demo stack.
import path from "node:path";
import type { Browser, Frame, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ARTIFACTS, chromiumPath, launch, targetFrame, waitForFrames, watchPage } from "./browser";
import { seriousViolations } from "./axe";
import { startFakeApp, type FakeApp } from "./fake-app";
import { defaultFixture, startPreview, type PreviewServer } from "./serve";
import { DESKTOP_CHROME_UA } from "../demo/admin-browser";

const haveChromium = !!chromiumPath();
const APP_URL = process.env.APP_URL;
if (!haveChromium) console.warn("customer-returns preview tests skipped: no chromium at /usr/bin/chromium (set CHROMIUM_PATH)");
if (!APP_URL) console.warn("customer-returns against the real app skipped: set APP_URL (and STANDIN_URL, PREVIEW_ORDER_ID, PREVIEW_CUSTOMER_ID) to run it");

async function openPreview(browser: Browser, server: PreviewServer) {
  // A desktop browser's user agent: the app's Shopify library answers headless bots with 410, as it should.
  const page = await browser.newPage({ viewport: { width: 800, height: 1000 }, userAgent: DESKTOP_CHROME_UA });
  const seen = watchPage(page);
  await page.goto(server.url);
  await waitForFrames(page, seen);
  return { page, errors: seen.errors };
}
const frameFor = (page: Page, target: string): Frame => {
  const f = page.frames().find((x) => x.url().includes(encodeURIComponent(target)) || x.url().includes(target));
  if (!f) throw new Error(`no frame for ${target}`);
  return f;
};

describe.skipIf(!haveChromium)("customer-returns against the API contract (fake app)", { timeout: 90_000 }, () => {
  let browser: Browser;
  let app: FakeApp;
  let server: PreviewServer;
  beforeAll(async () => {
    browser = await launch();
    app = await startFakeApp();
    // The fake app knows one order, its overview fixture's (the default fixture names a demo shop order).
    const fixture = { ...defaultFixture("customer-returns"), order: { id: app.overview.order.id, name: app.overview.order.name } };
    server = await startPreview({ extension: "customer-returns", appUrl: app.url, standinUrl: app.url, fixture });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await app?.close();
  });

  it("follows 'Request return' from the order's status block to the request page, requests a return with a photo, sees it requested, then cancels it", async () => {
    const { page, errors } = await openPreview(browser, server);
    const status = frameFor(page, "customer-account.order-status.block.render");
    await status.getByRole("link", { name: "Request return" }).click();
    // the order's request page (extensions/customer-returns-page), opened on its form
    await page.waitForURL(/[?&]page=customer-returns-page/);
    const block = await targetFrame(page, "customer-account.order.page.render");
    await expect.poll(() => block.getByRole("heading", { name: "Request a return for #1001" }).count()).toBe(1);
    expect(await block.getByRole("link", { name: "Back to order #1001" }).getAttribute("href")).toBe("shopify:customer-account/orders/1001");

    // Only the returnable line is offered, with its remaining quantity.
    await block.getByLabel("Quantity to return (up to 2)").fill("1");
    expect(await block.locator("body").innerText()).not.toContain("Gift card");
    await block.getByRole("button", { name: "Submit request" }).click();
    await expect.poll(() => block.getByText("Choose a reason.").count()).toBeGreaterThan(0);

    await block.getByLabel("Reason", { exact: true }).selectOption("DEFECTIVE");
    await expect.poll(() => block.getByText("A photo of the problem is required.").count()).toBe(1); // engine feedback (debounced preview)
    await block.getByLabel("Add a photo of the problem").setInputFiles({ name: "crack.png", mimeType: "image/png", buffer: Buffer.from("89504e470d0a1a0a", "hex") });
    await expect.poll(() => block.getByText("crack.png: uploaded").count()).toBe(1);
    await expect.poll(() => block.getByText("Eligible for a refund.").count()).toBe(1);
    await expect.poll(() => block.getByText("Estimated amount: €49.90").count()).toBe(1);
    await block.getByLabel("Note (optional)").fill("Seam split after one wash");
    await block.getByLabel("Resolution").selectOption("refund");
    expect(await block.getByText("Expected between 1 December 2026 and 8 December 2026").count()).toBe(1);
    await page.screenshot({ path: path.join(ARTIFACTS, "customer-returns-form.png"), fullPage: true });
    // the filled-in form passes axe: every field labelled, errors and statuses readable
    expect(await seriousViolations(block)).toEqual([]);

    await block.getByRole("button", { name: "Submit request" }).click();
    await expect.poll(() => block.getByText("Your return request was sent.").count()).toBe(1);
    expect(app.uploads).toHaveLength(1);
    expect(app.uploads[0]!.fields).toEqual(["key", "Content-Type", "file"]); // parameters first, then the file
    expect(app.submitted).toHaveLength(1);
    const sent = app.submitted[0]!;
    expect(sent.idempotencyKey).toMatch(/^[0-9a-f-]{36}$/);
    expect(sent.lines).toEqual([
      { lineItemId: "gid://shopify/LineItem/1", quantity: 1, reason: "DEFECTIVE", conditions: [], photos: ["https://fake-staged.example/tmp/1/crack.png"], note: "Seam split after one wash" },
    ]);
    expect(sent.resolution).toBe("refund");
    expect(await block.locator("body").innerText()).toContain("Requested");
    await page.screenshot({ path: path.join(ARTIFACTS, "customer-returns-requested.png"), fullPage: true });

    await block.getByRole("button", { name: /Cancel the return requested on/ }).click();
    // the shopper is asked first; nothing is cancelled until they say yes
    await block.getByText("Cancel this return request?", { exact: false }).waitFor();
    expect(await block.getByText("Your return request was cancelled.").count()).toBe(0);
    await block.getByRole("button", { name: "Yes, cancel it" }).click();
    await expect.poll(() => block.getByText("Your return request was cancelled.").count()).toBe(1);
    expect(await block.locator("body").innerText()).toContain("Cancelled");
    expect(errors).toEqual([]);
    await page.close();
  });

  it("links the order's action menu item to the order's request page, and the page back to the order", async () => {
    const { page, errors } = await openPreview(browser, server);
    const menu = frameFor(page, "customer-account.order.action.menu-item.render");
    const item = menu.getByRole("link", { name: "Request return" });
    expect(await item.getAttribute("href")).toBe("extension:customer-returns-page/customer-account.order.page.render/1001/");
    await item.click();
    await page.waitForURL(/[?&]page=customer-returns-page/);
    const form = await targetFrame(page, "customer-account.order.page.render");
    await expect.poll(() => form.getByLabel("Quantity to return (up to 2)").count()).toBe(1);
    expect(await form.getByRole("button", { name: "Submit request" }).count()).toBe(1);
    expect(await form.getByLabel("Resolution").inputValue()).toBe("refund"); // preselected, options arrive after value
    expect(await page.locator("dialog").count()).toBe(0); // no order action modal any more
    await page.screenshot({ path: path.join(ARTIFACTS, "customer-returns-page.png"), fullPage: true });
    expect(await seriousViolations(form)).toEqual([]);
    // Back to the order: the block and the menu item again.
    await form.getByRole("link", { name: "Back to order #1001" }).click();
    await page.waitForURL((u) => !u.search.includes("page="));
    await targetFrame(page, "customer-account.order-status.block.render");
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe.skipIf(!haveChromium || !APP_URL)("customer-returns against the real app (APP_URL)", { timeout: 90_000 }, () => {
  it("loads the order's return options with a stand-in session token", async () => {
    const browser = await launch();
    const fixture = defaultFixture("customer-returns");
    if (process.env.PREVIEW_ORDER_ID) fixture.order = { id: process.env.PREVIEW_ORDER_ID, name: process.env.PREVIEW_ORDER_NAME ?? "" };
    if (process.env.PREVIEW_CUSTOMER_ID) fixture.customerId = process.env.PREVIEW_CUSTOMER_ID;
    const server = await startPreview({ extension: "customer-returns", appUrl: APP_URL, standinUrl: process.env.STANDIN_URL, fixture });
    try {
      const { page, errors } = await openPreview(browser, server);
      const block = frameFor(page, "customer-account.order-status.block.render");
      await expect.poll(() => block.getByRole("progressbar").count(), { timeout: 15_000 }).toBe(0);
      const text = await block.locator("body").innerText();
      expect(text).not.toContain("We couldn't load your return options.");
      await page.screenshot({ path: path.join(ARTIFACTS, "customer-returns-real-app.png"), fullPage: true });
      expect(errors).toEqual([]);
    } finally {
      await server.close();
      await browser.close();
    }
  });
});
