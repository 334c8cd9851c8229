// The money and the staff actions. Which actions show comes from the request state machine
// (`actionsFor`), so the screen never offers what the staff services would refuse.
import { BlockStack, Checkbox, InlineGrid, Select, Text, TextField } from "@shopify/polaris";
import { useState } from "react";
import type { StaffAction } from "~/returns/request-state";
import type { RequestDetail } from "~/services/admin-views/detail";
import type { ItemStock, ScreenStock } from "~/services/staff/exchange-stock";
import { DECLINE_REASONS, RESOLUTION_LABEL, STATUS_LABEL, label } from "~/components/labels";
import { ActionForm, Section } from "./parts";

export function Money({ detail, stock = null }: { detail: RequestDetail; stock?: ScreenStock | null }) {
  if (detail.exchange) return <ExchangeMoney detail={detail} exchange={detail.exchange} stock={stock} />;
  const m = detail.money;
  // what comes back is named for what it is: "Store credit" when it is store credit, never "Refund"
  const back = m.asStoreCredit ? "Store credit" : "Refund";
  return (
    <Section title="Money">
      <InlineGrid columns="1fr auto" gap="100">
        <Text as="span">Items returned</Text>
        <Text as="span" numeric>
          {m.formatted.gross}
        </Text>
        <Text as="span">Fees</Text>
        <Text as="span" numeric>
          −{m.formatted.fees}
        </Text>
        {m.override && (
          <>
            <Text as="span">Lowered by staff</Text>
            <Text as="span" numeric>
              {m.override.fromFormatted} → {m.override.toFormatted}
            </Text>
          </>
        )}
        {m.settled ? (
          <>
            <Text as="span" fontWeight="semibold">
              {m.settled.kind === "store_credit" ? "Store credit issued" : "Refunded"}
            </Text>
            <Text as="span" numeric fontWeight="semibold">
              {m.settled.formatted}
            </Text>
          </>
        ) : m.nothingBack ? (
          <>
            <Text as="span" fontWeight="semibold">
              {back}
            </Text>
            <Text as="span" fontWeight="semibold">
              None ({label(STATUS_LABEL, detail.request.status).toLowerCase()})
            </Text>
          </>
        ) : (
          <>
            {m.asStoreCredit && m.storeCreditBonusMinor > 0 && (
              <>
                <Text as="span">Store credit bonus</Text>
                <Text as="span" numeric>
                  +{m.formatted.storeCreditBonus}
                </Text>
              </>
            )}
            <Text as="span" fontWeight="semibold">
              {back}
            </Text>
            <Text as="span" numeric fontWeight="semibold">
              {m.asStoreCredit ? m.formatted.storeCredit : m.formatted.refund}
            </Text>
          </>
        )}
      </InlineGrid>
      {m.override && (
        <Text as="p" variant="bodySm">
          Why: {m.override.reason}
        </Text>
      )}
      <Text as="p" variant="bodySm" tone="subdued">
        {m.settled ? "As Shopify shows it. " : ""}In the order currency ({m.currency}). Resolution asked: {label(RESOLUTION_LABEL, detail.request.resolution).toLowerCase()}.
      </Text>
    </Section>
  );
}

/**
 * The money of a replacement or exchange as it is (decision 170): what came back is worth its price, the
 * new items cost theirs, and only the difference goes back; a warranty replacement refunds nothing.
 */
