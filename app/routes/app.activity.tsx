// Activity: the shop-wide log of who did what, when, with filters; the CSV export is app.activity.csv.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { DbInputError } from "~/db";
import { activityQueryFromSearchParams, loadActivity, type ActivityPage as Page } from "~/services/admin-views/activity";
import { adminContext } from "~/services/admin-views/context.server";
import { ActivityPage } from "~/components/activity/ActivityPage";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const ctx = await adminContext(request);
  try {
    const q = activityQueryFromSearchParams(new URL(request.url).searchParams);
    const page = await loadActivity(ctx, ctx.shop, q, { timeZone: ctx.timeZone });
    return { page, timeZone: ctx.timeZone, error: null as string | null };
  } catch (e) {
    if (e instanceof DbInputError) {
      const empty: Page = { rows: [], next: null };
      return { page: empty, timeZone: ctx.timeZone, error: "Some filters in this address can't be used." };
    }
    throw e;
  }
};

export default function Activity() {
  return <ActivityPage {...useLoaderData<typeof loader>()} />;
}
