// The whole demo on one machine: the local Shopify stand-in (seeded demo shop), the app's production build
// served by remix-serve, and the local admin frame that embeds the app. Used by `npm run demo` and by the
// end-to-end tests. The app reaches the stand-in through its normal Shopify code: SHOPIFY_ADMIN_ORIGIN only
// changes the address of https://<shop>; every token and HMAC is verified as in production.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, rmSync, statSync, readdirSync } from "node:fs";
import { createServer } from "node:net";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { migrate } from "../app/db/migrate";
import { startStandin, readTomlScopes, type CustomerDataSetting, type Standin, parseCustomerData } from "../standin";
import { startAdminHost, type AdminHost } from "./admin-host";
import { seedReturnRequests, type SeededRequest } from "./seed-requests";
import { customerAccountView } from "./customer-account";
import { startPreview, type PreviewServer } from "../preview/serve";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");

export const DEMO_API_KEY = "demo-returns-api-key";
// A local demo secret: it signs the stand-in's session tokens and webhooks, and the app verifies them with it.
export const DEMO_API_SECRET = "demo-returns-local-secret-not-for-production";
/** What the app asks for: exactly shopify.app.toml's [access_scopes], which the stand-in grants too. */
export const DEMO_SCOPES = readTomlScopes(join(root, "shopify.app.toml")) ?? "";

export interface DemoStackOptions {
  /** 0 picks free ports. */
  appPort?: number;
  standinPort?: number;
  hostPort?: number;
  /** The extension preview host behind the customer account view (0 or unset: a free port). */
  previewPort?: number;
  /** Defaults to a fresh SQLite file demo.sqlite in the project root. */
  databaseUrl?: string;
  /** Build the app first when the build is missing or older than the sources (default true). */
  build?: boolean;
  log?: (line: string) => void;
  /** Extra environment for the app process. */
  env?: Record<string, string>;
  /**
   * What the app has been granted of protected customer data (standin/customer-data.ts): "none",
   * "level1" (default), "level2" or "level1+name,email". `npm run demo` reads DEMO_CUSTOMER_DATA.
   */
  customerData?: CustomerDataSetting;
  /**
   * Fill the returns queue with requests in every state through the app's own routes (demo/seed-requests.ts).
   * `npm run demo` does; tests that need the demo customer's orders untouched leave it off (the default).
   */
  seedRequests?: boolean;
}

export interface DemoStack {
  adminUrl: string;
  /** The customer account view: sign in as a demo customer, open an order, request a return. */
  customerUrl: string;
  preview: PreviewServer;
  appUrl: string;
  standin: Standin;
  host: AdminHost;
  databaseUrl: string;
  /** The requests seedRequests made, in queue order (empty without it). */
  seeded: SeededRequest[];
  close(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once("error", fail);
    s.listen(0, "127.0.0.1", () => {
      const a = s.address();
      const port = typeof a === "object" && a ? a.port : 0;
      s.close(() => ok(port));
    });
  });
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(p));
    else if (!entry.name.includes(".test.")) newest = Math.max(newest, statSync(p).mtimeMs);
  }
  return newest;
}

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Builds the Remix app unless build/ is newer than app/. Test files run in parallel processes, so the build
 * is guarded by a lock directory: one process builds, the others wait and then find the build fresh.
 */
export function ensureAppBuilt(log: (l: string) => void = () => {}): void {
  const out = join(root, "build", "server", "index.js");
  const fresh = () => existsSync(out) && statSync(out).mtimeMs > newestMtime(join(root, "app"));
  if (fresh()) return;
  const lock = join(root, ".cache", "app-build.lock");
  mkdirSync(dirname(lock), { recursive: true });
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // Another process is building; a lock older than 10 minutes belongs to a process that died.
      if (existsSync(lock) && Date.now() - statSync(lock).mtimeMs > 600_000) rmSync(lock, { recursive: true, force: true });
      sleepSync(250);
    }
  }
  try {
    if (!fresh()) buildApp(log);
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

function buildApp(log: (l: string) => void): void {
  log("building the app (remix vite:build)…");
  const r = spawnSync(process.execPath, [join(root, "node_modules", "@remix-run", "dev", "dist", "cli.js"), "vite:build"], {
    cwd: root,
    // A production bundle whatever the caller's NODE_ENV (vitest sets "test", which Vite would honour).
    env: { ...process.env, NODE_ENV: "production" },
    stdio: ["ignore", "pipe", "pipe"],
    encoding: "utf8",
  });
  if (r.status !== 0) throw new Error(`app build failed:\n${r.stdout}\n${r.stderr}`);
}

async function waitForHttp(url: string, child: ChildProcess, output: () => string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the app exited (${child.exitCode}):\n${output()}`);
    try {
      const res = await fetch(url, { redirect: "manual" });
      if (res.status < 500) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the app did not answer at ${url} within ${timeoutMs} ms:\n${output()}`);
}

