// Applies the standard Prisma migration folders through the JS drivers, exactly like
// `prisma migrate deploy` would, and records them in `_prisma_migrations` the way Prisma does
// (same table DDL, checksum = sha256 hex of migration.sql, started_at/finished_at,
// applied_steps_count = 1), so a later real `prisma migrate deploy` sees them as applied.
//   SQLite:      prisma/migrations             (one BEGIN IMMEDIATE transaction: concurrent runs serialise)
//   PostgreSQL:  prisma/postgresql/migrations  (session advisory lock 72707369, Prisma's own key)
// Why not `prisma migrate deploy`? On PostgreSQL its WebAssembly engine fails (prisma/orm#27403) and
// native engines cannot be downloaded here; on SQLite it works but costs ~1s per call (a process).
import { createHash, randomUUID } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import pg from "pg";
import { parsePostgresUrl, providerForUrl, sqliteFilePath, type DatabaseProvider } from "./url";

/** Prisma Migrate's advisory lock key on PostgreSQL (schema-engine postgres connector). */
export const PRISMA_ADVISORY_LOCK_KEY = 72707369;

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

export function migrationsDir(provider: DatabaseProvider, root: string = projectRoot): string {
  return provider === "postgresql"
    ? path.join(root, "prisma", "postgresql", "migrations")
    : path.join(root, "prisma", "migrations");
}

export interface MigrationFile {
  name: string;
  sql: string;
  checksum: string;
}

export function readMigrations(provider: DatabaseProvider, dir: string = migrationsDir(provider)): MigrationFile[] {
  const lockFile = path.join(dir, "migration_lock.toml");
  if (!existsSync(lockFile)) throw new Error(`${lockFile} is missing`);
  const lock = readFileSync(lockFile, "utf8");
  if (!new RegExp(`provider\\s*=\\s*"${provider}"`).test(lock)) {
    throw new Error(`${lockFile} is not for provider "${provider}"`);
  }
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(path.join(dir, d.name, "migration.sql")))
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const bytes = readFileSync(path.join(dir, name, "migration.sql"));
      return {
        name,
        sql: bytes.toString("utf8"),
        checksum: createHash("sha256").update(bytes).digest("hex"),
      };
    });
}

export interface MigrateResult {
  provider: DatabaseProvider;
  applied: string[];
  alreadyApplied: string[];
}

export interface MigrateOptions {
  /** Override the migrations folder (tests). */
  dir?: string;
  log?: (line: string) => void;
}

interface AppliedRow {
  migration_name: string;
  checksum: string;
  finished_at: unknown;
  rolled_back_at: unknown;
}

function checkApplied(rows: AppliedRow[], migrations: MigrationFile[]): Set<string> {
  const failed = rows.find((r) => r.finished_at === null && r.rolled_back_at === null);
  if (failed) {
    throw new Error(
      `Migration ${failed.migration_name} failed earlier (finished_at is null in _prisma_migrations). ` +
        "Fix the database, then mark it with `prisma migrate resolve --applied|--rolled-back`.",
    );
  }
  const done = new Set<string>();
  for (const r of rows) {
    if (r.rolled_back_at !== null) continue;
    const file = migrations.find((m) => m.name === r.migration_name);
    if (!file) {
      throw new Error(`Migration ${r.migration_name} is applied in the database but missing from the migrations folder`);
    }
    if (file.checksum !== r.checksum) {
      throw new Error(`Migration ${r.migration_name} was modified after it was applied (checksum mismatch)`);
    }
    done.add(r.migration_name);
  }
  return done;
}

// --- SQLite ---------------------------------------------------------------------------------------

const SQLITE_MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    TEXT PRIMARY KEY NOT NULL,
    "checksum"              TEXT NOT NULL,
    "finished_at"           DATETIME,
    "migration_name"        TEXT NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        DATETIME,
    "started_at"            DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count"   INTEGER UNSIGNED NOT NULL DEFAULT 0
)`;

/** Timestamp text in the format Prisma's SQLite adapter writes (e.g. 2026-01-02T03:04:05.678+00:00). */
function sqliteTimestamp(d: Date): string {
  return d.toISOString().replace("Z", "+00:00");
}

// The whole run is one transaction, so a failing migration leaves no partial DDL behind; like Prisma,
// we still leave a row with finished_at NULL and the error in `logs`, which blocks later runs (ours
// and `prisma migrate deploy`) until someone resolves it.
function recordSqliteFailure(db: Database.Database, m: MigrationFile, error: unknown): void {
  try {
    db.exec(SQLITE_MIGRATIONS_TABLE);
    db.prepare(
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, logs, started_at, applied_steps_count) VALUES (?, ?, ?, ?, ?, 0)`,
    ).run(randomUUID(), m.checksum, m.name, String(error), sqliteTimestamp(new Date()));
  } catch {
    // the original error is more useful
  }
}

