import { GraphQLError, Kind, visit, type ASTNode, type DocumentNode } from "graphql";

/** Shopify (graphql-ruby) shaped error object. */
export interface ShopifyError {
  message: string;
  locations?: { line: number; column: number }[];
  path?: (string | number)[];
  extensions?: Record<string, unknown>;
}

/** path Shopify reports for a static error: ["query Name", "order", "lineItems", ...] */
function staticPath(doc: DocumentNode, target: ASTNode | undefined): string[] | undefined {
  if (!target) return undefined;
  const stack: string[] = [];
  let found: string[] | undefined;
  visit(doc, {
    enter(node) {
      if (found) return false;
      if (node.kind === Kind.OPERATION_DEFINITION) stack.push(node.name ? `${node.operation} ${node.name.value}` : node.operation);
      else if (node.kind === Kind.FRAGMENT_DEFINITION) stack.push(`fragment ${node.name.value}`);
      else if (node.kind === Kind.FIELD) stack.push(node.name.value);
      else if (node.kind === Kind.INLINE_FRAGMENT) stack.push(`... on ${node.typeCondition?.name.value ?? ""}`.trim());
      else if (node.kind === Kind.ARGUMENT || node.kind === Kind.OBJECT_FIELD) stack.push(node.name.value);
      else if (node.kind === Kind.VARIABLE_DEFINITION) stack.push(`$${node.variable.name.value}`);
      if (node === target) found = [...stack];
      return undefined;
    },
    leave(node) {
      if (
        node.kind === Kind.OPERATION_DEFINITION ||
        node.kind === Kind.FRAGMENT_DEFINITION ||
        node.kind === Kind.FIELD ||
        node.kind === Kind.INLINE_FRAGMENT ||
        node.kind === Kind.ARGUMENT ||
        node.kind === Kind.OBJECT_FIELD ||
        node.kind === Kind.VARIABLE_DEFINITION
      )
        stack.pop();
    },
  });
  return found;
}

function loc(e: GraphQLError) {
  return e.locations?.map((l) => ({ line: l.line, column: l.column }));
}

