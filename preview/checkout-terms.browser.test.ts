// Serves the checkout-terms preview with fixture metafields, opens it in headless Chromium, checks what a
// buyer sees and that the final-sale acknowledgement really blocks "Continue" until ticked.
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ARTIFACTS, chromiumPath, launch, waitForFrames, watchPage } from "./browser";
import { defaultFixture, startPreview, type PreviewServer } from "./serve";

const haveChromium = !!chromiumPath();
if (!haveChromium) console.warn("checkout-terms preview test skipped: no chromium at /usr/bin/chromium (set CHROMIUM_PATH)");

describe.skipIf(!haveChromium)("checkout-terms in the preview host", { timeout: 60_000 }, () => {
  let server: PreviewServer;
  let browser: Browser;

  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function open(locale: string): Promise<Page> {
    server = await startPreview({ extension: "checkout-terms", fixture: { ...defaultFixture("checkout-terms"), locale } });
    const page = await browser.newPage({ viewport: { width: 800, height: 900 } });
    const seen = watchPage(page);
    await page.goto(server.url);
    // Every frame mounted its extension.
    await waitForFrames(page, seen);
    expect(seen.errors).toEqual([]);
    return page;
  }

  it("shows per-line notes, thank-you terms and enforces the acknowledgement (en)", async () => {
    const page = await open("en");
    try {
      const lineFrames = page.frames().filter((f) => f.url().includes("cart-line-item"));
      expect(lineFrames).toHaveLength(3);
      expect((await lineFrames[0]!.locator("body").innerText()).trim()).toBe("Final sale — not returnable");
      expect((await lineFrames[1]!.locator("body").innerText()).trim()).toBe("30-day returns from delivery · 2-year warranty");
      expect((await lineFrames[2]!.locator("body").innerText()).trim()).toBe(""); // default terms: no note

      const thanks = page.frames().find((f) => f.url().includes("thank-you"))!;
      await expect.poll(() => thanks.getByRole("region", { name: "Return terms" }).count()).toBe(1);
      const thanksText = await thanks.locator("body").innerText();
      expect(thanksText).toContain("Clearance linen shirt");
      expect(thanksText).toContain("Final sale");
      expect(thanksText).toContain("2-year warranty");
      expect(thanksText).toContain("All other items: 30-day returns from delivery");
      expect(thanksText).not.toContain("Wool socks");

      const ack = page.frames().find((f) => f.url().includes("cart-line-list"))!;
      const box = ack.getByLabel("I understand final-sale items can't be returned");
      await expect.poll(() => box.count()).toBe(1);
      await page.screenshot({ path: path.join(ARTIFACTS, "checkout-terms-en.png"), fullPage: true });

      await page.getByRole("button", { name: "Continue to shipping" }).click();
      await expect.poll(() => page.locator("#journey").innerText()).toContain("Checkout blocked");
      await expect.poll(() => ack.getByRole("alert").innerText()).toContain("Please confirm");
      await page.screenshot({ path: path.join(ARTIFACTS, "checkout-terms-en-blocked.png"), fullPage: true });

      await box.check();
      await page.getByRole("button", { name: "Continue to shipping" }).click();
      await expect.poll(() => page.locator("#journey").innerText()).toBe("Continuing to shipping");
      await expect.poll(() => ack.getByRole("alert").count()).toBe(0); // error cleared
    } finally {
      await page.close();
      await server.close();
    }
  });

  it("renders in French", async () => {
    const page = await open("fr");
    try {
      const lineFrames = page.frames().filter((f) => f.url().includes("cart-line-item"));
      expect((await lineFrames[0]!.locator("body").innerText()).trim()).toBe("Vente finale — non retournable");
      const ack = page.frames().find((f) => f.url().includes("cart-line-list"))!;
      await expect.poll(() => ack.getByLabel("Je comprends que les articles en vente finale ne peuvent pas être retournés").count()).toBe(1);
      const thanks = page.frames().find((f) => f.url().includes("thank-you"))!;
      expect(await thanks.locator("body").innerText()).toContain("Garantie 2 ans");
      await page.screenshot({ path: path.join(ARTIFACTS, "checkout-terms-fr.png"), fullPage: true });
    } finally {
      await page.close();
      await server.close();
    }
  });
});
