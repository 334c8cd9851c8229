// The money and the staff actions. Which actions show comes from the request state machine
// (`actionsFor`), so the screen never offers what the staff services would refuse.
import { BlockStack, Checkbox, InlineGrid, Select, Text, TextField } from "@shopify/polaris";
import { useState } from "react";
import type { StaffAction } from "~/returns/request-state";
import type { RequestDetail } from "~/services/admin-views/detail";
import { DECLINE_REASONS, RESOLUTION_LABEL, STATUS_LABEL, label } from "~/components/labels";
import { ActionForm, Section } from "./parts";

export function Money({ detail }: { detail: RequestDetail }) {
  const m = detail.money;
  return (
    <Section title="Money">
      <InlineGrid columns="1fr auto" gap="100">
        <Text as="span">Items returned</Text>
        <Text as="span" numeric>{m.formatted.gross}</Text>
        <Text as="span">Fees</Text>
        <Text as="span" numeric>−{m.formatted.fees}</Text>
        <Text as="span" fontWeight="semibold">Refund</Text>
        <Text as="span" numeric fontWeight="semibold">{m.formatted.refund}</Text>
        <Text as="span" tone="subdued">or as store credit</Text>
        <Text as="span" numeric tone="subdued">{m.formatted.storeCredit}</Text>
      </InlineGrid>
      <Text as="p" variant="bodySm" tone="subdued">
        In the order currency ({m.currency}). Resolution asked: {label(RESOLUTION_LABEL, detail.request.resolution).toLowerCase()}.
      </Text>
    </Section>
  );
}

export function Actions({
  status,
  actions,
  notifyCustomer,
  suggestedDeclineReason,
  blocked = false,
}: {
  status: string;
  actions: readonly StaffAction[];
  notifyCustomer: boolean;
  suggestedDeclineReason: string;
  /** decision 190: the customer is on the blocklist; approving needs an explicit, audited override */
  blocked?: boolean;
}) {
  const [override, setOverride] = useState(false);
  const [declineReason, setDeclineReason] = useState<string>(suggestedDeclineReason);
  const [declineMessage, setDeclineMessage] = useState("");
  const [returnLabel, setReturnLabel] = useState("");
  const [tracking, setTracking] = useState("");
  const [carrier, setCarrier] = useState("");
  const [note, setNote] = useState("");
  const [notify, setNotify] = useState(notifyCustomer);
  const [restock, setRestock] = useState(true);
  const offers = (a: StaffAction) => actions.includes(a);
  return (
    <Section title="Actions">
      <Checkbox label="Notify the customer (Shopify sends the email)" checked={notify} onChange={setNotify} />
      {offers("approve") && (
        <ActionForm intent="approve" title="Approve" submitLabel="Approve return">
          <input type="hidden" name="notifyCustomer" value={String(notify)} />
          <TextField label="Return label URL" name="returnLabelUrl" value={returnLabel} onChange={setReturnLabel} autoComplete="off" placeholder="https://…" />
          <InlineGrid columns={2} gap="200">
            <TextField label="Tracking number" name="trackingNumber" value={tracking} onChange={setTracking} autoComplete="off" />
            <TextField label="Carrier" name="carrierName" value={carrier} onChange={setCarrier} autoComplete="off" />
          </InlineGrid>
          <TextField label="Note to the shopper" name="note" value={note} onChange={setNote} multiline={2} autoComplete="off" />
          {blocked && (
            <>
              <input type="hidden" name="overrideBlocklist" value={String(override)} />
              <Checkbox label="Approve despite the blocklist (recorded in the timeline)" checked={override} onChange={setOverride} />
            </>
          )}
        </ActionForm>
      )}
      {offers("decline") && (
        <ActionForm intent="decline" title="Decline" submitLabel="Decline return" tone="critical">
          <input type="hidden" name="notifyCustomer" value={String(notify)} />
          <Select label="Reason (sent to Shopify)" name="reason" options={DECLINE_REASONS} value={declineReason} onChange={setDeclineReason} />
          <TextField
            label="Message to the shopper"
            name="message"
            value={declineMessage}
            onChange={setDeclineMessage}
            multiline={2}
            maxLength={500}
            autoComplete="off"
          />
        </ActionForm>
      )}
      {offers("receive") && (
        <ActionForm intent="receive" title="Parcel received" submitLabel="Mark as received">
          <input type="hidden" name="restock" value={String(restock)} />
          <Checkbox label="Restock the items" checked={restock} onChange={setRestock} />
        </ActionForm>
      )}
      {offers("refund") && (
        <BlockStack gap="200">
          <ActionForm intent="refund" title="Refund" submitLabel="Refund to original payment">
            <input type="hidden" name="to" value="original_payment" />
          </ActionForm>
          <ActionForm intent="refund" title="" submitLabel="Issue store credit instead">
            <input type="hidden" name="to" value="store_credit" />
          </ActionForm>
        </BlockStack>
      )}
      {offers("close") && <ActionForm intent="close" title="Close" submitLabel="Close request" />}
      {actions.length === 0 && (
        <Text as="p" tone="subdued">
          No action is open for a request that is {label(STATUS_LABEL, status).toLowerCase()}.
        </Text>
      )}
    </Section>
  );
}
