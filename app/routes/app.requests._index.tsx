// Requests queue: filters in the URL, keyset pagination, bulk approve/decline of clear cases.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { DbInputError } from "~/db";
import { listQueue, queueFieldLabel, queueFieldProblem, queueQueryFromSearchParams, searchByEmail } from "~/services/admin-views";
import { parseBulkForm, runBulk } from "~/services/admin-views/bulk.server";
import { adminContext } from "~/services/admin-views/context.server";
import { RequestsPage } from "~/components/requests/RequestsPage";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const ctx = await adminContext(request);
  const sp = new URL(request.url).searchParams;
  try {
    const query = await searchByEmail(ctx, queueQueryFromSearchParams(sp, ctx.timeZone));
    const page = await listQueue(ctx, ctx.shop, { ...query, withTotal: true }, { provider: ctx.provider });
    return { page, timeZone: ctx.timeZone, error: null as null | { field: string; label: string; message: string } };
  } catch (e) {
    if (e instanceof DbInputError) {
      // a bad filter in the address: say which one in words; the screen offers to show every request
      return {
        page: { items: [], nextCursor: null, total: null },
        timeZone: ctx.timeZone,
        error: { field: e.field, label: queueFieldLabel(e.field), message: queueFieldProblem(e.field, e.message) },
      };
    }
    throw e;
  }
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const ctx = await adminContext(request);
  const bulk = parseBulkForm(await request.formData());
  if (!bulk.ok) return Response.json(bulk, { status: 422 });
  const results = await runBulk(ctx, ctx.shop, bulk.intent, bulk.ids, { notifyCustomer: ctx.shopRecord?.notifyCustomer ?? true });
  return { ok: true, intent: bulk.intent, results };
};

export default function Requests() {
  return <RequestsPage {...useLoaderData<typeof loader>()} />;
}
