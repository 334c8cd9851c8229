// End to end: the demo stack (stand-in + built app + admin frame) serves the embedded home page to headless
// Chromium with a real session token, with no console errors; saves a screenshot to artifacts/.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { ARTIFACTS, chromiumPath, launch } from "../preview/browser";
import { DESKTOP_CHROME_UA, openAdmin } from "./admin-browser";
import { startDemoStack, type DemoStack } from "./stack";

const canRun = Boolean(chromiumPath());

describe.skipIf(!canRun)("demo stack in a browser", () => {
  let stack: DemoStack;
  let browser: Browser;

  beforeAll(async () => {
    // A database of its own (never demo.sqlite); SQLite even when the suite runs on PostgreSQL, since this
    // test is about the stack, not the database.
    const { mkdtempSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const dir = mkdtempSync(join(tmpdir(), "demo-e2e-"));
    stack = await startDemoStack({ databaseUrl: `file:${join(dir, "demo.sqlite")}` });
    browser = await launch();
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  it("opens the embedded home page with a valid session and no console errors", async () => {
    const admin = await openAdmin(browser, stack.adminUrl);
    const app = await admin.appFrame("/app");
    await app.getByRole("heading", { name: "Returns", level: 1 }).waitFor();
    await admin.page.waitForTimeout(500);
    await admin.page.screenshot({ path: join(ARTIFACTS, "demo-home.png"), fullPage: true });
    expect(admin.problems).toEqual([]);
    await admin.context.close();
  });

  it("refuses the app page without a session token (bounce, not the page)", async () => {
    const host = Buffer.from("admin.shopify.com/store/demo-returns").toString("base64url");
    const res = await fetch(`${stack.appUrl}/app?embedded=1&shop=${stack.standin.shop}&host=${host}`, {
      redirect: "manual",
      headers: { "user-agent": DESKTOP_CHROME_UA },
    });
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toMatch(/\/auth\/session-token/);
  });
});
