// Policy editor: start from a preset or the active version, edit every part of the policy with errors on
// the field, read it in plain words, try it on a real order, save as a new version.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useFetcher, useLoaderData } from "@remix-run/react";
import {
  Badge,
  Banner,
  BlockStack,
  Box,
  Button,
  Card,
  Checkbox,
  ChoiceList,
  Divider,
  FormLayout,
  InlineGrid,
  InlineStack,
  InlineError,
  Layout,
  List,
  Page,
  Select,
  Text,
  TextField,
} from "@shopify/polaris";
import { TitleBar, useAppBridge } from "@shopify/app-bridge-react";
import { useEffect, useMemo, useState, type ReactNode } from "react";
import {
  APPROVAL_MODES,
  CLAIM_GROUPS,
  CONDITIONS,
  EXCLUSION_CODES,
  PRESET_IDS,
  REASONS,
  RESOLUTIONS,
  SALES_CHANNELS,
  getPreset,
  isPresetId,
  safeParsePolicy,
  type Matcher,
  type PolicyInput,
  type Reason,
} from "~/returns";
import { summarizePolicy } from "~/returns/summary";
import {
  bpsToPercent,
  errorsUnder,
  feeToMinor,
  fieldErrors,
  minorToFee,
  percentToBps,
  tryPolicy,
  type TryItResult,
} from "~/services/admin-views/policy-editor";
import { adminContext } from "~/services/admin-views/context.server";
import { unstorableTextIn } from "~/services/input-text";
import { termsSyncAfterPolicySave } from "~/services/terms-sync/server";
import { findOrderIdByName, loadOrderSnapshot } from "~/shopify/order-snapshot";
import { CODE_LABEL, REASON_LABEL, RESOLUTION_LABEL, label } from "~/components/labels";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const ctx = await adminContext(request);
  const [active, versions] = await Promise.all([ctx.repos.policies.active(ctx.shop), ctx.repos.policies.list(ctx.shop, { limit: 10 })]);
  return {
    active: active ? { version: active.version, policy: active.policy, presetId: active.presetId } : null,
    versions: versions.map((v) => ({ version: v.version, createdAt: v.createdAt.toISOString(), createdBy: v.createdBy, presetId: v.presetId })),
    presets: Object.fromEntries(PRESET_IDS.map((id) => [id, getPreset(id)!])),
    currency: ctx.currency,
    /** Settings' on/off switch for automation; the mode below says what automation does */
    autoApproval: ctx.shopRecord?.autoApproval ?? false,
  };
};

type SaveAnswer =
  | { ok: true; intent: "save"; version: number }
  | { ok: false; intent: "save"; errors: Record<string, string>; message: string };
type TryAnswer = { ok: true; intent: "try"; result: TryItResult } | { ok: false; intent: "try"; field: string; message: string };

