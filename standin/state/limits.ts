// Input limits Shopify documents on the inputs the app sends, refused as Shopify's userErrors. No
// capture shows Shopify's wording for any of these: messages follow the style of the captured ones
// (Rails full messages, "Return line items <attribute> ..."), codes come from each payload's
// documented error-code enum. Where a limit is documented nowhere, the stand-in stays lenient (see
// the list in docs/decisions/020-standin.md).
import { ue, type UserErr } from "./errors";

/** Length as Shopify (Ruby's String#length) counts it: characters, not UTF-16 code units or bytes. */
export function chars(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

// ReturnRequestLineItemInput.customerNote: "Maximum length: 300 characters."
// https://shopify.dev/docs/api/admin-graphql/2026-07/input-objects/ReturnRequestLineItemInput
export const CUSTOMER_NOTE_MAX = 300;

// ReturnDeclineRequestInput.declineNote: "Maximum length: 500 characters."
// https://shopify.dev/docs/api/admin-graphql/2025-10/input-objects/ReturnDeclineRequestInput (unchanged in 2026-07's SDL)
export const DECLINE_NOTE_MAX = 500;

// FilesErrorCode.ALT_VALUE_LIMIT_EXCEEDED: "The alt value exceeds the maximum limit of 512 characters."
// https://shopify.dev/docs/api/admin-graphql/2026-07/enums/FilesErrorCode
export const FILE_ALT_MAX = 512;

// MetafieldsSetInput: namespace "Must be 3-255 characters long", key "Must be 2-64 characters long", both
// alphanumeric, hyphen and underscore. https://shopify.dev/docs/api/admin-graphql/2026-07/input-objects/MetafieldsSetInput
export const METAFIELD_NAMESPACE = { min: 3, max: 255 };
export const METAFIELD_KEY = { min: 2, max: 64 };

/**
 * Metafield value size by type: "Most metafield types have a 64KB (65,536 bytes) size limit", `id` and
 * `url` 2KB, and from 2026-04 `json` 128KB for apps that did not write JSON before April 2026.
 * https://shopify.dev/docs/apps/build/metafields/metafield-limits
 * https://shopify.dev/changelog/reduced-metafield-value-sizes
 */
export function metafieldValueMaxBytes(type: string): number {
  if (type === "json") return 128 * 1024;
  if (type === "id" || type === "url") return 2 * 1024;
  return 64 * 1024;
}

export function customerNoteError(root: string, i: number, note: string | null | undefined): UserErr | null {
  if (note == null || chars(note) <= CUSTOMER_NOTE_MAX) return null;
  return ue([root, "returnLineItems", i, "customerNote"], `Return line items customer note is too long (maximum is ${CUSTOMER_NOTE_MAX} characters)`, "TOO_LONG");
}

export function declineNoteError(note: string | null | undefined): UserErr | null {
  if (note == null || chars(note) <= DECLINE_NOTE_MAX) return null;
  return ue(["input", "declineNote"], `Decline note is too long (maximum is ${DECLINE_NOTE_MAX} characters)`, "TOO_LONG");
}

export function fileAltError(i: number, alt: string | null | undefined): UserErr | null {
  if (alt == null || chars(alt) <= FILE_ALT_MAX) return null;
  return ue(["files", i, "alt"], `The alt value exceeds the maximum limit of ${FILE_ALT_MAX} characters.`, "ALT_VALUE_LIMIT_EXCEEDED");
}

const HANDLE = /^[A-Za-z0-9_-]+$/;

/** metafieldsSet: namespace (as given; "$app..." is Shopify's own and resolved by it), key and value size. */
export function metafieldInputErrors(i: number, m: { namespace?: string | null; key: string; value: string; type?: string | null }, storedType: string | null): UserErr[] {
  const out: UserErr[] = [];
  const at = (f: string) => ["metafields", i, f];
  const ns = m.namespace;
  if (ns != null && !ns.startsWith("$app")) {
    const n = chars(ns);
    if (n < METAFIELD_NAMESPACE.min) out.push(ue(at("namespace"), `Namespace is too short (minimum is ${METAFIELD_NAMESPACE.min} characters)`, "TOO_SHORT"));
    else if (n > METAFIELD_NAMESPACE.max) out.push(ue(at("namespace"), `Namespace is too long (maximum is ${METAFIELD_NAMESPACE.max} characters)`, "TOO_LONG"));
    else if (!HANDLE.test(ns)) out.push(ue(at("namespace"), "Namespace contains one or more invalid characters.", "INVALID"));
  }
  const k = chars(m.key);
  if (k < METAFIELD_KEY.min) out.push(ue(at("key"), `Key is too short (minimum is ${METAFIELD_KEY.min} characters)`, "TOO_SHORT"));
  else if (k > METAFIELD_KEY.max) out.push(ue(at("key"), `Key is too long (maximum is ${METAFIELD_KEY.max} characters)`, "TOO_LONG"));
  else if (!HANDLE.test(m.key)) out.push(ue(at("key"), "Key contains one or more invalid characters.", "INVALID"));
  const type = m.type ?? storedType;
  if (type) {
    const max = metafieldValueMaxBytes(type);
    const bytes = Buffer.byteLength(m.value, "utf8");
    if (bytes > max) out.push(ue(at("value"), `Value is too long (maximum is ${max} bytes for type ${type})`, "TOO_LONG"));
  }
  return out;
}

// StagedUploadInput.fileSize: "This is required when the request's resource property is set to VIDEO or MODEL_3D."
// https://shopify.dev/docs/api/admin-graphql/2026-07/input-objects/StagedUploadInput
export function stagedUploadErrors(i: number, f: { resource: string; fileSize?: string | null }): UserErr[] {
  if ((f.resource === "VIDEO" || f.resource === "MODEL_3D") && (f.fileSize == null || f.fileSize === ""))
    return [{ field: ["input", String(i), "fileSize"], message: "File size is required for video and 3D model uploads." }];
  return [];
}
