// Policy editor: the active version and the last ten, the presets; saving a new version and "try it"
// go through services (app/services/staff/policy-versions.ts, app/services/admin-views/try-policy.ts).
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { PRESET_IDS, getPreset } from "~/returns";
import { adminContext } from "~/services/admin-views/context.server";
import { tryPolicyOnOrder } from "~/services/admin-views/try-policy";
import { blockedCustomerLabels, customerOfOrder } from "~/services/admin-views/blocklist";
import { approvedCustomerFields } from "~/env.server";
import type { BlockCustomerAnswer } from "~/components/policy/Blocklist";
import { unstorableTextIn } from "~/services/input-text";
import { applyVersionToEarlierOrders, savePolicyVersion } from "~/services/staff/policy-versions";
import type { ApplyEarlierAnswer } from "~/components/policy/SaveBanner";
import { termsSyncAfterPolicySave } from "~/services/terms-sync/server";
import { PolicyEditorPage, type SaveAnswer } from "~/components/policy/PolicyEditorPage";
import type { TryAnswer } from "~/components/policy/side";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const ctx = await adminContext(request);
  const [active, versions] = await Promise.all([ctx.repos.policies.active(ctx.shop), ctx.repos.policies.list(ctx.shop, { limit: 10 })]);
  const blocked = (active?.policy as { history?: { blocklist?: { customers?: string[] } } | null } | undefined)?.history?.blocklist?.customers ?? [];
  return {
    active: active ? { version: active.version, policy: active.policy, presetId: active.presetId } : null,
    versions: versions.map((v) => ({
      version: v.version,
      createdAt: v.createdAt.toISOString(),
      createdBy: v.createdBy,
      presetId: v.presetId,
      appliesToEarlierOrders: v.appliesToEarlierOrders,
    })),
    presets: Object.fromEntries(PRESET_IDS.map((id) => [id, getPreset(id)!])),
    currency: ctx.currency,
    /** whether automation is on for the shop (saving a policy sets it from its "who decides") */
    autoApproval: ctx.shopRecord?.autoApproval ?? false,
    /** the blocked customers in words staff recognise (never the id) */
    customerLabels: await blockedCustomerLabels(ctx, ctx.shop, blocked),
    /** whether Shopify approved the app for customers' e-mail (the e-mail domain blocklist needs it) */
    emailAccess: approvedCustomerFields().has("email"),
  };
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const ctx = await adminContext(request);
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "");
  if (intent === "apply-earlier") {
    const version = Number(form.get("version"));
    if (!Number.isInteger(version) || version < 1) {
      return Response.json({ ok: false, intent, field: "version", message: "version: must be a version number" } satisfies ApplyEarlierAnswer, { status: 422 });
    }
    const applied = await applyVersionToEarlierOrders(ctx, ctx.shop, version);
    if (applied.ok) return { ok: true, intent, version: applied.version } satisfies ApplyEarlierAnswer;
    const { ok: _ok, status, ...rest } = applied;
    return Response.json({ ok: false, intent, ...rest } satisfies ApplyEarlierAnswer, { status });
  }
  if (intent === "block-customer") {
    const found = await customerOfOrder(ctx, String(form.get("orderName") ?? ""));
    if (found.ok) return { ok: true, intent, customer: found.customer } satisfies BlockCustomerAnswer;
    return Response.json({ ok: false, intent, field: found.field, message: found.message } satisfies BlockCustomerAnswer, { status: found.status });
  }
  let draft: unknown;
  try {
    draft = JSON.parse(String(form.get("policy") ?? ""));
  } catch {
    return Response.json({ ok: false, intent, field: "policy", message: "policy: invalid JSON", errors: { policy: "invalid JSON" } }, { status: 422 });
  }
  const unstorable = unstorableTextIn(draft, "policy");
  if (unstorable) return Response.json({ ok: false, intent, field: unstorable.field, message: `${unstorable.field}: ${unstorable.message}` }, { status: 400 });
  if (intent === "save") {
    const presetId = String(form.get("presetId") ?? "") || null;
    const saved = await savePolicyVersion(ctx, ctx.shop, { draft, presetId, actor: ctx.actor }, (shop) => termsSyncAfterPolicySave(ctx, shop));
    if (saved.ok) return { ok: true, intent, version: saved.version } satisfies SaveAnswer;
    return Response.json({ ok: false, intent, errors: saved.errors, message: saved.message } satisfies SaveAnswer, { status: saved.status });
  }
  if (intent === "try") {
    const tried = await tryPolicyOnOrder(ctx, { draft, orderName: String(form.get("orderName") ?? ""), reason: String(form.get("reason") ?? "UNWANTED") });
    if (tried.ok) return { ok: true, intent, result: tried.result } satisfies TryAnswer;
    return Response.json({ ok: false, intent, field: tried.field, message: tried.message } satisfies TryAnswer, { status: tried.status });
  }
  return Response.json({ ok: false, intent, field: "intent", message: "unknown action" }, { status: 422 });
};

export default function PolicyRoute() {
  return <PolicyEditorPage {...useLoaderData<typeof loader>()} />;
}
