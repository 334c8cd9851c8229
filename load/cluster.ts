// Two app instances on one database, as in production behind a load balancer: the same production build
// served twice by remix-serve on two ports with the same env and DATABASE_URL, one Shopify stand-in, and a
// counting proxy between the apps and the stand-in (SHOPIFY_ADMIN_ORIGIN) so every Admin call is counted.
// Webhooks from the stand-in go to instance A.
import { spawn, type ChildProcess } from "node:child_process";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { migrate } from "../app/db/migrate";
import { createPrismaClient, type PrismaClient } from "../app/db/client";
import { createRepos } from "../app/db";
import { getPreset } from "../app/returns";
import { startStandin, type Standin } from "../standin";
import { DEMO_API_KEY, DEMO_API_SECRET, DEMO_SCOPES, ensureAppBuilt, freePort } from "../demo/stack";
import { startCountingProxy, type CountingProxy } from "./proxy";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");

export interface Cluster {
  urls: [string, string];
  standin: Standin;
  proxy: CountingProxy;
  /** A client of the same database, for seeding and counting. */
  prisma: PrismaClient;
  databaseUrl: string;
  output(i: 0 | 1): string;
  close(): Promise<void>;
}

async function waitForHttp(url: string, child: ChildProcess, output: () => string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the app exited (${child.exitCode}):\n${output()}`);
    try {
      const res = await fetch(url);
      if (res.status < 500) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the app did not answer at ${url} within ${timeoutMs} ms:\n${output()}`);
}

/**
 * databaseUrl: a migrated-on-start database (a fresh PostgreSQL schema `?schema=...` is best).
 * The shop gets a manual-approval policy (so requests wait for staff) before the app installs.
 */
export async function startCluster(opts: { databaseUrl: string; log?: (l: string) => void }): Promise<Cluster> {
  const log = opts.log ?? (() => {});
  await migrate(opts.databaseUrl);
  ensureAppBuilt(log);
  const ports = [await freePort(), await freePort()] as const;
  const urls: [string, string] = [`http://127.0.0.1:${ports[0]}`, `http://127.0.0.1:${ports[1]}`];
  const standin = await startStandin({ apiKey: DEMO_API_KEY, apiSecret: DEMO_API_SECRET, appUrl: urls[0], seed: "demo" });
  const proxy = await startCountingProxy(standin.url);
  const prisma = createPrismaClient(opts.databaseUrl);
  const manual = { ...getPreset("standard-30-day")!, approval: { mode: "manual" as const } };
  await createRepos(prisma).policies.saveNewVersion(standin.shop, { policy: manual, presetId: "standard-30-day", createdBy: "load", now: new Date() });

  const outputs = ["", ""];
  const children: ChildProcess[] = [];
  for (const i of [0, 1] as const) {
    const child = spawn(
      process.execPath,
      [join(root, "node_modules", "@remix-run", "serve", "dist", "cli.js"), join(root, "build", "server", "index.js")],
      {
        cwd: root,
        env: {
          ...process.env,
          // The production build, run outside production: the app refuses SHOPIFY_ADMIN_ORIGIN under
          // NODE_ENV=production (docs/decisions/120-expiring-offline-tokens.md).
          NODE_ENV: "test",
          PORT: String(ports[i]),
          HOST: "127.0.0.1",
          SHOPIFY_API_KEY: DEMO_API_KEY,
          SHOPIFY_API_SECRET: DEMO_API_SECRET,
          // Both instances sit behind one public URL in production; the session tokens' aud is the key.
          SHOPIFY_APP_URL: urls[0],
          SCOPES: DEMO_SCOPES,
          DATABASE_URL: opts.databaseUrl,
          SHOPIFY_ADMIN_ORIGIN: proxy.url,
        },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    const collect = (chunk: Buffer) => {
      outputs[i] = (outputs[i] + chunk.toString()).slice(-400_000);
    };
    child.stdout?.on("data", collect);
    child.stderr?.on("data", collect);
    children.push(child);
  }
  await Promise.all(children.map((c, i) => waitForHttp(`${urls[i]}/healthz`, c, () => outputs[i]!)));
  log(`app instances: ${urls.join(", ")}; stand-in ${standin.url} behind ${proxy.url}`);
  return {
    urls,
    standin,
    proxy,
    prisma,
    databaseUrl: opts.databaseUrl,
    output: (i) => outputs[i]!,
    async close() {
      await Promise.all(
        children.map(
          (c) =>
            new Promise<void>((ok) => {
              if (c.exitCode !== null) return ok();
              c.once("exit", () => ok());
              c.kill("SIGTERM");
            }),
        ),
      );
      await prisma.$disconnect();
      await proxy.close();
      await standin.close();
    },
  };
}
