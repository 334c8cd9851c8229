// PrismaClient factory chosen by DATABASE_URL (no singleton here: see app/db.server.ts).
//   unset or file:...            -> SQLite through better-sqlite3 (default file:./dev.sqlite, relative to cwd)
//   postgresql:// or postgres:// -> PostgreSQL through node-postgres (`?schema=` is honoured)
// Both generated clients have identical models; the SQLite client's type is the common type (it is
// the narrower API: PostgreSQL-only options such as `mode: "insensitive"` don't exist on it).
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as SqliteClient } from "../generated/prisma/sqlite/client";
import { PrismaClient as PostgresClient } from "../generated/prisma/postgresql/client";
import { postgresAdapterConfig, providerForUrl, sqliteFilePath } from "./url";

export type PrismaClient = SqliteClient;
/** Error classes and input types (shared runtime: `instanceof` works for both providers). */
export { Prisma } from "../generated/prisma/sqlite/client";

/** A transaction client as passed to `prisma.$transaction(async (tx) => ...)`. */
export type TxClient = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

export function createPrismaClient(url: string | undefined = process.env.DATABASE_URL): PrismaClient {
  if (providerForUrl(url) === "postgresql") {
    const { pool, options } = postgresAdapterConfig(url!);
    const adapter = new PrismaPg(pool, options);
    return new PostgresClient({ adapter }) as unknown as PrismaClient;
  }
  const adapter = new SecureDeleteSQLite({ url: sqliteFilePath(url) });
  return new SqliteClient({ adapter });
}

/**
 * SQLite connections with `PRAGMA secure_delete = ON`: deleted rows are overwritten with zeros instead
 * of lingering in free pages of the file, so what shop/redact and customers/redact erase (access
 * tokens, e-mail, phone, notes) is gone from the bytes on disk too. https://www.sqlite.org/pragma.html#pragma_secure_delete
 */
class SecureDeleteSQLite extends PrismaBetterSQLite3 {
  override async connect() {
    const connection = await super.connect();
    await connection.executeScript("PRAGMA secure_delete = ON;");
    return connection;
  }
}
