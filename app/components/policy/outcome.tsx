// The policy editor's parts about what the shopper gets: resolutions, fees, refund timing, checkout,
// (the whole policy as JSON is in Advanced.tsx).
import { BlockStack, Checkbox, ChoiceList, InlineGrid, Text, TextField } from "@shopify/polaris";
import { useEffect, useState } from "react";
import { RESOLUTIONS } from "~/returns";
import { bonusToBps, bpsToPercent, errorsUnder } from "~/services/admin-views/policy-editor";
import { RESOLUTION_LABEL, label } from "~/components/labels";
import { csv } from "./draft";
import { Part } from "./Part";
import type { SectionProps } from "./acceptance";

/** The fee inputs as typed (percent, decimal money), with their own errors. */
export interface FeeInputs {
  currency: string;
  restockText: string;
  setRestockText: (v: string) => void;
  restockError?: string;
  feeText: string;
  setFeeText: (v: string) => void;
  feeError?: string;
}

export function ResolutionsAndFees({ draft, set, err, errors, currency, restockText, setRestockText, restockError, feeText, setFeeText, feeError }: SectionProps & FeeInputs) {
  const fees = draft.fees ?? { restockingBps: 0, returnShippingFeeMinor: 0, appliesTo: ["change_of_mind"] };
  return (
    <Part title="Resolutions and fees" errors={[...errorsUnder(errors, "resolutions"), ...errorsUnder(errors, "fees")]}>
      <InlineGrid columns={2} gap="400">
        <ChoiceList
          allowMultiple
          title="Shoppers returning an item can choose"
          choices={RESOLUTIONS.map((r) => ({ value: r, label: label(RESOLUTION_LABEL, r) }))}
          selected={draft.resolutions.return}
          onChange={(v) => set(["resolutions", "return"], v)}
          error={err("resolutions.return")}
        />
        <ChoiceList
          allowMultiple
          title="Warranty claims can get"
          choices={RESOLUTIONS.map((r) => ({ value: r, label: label(RESOLUTION_LABEL, r) }))}
          selected={draft.resolutions.warranty ?? []}
          onChange={(v) => set(["resolutions", "warranty"], v)}
          error={err("resolutions.warranty")}
        />
      </InlineGrid>
      {(draft.resolutions.return.includes("exchange") || (draft.resolutions.warranty ?? []).includes("exchange")) && (
        <Checkbox
          label="Exchanges can be for another product of the same type"
          helpText="Besides other sizes and options of the item, shoppers can pick up to 10 active products of the same product type sold on your online store, in stock, at the same price or less."
          checked={draft.resolutions.exchangeOtherProducts ?? false}
          onChange={(v) => set(["resolutions", "exchangeOtherProducts"], v)}
        />
      )}
      <StoreCreditBonus draft={draft} set={set} err={err} />
      <InlineGrid columns={3} gap="200">
        <TextField label="Restocking fee" suffix="%" autoComplete="off" value={restockText} onChange={setRestockText} error={restockError ?? err("fees.restockingBps")} />
        <TextField
          label="Return shipping fee"
          prefix={currency}
          autoComplete="off"
          value={feeText}
          onChange={setFeeText}
          error={feeError ?? err("fees.returnShippingFeeMinor")}
        />
        <ChoiceList
          allowMultiple
          title="Fees apply to"
          choices={[
            { value: "change_of_mind", label: "Change of mind" },
            { value: "faults", label: "Faults" },
            { value: "warranty", label: "Warranty" },
          ]}
          selected={fees.appliesTo ?? []}
          onChange={(v) => set(["fees", "appliesTo"], v)}
        />
      </InlineGrid>
    </Part>
  );
}

/**
 * Store credit worth choosing (decision 220): shoppers who pick store credit get the refund plus this
 * percentage. Typed as a percentage; the policy keeps basis points.
 */