/** graphql-js validation message -> Shopify's wording and extension code. */
export function shopifyValidationError(doc: DocumentNode, e: GraphQLError): ShopifyError {
  const path = staticPath(doc, e.nodes?.[0]);
  const base = { locations: loc(e), ...(path ? { path } : {}) };
  const m = e.message;
  let r: RegExpExecArray | null;
  if ((r = /^Cannot query field "(\w+)" on type "(\w+)"/.exec(m)))
    return { message: `Field '${r[1]}' doesn't exist on type '${r[2]}'`, ...base, extensions: { code: "undefinedField", typeName: r[2], fieldName: r[1] } };
  if ((r = /^Unknown argument "(\w+)" on field "(\w+)\.(\w+)"/.exec(m)))
    return { message: `Field '${r[3]}' doesn't accept argument '${r[1]}'`, ...base, extensions: { code: "argumentNotAccepted", name: r[3], typeName: "Field", argumentName: r[1] } };
  if ((r = /^Field "(\w+)" is not defined by type "(\w+)"/.exec(m)))
    return { message: `InputObject '${r[2]}' doesn't accept argument '${r[1]}'`, ...base, extensions: { code: "argumentNotAccepted", name: r[2], typeName: "InputObject", argumentName: r[1] } };
  if ((r = /^Field "(\w+)" argument "(\w+)" of type "([^"]+)" is required/.exec(m)))
    return { message: `Field '${r[1]}' is missing required arguments: ${r[2]}`, ...base, extensions: { code: "missingRequiredArguments", className: "Field", name: r[1], arguments: r[2] } };
  if ((r = /^Field "(\w+)" must not have a selection since type "([^"]+)" has no subfields/.exec(m)))
    return { message: `Selections can't be made on scalars (field '${r[1]}' returns ${r[2]} but has selections)`, ...base, extensions: { code: "selectionMismatch", nodeName: `field '${r[1]}'`, typeName: r[2] } };
  if ((r = /^Field "(\w+)" of type "([^"]+)" must have a selection of subfields/.exec(m)))
    return { message: `Field must have selections (field '${r[1]}' returns ${r[2]} but has no selections. Did you mean '${r[1]} { ... }'?)`, ...base, extensions: { code: "selectionMismatch", nodeName: `field '${r[1]}'`, typeName: r[2] } };
  if ((r = /^Unknown type "(\w+)"/.exec(m))) return { message: `No such type ${r[1]}, so it can't be a fragment condition`, ...base, extensions: { code: "undefinedType", typeName: r[1] } };
  if ((r = /^Variable "\$(\w+)" is never used/.exec(m)))
    return { message: `Variable $${r[1]} is declared by ${path?.[0] ?? "anonymous query"} but not used`, ...base, extensions: { code: "variableNotUsed", variableName: r[1] } };
  if ((r = /^Variable "\$(\w+)" is not defined/.exec(m)))
    return { message: `Variable $${r[1]} is used by ${path?.[0] ?? "anonymous query"} but not declared`, ...base, extensions: { code: "variableNotDefined", variableName: r[1] } };
  if ((r = /^Variable "\$(\w+)" of type "([^"]+)" used in position expecting type "([^"]+)"/.exec(m)))
    return { message: `Type mismatch on variable $${r[1]} and argument (${r[2]} / ${r[3]})`, ...base, extensions: { code: "variableMismatch", variableName: r[1], typeName: r[2] } };
  if ((r = /^Unknown fragment "(\w+)"/.exec(m))) return { message: `Fragment ${r[1]} was used, but not defined`, ...base, extensions: { code: "useAndDefineFragment", fragmentName: r[1] } };
  if ((r = /^Fragment "(\w+)" is never used/.exec(m))) return { message: `Fragment ${r[1]} was defined, but not used`, ...base, extensions: { code: "useAndDefineFragment", fragmentName: r[1] } };
  if (/^Unknown directive/.test(m)) return { message: m.replace(/"/g, "'"), ...base, extensions: { code: "undefinedDirective" } };
  if (/cannot represent|Expected value of type|Enum "\w+" cannot represent/.test(m)) return { message: m.replace(/"/g, "'"), ...base, extensions: { code: "argumentLiteralsIncompatible" } };
  return { message: m, ...base, extensions: { code: "validationError" } };
}

export function shopifySyntaxError(e: GraphQLError): ShopifyError {
  const l = e.locations?.[0];
  const token = /Unexpected (.*)\.?$/.exec(e.message.replace(/^Syntax Error: /, ""))?.[1]?.replace(/\.$/, "") ?? "input";
  return {
    message: `Parse error on ${token}${l ? ` at [${l.line}, ${l.column}]` : ""}`,
    locations: loc(e),
    extensions: { code: "parseError" },
  };
}

/** variable coercion problems: Shopify words them "Variable $x of type T was provided invalid value for a.b (...)" */
export function shopifyVariableError(doc: DocumentNode, e: GraphQLError): ShopifyError {
  const m = e.message;
  const varName = /^Variable "\$(\w+)"/.exec(m)?.[1] ?? "";
  let typeName = "";
  visit(doc, {
    VariableDefinition(node) {
      if (node.variable.name.value === varName) typeName = printType(node.type);
    },
  });
  let r: RegExpExecArray | null;
  let detail = "";
  if ((r = /Field "(\w+)" is not defined by type "(\w+)"/.exec(m))) {
    const at = /at "([^"]+)"/.exec(m)?.[1];
    const prefix = at ? `${at.split(".").slice(1).join(".")}${at.includes(".") ? "." : ""}` : "";
    detail = `for ${prefix}${r[1]} (Field is not defined on ${r[2]})`;
  } else if ((r = /got invalid value (.+?) at "([^"]+)"; Value (.+?) does not exist in "(\w+)" enum/.exec(m))) {
    detail = `for ${r[2]!.split(".").slice(1).join(".")} (Expected ${r[1]} to be one of: ${"%ENUM%"})`;
    return { message: `Variable $${varName} of type ${typeName} was provided invalid value ${detail}`, locations: loc(e), extensions: { code: "INVALID_VARIABLE", enumName: r[4] } };
  } else if ((r = /of required type "([^"]+)" was not provided/.exec(m))) {
    detail = "";
  } else if ((r = /at "([^"]+)"; Expected non-nullable type "([^"]+)" not to be null/.exec(m))) {
    detail = `for ${r[1]!.split(".").slice(1).join(".")} (Expected value to not be null)`;
  } else if ((r = /Field "(\w+)" of required type "([^"]+)" was not provided/.exec(m))) {
    detail = `for ${r[1]} (Expected value to not be null)`;
  } else detail = `(${m})`;
  return {
    message: `Variable $${varName} of type ${typeName} was provided invalid value${detail ? ` ${detail}` : ""}`,
    locations: loc(e),
    extensions: { code: "INVALID_VARIABLE" },
  };
}

function printType(t: { kind: string; type?: unknown; name?: { value: string } }): string {
  if (t.kind === Kind.NON_NULL_TYPE) return `${printType(t.type as never)}!`;
  if (t.kind === Kind.LIST_TYPE) return `[${printType(t.type as never)}]`;
  return t.name!.value;
}
