// Building blocks of the request detail screen: a titled card, one action's form, the result banner.
import { useFetcher } from "@remix-run/react";
import { Banner, BlockStack, Button, Card, InlineStack, List, Text } from "@shopify/polaris";
import { useState, type ReactNode } from "react";
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
  primary = false,
  confirm,
}: {
  intent: string;
  title: string;
  children?: ReactNode;
  submitLabel: string;
  tone?: "critical";
  primary?: boolean;
  /** money moves: the button first asks this question, and only "Confirm" sends the form */
  confirm?: string;
}) {
  const fetcher = useFetcher<StaffIntentAnswer>({ key: ACTION_FETCHER });
  const [asking, setAsking] = useState(false);
  const busy = fetcher.state !== "idle";
  return (
    <fetcher.Form method="post" onSubmit={() => setAsking(false)}>
      <input type="hidden" name="intent" value={intent} />
      <BlockStack gap="200">
        {title && (
          <Text as="h3" variant="headingSm">
            {title}
          </Text>
        )}
        {children}
        {confirm && asking ? (
          <BlockStack gap="200">
            <Text as="p" fontWeight="semibold">
              {confirm}
            </Text>
            <InlineStack gap="200">
              <Button submit variant="primary" loading={busy && fetcher.formData?.get("intent") === intent} disabled={busy}>
                Confirm
              </Button>
              <Button onClick={() => setAsking(false)} disabled={busy}>
                Cancel
              </Button>
            </InlineStack>
          </BlockStack>
        ) : (
          <InlineStack align="start">
            <Button
              submit={!confirm}
              onClick={confirm ? () => setAsking(true) : undefined}
              tone={tone}
              variant={tone || primary ? "primary" : "secondary"}
              loading={busy && fetcher.formData?.get("intent") === intent}
              disabled={busy}
            >
              {submitLabel}
            </Button>
          </InlineStack>
        )}
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
