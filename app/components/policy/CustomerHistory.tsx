// The policy editor's customer-history thresholds (decision 190): hold a request for staff when the
// customer has returned a lot over a period. A blank field is not checked; with every field blank the
// policy screens no one. The blocklist has its own card (Blocklist.tsx).
import { FormLayout, InlineGrid, TextField } from "@shopify/polaris";
import { useState } from "react";
import { bpsToPercent, errorsUnder, rateToBps, withHistoryField, type HistoryDraft, type HistoryField } from "~/services/admin-views/policy-editor";
import type { SectionProps } from "./acceptance";
import { Part } from "./Part";

export function CustomerHistory({ draft, set, err, errors, currency }: SectionProps & { currency: string }) {
  const history = (draft.history ?? null) as HistoryDraft | null;
  const hold = history?.hold ?? {};
  const change = (field: HistoryField, value: number | string | undefined) => set(["history"], withHistoryField(history, field, value));
  const count = (text: string) => (text.trim() === "" ? undefined : Number(text));
  const shown = (n: number | undefined) => (n === undefined ? "" : String(n));
  // The rate as typed: kept while it does not read as a percentage, or while it is what the draft holds.
  const [rate, setRate] = useState<{ text: string; bps: number | undefined; error: string } | null>(null);
  const typed = rate !== null && (rate.error ? Number.isNaN(hold.maxReturnRateBps) : rate.bps === hold.maxReturnRateBps);
  const rateText = typed ? rate.text : hold.maxReturnRateBps === undefined ? "" : bpsToPercent(hold.maxReturnRateBps);
  const onRate = (text: string) => {
    try {
      const bps = rateToBps(text);
      setRate({ text, bps, error: "" });
      change("maxReturnRateBps", bps);
    } catch (e) {
      setRate({ text, bps: undefined, error: (e as Error).message });
      change("maxReturnRateBps", Number.NaN); // not a rate: the policy does not read, so it cannot be saved
    }
  };

  return (
    <Part
      title="Customers who return often"
      help="Hold a request for your team to look at when the customer has returned more than you set over a period, this request included. Nothing is refused: your team decides. Leave a field blank to not check it."
      errors={errorsUnder(errors, "history")}
    >
      <FormLayout>
        <InlineGrid columns={{ xs: 1, md: 2 }} gap="400">
          <TextField
            label="Count returns over the last"
            type="number"
            min={1}
            suffix="days"
            autoComplete="off"
            placeholder="365"
            value={shown(history?.windowDays)}
            onChange={(v) => change("windowDays", count(v))}
            error={err("history.windowDays")}
          />
          <TextField
            label="Hold after more return requests than"
            type="number"
            min={0}
            autoComplete="off"
            placeholder="Not checked"
            value={shown(hold.maxRequests)}
            onChange={(v) => change("maxRequests", count(v))}
            error={err("history.hold.maxRequests")}
          />
          <TextField
            label="Hold after more items returned than"
            type="number"
            min={0}
            autoComplete="off"
            placeholder="Not checked"
            value={shown(hold.maxUnits)}
            onChange={(v) => change("maxUnits", count(v))}
            error={err("history.hold.maxUnits")}
          />
          <TextField
            label={`Hold after more refunded than (${currency})`}
            autoComplete="off"
            placeholder="Not checked"
            value={hold.maxRefunded?.[currency] ?? ""}
            onChange={(v) => change({ refundedIn: currency }, v)}
            error={err(`history.hold.maxRefunded.${currency}`)}
            helpText="Refunds in other currencies are not counted against this amount."
          />
          <TextField
            label="Hold when the return rate is above"
            autoComplete="off"
            suffix="%"
            placeholder="Not checked"
            value={rateText}
            onChange={onRate}
            error={(typed && rate.error) || err("history.hold.maxReturnRateBps")}
            helpText="Return requests per order placed: 25% is one request for every four orders."
          />
          <TextField
            label="Judge the return rate from this many orders on"
            type="number"
            min={1}
            autoComplete="off"
            placeholder="3"
            value={shown(hold.minOrdersForRate)}
            onChange={(v) => change("minOrdersForRate", count(v))}
            error={err("history.hold.minOrdersForRate")}
            helpText="A customer's first order or two returned is not a pattern."
          />
        </InlineGrid>
      </FormLayout>
    </Part>
  );
}
