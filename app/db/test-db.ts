// A fresh, migrated database per test file, on the provider DATABASE_URL selects:
//   SQLite (default): a temp file, removed at cleanup;
//   PostgreSQL: a new schema `t_<random>` in the DATABASE_URL database, dropped at cleanup.
// Usage:
//   let db: TestDatabase;
//   beforeAll(async () => { db = await createTestDatabase(); });
//   afterAll(() => db.cleanup());
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { createPrismaClient, type PrismaClient } from "./client";
import { migrate } from "./migrate";
import { parsePostgresUrl, providerForUrl, type DatabaseProvider } from "./url";

export interface TestDatabase {
  prisma: PrismaClient;
  /** DATABASE_URL-style URL of this database (give it to code under test that connects itself). */
  url: string;
  provider: DatabaseProvider;
  cleanup: () => Promise<void>;
}

export interface TestDatabaseOptions {
  /** DATABASE_URL-style URL choosing the provider (and the PostgreSQL database). Default: DATABASE_URL. */
  baseUrl?: string;
  /** Apply the migrations (default true). false gives an empty database. */
  migrate?: boolean;
}

export async function createTestDatabase(options: TestDatabaseOptions = {}): Promise<TestDatabase> {
  const baseUrl = "baseUrl" in options ? options.baseUrl : process.env.DATABASE_URL;
  const migrated = options.migrate ?? true;
  const provider = providerForUrl(baseUrl);
  if (provider === "postgresql") {
    const { connectionString } = parsePostgresUrl(baseUrl!);
    const schema = `t_${randomBytes(6).toString("hex")}`;
    const u = new URL(connectionString);
    u.searchParams.set("schema", schema);
    const url = u.toString();
    if (migrated) {
      await migrate(url);
    } else {
      await withPg(connectionString, (c) => c.query(`CREATE SCHEMA "${schema}"`));
    }
    return opened(url, provider, async () => {
      await withPg(connectionString, (c) => c.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`));
      // pg-boss's own schema for this database, if a test used the job queue (app/jobs)
      await withPg(connectionString, (c) => c.query(`DROP SCHEMA IF EXISTS "${schema}_pgboss" CASCADE`));
    });
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), "returns-db-"));
  const url = `file:${path.join(dir, "test.sqlite")}`;
  if (migrated) await migrate(url);
  return opened(url, provider, async () => rmSync(dir, { recursive: true, force: true }));
}

/** A client on the new database; cleanup disconnects it, then removes the database. */
function opened(url: string, provider: DatabaseProvider, remove: () => Promise<void>): TestDatabase {
  const prisma = createPrismaClient(url);
  return {
    prisma,
    url,
    provider,
    async cleanup() {
      await prisma.$disconnect();
      await remove();
    },
  };
}

async function withPg<T>(connectionString: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
