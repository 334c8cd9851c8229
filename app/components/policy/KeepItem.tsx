// The policy editor's keep-the-item settings (decision 190): refund or credit without a return when a line
// is worth less than an amount, or for reasons or products the merchant picks. Nothing set: every item comes back.
import { BlockStack, ChoiceList, FormLayout, Text, TextField } from "@shopify/polaris";
import { REASONS, type Matcher } from "~/returns";
import { errorsUnder, withKeepItemField, type KeepItemDraft } from "~/services/admin-views/policy-editor";
import { REASON_LABEL, label } from "~/components/labels";
import type { SectionProps } from "./acceptance";
import { MatchersEditor } from "./MatchersEditor";
import { Part } from "./Part";

export function KeepItem({ draft, set, err, errors, currency }: SectionProps & { currency: string }) {
  const keep = (draft.keepItem ?? null) as KeepItemDraft | null;
  const reasons = keep?.reasons ?? [];
  const change = (field: Parameters<typeof withKeepItemField>[1], value: Parameters<typeof withKeepItemField>[2]) =>
    set(["keepItem"], withKeepItemField(keep, field, value));
  return (
    <Part
      title="Items the shopper keeps"
      help="Refund or give store credit without asking for the item back, when sending it back costs more than it is worth or it can't be resold. Any one of these is enough. Leave everything empty to have every item sent back."
      errors={errorsUnder(errors, "keepItem")}
    >
      <FormLayout>
        <TextField
          label={`Keep items worth less than (${currency})`}
          autoComplete="off"
          placeholder="Not set"
          value={keep?.maxLineValue?.[currency] ?? ""}
          onChange={(v) => change({ valueIn: currency }, v)}
          error={err(`keepItem.maxLineValue.${currency}`)}
          helpText="The price paid for the units returned on one line. For an order paid in another currency, this amount is converted at the rate of that order."
        />
        <ChoiceList
          allowMultiple
          title="Keep the item when the reason is"
          choices={REASONS.map((r) => ({ value: r, label: label(REASON_LABEL, r) }))}
          selected={reasons}
          onChange={(picked) => change("reasons", REASONS.filter((r) => picked.includes(r)))}
          error={err("keepItem.reasons")}
        />
        <BlockStack gap="100">
          <Text as="p">Keep these items whatever the reason (perishables, for example)</Text>
          <MatchersEditor matchers={(keep?.match ?? []) as Matcher[]} onChange={(m) => change("match", m)} error={err("keepItem.match")} />
        </BlockStack>
      </FormLayout>
    </Part>
  );
}
