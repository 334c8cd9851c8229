// Analytics: return rate, reasons, top returned products, refunded and credited totals by week.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData, useNavigate, useSearchParams } from "@remix-run/react";
import { BlockStack, Card, InlineGrid, InlineStack, Layout, Page, Select, Text } from "@shopify/polaris";
import { TitleBar } from "@shopify/app-bridge-react";
import { BarList, ColumnChart } from "~/components/Bars";
import { REASON_LABEL, label } from "~/components/labels";
import { formatMoney } from "~/returns";
import { loadAnalytics, localDay } from "~/services/admin-views";
import { adminContext } from "~/services/admin-views/context.server";
import { ORDERS_COUNT_FOR_ANALYTICS } from "~/shopify/operations/orders-count";

const PERIODS = [30, 90, 365] as const;

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const ctx = await adminContext(request);
  const days = Number(new URL(request.url).searchParams.get("days") ?? 90);
  const period = (PERIODS as readonly number[]).includes(days) ? days : 90;
  const to = ctx.now();
  const from = new Date(to.getTime() - period * 86_400_000);
  // The denominator comes from Shopify; if it can't be read the page still shows everything else.
  let ordersCount: number | null = null;
  try {
    const data = await ctx.admin.request(ORDERS_COUNT_FOR_ANALYTICS, {
      query: `created_at:>=${localDay(from, ctx.timeZone)} created_at:<=${localDay(to, ctx.timeZone)}`,
    });
    ordersCount = data.ordersCount?.count ?? null;
  } catch {
    ordersCount = null;
  }
  const analytics = await loadAnalytics(ctx.db, ctx.shop, { from, to: new Date(to.getTime() + 1), timeZone: ctx.timeZone, ordersCount });
  return { analytics, period, currency: analytics.money.currency ?? ctx.currency };
};

function Stat({ title, value, note }: { title: string; value: string; note?: string }) {
  return (
    <Card>
      <BlockStack gap="100">
        <Text as="h2" variant="headingSm" tone="subdued">
          {title}
        </Text>
        <Text as="p" variant="headingXl">
          {value}
        </Text>
        {note && (
          <Text as="p" variant="bodySm" tone="subdued">
            {note}
          </Text>
        )}
      </BlockStack>
    </Card>
  );
}

export default function AnalyticsPage() {
  const { analytics: a, period, currency } = useLoaderData<typeof loader>();
  const navigate = useNavigate();
  const [sp] = useSearchParams();
  const money = (n: number) => formatMoney(n, currency);
  const rate = a.returnRateBps === null ? "—" : `${(a.returnRateBps / 100).toFixed(1)}%`;
  return (
    <Page>
      <TitleBar title="Analytics" />
      {/* the admin's title bar shows the title; this h1 keeps the page's outline for assistive tech */}
      <Text as="h1" variant="headingLg" visuallyHidden>
        Analytics
      </Text>
      <Layout>
        <Layout.Section>
          <InlineStack align="end">
            <Select
              label="Period"
              labelInline
              options={PERIODS.map((d) => ({ value: String(d), label: `Last ${d} days` }))}
              value={String(period)}
              onChange={(v) => {
                const next = new URLSearchParams(sp);
                next.set("days", v);
                navigate(`?${next.toString()}`);
              }}
            />
          </InlineStack>
        </Layout.Section>
        <Layout.Section>
          <InlineGrid columns={{ xs: 1, md: 4 }} gap="400">
            <Stat
              title="Return rate"
              value={rate}
              note={a.ordersCount === null ? "Order count unavailable from Shopify" : `${a.ordersWithReturns} of ${a.ordersCount} orders`}
            />
            <Stat title="Return requests" value={String(a.requests)} />
            <Stat title="Refunded" value={money(a.money.refundedMinor)} />
            <Stat title="Store credit issued" value={money(a.money.creditedMinor)} />
          </InlineGrid>
        </Layout.Section>
        <Layout.Section>
          <Card>
            <BlockStack gap="300">
              <InlineStack align="space-between">
                <Text as="h2" variant="headingMd">
                  Refunded and credited, by week
                </Text>
                <InlineStack gap="300">
                  <Legend color="var(--p-color-bg-fill-info)" text="Refunded" />
                  <Legend color="var(--p-color-bg-fill-success)" text="Store credit" />
                </InlineStack>
              </InlineStack>
              <ColumnChart
                height={120}
                ariaLabel="Refunded and credited totals by week"
                data={a.money.weeks.map((w) => ({
                  label: `Week of ${w.week}`,
                  value: w.refundedMinor,
                  value2: w.creditedMinor,
                  title: `Week of ${w.week}: ${money(w.refundedMinor)} refunded, ${money(w.creditedMinor)} credited`,
                }))}
              />
            </BlockStack>
          </Card>
        </Layout.Section>
        <Layout.Section>
          <InlineGrid columns={{ xs: 1, md: 2 }} gap="400">
            <Card>
              <BlockStack gap="300">
                <Text as="h2" variant="headingMd">
                  Why items come back
                </Text>
                {a.reasons.length === 0 ? (
                  <Text as="p" tone="subdued">No returns in this period.</Text>
                ) : (
                  <BarList data={a.reasons.map((r) => ({ label: label(REASON_LABEL, r.reason), value: r.units }))} formatValue={(n) => `${n} units`} />
                )}
              </BlockStack>
            </Card>
            <Card>
              <BlockStack gap="300">
                <Text as="h2" variant="headingMd">
                  Most returned products
                </Text>
                {a.topProducts.length === 0 ? (
                  <Text as="p" tone="subdued">No returns in this period.</Text>
                ) : (
                  <BarList data={a.topProducts.map((p) => ({ label: p.title, value: p.units }))} formatValue={(n) => `${n} units`} />
                )}
              </BlockStack>
            </Card>
          </InlineGrid>
        </Layout.Section>
      </Layout>
    </Page>
  );
}

function Legend({ color, text }: { color: string; text: string }) {
  return (
    <InlineStack gap="100" blockAlign="center">
      <span style={{ display: "inline-block", width: 10, height: 10, borderRadius: 2, background: color }} />
      <Text as="span" variant="bodySm">
        {text}
      </Text>
    </InlineStack>
  );
}
