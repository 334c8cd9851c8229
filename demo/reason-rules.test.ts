// The policy editor's per-reason rules table (decision 190) in the demo's admin frame, in headless
// Chromium: staff add a rule for a reason, give it its own window counted from the order date and a
// restocking fee, set the customer-history thresholds on their fields, save, and find both again after a
// reload. Screenshot: artifacts/policy-reason-rules.png.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ARTIFACTS, chromiumPath, launch } from "../preview/browser";
import { openAdmin, type AdminSession } from "./admin-browser";
import { startDemoStack, type DemoStack } from "./stack";

describe.skipIf(!chromiumPath())("policy editor: rules per reason (demo stack, headless Chromium)", () => {
  let stack: DemoStack;
  let browser: Browser;
  let admin: AdminSession | undefined;

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), "reason-rules-"));
    stack = await startDemoStack({ databaseUrl: `file:${join(dir, "demo.sqlite")}` });
    browser = await launch();
  }, 600_000);

  afterAll(async () => {
    await admin?.context.close();
    await browser?.close();
    await stack?.close();
  });

  it("adds a rule with its own window, start and fee, saves it, and shows it again after a reload", { timeout: 240_000 }, async () => {
    admin = await openAdmin(browser, stack.adminUrl);
    const home = await admin.appFrame("/app");
    await home.getByRole("heading", { level: 1 }).first().waitFor();
    await admin.page.getByRole("link", { name: "Policy" }).click();
    let policy = await admin.appFrame("/app/policy");
    // the demo shop has no policy yet and none is picked for the merchant: start from a preset
    await policy.getByText(/requests that meet the policy are approved straight away/).click();
    await policy.getByRole("button", { name: "Start from this preset" }).click();
    await policy.getByRole("heading", { name: "Rules per reason" }).waitFor();

    await policy.getByRole("button", { name: "Add a reason rule" }).click();
    const table = policy.getByRole("table", { name: "Rules per reason" });
    await table.waitFor();
    expect(await table.getByRole("row").count()).toBe(3); // the headings, and one rule: its name, then its settings
    await policy.getByLabel("Window of Changed mind, in days").fill("14");
    await policy.getByLabel("Window of Changed mind counted from").selectOption("order");
    await policy.getByLabel("Restocking fee for Changed mind, percent").fill("15");
    // A reason left to its group is named under the table.
    await expect.poll(async () => policy.getByText(/Following their group: Defective,/).count()).toBe(1);
    // A bad fee is named on its field and keeps the policy from saving.
    await policy.getByLabel("Return shipping fee for Changed mind").fill("1.234");
    await policy.getByText(/more than 2 decimals/).first().waitFor();
    await policy.getByLabel("Return shipping fee for Changed mind").fill("5.95");

    // Customer history: thresholds on their own fields; a bad one is named on its field and keeps the policy from saving.
    await policy.getByRole("heading", { name: "Customers who return often" }).scrollIntoViewIfNeeded();
    await policy.getByLabel("Count returns over the last").fill("90");
    await policy.getByLabel("Hold after more return requests than").fill("3");
    await policy.getByLabel(/Hold after more refunded than/).fill("300.005");
    await policy.getByText(/too many decimals for [A-Z]{3}/).first().waitFor();
    await policy.getByLabel(/Hold after more refunded than/).fill("300");
    await policy.getByLabel("Hold when the return rate is above").fill("a quarter");
    await policy.getByText(/must be a percentage like 25/).first().waitFor();
    expect(await policy.getByRole("button", { name: "Save as new version" }).isDisabled()).toBe(true);
    await policy.getByLabel("Hold when the return rate is above").fill("25");
    await expect.poll(async () => policy.getByText(/must be a percentage like 25/).count()).toBe(0);
    // at level 1 (the demo's default) the e-mail domain list is off, and the card says why and what to ask for
    await policy.getByText(/Shopify must first approve this app's access to customers' e-mail addresses/).waitFor();
    expect(await policy.getByLabel("Block e-mail addresses at").isDisabled()).toBe(true);
    await admin.page.screenshot({ path: join(ARTIFACTS, "policy-reason-rules.png"), fullPage: true });

    await policy.getByRole("button", { name: "Save as new version" }).click();
    await policy.getByText(/Saved as version \d+/).first().waitFor({ timeout: 30_000 });

    await admin.page.reload();
    policy = await admin.appFrame("/app");
    await policy.getByRole("heading", { level: 1 }).first().waitFor();
    await admin.page.getByRole("link", { name: "Policy" }).click();
    policy = await admin.appFrame("/app/policy");
    await policy.getByRole("table", { name: "Rules per reason" }).waitFor();
    expect(await policy.getByLabel("Window of Changed mind, in days").inputValue()).toBe("14");
    expect(await policy.getByLabel("Window of Changed mind counted from").inputValue()).toBe("order");
    expect(await policy.getByLabel("Restocking fee for Changed mind, percent").inputValue()).toBe("15");
    expect(await policy.getByLabel("Return shipping fee for Changed mind").inputValue()).toBe("5.95");
    expect(await policy.getByLabel("Count returns over the last").inputValue()).toBe("90");
    expect(await policy.getByLabel("Hold after more return requests than").inputValue()).toBe("3");
    expect(await policy.getByLabel("Hold after more items returned than").inputValue()).toBe("");
    expect(await policy.getByLabel(/Hold after more refunded than/).inputValue()).toBe("300");
    expect(await policy.getByLabel("Hold when the return rate is above").inputValue()).toBe("25");
    expect(await policy.getByLabel("Judge the return rate from this many orders on").inputValue()).toBe("3");
    expect(admin.problems).toEqual([]);
  });
});
