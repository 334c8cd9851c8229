import { readFileSync, existsSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { buildSchema, type GraphQLSchema } from "graphql";

const here = dirname(fileURLToPath(import.meta.url));

/**
 * The shared folder beside the repository (the Admin schema, recorded Shopify answers, the policy texts,
 * the scenario contract): `../shared` next to the repository root, else `../shared` from the working
 * directory. Every file outside the repository is found through this one function.
 */
export function sharedPath(...segments: string[]): string {
  const candidates = [resolve(here, "../../shared"), resolve(process.cwd(), "../shared")];
  const found = candidates.find((p) => existsSync(p)) ?? candidates[0]!;
  return resolve(found, ...segments);
}

/** Where the real Admin API 2026-07 SDL lives: SHOPIFY_SCHEMA_PATH, else shared/shopify beside the repository. */
export function schemaPath(): string {
  const fromEnv = process.env.SHOPIFY_SCHEMA_PATH;
  if (fromEnv) return fromEnv;
  const path = sharedPath("shopify", "admin-2026-07.schema.graphql");
  if (!existsSync(path)) throw new Error(`Admin schema not found; set SHOPIFY_SCHEMA_PATH (tried ${path})`);
  return path;
}

let cached: { path: string; schema: GraphQLSchema } | undefined;

/** Builds the schema at `path` (default `schemaPath()`) once per process (about 0.5 s) and reuses it. */
export function adminSchema(path: string = schemaPath()): GraphQLSchema {
  if (cached?.path === path) return cached.schema;
  const schema = buildSchema(readFileSync(path, "utf8"), { assumeValidSDL: true });
  cached = { path, schema };
  return schema;
}
