// Money compared with Shopify: the latest reconciliation run and the requests that differ; "Check now"
// queues the durable job (app/services/reconcile/job.server.ts).
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { latestReconciliation } from "~/services/reconcile";
import { scheduleReconciliation } from "~/services/reconcile/job.server";
import { adminContext } from "~/services/admin-views/context.server";
import { ReconciliationPage, RUN_RECONCILIATION, type ReconciliationAnswer } from "~/components/reconciliation/ReconciliationPage";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const ctx = await adminContext(request, { shopFacts: false });
  return { run: await latestReconciliation(ctx, ctx.shop), timeZone: ctx.timeZone };
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const ctx = await adminContext(request, { shopFacts: false });
  const form = await request.formData();
  if (form.get("intent") !== RUN_RECONCILIATION) return Response.json({ ok: false, message: "Unknown action." }, { status: 422 });
  const { created } = await scheduleReconciliation(ctx.shop, ctx.now());
  const answer: ReconciliationAnswer = {
    ok: true,
    message: created ? "Checking against Shopify. Refresh in a moment to see the result." : "A check was started in the last few minutes; its result shows here when it is done.",
  };
  return answer;
};

export default function ReconciliationRoute() {
  const { run, timeZone } = useLoaderData<typeof loader>();
  return <ReconciliationPage run={run} timeZone={timeZone} result={useActionData<ReconciliationAnswer>()} />;
}
