// The presets as a merchant picks them: named by what they do, with the store whose policy each one
// follows as a note. Nothing is picked for the merchant (the pickers start empty). Pure; shared by the
// home screen's first-policy picker and the policy editor.
import type { PresetId } from "~/returns/presets";

export interface PresetWords {
  /** what the preset does, as the choice reads */
  label: string;
  /** where it comes from */
  note: string;
}

export const PRESET_WORDS: Record<PresetId, PresetWords> = {
  "standard-30-day": {
    label: "30 days for any reason; requests that meet the policy are approved straight away",
    note: "A common online-store policy",
  },
  "ekr-auto": {
    label: "30 days for any reason, staff review every request, two-year warranty on seat covers",
    note: "Follows EKR Auto's published policy",
  },
  "ekoh-store": {
    label: "Faulty items only, within 7 days, with photos; staff review every request",
    note: "Follows EKOH-STORE's published policy",
  },
};

/** A preset's words; a preset without words (added later) shows its id in words. */
export function presetWords(id: string): PresetWords {
  return PRESET_WORDS[id as PresetId] ?? { label: id.replace(/[-_]+/g, " "), note: "" };
}
