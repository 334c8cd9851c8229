// What the engine reads: the order snapshot (as the app reads it from the Admin API), the shop,
// and the shopper's request. Zod schemas validate untrusted input and name the bad field.
import { z } from "zod";
import { CONDITIONS, LOCALES, REASONS, SALES_CHANNELS } from "./policy";
import { isDecimalForCurrency } from "./money";
import { isValidTimeZone } from "./time";

export const isoInstantSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/, "must be an ISO 8601 instant with offset")
  .refine((s) => Number.isFinite(Date.parse(s)), "must be a valid date");

const currencySchema = z.string().regex(/^[A-Z]{3}$/, "must be an ISO 4217 code like NZD");
const decimalSchema = z.string().regex(/^-?\d+(\.\d+)?$/, "must be a decimal string like \"8.50\"");

export const shopSchema = z.object({
  country: z.string().regex(/^[A-Z]{2}$/, "must be an ISO 3166 code like NZ"),
  timezone: z.string().refine(isValidTimeZone, "must be an IANA time zone like Pacific/Auckland"),
  currency: currencySchema,
});
export type Shop = z.infer<typeof shopSchema>;

export const orderLineSchema = z.object({
  id: z.string().min(1),
  title: z.string().default(""),
  sku: z.string().nullable().default(null),
  productType: z.string().default(""),
  vendor: z.string().default(""),
  tags: z.array(z.string()).default([]),
  collections: z.array(z.string()).default([]),
  customAttributes: z.array(z.object({ key: z.string(), value: z.string().nullable().default("") })).default([]),
  isGiftCard: z.boolean().default(false),
  onSale: z.boolean().default(false),
  quantity: z.number().int().min(0),
  unitPrice: decimalSchema,
  /** Tax per unit, when the snapshot has it; added to the refund. */
  unitTax: decimalSchema.optional(),
  fulfilledQuantity: z.number().int().min(0),
  returnedQuantity: z.number().int().min(0).default(0),
  fulfilledAt: isoInstantSchema.nullable().default(null),
  deliveredAt: isoInstantSchema.nullable().default(null),
});
export type OrderLine = z.infer<typeof orderLineSchema>;

export const orderSchema = z
  .object({
    id: z.string().min(1),
    name: z.string().default(""),
    processedAt: isoInstantSchema,
    currency: currencySchema,
    salesChannel: z.enum(SALES_CHANNELS),
    shippingCountry: z.string().regex(/^[A-Z]{2}$/, "must be an ISO 3166 code like NZ").nullable().default(null),
    /** What can still be refunded on the order (decimal string), when known. */
    refundableAmount: decimalSchema.optional(),
    /**
     * When the shopper paid in another currency than the shop's: the order's total in shop money and
     * in presentment money (`currency`), which is the rate Shopify recorded for the order.
     */
    shopMoney: z
      .object({ currency: currencySchema, total: decimalSchema, presentmentTotal: decimalSchema })
      .optional(),
    lines: z.array(orderLineSchema),
  })
  .superRefine((o, ctx) => {
    const seen = new Set<string>();
    o.lines.forEach((l, i) => {
      if (seen.has(l.id)) ctx.addIssue({ code: "custom", path: ["lines", i, "id"], message: `duplicate line id ${l.id}` });
      seen.add(l.id);
      if (!isDecimalForCurrency(l.unitPrice, o.currency))
        ctx.addIssue({ code: "custom", path: ["lines", i, "unitPrice"], message: `too many decimals for ${o.currency}` });
      if (l.unitTax !== undefined && !isDecimalForCurrency(l.unitTax, o.currency))
        ctx.addIssue({ code: "custom", path: ["lines", i, "unitTax"], message: `too many decimals for ${o.currency}` });
    });
    if (o.shopMoney) {
      if (!isDecimalForCurrency(o.shopMoney.total, o.shopMoney.currency))
        ctx.addIssue({ code: "custom", path: ["shopMoney", "total"], message: `too many decimals for ${o.shopMoney.currency}` });
      if (!isDecimalForCurrency(o.shopMoney.presentmentTotal, o.currency))
        ctx.addIssue({ code: "custom", path: ["shopMoney", "presentmentTotal"], message: `too many decimals for ${o.currency}` });
    }
    if (o.refundableAmount !== undefined && !isDecimalForCurrency(o.refundableAmount, o.currency))
      ctx.addIssue({ code: "custom", path: ["refundableAmount"], message: `too many decimals for ${o.currency}` });
  });
export type Order = z.infer<typeof orderSchema>;

export const requestLineSchema = z.object({
  lineId: z.string().min(1),
  quantity: z.number().int("must be a whole number").min(1, "must be at least 1"),
  reason: z.enum(REASONS),
  conditions: z.array(z.enum(CONDITIONS)).default([]),
  photos: z.number().int().min(0).default(0),
  note: z.string().default(""),
});
export type RequestLine = z.infer<typeof requestLineSchema>;

export const returnRequestSchema = z.object({
  lines: z.array(requestLineSchema).min(1, "needs at least one line"),
});
export type ReturnRequest = z.infer<typeof returnRequestSchema>;

export const localeSchema = z.enum(LOCALES);
