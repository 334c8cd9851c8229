// One card of the policy editor: a title, help, the fields, and the errors under it.
import { Banner, BlockStack, Card, List, Text } from "@shopify/polaris";
import type { ReactNode } from "react";

export function Part({ title, help, errors, children }: { title: string; help?: string; errors?: string[]; children: ReactNode }) {
  return (
    <Card>
      <BlockStack gap="300">
        <BlockStack gap="100">
          <Text as="h2" variant="headingMd">
            {title}
          </Text>
          {help && (
            <Text as="p" tone="subdued">
              {help}
            </Text>
          )}
        </BlockStack>
        {children}
        {errors && errors.length > 0 && (
          <Banner tone="critical">
            <List>
              {errors.map((e) => (
                <List.Item key={e}>{e}</List.Item>
              ))}
            </List>
          </Banner>
        )}
      </BlockStack>
    </Card>
  );
}
