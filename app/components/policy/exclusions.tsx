// The policy editor's parts about what can't be returned and what a warranty covers, as forms: a rule is
// named in words, says which kind of item it matches, and for which returns ("Change-of-mind returns",
// not "change_of_mind"); a warranty picks its reasons, resolutions and conditions from lists.
import { BlockStack, Box, Button, Checkbox, ChoiceList, InlineGrid, InlineStack, Select, Text, TextField } from "@shopify/polaris";
import { CONDITIONS, EXCLUSION_CODES, LOCALES, REASONS, RESOLUTIONS, SALES_CHANNELS, type Matcher, type Scope } from "~/returns";
import { errorsUnder } from "~/services/admin-views/policy-editor";
import { CHANNEL_WORDS, CONDITION_WORDS, REASON_LABEL, RESOLUTION_LABEL, label } from "~/components/labels";
import { MatchersEditor } from "./MatchersEditor";
import { Part } from "./Part";
import type { SectionProps } from "./acceptance";

const cap = (s: string) => s.replace(/^./, (c) => c.toUpperCase());

/** What a rule does to the item, as the merchant picks it. */
const RULE_KIND_LABEL: Record<string, string> = {
  FINAL_SALE: "Final sale: can't be returned",
  GIFT_CARD: "Gift card: can't be returned",
  EXCLUDED_ITEM: "Can't be returned (other reason)",
};

/** Which returns a rule covers, in words. */
export const SCOPE_LABEL: Record<string, string> = {
  "*": "Every return and warranty claim",
  change_of_mind: "Change-of-mind returns",
  faults: "Returns of faulty items",
  warranty: "Warranty claims",
};

export const LOCALE_LABEL: Record<string, string> = { en: "English", fr: "French", de: "German", es: "Spanish" };

/** A new rule or warranty needs an id the schema keeps unique; the merchant names it. */
function freshName(base: string, taken: string[]): string {
  let n = taken.length + 1;
  while (taken.includes(`${base} ${n}`)) n++;
  return `${base} ${n}`;
}

function ScopePicker({ value, onChange, error }: { value: Scope[]; onChange: (v: Scope[]) => void; error?: string }) {
  const all = value.includes("*");
  return (
    <BlockStack gap="100">
      <ChoiceList
        allowMultiple
        title="Applies to"
        choices={(["*", "change_of_mind", "faults", "warranty"] as const).map((s) => ({ value: s, label: SCOPE_LABEL[s]!, disabled: s !== "*" && all }))}
        selected={value.filter((v) => v in SCOPE_LABEL)}
        onChange={(picked) => onChange([...(picked as Scope[]), ...value.filter((v) => !(v in SCOPE_LABEL))])}
        error={error}
      />
      {!all && (
        <details>
          <summary>
            <Text as="span" variant="bodySm">
              Only for some reasons{value.some((v) => !(v in SCOPE_LABEL)) ? ` (${value.filter((v) => !(v in SCOPE_LABEL)).length} chosen)` : ""}
            </Text>
          </summary>
          <InlineGrid columns={{ xs: 2, md: 3 }} gap="100">
            {REASONS.map((r) => (
              <Checkbox
                key={r}
                label={label(REASON_LABEL, r)}
                checked={value.includes(r)}
                onChange={(on) => onChange(on ? [...value, r] : value.filter((v) => v !== r))}
              />
            ))}
          </InlineGrid>
        </details>
      )}
    </BlockStack>
  );
}

/** A shopper-facing text in each language (empty = the built-in text). */
export function TranslationsFields({
  title,
  value,
  onChange,
  placeholder,
}: {
  title: string;
  value: Partial<Record<string, string>> | undefined;
  onChange: (v: Partial<Record<string, string>> | undefined) => void;
  placeholder?: string;
}) {
  const v = value ?? {};
  const setLocale = (loc: string, text: string) => {
    const next: Record<string, string> = {};
    for (const [k, t] of Object.entries({ ...v, [loc]: text })) if (t) next[k] = t;
    onChange(Object.keys(next).length ? next : undefined);
  };
  return (
    <details>
      <summary>
        <Text as="span" variant="bodySm">
          {title}
          {Object.keys(v).length ? ` (${Object.keys(v).map((l) => LOCALE_LABEL[l] ?? l).join(", ")})` : ""}
        </Text>
      </summary>
      <InlineGrid columns={{ xs: 1, md: 2 }} gap="200">
        {LOCALES.map((loc) => (
          <TextField
            key={loc}
            label={LOCALE_LABEL[loc]}
            autoComplete="off"
            multiline={2}
            value={v[loc] ?? ""}
            placeholder={placeholder}
            onChange={(t) => setLocale(loc, t)}
          />
        ))}
      </InlineGrid>
    </details>
  );
}

