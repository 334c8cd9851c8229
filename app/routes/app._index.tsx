// Home: what needs attention, a 14-day trend, onboarding (pick a preset, read it, save as version 1), and
// the note about Shopify's own self-serve returns (app/services/admin-views/self-serve-returns.ts).
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link as RemixLink, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import {
  Banner,
  BlockStack,
  Box,
  Button,
  Card,
  InlineGrid,
  InlineStack,
  Layout,
  Page,
  RadioButton,
  Text,
} from "@shopify/polaris";
import { TitleBar } from "@shopify/app-bridge-react";
import { useState } from "react";
import { ColumnChart } from "~/components/Bars";
import { PRESET_IDS, getPreset, isPresetId } from "~/returns";
import { summarizePolicy } from "~/returns/summary";
import { dismissSelfServeNotice, loadDashboard, selfServeNotice, type SelfServeNotice } from "~/services/admin-views";
import { adminContext } from "~/services/admin-views/context.server";
import { termsSyncAfterPolicySave } from "~/services/terms-sync/server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const ctx = await adminContext(request, { shopFacts: false });
  const [dashboard, selfServe] = await Promise.all([
    loadDashboard(ctx.db, ctx.shop, { now: ctx.now(), timeZone: ctx.timeZone }),
    selfServeNotice(ctx.db, ctx.shop),
  ]);
  const presets = dashboard.hasPolicy
    ? []
    : PRESET_IDS.map((id) => {
        const p = getPreset(id)!;
        return { id, name: p.name, summary: summarizePolicy(p, ctx.currency) };
      });
  const st = dashboard.byStatus;
  const n = (...keys: string[]) => keys.reduce((a, k) => a + (st[k] ?? 0), 0);
  // counts: the coarse open/closed split (kept for the auth smoke test and quick reads)
  const counts = { requested: n("requested"), open: n("approved", "received", "failed"), closed: n("declined", "refunded", "credited", "closed", "cancelled") };
  return { shop: ctx.shop, dashboard, counts, presets, selfServe };
};

const DISMISS_SELF_SERVE = "dismiss-self-serve-note";

export const action = async ({ request }: ActionFunctionArgs) => {
  const ctx = await adminContext(request);
  const form = await request.formData();
  if (form.get("intent") === DISMISS_SELF_SERVE) {
    await dismissSelfServeNotice(ctx.db, ctx.shop, { actor: ctx.actor, now: ctx.now() });
    return { ok: true, dismissed: true };
  }
  const presetId = String(form.get("presetId") ?? "");
  if (!isPresetId(presetId)) {
    return Response.json({ ok: false, field: "presetId", message: "Pick one of the presets." }, { status: 422 });
  }
  const active = await ctx.repos.policies.active(ctx.shop);
  if (active) {
    return Response.json({ ok: false, field: "presetId", message: `A policy is already set (version ${active.version}); edit it on the Policy page.` }, { status: 409 });
  }
  const policy = { ...getPreset(presetId)!, version: 1 };
  const saved = await ctx.repos.policies.saveNewVersion(ctx.shop, { policy, presetId, createdBy: ctx.actor, now: ctx.now() });
  // like the policy editor's save: publish the chosen terms to checkout (never fails the save)
  await termsSyncAfterPolicySave(ctx, ctx.shop);
  return { ok: true, version: saved.version };
};

const TURN_OFF =
  "In your Shopify admin, go to Settings > Customer accounts (Checkout and accounts in some stores) and turn off Self-serve returns.";