export const action = async ({ request }: ActionFunctionArgs) => {
  const ctx = await adminContext(request);
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "");
  let draft: unknown;
  try {
    draft = JSON.parse(String(form.get("policy") ?? ""));
  } catch {
    return Response.json({ ok: false, intent, field: "policy", message: "policy: invalid JSON", errors: { policy: "invalid JSON" } }, { status: 422 });
  }
  const unstorable = unstorableTextIn(draft, "policy");
  if (unstorable) return Response.json({ ok: false, intent, field: unstorable.field, message: `${unstorable.field}: ${unstorable.message}` }, { status: 400 });
  if (intent === "save") {
    const active = await ctx.repos.policies.active(ctx.shop);
    const next = (active?.version ?? 0) + 1;
    const parsed = safeParsePolicy({ ...(draft as object), version: next });
    if (!parsed.ok) {
      const { errors } = fieldErrors({ ...(draft as object), version: next });
      return Response.json({ ok: false, intent, errors, message: parsed.error.message } satisfies SaveAnswer, { status: 422 });
    }
    const presetId = String(form.get("presetId") ?? "");
    const saved = await ctx.repos.policies.saveNewVersion(ctx.shop, {
      policy: parsed.policy,
      presetId: isPresetId(presetId) ? presetId : null,
      createdBy: ctx.actor,
      now: ctx.now(),
    });
    // Publish the new terms to checkout (shop metafield now, catalogue in the worker). It logs and
    // returns null on failure and never fails the save: the queued job retries the write.
    await termsSyncAfterPolicySave(ctx, ctx.shop);
    return { ok: true, intent: "save", version: saved.version } satisfies SaveAnswer;
  }
  if (intent === "try") {
    const parsed = safeParsePolicy(draft);
    if (!parsed.ok) return Response.json({ ok: false, intent, field: parsed.error.field, message: `Fix the policy first: ${parsed.error.message}` } satisfies TryAnswer, { status: 422 });
    const orderName = String(form.get("orderName") ?? "").trim();
    if (!orderName) return Response.json({ ok: false, intent, field: "orderName", message: "Enter an order number, like #1001" } satisfies TryAnswer, { status: 422 });
    const reason = String(form.get("reason") ?? "UNWANTED");
    if (!(REASONS as readonly string[]).includes(reason)) {
      return Response.json({ ok: false, intent, field: "reason", message: "Pick a reason" } satisfies TryAnswer, { status: 422 });
    }
    const orderId = await findOrderIdByName(ctx.admin, orderName.startsWith("#") ? orderName : `#${orderName}`);
    if (!orderId) return Response.json({ ok: false, intent, field: "orderName", message: `No order ${orderName} in this store` } satisfies TryAnswer, { status: 404 });
    const snap = await loadOrderSnapshot(ctx.admin, orderId);
    if (!snap) return Response.json({ ok: false, intent, field: "orderName", message: `Order ${orderName} could not be read` } satisfies TryAnswer, { status: 404 });
    const result = tryPolicy({ policy: parsed.policy, order: snap.order, shop: snap.shop, now: ctx.now().toISOString(), reason: reason as Reason });
    return { ok: true, intent: "try", result } satisfies TryAnswer;
  }
  return Response.json({ ok: false, intent, field: "intent", message: "unknown action" }, { status: 422 });
};

// ---------- editing helpers ----------
type Draft = PolicyInput & Record<string, unknown>;

function setIn<T>(obj: T, path: (string | number)[], value: unknown): T {
  const copy = structuredClone(obj) as Record<string | number, unknown>;
  let cur: Record<string | number, unknown> = copy;
  for (let i = 0; i < path.length - 1; i++) {
    const k = path[i]!;
    if (cur[k] === undefined || cur[k] === null) cur[k] = typeof path[i + 1] === "number" ? [] : {};
    cur = cur[k] as Record<string | number, unknown>;
  }
  cur[path[path.length - 1]!] = value;
  return copy as T;
}

const csv = (s: string) =>
  s
    .split(",")
    .map((x) => x.trim())
    .filter(Boolean);

const MATCHER_KINDS: { value: Matcher["kind"]; label: string }[] = [
  { value: "tag", label: "Product tag" },
  { value: "productType", label: "Product type" },
  { value: "collection", label: "Collection" },
  { value: "vendor", label: "Vendor" },
  { value: "lineItemProperty", label: "Line item property (personalised)" },
  { value: "giftCard", label: "Gift card" },
  { value: "onSale", label: "Bought at a discount" },
];

function matcherValues(m: Matcher): string {
  if ("values" in m) return m.values.join(", ");
  if (m.kind === "lineItemProperty") return (m.keys ?? []).join(", ");
  return "";
}

function makeMatcher(kind: Matcher["kind"], values: string): Matcher {
  switch (kind) {
    case "giftCard":
    case "onSale":
      return { kind };
    case "lineItemProperty": {
      const keys = csv(values);
      return keys.length ? { kind, keys } : { kind };
    }
    default:
      return { kind, values: csv(values) };
  }
}

