import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { BlockStack, Box, Card, InlineGrid, Layout, List, Page, Text } from "@shopify/polaris";
import { authenticate } from "~/shopify.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  // Placeholder counts until the returns repositories are wired in.
  return {
    shop: session.shop,
    counts: { requested: 0, open: 0, closed: 0 },
  };
};

export default function Index() {
  const { shop, counts } = useLoaderData<typeof loader>();
  const tiles: { label: string; value: number }[] = [
    { label: "Requested", value: counts.requested },
    { label: "Open", value: counts.open },
    { label: "Closed", value: counts.closed },
  ];
  return (
    <Page title="Returns">
      <Layout>
        <Layout.Section>
          <InlineGrid columns={3} gap="400">
            {tiles.map((t) => (
              <Card key={t.label}>
                <BlockStack gap="200">
                  <Text as="h2" variant="headingSm">
                    {t.label}
                  </Text>
                  <Text as="p" variant="heading2xl">
                    {t.value}
                  </Text>
                </BlockStack>
              </Card>
            ))}
          </InlineGrid>
        </Layout.Section>
        <Layout.Section>
          <Card>
            <BlockStack gap="300">
              <Text as="h2" variant="headingMd">
                Get started
              </Text>
              <Text as="p">
                Returns for {shop} are checked against your return policy before they reach you.
              </Text>
              <Box paddingInlineStart="200">
                <List type="number">
                  <List.Item>Write your return policy (windows, final-sale tags, fees).</List.Item>
                  <List.Item>Add the returns block to the customer account order page.</List.Item>
                  <List.Item>Review requests here; approved returns are refunded or credited once.</List.Item>
                </List>
              </Box>
            </BlockStack>
          </Card>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
