// The policy editor's per-reason rules (decision 190) as a table: one row per reason or group of reasons
// the merchant names, with its own window and where it starts, conditions, photos, resolutions and fees.
// A blank cell means "as the reason's group says" (the Return windows, Condition and evidence, and
// Resolutions and fees cards).
import { BlockStack, Box, Button, Checkbox, InlineStack, Popover, Select, Text, TextField } from "@shopify/polaris";
import { Fragment, useState } from "react";
import { CONDITIONS, REASONS, RESOLUTIONS, type ReasonRule } from "~/returns";
import { bpsToPercent, errorsUnder, feeToMinor, minorToFee, percentToBps } from "~/services/admin-views/policy-editor";
import { REASON_LABEL, RESOLUTION_LABEL, label } from "~/components/labels";
import type { SectionProps } from "./acceptance";
import { Part } from "./Part";

type RuleDraft = Partial<ReasonRule> & { id: string; reasons: ReasonRule["reasons"] };

const FROM = [
  { value: "delivery", label: "Delivery" },
  { value: "fulfillment", label: "Dispatch" },
  { value: "order", label: "Order date" },
];

/** A compact multiple choice in a table cell: a button naming what is picked, the choices in a popover. */
function Picks<T extends string>(props: {
  label: string;
  options: readonly T[];
  words: (v: T) => string;
  picked: readonly T[] | undefined;
  none: string;
  onChange: (v: T[] | undefined) => void;
  allowInherit?: boolean;
}) {
  const [open, setOpen] = useState(false);
  const { picked } = props;
  const text = picked === undefined ? props.none : picked.length ? picked.map(props.words).join(", ") : "None";
  return (
    <Popover
      active={open}
      onClose={() => setOpen(false)}
      activator={
        <Button disclosure onClick={() => setOpen((o) => !o)} accessibilityLabel={`${props.label}: ${text}`} textAlign="left">
          {text}
        </Button>
      }
    >
      <Popover.Section>
        <BlockStack gap="100">
          {props.allowInherit && (
            <Checkbox label={props.none} checked={picked === undefined} onChange={(on) => props.onChange(on ? undefined : [])} />
          )}
          {props.options.map((o) => (
            <Checkbox
              key={o}
              label={props.words(o)}
              checked={picked?.includes(o) ?? false}
              onChange={(on) => {
                const cur = picked ?? [];
                props.onChange(on ? props.options.filter((x) => x === o || cur.includes(x)) : cur.filter((x) => x !== o));
              }}
            />
          ))}
        </BlockStack>
      </Popover.Section>
    </Popover>
  );
}

