// What was asked, line by line, and how the policy judged each line.
import { Badge, BlockStack, Box, Divider, InlineStack, Text, Thumbnail } from "@shopify/polaris";
import type { RequestDetail } from "~/services/admin-views/detail";
import { CODE_LABEL, CONDITION_WORDS, REASON_LABEL, label, traceLabel } from "~/components/labels";
import { Section } from "./parts";

export function Items({ detail, when }: { detail: RequestDetail; when: (iso: string) => string }) {
  return (
    <Section title="Items">
      {detail.lines.map((l) => (
        <BlockStack key={l.id} gap="200">
          <InlineStack align="space-between" blockAlign="start">
            <BlockStack gap="100">
              <Text as="p" fontWeight="semibold">
                {l.title} × {l.quantity}
              </Text>
              <Text as="p" tone="subdued">
                Reason: {label(REASON_LABEL, l.reason)}
                {l.conditions.length > 0 ? ` · The customer confirms: ${l.conditions.map((c) => CONDITION_WORDS[c] ?? c.replace(/_/g, " ")).join(", ")}` : ""}
              </Text>
              {l.note && <Text as="p">“{l.note}”</Text>}
            </BlockStack>
            {l.eligible ? <Badge tone="success">Meets policy</Badge> : <Badge tone="warning">Outside policy</Badge>}
          </InlineStack>
          {l.photos.length > 0 && (
            <InlineStack gap="200">
              {l.photos.map((p) => (
                <a key={p} href={p} target="_blank" rel="noreferrer">
                  <Thumbnail source={p} alt={`Photo from the shopper for ${l.title}`} size="large" />
                </a>
              ))}
            </InlineStack>
          )}
          {l.explanation && (
            <Text as="p" tone={l.eligible ? "subdued" : "caution"}>
              {l.explanation}
            </Text>
          )}
          {l.trace.length === 0 && l.codes.length > 0 && (
            <Text as="p" variant="bodySm" tone="critical">
              {l.codes.map((c) => label(CODE_LABEL, c)).join(" · ")}
            </Text>
          )}
          {l.trace.length > 0 && (
            <Box background="bg-surface-secondary" padding="300" borderRadius="200">
              <BlockStack gap="100">
                <Text as="p" variant="bodySm" fontWeight="semibold">
                  How the policy judged it
                </Text>
                {l.trace.map((t, i) => (
                  <InlineStack key={`${t.rule}-${i}`} gap="200" wrap={false} blockAlign="start">
                    <Text as="span" tone={t.pass ? "success" : "critical"}>
                      <span aria-label={t.pass ? "Met" : "Not met"}>{t.pass ? "✓" : "✗"}</span>
                    </Text>
                    <Text as="span" variant="bodySm">
                      {traceLabel(t, when)}
                    </Text>
                  </InlineStack>
                ))}
              </BlockStack>
            </Box>
          )}
          <Divider />
        </BlockStack>
      ))}
      <Text as="p" tone="subdued">
        {detail.policy
          ? `Judged by policy version ${detail.policy.version}${detail.policy.name ? ` (${detail.policy.name})` : ""}.`
          : "No policy version was recorded for this request."}
        {detail.verdict.decision ? ` ${ADVICE[detail.verdict.decision] ?? ""}` : ""}
      </Text>
    </Section>
  );
}

const ADVICE: Record<string, string> = {
  approve: "The policy advises approving it.",
  decline: "The policy advises declining it.",
  review: "The policy leaves it to staff.",
};

export function Timeline({ detail, when }: { detail: RequestDetail; when: (iso: string) => string }) {
  return (
    <Section title="Timeline">
      {detail.events.length === 0 && <Text as="p" tone="subdued">Nothing has happened yet.</Text>}
      {detail.events.map((e) => (
        <BlockStack key={e.id} gap="050">
          <InlineStack gap="200">
            <Text as="span" fontWeight="semibold" tone={e.failed ? "critical" : undefined}>
              {e.title}
            </Text>
            <Text as="span" tone="subdued">
              {when(e.at)} · {e.actorWords}
            </Text>
          </InlineStack>
          {e.details.map((d) => (
            <Text key={d} as="p" variant="bodySm">
              {d}
            </Text>
          ))}
        </BlockStack>
      ))}
    </Section>
  );
}
