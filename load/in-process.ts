// The app's Remix routes in this process, wired like production (env, DATABASE_URL, SHOPIFY_ADMIN_ORIGIN
// pointing at an in-process stand-in over loopback, the shop's offline token stored as install leaves it).
// Used by the benches that time a route without an HTTP server in front of it.
import { createTestDatabase, type TestDatabase } from "../app/db/test-db";
import { createRepos } from "../app/db/index";
import { getPreset } from "../app/returns/index";
import { startStandin, type Standin } from "../standin";
import { startCountingProxy, type CountingProxy } from "./proxy";
import { installAppAtStandin } from "../app/test/installed-app";

export const API_KEY = "bench-api-key";
export const API_SECRET = "bench-api-secret-0123456789";
export const APP_URL = "https://returns.example.com";

export interface InProcessApp {
  db: TestDatabase;
  standin: Standin;
  /** Between the app and the stand-in: every Admin call, its cost and THROTTLED answers. */
  proxy: CountingProxy;
  close(): Promise<void>;
}

// The app's modules bind their database client and Shopify config once per process (db.server,
// shopify.server), so every bench in one `npm run bench` process shares one app: the last close() of a
// run closes it, unless the next bench starts within the grace period and takes it over.
let shared: { app: InProcessApp; users: number; closing: ReturnType<typeof setTimeout> | null; realClose: () => Promise<void> } | null = null;

export async function startInProcessApp(): Promise<InProcessApp> {
  if (shared) {
    if (shared.closing) clearTimeout(shared.closing);
    shared.closing = null;
    shared.users++;
    return shared.app;
  }
  const created = await createInProcessApp();
  const realClose = created.close;
  const app: InProcessApp = {
    ...created,
    async close() {
      const s = shared!;
      if (--s.users > 0) return;
      s.closing = setTimeout(() => {
        shared = null;
        void realClose();
      }, 200);
    },
  };
  shared = { app, users: 1, closing: null, realClose };
  return app;
}

async function createInProcessApp(): Promise<InProcessApp> {
  const db = await createTestDatabase();
  const standin = await startStandin({ apiKey: API_KEY, apiSecret: API_SECRET, webhooks: [], seed: "demo" });
  const proxy = await startCountingProxy(standin.url);
  quietLibraryLogs();
  await installAppAtStandin({
    db,
    standin,
    apiKey: API_KEY,
    apiSecret: API_SECRET,
    appUrl: APP_URL,
    scopes: "read_all_orders,write_orders,write_returns,write_files,write_products",
    adminOrigin: proxy.url,
  });
  const manual = { ...getPreset("standard-30-day")!, approval: { mode: "manual" as const } };
  await createRepos(db.prisma).policies.saveNewVersion(standin.shop, { policy: manual, presetId: "standard-30-day", createdBy: "bench", now: new Date("2020-01-01T00:00:00Z") });
  // The job queue as an app server runs it (pg-boss on PostgreSQL creates its schema on start).
  const jobs = await import("../app/jobs/index");
  const queue = await jobs.startJobWorker();
  return {
    db,
    standin,
    proxy,
    async close() {
      await queue.stop();
      await proxy.close();
      await standin.close();
      await db.cleanup();
      if (db.provider === "postgresql") {
        const { default: pg } = await import("pg");
        const { parsePostgresUrl } = await import("../app/db/url");
        const c = new pg.Client({ connectionString: parsePostgresUrl(db.url).connectionString });
        await c.connect();
        await c.query(`DROP SCHEMA IF EXISTS "${jobs.pgBossSchemaFor(db.url)}" CASCADE`);
        await c.end();
      }
    },
  };
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

let quieted = false;
/** The Shopify library logs one INFO line per authenticated request; a bench's own lines stay. */
export function quietLibraryLogs(): void {
  if (quieted) return;
  quieted = true;
  for (const k of ["log", "info"] as const) {
    const orig = console[k].bind(console);
    console[k] = (...args: unknown[]) => {
      if (typeof args[0] === "string" && args[0].startsWith("[shopify-app/INFO]")) return;
      orig(...args);
    };
  }
}
