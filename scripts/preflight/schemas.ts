// The schemas the app's GraphQL documents go to: the Admin API, and for extensions whose targets run in
// customer accounts, the Customer Account API. Both files are found through the stand-in's sharedPath.
// Used by the preflight and by app/shopify/operations.test.ts, so both judge a document against the same schema.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { buildClientSchema, type GraphQLSchema, type IntrospectionQuery } from "graphql";
import { adminSchema, sharedPath } from "../../standin";

export interface DocumentLocation {
  /** path relative to the repository root */
  file: string;
}

export interface DocumentSchemas {
  admin: GraphQLSchema;
  customerAccount(): GraphQLSchema;
  /** Extensions whose targets run in customer accounts query the Customer Account API, everything else Admin. */
  schemaFor(doc: DocumentLocation): { name: string; schema: GraphQLSchema };
}

export function documentSchemas(root: string): DocumentSchemas {
  const admin = adminSchema();
  let customer: GraphQLSchema | undefined;
  const customerAccount = () => {
    if (!customer) {
      const json = JSON.parse(readFileSync(sharedPath("shopify", "customer-account-2026-04.schema.json"), "utf8")) as
        | { data: IntrospectionQuery }
        | IntrospectionQuery;
      customer = buildClientSchema("data" in json ? json.data : json);
    }
    return customer;
  };
  const schemaFor = (doc: DocumentLocation) => {
    const [top, ext] = doc.file.split(path.sep);
    const toml = top === "extensions" && ext ? path.join(root, "extensions", ext, "shopify.extension.toml") : "";
    if (toml && existsSync(toml) && /target\s*=\s*"customer-account\./.test(readFileSync(toml, "utf8"))) {
      return { name: "customer-account-2026-04", schema: customerAccount() };
    }
    return { name: "admin-2026-07", schema: admin };
  };
  return { admin, customerAccount, schemaFor };
}
