// The migrated database must BE the schema: the live database (migrated by our driver runner) is
// introspected by Prisma (`prisma db pull`) and diffed against prisma/schema.prisma by Prisma's schema
// engine (`prisma migrate diff --exit-code`). Also checks that our `_prisma_migrations` bookkeeping
// agrees with a real `prisma migrate deploy` in both directions, idempotence, concurrency and failure.
// Runs on SQLite always, and on PostgreSQL too when DATABASE_URL is a postgresql:// URL.
import { execFile } from "node:child_process";
import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrate, migrationsDir, readMigrations } from "./migrate";
import { createTestDatabase, type TestDatabase } from "./test-db";
import { isPostgresUrl, type DatabaseProvider } from "./url";

const run = promisify(execFile);
const root = path.resolve(__dirname, "..", "..");
const prismaCli = path.join(root, "node_modules", "prisma", "build", "index.js");

async function prisma(args: string[], url: string): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [prismaCli, ...args], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: url, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
    });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof err.code === "number" ? err.code : -1, stdout: err.stdout ?? "", stderr: err.stderr ?? "" };
  }
}

const schemaFile = (p: DatabaseProvider) =>
  path.join(root, "prisma", ...(p === "postgresql" ? ["postgresql"] : []), "schema.prisma");

/** Introspect the live database and diff it against the Prisma schema; returns the diff SQL. */
async function liveDiff(db: TestDatabase, tmp: string): Promise<{ code: number; script: string }> {
  const pulled = await prisma(["db", "pull", "--print"], db.url);
  expect(pulled.code, pulled.stderr).toBe(0);
  expect(pulled.stdout).toMatch(/model ReturnRequest \{/);
  // stdout also carries CLI notices; the schema starts at the generator block.
  const start = pulled.stdout.search(/^generator /m);
  expect(start).toBeGreaterThanOrEqual(0);
  const file = path.join(tmp, `pulled-${db.provider}.prisma`);
  writeFileSync(file, pulled.stdout.slice(start));
  const diff = await prisma(
    ["migrate", "diff", "--from-schema-datamodel", file, "--to-schema-datamodel", schemaFile(db.provider), "--script", "--exit-code"],
    db.url,
  );
  expect([0, 2], diff.stderr).toContain(diff.code);
  return { code: diff.code, script: diff.stdout };
}

const baseUrls: string[] = ["file:./unused.sqlite"];
if (isPostgresUrl(process.env.DATABASE_URL)) baseUrls.push(process.env.DATABASE_URL!);

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), "returns-migrations-"));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

it("prisma/postgresql/schema.prisma is generated from prisma/schema.prisma and up to date", async () => {
  const { stdout } = await run(process.execPath, [path.join(root, "prisma", "generate.mjs"), "--check"], { cwd: root });
  expect(stdout).toContain("up to date");
});

