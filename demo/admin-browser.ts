// Opens the demo's admin frame in headless Chromium the way a person's browser would, and collects every
// console error, page error and failed request so tests can insist there are none.
import type { Browser, BrowserContext, Frame, Page } from "playwright-core";

// A person's desktop Chrome, for requests made outside the browser (the app judges tokenless bots by this).
export const DESKTOP_CHROME_UA =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36";

export interface AdminSession {
  context: BrowserContext;
  page: Page;
  problems: string[];
  /** The app's iframe, once it has loaded `path`. */
  appFrame(path?: string): Promise<Frame>;
}

/**
 * `userAgent` defaults to the headless browser's own ("HeadlessChrome"): requests carrying a session token are
 * judged by the token, not the user agent (app/shopify/bot-filter.server.ts).
 */
export async function openAdmin(browser: Browser, adminUrl: string, path = "/", opts: { userAgent?: string } = {}): Promise<AdminSession> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...(opts.userAgent ? { userAgent: opts.userAgent } : {}) });
  // This machine has no internet: Shopify's CDN (the Inter font stylesheet, the App Bridge preload hint) is
  // answered with an empty 200 instead of a DNS failure. App Bridge itself comes from the demo's admin
  // frame (SHOPIFY_APP_BRIDGE_URL), as it does for a person running `npm run demo`.
  await context.route("https://cdn.shopify.com/**", (route) =>
    route.fulfill({ status: 200, contentType: route.request().url().endsWith(".css") ? "text/css" : "text/plain", body: "" }),
  );
  const page = await context.newPage();
  const problems: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(`console error: ${m.text()}`);
  });
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("requestfailed", (r) => problems.push(`request failed: ${r.url()} ${r.failure()?.errorText ?? ""}`));
  page.on("response", (r) => {
    if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  await page.goto(new URL(path, adminUrl).href);
  return {
    context,
    page,
    problems,
    async appFrame(appPath = "/app") {
      const deadline = Date.now() + 30_000;
      while (Date.now() < deadline) {
        const frame = page.frames().find((f) => new URL(f.url(), "http://x").pathname === appPath);
        if (frame) {
          await frame.waitForLoadState("load");
          return frame;
        }
        await page.waitForTimeout(100);
      }
      throw new Error(`the app frame never showed ${appPath}; frames: ${page.frames().map((f) => f.url()).join(", ")}`);
    },
  };
}
