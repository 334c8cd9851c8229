// Automation is one concept with two settings, as a merchant reads them:
// - the Settings switch (shops.autoApproval) turns automation on or off for the shop; off (the default,
//   and for a shop without a row) means every request waits for staff, whatever the policy says;
// - the policy's approval mode says what automation does when it is on: "auto_approve_eligible"
//   approves requests whose every line the engine found eligible; "auto_approve_and_decline" also
//   declines clear refusals (no eligible line); "manual" does nothing.
// It acts only when both say so. Runs through the same exactly-once actions, with actor "auto" so the
// audit log says who decided.
import { DbInputError } from "~/db";
import { APPROVAL_MODES, getPreset, parsePolicy, verdictOf, type Policy, type StoredVerdict } from "~/returns";
import type { DeclineReason } from "~/returns/request-state";
import { runAction } from "./actions";
import type { ActionResult, StaffDeps } from "./types";

type Mode = (typeof APPROVAL_MODES)[number];

/** What the stored verdict says the approval mode decided, when submit recorded it. */
function storedDecision(verdict: StoredVerdict): "approve" | "decline" | "review" | null {
  return verdict.decision ?? null;
}

export function decideByMode(mode: Mode, lines: { eligible: boolean }[]): "approve" | "decline" | "review" {
  const all = lines.length > 0 && lines.every((l) => l.eligible);
  const none = lines.every((l) => !l.eligible);
  if (mode === "manual") return "review";
  if (all) return "approve";
  if (mode === "auto_approve_and_decline" && none) return "decline";
  return "review";
}

/** Shopify decline reason for the refusal codes the engine gave. */
export function declineReasonFor(codes: string[]): DeclineReason {
  if (codes.length > 0 && codes.every((c) => c === "OUTSIDE_WINDOW")) return "RETURN_PERIOD_ENDED";
  if (codes.length > 0 && codes.every((c) => c === "FINAL_SALE")) return "FINAL_SALE";
  return "OTHER";
}

async function policyOf(deps: StaffDeps, shop: string, version: number | null): Promise<Policy> {
  const { repos } = deps;
  const rec = version !== null ? await repos.policies.get(shop, version) : await repos.policies.active(shop);
  return rec ? parsePolicy(rec.policy) : getPreset("standard-30-day")!;
}

export async function maybeAutoApprove(deps: StaffDeps, shop: string, requestId: string): Promise<ActionResult | null> {
  const { repos } = deps;
  let request;
  try {
    request = await repos.returnRequests.findById(shop, requestId);
  } catch (e) {
    if (e instanceof DbInputError) return null;
    throw e;
  }
  if (!request || request.status !== "requested" || !request.shopifyReturnId) return null;
  // the shop's on/off switch first: off means staff decide, whatever the policy's mode
  const shopRecord = await repos.shops.get(shop);
  if (!shopRecord?.autoApproval) return null;
  const policy = await policyOf(deps, shop, request.policyVersion);
  const mode = policy.approval.mode;
  if (mode === "manual") return null;
  // the engine's decision when stored with the verdict; otherwise the mode applied to the lines
  const verdict = verdictOf(request);
  let decision = storedDecision(verdict) ?? decideByMode(mode, request.lines);
  if (decision === "decline" && mode !== "auto_approve_and_decline") decision = "review";
  const auto: StaffDeps = { ...deps, actor: "auto" };
  if (decision === "approve") return runAction(auto, shop, requestId, "approve", {});
  if (decision === "decline") {
    const codes = request.lines.flatMap((l) => (Array.isArray(l.codes) ? (l.codes as unknown[]).filter((c): c is string => typeof c === "string") : []));
    const explanation = verdict.lines?.find((l) => typeof l.explanation === "string")?.explanation;
    return runAction(auto, shop, requestId, "decline", {
      reason: declineReasonFor(codes),
      ...(typeof explanation === "string" ? { message: explanation.slice(0, 500) } : {}),
    });
  }
  return null;
}
