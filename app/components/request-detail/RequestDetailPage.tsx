// One return request: what was asked, the engine's verdict rule by rule, the money, the timeline, and the
// staff actions the request's status offers.
import { useFetcher } from "@remix-run/react";
import { Badge, Banner, BlockStack, Layout, Page } from "@shopify/polaris";
import { TitleBar, useAppBridge } from "@shopify/app-bridge-react";
import { useEffect, useState } from "react";
import type { StaffAction } from "~/returns/request-state";
import type { RequestDetail } from "~/services/admin-views/detail";
import type { StaffIntentAnswer } from "~/services/staff/screen";
import type { ScreenStock } from "~/services/staff/exchange-stock";
import { STATUS_LABEL, STATUS_TONE, label } from "~/components/labels";
import { Actions, Money } from "./Actions";
import { Items, Timeline } from "./Items";
import { CustomerHistory } from "./CustomerHistory";
import { ACTION_FETCHER, ActionForm, ResultBanner, SupportDetails } from "./parts";

export interface RequestDetailProps {
  detail: RequestDetail;
  actions: readonly StaffAction[];
  notifyCustomer: boolean;
  timeZone: string;
  suggestedDeclineReason: string;
  /** a replacement or exchange waiting for approval: its new items' stock now (decision 170) */
  exchangeStock?: ScreenStock | null;
}

export function RequestDetailPage({ detail, actions, notifyCustomer, timeZone, suggestedDeclineReason, exchangeStock = null }: RequestDetailProps) {
  const r = detail.request;
  const action = useFetcher<StaffIntentAnswer>({ key: ACTION_FETCHER });
  const [last, setLast] = useState<StaffIntentAnswer | null>(null);
  const shopify = useAppBridge();
  useEffect(() => {
    if (action.state !== "idle" || !action.data) return;
    setLast(action.data);
    shopify.toast.show(action.data.ok ? action.data.message : "That didn't go through", { isError: !action.data.ok });
  }, [action.state, action.data]);
  const when = (iso: string) =>
    new Date(iso).toLocaleString("en", { timeZone, day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit" });

  return (
    <Page
      backAction={{ content: "Return requests", url: "/app/requests" }}
      title={`Return for ${r.orderName}`}
      titleMetadata={<Badge tone={STATUS_TONE[detail.shownStatus]}>{label(STATUS_LABEL, detail.shownStatus)}</Badge>}
      subtitle={`Requested ${when(r.createdAt)}${r.customerDisplayName ? ` by ${r.customerDisplayName}` : ""}`}
    >
      <TitleBar title={`Return for ${r.orderName}`} />
      <Layout>
        {last && !(last.ok === false && detail.failure) && (
          <Layout.Section>
            <ResultBanner answer={last} onDismiss={() => setLast(null)} />
          </Layout.Section>
        )}
        {detail.failure && (
          <Layout.Section>
            <Banner tone="critical" title={detail.failure.title}>
              <BlockStack gap="200">
                <p>{detail.failure.body}</p>
                <SupportDetails lines={[detail.failure.support, ...supportErrors(detail)]} />
                <ActionForm intent="retry" title="" submitLabel="Retry the last action" />
              </BlockStack>
            </Banner>
          </Layout.Section>
        )}
        <Layout.Section>
          <BlockStack gap="400">
            <CustomerHistory detail={detail} />
            <Items detail={detail} when={when} />
            <Timeline detail={detail} when={when} />
          </BlockStack>
        </Layout.Section>
        <Layout.Section variant="oneThird">
          <BlockStack gap="400">
            <Money detail={detail} stock={exchangeStock} />
            <Actions
              status={r.status}
              actions={actions}
              notifyCustomer={notifyCustomer}
              suggestedDeclineReason={suggestedDeclineReason}
              advice={detail.verdict.decision}
              money={detail.money}
              exchangeKind={detail.exchange?.kind ?? null}
              blocked={detail.screening?.outcome === "blocked"}
              approveRefused={exchangeStock && "refusal" in exchangeStock ? exchangeStock.refusal : null}
            />
          </BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}

/** Shopify's own error lines on the latest failed step, for support. */
function supportErrors(detail: RequestDetail): string[] {
  const failed = [...detail.events].reverse().find((e) => e.failed);
  return failed ? failed.shopifyErrors : [];
}
