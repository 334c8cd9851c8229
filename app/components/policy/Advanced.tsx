// The policy editor's advanced part, folded away: the return reasons the app names at Shopify, and the
// whole policy as JSON to export (copy or download) or import from another shop. The form above edits
// every field; JSON is for moving a policy, not for editing it.
import { BlockStack, Button, Collapsible, InlineGrid, InlineStack, Text, TextField } from "@shopify/polaris";
import { useState } from "react";
import { REASONS } from "~/returns";
import { REASON_LABEL, label } from "~/components/labels";
import type { SectionProps } from "./acceptance";
import { Part } from "./Part";

export function Advanced({
  draft,
  set,
  err,
  effective,
  onImport,
}: Pick<SectionProps, "draft" | "set" | "err"> & { effective: unknown; onImport: (text: string) => string | null }) {
  const [open, setOpen] = useState(false);
  const [importText, setImportText] = useState("");
  const [importError, setImportError] = useState<string | null>(null);
  const handles = (draft.reasons?.shopifyHandles ?? {}) as Record<string, string>;
  const exported = JSON.stringify(effective, null, 2);
  const download = `data:application/json;charset=utf-8,${encodeURIComponent(exported)}`;
  return (
    <Part title="Advanced">
      <InlineStack>
        <Button onClick={() => setOpen((o) => !o)} ariaExpanded={open} ariaControls="policy-advanced" disclosure={open ? "up" : "down"}>
          {open ? "Hide advanced settings" : "Show advanced settings: Shopify return reasons, import and export"}
        </Button>
      </InlineStack>
      <Collapsible id="policy-advanced" open={open}>
        <BlockStack gap="400">
          <BlockStack gap="200">
            <Text as="h3" variant="headingSm">
              Return reasons at Shopify
            </Text>
            <Text as="p" tone="subdued">
              The reason Shopify records on each return. Leave as is unless your store uses its own return reasons.
            </Text>
            <InlineGrid columns={{ xs: 1, md: 2 }} gap="200">
              {REASONS.map((r) => (
                <TextField
                  key={r}
                  label={label(REASON_LABEL, r)}
                  autoComplete="off"
                  value={handles[r] ?? ""}
                  onChange={(v) => {
                    const next = { ...handles };
                    if (v.trim()) next[r] = v.trim();
                    else delete next[r];
                    set(["reasons", "shopifyHandles"], next);
                  }}
                  error={err(`reasons.shopifyHandles.${r}`)}
                />
              ))}
            </InlineGrid>
          </BlockStack>
          <BlockStack gap="200">
            <Text as="h3" variant="headingSm">
              Export
            </Text>
            <Text as="p" tone="subdued">
              This draft as a file, to keep or to bring into another shop.
            </Text>
            <InlineStack>
              <Button url={download} download="return-policy.json">
                Download as JSON
              </Button>
            </InlineStack>
          </BlockStack>
          <BlockStack gap="200">
            <Text as="h3" variant="headingSm">
              Import
            </Text>
            <TextField
              label="Paste a policy exported from this app"
              multiline={6}
              monospaced
              autoComplete="off"
              value={importText}
              onChange={setImportText}
              error={importError ?? undefined}
            />
            <InlineStack>
              <Button
                disabled={importText.trim() === ""}
                onClick={() => {
                  const error = onImport(importText);
                  setImportError(error);
                  if (!error) setImportText("");
                }}
              >
                Replace the draft with it
              </Button>
            </InlineStack>
          </BlockStack>
        </BlockStack>
      </Collapsible>
    </Part>
  );
}
