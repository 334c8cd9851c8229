// The policy editor's parts about what can't be returned and what a warranty covers.
import { BlockStack, Box, Button, ChoiceList, InlineGrid, InlineStack, Select, TextField } from "@shopify/polaris";
import { EXCLUSION_CODES, RESOLUTIONS, SALES_CHANNELS, type Matcher } from "~/returns";
import { errorsUnder } from "~/services/admin-views/policy-editor";
import { CODE_LABEL, RESOLUTION_LABEL, label } from "~/components/labels";
import { csv } from "./draft";
import { MatchersEditor } from "./MatchersEditor";
import { Part } from "./Part";
import type { SectionProps } from "./acceptance";

export function Exclusions({ draft, set, err, errors }: SectionProps) {
  const rules = draft.rules ?? [];
  return (
    <Part title="What can't be returned" help="A rule matches when any of its matchers matches the item. “Applies to” takes * (any reason), change_of_mind, faults, warranty or reasons like UNWANTED." errors={errorsUnder(errors, "rules")}>
      {rules.map((rule, i) => (
        <Box key={i} padding="300" background="bg-surface-secondary" borderRadius="200">
          <BlockStack gap="200">
            <InlineGrid columns="1fr 1fr 1fr auto" gap="200" alignItems="end">
              <TextField label="Rule id" autoComplete="off" value={rule.id} onChange={(v) => set(["rules", i, "id"], v)} error={err(`rules[${i}].id`)} />
              <Select
                label="Shown as"
                options={EXCLUSION_CODES.map((c) => ({ value: c, label: label(CODE_LABEL, c) }))}
                value={rule.code}
                onChange={(v) => set(["rules", i, "code"], v)}
              />
              <TextField
                label="Applies to"
                placeholder="*, change_of_mind, faults or a reason"
                autoComplete="off"
                value={rule.appliesTo.join(", ")}
                onChange={(v) => set(["rules", i, "appliesTo"], csv(v))}
                error={err(`rules[${i}].appliesTo`) ?? Object.entries(errors).find(([f]) => f.startsWith(`rules[${i}].appliesTo[`))?.[1]}
              />
              <Button tone="critical" onClick={() => set(["rules"], rules.filter((_, j) => j !== i))}>
                Delete
              </Button>
            </InlineGrid>
            <MatchersEditor
              matchers={rule.match as Matcher[]}
              onChange={(m) => set(["rules", i, "match"], m)}
              error={err(`rules[${i}].match`) ?? Object.entries(errors).find(([f]) => f.startsWith(`rules[${i}].match[`))?.[1]}
            />
          </BlockStack>
        </Box>
      ))}
      <InlineStack>
        <Button
          onClick={() =>
            set(["rules"], [...rules, { id: `rule-${rules.length + 1}`, match: [{ kind: "tag", values: ["final-sale"] }], appliesTo: ["change_of_mind"], code: "FINAL_SALE" }])
          }
        >
          Add a rule
        </Button>
      </InlineStack>
      <ChoiceList
        allowMultiple
        title="Sales channels whose orders can't be returned here"
        choices={SALES_CHANNELS.map((c) => ({ value: c, label: c.replace(/_/g, " ") }))}
        selected={draft.channels?.excluded ?? []}
        onChange={(v) => set(["channels", "excluded"], v)}
      />
    </Part>
  );
}

export function Warranties({ draft, set, err, errors }: SectionProps) {
  const warranties = draft.warranties ?? [];
  return (
    <Part title="Warranties" errors={errorsUnder(errors, "warranties")}>
      {warranties.map((w, i) => (
        <Box key={i} padding="300" background="bg-surface-secondary" borderRadius="200">
          <BlockStack gap="200">
            <InlineGrid columns="1fr 1fr 1fr auto" gap="200" alignItems="end">
              <TextField label="Warranty id" autoComplete="off" value={w.id} onChange={(v) => set(["warranties", i, "id"], v)} error={err(`warranties[${i}].id`)} />
              <TextField
                label="Months"
                type="number"
                autoComplete="off"
                value={String(w.months)}
                onChange={(v) => set(["warranties", i, "months"], Number(v))}
                error={err(`warranties[${i}].months`)}
              />
              <TextField
                label="Reasons"
                autoComplete="off"
                value={w.reasons.join(", ")}
                onChange={(v) => set(["warranties", i, "reasons"], csv(v).map((x) => x.toUpperCase()))}
                error={err(`warranties[${i}].reasons`) ?? Object.entries(errors).find(([f]) => f.startsWith(`warranties[${i}].reasons[`))?.[1]}
              />
              <Button tone="critical" onClick={() => set(["warranties"], warranties.filter((_, j) => j !== i))}>
                Delete
              </Button>
            </InlineGrid>
            <ChoiceList
              allowMultiple
              title="Resolutions"
              choices={RESOLUTIONS.map((r) => ({ value: r, label: label(RESOLUTION_LABEL, r) }))}
              selected={w.resolutions}
              onChange={(v) => set(["warranties", i, "resolutions"], v)}
              error={err(`warranties[${i}].resolutions`)}
            />
            <MatchersEditor matchers={w.match as Matcher[]} onChange={(m) => set(["warranties", i, "match"], m)} error={err(`warranties[${i}].match`)} />
          </BlockStack>
        </Box>
      ))}
      <InlineStack>
        <Button
          onClick={() =>
            set(
              ["warranties"],
              [
                ...warranties,
                { id: `warranty-${warranties.length + 1}`, match: [{ kind: "productType", values: [] }], months: 12, from: "delivery", reasons: ["DEFECTIVE"], resolutions: ["replacement"] },
              ],
            )
          }
        >
          Add a warranty
        </Button>
      </InlineStack>
    </Part>
  );
}
