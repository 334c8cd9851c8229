// Policy editor: start from a preset (none picked for the merchant) or the active version, edit every
// part of the policy as a form with errors on the field, read it in plain words, try it on a real order,
// save as a new version and see truthfully which orders it applies to. JSON is an advanced import/export.
import { useFetcher } from "@remix-run/react";
import { Banner, BlockStack, Layout, Page } from "@shopify/polaris";
import { useAppBridge } from "@shopify/app-bridge-react";
import { useEffect, useMemo, useState } from "react";
import type { Policy } from "~/returns";
import { summarizePolicy } from "~/returns/summary";
import { bpsToPercent, feeToMinor, fieldErrors, minorToFee, percentToBps } from "~/services/admin-views/policy-editor";
import { ConditionsAndEvidence, NameAndReview, Reasons, Windows } from "./acceptance";
import { setIn, type Draft } from "./draft";
import { Exclusions, Warranties } from "./exclusions";
import { Checkout, RefundTiming, ResolutionsAndFees } from "./outcome";
import { Advanced } from "./Advanced";
import { CustomerHistory } from "./CustomerHistory";
import { Blocklist } from "./Blocklist";
import { KeepItem } from "./KeepItem";
import { ReasonRules } from "./ReasonRules";
import { SaveBanner } from "./SaveBanner";
import { ShopperMessages } from "./ShopperMessages";
import { StartFrom } from "./StartFrom";
import { PlainWords, TryIt, Versions } from "./side";
import { ScreenTitle } from "~/components/ScreenTitle";

/** The action's answer to "save". */
export type SaveAnswer =
  | { ok: true; intent: "save"; version: number }
  | { ok: false; intent: "save"; errors: Record<string, string>; message: string };

export interface PolicyEditorProps {
  active: { version: number; policy: unknown; presetId: string | null } | null;
  versions: { version: number; createdAt: string; createdBy: string | null; presetId: string | null; appliesToEarlierOrders?: boolean }[];
  presets: Record<string, Policy>;
  currency: string;
  autoApproval: boolean;
  /** blocked customers by id, in words staff recognise */
  customerLabels?: Record<string, string>;
  /** whether Shopify approved the app for customers' e-mail addresses */
  emailAccess?: boolean;
}

/** The policy as it really acts: with automation off for the shop, every request waits for staff. */
function asInForce(policy: unknown, autoApproval: boolean): Draft {
  const d = structuredClone(policy) as Draft;
  if (!autoApproval && d.approval) d.approval = { ...d.approval, mode: "manual" };
  return d;
}

export function PolicyEditorPage({ active, versions, presets, currency, autoApproval, customerLabels = {}, emailAccess = false }: PolicyEditorProps) {
  const inForce = active ? asInForce(active.policy, autoApproval) : null;
  // with no saved policy the draft is empty until the merchant picks a starting point
  const [draftOrNull, setDraft] = useState<Draft | null>(inForce);
  const draft = draftOrNull ?? (presets["standard-30-day"] as unknown as Draft);
  const initial = draft;
  const [presetId, setPresetId] = useState<string>(active?.presetId ?? "");
  const [restockText, setRestockText] = useState(bpsToPercent(initial.fees?.restockingBps ?? 0));
  const [feeText, setFeeText] = useState(minorToFee(initial.fees?.returnShippingFeeMinor ?? 0, currency));
  const [bannerOpen, setBannerOpen] = useState(true);
  const save = useFetcher<SaveAnswer>();
  const shopify = useAppBridge();
  useEffect(() => {
    if (save.state === "idle" && save.data) {
      setBannerOpen(true);
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
  const set = (path: (string | number)[], value: unknown) => setDraft((d) => setIn(d ?? draft, path, value));
  const parts = { draft, set, err, errors };

  const loadPolicy = (p: Draft, id: string) => {
    setDraft(structuredClone(p));
    setPresetId(id);
    setRestockText(bpsToPercent(p.fees?.restockingBps ?? 0));
    setFeeText(minorToFee(p.fees?.returnShippingFeeMinor ?? 0, currency));
  };
  const importJson = (text: string): string | null => {
    try {
      const next = JSON.parse(text) as Draft;
      if (!next || typeof next !== "object" || Array.isArray(next)) return "This is not a policy exported from this app.";
      loadPolicy(next, "");
      return null;
    } catch (e) {
      return `This is not valid JSON: ${(e as Error).message}`;
    }
  };

  const canSave = draftOrNull !== null && policy !== null && !restockError && !feeError && save.state === "idle";
  const onSave = () => save.submit({ intent: "save", policy: JSON.stringify(effective), presetId }, { method: "post" });

  return (
    <Page
      subtitle={active ? `Version ${active.version} is in force` : "No policy saved yet"}
      primaryAction={{ content: "Save as new version", onAction: onSave, disabled: !canSave, loading: save.state !== "idle" }}
    >
      <ScreenTitle title="Return policy" />
      <Layout>
        {save.data && save.state === "idle" && bannerOpen && (
          <Layout.Section>
            {save.data.ok ? (
              <SaveBanner version={save.data.version} versions={versions} onDismiss={() => setBannerOpen(false)} />
            ) : (
              <Banner tone="critical" title="The policy was not saved" onDismiss={() => setBannerOpen(false)}>
                <p>{save.data.message}</p>
              </Banner>
            )}
          </Layout.Section>
        )}
        <Layout.Section>
          <BlockStack gap="400">
            <StartFrom
              hasActive={draftOrNull !== null}
              activeVersion={active?.version ?? null}
              onPreset={(id) => loadPolicy(presets[id] as unknown as Draft, id)}
              onActive={() => inForce && loadPolicy(inForce, active?.presetId ?? "")}
            />
            {draftOrNull !== null && (
              <>
                <NameAndReview {...parts} />
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
                <CustomerHistory {...parts} currency={currency} />
                <Blocklist {...parts} customerLabels={customerLabels} emailAccess={emailAccess} />
                <KeepItem {...parts} currency={currency} />
                <Checkout draft={draft} set={set} />
                <ShopperMessages draft={draft} set={set} />
                <Advanced draft={draft} set={set} err={err} effective={effective} onImport={importJson} />
              </>
            )}
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