/** Shopify's own self-serve returns beside ours: a one-time note, or a warning once requests came through them. */
function SelfServeBanner({ notice, busy }: { notice: SelfServeNotice; busy: boolean }) {
  if (!notice) return null;
  const arrived = notice.kind === "arrived";
  return (
    <Banner
      tone={arrived ? "warning" : "info"}
      title={arrived ? "Shopify's own return requests are still on" : "Turn off Shopify's own return requests"}
    >
      <BlockStack gap="200">
        <p>
          {arrived
            ? `${notice.count === 1 ? "1 return request" : `${notice.count} return requests`} came in through Shopify's built-in returns (most recently for order ${notice.latestOrderName}). They arrive without photos or the customer's answers to your policy's questions, and customers see two "Request return" buttons on their orders.`
            : `While Shopify's built-in returns are on, customers see two "Request return" buttons on their orders, and requests made with Shopify's arrive here without photos or the customer's answers to your policy's questions.`}
        </p>
        <p>{TURN_OFF}</p>
        <Form method="post">
          <input type="hidden" name="intent" value={DISMISS_SELF_SERVE} />
          <Button submit loading={busy}>
            {arrived ? "I've turned them off" : "Hide this note"}
          </Button>
        </Form>
      </BlockStack>
    </Banner>
  );
}

export default function Index() {
  const { dashboard, presets, selfServe } = useLoaderData<typeof loader>();
  const result = useActionData<{ ok: boolean; message?: string; version?: number; dismissed?: boolean }>();
  const nav = useNavigation();
  const [preset, setPreset] = useState<string>(presets[0]?.id ?? "");
  const chosen = presets.find((p) => p.id === preset);
  const a = dashboard.attention;
  const tiles = [
    { label: "Awaiting review", value: a.awaitingReview, href: "/app/requests?status=requested", tone: a.awaitingReview > 0 ? "caution" : undefined },
    { label: "Approved, awaiting the parcel", value: a.awaitingParcel, href: "/app/requests?status=approved", tone: undefined },
    { label: "Failed Shopify calls", value: a.failedShopifyCalls, href: "/app/requests?errors=1", tone: a.failedShopifyCalls > 0 ? "critical" : undefined },
  ] as const;
  return (
    <Page>
      <TitleBar title="Returns" />
      {/* the admin's title bar shows the title; this h1 keeps the page's outline for assistive tech */}
      <Text as="h1" variant="headingLg" visuallyHidden>
        Returns
      </Text>
      <Layout>
        {selfServe && (
          <Layout.Section>
            <SelfServeBanner notice={selfServe} busy={nav.state === "submitting" && nav.formData?.get("intent") === DISMISS_SELF_SERVE} />
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
          <InlineGrid columns={{ xs: 1, md: 3 }} gap="400">
            {tiles.map((t) => (
              <Card key={t.label}>
                <BlockStack gap="200">
                  <Text as="h2" variant="headingSm">
                    {t.label}
                  </Text>
                  <Text as="p" variant="heading2xl" tone={t.tone === "critical" ? "critical" : undefined}>
                    {t.value}
                  </Text>
                  <RemixLink to={t.href}>View requests</RemixLink>
                </BlockStack>
              </Card>
            ))}
          </InlineGrid>
        </Layout.Section>
        <Layout.Section>
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
        </Layout.Section>
        {!dashboard.hasPolicy && (
          <Layout.Section>
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
                          label={p.name}
                          checked={preset === p.id}
                          onChange={() => setPreset(p.id)}
                        />
                      ))}
                    </BlockStack>
                    <Box background="bg-surface-secondary" padding="400" borderRadius="200">
                      <BlockStack gap="300">
                        {chosen?.summary.map((s) => (
                          <BlockStack key={s.heading} gap="100">
                            <Text as="h3" variant="headingSm">
                              {s.heading}
                            </Text>
                            {s.paragraphs.map((para) => (
                              <Text key={para} as="p">
                                {para}
                              </Text>
                            ))}
                          </BlockStack>
                        ))}
                      </BlockStack>
                    </Box>
                  </InlineGrid>
                  <InlineStack align="end">
                    <Button submit variant="primary" loading={nav.state === "submitting" && nav.formData?.get("intent") !== DISMISS_SELF_SERVE}>
                      Save as version 1
                    </Button>
                  </InlineStack>
                </BlockStack>
              </Form>
            </Card>
          </Layout.Section>
        )}
      </Layout>
    </Page>
  );
}
