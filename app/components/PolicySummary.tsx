// A policy in plain words, section by section: on the home screen's preset choice and beside the policy editor.
import { BlockStack, Text } from "@shopify/polaris";
import type { PolicySummarySection } from "~/returns/summary";

export function PolicySummary({ sections }: { sections: PolicySummarySection[] }) {
  return sections.map((s) => (
    <BlockStack key={s.heading} gap="100">
      <Text as="h3" variant="headingSm">
        {s.heading}
      </Text>
      {s.paragraphs.map((para) => (
        <Text key={para} as="p">
          {para}
        </Text>
      ))}
    </BlockStack>
  ));
}
