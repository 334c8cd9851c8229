// Client-side checks mirroring the API's 400 rules, so the shopper sees what's missing before submitting.
// Field names use the API's addressing ("lines[0].quantity") where index = position among selected lines.
import type { PreviewBody, ReturnableLine, ReturnsOverview, SubmitBody } from "./api";
import type { LineDraft, State } from "./state";

/**
 * Longest note per line. Shopify keeps at most 300 characters of a return line's customer note
 * (https://shopify.dev/docs/api/admin-graphql/2026-07/input-objects/ReturnRequestLineItemInput) and the app
 * refuses longer ones (app/services/shopper/schemas.ts). Counted like the text area's maxLength (UTF-16
 * units), which is never more than the characters Shopify counts, so whatever the field lets through is
 * accepted.
 */
export const NOTE_MAX = 300;

/** Error map: key is `line:<lineItemId>:<field>` or `form`/`resolution`; value is an i18n key. */
export type ValidationErrors = Record<string, string>;

export interface SelectedLine {
  line: ReturnableLine;
  draft: LineDraft;
}

export function selectedLines(data: ReturnsOverview | undefined, draft: Record<string, LineDraft>): SelectedLine[] {
  const out: SelectedLine[] = [];
  for (const line of data?.lines ?? []) {
    const d = draft[line.lineItemId];
    if (d && d.quantity > 0) out.push({ line, draft: d });
  }
  return out;
}

export function lineKey(lineItemId: string, field: string) {
  return `line:${lineItemId}:${field}`;
}

export function validateDraft(state: Pick<State, "data" | "draft" | "resolution">): ValidationErrors {
  const errors: ValidationErrors = {};
  const selected = selectedLines(state.data, state.draft);
  if (selected.length === 0) errors.form = "errors.noLines";
  for (const { line, draft } of selected) {
    if (!Number.isInteger(draft.quantity) || draft.quantity > line.quantityLeft) {
      errors[lineKey(line.lineItemId, "quantity")] = "errors.quantity";
    }
    const reason = line.reasons.find((r) => r.code === draft.reason);
    if (!reason) {
      errors[lineKey(line.lineItemId, "reason")] = "errors.reason";
      continue;
    }
    for (const c of reason.conditions) {
      if (!draft.conditions.includes(c)) {
        errors[lineKey(line.lineItemId, `condition:${c}`)] = "errors.condition";
      }
    }
    const done = draft.photos.filter((p) => p.status === "done").length;
    if (draft.photos.some((p) => p.status === "uploading")) {
      errors[lineKey(line.lineItemId, "photos")] = "errors.photosUploading";
    } else if (done < reason.minPhotos) {
      errors[lineKey(line.lineItemId, "photos")] = "errors.photos";
    }
    if (draft.note.length > NOTE_MAX) errors[lineKey(line.lineItemId, "note")] = "errors.noteTooLong";
    if (state.resolution === "exchange" && !draft.variant) errors[lineKey(line.lineItemId, "exchangeVariantId")] = "errors.variant";
  }
  if (!state.resolution || !(state.data?.resolutions ?? []).some((r) => r.code === state.resolution)) {
    errors.resolution = "errors.resolution";
  }
  return errors;
}

export function isValid(errors: ValidationErrors) {
  return Object.keys(errors).length === 0;
}

/** Body for the debounced preview call; null when nothing is selected yet. */
export function toPreviewBody(state: Pick<State, "data" | "draft" | "resolution">): PreviewBody | null {
  const selected = selectedLines(state.data, state.draft);
  if (selected.length === 0) return null;
  return {
    lines: selected.map(({ line, draft }) => ({
      lineItemId: line.lineItemId,
      quantity: draft.quantity,
      reason: draft.reason,
      conditions: [...draft.conditions],
      photos: draft.photos.filter((p) => p.status === "done").length,
      note: draft.note.trim(),
    })),
    ...(state.resolution ? { resolution: state.resolution } : {}),
  };
}

export function toSubmitBody(state: Pick<State, "data" | "draft" | "resolution" | "idempotencyKey">): SubmitBody {
  if (!state.resolution) throw new Error("resolution missing");
  return {
    idempotencyKey: state.idempotencyKey,
    lines: selectedLines(state.data, state.draft).map(({ line, draft }) => ({
      lineItemId: line.lineItemId,
      quantity: draft.quantity,
      reason: draft.reason,
      conditions: [...draft.conditions],
      photos: draft.photos.flatMap((p) => (p.status === "done" && p.resourceUrl ? [p.resourceUrl] : [])),
      note: draft.note.trim(),
      ...(state.resolution === "exchange" && draft.variant ? { exchangeVariantId: draft.variant } : {}),
    })),
    resolution: state.resolution,
  };
}

/**
 * Maps an API field path ("lines[0].quantity") back to our error key, using the same selected-line order
 * that toSubmitBody used. Unknown paths land on the form.
 */
export function serverFieldKey(
  state: Pick<State, "data" | "draft">,
  field: string | undefined,
): string {
  if (!field) return "form";
  const m = /^lines\[(\d+)\]\.(\w+)/.exec(field);
  if (m) {
    const sel = selectedLines(state.data, state.draft)[Number(m[1])];
    if (sel) return lineKey(sel.line.lineItemId, m[2] === "photos" ? "photos" : (m[2] ?? "form"));
  }
  if (field === "resolution") return "resolution";
  return "form";
}
