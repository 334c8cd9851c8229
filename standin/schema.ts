import { readFileSync, existsSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { buildSchema, type GraphQLSchema } from "graphql";

const here = dirname(fileURLToPath(import.meta.url));

/** Where the real Admin API 2026-07 SDL lives: SHOPIFY_SCHEMA_PATH, else ../shared/shopify next to the repo. */
export function schemaPath(): string {
  const fromEnv = process.env.SHOPIFY_SCHEMA_PATH;
  if (fromEnv) return fromEnv;
  const candidates = [
    resolve(here, "../../shared/shopify/admin-2026-07.schema.graphql"),
    resolve(process.cwd(), "../shared/shopify/admin-2026-07.schema.graphql"),
  ];
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new Error(`Admin schema not found; set SHOPIFY_SCHEMA_PATH (tried ${candidates.join(", ")})`);
  return found;
}

let cached: { path: string; schema: GraphQLSchema } | undefined;

/** Builds the schema once per process (about 0.5 s) and reuses it. */
export function adminSchema(): GraphQLSchema {
  const path = schemaPath();
  if (cached?.path === path) return cached.schema;
  const schema = buildSchema(readFileSync(path, "utf8"), { assumeValidSDL: true });
  cached = { path, schema };
  return schema;
}
