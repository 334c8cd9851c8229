// Home: what needs attention, a 14-day trend, onboarding (pick a preset, save it as version 1 through the
// one policy save), and the note about Shopify's own self-serve returns.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { getPreset, isPresetId } from "~/returns";
import { dismissSelfServeNotice, loadDashboard, selfServeNotice } from "~/services/admin-views";
import { adminContext } from "~/services/admin-views/context.server";
import { presetChoices, statusCounts } from "~/services/admin-views/home";
import { savePolicyVersion } from "~/services/staff/policy-versions";
import { latestReconciliation } from "~/services/reconcile";
import { termsSyncAfterPolicySave } from "~/services/terms-sync/server";
import { HomePage, type HomeAnswer } from "~/components/home/HomePage";
import { DISMISS_SELF_SERVE } from "~/components/home/SelfServeBanner";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const ctx = await adminContext(request, { shopFacts: false });
  const [dashboard, selfServe, reconciliation] = await Promise.all([
    loadDashboard(ctx, ctx.shop, { now: ctx.now(), timeZone: ctx.timeZone }),
    selfServeNotice(ctx, ctx.shop),
    latestReconciliation(ctx, ctx.shop),
  ]);
  const presets = dashboard.hasPolicy ? [] : presetChoices(ctx.currency);
  // counts: the coarse open/closed split (kept for the auth smoke test and quick reads)
  const money = reconciliation ? { checked: reconciliation.checked, drifted: reconciliation.drifted } : null;
  return { shop: ctx.shop, dashboard, counts: statusCounts(dashboard.byStatus), presets, selfServe, money };
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const ctx = await adminContext(request);
  const form = await request.formData();
  if (form.get("intent") === DISMISS_SELF_SERVE) {
    await dismissSelfServeNotice(ctx, ctx.shop, { actor: ctx.actor, now: ctx.now() });
    return { ok: true, dismissed: true };
  }
  const presetId = String(form.get("presetId") ?? "");
  if (!isPresetId(presetId)) {
    return Response.json({ ok: false, field: "presetId", message: "Pick one of the presets." }, { status: 422 });
  }
  // the policy editor's save, for the shop's first version; it publishes the terms to checkout too
  const saved = await savePolicyVersion(ctx, ctx.shop, { draft: getPreset(presetId), presetId, actor: ctx.actor, firstOnly: true }, (shop) =>
    termsSyncAfterPolicySave(ctx, shop),
  );
  if (!saved.ok) return Response.json({ ok: false, field: saved.field, message: saved.message }, { status: saved.status });
  return { ok: true, version: saved.version };
};

export default function Index() {
  const { dashboard, presets, selfServe, money } = useLoaderData<typeof loader>();
  return <HomePage dashboard={dashboard} presets={presets} selfServe={selfServe} money={money} result={useActionData<HomeAnswer>()} />;
}
