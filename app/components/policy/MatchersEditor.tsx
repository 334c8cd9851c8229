// The matchers of an exclusion rule or warranty: what kind of item, which values.
import { BlockStack, Button, InlineError, InlineGrid, InlineStack, Select, TextField } from "@shopify/polaris";
import type { Matcher } from "~/returns";
import { MATCHER_KINDS, makeMatcher, matcherValues } from "./draft";

export function MatchersEditor({
  matchers,
  onChange,
  error,
}: {
  matchers: Matcher[];
  onChange: (m: Matcher[]) => void;
  error?: string;
}) {
  return (
    <BlockStack gap="200">
      {matchers.map((m, i) => (
        <InlineGrid key={i} columns="1fr 2fr auto" gap="200" alignItems="end">
          <Select
            label="Matches"
            labelHidden={i > 0}
            options={MATCHER_KINDS}
            value={m.kind}
            onChange={(k) => onChange(matchers.map((x, j) => (j === i ? makeMatcher(k as Matcher["kind"], matcherValues(x)) : x)))}
          />
          <TextField
            label="Values (comma separated)"
            labelHidden={i > 0}
            autoComplete="off"
            disabled={m.kind === "giftCard" || m.kind === "onSale"}
            placeholder={m.kind === "lineItemProperty" ? "any property" : "final-sale, clearance"}
            value={matcherValues(m)}
            onChange={(v) => onChange(matchers.map((x, j) => (j === i ? makeMatcher(x.kind, v) : x)))}
          />
          <Button onClick={() => onChange(matchers.filter((_, j) => j !== i))} accessibilityLabel="Remove matcher">
            Remove
          </Button>
        </InlineGrid>
      ))}
      <InlineStack>
        <Button variant="plain" onClick={() => onChange([...matchers, { kind: "tag", values: [] } as unknown as Matcher])}>
          Add a matcher
        </Button>
      </InlineStack>
      {error && <InlineError message={error} fieldID="" />}
    </BlockStack>
  );
}
