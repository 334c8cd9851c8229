// What the home screen shows beside the dashboard: the presets to start from (in plain words), and the
// coarse open/closed split of the requests.
import { PRESET_IDS, getPreset } from "~/returns";
import { summarizePolicy, type PolicySummarySection } from "~/returns/summary";

export interface PresetChoice {
  id: string;
  name: string;
  summary: PolicySummarySection[];
}

/** Every preset with its summary in the shop's currency. */
export function presetChoices(currency: string): PresetChoice[] {
  return PRESET_IDS.map((id) => {
    const p = getPreset(id)!;
    return { id, name: p.name, summary: summarizePolicy(p, currency) };
  });
}

/** Requests awaiting review, open and closed, from the counts by status. */
export function statusCounts(byStatus: Record<string, number>): { requested: number; open: number; closed: number } {
  const n = (...keys: string[]) => keys.reduce((a, k) => a + (byStatus[k] ?? 0), 0);
  return { requested: n("requested"), open: n("approved", "received", "failed"), closed: n("declined", "refunded", "credited", "closed", "cancelled") };
}
