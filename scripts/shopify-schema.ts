/**
 * Offline schema for @shopify/api-codegen-preset: turns the committed Admin API SDL
 * (the stand-in's `schemaPath()`: $SHOPIFY_SCHEMA_PATH, else shared/shopify beside the repository) into introspection JSON
 * at the path the preset looks for (<outputDir>/admin-<version>.schema.json). When that file exists
 * the preset uses it instead of downloading the schema, so `npm run graphql-codegen` needs no network.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { buildSchema, introspectionFromSchema } from "graphql";
import { schemaPath } from "../standin";

export const ADMIN_API_VERSION = "2026-07";
const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const CODEGEN_SCHEMA_PATH = resolve(root, `app/types/admin-${ADMIN_API_VERSION}.schema.json`);

export function writeIntrospection(sdlPath = schemaPath(), outPath = CODEGEN_SCHEMA_PATH): string {
  if (!existsSync(sdlPath)) throw new Error(`Admin schema SDL not found at ${sdlPath}`);
  const schema = buildSchema(readFileSync(sdlPath, "utf8"));
  const introspection = introspectionFromSchema(schema, { descriptions: false });
  mkdirSync(dirname(outPath), { recursive: true });
  writeFileSync(outPath, JSON.stringify({ data: introspection }));
  return outPath;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = writeIntrospection();
  console.log(`wrote ${out}`);
}