export function Exclusions({ draft, set, err, errors }: SectionProps) {
  const rules = draft.rules ?? [];
  return (
    <Part
      title="What can't be returned"
      help="Each rule names a kind of item (by tag, product type, collection, vendor…) that can't be returned, and for which returns."
      errors={errorsUnder(errors, "rules")}
    >
      {rules.map((rule, i) => (
        <Box key={i} padding="300" background="bg-surface-secondary" borderRadius="200">
          <BlockStack gap="200">
            <InlineGrid columns={{ xs: 1, md: "1fr 1fr auto" }} gap="200" alignItems="end">
              <TextField
                label="Name"
                helpText="Staff see it when the rule refuses an item."
                autoComplete="off"
                value={rule.id}
                onChange={(v) => set(["rules", i, "id"], v)}
                error={err(`rules[${i}].id`)}
              />
              <Select
                label="Items it matches"
                options={EXCLUSION_CODES.map((c) => ({ value: c, label: RULE_KIND_LABEL[c] ?? c }))}
                value={rule.code}
                onChange={(v) => set(["rules", i, "code"], v)}
              />
              <Button tone="critical" onClick={() => set(["rules"], rules.filter((_, j) => j !== i))} accessibilityLabel={`Delete rule ${rule.id}`}>
                Delete
              </Button>
            </InlineGrid>
            <MatchersEditor
              matchers={rule.match as Matcher[]}
              onChange={(m) => set(["rules", i, "match"], m)}
              error={err(`rules[${i}].match`) ?? Object.entries(errors).find(([f]) => f.startsWith(`rules[${i}].match[`))?.[1]}
            />
            <ScopePicker
              value={rule.appliesTo as Scope[]}
              onChange={(v) => set(["rules", i, "appliesTo"], v)}
              error={err(`rules[${i}].appliesTo`) ?? Object.entries(errors).find(([f]) => f.startsWith(`rules[${i}].appliesTo[`))?.[1]}
            />
            <TranslationsFields
              title="What shoppers read when this rule refuses an item"
              placeholder="The built-in text"
              value={rule.explanation}
              onChange={(v) => set(["rules", i, "explanation"], v)}
            />
          </BlockStack>
        </Box>
      ))}
      <InlineStack>
        <Button
          onClick={() =>
            set(
              ["rules"],
              [...rules, { id: freshName("Rule", rules.map((r) => r.id)), match: [{ kind: "tag", values: ["final-sale"] }], appliesTo: ["change_of_mind"], code: "FINAL_SALE" }],
            )
          }
        >
          Add a rule
        </Button>
      </InlineStack>
      <ChoiceList
        allowMultiple
        title="Orders from these sales channels can't be returned here"
        choices={SALES_CHANNELS.map((c) => ({ value: c, label: cap(CHANNEL_WORDS[c] ?? c) }))}
        selected={draft.channels?.excluded ?? []}
        onChange={(v) => set(["channels", "excluded"], v)}
      />
    </Part>
  );
}

export function Warranties({ draft, set, err, errors }: SectionProps) {
  const warranties = draft.warranties ?? [];
  return (
    <Part title="Warranties" help="A warranty covers some items for longer than the return window, for the reasons you pick." errors={errorsUnder(errors, "warranties")}>
      {warranties.map((w, i) => (
        <Box key={i} padding="300" background="bg-surface-secondary" borderRadius="200">
          <BlockStack gap="300">
            <InlineGrid columns={{ xs: 1, md: "2fr 1fr 1fr 1fr auto" }} gap="200" alignItems="end">
              <TextField label="Name" autoComplete="off" value={w.id} onChange={(v) => set(["warranties", i, "id"], v)} error={err(`warranties[${i}].id`)} />
              <TextField
                label="Months"
                type="number"
                autoComplete="off"
                value={String(w.months)}
                onChange={(v) => set(["warranties", i, "months"], v === "" ? ("" as unknown as number) : Number(v))}
                error={err(`warranties[${i}].months`)}
              />
              <Select
                label="Counted from"
                options={[
                  { value: "delivery", label: "Delivery" },
                  { value: "fulfillment", label: "Dispatch" },
                ]}
                value={w.from ?? "delivery"}
                onChange={(v) => set(["warranties", i, "from"], v)}
              />
              <TextField
                label="Photos needed"
                type="number"
                min={0}
                autoComplete="off"
                value={String(w.minPhotos ?? 0)}
                onChange={(v) => set(["warranties", i, "minPhotos"], v === "" ? 0 : Number(v))}
                error={err(`warranties[${i}].minPhotos`)}
              />
              <Button tone="critical" onClick={() => set(["warranties"], warranties.filter((_, j) => j !== i))} accessibilityLabel={`Delete warranty ${w.id}`}>
                Delete
              </Button>
            </InlineGrid>
            <Text as="p" variant="bodySm" tone="subdued">
              Covers these items:
            </Text>
            <MatchersEditor matchers={w.match as Matcher[]} onChange={(m) => set(["warranties", i, "match"], m)} error={err(`warranties[${i}].match`)} />
            <InlineGrid columns={{ xs: 1, md: 3 }} gap="300">
              <ChoiceList
                allowMultiple
                title="For these reasons"
                choices={REASONS.map((r) => ({ value: r, label: label(REASON_LABEL, r) }))}
                selected={w.reasons}
                onChange={(v) => set(["warranties", i, "reasons"], v)}
                error={err(`warranties[${i}].reasons`) ?? Object.entries(errors).find(([f]) => f.startsWith(`warranties[${i}].reasons[`))?.[1]}
              />
              <ChoiceList
                allowMultiple
                title="The customer can get"
                choices={RESOLUTIONS.map((r) => ({ value: r, label: label(RESOLUTION_LABEL, r) }))}
                selected={w.resolutions}
                onChange={(v) => set(["warranties", i, "resolutions"], v)}
                error={err(`warranties[${i}].resolutions`)}
              />
              <ChoiceList
                allowMultiple
                title="Items must be"
                choices={CONDITIONS.map((c) => ({ value: c, label: cap(CONDITION_WORDS[c] ?? c) }))}
                selected={w.conditions ?? []}
                onChange={(v) => set(["warranties", i, "conditions"], v)}
              />
            </InlineGrid>
            <TranslationsFields
              title="What shoppers read about this warranty"
              placeholder="The built-in text"
              value={w.explanation}
              onChange={(v) => set(["warranties", i, "explanation"], v)}
            />
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
                {
                  id: freshName("Warranty", warranties.map((x) => x.id)),
                  match: [{ kind: "productType", values: [] }],
                  months: 12,
                  from: "delivery",
                  reasons: ["DEFECTIVE"],
                  resolutions: ["replacement"],
                },
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
