// `npm run db:migrate`: apply prisma migrations to DATABASE_URL (default file:./dev.sqlite).
// Same migration files and `_prisma_migrations` bookkeeping as `prisma migrate deploy`.
import { migrate } from "../app/db/migrate";

const url = process.env.DATABASE_URL;
try {
  const result = await migrate(url, { log: (l) => console.log(l) });
  console.log(
    `${result.provider}: ${result.applied.length} applied, ${result.alreadyApplied.length} already applied`,
  );
} catch (e) {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
}
