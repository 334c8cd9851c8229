// Two app instances on one database, as in production behind a load balancer: the same production build
// served twice by remix-serve on two ports with the same env and DATABASE_URL, one Shopify stand-in, and a
// counting proxy between the apps and the stand-in (SHOPIFY_ADMIN_ORIGIN) so every Admin call is counted.
// Webhooks from the stand-in go to instance A.
import type { ChildProcess } from "node:child_process";
import { migrate } from "../app/db/migrate";
import { createPrismaClient, type PrismaClient } from "../app/db/client";
import { createRepos } from "../app/db";
import { getPreset } from "../app/returns";
import { startStandin, type Standin } from "../standin";
import { DEMO_API_KEY, DEMO_API_SECRET, ensureAppBuilt, freePort, serveBuiltApp } from "../demo/stack";
import { startCountingProxy, type CountingProxy } from "./proxy";

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
  const preset = getPreset("standard-30-day")!;
  // +10% store credit (decision 220): the staff lifecycle's store credits carry a bonus, so the closing
  // reconciliation's zero drift covers the bonus credits too
  const manual = { ...preset, approval: { mode: "manual" as const }, resolutions: { ...preset.resolutions, storeCreditBonusBps: 1000 } };
  await createRepos(prisma).policies.saveNewVersion(standin.shop, { policy: manual, presetId: "standard-30-day", createdBy: "load", now: new Date() });

  const apps = await Promise.all(
    ([0, 1] as const).map((i) =>
      serveBuiltApp({
        port: ports[i],
        // Both instances sit behind one public URL in production; the session tokens' aud is the key.
        appUrl: urls[0],
        databaseUrl: opts.databaseUrl,
        adminOrigin: proxy.url,
        keepOutput: 400_000,
      }),
    ),
  );
  const children: ChildProcess[] = apps.map((a) => a.child);
  log(`app instances: ${urls.join(", ")}; stand-in ${standin.url} behind ${proxy.url}`);
  return {
    urls,
    standin,
    proxy,
    prisma,
    databaseUrl: opts.databaseUrl,
    output: (i) => apps[i]!.output(),
    async close() {
      // SIGTERM lets an instance finish its running jobs (app/jobs/index.ts); one still alive after 30 s is
      // killed, as a process manager would, and said so: the run's results are already in.
      await Promise.all(
        children.map(
          (c, i) =>
            new Promise<void>((ok) => {
              if (c.exitCode !== null) return ok();
              const hard = setTimeout(() => {
                console.warn(`app instance ${i} had not exited 30 s after SIGTERM: killed`);
                c.kill("SIGKILL");
              }, 30_000);
              c.once("exit", () => {
                clearTimeout(hard);
                ok();
              });
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