export function ReasonRules({ draft, set, err, errors, currency }: SectionProps & { currency: string }) {
  const rules = ((draft.reasonRules ?? []) as RuleDraft[]).map((r) => r);
  // Fees as typed (percent, money); written to the draft only when they read.
  const [typed, setTyped] = useState<Record<string, string>>({});
  const [typedErrors, setTypedErrors] = useState<Record<string, string>>({});
  const setRule = (i: number, key: keyof ReasonRule, value: unknown) => set(["reasonRules", i, key], value);
  const ruled = new Set(rules.flatMap((r) => r.reasons));
  const free = REASONS.filter((r) => !ruled.has(r));

  const add = () => {
    const first = free[0];
    if (!first) return;
    let n = rules.length + 1;
    while (rules.some((r) => r.id === `rule-${n}`)) n++;
    set(["reasonRules"], [...rules, { id: `rule-${n}`, name: label(REASON_LABEL, first), reasons: [first] }]);
  };
  const remove = (i: number) => {
    set(["reasonRules"], rules.filter((_, j) => j !== i));
    setTyped({});
    setTypedErrors({});
  };
  const fee = (i: number, r: RuleDraft, kind: "restock" | "shipping", text: string) => {
    const key = `${i}.${kind}`;
    setTyped((t) => ({ ...t, [key]: text }));
    try {
      const other = r.fees ?? { restockingBps: 0, returnShippingFeeMinor: 0 };
      const value = kind === "restock" ? (text.trim() === "" ? 0 : percentToBps(text)) : feeToMinor(text, currency);
      const next = kind === "restock" ? { ...other, restockingBps: value } : { ...other, returnShippingFeeMinor: value };
      setTypedErrors((e) => ({ ...e, [key]: "" }));
      setRule(i, "fees", next);
    } catch (e) {
      setTypedErrors((x) => ({ ...x, [key]: (e as Error).message }));
    }
  };
  const num = (v: string) => (v.trim() === "" ? undefined : Number(v));

  return (
    <Part
      title="Rules per reason"
      help="Give a reason, or a group of reasons you name, its own window, conditions, photos, resolutions and fees. A blank cell follows the reason's group; reasons in no row follow their group too."
      errors={errorsUnder(errors, "reasonRules")}
    >
      {rules.length > 0 && (
        <div style={{ overflowX: "auto" }}>
          <table className="reason-rules" style={{ width: "100%", borderCollapse: "collapse" }} aria-label="Rules per reason">
            <thead>
              <tr>
                {["Reasons", "Window: days, from", "Items must be", "Photos", "Shopper can choose", `Fees: %, ${currency}`].map((h) => (
                  <th key={h} scope="col" style={{ textAlign: "left", padding: "4px 4px", verticalAlign: "bottom" }}>
                    <Text as="span" variant="bodySm" fontWeight="semibold">
                      {h}
                    </Text>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rules.map((r, i) => {
                const name = r.name || r.id;
                const cell = { padding: "4px 4px", verticalAlign: "top" } as const;
                return (
                  <Fragment key={i}>
                  <tr style={{ borderTop: "1px solid var(--p-color-border-secondary)" }}>
                    <td style={cell} colSpan={6}>
                      <InlineStack gap="200" blockAlign="center" wrap={false}>
                        <Box minWidth="240px">
                          <TextField label={`Name of rule ${i + 1}`} labelHidden autoComplete="off" placeholder="Name, e.g. Faults" value={r.name ?? ""} onChange={(v) => setRule(i, "name", v)} error={err(`reasonRules[${i}].name`)} />
                        </Box>
                        <Button variant="plain" tone="critical" onClick={() => remove(i)} accessibilityLabel={`Remove the rule ${name}`}>
                          Remove
                        </Button>
                      </InlineStack>
                    </td>
                  </tr>
                  <tr>
                    <td style={cell}>
                      <Picks
                        label={`Reasons of ${name}`}
                        options={REASONS}
                        words={(x) => label(REASON_LABEL, x)}
                        picked={r.reasons}
                        none="None"
                        onChange={(v) => setRule(i, "reasons", v ?? [])}
                      />
                      {err(`reasonRules[${i}].reasons`) && <Text as="p" tone="critical">{err(`reasonRules[${i}].reasons`)}</Text>}
                    </td>
                    <td style={{ ...cell, minWidth: 100 }}>
                      <BlockStack gap="100">
                        <TextField
                        label={`Window of ${name}, in days`}
                        labelHidden
                        type="number"
                        min={0}
                        autoComplete="off"
                        placeholder="Group's"
                        value={r.window ? String(r.window.days) : ""}
                        onChange={(v) => setRule(i, "window", num(v) === undefined ? undefined : { days: num(v), from: r.window?.from ?? "delivery" })}
                        error={err(`reasonRules[${i}].window.days`)}
                      />
                        <Select
                        label={`Window of ${name} counted from`}
                        labelHidden
                        disabled={!r.window}
                        options={FROM}
                        value={r.window?.from ?? "delivery"}
                        onChange={(v) => r.window && setRule(i, "window", { ...r.window, from: v })}
                      />
                      </BlockStack>
                    </td>
                    <td style={cell}>
                      <Picks
                        label={`Conditions for ${name}`}
                        options={CONDITIONS}
                        words={(c) => c.replace(/_/g, " ")}
                        picked={r.conditions}
                        none="Group's"
                        allowInherit
                        onChange={(v) => setRule(i, "conditions", v)}
                      />
                    </td>
                    <td style={{ ...cell, width: 56 }}>
                      <TextField
                        label={`Photos required for ${name}`}
                        labelHidden
                        type="number"
                        min={0}
                        max={20}
                        autoComplete="off"
                        placeholder="Reason's"
                        value={r.minPhotos === undefined ? "" : String(r.minPhotos)}
                        onChange={(v) => setRule(i, "minPhotos", num(v))}
                        error={err(`reasonRules[${i}].minPhotos`)}
                      />
                    </td>
                    <td style={cell}>
                      <Picks
                        label={`Resolutions for ${name}`}
                        options={RESOLUTIONS}
                        words={(x) => label(RESOLUTION_LABEL, x)}
                        picked={r.resolutions}
                        none="Policy's"
                        allowInherit
                        onChange={(v) => setRule(i, "resolutions", v)}
                      />
                      {err(`reasonRules[${i}].resolutions`) && <Text as="p" tone="critical">{err(`reasonRules[${i}].resolutions`)}</Text>}
                    </td>
                    <td style={{ ...cell, minWidth: 90 }}>
                      <BlockStack gap="100">
                        <TextField
                        label={`Restocking fee for ${name}, percent`}
                        labelHidden
                        autoComplete="off"
                        placeholder="Group's"
                        suffix="%"
                        value={typed[`${i}.restock`] ?? (r.fees ? bpsToPercent(r.fees.restockingBps) : "")}
                        onChange={(v) => fee(i, r, "restock", v)}
                        error={typedErrors[`${i}.restock`] || err(`reasonRules[${i}].fees.restockingBps`)}
                      />
                        <TextField
                        label={`Return shipping fee for ${name}`}
                        labelHidden
                        autoComplete="off"
                        placeholder="Group's"
                        value={typed[`${i}.shipping`] ?? (r.fees ? minorToFee(r.fees.returnShippingFeeMinor, currency) : "")}
                        onChange={(v) => fee(i, r, "shipping", v)}
                        error={typedErrors[`${i}.shipping`] || err(`reasonRules[${i}].fees.returnShippingFeeMinor`)}
                      />
                      </BlockStack>
                    </td>
                  </tr>
                  </Fragment>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <InlineStack gap="200" blockAlign="center">
        <Button onClick={add} disabled={free.length === 0}>
          Add a reason rule
        </Button>
        <Text as="span" tone="subdued">
          {free.length === 0
            ? "Every reason has its own rule."
            : `Following their group: ${free.map((r) => label(REASON_LABEL, r)).join(", ")}.`}
        </Text>
      </InlineStack>
    </Part>
  );
}
