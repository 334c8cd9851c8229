// The job queue with every kind the app runs: what the server (entry.server.tsx), `npm run worker`
// and tests use to run jobs. Modules that only enqueue import ./queue.ts instead, so no handler's
// module imports this one (docs/decisions/100-job-queue.md).
//   await startJobWorker()   // once per process: entry.server.tsx and `npm run worker`
//   await drainJobs()        // tests: run every due job now
import { stopJobQueue, workingJobQueue, type JobQueue } from "./queue";

export * from "./queue";

async function queueWithEveryKind(): Promise<Awaited<ReturnType<typeof workingJobQueue>>> {
  await import("./kinds.server");
  return workingJobQueue();
}

/** Starts the worker loop once per process (app server and `npm run worker`). */
export async function startJobWorker(): Promise<JobQueue> {
  const { queue, current } = await queueWithEveryKind();
  if (!current.started) {
    current.started = true;
    await queue.start();
  }
  return queue;
}

/**
 * Server processes: on SIGTERM/SIGINT stop taking jobs and let running ones finish, so the process can
 * exit once its HTTP server has closed (remix-serve closes the server and waits for the event loop).
 */
export function stopJobWorkerOnSignals(): void {
  if (globalThis.jobSignalsInstalled) return;
  globalThis.jobSignalsInstalled = true;
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.once(signal, () => {
      void stopJobQueue().catch((error: unknown) => console.error("job worker did not stop cleanly", error));
    });
  }
}

/** Tests: run every job that is due now, in this call. */
export async function drainJobs(): Promise<number> {
  return (await queueWithEveryKind()).queue.drain();
}
