// Issue 15's done-when, in headless Chromium with its own default user agent against the demo stack: a seat
// cover warranty claim goes from the shopper's request in the customer account to the replacement's
// fulfillment order at the stand-in, and an exchange of floor mats for another size does the same. The
// shopper picks in the customer-returns extension (mounted with real customer session tokens), staff approve
// the replacement / exchange, mark the parcel received and process it in the admin frame, the stand-in holds
// the new items' fulfillment order released (OPEN), and the shopper's status follows the new item: being
// prepared, then shipped with the carrier's tracking page once the merchant ships it. Screenshots of each
// screen go to artifacts/exchange-*.png; the form with the picker and the admin screens pass axe.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Frame, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ARTIFACTS, chromiumPath, launch, watchPage } from "../preview/browser";
import { seriousViolations } from "../preview/axe";
import { getPreset } from "../app/returns/presets";
import { openRequestPage, statusBlock } from "./shopper-browser";
import { openAdmin, type AdminSession } from "./admin-browser";
import { startDemoStack, type DemoStack } from "./stack";

const ALEX = "gid://shopify/Customer/1";

describe.skipIf(!chromiumPath())("replacements and exchanges end to end (demo stack, headless Chromium)", () => {
  let stack: DemoStack;
  let browser: Browser;
  let admin: AdminSession | undefined;

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), "demo-exchange-"));
    stack = await startDemoStack({ databaseUrl: `file:${join(dir, "demo.sqlite")}` });
    browser = await launch();
    await saveEkrPolicy(stack);
  }, 600_000);

  afterAll(async () => {
    await admin?.context.close();
    await browser?.close();
    await stack?.close();
  });

  const orders = () => [...stack.standin.store.orders.values()].filter((o) => o.customerId === ALEX);
  // Alex's Ford Ranger seat cover, delivered four months ago: past the 30-day window, within the two-year warranty
  const seatCover = () => orders().find((o) => o.lineItems[0]?.productId === "gid://shopify/Product/102" && o.lineItems.length === 1)!;
  // Alex's floor mats (size Standard) and straws, delivered a few days ago
  const mats = () => orders().find((o) => o.lineItems.some((l) => l.productId === "gid://shopify/Product/103") && o.lineItems.some((l) => l.productId === "gid://shopify/Product/209"))!;
  const fulfillmentOrdersOf = (orderId: string) => stack.standin.store.orders.get(orderId)!.fulfillmentOrders ?? [];
  const returnsOf = (orderId: string) => [...stack.standin.store.returns.values()].filter((r) => r.orderId === orderId);

  it("a seat cover warranty claim and an exchange for another size reach the new items' fulfillment orders, and the shopper's status follows them", { timeout: 420_000 }, async () => {
    admin = await openAdmin(browser, stack.adminUrl);
    const home = await admin.appFrame("/app");
    await home.getByRole("heading", { level: 1 }).first().waitFor();
    const page = admin.page;
    const seen = watchPage(page);

    // ── The shopper: a warranty claim on the seat cover, a free replacement ──
    await page.getByRole("link", { name: "Customer account view" }).click();
    await page.getByRole("link", { name: /Alex Example/ }).click();
    await page.getByRole("heading", { name: "Orders" }).waitFor();
    const cover = seatCover();
    await openOrder(page, cover.name);
    let block = await openRequestPage(page, cover.name);
    // one unit: the quantity is filled in
    await block.getByLabel("Reason", { exact: true }).selectOption({ label: "Defective" });
    await block.getByLabel("Note (optional)").fill("The stitching on the driver's seat came apart after four months.");
    await block.getByLabel("Resolution").selectOption({ label: "Free replacement" });
    await block.getByText("Replacement: Custom Seat Cover - Ford Ranger · free").waitFor({ timeout: 20_000 });
    await page.screenshot({ path: join(ARTIFACTS, "exchange-1-warranty-form.png"), fullPage: true });
    await block.getByRole("button", { name: "Submit request" }).click();
    await block.getByText("Your return request was sent.").waitFor({ timeout: 30_000 });
    await block.getByText("You asked for a replacement: 1 × Custom Seat Cover - Ford Ranger.").waitFor();
    await page.screenshot({ path: join(ARTIFACTS, "exchange-2-warranty-requested.png"), fullPage: true });
    await page.waitForLoadState("networkidle");

    // ── The shopper: floor mats one size up ──
    await page.getByRole("link", { name: "Orders", exact: true }).click();
    const m = mats();
    await openOrder(page, m.name);
    block = await openRequestPage(page, m.name);
    await block.getByLabel(/Quantity to return/).first().fill("1");
    await block.getByLabel("Reason", { exact: true }).first().selectOption({ label: "Too small" });
    for (const box of await block.getByRole("checkbox").all()) await box.check();
    await block.getByLabel("Resolution").selectOption({ label: "Exchange" });
    const picker = block.getByLabel("New size or option");
    await picker.waitFor({ timeout: 20_000 });
    const options = await picker.locator("option").evaluateAll((els) => els.map((e) => ({ text: (e.textContent ?? "").trim(), disabled: (e as HTMLOptionElement).disabled })));
    // the sizes in stock other than the one returned, priced in the shopper's currency with the difference; Compact is out of stock
    expect(options.filter((o) => o.text)).toEqual(
      expect.arrayContaining([
        { text: "Large · NZ$89.00 · same price", disabled: false },
        { text: "XL · NZ$99.00 · costs NZ$10.00 more — not possible here", disabled: true },
        // another product of the same type (the policy allows it): the boot liner, the difference refunded
        { text: "Boot Liner · NZ$69.00 · NZ$20.00 back", disabled: false },
      ]),
    );
    expect(options.some((o) => /Compact|Standard/.test(o.text))).toBe(false);
    // submitting without a choice names the field
    await block.getByRole("button", { name: "Submit request" }).click();
    await block.getByText("Choose the new size or option.").first().waitFor();
    await picker.selectOption({ label: "Large · NZ$89.00 · same price" });
    await page.screenshot({ path: join(ARTIFACTS, "exchange-3-exchange-form.png"), fullPage: true });
    expect(await seriousViolations(block)).toEqual([]);
    await block.getByRole("button", { name: "Submit request" }).click();
    await block.getByText("Your return request was sent.").waitFor({ timeout: 30_000 });
    await block.getByText("You asked to exchange for: 1 × All-Weather Floor Mats (set of 4) - Large.").waitFor();
    await page.screenshot({ path: join(ARTIFACTS, "exchange-4-exchange-requested.png"), fullPage: true });
    await page.waitForLoadState("networkidle");
    expect(seen.errors).toEqual([]);
    expect(seen.problems).toEqual([]);

    // ── Staff: approve the replacement and the exchange, mark received, process ──
    await page.getByRole("link", { name: "Shopify admin" }).click();
    const back = await admin.appFrame("/app");
    await back.getByRole("heading", { level: 1 }).first().waitFor();
    for (const [order, kind, shot] of [
      [cover, "replacement", "exchange-5-staff-replacement"],
      [m, "exchange", "exchange-6-staff-exchange"],
    ] as const) {
      await page.getByRole("link", { name: "Requests" }).click();
      const queue = await admin.appFrame("/app/requests");
      const row = queue.getByRole("row").filter({ hasText: order.name });
      await row.first().waitFor({ timeout: 20_000 });
      await row.first().click();
      const detail = await waitForDetail(admin);
      const approve = kind === "replacement" ? "Approve replacement" : "Approve exchange";
      await detail.getByRole("button", { name: approve }).waitFor();
      await detail.getByText(kind === "replacement" ? "Replacement to send" : "New items to send").waitFor();
      await page.waitForTimeout(300);
      await page.screenshot({ path: join(ARTIFACTS, `${shot}-approve.png`), fullPage: true });
      expect(await seriousViolations(detail)).toEqual([]);
      await detail.getByRole("button", { name: approve }).click();
      await detail.getByText("Approved in Shopify.").first().waitFor({ timeout: 30_000 });
      // the requested Return made way for one holding the new items (decision 170)
      expect(returnsOf(order.id).map((r) => r.status).sort()).toEqual(["CANCELED", "OPEN"]);
      await detail.getByRole("button", { name: "Mark as received" }).click();
      await detail.getByText("Marked as received.").first().waitFor({ timeout: 30_000 });
      const send = kind === "replacement" ? "Process and send the replacement" : "Process and send the new items";
      await detail.getByRole("button", { name: send }).waitFor({ timeout: 30_000 });
      await page.waitForTimeout(300);
      await page.screenshot({ path: join(ARTIFACTS, `${shot}-received.png`), fullPage: true });
      await detail.getByRole("button", { name: send }).click();
      const confirm = detail.getByRole("dialog");
      if (await confirm.count()) await confirm.getByRole("button", { name: /Process|Send|Refund/ }).click();
      await detail.getByText("Processed in Shopify. The new items are released to ship.").first().waitFor({ timeout: 30_000 });
      expect(fulfillmentOrdersOf(order.id)).toHaveLength(1);
      // staff read what happened: the badge says replaced / exchanged, the money card the items' value and
      // that nothing was refunded (never "Refunded" or "Items returned NZ$0.00")
      const price = kind === "replacement" ? order.lineItems[0]!.unitPricePresentment : 8900;
      const value = `NZ$${(price / 100).toFixed(2)}`;
      await detail.getByText(kind === "replacement" ? "Replaced" : "Exchanged", { exact: true }).first().waitFor({ timeout: 30_000 });
      expect(await detail.getByText("Refunded", { exact: true }).count()).toBe(0);
      const moneyCard = detail.locator("div").filter({ has: detail.getByRole("heading", { name: "Money", exact: true }) }).last();
      await moneyCard.getByText("Items returned").waitFor();
      expect(await moneyCard.getByText(value, { exact: true }).count()).toBeGreaterThan(0);
      expect(await moneyCard.getByText("NZ$0.00", { exact: true }).count()).toBe(0);
      await moneyCard.getByText(kind === "replacement" ? "Nothing refunded — replaced free of charge" : "Nothing refunded — same price").waitFor();
      await moneyCard.getByText(kind === "replacement" ? "Replacement sent" : "New items sent").waitFor();
      await detail.getByText(kind === "replacement" ? "Replaced — new item sent" : "Exchanged — new items sent").first().waitFor();
      await page.waitForTimeout(300);
      await page.screenshot({ path: join(ARTIFACTS, `${shot}-processed.png`), fullPage: true });
    }
    expect(admin.problems).toEqual([]);

    // the queue and the activity log (and its CSV) use the same words
    await page.getByRole("link", { name: "Requests" }).click();
    const queue = await admin.appFrame("/app/requests");
    await queue.getByRole("row").filter({ hasText: cover.name }).first().getByText("Replaced", { exact: true }).waitFor({ timeout: 20_000 });
    await queue.getByRole("row").filter({ hasText: m.name }).first().getByText("Exchanged", { exact: true }).waitFor();
    expect(await queue.getByRole("row").filter({ hasText: cover.name }).first().getByText("Replacement", { exact: true }).count()).toBe(1);
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(ARTIFACTS, "exchange-9-staff-queue.png"), fullPage: true });
    await page.getByRole("link", { name: "Activity" }).click();
    const activity = await admin.appFrame("/app/activity");
    await activity.getByText("Processed the replacement — new item sent").first().waitFor({ timeout: 20_000 });
    await activity.getByText("Processed the exchange — new items sent").first().waitFor();

    // ── Shopify (the stand-in): each new item's fulfillment order, released, nothing refunded ──
    const variantOf = (orderId: string, lineItemId: string) => stack.standin.store.orders.get(orderId)!.lineItems.find((l) => l.id === lineItemId)!.variantId;
    const coverFo = fulfillmentOrdersOf(cover.id)[0]!;
    expect(coverFo).toMatchObject({ status: "OPEN", holds: [] });
    expect(coverFo.lines.map((l) => variantOf(cover.id, l.lineItemId))).toEqual(["gid://shopify/ProductVariant/1020"]);
    const matsFo = fulfillmentOrdersOf(m.id)[0]!;
    expect(matsFo).toMatchObject({ status: "OPEN", holds: [] });
    expect(matsFo.lines.map((l) => variantOf(m.id, l.lineItemId))).toEqual(["gid://shopify/ProductVariant/1031"]);
    expect(stack.standin.store.orders.get(cover.id)!.refundIds).toEqual([]);
    expect(stack.standin.store.orders.get(m.id)!.refundIds).toEqual([]);

    // The merchant ships the replacement from Shopify's admin, with tracking.
    await stack.standin.fulfillFulfillmentOrder({ fulfillmentOrderId: coverFo.id, trackingNumber: "NZP-R-4471", trackingCompany: "NZ Post", trackingUrl: "https://www.nzpost.co.nz/tools/tracking?trackid=NZP-R-4471" });

    // ── The shopper: the status follows the new item ──
    await page.getByRole("link", { name: "Customer account view" }).click();
    await page.getByRole("link", { name: /Alex Example/ }).click();
    await page.getByRole("heading", { name: "Orders" }).waitFor();
    await openOrder(page, m.name);
    block = await statusBlock(page);
    await block.getByText("Your new item (1 × All-Weather Floor Mats (set of 4) - Large) is being prepared for shipping.").waitFor({ timeout: 20_000 });
    await page.screenshot({ path: join(ARTIFACTS, "exchange-7-shopper-exchange-preparing.png"), fullPage: true });
    // the order page itself lists the new line with its size, marked, outside what the shopper paid
    await page.getByText("All-Weather Floor Mats (set of 4) · Large × 1 Exchange item").waitFor();
    await page.getByRole("link", { name: "Orders", exact: true }).click();
    await openOrder(page, cover.name);
    block = await statusBlock(page);
    await block.getByText("Your replacement (1 × Custom Seat Cover - Ford Ranger) has shipped. Tracking number: NZP-R-4471 (NZ Post)").waitFor({ timeout: 20_000 });
    expect(await block.getByRole("link", { name: "Track your new item" }).getAttribute("href")).toBe("https://www.nzpost.co.nz/tools/tracking?trackid=NZP-R-4471");
    // nothing was refunded on a replacement: the shopper is not told "Refunded"; the return itself is complete
    expect(await block.getByText("Refunded", { exact: true }).count()).toBe(0);
    await block.getByText("This return is complete.").waitFor();
    await page.getByText("Custom Seat Cover - Ford Ranger × 1 Replacement").waitFor();
    await page.screenshot({ path: join(ARTIFACTS, "exchange-8-shopper-replacement-shipped.png"), fullPage: true });
    expect(seen.errors).toEqual([]);
  });
});

