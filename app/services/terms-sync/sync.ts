/**
 * Writes the checkout-terms metafields ($app:returns / terms, json) through the AdminClient:
 * the shop's (default terms, acknowledgement setting, merchant texts) and each product's (only for
 * products whose terms differ from the default). Every write compares with the stored value first, and
 * product writes are batched 25 per metafieldsSet (Shopify's limit); userErrors throw via mutate().
 */
import type { AdminClient } from "~/shopify/admin-client";
import { METAFIELDS_SET } from "~/shopify/operations/metafields-set";
import { PRODUCT_FOR_TERMS } from "~/shopify/operations/product-for-terms";
import { PRODUCTS_FOR_TERMS } from "~/shopify/operations/products-for-terms";
import { SHOP_TERMS } from "~/shopify/operations/shop-terms";
import type { Policy } from "~/returns";
import {
  productTermsFor,
  productWrite,
  shopTermsFor,
  shopWrite,
  TERMS_KEY,
  TERMS_NAMESPACE,
  TERMS_TYPE,
  type CatalogueProduct,
} from "./mapping";

/** Shopify accepts at most 25 metafields per metafieldsSet call. */
export const METAFIELDS_PER_CALL = 25;
/** Products per page: keeps ProductsForTerms at 783 requested points (limit 1,000). */
export const PRODUCTS_PAGE_SIZE = 30;

export interface MetafieldWrite {
  ownerId: string;
  value: string;
}

/** "12.50" > "12.5"? Decimal strings compared exactly (money is never a float). */
export function decimalGreater(a: string, b: string): boolean {
  const split = (s: string) => {
    const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(s.trim());
    if (!m) throw new Error(`not a decimal amount: "${s}"`);
    return { neg: m[1] === "-", int: m[2] ?? "0", frac: m[3] ?? "" };
  };
  const x = split(a);
  const y = split(b);
  const scale = Math.max(x.frac.length, y.frac.length);
  const big = (v: { neg: boolean; int: string; frac: string }) => {
    const n = BigInt(v.int + v.frac.padEnd(scale, "0"));
    return v.neg ? -n : n;
  };
  return big(x) > big(y);
}

interface ProductNode {
  id: string;
  tags: string[];
  productType: string;
  vendor: string;
  isGiftCard: boolean;
  collections: { nodes: { handle: string }[] };
  variants: { nodes: { price: unknown; compareAtPrice?: unknown }[] };
  metafield?: { value: string } | null;
}

export function catalogueProduct(node: ProductNode): CatalogueProduct {
  return {
    id: node.id,
    tags: node.tags,
    productType: node.productType,
    vendor: node.vendor,
    collections: node.collections.nodes.map((c) => c.handle),
    isGiftCard: node.isGiftCard,
    onSale: node.variants.nodes.some(
      (v) => v.compareAtPrice !== null && v.compareAtPrice !== undefined && decimalGreater(String(v.compareAtPrice), String(v.price)),
    ),
  };
}

/** Writes in batches of 25; returns the number of metafieldsSet calls made. */
export async function writeTermsMetafields(admin: AdminClient, writes: readonly MetafieldWrite[]): Promise<number> {
  let calls = 0;
  for (let i = 0; i < writes.length; i += METAFIELDS_PER_CALL) {
    const batch = writes.slice(i, i + METAFIELDS_PER_CALL);
    await admin.mutate(METAFIELDS_SET, {
      metafields: batch.map((w) => ({ ownerId: w.ownerId, namespace: TERMS_NAMESPACE, key: TERMS_KEY, type: TERMS_TYPE, value: w.value })),
    });
    calls++;
  }
  return calls;
}

export interface ShopSyncResult {
  shopId: string;
  written: boolean;
  value: string | null;
}

/** The shop metafield: read, compare, write if changed. */
export async function syncShopTerms(admin: AdminClient, policy: Policy): Promise<ShopSyncResult> {
  const data = await admin.request(SHOP_TERMS);
  const value = shopWrite(data.shop.metafield?.value, shopTermsFor(policy));
  if (value !== null) await writeTermsMetafields(admin, [{ ownerId: data.shop.id, value }]);
  return { shopId: data.shop.id, written: value !== null, value };
}

export function productWriteFor(policy: Policy, node: ProductNode): MetafieldWrite | null {
  const value = productWrite(node.metafield?.value, productTermsFor(policy, catalogueProduct(node)));
  return value === null ? null : { ownerId: node.id, value };
}

/** One product (products/update): recompute and write if changed. null when the product is gone. */
export async function syncProductTerms(admin: AdminClient, policy: Policy, productId: string): Promise<{ written: boolean } | null> {
  const data = await admin.request(PRODUCT_FOR_TERMS, { id: productId });
  if (!data.product) return null;
  const write = productWriteFor(policy, data.product);
  if (write) await writeTermsMetafields(admin, [write]);
  return { written: write !== null };
}

export interface PageResult {
  nextCursor: string | null;
  scanned: number;
  written: number;
}

/** One catalogue page after `cursor`: compare every product; returns the writes it needs (not yet sent). */
export async function readCataloguePage(
  admin: AdminClient,
  policy: Policy,
  cursor: string | null,
  pageSize = PRODUCTS_PAGE_SIZE,
): Promise<PageResult & { writes: MetafieldWrite[] }> {
  const data = await admin.request(PRODUCTS_FOR_TERMS, { first: pageSize, after: cursor });
  const writes = data.products.nodes.flatMap((n) => {
    const w = productWriteFor(policy, n);
    return w ? [w] : [];
  });
  return {
    nextCursor: data.products.pageInfo.hasNextPage ? (data.products.pageInfo.endCursor ?? null) : null,
    scanned: data.products.nodes.length,
    written: writes.length,
    writes,
  };
}

/** One catalogue page, written at once. */
export async function syncCataloguePage(
  admin: AdminClient,
  policy: Policy,
  cursor: string | null,
  pageSize = PRODUCTS_PAGE_SIZE,
): Promise<PageResult> {
  const { writes, ...page } = await readCataloguePage(admin, policy, cursor, pageSize);
  await writeTermsMetafields(admin, writes);
  return page;
}
