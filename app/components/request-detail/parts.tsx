// Building blocks of the request detail screen: a titled card, one action's form, the result banner.
import { useFetcher } from "@remix-run/react";
import { Banner, BlockStack, Box, Button, Card, InlineStack, Text } from "@shopify/polaris";
import type { ReactNode } from "react";
import type { StaffIntentAnswer } from "~/services/staff/screen";

export function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          {title}
        </Text>
        {children}
      </BlockStack>
    </Card>
  );
}

/** One keyed fetcher for every action on the page: the page (which stays mounted when the status moves
 * on and a form disappears) reads its answer. */
export const ACTION_FETCHER = "request-action";

export function ActionForm({
  intent,
  title,
  children,
  submitLabel,
  tone,
}: {
  intent: string;
  title: string;
  children?: ReactNode;
  submitLabel: string;
  tone?: "critical";
}) {
  const fetcher = useFetcher<StaffIntentAnswer>({ key: ACTION_FETCHER });
  return (
    <fetcher.Form method="post">
      <input type="hidden" name="intent" value={intent} />
      <BlockStack gap="200">
        {title && (
          <Text as="h3" variant="headingSm">
            {title}
          </Text>
        )}
        {children}
        <InlineStack align="start">
          <Button
            submit
            tone={tone}
            variant={tone ? "primary" : "secondary"}
            loading={fetcher.state !== "idle" && fetcher.formData?.get("intent") === intent}
            disabled={fetcher.state !== "idle"}
          >
            {submitLabel}
          </Button>
        </InlineStack>
      </BlockStack>
    </fetcher.Form>
  );
}

/** What a support person needs (Shopify's raw answer), folded away from the merchant's words. */
export function SupportDetails({ lines }: { lines: string[] }) {
  const shown = [...new Set(lines.filter(Boolean))];
  if (shown.length === 0) return null;
  return (
    <details>
      <summary>Details for support</summary>
      <Box paddingBlockStart="100">
        <BlockStack gap="050">
          {shown.map((l) => (
            <Text key={l} as="p" variant="bodySm" tone="subdued" breakWord>
              {l}
            </Text>
          ))}
        </BlockStack>
      </Box>
    </details>
  );
}

export function ResultBanner({ answer, onDismiss }: { answer: StaffIntentAnswer; onDismiss: () => void }) {
  if (answer.ok) return <Banner tone="success" title={answer.message} onDismiss={onDismiss} />;
  return (
    <Banner tone="critical" title="That didn't go through" onDismiss={onDismiss}>
      <BlockStack gap="100">
        <p>{answer.message}</p>
        <SupportDetails lines={answer.shopifyErrors.filter((e) => e !== answer.message)} />
      </BlockStack>
    </Banner>
  );
}
