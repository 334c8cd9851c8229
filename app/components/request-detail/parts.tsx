// Building blocks of the request detail screen: a titled card, one action's form, the result banner.
import { useFetcher } from "@remix-run/react";
import { Banner, BlockStack, Box, Button, Card, InlineStack, Modal, Text } from "@shopify/polaris";
import { useRef, useState, type ReactNode } from "react";
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

/** A question asked before the form is sent (money moves, a decline): the form goes only on "confirm". */
export interface Confirm {
  title: string;
  body: ReactNode;
  confirmLabel: string;
  destructive?: boolean;
}

export function ActionForm({
  intent,
  title,
  children,
  submitLabel,
  tone,
  primary,
  confirm,
  disabled = false,
}: {
  intent: string;
  title: string;
  children?: ReactNode;
  submitLabel: string;
  tone?: "critical";
  /** the action the screen recommends (e.g. Approve when the policy advises approval) */
  primary?: boolean;
  confirm?: Confirm;
  /** the action cannot succeed now (the reason is shown beside it) */
  disabled?: boolean;
}) {
  const fetcher = useFetcher<StaffIntentAnswer>({ key: ACTION_FETCHER });
  const formRef = useRef<HTMLFormElement>(null);
  const [asking, setAsking] = useState(false);
  const busy = fetcher.state !== "idle";
  const loading = busy && fetcher.formData?.get("intent") === intent;
  return (
    <fetcher.Form method="post" ref={formRef}>
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
            submit={!confirm}
            onClick={confirm ? () => setAsking(true) : undefined}
            tone={tone}
            variant={(primary ?? Boolean(tone)) ? "primary" : "secondary"}
            loading={loading}
            disabled={busy || disabled}
          >
            {submitLabel}
          </Button>
        </InlineStack>
      </BlockStack>
      {confirm && (
        <Modal
          open={asking}
          onClose={() => setAsking(false)}
          title={confirm.title}
          primaryAction={{
            content: confirm.confirmLabel,
            destructive: confirm.destructive,
            onAction: () => {
              setAsking(false);
              if (formRef.current) fetcher.submit(formRef.current);
            },
          }}
          secondaryActions={[{ content: "Go back", onAction: () => setAsking(false) }]}
        >
          <Modal.Section>{confirm.body}</Modal.Section>
        </Modal>
      )}
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
