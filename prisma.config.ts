// Prisma CLI configuration. Native Prisma engines are not used: the CLI runs its WebAssembly
// schema engine through a JS driver adapter chosen from DATABASE_URL (see docs/decisions/030).
//   DATABASE_URL unset / file:...        -> prisma/schema.prisma            + better-sqlite3
//   DATABASE_URL postgres(ql)://...      -> prisma/postgresql/schema.prisma + pg
// `prisma generate` ignores the adapter; scripts/prisma-generate.ts generates both clients.
import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { isPostgresUrl, parsePostgresUrl, sqliteFilePath } from "./app/db/url";

const url = process.env.DATABASE_URL;
const postgres = isPostgresUrl(url);

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  migrations: {
    path: postgres
      ? path.join("prisma", "postgresql", "migrations")
      : path.join("prisma", "migrations"),
  },
  schema: postgres
    ? path.join("prisma", "postgresql", "schema.prisma")
    : path.join("prisma", "schema.prisma"),
  async adapter() {
    if (postgres) {
      const { connectionString, schema } = parsePostgresUrl(url!);
      return new PrismaPg({ connectionString }, schema ? { schema } : undefined);
    }
    return new PrismaBetterSQLite3({ url: sqliteFilePath(url) });
  },
});
