// Money against Shopify's books: the latest reconciliation run, and every request whose refund, store
// credit or fees differ from what Shopify's record shows, with both figures. Shopify's record is the truth
// (decision 160): the list says what differs; staff fix it at Shopify or on the request.
import { Form, Link as RemixLink, useNavigation } from "@remix-run/react";
import { Banner, BlockStack, Button, Card, DataTable, Page, Text } from "@shopify/polaris";
import { formatMoney } from "~/returns";
import type { ReconciliationRun } from "~/services/reconcile";
import { ScreenTitle } from "~/components/ScreenTitle";

export const RUN_RECONCILIATION = "run";

export interface ReconciliationAnswer {
  ok: boolean;
  message: string;
}

function when(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short", timeZone }).format(new Date(iso));
}

export function ReconciliationPage({ run, timeZone, result }: { run: ReconciliationRun | null; timeZone: string; result?: ReconciliationAnswer }) {
  const nav = useNavigation();
  const rows = (run?.drift ?? []).map((d) => [
    <RemixLink key={d.requestId} to={`/app/requests/${d.requestId}`}>
      {d.orderName}
    </RemixLink>,
    d.app.settled ? formatMoney(d.app.refundMinor, d.currency) : "Nothing given back",
    formatMoney(d.shopify.refundedMinor + d.shopify.outsideReturnMinor, d.currency),
    d.drift.map((x) => x.message).join(" "),
  ]);
  return (
    <Page>
      <ScreenTitle title="Money compared with Shopify" />
      <BlockStack gap="400">
        {result && (
          <Banner tone={result.ok ? "info" : "critical"}>
            <p>{result.message}</p>
          </Banner>
        )}
        <Card>
          <BlockStack gap="300">
            <Text as="p">
              {run
                ? `Last checked ${when(run.at, timeZone)}: ${run.checked} ${run.checked === 1 ? "request" : "requests"} compared with Shopify's refunds, ${run.drifted} ${run.drifted === 1 ? "differs" : "differ"}.`
                : "Not checked yet. Compare every request's refund, store credit and fees with what Shopify shows."}
            </Text>
            <Text as="p" tone="subdued">
              The app checks by itself a few minutes after a refund or store credit, and again every day.
            </Text>
            {run && run.missing > 0 && <Text as="p" tone="caution">{`${run.missing} ${run.missing === 1 ? "request points" : "requests point"} to a return Shopify no longer has.`}</Text>}
            <Form method="post">
              <input type="hidden" name="intent" value={RUN_RECONCILIATION} />
              <Button submit loading={nav.state === "submitting"}>
                Check now
              </Button>
            </Form>
          </BlockStack>
        </Card>
        {run && rows.length > 0 && (
          <Card padding="0">
            <DataTable
              columnContentTypes={["text", "numeric", "numeric", "text"]}
              headings={["Order", "The app shows", "Shopify shows", "What differs"]}
              rows={rows}
            />
          </Card>
        )}
        {run && rows.length === 0 && (
          <Banner tone="success">
            <p>Every request's money matches Shopify's records.</p>
          </Banner>
        )}
      </BlockStack>
    </Page>
  );
}
