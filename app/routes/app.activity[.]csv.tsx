// The activity log as a CSV file (the same filters as the screen; the newest ACTIVITY_CSV_MAX rows).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { DbInputError } from "~/db";
import { ACTIVITY_CSV_MAX, activityCsv, activityQueryFromSearchParams, loadActivity } from "~/services/admin-views/activity";
import { adminContext, jsonError } from "~/services/admin-views/context.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const ctx = await adminContext(request);
  try {
    const q = { ...activityQueryFromSearchParams(new URL(request.url).searchParams), before: null };
    const { rows } = await loadActivity(ctx, ctx.shop, q, { timeZone: ctx.timeZone, limit: ACTIVITY_CSV_MAX });
    return new Response(activityCsv(rows, ctx.timeZone), {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": 'attachment; filename="returns-activity.csv"',
        "Cache-Control": "no-store",
      },
    });
  } catch (e) {
    if (e instanceof DbInputError) return jsonError(400, e.field, e.message);
    throw e;
  }
};
