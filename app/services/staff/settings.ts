// The shop's settings screen: what it shows (the settings and the policy's review mode) and saving it.
// The posted form is parsed with zod; a bad value names its field.
import { z } from "zod";
import { RESOLUTIONS, type ShopSettings } from "~/db";
import type { ServiceContext } from "~/services/context";

const flag = z.enum(["true", "false"], { error: "must be true or false" }).transform((v) => v === "true");

/**
 * The settings form as the screen posts it (as text). The screen posts notifyCustomer only: who decides is
 * set with the policy ("Who decides", which keeps autoApproval in step), and the default resolution did
 * nothing (shoppers choose among the policy's resolutions), so it left the screen. Both are still
 * accepted, and checked, when posted.
 */
export const settingsFormSchema = z.object({
  notifyCustomer: flag,
  autoApproval: flag.optional(),
  defaultResolution: z.enum(RESOLUTIONS, { error: `must be one of ${RESOLUTIONS.join(", ")}` }).optional(),
});

export type SettingsAnswer = { ok: true } | { ok: false; field: string; message: string };

export function parseSettingsForm(form: FormData): { ok: true; settings: Partial<ShopSettings> } | { ok: false; field: string; message: string } {
  const text = (k: string) => {
    const v = form.get(k);
    return typeof v === "string" ? v : undefined;
  };
  const r = settingsFormSchema.safeParse({
    notifyCustomer: text("notifyCustomer"),
    autoApproval: text("autoApproval"),
    defaultResolution: text("defaultResolution"),
  });
  if (r.success) {
    const settings: Partial<ShopSettings> = { notifyCustomer: r.data.notifyCustomer };
    if (r.data.autoApproval !== undefined) settings.autoApproval = r.data.autoApproval;
    if (r.data.defaultResolution !== undefined) settings.defaultResolution = r.data.defaultResolution;
    return { ok: true, settings };
  }
  const issue = r.error.issues[0]!;
  return { ok: false, field: issue.path.map(String).join(".") || "form", message: issue.message };
}

/** Saves the settings; the shop row is written at install, and created here if this install predates that. */
export async function saveSettings(
  ctx: Pick<ServiceContext, "repos" | "now">,
  shop: string,
  form: FormData,
  { installed }: { installed: boolean },
): Promise<SettingsAnswer> {
  const parsed = parseSettingsForm(form);
  if (!parsed.ok) return parsed;
  if (!installed) await ctx.repos.shops.upsertInstalled(shop, { now: ctx.now() });
  await ctx.repos.shops.updateSettings(shop, parsed.settings);
  return { ok: true };
}

const storedMode = z.object({ approval: z.object({ mode: z.string() }) });

/** The settings as stored (defaults for a shop without a row), and what the active policy's review mode is. */
export async function loadSettings(ctx: Pick<ServiceContext, "repos">, shop: string) {
  const [s, active] = await Promise.all([ctx.repos.shops.get(shop), ctx.repos.policies.active(shop)]);
  const mode = storedMode.safeParse(active?.policy);
  return {
    settings: { notifyCustomer: s?.notifyCustomer ?? true, autoApproval: s?.autoApproval ?? false },
    policyMode: mode.success ? mode.data.approval.mode : null,
  };
}
