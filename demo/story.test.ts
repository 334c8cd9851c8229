// The demo tells the whole story, end to end in headless Chromium with its own default user agent: the admin
// home, a queue that is not empty on first open (requests seeded through the app's routes in every state), a
// request's detail, then the shopper's side: the customer account view, a demo customer's order with the
// customer-returns extension mounted (real customer session tokens from the stand-in), its "Request return" menu
// item leading to the order's return request page (customer-returns-page), and a request submitted there that
// staff then find in the queue. Screenshots of each screen go to artifacts/.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Frame, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ARTIFACTS, chromiumPath, launch, watchPage } from "../preview/browser";
import { seriousViolations } from "../preview/axe";
import { extensionFrame } from "./shopper-browser";
import { openAdmin } from "./admin-browser";
import { startDemoStack, type DemoStack } from "./stack";

describe.skipIf(!chromiumPath())("the demo's story (seeded demo stack, headless Chromium)", () => {
  let stack: DemoStack;
  let browser: Browser;

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), "demo-story-"));
    stack = await startDemoStack({ databaseUrl: `file:${join(dir, "demo.sqlite")}`, seedRequests: true });
    browser = await launch();
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  it("seeds one request in each state, each with its Return at the stand-in", () => {
    expect(stack.seeded.map((s) => s.state).sort()).toEqual(
      ["approved", "cancelled", "credited", "declined", "failed", "received", "refunded", "requested", "requested", "self_serve"].sort(),
    );
    const returnsOf = (orderId: string) => [...stack.standin.store.returns.values()].filter((r) => r.orderId === orderId);
    const statusAt = (state: string) => returnsOf(stack.seeded.find((s) => s.state === state)!.orderId).map((r) => r.status);
    expect(statusAt("requested")).toEqual(["REQUESTED"]);
    expect(statusAt("approved")).toEqual(["OPEN"]);
    expect(statusAt("declined")).toEqual(["DECLINED"]);
    expect(statusAt("cancelled")).toEqual(["CANCELED"]);
    expect(statusAt("failed")).toEqual(["REQUESTED"]);
    expect(statusAt("self_serve")).toEqual(["REQUESTED"]);
    const refunded = stack.seeded.find((s) => s.state === "refunded")!;
    expect([...stack.standin.store.refunds.values()].filter((r) => r.orderId === refunded.orderId)).toHaveLength(1);
  });

  it("loads the admin home with the headless browser's default user agent", async () => {
    const admin = await openAdmin(browser, stack.adminUrl);
    expect(await admin.page.evaluate(() => navigator.userAgent)).toContain("HeadlessChrome");
    const app = await admin.appFrame("/app");
    await app.getByRole("heading", { name: "Returns", level: 1 }).waitFor();
    expect(admin.problems).toEqual([]);
    await admin.context.close();
  });

  it("follows admin home → queue → a request → the shopper's order with the extension → a submitted request", { timeout: 180_000 }, async () => {
    const admin = await openAdmin(browser, stack.adminUrl);
    const home = await admin.appFrame("/app");
    await home.getByRole("heading", { name: "Returns", level: 1 }).waitFor();
    await admin.page.waitForTimeout(300);
    await admin.page.screenshot({ path: join(ARTIFACTS, "story-1-admin-home.png"), fullPage: true });

    await admin.page.getByRole("link", { name: "Requests" }).click();
    const queue = await admin.appFrame("/app/requests");
    const waiting = stack.seeded.find((s) => s.state === "requested")!;
    const row = queue.getByRole("row").filter({ hasText: waiting.orderName });
    await row.first().waitFor();
    await admin.page.screenshot({ path: join(ARTIFACTS, "story-2-queue.png"), fullPage: true });

    await row.first().click();
    const detail = await admin.appFrame(`/app/requests/${waiting.requestId}`);
    await detail.getByRole("button", { name: "Approve return" }).waitFor();
    await admin.page.screenshot({ path: join(ARTIFACTS, "story-3-request.png"), fullPage: true });

    // The request whose Shopify call failed says so and offers the retry.
    const failed = stack.seeded.find((s) => s.state === "failed")!;
    await admin.page.getByRole("link", { name: "Requests" }).click();
    const queueAgain = await admin.appFrame("/app/requests");
    await queueAgain.getByRole("row").filter({ hasText: failed.orderName }).first().click();
    const failedDetail = await admin.appFrame(`/app/requests/${failed.requestId}`);
    await failedDetail.getByRole("heading", { level: 1 }).first().waitFor();
    await admin.page.waitForTimeout(500);
    await admin.page.screenshot({ path: join(ARTIFACTS, "story-3b-failed-call.png"), fullPage: true });
    await failedDetail.getByRole("button", { name: "Retry the last action" }).waitFor();
    expect(admin.problems).toEqual([]);

    // The shopper's side, from the admin frame's navigation.
    await admin.page.getByRole("link", { name: "Customer account view" }).click();
    await admin.page.getByRole("heading", { name: "Sign in as a demo customer" }).waitFor();
    await admin.page.screenshot({ path: join(ARTIFACTS, "story-4-sign-in.png"), fullPage: true });
    await admin.page.getByRole("link", { name: /Alex Example/ }).click();
    await admin.page.getByRole("heading", { name: "Orders" }).waitFor();
    await admin.page.screenshot({ path: join(ARTIFACTS, "story-5-orders.png"), fullPage: true });
    await admin.page.getByRole("link", { name: /Order #1038/ }).click();
    const shopper = admin.page;
    const seen = watchPage(shopper);
    const status = await extensionFrame(shopper, "customer-account.order-status.block.render");
    await status.getByRole("link", { name: "Request return" }).waitFor({ timeout: 20_000 });
    const menu = await extensionFrame(shopper, "customer-account.order.action.menu-item.render");
    await shopper.screenshot({ path: join(ARTIFACTS, "story-6-order.png"), fullPage: true });
    expect(await seriousViolations(status)).toEqual([]);

    // "Request return" in the order's action menu leads to the order's return request page (a full-page extension).
    await menu.getByRole("link", { name: "Request return" }).click();
    await shopper.waitForURL(/\/orders\/\d+\/pages\/customer-returns-page$/);
    const block = await extensionFrame(shopper, "customer-account.order.page.render");
    await block.getByRole("heading", { name: "Request a return for #1038" }).waitFor({ timeout: 20_000 });
    // each line shows its product's picture (LineItem.image, read with the order), with the merchant's alt text
    expect(await block.getByRole("img", { name: "All-Weather Floor Mats (set of 4)" }).count()).toBe(1);

    // The shopper asks to return the floor mats: one unit, changed their mind, conditions confirmed.
    await block.getByLabel(/Quantity to return/).first().fill("1");
    await block.getByLabel("Reason", { exact: true }).first().selectOption({ index: 1 });
    for (const box of await block.getByRole("checkbox").all()) await box.check();
    await shopper.screenshot({ path: join(ARTIFACTS, "story-7-form.png"), fullPage: true });
    expect(await seriousViolations(block)).toEqual([]);
    await block.getByRole("button", { name: "Submit request" }).click();
    await expect.poll(() => block.getByText("Your return request was sent.").count(), { timeout: 20_000 }).toBe(1);
    expect(await block.locator("body").innerText()).toContain("Requested");
    await shopper.screenshot({ path: join(ARTIFACTS, "story-8-requested.png"), fullPage: true });
    expect(seen.errors).toEqual([]);
    expect(seen.problems).toEqual([]);

    // Shopify holds the Return the app asked for, and staff find the request in the queue.
    const order = [...stack.standin.store.orders.values()].find((o) => o.name === "#1038")!;
    expect([...stack.standin.store.returns.values()].filter((r) => r.orderId === order.id).map((r) => r.status)).toEqual(["REQUESTED"]);
    // The page reloads the order's returns after a submit: leave it once that has finished, or the
    // navigation aborts it.
    await shopper.waitForLoadState("networkidle");
    await shopper.getByRole("link", { name: "Shopify admin" }).click();
    // the admin home (and its app frame) has loaded before its navigation is used: a click during that
    // load was lost on a busy machine and the frame stayed on /app
    const backHome = await admin.appFrame("/app");
    await backHome.getByRole("heading", { level: 1 }).first().waitFor();
    await admin.page.getByRole("link", { name: "Requests" }).click();
    const after = await admin.appFrame("/app/requests");
    await after.getByRole("row").filter({ hasText: "#1038" }).first().waitFor();
    expect(admin.problems).toEqual([]);
    await admin.context.close();
  });

  it("every admin screen passes axe with no serious violations, and a keyboard alone approves a request from the queue", { timeout: 180_000 }, async () => {
    const admin = await openAdmin(browser, stack.adminUrl);
    const screens: [string, string, string, string][] = [
      ["Returns", "/app", "Returns", "story-a11y-1-home.png"],
      ["Requests", "/app/requests", "Return requests", "story-a11y-2-queue.png"],
      ["Analytics", "/app/analytics", "Analytics", "story-a11y-3-analytics.png"],
      ["Activity", "/app/activity", "Activity", "story-a11y-4-activity.png"],
      ["Policy", "/app/policy", "", "story-a11y-5-policy.png"],
      ["Settings", "/app/settings", "", "story-a11y-6-settings.png"],
    ];
    const found: Record<string, unknown> = {};
    await admin.appFrame("/app");
    for (const [link, path, heading, shot] of screens) {
      if (path !== "/app") await admin.page.getByRole("link", { name: link, exact: true }).click();
      const app = await admin.appFrame(path);
      if (heading) await app.getByRole("heading", { name: heading, level: 1 }).waitFor();
      else await app.getByRole("heading", { level: 1 }).first().waitFor();
      await admin.page.waitForTimeout(400);
      await admin.page.screenshot({ path: join(ARTIFACTS, shot), fullPage: true });
      const v = await seriousViolations(app);
      if (v.length) found[path] = v;
    }
    expect(found).toEqual({});

    // Keyboard only: from the queue, Tab to a waiting request, open it, Tab to "Approve return", press Enter.
    const waiting = stack.seeded.filter((s) => s.state === "requested").at(-1)!;
    await admin.page.getByRole("link", { name: "Requests" }).click();
    const queue = await admin.appFrame("/app/requests");
    await queue.getByRole("row").filter({ hasText: waiting.orderName }).first().waitFor();
    await queue.locator("body").focus();
    await tabTo(admin.page, queue, new RegExp(`request for order ${waiting.orderName}\\b`));
    await admin.page.keyboard.press("Enter");
    const detail = await admin.appFrame(`/app/requests/${waiting.requestId}`);
    await detail.getByRole("button", { name: "Approve return" }).waitFor();
    expect(await seriousViolations(detail)).toEqual([]);
    await tabTo(admin.page, detail, /Approve return/);
    await admin.page.screenshot({ path: join(ARTIFACTS, "story-a11y-7-keyboard-approve.png"), fullPage: true });
    await admin.page.keyboard.press("Enter");
    // a confirmation, when the screen asks for one, is answered from the keyboard too
    const confirm = detail.getByRole("dialog");
    if (await confirm.count()) {
      await tabTo(admin.page, detail, /Approve/);
      await admin.page.keyboard.press("Enter");
    }
    await expect.poll(async () => (await detail.locator("body").innerText()).includes("Approved"), { timeout: 20_000 }).toBe(true);
    await admin.page.screenshot({ path: join(ARTIFACTS, "story-a11y-8-approved.png"), fullPage: true });
    expect(admin.problems).toEqual([]);
    await admin.context.close();
  });
});

/** Presses Tab (at most `max` times) until the focused element's accessible text matches `name`. */
async function tabTo(page: Page, frame: Frame, name: RegExp, max = 120): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    const focused = await frame.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      return el && el !== document.body ? `${el.getAttribute("aria-label") ?? ""} ${el.innerText ?? ""}` : "";
    });
    if (name.test(focused)) return;
  }
  throw new Error(`Tab never reached ${name}`);
}
