// Settings: whether Shopify emails the customer on our actions, auto-approval, default resolution.
import { useFetcher } from "@remix-run/react";
import { Banner, BlockStack, Card, Checkbox, Layout, Page, Select, Text } from "@shopify/polaris";
import { useAppBridge } from "@shopify/app-bridge-react";
import { useEffect, useState } from "react";
import type { SettingsAnswer } from "~/services/staff/settings";
import { ScreenTitle } from "~/components/ScreenTitle";

const MODE_WORDS: Record<string, string> = {
  manual: "staff review every request",
  auto_approve_eligible: "requests that meet the policy are approved, the rest go to staff",
  auto_approve_and_decline: "requests that meet the policy are approved and the others declined",
};

export function SettingsPage({
  settings,
  policyMode,
}: {
  settings: { notifyCustomer: boolean; autoApproval: boolean; defaultResolution: string };
  policyMode: string | null;
}) {
  const fetcher = useFetcher<SettingsAnswer>();
  const [notify, setNotify] = useState(settings.notifyCustomer);
  const [auto, setAuto] = useState(settings.autoApproval);
  const [resolution, setResolution] = useState<string>(settings.defaultResolution);
  const shopify = useAppBridge();
  useEffect(() => {
    if (fetcher.state === "idle" && fetcher.data) shopify.toast.show(fetcher.data.ok ? "Settings saved" : "Settings not saved", { isError: !fetcher.data.ok });
  }, [fetcher.state, fetcher.data]);
  const dirty = notify !== settings.notifyCustomer || auto !== settings.autoApproval || resolution !== settings.defaultResolution;
  const save = () =>
    fetcher.submit({ notifyCustomer: String(notify), autoApproval: String(auto), defaultResolution: resolution }, { method: "post" });
  return (
    <Page
      primaryAction={{ content: "Save", onAction: save, disabled: !dirty, loading: fetcher.state !== "idle" }}
    >
      <ScreenTitle title="Settings" />
      <Layout>
        {fetcher.data && fetcher.state === "idle" && (
          <Layout.Section>
            {fetcher.data.ok ? (
              <Banner tone="success" title="Settings saved" />
            ) : (
              <Banner tone="critical" title="Settings were not saved">
                <p>
                  {fetcher.data.field}: {fetcher.data.message}
                </p>
              </Banner>
            )}
          </Layout.Section>
        )}
        <Layout.AnnotatedSection title="Customer notifications" description="The app sends no email of its own; Shopify emails the customer when asked to.">
          <Card>
            <Checkbox
              label="Ask Shopify to notify the customer when a return is approved or declined"
              helpText="Passed as notifyCustomer on Shopify's return mutations."
              checked={notify}
              onChange={setNotify}
            />
          </Card>
        </Layout.AnnotatedSection>
        <Layout.AnnotatedSection
          title="Auto-approval"
          description="When this is on, your policy's review setting decides new requests (approve the ones that meet the policy, and decline clear refusals if the policy says so); when it is off, every request waits for staff."
        >
          <Card>
            <BlockStack gap="200">
              <Checkbox
                label="Let the policy decide new requests automatically"
                helpText={
                  policyMode
                    ? `Your policy says: ${MODE_WORDS[policyMode] ?? policyMode}. Change that on the Policy page.`
                    : "Set a policy first; its review setting says what is decided automatically."
                }
                checked={auto}
                onChange={setAuto}
              />
              {auto && policyMode === "manual" && (
                <Text as="p" tone="subdued">
                  Your policy has staff review every request, so nothing is decided automatically until you change it on the Policy page.
                </Text>
              )}
            </BlockStack>
          </Card>
        </Layout.AnnotatedSection>
        <Layout.AnnotatedSection title="Default resolution" description="Offered first to shoppers, and used when a request does not say.">
          <Card>
            <Select
              label="Default resolution"
              options={[
                { value: "refund", label: "Refund to the original payment" },
                { value: "store_credit", label: "Store credit" },
                { value: "exchange", label: "Exchange" },
              ]}
              value={resolution}
              onChange={setResolution}
            />
          </Card>
        </Layout.AnnotatedSection>
      </Layout>
    </Page>
  );
}
