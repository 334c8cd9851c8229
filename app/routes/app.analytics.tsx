// Analytics: return rate, reasons, top returned products, refunded and credited totals by week.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { ANALYTICS_PERIODS, loadAnalyticsForPeriod } from "~/services/admin-views/analytics";
import { adminContext } from "~/services/admin-views/context.server";
import { AnalyticsPage } from "~/components/analytics/AnalyticsPage";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const ctx = await adminContext(request);
  const days = Number(new URL(request.url).searchParams.get("days") ?? 90);
  const { analytics, period } = await loadAnalyticsForPeriod(ctx, ctx.shop, { days, timeZone: ctx.timeZone });
  return { analytics, period, periods: ANALYTICS_PERIODS, currency: analytics.money.currency ?? ctx.currency };
};

export default function Analytics() {
  return <AnalyticsPage {...useLoaderData<typeof loader>()} />;
}
