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

export async function createTestDatabase(baseUrl: string | undefined = process.env.DATABASE_URL): Promise<TestDatabase> {
  const provider = providerForUrl(baseUrl);
  if (provider === "postgresql") {
    const { connectionString } = parsePostgresUrl(baseUrl!);
    const schema = `t_${randomBytes(6).toString("hex")}`;
    const u = new URL(connectionString);
    u.searchParams.set("schema", schema);
    const url = u.toString();
    await migrate(url);
    const prisma = createPrismaClient(url);
    return {
      prisma,
      url,
      provider,
      async cleanup() {
        await prisma.$disconnect();
        const client = new pg.Client({ connectionString });
        await client.connect();
        try {
          await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
        } finally {
          await client.end();
        }
      },
    };
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), "returns-db-"));
  const url = `file:${path.join(dir, "test.sqlite")}`;
  await migrate(url);
  const prisma = createPrismaClient(url);
  return {
    prisma,
    url,
    provider,
    async cleanup() {
      await prisma.$disconnect();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
