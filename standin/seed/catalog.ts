import type { Store } from "../state/store";
import { gid } from "../state/store";
import type { ImageRec } from "../state/types";

export interface SeedProduct {
  n: number;
  title: string;
  productType: string;
  vendor: string;
  tags: string[];
  price: number; // NZD cents, GST inclusive
  collections: number[];
  isGiftCard?: boolean;
  sku: string;
}

export const COLLECTIONS = [
  { n: 1, title: "Car Interior", handle: "car-interior" },
  { n: 2, title: "Eco Home", handle: "eco-home" },
  { n: 3, title: "Personal Care", handle: "personal-care" },
  { n: 4, title: "Sale", handle: "sale" },
  { n: 5, title: "Pantry", handle: "pantry" },
  { n: 6, title: "Gift Cards", handle: "gift-cards" },
] as const;

export const PRODUCTS: SeedProduct[] = [
  { n: 101, title: "Custom Seat Cover - Toyota Hilux", productType: "Custom Seat Cover", vendor: "EKR Auto", tags: ["custom", "made-to-order"], price: 24900, collections: [1], sku: "EKR-SC-HILUX" },
  { n: 102, title: "Custom Seat Cover - Ford Ranger", productType: "Custom Seat Cover", vendor: "EKR Auto", tags: ["custom", "made-to-order"], price: 26900, collections: [1], sku: "EKR-SC-RANGER" },
  { n: 103, title: "All-Weather Floor Mats (set of 4)", productType: "Floor Mats", vendor: "EKR Auto", tags: ["floor-mats"], price: 8900, collections: [1], sku: "EKR-FM-4" },
  { n: 104, title: "Boot Liner", productType: "Floor Mats", vendor: "EKR Auto", tags: ["floor-mats"], price: 6900, collections: [1], sku: "EKR-BL-1" },
  { n: 105, title: "EKR Gift Card", productType: "Gift Card", vendor: "EKR Auto", tags: ["gift-card"], price: 5000, collections: [6], isGiftCard: true, sku: "EKR-GC" },
  { n: 201, title: "Bamboo Toothbrush (4 pack)", productType: "Toothbrush", vendor: "EKOH", tags: ["personal-care", "bamboo"], price: 1600, collections: [3], sku: "EKOH-TB-4" },
  { n: 202, title: "Olive Oil Soap Bar", productType: "Soap", vendor: "EKOH", tags: ["personal-care"], price: 900, collections: [3], sku: "EKOH-SOAP" },
  { n: 203, title: "Glass Water Bottle 750ml", productType: "Bottle", vendor: "EKOH", tags: ["personal-care", "glass"], price: 3500, collections: [2, 3], sku: "EKOH-GB-750" },
  { n: 204, title: "Beeswax Food Wraps", productType: "Kitchen", vendor: "EKOH", tags: ["kitchen"], price: 2800, collections: [2], sku: "EKOH-BW-3" },
  { n: 205, title: "Organic Manuka Honey 500g", productType: "Food", vendor: "EKOH", tags: ["perishable", "food"], price: 4200, collections: [5], sku: "EKOH-HONEY" },
  { n: 206, title: "Fresh Kombucha Starter", productType: "Food", vendor: "EKOH", tags: ["perishable"], price: 2400, collections: [5], sku: "EKOH-KOMB" },
  { n: 207, title: "Linen Tote Bag (clearance)", productType: "Bag", vendor: "EKOH", tags: ["final-sale"], price: 1500, collections: [2, 4], sku: "EKOH-TOTE" },
  { n: 208, title: "Personalised Engraved Bottle", productType: "Bottle", vendor: "EKOH", tags: ["personalised", "custom"], price: 5500, collections: [2], sku: "EKOH-ENG" },
  { n: 209, title: "Stainless Steel Straw Set", productType: "Kitchen", vendor: "EKOH", tags: ["kitchen"], price: 1900, collections: [2], sku: "EKOH-STRAW" },
  { n: 210, title: "EKOH Gift Card", productType: "Gift Card", vendor: "EKOH", tags: ["gift-card"], price: 2500, collections: [6], isGiftCard: true, sku: "EKOH-GC" },
];

/** Products sold in sizes (exchanges): the first size keeps the product's first variant id. */
export const SIZES: Record<number, { size: string; extra: number; stock: number }[]> = {
  103: [
    { size: "Standard", extra: 0, stock: 20 },
    { size: "Large", extra: 0, stock: 12 },
    { size: "XL", extra: 1000, stock: 4 },
    { size: "Compact", extra: -1000, stock: 0 },
  ],
};