/** What the demo's merchant runs: EKR Auto's policy (two-year seat cover warranty, free replacement) with exchanges, reviewed by staff. */
async function saveEkrPolicy(stack: DemoStack): Promise<void> {
  const shop = stack.standin.shop;
  const host = Buffer.from(`admin.shopify.com/store/${shop.replace(".myshopify.com", "")}`).toString("base64url");
  // staff open the app first: the session token is exchanged for the shop's offline token
  const home = await fetch(`${stack.appUrl}/app?embedded=1&shop=${shop}&host=${host}&id_token=${stack.standin.mintAdminSessionToken()}`);
  await home.text();
  if (home.status !== 200) throw new Error(`the app's home answered ${home.status}`);
  const policy = getPreset("ekr-auto")!;
  policy.approval = { mode: "manual" };
  policy.resolutions.return = ["refund", "exchange"];
  policy.resolutions.exchangeOtherProducts = true;
  const res = await fetch(`${stack.appUrl}/app/policy.data`, {
    method: "POST",
    headers: { authorization: `Bearer ${stack.standin.mintAdminSessionToken()}`, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ intent: "save", policy: JSON.stringify(policy), presetId: "ekr-auto" }),
  });
  const text = await res.text();
  if (res.status !== 200) throw new Error(`saving the policy answered ${res.status}: ${text.slice(0, 400)}`);
}

async function openOrder(page: Page, name: string): Promise<void> {
  await page.getByRole("link", { name: new RegExp(`Order ${name}\\b`) }).click();
  await page.getByRole("heading", { name: `Order ${name}` }).waitFor();
}

/** The request's detail page, whichever request the queue row opened. */
async function waitForDetail(admin: AdminSession): Promise<Frame> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const f = admin.page.frames().find((x) => /^\/app\/requests\/[^/]+$/.test(new URL(x.url(), "http://x").pathname));
    if (f) {
      await f.waitForLoadState("load");
      return f;
    }
    await admin.page.waitForTimeout(100);
  }
  throw new Error("the request's detail never opened");
}