function MatchersEditor({
  matchers,
  onChange,
  error,
}: {
  matchers: Matcher[];
  onChange: (m: Matcher[]) => void;
  error?: string;
}) {
  return (
    <BlockStack gap="200">
      {matchers.map((m, i) => (
        <InlineGrid key={i} columns="1fr 2fr auto" gap="200" alignItems="end">
          <Select
            label="Matches"
            labelHidden={i > 0}
            options={MATCHER_KINDS}
            value={m.kind}
            onChange={(k) => onChange(matchers.map((x, j) => (j === i ? makeMatcher(k as Matcher["kind"], matcherValues(x)) : x)))}
          />
          <TextField
            label="Values (comma separated)"
            labelHidden={i > 0}
            autoComplete="off"
            disabled={m.kind === "giftCard" || m.kind === "onSale"}
            placeholder={m.kind === "lineItemProperty" ? "any property" : "final-sale, clearance"}
            value={matcherValues(m)}
            onChange={(v) => onChange(matchers.map((x, j) => (j === i ? makeMatcher(x.kind, v) : x)))}
          />
          <Button onClick={() => onChange(matchers.filter((_, j) => j !== i))} accessibilityLabel="Remove matcher">
            Remove
          </Button>
        </InlineGrid>
      ))}
      <InlineStack>
        <Button variant="plain" onClick={() => onChange([...matchers, { kind: "tag", values: [] } as unknown as Matcher])}>
          Add a matcher
        </Button>
      </InlineStack>
      {error && <InlineError message={error} fieldID="" />}
    </BlockStack>
  );
}

function Part({ title, help, errors, children }: { title: string; help?: string; errors?: string[]; children: ReactNode }) {
  return (
    <Card>
      <BlockStack gap="300">
        <BlockStack gap="100">
          <Text as="h2" variant="headingMd">
            {title}
          </Text>
          {help && (
            <Text as="p" tone="subdued">
              {help}
            </Text>
          )}
        </BlockStack>
        {children}
        {errors && errors.length > 0 && (
          <Banner tone="critical">
            <List>
              {errors.map((e) => (
                <List.Item key={e}>{e}</List.Item>
              ))}
            </List>
          </Banner>
        )}
      </BlockStack>
    </Card>
  );
}

