// Prisma CLI configuration. Native Prisma engines are not used: the CLI runs its WebAssembly
// schema engine through a JS driver adapter chosen from DATABASE_URL (see docs/decisions/030).
//   DATABASE_URL unset / file:...        -> prisma/schema.prisma            + better-sqlite3
//   DATABASE_URL postgres(ql)://...      -> prisma/postgresql/schema.prisma + pg (?schema= honoured)
// `npm run prisma:generate` (prisma/generate.mjs) generates both clients with --schema.
import path from "node:path";
import { defineConfig } from "prisma/config";
import { cliAdapterFor } from "./app/db/cli-adapter";
import { isPostgresUrl } from "./app/db/url";

const url = process.env.DATABASE_URL;
const postgres = isPostgresUrl(url);

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: postgres
    ? path.join("prisma", "postgresql", "schema.prisma")
    : path.join("prisma", "schema.prisma"),
  migrations: {
    path: postgres ? path.join("prisma", "postgresql", "migrations") : path.join("prisma", "migrations"),
  },
  async adapter() {
    return cliAdapterFor(url);
  },
});
