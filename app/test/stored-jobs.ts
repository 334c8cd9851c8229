// Test helper: every stored job payload as one text, for suites that check what a queued job carries
// (or must not carry): the Job table, and on PostgreSQL also pg-boss's job table.
import type { TestDatabase } from "~/db/test-db";
import { pgBossSchemaFor } from "~/jobs";

/** With shop, only that shop's Job rows (pg-boss rows have no shop column and are all included). */
export async function storedJobPayloads(db: Pick<TestDatabase, "prisma" | "provider" | "url">, opts: { shop?: string } = {}): Promise<string> {
  const rows = (await db.prisma.job.findMany(opts.shop ? { where: { shop: opts.shop } } : undefined)).map((j) => j.payload);
  if (db.provider === "postgresql") {
    rows.push(...(await db.prisma.$queryRawUnsafe<{ d: string }[]>(`SELECT data::text AS d FROM "${pgBossSchemaFor(db.url)}".job`)).map((r) => r.d));
  }
  return rows.join("\n");
}
