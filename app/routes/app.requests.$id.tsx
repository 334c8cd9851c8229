// One return request: the detail read model, the actions its status offers, and the staff actions
// (through the staff services, which talk to Shopify and record every step).
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { actionsFor, type RequestStatus } from "~/returns/request-state";
import { declineReasonFor } from "~/services/staff";
import { runStaffIntent } from "~/services/staff/screen";
import { reconcileAfterMoneyMoved } from "~/services/reconcile/job.server";
import { stockForScreen } from "~/services/staff/exchange-stock";
import { loadRequestDetail } from "~/services/admin-views";
import { adminContext } from "~/services/admin-views/context.server";
import { RequestDetailPage } from "~/components/request-detail/RequestDetailPage";

export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const ctx = await adminContext(request);
  const detail = await loadRequestDetail(ctx, ctx.shop, params.id ?? "");
  // another shop's id is indistinguishable from an id that does not exist
  if (!detail) throw new Response("Return request not found", { status: 404 });
  const actions = actionsFor(detail.request.status as RequestStatus);
  // a replacement or exchange waiting for approval: the new items' stock as Shopify has it now
  const exchangeStock = detail.exchange && actions.includes("approve") ? await stockForScreen(ctx.admin, detail.exchange.items) : null;
  return {
    detail,
    exchangeStock,
    actions,
    notifyCustomer: ctx.shopRecord?.notifyCustomer ?? true,
    timeZone: ctx.timeZone,
    suggestedDeclineReason: declineReasonFor(detail.lines.flatMap((l) => l.codes)) as string,
  };
};

export const action = async ({ request, params }: ActionFunctionArgs) => {
  const ctx = await adminContext(request);
  const form = await request.formData();
  const { status, answer } = await runStaffIntent(ctx, ctx.shop, params.id ?? "", form, ctx.shopRecord?.notifyCustomer ?? true);
  // A refund or store credit completed (or a retry that was one): the money reconciliation runs a few
  // minutes later as a job (decision 160). The money already moved, so a queue failure is logged, not
  // shown as the action's failure.
  if (answer.ok && (answer.intent === "refund" || (answer.intent === "retry" && (await moneyWentBack(ctx, ctx.shop, params.id ?? ""))))) {
    await reconcileAfterMoneyMoved(ctx.shop, ctx.now()).catch((e: unknown) => console.error(`money reconciliation not scheduled for ${ctx.shop}`, e));
  }
  return Response.json(answer, { status });
};

async function moneyWentBack(ctx: Awaited<ReturnType<typeof adminContext>>, shop: string, id: string): Promise<boolean> {
  const status = (await ctx.repos.returnRequests.findById(shop, id))?.status;
  return status === "refunded" || status === "credited";
}

export default function RequestDetailRoute() {
  const data = useLoaderData<typeof loader>();
  return <RequestDetailPage {...data} />;
}
