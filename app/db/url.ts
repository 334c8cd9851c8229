// DATABASE_URL parsing shared by app/db.server.ts, prisma.config.ts and scripts/migrate.ts.
// No imports beyond node: this file is loaded by the Prisma CLI config too.
import path from "node:path";

export const DEFAULT_SQLITE_URL = "file:./dev.sqlite";

export type DatabaseProvider = "sqlite" | "postgresql";

export function isPostgresUrl(url: string | undefined): boolean {
  return url !== undefined && /^postgres(ql)?:\/\//i.test(url.trim());
}

export function providerForUrl(url: string | undefined): DatabaseProvider {
  if (isPostgresUrl(url)) return "postgresql";
  const u = url?.trim();
  if (u === undefined || u === "" || u.startsWith("file:")) return "sqlite";
  throw new Error(
    `DATABASE_URL must be a file: URL (SQLite) or a postgresql:// URL, got "${u.slice(0, 20)}..."`,
  );
}

/**
 * Absolute path of the SQLite file for a `file:` URL (or the default when unset).
 * Relative paths are resolved against the current working directory (the project root when run
 * through npm scripts). `file::memory:` / `:memory:` are passed through.
 */
export function sqliteFilePath(url: string | undefined, cwd: string = process.cwd()): string {
  const u = url?.trim() || DEFAULT_SQLITE_URL;
  if (!u.startsWith("file:")) {
    throw new Error(`DATABASE_URL for SQLite must start with "file:", got "${u.slice(0, 20)}..."`);
  }
  const withoutQuery = u.slice("file:".length).split("?")[0] ?? "";
  if (withoutQuery === "" ) throw new Error("DATABASE_URL file: path is empty");
  if (withoutQuery === ":memory:") return ":memory:";
  const p = withoutQuery.startsWith("//") ? withoutQuery.slice(2) : withoutQuery;
  return path.resolve(cwd, p);
}

/**
 * Splits Prisma's `?schema=` parameter off a PostgreSQL URL: node-postgres does not understand it,
 * the Prisma pg adapter takes it as an option instead.
 */
export function parsePostgresUrl(url: string): { connectionString: string; schema: string | undefined } {
  if (!isPostgresUrl(url)) throw new Error("DATABASE_URL is not a postgresql:// URL");
  const parsed = new URL(url.trim());
  const schema = parsed.searchParams.get("schema") ?? undefined;
  parsed.searchParams.delete("schema");
  if (schema !== undefined && !/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(schema)) {
    throw new Error(`DATABASE_URL schema parameter "${schema}" is not a plain identifier`);
  }
  return { connectionString: parsed.toString(), schema };
}

/**
 * node-postgres pool config + Prisma adapter options for a DATABASE_URL. With `?schema=x`, the
 * connection's search_path is x too, so raw SQL (and migration SQL) sees the same tables as the
 * Prisma Client, whose queries the adapter qualifies with the schema.
 */
export function postgresAdapterConfig(url: string): {
  pool: { connectionString: string; options?: string };
  options: { schema: string } | undefined;
} {
  const { connectionString, schema } = parsePostgresUrl(url);
  if (!schema) return { pool: { connectionString }, options: undefined };
  return { pool: { connectionString, options: `-c search_path="${schema}"` }, options: { schema } };
}