/** Units on hand of single-variant products whose stock is tracked; the rest are untracked. */
export const STOCK: Record<number, number> = { 101: 5, 102: 3, 104: 9 };

export const CUSTOMERS = [
  { n: 1, firstName: "Alex", lastName: "Example", email: "alex@example.com" },
  { n: 2, firstName: "Bella", lastName: "Ngata", email: "bella@example.com" },
  { n: 3, firstName: "Chris", lastName: "Tane", email: "chris@example.com" },
  { n: 4, firstName: "Dana", lastName: "Wilson", email: "dana@example.com" },
  { n: 5, firstName: "Eru", lastName: "Parata", email: "eru@example.com" },
  { n: 6, firstName: "Fiona", lastName: "Brown", email: "fiona@example.com" },
  { n: 7, firstName: "George", lastName: "Singh", email: "george@example.com" },
  { n: 8, firstName: "Hana", lastName: "Kim", email: "hana@example.com" },
  { n: 9, firstName: "Isaac", lastName: "Moana", email: "isaac@example.com" },
  { n: 10, firstName: "Jess", lastName: "Clark", email: "jess@example.com" },
];

const INK: Record<string, [string, string]> = { "EKR Auto": ["#1f3a5f", "#e3ebf5"], EKOH: ["#2f5d3a", "#e5f1e6"] };

/**
 * A small product picture for the seed catalog: an SVG data URI (the vendor's colours, the title's initials), so
 * the demo and the tests show product images with no network. Shopify's are CDN URLs; the app treats both as
 * opaque URLs it passes on.
 */
export function seedProductImage(title: string, vendor: string): ImageRec {
  const [ink, paper] = INK[vendor] ?? ["#303030", "#ebebeb"];
  const initials = title
    .split(/[\s-]+/)
    .filter((w) => /^[A-Za-z]/.test(w))
    .slice(0, 2)
    .map((w) => w[0]!.toUpperCase())
    .join("");
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="96" height="96" viewBox="0 0 96 96"><rect width="96" height="96" rx="12" fill="${paper}"/><text x="48" y="60" font-family="sans-serif" font-size="34" font-weight="700" text-anchor="middle" fill="${ink}">${initials}</text></svg>`;
  return { url: `data:image/svg+xml,${encodeURIComponent(svg)}`, altText: title };
}

export function seedCatalog(store: Store, createdAt: string): void {
  for (const c of COLLECTIONS) store.collections.set(gid("Collection", c.n), { id: gid("Collection", c.n), title: c.title, handle: c.handle });
  for (const p of PRODUCTS) {
    const id = gid("Product", p.n);
    const variantId = gid("ProductVariant", p.n * 10);
    store.products.set(id, {
      id,
      title: p.title,
      handle: p.title.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, ""),
      productType: p.productType,
      vendor: p.vendor,
      tags: p.tags,
      collectionIds: p.collections.map((n) => gid("Collection", n)),
      variantIds: [variantId],
      isGiftCard: p.isGiftCard ?? false,
      createdAt,
      updatedAt: createdAt,
      featuredImage: seedProductImage(p.title, p.vendor),
    });
    const sizes = SIZES[p.n];
    if (!sizes) {
      const stock = STOCK[p.n];
      store.variants.set(variantId, { id: variantId, productId: id, title: "Default Title", sku: p.sku, price: p.price, ...(stock !== undefined ? { inventoryQuantity: stock } : {}) });
      continue;
    }
    const product = store.products.get(id)!;
    product.variantIds = sizes.map((_, i) => gid("ProductVariant", p.n * 10 + i));
    sizes.forEach((z, i) => {
      const vid = gid("ProductVariant", p.n * 10 + i);
      store.variants.set(vid, { id: vid, productId: id, title: z.size, sku: `${p.sku}-${z.size.toUpperCase()}`, price: p.price + z.extra, inventoryQuantity: z.stock, options: [{ name: "Size", value: z.size }] });
    });
  }
  for (const c of CUSTOMERS)
    store.customers.set(gid("Customer", c.n), { id: gid("Customer", c.n), firstName: c.firstName, lastName: c.lastName, email: c.email, createdAt, tags: [] });
}
