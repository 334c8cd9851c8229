// After a save: what really happens. A version judges return requests on orders placed while it is in
// force; earlier orders keep the version in force when they were placed, and requests already made keep
// their verdict. A more generous version can be applied to earlier orders too (the server checks it is
// more generous, and says why not when it isn't).
import { useFetcher } from "@remix-run/react";
import { Banner, BlockStack, Button, InlineStack, List, Modal, Text } from "@shopify/polaris";
import { useState } from "react";

/** The action's answer to "apply to earlier orders". */
export type ApplyEarlierAnswer =
  | { ok: true; intent: "apply-earlier"; version: number }
  | { ok: false; intent: "apply-earlier"; field: string; message: string; stricter?: string[] };

const day = (iso: string) => new Date(iso).toLocaleDateString("en", { day: "numeric", month: "long", year: "numeric" });

export function SaveBanner({
  version,
  versions,
  onDismiss,
}: {
  version: number;
  /** newest first, as the loader lists them */
  versions: { version: number; createdAt: string; appliesToEarlierOrders?: boolean }[];
  onDismiss: () => void;
}) {
  const apply = useFetcher<ApplyEarlierAnswer>();
  const [asking, setAsking] = useState(false);
  const earlier = versions.filter((v) => v.version < version);
  const saved = versions.find((v) => v.version === version);
  const applied = saved?.appliesToEarlierOrders === true || (apply.data?.ok === true && apply.data.version === version);
  return (
    <Banner tone="success" title={`Saved as version ${version}`} onDismiss={onDismiss}>
      <BlockStack gap="200">
        <p>
          {applied || earlier.length === 0
            ? `Version ${version} judges new return requests on every order, including orders placed before it was saved${earlier.length === 0 ? " (it is your first policy)" : ""}.`
            : `Version ${version} judges return requests on orders placed from now on.`}{" "}
          {!applied && earlier.length > 0 && "Orders placed earlier keep the version that was in force when they were placed"}
          {!applied && earlier.length > 0 && (earlier.length === 1 ? ` (version ${earlier[0]!.version}).` : `, for example version ${earlier[0]!.version} for orders placed since ${day(earlier[0]!.createdAt)}.`)}{" "}
          Requests already made keep the decision they were given.
        </p>
        {!applied && earlier.length > 0 && (
          <InlineStack>
            <Button onClick={() => setAsking(true)} loading={apply.state !== "idle"}>
              {`Apply version ${version} to earlier orders too`}
            </Button>
          </InlineStack>
        )}
        {apply.data && !apply.data.ok && apply.state === "idle" && (
          <BlockStack gap="100">
            <Text as="p" tone="critical">
              {apply.data.message}
            </Text>
            {apply.data.stricter && apply.data.stricter.length > 0 && (
              <List>
                {apply.data.stricter.map((s) => (
                  <List.Item key={s}>{s}</List.Item>
                ))}
              </List>
            )}
          </BlockStack>
        )}
        <Modal
          open={asking}
          onClose={() => setAsking(false)}
          title={`Apply version ${version} to earlier orders?`}
          primaryAction={{
            content: "Apply to earlier orders",
            onAction: () => {
              setAsking(false);
              apply.submit({ intent: "apply-earlier", version: String(version) }, { method: "post" });
            },
          }}
          secondaryActions={[{ content: "Go back", onAction: () => setAsking(false) }]}
        >
          <Modal.Section>
            <BlockStack gap="200">
              <Text as="p">
                New return requests on orders placed before version {version} was saved will be judged by it. Requests already made keep their decision.
              </Text>
              <Text as="p">This is only allowed when version {version} is at least as generous as every earlier version; the app checks that first.</Text>
            </BlockStack>
          </Modal.Section>
        </Modal>
      </BlockStack>
    </Banner>
  );
}
