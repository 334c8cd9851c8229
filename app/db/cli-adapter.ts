// Driver adapter factories for the Prisma CLI (prisma.config.ts) - tooling only, not used at runtime.
//
// PostgreSQL: Prisma 6.19's WebAssembly schema engine reads catalog columns of type `name` (oid 19)
// and `"char"` (oid 18), which @prisma/adapter-pg 6.19 cannot describe ("Column type 'name' could not
// be deserialized", prisma/orm#27403), so `migrate deploy`, `db pull` and `migrate diff` fail. node-postgres
// already returns those values as strings; we only relabel the column type as text before the adapter
// maps it. Nothing else changes.
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { postgresAdapterConfig, providerForUrl, sqliteFilePath } from "./url";

const TEXT_OID = 25;
const TEXT_ARRAY_OID = 1009;
const RELABEL: Record<number, number> = {
  18: TEXT_OID, // "char"
  19: TEXT_OID, // name
  1002: TEXT_ARRAY_OID, // "char"[]
  1003: TEXT_ARRAY_OID, // name[]
};

interface PgResultLike {
  fields: { dataTypeID: number }[];
}
interface Patchable {
  performIO: (query: unknown) => Promise<PgResultLike>;
  startTransaction?: (...args: unknown[]) => Promise<unknown>;
}

function relabelCatalogTypes<T>(queryable: T): T {
  const q = queryable as unknown as Patchable;
  const performIO = q.performIO.bind(q);
  q.performIO = async (query) => {
    const result = await performIO(query);
    for (const f of result.fields) {
      const to = RELABEL[f.dataTypeID];
      if (to !== undefined) f.dataTypeID = to;
    }
    return result;
  };
  if (q.startTransaction) {
    const start = q.startTransaction.bind(q);
    q.startTransaction = async (...args) => relabelCatalogTypes(await start(...args));
  }
  return queryable;
}

class CliPrismaPg extends PrismaPg {
  override async connect() {
    return relabelCatalogTypes(await super.connect());
  }
  override async connectToShadowDb() {
    return relabelCatalogTypes(await super.connectToShadowDb());
  }
}

export function cliAdapterFor(url: string | undefined): PrismaPg | PrismaBetterSQLite3 {
  if (providerForUrl(url) === "postgresql") {
    // The adapter's `schema` option only qualifies Prisma Client queries; the schema engine runs
    // unqualified migration SQL, so `?schema=` must also be the connection's search_path.
    const { pool, options } = postgresAdapterConfig(url!);
    // One connection: Prisma Migrate takes its advisory lock with pg_advisory_lock and never unlocks
    // (it relies on the connection closing), so the lock and the migration must share a session, and
    // the idle connection must close promptly - otherwise the CLI and the lock linger for 10s.
    return new CliPrismaPg({ ...pool, max: 1, idleTimeoutMillis: 100, allowExitOnIdle: true }, options);
  }
  return new PrismaBetterSQLite3({ url: sqliteFilePath(url) });
}
