// Activity: who did what, when, across every request; filters in the URL, newest first, CSV export.
import { Link as RemixLink, useNavigate, useNavigation, useSearchParams } from "@remix-run/react";
import { Banner, BlockStack, Card, ChoiceList, Filters, IndexTable, Layout, Page, Text, TextField } from "@shopify/polaris";
import { useState } from "react";
import type { ActivityPage as ActivityData } from "~/services/admin-views/activity";
import { ScreenTitle } from "~/components/ScreenTitle";

// the filters' words (client-safe copies of the service's lists)
const WHO = [
  { value: "staff", label: "Staff" },
  { value: "customer", label: "Customers" },
  { value: "shopify", label: "Shopify" },
  { value: "automatic", label: "Automatic" },
];
const WHAT = [
  { value: "requests", label: "New requests" },
  { value: "decisions", label: "Approvals and declines" },
  { value: "parcels", label: "Parcels received" },
  { value: "money", label: "Refunds, store credit and new items sent" },
  { value: "closed", label: "Closed and cancelled" },
  { value: "problems", label: "Failed Shopify calls" },
];
const words = (choices: { value: string; label: string }[], values: string[]) =>
  values.map((v) => choices.find((c) => c.value === v)?.label ?? v).join(", ");

export function ActivityPage({ page, timeZone, error }: { page: ActivityData; timeZone: string; error: string | null }) {
  const [sp] = useSearchParams();
  const navigate = useNavigate();
  const nav = useNavigation();
  const [exporting, setExporting] = useState<"idle" | "busy" | "failed">("idle");
  const list = (k: string) => sp.getAll(k).flatMap((v) => v.split(",")).filter(Boolean);
  const go = (mutate: (p: URLSearchParams) => void) => {
    const next = new URLSearchParams(sp);
    mutate(next);
    next.delete("before");
    navigate(`?${next.toString()}`);
  };
  const setList = (k: string) => (values: string[]) =>
    go((p) => {
      p.delete(k);
      if (values.length) p.set(k, values.join(","));
    });
  const setText = (k: string) => (v: string) =>
    go((p) => {
      if (v) p.set(k, v);
      else p.delete(k);
    });
  const when = (iso: string) =>
    new Date(iso).toLocaleString("en", { timeZone, day: "numeric", month: "short", year: "numeric", hour: "numeric", minute: "2-digit" });

  const exportCsv = async () => {
    setExporting("busy");
    try {
      const params = new URLSearchParams(sp);
      params.delete("before");
      // App Bridge adds the session token to the app's own fetches
      const res = await fetch(`/app/activity.csv?${params.toString()}`);
      if (!res.ok) throw new Error(String(res.status));
      const url = URL.createObjectURL(await res.blob());
      const a = document.createElement("a");
      a.href = url;
      a.download = "returns-activity.csv";
      a.click();
      URL.revokeObjectURL(url);
      setExporting("idle");
    } catch {
      setExporting("failed");
    }
  };

  const applied = [
    ...(list("who").length ? [{ key: "who", label: `Who: ${words(WHO, list("who"))}`, onRemove: () => setList("who")([]) }] : []),
    ...(list("what").length ? [{ key: "what", label: `What: ${words(WHAT, list("what"))}`, onRemove: () => setList("what")([]) }] : []),
    ...(sp.get("from") || sp.get("to")
      ? [
          {
            key: "date",
            label: `When: ${sp.get("from") ? `from ${sp.get("from")}` : ""} ${sp.get("to") ? `to ${sp.get("to")}` : ""}`.trim(),
            onRemove: () =>
              go((p) => {
                p.delete("from");
                p.delete("to");
              }),
          },
        ]
      : []),
  ];

  return (
    <Page
      fullWidth
      secondaryActions={[{ content: exporting === "busy" ? "Exporting…" : "Export CSV", onAction: exportCsv, disabled: exporting === "busy" }]}
    >
      <ScreenTitle title="Activity" />
      <Layout>
        {error && (
          <Layout.Section>
            <Banner tone="warning" title={error} action={{ content: "Show all activity", onAction: () => navigate("?") }} />
          </Layout.Section>
        )}
        {exporting === "failed" && (
          <Layout.Section>
            <Banner tone="critical" title="The export didn't download" onDismiss={() => setExporting("idle")}>
              <p>Try again in a moment.</p>
            </Banner>
          </Layout.Section>
        )}
        <Layout.Section>
          <Card padding="0">
            <Filters
              queryValue=""
              hideQueryField
              filters={[
                {
                  key: "who",
                  label: "Who",
                  pinned: true,
                  filter: <ChoiceList title="Who" titleHidden allowMultiple choices={WHO} selected={list("who")} onChange={setList("who")} />,
                },
                {
                  key: "what",
                  label: "What",
                  pinned: true,
                  filter: <ChoiceList title="What" titleHidden allowMultiple choices={WHAT} selected={list("what")} onChange={setList("what")} />,
                },
                {
                  key: "date",
                  label: "When",
                  pinned: true,
                  filter: (
                    <BlockStack gap="200">
                      <TextField label="From" type="date" autoComplete="off" value={sp.get("from") ?? ""} onChange={setText("from")} />
                      <TextField label="To (inclusive)" type="date" autoComplete="off" value={sp.get("to") ?? ""} onChange={setText("to")} />
                    </BlockStack>
                  ),
                },
              ]}
              appliedFilters={applied}
              onQueryChange={() => undefined}
              onQueryClear={() => undefined}
              onClearAll={() => navigate("?")}
            />
            <IndexTable
              resourceName={{ singular: "event", plural: "events" }}
              itemCount={page.rows.length}
              selectable={false}
              loading={nav.state === "loading"}
              headings={[{ title: "When" }, { title: "Who" }, { title: "What" }, { title: "Order" }]}
              pagination={{
                hasPrevious: sp.has("before"),
                onPrevious: () => navigate(-1),
                hasNext: page.next !== null,
                onNext: () => {
                  const next = new URLSearchParams(sp);
                  next.set("before", page.next!);
                  navigate(`?${next.toString()}`);
                },
              }}
              emptyState={
                <BlockStack gap="200" inlineAlign="center">
                  <Text as="p" variant="headingMd">
                    Nothing happened that matches
                  </Text>
                  <Text as="p" tone="subdued">
                    Change the filters to see more.
                  </Text>
                </BlockStack>
              }
            >
              {page.rows.map((r, i) => (
                <IndexTable.Row id={String(r.id)} key={r.id} position={i}>
                  <IndexTable.Cell>{when(r.at)}</IndexTable.Cell>
                  <IndexTable.Cell>{r.who}</IndexTable.Cell>
                  <IndexTable.Cell>{r.what}</IndexTable.Cell>
                  <IndexTable.Cell>
                    {r.requestId && r.orderName ? (
                      <RemixLink to={`/app/requests/${r.requestId}`}>Order {r.orderName}</RemixLink>
                    ) : (
                      <Text as="span" tone="subdued">
                        Whole shop
                      </Text>
                    )}
                  </IndexTable.Cell>
                </IndexTable.Row>
              ))}
            </IndexTable>
          </Card>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