function StoreCreditBonus({ draft, set, err }: Pick<SectionProps, "draft" | "set" | "err">) {
  const raw: unknown = draft.resolutions.storeCreditBonusBps ?? 0;
  const bps = typeof raw === "number" ? raw : null;
  const [text, setText] = useState(bpsToPercent(bps ?? 0));
  const [typedError, setTypedError] = useState<string | undefined>();
  // a preset or an import replaces the draft: show its bonus unless the typed text already reads as it
  useEffect(() => {
    let typed: number | null = null;
    try {
      typed = bonusToBps(text);
    } catch {
      typed = null;
    }
    if (bps !== null && typed !== bps) {
      setText(bpsToPercent(bps));
      setTypedError(undefined);
    }
    // only an outside change of the draft resets the text
  }, [bps]);
  const onChange = (v: string) => {
    setText(v);
    try {
      set(["resolutions", "storeCreditBonusBps"], bonusToBps(v));
      setTypedError(undefined);
    } catch (e) {
      // the draft holds what was typed, so the policy does not validate and cannot be saved until mended
      set(["resolutions", "storeCreditBonusBps"], v);
      setTypedError((e as Error).message);
    }
  };
  const offersCredit = draft.resolutions.return.includes("store_credit") || (draft.resolutions.warranty ?? []).includes("store_credit");
  return (
    <TextField
      label="Store credit bonus"
      suffix="%"
      autoComplete="off"
      value={text}
      onChange={onChange}
      error={typedError ?? err("resolutions.storeCreditBonusBps")}
      helpText={
        offersCredit
          ? "Shoppers who choose store credit get this much more than a refund: 10 turns a 50.00 refund into 55.00 of store credit. 0 turns it off."
          : "Applies when shoppers can choose store credit. 0 turns it off."
      }
    />
  );
}

export function RefundTiming({ draft, set, err, errors }: SectionProps) {
  const tl = draft.refundTimelines ?? null;
  return (
    <Part title="Refund timing" help="Business days from approval, shown to shoppers as expected dates." errors={errorsUnder(errors, "refundTimelines")}>
      <Checkbox
        label="Tell shoppers when to expect their refund"
        checked={tl !== null}
        onChange={(on) =>
          set(["refundTimelines"], on ? { domestic: { min: 3, max: 10 }, international: { min: 5, max: 15 }, bank: { min: 0, max: 5 }, holidays: [] } : null)
        }
      />
      {tl && (
        <BlockStack gap="200">
          {(["domestic", "international", "bank"] as const).map((k) => (
            <InlineGrid key={k} columns="2fr 1fr 1fr" gap="200" alignItems="center">
              <Text as="span">{k === "bank" ? "Bank processing" : k === "domestic" ? "Domestic orders" : "International orders"}</Text>
              {(["min", "max"] as const).map((end) => (
                <TextField
                  key={end}
                  label={`${k} ${end === "min" ? "minimum" : "maximum"} days`}
                  labelHidden
                  prefix={end}
                  type="number"
                  autoComplete="off"
                  value={String(tl[k][end])}
                  onChange={(v) => set(["refundTimelines", k, end], Number(v))}
                  error={err(`refundTimelines.${k}.${end}`)}
                />
              ))}
            </InlineGrid>
          ))}
        </BlockStack>
      )}
      {tl && (
        <TextField
          label="Holidays (YYYY-MM-DD, comma separated)"
          autoComplete="off"
          value={(tl.holidays ?? []).join(", ")}
          onChange={(v) => set(["refundTimelines", "holidays"], csv(v))}
          error={Object.entries(errors).find(([f]) => f.startsWith("refundTimelines.holidays"))?.[1]}
        />
      )}
    </Part>
  );
}

export function Checkout({ draft, set }: Pick<SectionProps, "draft" | "set">) {
  return (
    <Part title="Checkout">
      <Checkbox
        label="Ask buyers to confirm that final-sale items can't be returned before they pay"
        checked={Boolean((draft as { checkout?: { requireFinalSaleAck?: boolean } }).checkout?.requireFinalSaleAck)}
        onChange={(on) => set(["checkout", "requireFinalSaleAck"], on)}
      />
    </Part>
  );
}
