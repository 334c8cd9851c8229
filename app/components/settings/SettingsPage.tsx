// Settings: whether Shopify emails the customer on our actions, and who decides new requests (read only).
import { useFetcher } from "@remix-run/react";
import { Banner, BlockStack, Button, Card, Checkbox, InlineStack, Layout, Page, Text } from "@shopify/polaris";
import { useAppBridge } from "@shopify/app-bridge-react";
import { useEffect, useState } from "react";
import type { SettingsAnswer } from "~/services/staff/settings";
import { ScreenTitle } from "~/components/ScreenTitle";

const MODE_WORDS: Record<string, string> = {
  manual: "Staff review every request.",
  auto_approve_eligible: "Requests that meet your policy are approved straight away; staff review the rest.",
  auto_approve_and_decline: "Requests that meet your policy are approved straight away, and requests that clearly don't are declined.",
};

/**
 * Settings: whether Shopify emails the customer, and what happens to new requests. Who decides is one
 * switch, on the Policy page ("Who decides"); this page says what it is set to and links there, so the
 * two can't disagree.
 */
export function SettingsPage({
  settings,
  policyMode,
}: {
  settings: { notifyCustomer: boolean; autoApproval: boolean };
  policyMode: string | null;
}) {
  const fetcher = useFetcher<SettingsAnswer>();
  const [notify, setNotify] = useState(settings.notifyCustomer);
  const shopify = useAppBridge();
  useEffect(() => {
    if (fetcher.state === "idle" && fetcher.data) shopify.toast.show(fetcher.data.ok ? "Settings saved" : "Settings not saved", { isError: !fetcher.data.ok });
  }, [fetcher.state, fetcher.data]);
  const dirty = notify !== settings.notifyCustomer;
  const save = () => fetcher.submit({ notifyCustomer: String(notify) }, { method: "post" });
  // what really happens: automation acts only when the shop's switch and the policy agree
  const mode = policyMode && settings.autoApproval ? policyMode : "manual";
  return (
    <Page primaryAction={{ content: "Save", onAction: save, disabled: !dirty, loading: fetcher.state !== "idle" }}>
      <ScreenTitle title="Settings" />
      <Layout>
        {fetcher.data && fetcher.state === "idle" && (
          <Layout.Section>
            {fetcher.data.ok ? (
              <Banner tone="success" title="Settings saved" />
            ) : (
              <Banner tone="critical" title="Settings were not saved">
                <p>{fetcher.data.message}</p>
              </Banner>
            )}
          </Layout.Section>
        )}
        <Layout.AnnotatedSection title="Customer emails" description="The app sends no email of its own. Shopify emails the customer when you approve or decline a return, if you want it to.">
          <Card>
            <Checkbox
              label="Email the customer when a return is approved or declined"
              helpText="You can still change this for a single request on its page."
              checked={notify}
              onChange={setNotify}
            />
          </Card>
        </Layout.AnnotatedSection>
        <Layout.AnnotatedSection title="Who decides new requests" description="Set on the Policy page, under “Who decides”, so the policy and this page always agree.">
          <Card>
            <BlockStack gap="200">
              <Text as="p">{policyMode ? MODE_WORDS[mode] ?? MODE_WORDS.manual : "Staff review every request. Save a policy to let it approve requests for you."}</Text>
              <InlineStack>
                <Button url="/app/policy">Change on the Policy page</Button>
              </InlineStack>
            </BlockStack>
          </Card>
        </Layout.AnnotatedSection>
      </Layout>
    </Page>
  );
}
