// `npm run prisma:generate` (also run by `postinstall`). Plain Node ESM on purpose: it must run
// right after `npm ci`, before anything is built, without tsx.
//  1. derive prisma/postgresql/schema.prisma from prisma/schema.prisma (the source of truth):
//     same models, datasource provider/url and client output swapped;
//  2. generate both clients into app/generated/prisma/{sqlite,postgresql} (gitignored).
// `--check`: only verify that prisma/postgresql/schema.prisma is up to date (exit 1 when stale).
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const sqliteSchema = path.join(root, "prisma", "schema.prisma");
const pgSchema = path.join(root, "prisma", "postgresql", "schema.prisma");

const HEADER = "// GENERATED from prisma/schema.prisma by `npm run prisma:generate` - do not edit.\n";

/** @param {string} source @returns {string} */
export function postgresSchemaFrom(source) {
  let out = source;
  /** @param {RegExp} re @param {string} to @param {string} what */
  const replace = (re, to, what) => {
    if (!re.test(out)) throw new Error(`prisma/schema.prisma: cannot find ${what} to rewrite`);
    out = out.replace(re, to);
  };
  replace(/^(\s*provider\s*=\s*)"sqlite"/m, '$1"postgresql"', 'datasource provider = "sqlite"');
  replace(/^(\s*url\s*=\s*)"file:[^"\n]*".*$/m, '$1env("DATABASE_URL")', 'datasource url = "file:..."');
  replace(
    /^(\s*output\s*=\s*)"\.\.\/app\/generated\/prisma\/sqlite"/m,
    '$1"../../app/generated/prisma/postgresql"',
    'generator output = "../app/generated/prisma/sqlite"',
  );
  return HEADER + out;
}

function main() {
  const expected = postgresSchemaFrom(readFileSync(sqliteSchema, "utf8"));
  const current = existsSync(pgSchema) ? readFileSync(pgSchema, "utf8") : "";

  if (process.argv.includes("--check")) {
    if (current !== expected) {
      console.error("prisma/postgresql/schema.prisma is stale: run `npm run prisma:generate`");
      process.exit(1);
    }
    console.log("prisma/postgresql/schema.prisma is up to date");
    return;
  }

  if (current !== expected) {
    writeFileSync(pgSchema, expected);
    console.log("wrote prisma/postgresql/schema.prisma");
  }

  const prismaCli = path.join(root, "node_modules", "prisma", "build", "index.js");
  if (!existsSync(prismaCli)) {
    // e.g. `npm ci --omit=dev`: the clients must then come from the build stage.
    console.warn("prisma CLI not installed; skipping client generation");
    return;
  }
  for (const [schema, extraEnv] of [
    [sqliteSchema, {}],
    // env("DATABASE_URL") in the PostgreSQL schema is only read by a classic-engine migrate;
    // generation never connects, so a placeholder is enough when it is unset.
    [pgSchema, { DATABASE_URL: process.env.DATABASE_URL || "postgresql://placeholder@localhost/placeholder" }],
  ]) {
    execFileSync(process.execPath, [prismaCli, "generate", "--schema", schema], {
      cwd: root,
      stdio: "inherit",
      env: { ...process.env, ...extraEnv, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
    });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
