// Requests queue: filters in the URL, keyset pagination, bulk approve/decline of clear cases.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useFetcher, useLoaderData, useNavigate, useNavigation, useSearchParams } from "@remix-run/react";
import {
  Badge,
  Banner,
  BlockStack,
  Card,
  ChoiceList,
  Filters,
  IndexTable,
  InlineStack,
  Layout,
  List,
  Page,
  Text,
  TextField,
  useIndexResourceState,
} from "@shopify/polaris";
import { TitleBar, useAppBridge } from "@shopify/app-bridge-react";
import { useCallback, useEffect, useState } from "react";
import { DbInputError } from "~/db";
import { formatMoney, REASONS } from "~/returns";
import { listQueue, queueQueryFromSearchParams } from "~/services/admin-views";
import { BULK_LIMIT, runBulk, type BulkResult } from "~/services/admin-views/bulk.server";
import { adminContext } from "~/services/admin-views/context.server";
import { CODE_LABEL, FLAG_VALUES, REASON_LABEL, STATUS_LABEL, STATUS_TONE, STATUS_VALUES, label } from "~/components/labels";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const ctx = await adminContext(request);
  const sp = new URL(request.url).searchParams;
  try {
    const query = queueQueryFromSearchParams(sp, ctx.timeZone);
    const page = await listQueue(ctx.db, ctx.shop, query, { provider: ctx.provider });
    return { page, timeZone: ctx.timeZone, error: null as null | { field: string; message: string } };
  } catch (e) {
    if (e instanceof DbInputError) {
      return { page: { items: [], nextCursor: null }, timeZone: ctx.timeZone, error: { field: e.field, message: e.message } };
    }
    throw e;
  }
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const ctx = await adminContext(request);
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "");
  if (intent !== "approve" && intent !== "decline") {
    return Response.json({ ok: false, field: "intent", message: "intent must be approve or decline" }, { status: 422 });
  }
  const ids = String(form.get("ids") ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  if (ids.length === 0) return Response.json({ ok: false, field: "ids", message: "select at least one request" }, { status: 422 });
  if (ids.length > BULK_LIMIT) {
    return Response.json({ ok: false, field: "ids", message: `at most ${BULK_LIMIT} requests at a time` }, { status: 422 });
  }
  const results = await runBulk(
    { db: ctx.db, admin: ctx.admin, now: ctx.now, actor: ctx.actor },
    ctx.shop,
    intent,
    ids,
    { notifyCustomer: ctx.shopRecord?.notifyCustomer ?? true },
  );
  return { ok: true, intent, results };
};

type BulkResponse = { ok: true; intent: string; results: BulkResult[] } | { ok: false; field: string; message: string };

const FLAG_CHOICES = FLAG_VALUES.map((f) => ({ label: CODE_LABEL[f] ?? f, value: f }));
const STATUS_CHOICES = STATUS_VALUES.map((s) => ({ label: STATUS_LABEL[s] ?? s, value: s }));
const REASON_CHOICES = REASONS.map((r) => ({ label: REASON_LABEL[r] ?? r, value: r }));

