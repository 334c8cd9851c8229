// Every job kind the app runs, registered at import. Loaded by ./index.ts before a worker starts or
// drains, so the app server and a separate `npm run worker` process run the same handlers. Nothing
// here imports a route: webhook topics come from their registry (app/webhooks/registry.server.ts).
import { registerJobHandler } from "./queue";
import { runWebhookJob } from "~/webhooks/job.server";
import { WEBHOOK_JOB_KIND } from "~/webhooks/types";
import { CATALOGUE_JOB_KIND } from "~/services/terms-sync/service";
import { runCatalogueJob } from "~/services/terms-sync/server";
import "~/services/shopper/open-return-job.server";
import "~/services/reconcile/job.server";

registerJobHandler(WEBHOOK_JOB_KIND, runWebhookJob);
registerJobHandler(CATALOGUE_JOB_KIND, runCatalogueJob);
