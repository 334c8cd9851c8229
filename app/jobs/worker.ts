// `npm run worker`: a process that only runs queued jobs (same handlers as the app server), for
// scaling out. Stops gracefully on SIGTERM/SIGINT (a running job finishes; a killed one is retried
// elsewhere after its lease).
import { installLogRedaction } from "~/logging/redact";
import { startJobWorker, stopJobQueue } from "./index";

installLogRedaction();

const queue = await startJobWorker();
console.log(`job worker ${process.pid} started (${queue.engine})`);
let stopping = false;
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    void stopJobQueue().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  });
}