export default function Requests() {
  const { page, error, timeZone } = useLoaderData<typeof loader>();
  const [sp] = useSearchParams();
  const navigate = useNavigate();
  const nav = useNavigation();
  const bulk = useFetcher<BulkResponse>();
  const [q, setQ] = useState(sp.get("q") ?? "");
  const list = (k: string) => sp.getAll(k).flatMap((v) => v.split(",")).filter(Boolean);

  const go = useCallback(
    (mutate: (p: URLSearchParams) => void) => {
      const next = new URLSearchParams(sp);
      mutate(next);
      // any filter change starts from the first page
      if (!next.has("keep")) {
        next.delete("cursor");
        next.delete("prev");
      }
      next.delete("keep");
      navigate(`?${next.toString()}`);
    },
    [sp, navigate],
  );
  const setList = (k: string) => (values: string[]) =>
    go((p) => {
      p.delete(k);
      if (values.length) p.set(k, values.join(","));
    });
  const setText = (k: string, v: string) =>
    go((p) => {
      if (v) p.set(k, v);
      else p.delete(k);
    });

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

  const submitBulk = (intent: "approve" | "decline") =>
    bulk.submit({ intent, ids: selectedResources.join(",") }, { method: "post" });

  // trail of earlier pages' cursors ("-" = first page), so Previous works without OFFSET
  const prev = sp.get("prev")?.split(",").filter(Boolean) ?? [];
  const hasPrevious = sp.has("cursor");
  const onNext = () =>
    go((p) => {
      const cur = p.get("cursor");
      p.set("prev", [...prev, cur ?? "-"].join(","));
      p.set("cursor", page.nextCursor!);
      p.set("keep", "1");
    });
  const onPrevious = () =>
    go((p) => {
      const trail = [...prev];
      const back = trail.pop();
      if (back && back !== "-") p.set("cursor", back);
      else p.delete("cursor");
      if (trail.length) p.set("prev", trail.join(","));
      else p.delete("prev");
      p.set("keep", "1");
    });

  const appliedFilters = [
    ...(list("status").length
      ? [{ key: "status", label: `Status: ${list("status").map((s) => label(STATUS_LABEL, s)).join(", ")}`, onRemove: () => setList("status")([]) }]
      : []),
    ...(list("reason").length
      ? [{ key: "reason", label: `Reason: ${list("reason").map((s) => label(REASON_LABEL, s)).join(", ")}`, onRemove: () => setList("reason")([]) }]
      : []),
    ...(list("flag").length
      ? [{ key: "flag", label: `Verdict: ${list("flag").map((s) => label(CODE_LABEL, s)).join(", ")}`, onRemove: () => setList("flag")([]) }]
      : []),
    ...(sp.get("errors") === "1"
      ? [{ key: "errors", label: "Last Shopify call failed", onRemove: () => go((p) => p.delete("errors")) }]
      : []),
    ...(sp.get("from") || sp.get("to")
      ? [
          {
            key: "date",
            label: `Requested ${sp.get("from") ? `from ${sp.get("from")}` : ""} ${sp.get("to") ? `to ${sp.get("to")}` : ""}`.trim(),
            onRemove: () =>
              go((p) => {
                p.delete("from");
                p.delete("to");
              }),
          },
        ]
      : []),
  ];

  const filters = [
    {
      key: "status",
      label: "Status",
      filter: <ChoiceList title="Status" titleHidden allowMultiple choices={STATUS_CHOICES} selected={list("status")} onChange={setList("status")} />,
      pinned: true,
    },
    {
      key: "flag",
      label: "Verdict",
      filter: <ChoiceList title="Verdict" titleHidden allowMultiple choices={FLAG_CHOICES} selected={list("flag")} onChange={setList("flag")} />,
      pinned: true,
    },
    {
      key: "reason",
      label: "Reason",
      filter: <ChoiceList title="Reason" titleHidden allowMultiple choices={REASON_CHOICES} selected={list("reason")} onChange={setList("reason")} />,
    },
    {
      key: "date",
      label: "Date requested",
      filter: (
        <BlockStack gap="200">
          <TextField label="From" type="date" autoComplete="off" value={sp.get("from") ?? ""} onChange={(v) => setText("from", v)} />
          <TextField label="To (inclusive)" type="date" autoComplete="off" value={sp.get("to") ?? ""} onChange={(v) => setText("to", v)} />
        </BlockStack>
      ),
    },
  ];

  const bulkData = bulk.data;
  const rows = items.map((r, index) => (
    <IndexTable.Row id={r.id} key={r.id} position={index} selected={selectedResources.includes(r.id)} onClick={() => navigate(`/app/requests/${r.id}`)}>
      <IndexTable.Cell>
        <Text as="span" fontWeight="semibold">
          {r.orderName}
        </Text>
      </IndexTable.Cell>
      <IndexTable.Cell>{r.customer ?? "Guest"}</IndexTable.Cell>
      <IndexTable.Cell>{new Date(r.createdAt).toLocaleDateString("en", { timeZone, day: "numeric", month: "short", year: "numeric" })}</IndexTable.Cell>
      <IndexTable.Cell>
        <Badge tone={STATUS_TONE[r.status]}>{label(STATUS_LABEL, r.status)}</Badge>
      </IndexTable.Cell>
      <IndexTable.Cell>{r.reasons.map((x) => label(REASON_LABEL, x)).join(", ")}</IndexTable.Cell>
      <IndexTable.Cell>
        <InlineStack gap="100">
          {r.flags.length === 0 ? (
            <Badge tone="success">Meets policy</Badge>
          ) : (
            r.flags.map((f) => (
              <Badge key={f} tone="warning">
                {label(CODE_LABEL, f)}
              </Badge>
            ))
          )}
          {r.lastError && <Badge tone="critical">Shopify error</Badge>}
        </InlineStack>
      </IndexTable.Cell>
      <IndexTable.Cell>
        <Text as="span" alignment="end" numeric>
          {r.quantity}
        </Text>
      </IndexTable.Cell>
      <IndexTable.Cell>
        <Text as="span" alignment="end" numeric>
          {formatMoney(r.refundMinor, r.currency)}
        </Text>
      </IndexTable.Cell>
    </IndexTable.Row>
  ));

  return (
    <Page fullWidth>
      <TitleBar title="Return requests" />
      {/* the admin's title bar shows the title; this h1 keeps the page's outline for assistive tech */}
      <Text as="h1" variant="headingLg" visuallyHidden>
        Return requests
      </Text>
      <Layout>
        {error && (
          <Layout.Section>
            <Banner tone="critical" title="These filters can't be used">
              <p>
                {error.field}: {error.message}
              </p>
            </Banner>
          </Layout.Section>
        )}
        {bulkData && (
          <Layout.Section>
            {bulkData.ok ? (
              <Banner
                tone={bulkData.results.some((r) => r.outcome === "failed") ? "warning" : "success"}
                title={`${bulkData.intent === "approve" ? "Approve" : "Decline"}: ${bulkData.results.filter((r) => r.outcome === "done").length} done, ${
                  bulkData.results.filter((r) => r.outcome === "skipped").length
                } skipped, ${bulkData.results.filter((r) => r.outcome === "failed").length} failed`}
              >
                <List>
                  {bulkData.results.map((r) => (
                    <List.Item key={r.id}>
                      {r.orderName ?? r.id}: {r.message}
                    </List.Item>
                  ))}
                </List>
              </Banner>
            ) : (
              <Banner tone="critical" title="Nothing was changed">
                <p>{bulkData.message}</p>
              </Banner>
            )}
          </Layout.Section>
        )}
        <Layout.Section>
          <Card padding="0">
            <Filters
              queryValue={q}
              queryPlaceholder="Search by order (#1001) or customer name"
              filters={filters}
              appliedFilters={appliedFilters}
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
                { title: "Items", alignment: "end" },
                { title: "Refund", alignment: "end" },
              ]}
              pagination={{ hasNext: page.nextCursor !== null, onNext, hasPrevious, onPrevious }}
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
              {rows}
            </IndexTable>
          </Card>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
