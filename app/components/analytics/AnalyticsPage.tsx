// Analytics: return rate, reasons, top returned products, refunded and credited totals by week.
import { useNavigate, useSearchParams } from "@remix-run/react";
import { BlockStack, Card, InlineGrid, InlineStack, Layout, Page, Select, Text } from "@shopify/polaris";
import { BarList, ColumnChart } from "~/components/Bars";
import { REASON_LABEL, label } from "~/components/labels";
import { formatMoney } from "~/returns";
import type { Analytics } from "~/services/admin-views/analytics";
import { ScreenTitle } from "~/components/ScreenTitle";
import { count, percent } from "~/components/count";

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

export function AnalyticsPage({
  analytics: a,
  period,
  periods,
  currency,
}: {
  analytics: Analytics;
  period: number;
  /** the periods offered, in days */
  periods: readonly number[];
  currency: string;
}) {
  const navigate = useNavigate();
  const [sp] = useSearchParams();
  // the figures are in the currency most requests settled in; others are listed each in its own
  const money = (n: number) => formatMoney(n, a.money.currency ?? currency);
  const others = a.moneyByCurrency.slice(1);
  const units = (n: number) => count(n, "unit", "units");
  const r = a.returnRate;
  const rate = r?.rateBps != null ? percent(r.rateBps) : r ? "No deliveries yet" : "Not available";
  const rateNote = !r
    ? "Shopify could not say how many units were delivered; try again in a moment"
    : `${units(r.returnedUnits)} asked back of ${units(r.deliveredUnits)} delivered` +
      (r.capped ? `, on the latest ${count(r.orders, "order", "orders")} of the period` : ` on ${count(r.orders, "order", "orders")}`);
  const byReason = new Map((r?.byReason ?? []).map((x) => [x.reason, x.rateBps]));
  const byProduct = new Map((r?.byProduct ?? []).map((x) => [x.title, x]));
  return (
    <Page>
      <ScreenTitle title="Analytics" />
      <Layout>
        <Layout.Section>
          <InlineStack align="end">
            <Select
              label="Period"
              labelInline
              options={periods.map((d) => ({ value: String(d), label: `Last ${d} days` }))}
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
            <Stat title="Return rate" value={rate} note={rateNote} />
            <Stat
              title="Return requests"
              value={a.requests.toLocaleString("en")}
              note={a.ordersCount === null ? undefined : `${count(a.ordersWithReturns, "order", "orders")} with a return, of ${count(a.ordersCount, "order", "orders")} placed`}
            />
            <Stat title="Refunded" value={money(a.money.refundedMinor)} />
            <Stat title="Store credit issued" value={money(a.money.creditedMinor)} />
          </InlineGrid>
        </Layout.Section>
        {others.length > 0 ? (
          <Layout.Section>
            <Card>
              <BlockStack gap="200">
                <Text as="h2" variant="headingMd">
                  Paid in other currencies
                </Text>
                <Text as="p" tone="subdued">
                  Shown in the currency each shopper paid, as Shopify refunded them; not added to the totals above.
                </Text>
                {others.map((o) => (
                  <Text as="p" key={o.currency}>
                    {`${o.currency}: ${formatMoney(o.refundedMinor, o.currency)} refunded, ${formatMoney(o.creditedMinor, o.currency)} store credit (${o.requests} ${o.requests === 1 ? "request" : "requests"})`}
                  </Text>
                ))}
              </BlockStack>
            </Card>
          </Layout.Section>
        ) : null}
        <Layout.Section>
          <Card>
            <BlockStack gap="200">
              <Text as="h2" variant="headingMd">
                Revenue kept
              </Text>
              {a.revenueKept.length === 0 ? (
                <Text as="p" tone="subdued">
                  No exchanges, replacements or store credit instead of a refund in this period.
                </Text>
              ) : (
                a.revenueKept.map((k) => (
                  <Text as="p" key={k.currency}>
                    {`${formatMoney(k.totalMinor, k.currency)} kept: ${formatMoney(k.exchangesMinor, k.currency)} in items sent as exchanges or replacements (${k.exchanges}), ${formatMoney(k.storeCreditMinor, k.currency)} taken as store credit instead of a refund (${k.storeCredits})`}
                  </Text>
                ))
              )}
              <Text as="p" variant="bodySm" tone="subdued">
                Each currency shoppers paid in on its own line, never added together. Store credit bonuses are not counted as kept.
              </Text>
            </BlockStack>
          </Card>
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
                  <Text as="p" tone="subdued">No items came back in this period.</Text>
                ) : (
                  <BarList
                    data={a.reasons.map((x) => {
                      const bp = byReason.get(x.reason);
                      return { label: label(REASON_LABEL, x.reason) + (bp != null ? ` (${percent(bp)} of delivered units)` : ""), value: x.units };
                    })}
                    formatValue={units}
                  />
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
                  <BarList
                    data={a.topProducts.map((p) => {
                      const x = byProduct.get(p.title);
                      return {
                        label: p.title + (x?.rateBps != null ? ` (${percent(x.rateBps)} of ${units(x.delivered)} delivered)` : ""),
                        value: p.units,
                      };
                    })}
                    formatValue={units}
                  />
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
