// Bodies the customer-returns extension sends (extensions/customer-returns/src/api.ts), validated
// with zod. Every problem is reported with the field path the extension shows it next to
// (lines[0].quantity); nothing the shopper typed is dropped or rewritten silently.
import { z } from "zod";
import { CONDITIONS, REASONS } from "~/returns";
import { ShopperError } from "./errors";

/** What a shopper may ask for: an exchange names the new item per line (lines[].exchangeVariantId). */
export const SHOPPER_RESOLUTIONS = ["refund", "store_credit", "replacement", "exchange"] as const;
export type ShopperResolution = (typeof SHOPPER_RESOLUTIONS)[number];
/** What a submit may ask for: the overview's resolutions. */
export const SUBMIT_RESOLUTIONS = SHOPPER_RESOLUTIONS;
export type SubmitResolution = (typeof SUBMIT_RESOLUTIONS)[number];

/**
 * Longest note a shopper may write on a line: Shopify keeps at most 300 characters of a return line's
 * customer note ("Maximum length: 300 characters",
 * https://shopify.dev/docs/api/admin-graphql/2026-07/input-objects/ReturnRequestLineItemInput) and refuses
 * the whole returnRequest otherwise, so a longer note is refused here, before anything is stored. The
 * extension stops the text area at the same length (extensions/customer-returns/src/validate.ts).
 */
export const NOTE_MAX = 300;

/** Characters as Shopify counts them (an emoji is one), not UTF-16 code units. */
export function charCount(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

const lineItemId = z.string().trim().regex(/^gid:\/\/shopify\/LineItem\/\d+$/, "must be a line item id like gid://shopify/LineItem/1");
const baseLine = {
  lineItemId,
  quantity: z.number("must be a number").int("must be a whole number").min(1, "must be at least 1").max(1000, "must be at most 1000"),
  reason: z.enum(REASONS, `must be one of ${REASONS.join(", ")}`),
  conditions: z.array(z.enum(CONDITIONS, `must be one of ${CONDITIONS.join(", ")}`)).max(CONDITIONS.length).default([]),
  note: z.string().refine((s) => charCount(s) <= NOTE_MAX, `must be at most ${NOTE_MAX} characters`).default(""),
};

const httpUrl = z
  .string()
  .max(2048)
  .refine((s) => {
    try {
      const u = new URL(s);
      return u.protocol === "https:" || u.protocol === "http:";
    } catch {
      return false;
    }
  }, "must be the resourceUrl of an upload");

export const previewBodySchema = z.object({
  lines: z
    .array(z.object({ ...baseLine, photos: z.number().int("must be a whole number").min(0).max(20).default(0) }))
    .min(1, "choose at least one item")
    .max(100),
  resolution: z.enum(SHOPPER_RESOLUTIONS, `must be one of ${SHOPPER_RESOLUTIONS.join(", ")}`).optional(),
});
export type PreviewBody = z.infer<typeof previewBodySchema>;

export const submitBodySchema = z.object({
  idempotencyKey: z.string().trim().min(8, "must be a unique key (uuid)").max(100).regex(/^[A-Za-z0-9_-]+$/, "must be a uuid"),
  lines: z
    .array(
      z.object({
        ...baseLine,
        photos: z.array(httpUrl).max(10, "at most 10 photos").default([]),
        /** the new item of an exchange (a replacement defaults to the same variant) */
        exchangeVariantId: z.string().regex(/^gid:\/\/shopify\/ProductVariant\/\d{1,20}$/, "must be a product variant id").optional(),
      }),
    )
    .min(1, "choose at least one item")
    .max(100),
  resolution: z.enum(SUBMIT_RESOLUTIONS, `must be one of ${SUBMIT_RESOLUTIONS.join(", ")}`),
});
export type SubmitBody = z.infer<typeof submitBodySchema>;

export const uploadBodySchema = z.object({
  filename: z
    .string()
    .trim()
    .min(1, "is required")
    .max(255)
    .regex(/^[^/\\]+$/, "must be a file name, not a path")
    .refine((name) => !/^\.+$/.test(name), "must be a file name, not . or .."),
  mimeType: z.enum(["image/jpeg", "image/png", "image/webp", "image/gif", "image/heic"], "must be a JPEG, PNG, WebP, GIF or HEIC image"),
  fileSize: z.number().int().min(1, "must be at least 1 byte").max(20 * 1024 * 1024, "must be at most 20 MB"),
});
export type UploadBody = z.infer<typeof uploadBodySchema>;

export function fieldPath(path: ReadonlyArray<PropertyKey>): string {
  let out = "";
  for (const p of path) {
    if (typeof p === "number") out += `[${p}]`;
    else out += out ? `.${String(p)}` : String(p);
  }
  return out || "body";
}

export interface FieldProblem {
  field: string;
  message: string;
}

export class InvalidBodyError extends ShopperError {
  constructor(readonly problems: FieldProblem[]) {
    super(400, "invalid", problems[0]?.message ?? "invalid request", problems[0]?.field ?? "body");
  }
  override toBody() {
    return { ...super.toBody(), errors: this.problems };
  }
}

/** Parses `body` or throws InvalidBodyError listing every problem (the first one as `error`). */
export function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  const r = schema.safeParse(body);
  if (r.success) return r.data;
  const problems = r.error.issues.map((i) => ({ field: fieldPath(i.path), message: i.message }));
  throw new InvalidBodyError(problems);
}
