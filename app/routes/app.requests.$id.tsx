// One return request: the detail read model, the actions its status offers, and the staff actions
// (through the staff services, which talk to Shopify and record every step).
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { actionsFor, type RequestStatus } from "~/returns/request-state";
import { declineReasonFor } from "~/services/staff";
import { runStaffIntent } from "~/services/staff/screen";
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
  return Response.json(answer, { status });
};

export default function RequestDetailRoute() {
  const data = useLoaderData<typeof loader>();
  return <RequestDetailPage {...data} />;
}