export default function PolicyEditor() {
  const { active, versions, presets, currency, autoApproval } = useLoaderData<typeof loader>();
  const initial = (active?.policy ?? presets["standard-30-day"]) as unknown as Draft;
  const [draft, setDraft] = useState<Draft>(initial);
  const [presetId, setPresetId] = useState<string>(active?.presetId ?? "standard-30-day");
  const [pickPreset, setPickPreset] = useState<string>("standard-30-day");
  const [restockText, setRestockText] = useState(bpsToPercent(initial.fees?.restockingBps ?? 0));
  const [feeText, setFeeText] = useState(minorToFee(initial.fees?.returnShippingFeeMinor ?? 0, currency));
  const [jsonText, setJsonText] = useState<string | null>(null);
  const [jsonError, setJsonError] = useState<string | null>(null);
  const save = useFetcher<SaveAnswer>();
  const tryIt = useFetcher<TryAnswer>();
  const [orderName, setOrderName] = useState("");
  const [tryReason, setTryReason] = useState<string>("UNWANTED");
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

  const loadPolicy = (p: Draft, id: string) => {
    setDraft(structuredClone(p));
    setPresetId(id);
    setRestockText(bpsToPercent(p.fees?.restockingBps ?? 0));
    setFeeText(minorToFee(p.fees?.returnShippingFeeMinor ?? 0, currency));
    setJsonText(null);
  };

  const reasons = draft.reasons;
  const accepted = new Set(reasons.accepted);
  const windows = draft.windows;
  const conditions = draft.conditions ?? {};
  const minPhotos = draft.evidence?.minPhotos ?? {};
  const rules = draft.rules ?? [];
  const warranties = draft.warranties ?? [];
  const fees = draft.fees ?? { restockingBps: 0, returnShippingFeeMinor: 0, appliesTo: ["change_of_mind"] };
  const tl = draft.refundTimelines ?? null;
  const canSave = policy !== null && !restockError && !feeError && save.state === "idle";

  const onSave = () =>
    save.submit({ intent: "save", policy: JSON.stringify(effective), presetId }, { method: "post" });
  const onTry = () =>
    tryIt.submit({ intent: "try", policy: JSON.stringify(effective), orderName, reason: tryReason }, { method: "post" });

  return (
    <Page
      subtitle={active ? `Version ${active.version} is in force` : "No policy saved yet"}
      primaryAction={{ content: "Save as new version", onAction: onSave, disabled: !canSave, loading: save.state !== "idle" }}
    >
      <TitleBar title="Return policy" />
      {/* the admin's title bar shows the title; this h1 keeps the page's outline for assistive tech */}
      <Text as="h1" variant="headingLg" visuallyHidden>
        Return policy
      </Text>
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
                <Button onClick={() => loadPolicy(presets[pickPreset] as Draft, pickPreset)}>Load preset</Button>
                {active && <Button onClick={() => loadPolicy(active.policy as unknown as Draft, active.presetId ?? "")}>{`Back to version ${active.version}`}</Button>}
              </InlineStack>
            </Part>

            <Part title="Name and review" errors={errorsUnder(errors, "approval")}>
              <FormLayout>
                <TextField label="Policy name" autoComplete="off" value={draft.name} onChange={(v) => set(["name"], v)} error={err("name")} />
                <Select
                  label="Who decides"
                  options={[
                    { value: "manual", label: "Staff review every request" },
                    { value: "auto_approve_eligible", label: "Approve requests that meet the policy; staff review the rest" },
                    { value: "auto_approve_and_decline", label: "Approve what meets the policy, decline what doesn't" },
                  ]}
                  value={draft.approval.mode}
                  onChange={(v) => set(["approval", "mode"], v as (typeof APPROVAL_MODES)[number])}
                  helpText={
                    autoApproval
                      ? "Auto-approval is on in Settings, so this applies to new requests."
                      : "Auto-approval is off in Settings: every request waits for staff until you turn it on there."
                  }
                />
              </FormLayout>
            </Part>

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
                      <TextField
                        label={`${k} minimum days`}
                        labelHidden
                        prefix="min"
                        type="number"
                        autoComplete="off"
                        value={String(tl[k].min)}
                        onChange={(v) => set(["refundTimelines", k, "min"], Number(v))}
                        error={err(`refundTimelines.${k}.min`)}
                      />
                      <TextField
                        label={`${k} maximum days`}
                        labelHidden
                        prefix="max"
                        type="number"
                        autoComplete="off"
                        value={String(tl[k].max)}
                        onChange={(v) => set(["refundTimelines", k, "max"], Number(v))}
                        error={err(`refundTimelines.${k}.max`)}
                      />
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

            <Part title="Checkout">
              <Checkbox
                label="Ask buyers to confirm that final-sale items can't be returned before they pay"
                checked={Boolean((draft as { checkout?: { requireFinalSaleAck?: boolean } }).checkout?.requireFinalSaleAck)}
                onChange={(on) => set(["checkout", "requireFinalSaleAck"], on)}
              />
            </Part>

            <Part
              title="Everything else, as JSON"
              help="Shopper-facing message overrides, translations, Shopify reason handles and effective date. Applying replaces the draft."
              errors={jsonError ? [jsonError] : []}
            >
              <TextField
                label="Policy JSON"
                labelHidden
                multiline={12}
                monospaced
                autoComplete="off"
                value={jsonText ?? JSON.stringify(effective, null, 2)}
                onChange={setJsonText}
              />
              <InlineStack gap="200">
                <Button
                  disabled={jsonText === null}
                  onClick={() => {
                    try {
                      const next = JSON.parse(jsonText ?? "") as Draft;
                      loadPolicy(next, presetId);
                      setJsonError(null);
                    } catch (e) {
                      setJsonError(`policy: invalid JSON: ${(e as Error).message}`);
                    }
                  }}
                >
                  Apply JSON
                </Button>
                {jsonText !== null && <Button variant="plain" onClick={() => setJsonText(null)}>Discard JSON edits</Button>}
              </InlineStack>
            </Part>
          </BlockStack>
        </Layout.Section>

        <Layout.Section variant="oneThird">
          <BlockStack gap="400">
            <Card>
              <BlockStack gap="300">
                <InlineStack align="space-between">
                  <Text as="h2" variant="headingMd">
                    As shoppers will read it
                  </Text>
                  {policy ? <Badge tone="success">Valid</Badge> : <Badge tone="critical">{`${Object.keys(errors).length} to fix`}</Badge>}
                </InlineStack>
                {summary ? (
                  summary.map((s) => (
                    <BlockStack key={s.heading} gap="100">
                      <Text as="h3" variant="headingSm">
                        {s.heading}
                      </Text>
                      {s.paragraphs.map((para) => (
                        <Text key={para} as="p">
                          {para}
                        </Text>
                      ))}
                    </BlockStack>
                  ))
                ) : (
                  <List>
                    {Object.entries(errors).slice(0, 8).map(([f, m]) => (
                      <List.Item key={f}>
                        {f}: {m}
                      </List.Item>
                    ))}
                  </List>
                )}
              </BlockStack>
            </Card>

            <Card>
              <BlockStack gap="300">
                <Text as="h2" variant="headingMd">
                  Try it on an order
                </Text>
                <Text as="p" tone="subdued">
                  Judges a real order against this draft, as if the shopper asked today. Nothing is saved or sent.
                </Text>
                <TextField
                  label="Order"
                  placeholder="#1001"
                  autoComplete="off"
                  value={orderName}
                  onChange={setOrderName}
                  error={tryIt.data && !tryIt.data.ok && tryIt.data.field === "orderName" ? tryIt.data.message : undefined}
                />
                <Select label="Reason" options={REASONS.map((r) => ({ value: r, label: label(REASON_LABEL, r) }))} value={tryReason} onChange={setTryReason} />
                <InlineStack>
                  <Button onClick={onTry} loading={tryIt.state !== "idle"} disabled={!policy}>
                    Try it
                  </Button>
                </InlineStack>
                {tryIt.data && !tryIt.data.ok && tryIt.data.field !== "orderName" && (
                  <Banner tone="critical">
                    <p>{tryIt.data.message}</p>
                  </Banner>
                )}
                {tryIt.data?.ok && <TryResult result={tryIt.data.result} />}
              </BlockStack>
            </Card>

            <Card>
              <BlockStack gap="200">
                <Text as="h2" variant="headingMd">
                  Versions
                </Text>
                {versions.length === 0 && <Text as="p" tone="subdued">None saved yet.</Text>}
                {versions.map((v) => (
                  <InlineStack key={v.version} align="space-between">
                    <Text as="span" fontWeight={v.version === active?.version ? "semibold" : "regular"}>
                      Version {v.version}
                      {v.presetId ? ` (from ${v.presetId})` : ""}
                    </Text>
                    <Text as="span" tone="subdued">
                      {new Date(v.createdAt).toLocaleDateString("en", { day: "numeric", month: "short", year: "numeric" })}
                    </Text>
                  </InlineStack>
                ))}
              </BlockStack>
            </Card>
          </BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}

function TryResult({ result }: { result: TryItResult }) {
  const ev = result.evaluation;
  return (
    <BlockStack gap="300">
      <Text as="h3" variant="headingSm">
        {result.orderName}
      </Text>
      {result.lines.map((l) => {
        const d = ev?.lines.find((x) => x.lineId === l.lineId);
        return (
          <Box key={l.lineId} padding="200" background="bg-surface-secondary" borderRadius="200">
            <BlockStack gap="100">
              <InlineStack align="space-between" wrap={false}>
                <Text as="span" fontWeight="semibold">
                  {l.title}
                </Text>
                {d ? (
                  d.eligible ? (
                    <Badge tone="success">Accepted</Badge>
                  ) : (
                    <Badge tone="warning">Refused</Badge>
                  )
                ) : (
                  <Badge>{l.quantityLeft === 0 ? "Nothing left to return" : "—"}</Badge>
                )}
              </InlineStack>
              <Text as="p" variant="bodySm">
                {d ? d.explanation : l.explanation}
              </Text>
              {d && d.codes.length > 0 && (
                <Text as="p" variant="bodySm" tone="critical">
                  {d.codes.map((c) => label(CODE_LABEL, c)).join(", ")}
                </Text>
              )}
              <Text as="p" variant="bodySm" tone="subdued">
                Open reasons today: {l.reasons.length ? l.reasons.map((r) => label(REASON_LABEL, r.reason)).join(", ") : "none"}
              </Text>
            </BlockStack>
          </Box>
        );
      })}
      {ev && (
        <Text as="p" variant="bodySm" tone="subdued">
          With this policy the app would {ev.decision === "review" ? "send it to staff for review" : ev.decision === "approve" ? "approve it" : "decline it"}.
        </Text>
      )}
    </BlockStack>
  );
}
