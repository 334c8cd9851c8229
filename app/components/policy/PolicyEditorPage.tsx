// Policy editor: start from a preset or the active version, edit every part of the policy with errors on
// the field, read it in plain words, try it on a real order, save as a new version.
import { useFetcher } from "@remix-run/react";
import { Banner, BlockStack, Box, Button, InlineStack, Layout, Page, Select } from "@shopify/polaris";
import { useAppBridge } from "@shopify/app-bridge-react";
import { useEffect, useMemo, useState } from "react";
import { PRESET_IDS, type Policy } from "~/returns";
import { summarizePolicy } from "~/returns/summary";
import { bpsToPercent, feeToMinor, fieldErrors, minorToFee, percentToBps } from "~/services/admin-views/policy-editor";
import { ConditionsAndEvidence, NameAndReview, Reasons, Windows } from "./acceptance";
import { setIn, type Draft } from "./draft";
import { Exclusions, Warranties } from "./exclusions";
import { Checkout, PolicyJson, RefundTiming, ResolutionsAndFees } from "./outcome";
import { Part } from "./Part";
import { ReasonRules } from "./ReasonRules";
import { PlainWords, TryIt, Versions } from "./side";
import { ScreenTitle } from "~/components/ScreenTitle";

/** The action's answer to "save". */
export type SaveAnswer =
  | { ok: true; intent: "save"; version: number }
  | { ok: false; intent: "save"; errors: Record<string, string>; message: string };

export interface PolicyEditorProps {
  active: { version: number; policy: unknown; presetId: string | null } | null;
  versions: { version: number; createdAt: string; createdBy: string | null; presetId: string | null }[];
  presets: Record<string, Policy>;
  currency: string;
  autoApproval: boolean;
}

export function PolicyEditorPage({ active, versions, presets, currency, autoApproval }: PolicyEditorProps) {
  const initial = (active?.policy ?? presets["standard-30-day"]) as unknown as Draft;
  const [draft, setDraft] = useState<Draft>(initial);
  const [presetId, setPresetId] = useState<string>(active?.presetId ?? "standard-30-day");
  const [pickPreset, setPickPreset] = useState<string>("standard-30-day");
  const [restockText, setRestockText] = useState(bpsToPercent(initial.fees?.restockingBps ?? 0));
  const [feeText, setFeeText] = useState(minorToFee(initial.fees?.returnShippingFeeMinor ?? 0, currency));
  const [jsonText, setJsonText] = useState<string | null>(null);
  const [jsonError, setJsonError] = useState<string | null>(null);
  const save = useFetcher<SaveAnswer>();
  const shopify = useAppBridge();
  useEffect(() => {
    if (save.state === "idle" && save.data) {
      shopify.toast.show(save.data.ok ? `Saved as version ${save.data.version}` : "Policy not saved", { isError: !save.data.ok });
    }
  }, [save.state, save.data]);

  // Local typed-input errors (percent, money) layered over the schema's errors.
  let restockError: string | undefined;
  let feeError: string | undefined;
  let effective = draft;
  try {
    effective = setIn(effective, ["fees", "restockingBps"], percentToBps(restockText));
  } catch (e) {
    restockError = (e as Error).message;
  }
  try {
    effective = setIn(effective, ["fees", "returnShippingFeeMinor"], feeToMinor(feeText, currency));
  } catch (e) {
    feeError = (e as Error).message;
  }
  const { policy, errors: liveErrors } = useMemo(() => fieldErrors(effective), [effective]);
  const serverErrors = save.data && !save.data.ok ? save.data.errors : {};
  const errors = { ...serverErrors, ...liveErrors };
  const err = (path: string) => errors[path];
  const summary = policy ? summarizePolicy(policy, currency) : null;
  const set = (path: (string | number)[], value: unknown) => setDraft((d) => setIn(d, path, value));
  const parts = { draft, set, err, errors };

  const loadPolicy = (p: Draft, id: string) => {
    setDraft(structuredClone(p));
    setPresetId(id);
    setRestockText(bpsToPercent(p.fees?.restockingBps ?? 0));
    setFeeText(minorToFee(p.fees?.returnShippingFeeMinor ?? 0, currency));
    setJsonText(null);
  };
  const applyJson = () => {
    try {
      const next = JSON.parse(jsonText ?? "") as Draft;
      loadPolicy(next, presetId);
      setJsonError(null);
    } catch (e) {
      setJsonError(`policy: invalid JSON: ${(e as Error).message}`);
    }
  };

  const canSave = policy !== null && !restockError && !feeError && save.state === "idle";
  const onSave = () => save.submit({ intent: "save", policy: JSON.stringify(effective), presetId }, { method: "post" });

  return (
    <Page
      subtitle={active ? `Version ${active.version} is in force` : "No policy saved yet"}
      primaryAction={{ content: "Save as new version", onAction: onSave, disabled: !canSave, loading: save.state !== "idle" }}
    >
      <ScreenTitle title="Return policy" />
      <Layout>
        {save.data && save.state === "idle" && (
          <Layout.Section>
            {save.data.ok ? (
              <Banner tone="success" title={`Saved as version ${save.data.version}`}>
                <p>New return requests are judged by this version from now on; earlier requests keep the version they were judged by.</p>
              </Banner>
            ) : (
              <Banner tone="critical" title="The policy was not saved">
                <p>{save.data.message}</p>
              </Banner>
            )}
          </Layout.Section>
        )}
        <Layout.Section>
          <BlockStack gap="400">
            <Part title="Start from" help="Load a preset or go back to the version in force. Nothing is saved until you save.">
              <InlineStack gap="200" blockAlign="end">
                <Box minWidth="260px">
                  <Select
                    label="Preset"
                    options={PRESET_IDS.map((id) => ({ value: id, label: presets[id]!.name }))}
                    value={pickPreset}
                    onChange={setPickPreset}
                  />
                </Box>
                <Button onClick={() => loadPolicy(presets[pickPreset] as unknown as Draft, pickPreset)}>Load preset</Button>
                {active && <Button onClick={() => loadPolicy(active.policy as unknown as Draft, active.presetId ?? "")}>{`Back to version ${active.version}`}</Button>}
              </InlineStack>
            </Part>
            <NameAndReview {...parts} autoApproval={autoApproval} />
            <Reasons {...parts} />
            <Windows {...parts} />
            <ConditionsAndEvidence {...parts} />
            <ReasonRules {...parts} currency={currency} />
            <Exclusions {...parts} />
            <Warranties {...parts} />
            <ResolutionsAndFees
              {...parts}
              currency={currency}
              restockText={restockText}
              setRestockText={setRestockText}
              restockError={restockError}
              feeText={feeText}
              setFeeText={setFeeText}
              feeError={feeError}
            />
            <RefundTiming {...parts} />
            <Checkout draft={draft} set={set} />
            <PolicyJson effective={effective} jsonText={jsonText} setJsonText={setJsonText} jsonError={jsonError} onApply={applyJson} />
          </BlockStack>
        </Layout.Section>
        <Layout.Section variant="oneThird">
          <BlockStack gap="400">
            <PlainWords valid={policy !== null} summary={summary} errors={errors} />
            <TryIt effective={effective} valid={policy !== null} />
            <Versions versions={versions} activeVersion={active?.version ?? null} />
          </BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
