import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gid } from "./state/store";
import { startWithClient, type Client } from "./testClient";

let c: Client;
beforeAll(async () => {
  c = await startWithClient({ seed: "empty", clock: () => new Date("2026-11-20T00:00:00Z") });
  for (let n = 1; n <= 5; n++) {
    const id = gid("Product", n);
    const v = gid("ProductVariant", 100 + n);
    c.standin.store.variants.set(v, { id: v, productId: id, title: "Default Title", sku: `S${n}`, price: 1000 * n, compareAtPrice: n === 2 ? 2500 : null });
    c.standin.store.products.set(id, {
      id, title: `P${n}`, handle: `p${n}`, productType: "T", vendor: "V", tags: [], collectionIds: [], variantIds: [v],
      isGiftCard: false, createdAt: "2026-01-01T00:00:00Z", updatedAt: "2026-01-01T00:00:00Z",
    });
  }
});
afterAll(async () => {
  await c.standin.close();
});

interface Page {
  pageInfo: { hasNextPage: boolean; endCursor: string };
  nodes: { id: string; variants: { nodes: { compareAtPrice: string | null }[] }; metafield: { value: string } | null }[];
}

describe("products for catalogue syncs", () => {
  it("paginates products with variant compare-at prices and app metafields", async () => {
    const q = `query P($after: String) { products(first: 2, after: $after, sortKey: ID) { pageInfo { hasNextPage endCursor } nodes { id variants(first: 5) { nodes { price compareAtPrice } } metafield(namespace: "$app:returns", key: "terms") { value } } } }`;
    const set = await c.gql(`mutation S($m: [MetafieldsSetInput!]!) { metafieldsSet(metafields: $m) { metafields { namespace } userErrors { field message } } }`, {
      m: [{ ownerId: gid("Product", 3), namespace: "$app:returns", key: "terms", type: "json", value: '{"codes":["FINAL_SALE"]}' }],
    });
    expect(set.body.data.metafieldsSet.userErrors).toEqual([]);
    const seen: { id: string; compareAtPrice: string | null; terms: string | null }[] = [];
    let after: string | null = null;
    for (let i = 0; i < 5; i++) {
      const r: { body: { data: { products: Page } } } = await c.gql(q, { after });
      const page: Page = r.body.data.products;
      for (const p of page.nodes) seen.push({ id: p.id, compareAtPrice: p.variants.nodes[0]?.compareAtPrice ?? null, terms: p.metafield?.value ?? null });
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen.map((s) => s.id)).toEqual([1, 2, 3, 4, 5].map((n) => gid("Product", n)));
    expect(seen[1]!.compareAtPrice).toBe("25.0");
    expect(seen[0]!.compareAtPrice).toBeNull();
    expect(seen[2]!.terms).toBe('{"codes":["FINAL_SALE"]}');
  });
});

describe("products search by status and online store publication (exchanges for another product)", () => {
  it("status:active leaves drafts and archived products out, published_status:published the unpublished ones; sortKey TITLE sorts", async () => {
    const p = (n: number) => c.standin.store.products.get(gid("Product", n))!;
    p(1).status = "DRAFT";
    p(2).status = "ARCHIVED";
    p(3).published = false;
    try {
      const q = `query Q($q: String!) { products(first: 10, query: $q, sortKey: TITLE) { nodes { title status } } }`;
      const titles = async (query: string) => ((await c.gql(q, { q: query })).body.data.products.nodes as { title: string }[]).map((n) => n.title);
      expect(await titles('product_type:"T" status:active published_status:published gift_card:false')).toEqual(["P4", "P5"]);
      expect(await titles("status:draft,archived")).toEqual(["P1", "P2"]);
      expect(await titles("published_status:unpublished")).toEqual(["P3"]);
      expect((await c.gql(q, { q: "status:draft" })).body.data.products.nodes).toEqual([{ title: "P1", status: "DRAFT" }]);
    } finally {
      delete p(1).status;
      delete p(2).status;
      delete p(3).published;
    }
  });
});
