// The policy editor's blocklist (decision 190): customers, added as "the customer of order #1038" and shown
// by name or by their order (never by Shopify id), and e-mail domains. A request from a blocked customer or
// domain waits for staff, who may approve it with "Approve despite the blocklist" (an audit entry records it).
import { useFetcher } from "@remix-run/react";
import { Banner, BlockStack, Button, InlineError, InlineStack, Text, TextField } from "@shopify/polaris";
import { useEffect, useState } from "react";
import { emailDomainOf, errorsUnder, withBlocklist, type HistoryDraft } from "~/services/admin-views/policy-editor";
import type { BlockedCustomer } from "~/services/admin-views/blocklist";
import type { SectionProps } from "./acceptance";
import { Part } from "./Part";

/** The action's answer to "block the customer of this order". */
export type BlockCustomerAnswer =
  | { ok: true; intent: "block-customer"; customer: BlockedCustomer }
  | { ok: false; intent: "block-customer"; field: string; message: string };

export function Blocklist({
  draft,
  set,
  err,
  errors,
  customerLabels,
  emailAccess,
}: SectionProps & { customerLabels: Record<string, string>; emailAccess: boolean }) {
  const history = (draft.history ?? null) as HistoryDraft | null;
  const customers = history?.blocklist?.customers ?? [];
  const domains = history?.blocklist?.emailDomains ?? [];
  const change = (next: { customers: string[]; emailDomains: string[] }) => set(["history"], withBlocklist(history, next));

  const [labels, setLabels] = useState<Record<string, string>>(customerLabels);
  const [orderName, setOrderName] = useState("");
  const find = useFetcher<BlockCustomerAnswer>();
  useEffect(() => {
    if (find.state !== "idle" || !find.data?.ok) return;
    const c = find.data.customer;
    setLabels((l) => ({ ...l, [c.id]: c.label }));
    if (!customers.includes(c.id)) change({ customers: [...customers, c.id], emailDomains: domains });
    setOrderName("");
    // once per answer
  }, [find.state, find.data]);
  const findError = find.state === "idle" && find.data && !find.data.ok ? find.data.message : undefined;

  const [domainText, setDomainText] = useState("");
  const [domainError, setDomainError] = useState<string | undefined>();
  const addDomain = () => {
    try {
      const d = emailDomainOf(domainText);
      if (!domains.includes(d)) change({ customers, emailDomains: [...domains, d] });
      setDomainText("");
      setDomainError(undefined);
    } catch (e) {
      setDomainError((e as Error).message);
    }
  };

  return (
    <Part
      title="Blocked customers and e-mail domains"
      help="A return request from a customer or an e-mail domain on this list is not approved automatically: it waits for your team, who can still approve it (the request's history records who did)."
      errors={errorsUnder(errors, "history.blocklist")}
    >
      <BlockStack gap="400">
        <BlockStack gap="200">
          <Text as="h3" variant="headingSm">
            Customers
          </Text>
          {customers.length === 0 ? (
            <Text as="p" tone="subdued">
              No customer is blocked.
            </Text>
          ) : (
            customers.map((id, i) => (
              <InlineStack key={id} align="space-between" blockAlign="center" gap="200">
                <Text as="span">{labels[id] ?? `A customer with no order the app can read (${i + 1})`}</Text>
                <Button
                  onClick={() => change({ customers: customers.filter((c) => c !== id), emailDomains: domains })}
                  accessibilityLabel={`Unblock ${labels[id] ?? "this customer"}`}
                >
                  Unblock
                </Button>
              </InlineStack>
            ))
          )}
          <TextField
            label="Block the customer who placed order"
            autoComplete="off"
            placeholder="#1038"
            value={orderName}
            onChange={setOrderName}
            error={findError}
            connectedRight={
              <Button
                onClick={() => find.submit({ intent: "block-customer", orderName }, { method: "post" })}
                loading={find.state !== "idle"}
                disabled={orderName.trim() === ""}
              >
                Block customer
              </Button>
            }
          />
        </BlockStack>

        <BlockStack gap="200">
          <Text as="h3" variant="headingSm">
            E-mail domains
          </Text>
          {!emailAccess && (
            <Banner tone={domains.length > 0 ? "warning" : "info"}>
              <p>
                {domains.length > 0 ? "These domains are not checked yet: " : ""}
                Shopify must first approve this app&apos;s access to customers&apos; e-mail addresses. Ask for it in the Partner Dashboard under API access
                requests, Protected customer data access, the Email field. The app then reads only the domain of each customer&apos;s e-mail address.
              </p>
            </Banner>
          )}
          {domains.length === 0 ? (
            <Text as="p" tone="subdued">
              No e-mail domain is blocked.
            </Text>
          ) : (
            domains.map((d, i) => (
              <BlockStack key={d} gap="100">
                <InlineStack align="space-between" blockAlign="center" gap="200">
                  <Text as="span">{d}</Text>
                  <Button onClick={() => change({ customers, emailDomains: domains.filter((x) => x !== d) })} accessibilityLabel={`Unblock ${d}`}>
                    Unblock
                  </Button>
                </InlineStack>
                {err(`history.blocklist.emailDomains[${i}]`) && <InlineError message={err(`history.blocklist.emailDomains[${i}]`)!} fieldID="" />}
              </BlockStack>
            ))
          )}
          <TextField
            label="Block e-mail addresses at"
            autoComplete="off"
            placeholder="mailinator.com"
            disabled={!emailAccess}
            value={domainText}
            onChange={(v) => {
              setDomainText(v);
              setDomainError(undefined);
            }}
            error={domainError}
            helpText="Covers its subdomains too: mailinator.com also blocks mail.mailinator.com."
            connectedRight={
              <Button onClick={addDomain} disabled={!emailAccess || domainText.trim() === ""}>
                Block domain
              </Button>
            }
          />
        </BlockStack>
      </BlockStack>
    </Part>
  );
}