function migrateSqlite(file: string, migrations: MigrationFile[], log: (l: string) => void): MigrateResult {
  const db = new Database(file, { timeout: 30_000 });
  try {
    db.pragma("foreign_keys = ON");
    const applied: string[] = [];
    let alreadyApplied: string[] = [];
    let failing: MigrationFile | undefined;
    // BEGIN IMMEDIATE takes the write lock up front: a concurrent runner waits, then sees our rows.
    db.exec("BEGIN IMMEDIATE");
    try {
      db.exec(SQLITE_MIGRATIONS_TABLE);
      const rows = db
        .prepare(`SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" ORDER BY started_at`)
        .all() as AppliedRow[];
      const done = checkApplied(rows, migrations);
      alreadyApplied = migrations.filter((m) => done.has(m.name)).map((m) => m.name);
      for (const m of migrations) {
        if (done.has(m.name)) continue;
        failing = m;
        const id = randomUUID();
        db.prepare(
          `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count) VALUES (?, ?, ?, ?, 0)`,
        ).run(id, m.checksum, m.name, sqliteTimestamp(new Date()));
        db.exec(m.sql);
        db.prepare(`UPDATE "_prisma_migrations" SET finished_at = ?, applied_steps_count = 1 WHERE id = ?`).run(
          sqliteTimestamp(new Date()),
          id,
        );
        applied.push(m.name);
        failing = undefined;
        log(`applied ${m.name}`);
      }
      db.exec("COMMIT");
    } catch (e) {
      db.exec("ROLLBACK");
      if (failing) recordSqliteFailure(db, failing, e);
      throw e;
    }
    return { provider: "sqlite", applied, alreadyApplied };
  } finally {
    db.close();
  }
}

// --- PostgreSQL -----------------------------------------------------------------------------------

const PG_MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

function quoteIdent(id: string): string {
  return `"${id.replace(/"/g, '""')}"`;
}

async function migratePostgres(url: string, migrations: MigrationFile[], log: (l: string) => void): Promise<MigrateResult> {
  const { connectionString, schema } = parsePostgresUrl(url);
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    // Same key as Prisma Migrate: our runner and a real `prisma migrate deploy` exclude each other.
    await client.query("SELECT pg_advisory_lock($1)", [PRISMA_ADVISORY_LOCK_KEY]);
    try {
      // Like Prisma: the `?schema=` schema (created if missing), else "public". CREATE SCHEMA needs the
      // CREATE privilege even when the schema exists, so it is not attempted for "public".
      if (schema !== undefined) await client.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(schema)}`);
      await client.query(`SET search_path TO ${quoteIdent(schema ?? "public")}`);
      await client.query(PG_MIGRATIONS_TABLE);
      const { rows } = await client.query<AppliedRow>(
        `SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" ORDER BY started_at`,
      );
      const done = checkApplied(rows, migrations);
      const applied: string[] = [];
      for (const m of migrations) {
        if (done.has(m.name)) continue;
        const id = randomUUID();
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count) VALUES ($1, $2, $3, now(), 0)`,
          [id, m.checksum, m.name],
        );
        // Prisma runs the script outside a transaction; we wrap it so a failure leaves no half-applied
        // DDL (PostgreSQL DDL is transactional). The ledger row stays with finished_at NULL + logs, as Prisma's does.
        try {
          await client.query("BEGIN");
          await client.query(m.sql);
          await client.query(
            `UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1`,
            [id],
          );
          await client.query("COMMIT");
        } catch (e) {
          await client.query("ROLLBACK");
          await client.query(`UPDATE "_prisma_migrations" SET logs = $2 WHERE id = $1`, [id, String(e)]);
          throw e;
        }
        applied.push(m.name);
        log(`applied ${m.name}`);
      }
      return { provider: "postgresql", applied, alreadyApplied: migrations.filter((m) => done.has(m.name)).map((m) => m.name) };
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [PRISMA_ADVISORY_LOCK_KEY]).catch(() => undefined);
    }
  } finally {
    await client.end();
  }
}

/** Apply pending migrations to the database at `url` (DATABASE_URL semantics). Idempotent. */
export async function migrate(url: string | undefined, options: MigrateOptions = {}): Promise<MigrateResult> {
  const provider = providerForUrl(url);
  const log = options.log ?? (() => undefined);
  const migrations = readMigrations(provider, options.dir);
  if (provider === "postgresql") return migratePostgres(url!, migrations, log);
  return migrateSqlite(sqliteFilePath(url), migrations, log);
}
