// The app's PrismaClient singleton, chosen by DATABASE_URL (see app/db/client.ts):
//   unset / file:./dev.sqlite -> SQLite;  postgresql://... (or postgres://) -> PostgreSQL.
import { createPrismaClient, type PrismaClient } from "./db/client";

export { createPrismaClient, Prisma, type PrismaClient, type TxClient } from "./db/client";
export { providerForUrl as databaseProvider, type DatabaseProvider } from "./db/url";

declare global {
  var prismaGlobal: PrismaClient | undefined;
}

// Keep one client across dev-server module reloads (as Shopify's app template does).
if (process.env.NODE_ENV !== "production") {
  if (!global.prismaGlobal) {
    global.prismaGlobal = createPrismaClient();
  }
}

const prisma: PrismaClient = global.prismaGlobal ?? createPrismaClient();

export default prisma;
