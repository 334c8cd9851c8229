// The shopper's side of the demo in a browser: the customer account view's extension frames, and the way from
// an order to its return request page (a full-page extension, docs/decisions/210).
import type { Frame, Page } from "playwright-core";

/** The frame the customer account view mounted for one extension target, once the extension has rendered. */
export async function extensionFrame(page: Page, target: string): Promise<Frame> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const f = page.frames().find((x) => x.url().includes(encodeURIComponent(target)));
    if (f) {
      await f.waitForSelector("body[data-preview-ready]", { state: "attached", timeout: 30_000 });
      return f;
    }
    await page.waitForTimeout(100);
  }
  throw new Error(`no frame for ${target}`);
}

/** The order's status block (where the shopper follows their requests). */
export const statusBlock = (page: Page) => extensionFrame(page, "customer-account.order-status.block.render");

/** From an open order, "Request return" in the status block to the order's return request page. */
export async function openRequestPage(page: Page, orderName: string): Promise<Frame> {
  const status = await statusBlock(page);
  await status.getByRole("link", { name: "Request return" }).click({ timeout: 20_000 });
  await page.waitForURL(/\/orders\/\d+\/pages\/customer-returns-page$/);
  const form = await extensionFrame(page, "customer-account.order.page.render");
  await form.getByRole("heading", { name: `Request a return for ${orderName}` }).waitFor({ timeout: 20_000 });
  return form;
}
