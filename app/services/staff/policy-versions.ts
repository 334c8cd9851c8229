// Saving a policy: the one way a new policy version is made, for the policy editor and for the home
// screen's preset picker. The draft is checked by the core's schema (errors on the field), stored as the
// next version, then the new terms are published to checkout (which logs and never fails the save).
import { isPresetId, parsePolicy, safeParsePolicy } from "~/returns";
import { stricterThan } from "~/returns/generosity";
import { fieldErrors } from "~/services/admin-views/policy-editor";
import type { ServiceContext } from "~/services/context";

export type SavePolicyResult =
  | { ok: true; version: number }
  | {
      ok: false;
      status: 409 | 422;
      /** the field a merchant should look at */
      field: string;
      /** every field's first problem ("windows.faults.days" -> "must be 0 or more") */
      errors: Record<string, string>;
      message: string;
    };

export interface SavePolicyInput {
  draft: unknown;
  /** the preset the draft started from, when it is one */
  presetId: string | null;
  /** "staff:<userId>" */
  actor: string;
  /** only when the shop has no policy yet (onboarding); otherwise 409 */
  firstOnly?: boolean;
}

export async function savePolicyVersion(
  ctx: Pick<ServiceContext, "repos" | "now">,
  shop: string,
  input: SavePolicyInput,
  /** publishes the saved terms to checkout (`termsSyncAfterPolicySave`); must not throw */
  publishTerms: (shop: string) => Promise<unknown>,
): Promise<SavePolicyResult> {
  const active = await ctx.repos.policies.active(shop);
  if (active && input.firstOnly) {
    const message = `A policy is already set (version ${active.version}); edit it on the Policy page.`;
    return { ok: false, status: 409, field: "presetId", errors: { presetId: message }, message };
  }
  const draft = { ...(input.draft as object), version: (active?.version ?? 0) + 1 };
  const parsed = safeParsePolicy(draft);
  if (!parsed.ok) {
    const { errors } = fieldErrors(draft);
    return { ok: false, status: 422, field: parsed.error.field, errors, message: parsed.error.message };
  }
  const saved = await ctx.repos.policies.saveNewVersion(shop, {
    policy: parsed.policy,
    presetId: input.presetId && isPresetId(input.presetId) ? input.presetId : null,
    createdBy: input.actor,
    now: ctx.now(),
  });
  // One switch for automatic approval: the policy's "who decides" is it, and the shop's flag (which
  // automation also checks, so a shop never saved a policy is never decided automatically) follows it.
  if (!(await ctx.repos.shops.get(shop))) await ctx.repos.shops.upsertInstalled(shop, { now: ctx.now() });
  await ctx.repos.shops.updateSettings(shop, { autoApproval: parsed.policy.approval.mode !== "manual" });
  // Publish the new terms to checkout (shop metafield now, catalogue in the worker); the queued job
  // retries a failed write.
  await publishTerms(shop);
  return { ok: true, version: saved.version };
}

export type ApplyEarlierResult =
  | { ok: true; version: number }
  | { ok: false; status: 404 | 409 | 422; field: "version"; message: string; stricter?: string[] };

/**
 * Applies the version in force to orders placed before it was saved too, so new return requests on
 * those orders are judged by it. Allowed only when it is at least as generous as every earlier version
 * (no shopper loses a return they had); otherwise the answer names each way it is stricter. Requests
 * already made keep their verdict.
 */
export async function applyVersionToEarlierOrders(ctx: Pick<ServiceContext, "repos">, shop: string, version: number): Promise<ApplyEarlierResult> {
  const active = await ctx.repos.policies.active(shop);
  if (!active) return { ok: false, status: 404, field: "version", message: "No policy has been saved yet." };
  if (active.version !== version) {
    return { ok: false, status: 409, field: "version", message: `Only the version in force (version ${active.version}) can be applied to earlier orders.` };
  }
  const next = parsePolicy(active.policy);
  const earlier = (await ctx.repos.policies.list(shop, { limit: 1000 })).filter((v) => v.version < version);
  const stricter = [...new Set(earlier.flatMap((v) => stricterThan(next, parsePolicy(v.policy))))];
  if (stricter.length > 0) {
    return {
      ok: false,
      status: 422,
      field: "version",
      message: `Version ${version} is stricter than an earlier version, so orders placed earlier keep the terms they were placed under.`,
      stricter,
    };
  }
  await ctx.repos.policies.applyToEarlierOrders(shop, version);
  return { ok: true, version };
}
