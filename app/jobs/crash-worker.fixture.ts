// Child process for crash.test.ts: a real worker on DATABASE_URL's queue (pg-boss or the Job table)
// whose handler goes through the operations ledger before a non-idempotent effect (a line appended to
// EFFECT_FILE). HANG_FIRST=1 makes it hang inside its first job after claiming the ledger key, so
// the test can SIGKILL it mid-job.
import { appendFileSync } from "node:fs";
import { createRepos } from "~/db";
import { createPrismaClient } from "~/db/client";
import { createJobQueue } from "./index";

const url = process.env.DATABASE_URL;
const effectFile = process.env.EFFECT_FILE!;
const hangFirst = process.env.HANG_FIRST === "1";
const prisma = createPrismaClient(url);
const ops = createRepos(prisma).operations;
const queue = await createJobQueue(url, { ...(JSON.parse(process.env.QUEUE_TUNING ?? "{}") as object), concurrency: 1 }, prisma);
let hung = false;

queue.work<{ n: number }>("test.effect", async (job) => {
  const key = `effect:${job.payload.n}`;
  const now = new Date();
  const claim = await ops.claim(job.shop, { key, kind: "test.effect", now, leaseMs: 2_000 });
  if (claim.outcome === "done") return;
  if (claim.outcome !== "claimed") throw new Error(`ledger ${claim.outcome} for ${key}`);
  console.log(`started ${job.payload.n} attempt ${job.attempt}`);
  if (hangFirst && !hung) {
    hung = true;
    await new Promise(() => {}); // killed here, mid-job
  }
  appendFileSync(effectFile, `${job.payload.n} pid=${process.pid}\n`);
  await ops.complete(job.shop, key, { result: { by: process.pid }, now: new Date() });
  console.log(`done ${job.payload.n}`);
});

await queue.start();
console.log("ready");
process.on("SIGTERM", () => void queue.stop().then(() => process.exit(0)));