export function ExchangeMoney({ detail, exchange: x, stock = null }: { detail: RequestDetail; exchange: NonNullable<RequestDetail["exchange"]>; stock?: ScreenStock | null }) {
  const m = detail.money;
  const replacement = x.kind === "replacement";
  const processed = x.stage === "processed";
  const credit = detail.request.status === "credited" || m.settled?.kind === "store_credit";
  // what went back, as Shopify shows it once processed
  const differenceBack = processed && m.settled ? m.settled.formatted : x.formatted.difference;
  const nothingBack = replacement || (processed && m.settled ? m.settled.amountMinor <= 0 : x.differenceMinor <= 0);
  const bottom = replacement
    ? processed
      ? "Nothing refunded — replaced free of charge"
      : "Nothing to refund — replaced free of charge"
    : nothingBack
      ? processed
        ? "Nothing refunded — same price"
        : "Nothing to refund — same price"
      : null;
  const heading = replacement ? (processed ? "Replacement sent" : "Replacement to send") : processed ? "New items sent" : "New items to send";
  return (
    <Section title="Money">
      <InlineGrid columns="1fr auto" gap="100">
        <Text as="span">Items returned</Text>
        <Text as="span" numeric>
          {x.formatted.returned}
        </Text>
        <Text as="span">{replacement ? "Replacement (same item)" : "New items"}</Text>
        <Text as="span" numeric>
          {replacement ? "Free" : `−${x.formatted.newItems}`}
        </Text>
        {m.feesMinor > 0 && (
          <>
            <Text as="span">Fees</Text>
            <Text as="span" numeric>
              −{m.formatted.fees}
            </Text>
          </>
        )}
        {bottom === null && (
          <>
            <Text as="span" fontWeight="semibold">
              {processed ? (credit ? "Difference issued as store credit" : "Difference refunded") : "Difference to refund"}
            </Text>
            <Text as="span" numeric fontWeight="semibold">
              {differenceBack}
            </Text>
          </>
        )}
      </InlineGrid>
      {bottom !== null && (
        <Text as="p" fontWeight="semibold">
          {bottom}
        </Text>
      )}
      <Text as="p" variant="bodySm" tone="subdued">
        {processed && m.settled ? "As Shopify shows it. " : ""}In the order currency ({m.currency}).{" "}
        {replacement ? `The replacement is worth ${x.formatted.newItems}; the customer pays nothing for it.` : ""}
      </Text>
      <BlockStack gap="100">
        <Text as="h3" variant="headingSm">
          {heading}
        </Text>
        <InlineGrid columns="1fr auto" gap="100">
          {x.items.map((i, n) => (
            <ExchangeItemRow key={i.title} title={`${i.quantity} × ${i.title}`} price={i.price} stock={stock && "items" in stock ? stock.items[n] : undefined} />
          ))}
        </InlineGrid>
        {stock && "unavailable" in stock && (
          <Text as="p" variant="bodySm" tone="caution">
            {stock.unavailable}
          </Text>
        )}
        <Text as="p" variant="bodySm" tone="subdued">
          {x.stage === "requested"
            ? "Approving replaces the requested return in Shopify with one that holds these items; Shopify ships them once the return is processed."
            : x.stage === "approved"
              ? "The return in Shopify holds these items; Shopify releases them to ship once the return is processed."
              : processed
                ? "Shopify released them to ship: their fulfillment order is in the Shopify admin."
                : "Not sent: the return ended before it was processed."}
        </Text>
      </BlockStack>
    </Section>
  );
}

function ExchangeItemRow({ title, price, stock }: { title: string; price: string; stock?: ItemStock | undefined }) {
  return (
    <>
      <BlockStack gap="0">
        <Text as="span">{title}</Text>
        {stock && (
          <Text as="span" variant="bodySm" tone={stock.enough ? "subdued" : "critical"}>
            {stock.words}
          </Text>
        )}
      </BlockStack>
      <Text as="span" numeric>
        {price}
      </Text>
    </>
  );
}