for (const baseUrl of baseUrls) {
  const provider: DatabaseProvider = isPostgresUrl(baseUrl) ? "postgresql" : "sqlite";

  describe(`migrations on ${provider}`, () => {
    const dbs: TestDatabase[] = [];
    const fresh = async (migrate = true) => {
      const db = await createTestDatabase({ baseUrl, migrate });
      dbs.push(db);
      return db;
    };
    afterAll(async () => {
      for (const db of dbs) await db.cleanup();
    });

    it("the migrated live database has no diff against schema.prisma (and a broken one has)", async () => {
      const db = await fresh();
      const clean = await liveDiff(db, tmp);
      expect(clean.script).not.toMatch(/CREATE|ALTER|DROP/);
      expect(clean.code).toBe(0);

      // Negative control: the comparison really looks at the database.
      await db.prisma.$executeRawUnsafe(`DROP INDEX "ReturnRequest_shop_status_createdAt_id_idx"`);
      const broken = await liveDiff(db, tmp);
      expect(broken.code).toBe(2);
      expect(broken.script).toContain("ReturnRequest_shop_status_createdAt_id_idx");
    });

    it("records _prisma_migrations exactly so that `prisma migrate deploy` finds nothing to do", async () => {
      const db = await fresh();
      const files = readMigrations(provider);
      const rows = await db.prisma.$queryRawUnsafe<
        { migration_name: string; checksum: string; finished_at: unknown; applied_steps_count: unknown; rolled_back_at: unknown }[]
      >(`SELECT migration_name, checksum, finished_at, applied_steps_count, rolled_back_at FROM "_prisma_migrations" ORDER BY migration_name`);
      expect(rows.map((r) => [r.migration_name, r.checksum, Number(r.applied_steps_count)])).toEqual(
        files.map((f) => [f.name, f.checksum, 1]),
      );
      expect(rows.every((r) => r.finished_at !== null && r.rolled_back_at === null)).toBe(true);

      const deploy = await prisma(["migrate", "deploy"], db.url);
      expect(deploy.code, deploy.stderr + deploy.stdout).toBe(0);
      expect(deploy.stdout).toContain("No pending migrations to apply");
      const status = await prisma(["migrate", "status"], db.url);
      expect(status.code, status.stderr + status.stdout).toBe(0);
      expect(status.stdout).toContain("Database schema is up to date");
    });

    it("after a real `prisma migrate deploy`, our runner sees every migration as applied", async () => {
      const db = await fresh(false);
      const deploy = await prisma(["migrate", "deploy"], db.url);
      expect(deploy.code, deploy.stderr + deploy.stdout).toBe(0);
      const result = await migrate(db.url);
      expect(result.applied).toEqual([]);
      expect(result.alreadyApplied).toEqual(readMigrations(provider).map((m) => m.name));
    });

    it("is idempotent and safe under concurrent runs", async () => {
      const db = await fresh(false);
      // separate processes (better-sqlite3 is synchronous, so in-process calls would not overlap)
      const tsx = path.join(root, "node_modules", "tsx", "dist", "cli.mjs");
      const outputs = await Promise.all(
        [0, 1, 2].map(() =>
          run(process.execPath, [tsx, path.join(root, "scripts", "migrate.ts")], {
            cwd: root,
            env: { ...process.env, DATABASE_URL: db.url },
          }),
        ),
      );
      const names = readMigrations(provider).map((m) => m.name);
      const appliedCounts = outputs.map((o) => Number(/(\d+) applied,/.exec(o.stdout)?.[1]));
      expect(appliedCounts.sort()).toEqual([0, 0, names.length]);
      const again = await migrate(db.url);
      expect(again.applied).toEqual([]);
      const [count] = await db.prisma.$queryRawUnsafe<{ n: unknown }[]>(`SELECT COUNT(*) AS n FROM "_prisma_migrations"`);
      expect(Number(count?.n)).toBe(names.length);
    });

    it("a failing migration is recorded like Prisma does and blocks later runs", async () => {
      const db = await fresh();
      const dir = path.join(tmp, `migrations-${provider}-${Date.now()}`);
      cpSync(migrationsDir(provider), dir, { recursive: true });
      const bad = path.join(dir, "29991231000000_broken");
      cpSync(path.join(dir, readMigrations(provider)[0]!.name), bad, { recursive: true });
      writeFileSync(path.join(bad, "migration.sql"), `CREATE TABLE "Probe" ("id" INTEGER);\nTHIS IS NOT SQL;\n`);

      await expect(migrate(db.url, { dir })).rejects.toThrow();
      const rows = await db.prisma.$queryRawUnsafe<{ migration_name: string; finished_at: unknown; logs: string | null }[]>(
        `SELECT migration_name, finished_at, logs FROM "_prisma_migrations" WHERE migration_name = '29991231000000_broken'`,
      );
      expect(rows).toHaveLength(1);
      expect(rows[0]?.finished_at).toBeNull();
      expect(rows[0]?.logs).toBeTruthy();
      // no partial DDL left behind
      await expect(db.prisma.$queryRawUnsafe(`SELECT COUNT(*) FROM "Probe"`)).rejects.toThrow();
      await expect(migrate(db.url, { dir })).rejects.toThrow(/29991231000000_broken failed earlier/);
    });
  });
}

