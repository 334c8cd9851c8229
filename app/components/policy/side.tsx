// The policy editor's side column: the policy in plain words, "try it" on a real order, the versions.
import { useFetcher } from "@remix-run/react";
import { Badge, Banner, BlockStack, Box, Button, Card, InlineStack, List, Select, Text, TextField } from "@shopify/polaris";
import { useState } from "react";
import { REASONS } from "~/returns";
import type { PolicySummarySection } from "~/returns/summary";
import type { TryItResult } from "~/services/admin-views/policy-editor";
import { CODE_LABEL, REASON_LABEL, label } from "~/components/labels";
import { PolicySummary } from "~/components/PolicySummary";

/** The action's answer to "try". */
export type TryAnswer = { ok: true; intent: "try"; result: TryItResult } | { ok: false; intent: "try"; field: string; message: string };

export function PlainWords({ valid, summary, errors }: { valid: boolean; summary: PolicySummarySection[] | null; errors: Record<string, string> }) {
  return (
    <Card>
      <BlockStack gap="300">
        <InlineStack align="space-between">
          <Text as="h2" variant="headingMd">
            As shoppers will read it
          </Text>
          {valid ? <Badge tone="success">Valid</Badge> : <Badge tone="critical">{`${Object.keys(errors).length} to fix`}</Badge>}
        </InlineStack>
        {summary ? (
          <PolicySummary sections={summary} />
        ) : (
          <List>
            {Object.entries(errors).slice(0, 8).map(([f, m]) => (
              <List.Item key={f}>
                {f}: {m}
              </List.Item>
            ))}
          </List>
        )}
      </BlockStack>
    </Card>
  );
}

export function TryIt({ effective, valid }: { effective: unknown; valid: boolean }) {
  const tryIt = useFetcher<TryAnswer>();
  const [orderName, setOrderName] = useState("");
  const [tryReason, setTryReason] = useState<string>("UNWANTED");
  const onTry = () => tryIt.submit({ intent: "try", policy: JSON.stringify(effective), orderName, reason: tryReason }, { method: "post" });
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          Try it on an order
        </Text>
        <Text as="p" tone="subdued">
          Judges a real order against this draft, as if the shopper asked today. Nothing is saved or sent.
        </Text>
        <TextField
          label="Order"
          placeholder="#1001"
          autoComplete="off"
          value={orderName}
          onChange={setOrderName}
          error={tryIt.data && !tryIt.data.ok && tryIt.data.field === "orderName" ? tryIt.data.message : undefined}
        />
        <Select label="Reason" options={REASONS.map((r) => ({ value: r, label: label(REASON_LABEL, r) }))} value={tryReason} onChange={setTryReason} />
        <InlineStack>
          <Button onClick={onTry} loading={tryIt.state !== "idle"} disabled={!valid}>
            Try it
          </Button>
        </InlineStack>
        {tryIt.data && !tryIt.data.ok && tryIt.data.field !== "orderName" && (
          <Banner tone="critical">
            <p>{tryIt.data.message}</p>
          </Banner>
        )}
        {tryIt.data?.ok && <TryResult result={tryIt.data.result} />}
      </BlockStack>
    </Card>
  );
}

export function Versions({ versions, activeVersion }: {
  versions: { version: number; createdAt: string; presetId: string | null; appliesToEarlierOrders?: boolean }[];
  activeVersion: number | null;
}) {
  return (
    <Card>
      <BlockStack gap="200">
        <Text as="h2" variant="headingMd">
          Versions
        </Text>
        {versions.length === 0 && <Text as="p" tone="subdued">None saved yet.</Text>}
        {versions.map((v) => (
          <InlineStack key={v.version} align="space-between">
            <Text as="span" fontWeight={v.version === activeVersion ? "semibold" : "regular"}>
              Version {v.version}
              {v.appliesToEarlierOrders ? " (also for earlier orders)" : ""}
            </Text>
            <Text as="span" tone="subdued">
              {new Date(v.createdAt).toLocaleDateString("en", { day: "numeric", month: "short", year: "numeric" })}
            </Text>
          </InlineStack>
        ))}
      </BlockStack>
    </Card>
  );
}

function TryResult({ result }: { result: TryItResult }) {
  const ev = result.evaluation;
  return (
    <BlockStack gap="300">
      <Text as="h3" variant="headingSm">
        {result.orderName}
      </Text>
      {result.lines.map((l) => {
        const d = ev?.lines.find((x) => x.lineId === l.lineId);
        return (
          <Box key={l.lineId} padding="200" background="bg-surface-secondary" borderRadius="200">
            <BlockStack gap="100">
              <InlineStack align="space-between" wrap={false}>
                <Text as="span" fontWeight="semibold">
                  {l.title}
                </Text>
                {d ? (
                  d.eligible ? (
                    <Badge tone="success">Accepted</Badge>
                  ) : (
                    <Badge tone="warning">Refused</Badge>
                  )
                ) : (
                  <Badge>{l.quantityLeft === 0 ? "Nothing left to return" : "—"}</Badge>
                )}
              </InlineStack>
              <Text as="p" variant="bodySm">
                {d ? d.explanation : l.explanation}
              </Text>
              {d && d.codes.length > 0 && (
                <Text as="p" variant="bodySm" tone="critical">
                  {d.codes.map((c) => label(CODE_LABEL, c)).join(", ")}
                </Text>
              )}
              <Text as="p" variant="bodySm" tone="subdued">
                Open reasons today: {l.reasons.length ? l.reasons.map((r) => label(REASON_LABEL, r.reason)).join(", ") : "none"}
              </Text>
            </BlockStack>
          </Box>
        );
      })}
      {ev && (
        <Text as="p" variant="bodySm" tone="subdued">
          With this policy the app would {ev.decision === "review" ? "send it to staff for review" : ev.decision === "approve" ? "approve it" : "decline it"}.
        </Text>
      )}
    </BlockStack>
  );
}
