/**
 * Protected customer data (PCD): what Shopify lets an app read about customers, on top of its
 * access scopes. https://shopify.dev/docs/apps/launch/protected-customer-data
 *
 * - Level 0 ("none"): no customer data. Orders, customers and the other objects that "relate to a
 *   single customer" are refused: "GraphQL requests to unapproved types will return an HTTP 200 Ok
 *   response with an error message in the errors hash" ("This app is not approved to access the
 *   Order object. ...").
 * - Level 1: customer data **excluding** the protected customer fields name, address, phone and
 *   email. The address fields are "address line 1, address line 2, geolocation, and zip codes in
 *   both billing and shipping addresses": the country, province and city of an address are level 1.
 * - Level 2: level 1 plus the protected fields the app was approved for, each on its own.
 *
 * A field beyond the grant is "redacted": the field is null and `errors` explains it, with the
 * path to the field (the page's example: `customer { email phone }` approved for email only answers
 * `phone: null` and "This app is not approved to access the Customer object. ..." at
 * ["customer", "phone"]). A non-null field (Customer.displayName) cannot be null, so its parent is.
 *
 * Customer account session tokens carry `sub` (the customer) only when the app has protected
 * customer data access: https://shopify.dev/docs/api/customer-account-ui-extensions/latest/target-apis/platform-apis/session-token-api
 */

export type ProtectedField = "name" | "email" | "phone" | "address";
export const PROTECTED_FIELDS: readonly ProtectedField[] = ["name", "email", "phone", "address"];

export interface CustomerDataGrant {
  /** 0: no customer data; 1: customer data without the protected fields; 2: with some of them. */
  level: 0 | 1 | 2;
  fields: ReadonlySet<ProtectedField>;
}

/**
 * What an app has been granted, as the stand-in's setting spells it:
 * "none", "level1", "level2" (all four fields), or "level1+name,email" (level 1 and those fields).
 */
export type CustomerDataSetting = "none" | "level1" | "level2" | `level1+${string}`;

export const DEFAULT_CUSTOMER_DATA: CustomerDataSetting = "level1";

export function parseCustomerData(setting: string): CustomerDataGrant {
  const s = setting.trim().toLowerCase();
  if (s === "none") return { level: 0, fields: new Set() };
  if (s === "level1") return { level: 1, fields: new Set() };
  if (s === "level2") return { level: 2, fields: new Set(PROTECTED_FIELDS) };
  const m = /^level1\+(.+)$/.exec(s);
  if (m) {
    const fields = m[1]!.split(",").map((f) => f.trim());
    const bad = fields.filter((f) => !(PROTECTED_FIELDS as readonly string[]).includes(f));
    if (bad.length || fields.length === 0)
      throw new Error(`protected customer data: unknown field(s) ${bad.join(", ") || "(none given)"} in "${setting}"; the fields are ${PROTECTED_FIELDS.join(", ")}`);
    return { level: 2, fields: new Set(fields as ProtectedField[]) };
  }
  throw new Error(`protected customer data: "${setting}" is not one of none, level1, level2, level1+<fields> (fields: ${PROTECTED_FIELDS.join(", ")})`);
}

/** Objects that relate to a single customer: refused outright without level 1. */
export const CUSTOMER_DATA_OBJECTS: ReadonlySet<string> = new Set([
  "Order",
  "Customer",
  "DraftOrder",
  "AbandonedCheckout",
  "Refund",
  "OrderTransaction",
  "Return",
  "Fulfillment",
  "FulfillmentOrder",
  "StoreCreditAccount",
  "GiftCard",
]);

/** The protected fields per type (Admin 2026-07). Customer.displayName is decided by its value: see `displayNameNeeds`. */
export const PROTECTED_FIELD_OF: Readonly<Record<string, Readonly<Record<string, ProtectedField>>>> = {
  Customer: {
    firstName: "name",
    lastName: "name",
    email: "email",
    defaultEmailAddress: "email",
    phone: "phone",
    defaultPhoneNumber: "phone",
  },
  Order: {
    email: "email",
    phone: "phone",
  },
  MailingAddress: {
    address1: "address",
    address2: "address",
    zip: "address",
    latitude: "address",
    longitude: "address",
    formatted: "address",
    firstName: "name",
    lastName: "name",
    name: "name",
    phone: "phone",
  },
};

export function hasField(grant: CustomerDataGrant, field: ProtectedField): boolean {
  return grant.level >= 1 && grant.fields.has(field);
}

/** Redacted value of a display name the app may not read in full (https://shopify.dev/changelog/displayname-no-longer-exposes-unapproved-email-or-phone). */
export const REDACTED = "•••";

/**
 * Customer.displayName falls back from the name to the email, then the phone; "displayName checks
 * access to the value it returns": a name needs the name field, an email the email field (else
 * "•••"), a phone the phone field (else "•••"); nothing at all is "".
 * https://shopify.dev/changelog/displayname-no-longer-exposes-unapproved-email-or-phone
 */
export function displayNameFor(
  c: { firstName?: string | null; lastName?: string | null; email?: string | null; phone?: string | null },
  grant: CustomerDataGrant,
): { value: string } | { denied: ProtectedField } {
  const name = [c.firstName, c.lastName].filter((x) => x && x.trim()).join(" ");
  if (name) return hasField(grant, "name") ? { value: name } : { denied: "name" };
  if (c.email) return { value: hasField(grant, "email") ? c.email : REDACTED };
  if (c.phone) return { value: hasField(grant, "phone") ? c.phone : REDACTED };
  return { value: "" };
}

export function notApprovedMessage(object: string): string {
  return `This app is not approved to access the ${object} object. See https://shopify.dev/docs/apps/launch/protected-customer-data for more details.`;
}
