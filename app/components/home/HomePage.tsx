// Home: what needs attention, a 14-day trend, onboarding (pick a preset, read it, save as version 1), and
// the note about Shopify's own self-serve returns.
import { Form, Link as RemixLink, useNavigation } from "@remix-run/react";
import { Banner, BlockStack, Box, Button, Card, InlineGrid, InlineStack, Layout, Page, RadioButton, Text } from "@shopify/polaris";
import { useState } from "react";
import { ColumnChart } from "~/components/Bars";
import type { Dashboard } from "~/services/admin-views/dashboard";
import type { PresetChoice } from "~/services/admin-views/home";
import type { SelfServeNotice } from "~/services/admin-views/self-serve-returns";
import { DISMISS_SELF_SERVE, SelfServeBanner } from "./SelfServeBanner";
import { PolicySummary } from "~/components/PolicySummary";
import { ScreenTitle } from "~/components/ScreenTitle";
import { presetWords } from "~/components/policy/preset-words";

/** What the home action answers: a saved preset, a hidden note, or why nothing was saved. */
export interface HomeAnswer {
  ok: boolean;
  message?: string;
  version?: number;
  dismissed?: boolean;
}

/** The latest money reconciliation, for the home tile: null before the first run. */
export type MoneyTile = { checked: number; drifted: number } | null;

function AttentionTiles({ attention: a, money }: { attention: Dashboard["attention"]; money: MoneyTile }) {
  const tiles = [
    { label: "Awaiting review", value: a.awaitingReview, href: "/app/requests?status=requested", tone: a.awaitingReview > 0 ? "caution" : undefined },
    { label: "Approved, awaiting the parcel", value: a.awaitingParcel, href: "/app/requests?status=approved", tone: undefined },
    { label: "Failed Shopify calls", value: a.failedShopifyCalls, href: "/app/requests?errors=1", tone: a.failedShopifyCalls > 0 ? "critical" : undefined },
    {
      label: "Money differs from Shopify",
      value: money ? money.drifted : "Not checked",
      href: "/app/reconciliation",
      tone: money && money.drifted > 0 ? "critical" : undefined,
    },
  ] as const;
  return (
    <InlineGrid columns={{ xs: 1, md: 2, lg: 4 }} gap="400">
      {tiles.map((t) => (
        <Card key={t.label}>
          <BlockStack gap="200">
            <Text as="h2" variant="headingSm">
              {t.label}
            </Text>
            <Text as="p" variant="heading2xl" tone={t.tone === "critical" ? "critical" : undefined}>
              {t.value}
            </Text>
            <RemixLink to={t.href}>{t.href === "/app/reconciliation" ? "Compare with Shopify" : "View requests"}</RemixLink>
          </BlockStack>
        </Card>
      ))}
    </InlineGrid>
  );
}

function Trend({ dashboard }: { dashboard: Dashboard }) {
  return (
    <Card>
      <BlockStack gap="300">
        <InlineStack align="space-between">
          <Text as="h2" variant="headingMd">
            Requests, last 14 days
          </Text>
          <Text as="span" tone="subdued">
            {dashboard.trendTotal} in total
          </Text>
        </InlineStack>
        <ColumnChart
          ariaLabel="Return requests per day over the last 14 days"
          data={dashboard.trend.map((d) => ({ label: d.day, value: d.requested, title: `${d.day}: ${d.requested} requests` }))}
        />
      </BlockStack>
    </Card>
  );
}

function PresetPicker({ presets, saving }: { presets: PresetChoice[]; saving: boolean }) {
  // nothing is picked for the merchant
  const [preset, setPreset] = useState<string>("");
  const chosen = presets.find((p) => p.id === preset);
  return (
    <Card>
      <Form method="post">
        <BlockStack gap="400">
          <BlockStack gap="100">
            <Text as="h2" variant="headingMd">
              Set up your return policy
            </Text>
            <Text as="p" tone="subdued">
              Start from a preset. You can change every part of it later on the Policy page.
            </Text>
          </BlockStack>
          <InlineGrid columns={{ xs: 1, md: "1fr 2fr" }} gap="400">
            <BlockStack gap="200">
              {presets.map((p) => (
                <RadioButton
                  key={p.id}
                  id={`preset-${p.id}`}
                  name="presetId"
                  value={p.id}
                  label={presetWords(p.id).label}
                  helpText={presetWords(p.id).note}
                  checked={preset === p.id}
                  onChange={() => setPreset(p.id)}
                />
              ))}
            </BlockStack>
            <Box background="bg-surface-secondary" padding="400" borderRadius="200">
              <BlockStack gap="300">
                {chosen ? <PolicySummary sections={chosen.summary} /> : <Text as="p" tone="subdued">Pick a preset to read it in full here.</Text>}
              </BlockStack>
            </Box>
          </InlineGrid>
          <InlineStack align="end">
            <Button submit variant="primary" loading={saving} disabled={!chosen}>
              Save as version 1
            </Button>
          </InlineStack>
        </BlockStack>
      </Form>
    </Card>
  );
}

export function HomePage({
  dashboard,
  presets,
  selfServe,
  money = null,
  result,
}: {
  dashboard: Dashboard;
  presets: PresetChoice[];
  selfServe: SelfServeNotice;
  money?: MoneyTile;
  result: HomeAnswer | undefined;
}) {
  const nav = useNavigation();
  const submitting = nav.state === "submitting";
  return (
    <Page>
      <ScreenTitle title="Returns" />
      <Layout>
        {selfServe && (
          <Layout.Section>
            <SelfServeBanner notice={selfServe} busy={submitting && nav.formData?.get("intent") === DISMISS_SELF_SERVE} />
          </Layout.Section>
        )}
        {result?.ok && result.version !== undefined && (
          <Layout.Section>
            <Banner tone="success" title={`Policy saved as version ${result.version}`}>
              <p>New return requests are judged by it from now on.</p>
            </Banner>
          </Layout.Section>
        )}
        {result && !result.ok && (
          <Layout.Section>
            <Banner tone="critical" title="The policy was not saved">
              <p>{result.message}</p>
            </Banner>
          </Layout.Section>
        )}
        <Layout.Section>
          <AttentionTiles attention={dashboard.attention} money={money} />
        </Layout.Section>
        <Layout.Section>
          <Trend dashboard={dashboard} />
        </Layout.Section>
        {!dashboard.hasPolicy && (
          <Layout.Section>
            <PresetPicker presets={presets} saving={submitting && nav.formData?.get("intent") !== DISMISS_SELF_SERVE} />
          </Layout.Section>
        )}
      </Layout>
    </Page>
  );
}