export function Actions({
  status,
  actions,
  notifyCustomer,
  suggestedDeclineReason,
  advice,
  money,
  exchangeKind = null,
  blocked = false,
  approveRefused = null,
}: {
  status: string;
  actions: readonly StaffAction[];
  notifyCustomer: boolean;
  suggestedDeclineReason: string;
  /** the policy's advice for this request ("approve", "decline", "review"), when it gave one */
  advice: string | null;
  money?: RequestDetail["money"];
  /** a replacement or exchange is approved as such (decision 170) */
  exchangeKind?: "replacement" | "exchange" | null;
  /** decision 190: the customer is on the blocklist; approving needs an explicit, audited override */
  blocked?: boolean;
  /** decision 170: why approving would be refused now (the new items are not in stock), else null */
  approveRefused?: string | null;
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
  const [amount, setAmount] = useState("");
  const [amountReason, setAmountReason] = useState("");
  const offers = (a: StaffAction) => actions.includes(a);
  return (
    <Section title="Actions">
      <Checkbox label="Notify the customer (Shopify sends the email)" checked={notify} onChange={setNotify} />
      {offers("approve") && (
        <ActionForm
          intent="approve"
          title={exchangeKind === "replacement" ? "Approve replacement" : exchangeKind === "exchange" ? "Approve exchange" : "Approve"}
          submitLabel={exchangeKind === "replacement" ? "Approve replacement" : exchangeKind === "exchange" ? "Approve exchange" : "Approve return"}
          primary={advice !== "decline" && !approveRefused}
          disabled={Boolean(approveRefused)}
        >
          {approveRefused && (
            <Text as="p" tone="critical">
              {approveRefused}. Decline the request, or approve once the items are back in stock.
            </Text>
          )}
          <input type="hidden" name="notifyCustomer" value={String(notify)} />
          <TextField label="Return label URL" name="returnLabelUrl" value={returnLabel} onChange={setReturnLabel} autoComplete="off" placeholder="https://…" />
          <InlineGrid columns={2} gap="200">
            <TextField label="Tracking number" name="trackingNumber" value={tracking} onChange={setTracking} autoComplete="off" />
            <TextField label="Carrier" name="carrierName" value={carrier} onChange={setCarrier} autoComplete="off" />
          </InlineGrid>
          <TextField label="Note to the customer" name="note" value={note} onChange={setNote} multiline={2} autoComplete="off" />
          {blocked && (
            <>
              <input type="hidden" name="overrideBlocklist" value={String(override)} />
              <Checkbox label="Approve despite the blocklist (recorded in the timeline)" checked={override} onChange={setOverride} />
            </>
          )}
        </ActionForm>
      )}
      {offers("decline") && (
        <ActionForm
          intent="decline"
          title="Decline"
          submitLabel="Decline return"
          tone={advice === "decline" ? "critical" : undefined}
          confirm={{
            title: "Decline this return?",
            body: (
              <BlockStack gap="200">
                <Text as="p">
                  The customer can't send these items back under this request. Reason given:{" "}
                  {label(Object.fromEntries(DECLINE_REASONS.map((d) => [d.value, d.label.toLowerCase()])), declineReason)}.
                </Text>
                <Text as="p">{notify ? "Shopify emails the customer that the return was declined." : "The customer is not emailed."}</Text>
              </BlockStack>
            ),
            confirmLabel: "Decline return",
            destructive: true,
          }}
        >
          <input type="hidden" name="notifyCustomer" value={String(notify)} />
          <Select label="Reason" name="reason" options={DECLINE_REASONS} value={declineReason} onChange={setDeclineReason} />
          <TextField label="Message to the customer" name="message" value={declineMessage} onChange={setDeclineMessage} multiline={2} maxLength={500} autoComplete="off" />
        </ActionForm>
      )}
      {offers("receive") && (
        <ActionForm intent="receive" title="Parcel received" submitLabel="Mark as received" primary>
          <input type="hidden" name="restock" value={String(restock)} />
          <Checkbox label="Restock the items" checked={restock} onChange={setRestock} />
        </ActionForm>
      )}
      {offers("refund") && money && money.refundMinor <= 0 && !exchangeKind && (
        <Text as="p" tone="subdued">
          There is nothing to refund on this request. Close or decline the return instead.
        </Text>
      )}
      {offers("refund") && money && money.refundMinor <= 0 && exchangeKind && (
        // a replacement or even exchange: processing the Return (nothing refunded) makes Shopify release the new items
        <ActionForm
          intent="refund"
          title={exchangeKind === "replacement" ? "Send the replacement" : "Send the new items"}
          submitLabel={exchangeKind === "replacement" ? "Process and send the replacement" : "Process and send the new items"}
          primary
        >
          <input type="hidden" name="to" value="original_payment" />
          <Text as="p" tone="subdued">
            Nothing is refunded. Shopify releases the new items' fulfillment order, ready to ship.
          </Text>
        </ActionForm>
      )}
      {offers("refund") && money && money.refundMinor > 0 && (
        <BlockStack gap="200">
          {exchangeKind === "exchange" ? (
            // a cheaper exchange: processing sends the new items and refunds the price difference
            <>
              <MoneyForm money={money} to="original_payment" title="Send the new items" submitLabel="Process and refund the difference" primary newItems />
              <MoneyForm money={money} to="store_credit" title="" submitLabel="Difference as store credit instead" newItems />
            </>
          ) : money.asStoreCredit ? (
            <>
              <MoneyForm money={money} to="store_credit" title="Store credit" submitLabel="Issue store credit" primary />
              <MoneyForm money={money} to="original_payment" title="" submitLabel="Refund to original payment instead" />
            </>
          ) : (
            <>
              <MoneyForm money={money} to="original_payment" title="Refund" submitLabel="Refund to original payment" primary />
              <MoneyForm money={money} to="store_credit" title="" submitLabel="Issue store credit instead" />
            </>
          )}
        </BlockStack>
      )}
      {money && money.refundMinor > 0 && (status === "requested" || status === "approved" || status === "received") && (
        <ActionForm intent="override" title="Lower the amount" submitLabel="Lower amount">
          <InlineGrid columns="1fr 2fr" gap="200">
            <TextField label={`New amount (${money.currency})`} name="amount" value={amount} onChange={setAmount} autoComplete="off" inputMode="decimal" />
            <TextField label="Reason (shown in the timeline)" name="reason" value={amountReason} onChange={setAmountReason} autoComplete="off" maxLength={500} />
          </InlineGrid>
        </ActionForm>
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

type MoneyFormProps = {
  money: RequestDetail["money"];
  to: "original_payment" | "store_credit";
  title: string;
  submitLabel: string;
  primary?: boolean;
  /** a cheaper exchange: the amount is the price difference, and processing releases the new items */
  newItems?: boolean;
};

/** Money back to the original payment or as Shopify store credit, after a confirmation that names the amount. */
function MoneyForm({ money, to, title, submitLabel, primary = false, newItems = false }: MoneyFormProps) {
  const credit = to === "store_credit";
  const amount = credit ? money.formatted.storeCredit : money.formatted.refund;
  const confirm = newItems
    ? {
        title: `Send the new items and ${credit ? "issue" : "refund"} the ${amount} difference?`,
        body: (
          <Text as="p">
            Shopify releases the new items to ship and {credit ? `adds ${amount} of store credit to the customer's account` : `refunds ${amount} to the customer's original payment method`}, the
            difference between what came back and the new items. It can't be taken back.
          </Text>
        ),
        confirmLabel: credit ? `Issue ${amount} store credit` : `Refund ${amount}`,
      }
    : credit
    ? {
        title: `Issue ${amount} as store credit?`,
        body: (
          <Text as="p">
            Shopify adds {amount} of store credit to the customer's account
            {money.storeCreditBonusMinor > 0 ? `: the ${money.formatted.refund} refund and a ${money.formatted.storeCreditBonus} bonus` : ""}. It can't be taken back.
          </Text>
        ),
        confirmLabel: `Issue ${amount} store credit`,
      }
    : {
        title: `Refund ${amount}?`,
        body: <Text as="p">Shopify refunds {amount} to the customer's original payment method. A refund can't be taken back.</Text>,
        confirmLabel: `Refund ${amount}`,
      };
  return (
    <ActionForm intent="refund" title={title} submitLabel={submitLabel} primary={primary} confirm={confirm}>
      <input type="hidden" name="to" value={to} />
    </ActionForm>
  );
}
