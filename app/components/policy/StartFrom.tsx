// Where a policy draft starts: a preset, named by what it does (with the store it follows as a note), or
// the version in force. Nothing is picked for the merchant; nothing is saved until they save.
import { BlockStack, Button, InlineStack, RadioButton, Text } from "@shopify/polaris";
import { useState } from "react";
import { PRESET_IDS } from "~/returns";
import { Part } from "./Part";
import { presetWords } from "./preset-words";

export function StartFrom({
  hasActive,
  activeVersion,
  onPreset,
  onActive,
}: {
  hasActive: boolean;
  activeVersion: number | null;
  onPreset: (id: string) => void;
  onActive: () => void;
}) {
  const [picked, setPicked] = useState<string | null>(null);
  return (
    <Part
      title={hasActive ? "Start again from a preset" : "Choose a starting point"}
      help={
        hasActive
          ? "Replaces the draft below with a preset. Nothing is saved until you save."
          : "Pick the preset closest to your policy, then change anything. Nothing is saved until you save."
      }
    >
      <BlockStack gap="200">
        {PRESET_IDS.map((id) => {
          const w = presetWords(id);
          return (
            <RadioButton
              key={id}
              id={`start-${id}`}
              name="start-from"
              label={w.label}
              helpText={w.note}
              checked={picked === id}
              onChange={() => setPicked(id)}
            />
          );
        })}
      </BlockStack>
      <InlineStack gap="200">
        <Button disabled={picked === null} onClick={() => picked && onPreset(picked)}>
          {hasActive ? "Replace the draft with this preset" : "Start from this preset"}
        </Button>
        {hasActive && activeVersion !== null && <Button onClick={onActive}>{`Back to version ${activeVersion}`}</Button>}
      </InlineStack>
      {!hasActive && (
        <Text as="p" tone="subdued">
          Until you save a policy, shoppers' requests are checked against a 30-day policy and every request waits for staff.
        </Text>
      )}
    </Part>
  );
}
