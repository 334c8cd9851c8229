import { getNamedType, isObjectType, type GraphQLOutputType, type GraphQLResolveInfo } from "graphql";
import type { Ctx } from "./context";
import { grants, requiredAccess, rulesFor, type ScopeRule } from "../access-scopes";
import { CUSTOMER_DATA_OBJECTS, PROTECTED_FIELD_OF, hasField, notApprovedMessage } from "../customer-data";

/**
 * A field the app may not read: graphql-js nulls it (or its nearest nullable parent) and reports this
 * at the field's path, with Shopify's extensions.
 */
export class AccessDeniedError extends Error {
  constructor(
    message: string,
    readonly extensions: Record<string, unknown>,
  ) {
    super(message);
  }
}

/** https://shopify.dev/changelog/new-error-messages-for-graphql-operations-without-necessary-access-scopes */
export function scopeDenied(field: string, rule: ScopeRule): AccessDeniedError {
  const required = requiredAccess(rule);
  return new AccessDeniedError(`Access denied for ${field} field. Required access: ${required}`, {
    code: "ACCESS_DENIED",
    documentation: "https://shopify.dev/api/usage/access-scopes",
    requiredAccess: required,
  });
}

/** https://shopify.dev/docs/apps/launch/protected-customer-data#using-protected-customer-data */
export function customerDataDenied(object: string): AccessDeniedError {
  return new AccessDeniedError(notApprovedMessage(object), { code: "ACCESS_DENIED" });
}

/** The object a field hands out: its named type, or a connection's (or edge's) node type. */
export function objectTypeOf(t: GraphQLOutputType): string | null {
  const named = getNamedType(t);
  if (!isObjectType(named)) return null;
  const fields = named.getFields();
  if (named.name.endsWith("Connection") && fields.nodes) return objectTypeOf(fields.nodes.type);
  if (named.name.endsWith("Edge") && fields.node) return objectTypeOf(fields.node.type);
  return named.name;
}

/**
 * Refuses a field the token's scopes or the app's protected customer data grant do not cover, the way
 * Shopify does: the field's own rule (or its type's), then the rule of the object it returns, then
 * protected customer data (whole objects without level 1, protected fields without their approval).
 */
export function guardField(info: GraphQLResolveInfo, ctx: Ctx): void {
  const parent = info.parentType.name;
  const field = info.fieldName;
  const object = objectTypeOf(info.returnType);
  for (const rule of rulesFor(parent, field, object)) if (!grants(ctx.scopes, rule)) throw scopeDenied(field, rule);
  if (ctx.customerData.level === 0) {
    if (object && CUSTOMER_DATA_OBJECTS.has(object)) throw customerDataDenied(object);
    if (CUSTOMER_DATA_OBJECTS.has(parent)) throw customerDataDenied(parent);
  }
  const protectedField = PROTECTED_FIELD_OF[parent]?.[field];
  if (protectedField && !hasField(ctx.customerData, protectedField)) throw customerDataDenied(parent);
}
