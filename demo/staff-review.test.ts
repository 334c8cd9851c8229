// End to end, as staff and a shopper would use it: a shopper's request made through the shopper API appears
// in the staff queue inside the (local) Shopify admin; staff approve it, mark it received and refund it in
// the browser. The Shopify stand-in then holds exactly one Return for the order, CLOSED, and exactly one
// refund, of the amount the request promised. Screenshots of home, queue, detail and the policy editor go
// to artifacts/.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Frame } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ARTIFACTS, chromiumPath, launch } from "../preview/browser";
import { DESKTOP_CHROME_UA, openAdmin, type AdminSession } from "./admin-browser";
import { startDemoStack, type DemoStack } from "./stack";

const ALEX = "gid://shopify/Customer/1";

interface Overview {
  canRequest: boolean;
  lines: { lineItemId: string; title: string; quantityLeft: number; reasons: { code: string; conditions: string[]; minPhotos: number }[] }[];
}

describe.skipIf(!chromiumPath())("staff review end to end (demo stack, headless Chromium)", () => {
  let stack: DemoStack;
  let browser: Browser;
  let admin: AdminSession;

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), "staff-e2e-"));
    stack = await startDemoStack({ databaseUrl: `file:${join(dir, "demo.sqlite")}` });
    browser = await launch();
  }, 300_000);

  afterAll(async () => {
    await admin?.context.close();
    await browser?.close();
    await stack?.close();
  });

  async function shopperApi(path: string, init: RequestInit = {}): Promise<Response> {
    return fetch(`${stack.appUrl}${path}`, {
      ...init,
      headers: {
        authorization: `Bearer ${stack.standin.mintCustomerSessionToken({ customerId: ALEX })}`,
        "content-type": "application/json",
        "user-agent": DESKTOP_CHROME_UA,
        origin: "https://extensions.shopifycdn.com",
        ...init.headers,
      },
    });
  }

  async function clickAndWait(app: Frame, button: string, banner: RegExp): Promise<void> {
    await app.getByRole("button", { name: button }).click();
    await app.getByText(banner).first().waitFor({ timeout: 20_000 });
  }

  it("takes a shopper's request from the queue to a closed Shopify Return with one refund", { timeout: 180_000 }, async () => {
    // Staff open the app first: the session token is exchanged and the shop's offline token stored.
    admin = await openAdmin(browser, stack.adminUrl);
    const home = await admin.appFrame("/app");
    await home.getByRole("heading", { level: 1 }).first().waitFor();
    await admin.page.screenshot({ path: join(ARTIFACTS, "staff-home.png"), fullPage: true });

    // A shopper asks to return one unit of a line of one of their delivered orders.
    let orderId = "";
    let overview: Overview | undefined;
    for (const order of stack.standin.store.orders.values()) {
      if (order.customerId !== ALEX) continue;
      const res = await shopperApi(`/api/customer/orders/${order.id.split("/").pop()}/returns`);
      if (res.status !== 200) continue;
      const body = (await res.json()) as Overview;
      const ok = body.lines.some((l) => l.quantityLeft > 0 && l.reasons.some((r) => r.minPhotos === 0));
      if (body.canRequest && ok) {
        orderId = order.id;
        overview = body;
        break;
      }
    }
    expect(overview, "a returnable order of the demo customer").toBeDefined();
    const line = overview!.lines.find((l) => l.quantityLeft > 0 && l.reasons.some((r) => r.minPhotos === 0))!;
    const reason = line.reasons.find((r) => r.minPhotos === 0)!;
    const order = stack.standin.store.orders.get(orderId)!;
    const submit = await shopperApi(`/api/customer/orders/${orderId.split("/").pop()}/returns`, {
      method: "POST",
      body: JSON.stringify({
        idempotencyKey: "e2e-staff-review-1",
        lines: [{ lineItemId: line.lineItemId, quantity: 1, reason: reason.code, conditions: reason.conditions, photos: [], note: "Too small" }],
        resolution: "refund",
      }),
    });
    expect(submit.status).toBe(201);
    const { request } = (await submit.json()) as { request: { id: string; status: string; refund?: { amount: string; currency: string } } };
    expect(request.status).toBe("requested");
    expect(request.refund).toBeDefined();

    // It is in the queue.
    await admin.page.getByRole("link", { name: "Requests" }).click();
    const queue = await admin.appFrame("/app/requests");
    const row = queue.getByRole("row").filter({ hasText: order.name });
    await row.first().waitFor();
    await admin.page.screenshot({ path: join(ARTIFACTS, "staff-queue.png"), fullPage: true });

    // Staff open it, approve, mark received and refund it.
    await row.first().click();
    const detail = await admin.appFrame(`/app/requests/${request.id}`);
    await detail.getByRole("button", { name: "Approve return" }).waitFor();
    await admin.page.screenshot({ path: join(ARTIFACTS, "staff-detail.png"), fullPage: true });
    await clickAndWait(detail, "Approve return", /approved/i);
    // an approved request offers what the state machine allows from there: receive, refund, close
    await detail.getByRole("button", { name: "Close request" }).waitFor();
    expect(await detail.getByRole("button", { name: "Approve return" }).count()).toBe(0);
    await clickAndWait(detail, "Mark as received", /received/i);
    // money moves only after staff confirm the amount
    await detail.getByRole("button", { name: "Refund to original payment" }).click();
    const ask = detail.getByRole("dialog");
    await ask.getByText(/original payment method/).waitFor();
    await admin.page.screenshot({ path: join(ARTIFACTS, "staff-refund-confirm.png"), fullPage: true });
    expect(await detail.getByText("Refund issued.").count()).toBe(0);
    await ask.getByRole("button", { name: /^Refund / }).click();
    await detail.getByText("Refund issued.").first().waitFor({ timeout: 20_000 });
    // the money card shows what Shopify shows went back
    await detail.getByText(/As Shopify shows it/).waitFor();
    await admin.page.screenshot({ path: join(ARTIFACTS, "staff-detail-refunded.png"), fullPage: true });
    await clickAndWait(detail, "Close request", /closed/i);
    await detail.getByText("No action is open for a request that is closed.").waitFor();
    await admin.page.screenshot({ path: join(ARTIFACTS, "staff-detail-done.png"), fullPage: true });

    // Shopify, the system of record: one Return for the order, closed, and one refund of the promised amount.
    const returns = [...stack.standin.store.returns.values()].filter((r) => r.orderId === orderId);
    expect(returns.map((r) => r.status)).toEqual(["CLOSED"]);
    const refunds = [...stack.standin.store.refunds.values()].filter((r) => r.orderId === orderId);
    expect(refunds).toHaveLength(1);
    expect(refunds[0]!.returnId).toBe(returns[0]!.id);
    const promisedMinor = Math.round(Number(request.refund!.amount) * 100);
    expect(Number(refunds[0]!.total)).toBe(promisedMinor);

    // Money compared with Shopify: the home tile leads to the reconciliation; "Check now" runs the job.
    async function reconciliationScreen(): Promise<Frame> {
      await admin.page.getByRole("link", { name: "Returns", exact: true }).first().click();
      const home = await admin.appFrame("/app");
      await home.getByRole("link", { name: "Compare with Shopify" }).click();
      const screen = await admin.appFrame("/app/reconciliation");
      await screen.getByRole("button", { name: "Check now" }).waitFor();
      return screen;
    }
    let money = await reconciliationScreen();
    await clickAndWait(money, "Check now", /Checking against Shopify/);
    for (let i = 0; i < 20 && (await money.getByText(/^Last checked/).count()) === 0; i++) {
      await new Promise((r) => setTimeout(r, 1_000));
      money = await reconciliationScreen();
    }
    // the request refunded above agrees with Shopify's records
    await money.getByText("Every request's money matches Shopify's records.").waitFor();
    await admin.page.screenshot({ path: join(ARTIFACTS, "staff-reconciliation.png"), fullPage: true });

    // The policy editor, for the record.
    await admin.page.getByRole("link", { name: "Policy" }).click();
    const policy = await admin.appFrame("/app/policy");
    await policy.getByRole("heading", { level: 1 }).first().waitFor();
    await admin.page.screenshot({ path: join(ARTIFACTS, "staff-policy.png"), fullPage: true });
    // no preset is picked for the merchant; picking one opens the whole policy as a form
    await policy.getByText(/requests that meet the policy are approved straight away/).click();
    await policy.getByRole("button", { name: "Start from this preset" }).click();
    await policy.getByLabel("Policy name").waitFor();
    expect(await policy.getByText("Applies to: *").count()).toBe(0);
    await admin.page.screenshot({ path: join(ARTIFACTS, "staff-policy-form.png"), fullPage: true });
    await policy.getByRole("button", { name: "Save as new version" }).click();
    // the first version judges every order, also those placed before it (policyForOrder): the banner says so
    await policy.getByText(/judges new return requests on every order, including orders placed before it was saved \(it is your first policy\)/).waitFor({ timeout: 20_000 });
    await admin.page.screenshot({ path: join(ARTIFACTS, "staff-policy-saved.png"), fullPage: true });
    for (const [link, path, file] of [
      ["Analytics", "/app/analytics", "staff-analytics.png"],
      ["Settings", "/app/settings", "staff-settings.png"],
    ] as const) {
      await admin.page.getByRole("link", { name: link }).click();
      const screen = await admin.appFrame(path);
      await screen.getByRole("heading", { level: 1 }).first().waitFor();
      await admin.page.screenshot({ path: join(ARTIFACTS, file), fullPage: true });
    }

    expect(admin.problems).toEqual([]);
  });
});
