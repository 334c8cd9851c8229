// The demo's customer account order page after a replacement or an exchange: the new lines Shopify adds to the
// order (the stand-in's processExchangeLines, as Shopify's returnProcess does) read as what they are, with their
// size, and the total stays what the shopper paid.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startStandin, type Standin } from "../standin";
import { processExchangeLines, type ReturnRec } from "../standin/testing";
import { customerAccountView } from "./customer-account";

let standin: Standin;
beforeAll(async () => {
  standin = await startStandin({ apiKey: "demo-account-key", apiSecret: "demo-account-secret-0123456789", seed: "demo" });
});
afterAll(async () => {
  await standin?.close();
});

const ALEX = "gid://shopify/Customer/1";

describe("the demo's order page", () => {
  it("shows a replacement's and an exchange's new line with its size, marked, outside the total", () => {
    const store = standin.store;
    const order = [...store.orders.values()].find((o) => o.customerId === ALEX && o.lineItems.some((l) => l.productId === "gid://shopify/Product/103"))!;
    const view = customerAccountView({ store, previewUrl: "http://127.0.0.1:1/" });
    const path = `/customer/1/orders/${order.id.split("/").pop()}`;
    const total = (html: string) => /<strong>Total<\/strong><strong>([^<]+)<\/strong>/.exec(html)![1];
    const before = view.page(path)!;
    expect(before).toContain("All-Weather Floor Mats (set of 4) · Standard × 1");

    const ret = { id: "gid://shopify/Return/990001", orderId: order.id, exchangeLines: [
      { id: "gid://shopify/ExchangeLineItem/1", variantId: "gid://shopify/ProductVariant/1030", quantity: 1, processedQuantity: 0, unitPrice: 8900, discount: 8900, discountDescription: "Warranty replacement", lineItemIds: [] },
      { id: "gid://shopify/ExchangeLineItem/2", variantId: "gid://shopify/ProductVariant/1031", quantity: 1, processedQuantity: 0, unitPrice: 8900, discount: 0, discountDescription: null, lineItemIds: [] },
    ] } as unknown as ReturnRec;
    store.returns.set(ret.id, ret);
    order.returnIds.push(ret.id);
    processExchangeLines(store, () => new Date(), ret, [{ id: "gid://shopify/ExchangeLineItem/1", quantity: 1 }, { id: "gid://shopify/ExchangeLineItem/2", quantity: 1 }], false);

    const after = view.page(path)!;
    expect(after).toContain('All-Weather Floor Mats (set of 4) · Standard × 1 <span class="tag">Replacement</span></span><span class="muted">Free</span>');
    expect(after).toContain('All-Weather Floor Mats (set of 4) · Large × 1 <span class="tag">Exchange item</span></span><span class="muted">NZ$89.00, paid by your return</span>');
    expect(total(after)).toBe(total(before));
    // the orders list: what was bought, at what the shopper paid
    const list = view.page("/customer/1")!;
    expect(list).not.toContain("Large");
  });
});