export interface ServedApp {
  child: ChildProcess;
  /** The last `keepOutput` characters the app wrote (stdout and stderr). */
  output(): string;
}

/**
 * The app's production build served by remix-serve on 127.0.0.1:port with the demo's key, secret and
 * scopes, Shopify at adminOrigin; resolves once /healthz answers. Used by the demo and the load cluster.
 */
export async function serveBuiltApp(opts: {
  port: number;
  appUrl: string;
  databaseUrl: string;
  adminOrigin: string;
  env?: Record<string, string>;
  keepOutput: number;
}): Promise<ServedApp> {
  let output = "";
  const child = spawn(
    process.execPath,
    [join(root, "node_modules", "@remix-run", "serve", "dist", "cli.js"), join(root, "build", "server", "index.js")],
    {
      cwd: root,
      env: {
        ...process.env,
        // The production build, run outside production: the app refuses SHOPIFY_ADMIN_ORIGIN (and the
        // local App Bridge) under NODE_ENV=production (docs/decisions/120-expiring-offline-tokens.md).
        NODE_ENV: "test",
        PORT: String(opts.port),
        HOST: "127.0.0.1",
        SHOPIFY_API_KEY: DEMO_API_KEY,
        SHOPIFY_API_SECRET: DEMO_API_SECRET,
        SHOPIFY_APP_URL: opts.appUrl,
        SCOPES: DEMO_SCOPES,
        DATABASE_URL: opts.databaseUrl,
        SHOPIFY_ADMIN_ORIGIN: opts.adminOrigin,
        ...opts.env,
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-opts.keepOutput);
  };
  child.stdout?.on("data", collect);
  child.stderr?.on("data", collect);
  await waitForHttp(`http://127.0.0.1:${opts.port}/healthz`, child, () => output);
  return { child, output: () => output };
}

export async function startDemoStack(opts: DemoStackOptions = {}): Promise<DemoStack> {
  const log = opts.log ?? (() => {});
  const databaseUrl = opts.databaseUrl ?? `file:${join(root, "demo.sqlite")}`;
  if (!opts.databaseUrl) {
    // The stand-in keeps its shop in memory and seeds it afresh, so the app's database starts afresh too.
    for (const suffix of ["", "-journal", "-wal", "-shm"]) rmSync(join(root, `demo.sqlite${suffix}`), { force: true });
  }
  const result = await migrate(databaseUrl);
  log(`database: ${result.provider}, ${result.applied.length} migrations applied`);

  if (opts.build !== false) ensureAppBuilt(log);

  const appPort = opts.appPort || (await freePort());
  const hostPort = opts.hostPort ?? 0;
  const appUrl = `http://127.0.0.1:${appPort}`;

  const standin = await startStandin({
    port: opts.standinPort ?? 0,
    apiKey: DEMO_API_KEY,
    apiSecret: DEMO_API_SECRET,
    appUrl,
    seed: "demo",
    customerData: opts.customerData,
  });
  log(`Shopify stand-in: ${standin.shop} at ${standin.url} (protected customer data: ${opts.customerData ?? "level1"})`);

  // The customer-returns extension, bundled for this app's address, with session tokens from the stand-in.
  const preview = await startPreview({ extension: "customer-returns", appUrl, standinUrl: standin.url, port: opts.previewPort ?? 0 });
  const host = await startAdminHost({
    port: hostPort,
    appUrl,
    shop: standin.shop,
    standinUrl: standin.url,
    mintAdminSessionToken: () => standin.mintAdminSessionToken(),
    customerAccount: customerAccountView({ store: standin.store, previewUrl: preview.url }),
  });

  const served = await serveBuiltApp({
    port: appPort,
    appUrl,
    databaseUrl,
    adminOrigin: host.url,
    env: {
      SHOPIFY_APP_BRIDGE_URL: `${host.url}/app-bridge.js`,
      // the app is told what the stand-in grants, as a deployment states what Shopify approved (decision 130)
      SHOPIFY_PROTECTED_CUSTOMER_FIELDS: [...parseCustomerData(opts.customerData ?? "level1").fields].join(","),
      ...opts.env,
    },
    keepOutput: 20_000,
  });
  const app = served.child;
  log(`app: ${appUrl}`);

  let seeded: SeededRequest[] = [];
  if (opts.seedRequests) {
    try {
      const started = Date.now();
      seeded = await seedReturnRequests({ appUrl, standin, log });
      log(`return requests seeded in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    } catch (error) {
      app.kill("SIGTERM");
      await Promise.all([standin.close(), host.close(), preview.close()]);
      throw new Error(`${error instanceof Error ? error.message : String(error)}\napp output:\n${served.output().slice(-4000)}`);
    }
  }

  return {
    adminUrl: host.url,
    customerUrl: `${host.url}/customer`,
    preview,
    appUrl,
    standin,
    host,
    databaseUrl,
    seeded,
    async close() {
      app.kill("SIGTERM");
      await Promise.all([standin.close(), host.close(), preview.close()]);
    },
  };
}
