// The policy editor's parts about who decides and when a return is accepted: name and review, reasons,
// windows, conditions and photos.
import { BlockStack, Checkbox, ChoiceList, Divider, FormLayout, InlineGrid, Select, Text, TextField } from "@shopify/polaris";
import { APPROVAL_MODES, CLAIM_GROUPS, CONDITIONS, REASONS } from "~/returns";
import { errorsUnder } from "~/services/admin-views/policy-editor";
import { REASON_LABEL, label } from "~/components/labels";
import type { Draft, SetDraft } from "./draft";
import { Part } from "./Part";

/** What every part of the editor gets: the draft, how to change it, and the errors by field. */
export interface SectionProps {
  draft: Draft;
  set: SetDraft;
  err: (path: string) => string | undefined;
  errors: Record<string, string>;
}

export function NameAndReview({ draft, set, err, errors }: SectionProps) {
  return (
    <Part title="Name and review" errors={errorsUnder(errors, "approval")}>
      <FormLayout>
        <TextField label="Policy name" autoComplete="off" value={draft.name} onChange={(v) => set(["name"], v)} error={err("name")} />
        <Select
          label="Who decides"
          options={[
            { value: "manual", label: "Staff review every request" },
            { value: "auto_approve_eligible", label: "Approve requests that meet the policy straight away; staff review the rest" },
            { value: "auto_approve_and_decline", label: "Approve what meets the policy, decline what clearly doesn't" },
          ]}
          value={draft.approval.mode}
          onChange={(v) => set(["approval", "mode"], v as (typeof APPROVAL_MODES)[number])}
          helpText="The one switch for automatic approval: it applies to new requests once you save, and Settings shows the same."
        />
      </FormLayout>
    </Part>
  );
}

export function Reasons({ draft, set, errors }: SectionProps) {
  const reasons = draft.reasons;
  const accepted = new Set(reasons.accepted);
  return (
    <Part title="Reasons" help="Which reasons shoppers may pick, and whether each counts as a change of mind or a fault." errors={errorsUnder(errors, "reasons")}>
      <BlockStack gap="200">
        {REASONS.map((r) => (
          <InlineGrid key={r} columns="1fr 1fr" gap="200" alignItems="center">
            <Checkbox
              label={label(REASON_LABEL, r)}
              checked={accepted.has(r)}
              onChange={(on) => set(["reasons", "accepted"], on ? REASONS.filter((x) => x === r || accepted.has(x)) : reasons.accepted.filter((x) => x !== r))}
            />
            <Select
              label={`Group for ${label(REASON_LABEL, r)}`}
              labelHidden
              options={[
                { value: "change_of_mind", label: "Change of mind" },
                { value: "faults", label: "Fault" },
              ]}
              value={reasons.groups[r] ?? "change_of_mind"}
              onChange={(v) => set(["reasons", "groups", r], v)}
            />
          </InlineGrid>
        ))}
      </BlockStack>
    </Part>
  );
}

export function Windows({ draft, set, err, errors }: SectionProps) {
  const windows = draft.windows;
  return (
    <Part title="Return windows" errors={errorsUnder(errors, "windows")}>
      <InlineGrid columns={2} gap="400">
        {CLAIM_GROUPS.map((g) => {
          const w = windows[g];
          return (
            <BlockStack key={g} gap="200">
              <Checkbox
                label={g === "change_of_mind" ? "Accept change-of-mind returns" : "Accept returns of faulty items"}
                checked={w !== null && w !== undefined}
                onChange={(on) => set(["windows", g], on ? { days: 30, from: "delivery" } : null)}
              />
              {w && (
                <InlineGrid columns={2} gap="200">
                  <TextField
                    label="Days"
                    type="number"
                    autoComplete="off"
                    value={String(w.days)}
                    onChange={(v) => set(["windows", g, "days"], v === "" ? ("" as unknown as number) : Number(v))}
                    error={err(`windows.${g}.days`)}
                  />
                  <Select
                    label="Counted from"
                    options={[
                      { value: "delivery", label: "Delivery" },
                      { value: "fulfillment", label: "Dispatch" },
                    ]}
                    value={w.from ?? "delivery"}
                    onChange={(v) => set(["windows", g, "from"], v)}
                  />
                </InlineGrid>
              )}
            </BlockStack>
          );
        })}
      </InlineGrid>
    </Part>
  );
}

export function ConditionsAndEvidence({ draft, set, err, errors }: SectionProps) {
  const conditions = draft.conditions ?? {};
  const minPhotos = draft.evidence?.minPhotos ?? {};
  return (
    <Part title="Condition and evidence" errors={[...errorsUnder(errors, "conditions"), ...errorsUnder(errors, "evidence")]}>
      <InlineGrid columns={3} gap="400">
        {(["change_of_mind", "faults", "warranty"] as const).map((g) => (
          <ChoiceList
            key={g}
            allowMultiple
            title={g === "change_of_mind" ? "Change of mind: items must be" : g === "faults" ? "Faults: items must be" : "Warranty: items must be"}
            choices={CONDITIONS.map((c) => ({ value: c, label: c.replace(/_/g, " ") }))}
            selected={conditions[g] ?? []}
            onChange={(v) => set(["conditions", g], v)}
          />
        ))}
      </InlineGrid>
      <Divider />
      <Text as="h3" variant="headingSm">
        Photos required
      </Text>
      <InlineGrid columns={{ xs: 2, md: 5 }} gap="200">
        {REASONS.map((r) => (
          <TextField
            key={r}
            label={label(REASON_LABEL, r)}
            type="number"
            min={0}
            max={20}
            autoComplete="off"
            value={String(minPhotos[r] ?? 0)}
            onChange={(v) => set(["evidence", "minPhotos", r], v === "" ? 0 : Number(v))}
            error={err(`evidence.minPhotos.${r}`)}
          />
        ))}
      </InlineGrid>
    </Part>
  );
}
