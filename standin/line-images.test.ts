// LineItem.image: "the image associated to the line item's variant", with the merchant's alt text. The seed
// catalogue has a small picture per product (data URIs: no network), so the app's order read and the shopper's
// form show real images locally.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startWithClient, type Client } from "./testClient";

let c: Client;
beforeAll(async () => {
  c = await startWithClient({ clock: () => new Date("2026-11-20T00:00:00Z") });
});
afterAll(async () => {
  await c.standin.close();
});

const Q = `query O($id: ID!) { order(id: $id) { lineItems(first: 10) { nodes { id title image { url altText } } } } }`;
type Line = { id: string; title: string; image: { url: string; altText: string | null } | null };
const lines = async (orderId: string): Promise<Line[]> => {
  const r = await c.gql(Q, { id: orderId });
  expect(r.body.errors).toBeUndefined();
  return r.body.data.order.lineItems.nodes as Line[];
};

describe("a line item's image", () => {
  it("is its product's image when the variant has none of its own, with the product's alt text", async () => {
    const order = [...c.standin.store.orders.values()].find((o) => o.lineItems.some((l) => l.productId === "gid://shopify/Product/103"))!;
    const line = (await lines(order.id)).find((l) => l.title.startsWith("All-Weather Floor Mats"))!;
    expect(line.image!.url.startsWith("data:image/svg+xml,")).toBe(true);
    expect(decodeURIComponent(line.image!.url)).toContain(">AW</text>");
    expect(line.image!.altText).toBe("All-Weather Floor Mats (set of 4)");
  });

  it("is the variant's own image when it has one, and none when the line's product is gone", async () => {
    const order = [...c.standin.store.orders.values()].find((o) => o.lineItems.length >= 2 && o.lineItems.every((l) => l.variantId))!;
    const [first, second] = order.lineItems;
    c.standin.store.variants.get(first!.variantId!)!.image = { url: "https://cdn.example/variant.png", altText: null };
    second!.productId = null;
    second!.variantId = null;
    const got = await lines(order.id);
    expect(got.find((l) => l.id === first!.id)!.image).toEqual({ url: "https://cdn.example/variant.png", altText: null });
    expect(got.find((l) => l.id === second!.id)!.image).toBeNull();
  });
});
