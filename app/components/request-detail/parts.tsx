// Building blocks of the request detail screen: a titled card, one action's form, the result banner.
import { useFetcher } from "@remix-run/react";
import { Banner, BlockStack, Button, Card, InlineStack, List, Text } from "@shopify/polaris";
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

export function ResultBanner({ answer, onDismiss }: { answer: StaffIntentAnswer; onDismiss: () => void }) {
  if (answer.ok) return <Banner tone="success" title={answer.message} onDismiss={onDismiss} />;
  return (
    <Banner tone="critical" title="Shopify did not accept this" onDismiss={onDismiss}>
      <BlockStack gap="100">
        <p>
          {answer.field ? `${answer.field}: ` : ""}
          {answer.message}
        </p>
        {answer.shopifyErrors.some((e) => e !== answer.message) && (
          <List>
            {answer.shopifyErrors.filter((e) => e !== answer.message).map((e) => (
              <List.Item key={e}>{e}</List.Item>
            ))}
          </List>
        )}
      </BlockStack>
    </Banner>
  );
}
