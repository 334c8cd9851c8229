// Requests queue: filters in the URL, keyset pagination, bulk approve/decline of clear cases.
import { useFetcher, useNavigation } from "@remix-run/react";
import { Banner, BlockStack, Box, Card, Filters, IndexTable, Layout, List, Page, Text, useIndexResourceState } from "@shopify/polaris";
import { useAppBridge } from "@shopify/app-bridge-react";
import { useEffect, useState } from "react";
import type { BulkResult } from "~/services/admin-views/bulk.server";
import type { QueueItem } from "~/services/admin-views/queue";
import { appliedQueueFilters, queueFilters } from "./filters";
import { QueueRow } from "./QueueRow";
import { useQueueUrl } from "./queue-url";
import { ScreenTitle } from "~/components/ScreenTitle";
import { count } from "~/components/count";

export type BulkResponse = { ok: true; intent: string; results: BulkResult[] } | { ok: false; field: string; message: string };

function BulkBanner({ answer }: { answer: BulkResponse }) {
  if (!answer.ok) {
    return (
      <Banner tone="critical" title="Nothing was changed">
        <p>{answer.message}</p>
      </Banner>
    );
  }
  const count = (o: BulkResult["outcome"]) => answer.results.filter((r) => r.outcome === o).length;
  return (
    <Banner
      tone={count("failed") > 0 ? "warning" : "success"}
      title={`${answer.intent === "approve" ? "Approve" : "Decline"}: ${count("done")} done, ${count("skipped")} skipped, ${count("failed")} failed`}
    >
      <List>
        {answer.results.map((r) => (
          <List.Item key={r.id}>
            {r.orderName ?? r.id}: {r.message}
          </List.Item>
        ))}
      </List>
    </Banner>
  );
}

export function RequestsPage({
  page,
  error,
  timeZone,
}: {
  page: { items: QueueItem[]; nextCursor: string | null; total: number | null };
  error: { field: string; label: string; message: string } | null;
  timeZone: string;
}) {
  const url = useQueueUrl(page.nextCursor);
  const { sp, navigate, setText } = url;
  const nav = useNavigation();
  const bulk = useFetcher<BulkResponse>();
  const [q, setQ] = useState(sp.get("q") ?? "");

  // search as you type, debounced
  useEffect(() => {
    if (q === (sp.get("q") ?? "")) return;
    const t = setTimeout(() => setText("q", q.trim()), 350);
    return () => clearTimeout(t);
  }, [q]);

  const items = page.items;
  const { selectedResources, allResourcesSelected, handleSelectionChange, clearSelection } = useIndexResourceState(
    items as unknown as { [key: string]: unknown }[],
  );
  const shopify = useAppBridge();
  useEffect(() => {
    if (bulk.state === "idle" && bulk.data?.ok) {
      const done = bulk.data.results.filter((r) => r.outcome === "done").length;
      shopify.toast.show(`${done} of ${bulk.data.results.length} ${bulk.data.intent === "approve" ? "approved" : "declined"}`, {
        isError: bulk.data.results.some((r) => r.outcome === "failed"),
      });
    }
    if (bulk.state === "idle" && bulk.data) clearSelection();
  }, [bulk.state, bulk.data]);

  const submitBulk = (intent: "approve" | "decline") => bulk.submit({ intent, ids: selectedResources.join(",") }, { method: "post" });

  return (
    <Page fullWidth>
      <ScreenTitle title="Return requests" />
      <Layout>
        {error && (
          <Layout.Section>
            <Banner
              tone="warning"
              title="This list can't be shown with these filters"
              action={{
                content: "Show all requests",
                onAction: () => {
                  setQ("");
                  navigate("?");
                },
              }}
            >
              <p>{error.message}</p>
            </Banner>
          </Layout.Section>
        )}
        {bulk.data && (
          <Layout.Section>
            <BulkBanner answer={bulk.data} />
          </Layout.Section>
        )}
        <Layout.Section>
          <Card padding="0">
            <Filters
              queryValue={q}
              queryPlaceholder="Search by order (#1001), customer name or e-mail"
              filters={queueFilters(url)}
              appliedFilters={appliedQueueFilters(url)}
              onQueryChange={setQ}
              onQueryClear={() => {
                setQ("");
                setText("q", "");
              }}
              onClearAll={() => {
                setQ("");
                navigate("?");
              }}
            />
            {page.total !== null && (
              <Box paddingInline="400" paddingBlockStart="200">
                <Text as="p" tone="subdued" id="queue-total">
                  {count(page.total, "request", "requests")}
                  {page.total > items.length ? `, ${items.length} on this page` : ""}
                </Text>
              </Box>
            )}
            <IndexTable
              resourceName={{ singular: "request", plural: "requests" }}
              itemCount={items.length}
              selectedItemsCount={allResourcesSelected ? "All" : selectedResources.length}
              onSelectionChange={handleSelectionChange}
              loading={nav.state === "loading" || bulk.state !== "idle"}
              promotedBulkActions={[
                { content: "Approve clear cases", onAction: () => submitBulk("approve") },
                { content: "Decline clear cases", onAction: () => submitBulk("decline") },
              ]}
              headings={[
                { title: "Order" },
                { title: "Customer" },
                { title: "Requested" },
                { title: "Status" },
                { title: "Reason" },
                { title: "Verdict" },
                { title: "Resolution" },
                { title: "Items", alignment: "end" },
                { title: "Refund", alignment: "end" },
              ]}
              pagination={{ hasNext: url.hasNext, onNext: url.onNext, hasPrevious: url.hasPrevious, onPrevious: url.onPrevious }}
              emptyState={
                <BlockStack gap="200" inlineAlign="center">
                  <Text as="p" variant="headingMd">
                    No return requests match
                  </Text>
                  <Text as="p" tone="subdued">
                    Change the filters or the search.
                  </Text>
                </BlockStack>
              }
            >
              {items.map((r, index) => (
                <QueueRow
                  key={r.id}
                  r={r}
                  index={index}
                  selected={selectedResources.includes(r.id)}
                  timeZone={timeZone}
                  onOpen={() => navigate(`/app/requests/${r.id}`)}
                />
              ))}
            </IndexTable>
          </Card>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
