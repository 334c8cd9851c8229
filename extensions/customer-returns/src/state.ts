// Pure state machine of the returns UI. No Preact, no `shopify` global: the components dispatch, the
// reducer decides. Every transition is unit-tested in state.test.ts.
import {
  isBusy,
  type PreviewResult,
  type PreviewLine,
  type ResolutionCode,
  type ReturnRequest,
  type ReturnsOverview,
} from "./api";

export interface PhotoDraft {
  /** Local id (stable key while uploading). */
  id: string;
  name: string;
  status: "uploading" | "done" | "error";
  resourceUrl?: string;
}

export interface LineDraft {
  quantity: number;
  reason: string;
  conditions: string[];
  photos: PhotoDraft[];
  note: string;
  /** the new size or option of an exchange (a product variant id; "" until chosen) */
  variant: string;
}

export type View = "overview" | "form";

export interface Notice {
  tone: "success" | "critical" | "info";
  /** i18n key */
  key: string;
  message?: string;
}

export interface State {
  /** "signIn": the app answered that the session names no signed-in customer (or the host says so). */
  phase: "loading" | "error" | "ready" | "signIn";
  loadError?: string;
  /** The load failed because the store stayed busy through the client's retries: shown as errors.busy. */
  loadBusy?: boolean;
  data?: ReturnsOverview;
  view: View;
  draft: Record<string, LineDraft>;
  resolution?: ResolutionCode;
  preview?: PreviewResult;
  previewPending: boolean;
  submitting: boolean;
  /** Shown once the user tried to submit (validation stays quiet before that). */
  showErrors: boolean;
  /** Server messages by field key (`form` for the whole form); `busy` when the store stayed busy (shown as errors.busy). */
  serverErrors: Record<string, string>;
  serverLines?: PreviewLine[];
  cancelling?: string;
  notice?: Notice;
  idempotencyKey: string;
}

export type Action =
  | { type: "loaded"; data: ReturnsOverview }
  | { type: "loadFailed"; message: string; busy?: boolean }
  | { type: "signInRequired" }
  | { type: "reload" }
  | { type: "openForm"; idempotencyKey: string }
  | { type: "closeForm" }
  | { type: "setQuantity"; lineItemId: string; quantity: number }
  | { type: "setReason"; lineItemId: string; reason: string }
  | { type: "toggleCondition"; lineItemId: string; condition: string; checked: boolean }
  | { type: "setNote"; lineItemId: string; note: string }
  | { type: "setVariant"; lineItemId: string; variant: string }
  | { type: "photoAdded"; lineItemId: string; photo: PhotoDraft }
  | { type: "photoUploaded"; lineItemId: string; photoId: string; resourceUrl: string }
  | { type: "photoFailed"; lineItemId: string; photoId: string }
  | { type: "removePhoto"; lineItemId: string; photoId: string }
  | { type: "setResolution"; resolution: ResolutionCode }
  | { type: "previewStarted" }
  | { type: "previewReceived"; preview: PreviewResult }
  | { type: "previewFailed" }
  | { type: "submitAttempted" }
  | { type: "submitStarted" }
  | { type: "submitSucceeded"; request: ReturnRequest }
  | { type: "submitFailed"; message: string; busy?: boolean; field?: string; lines?: PreviewLine[] }
  | { type: "cancelStarted"; requestId: string }
  | { type: "cancelSucceeded"; request: ReturnRequest }
  | { type: "cancelFailed"; message: string; busy?: boolean }
  | { type: "dismissNotice" };

export function initialState(): State {
  return {
    phase: "loading",
    view: "overview",
    draft: {},
    previewPending: false,
    submitting: false,
    showErrors: false,
    serverErrors: {},
    idempotencyKey: "",
  };
}

/** What a failed call tells the shopper: the server's message, and whether the store is busy (after the client's retries). */
export function failure(e: unknown): { message: string; busy: boolean } {
  return { message: e instanceof Error ? e.message : String(e), busy: isBusy(e) };
}

export function emptyDraft(): LineDraft {
  return { quantity: 0, reason: "", conditions: [], photos: [], note: "", variant: "" };
}

/** Lines the shopper can still return (quantityLeft > 0). */
export function returnableLines(data: ReturnsOverview | undefined) {
  return (data?.lines ?? []).filter((l) => l.quantityLeft > 0);
}

function updateLine(state: State, lineItemId: string, fn: (d: LineDraft) => LineDraft): State {
  const current = state.draft[lineItemId] ?? emptyDraft();
  return {
    ...state,
    draft: { ...state.draft, [lineItemId]: fn(current) },
    serverErrors: {},
    serverLines: undefined,
  };
}

function upsertRequest(data: ReturnsOverview | undefined, request: ReturnRequest): ReturnsOverview | undefined {
  if (!data) return data;
  const others = data.requests.filter((r) => r.id !== request.id);
  return { ...data, requests: [request, ...others] };
}

export function reducer(state: State, action: Action): State {
  switch (action.type) {
    case "loaded": {
      const data = action.data;
      const resolution =
        state.resolution && data.resolutions.some((r) => r.code === state.resolution)
          ? state.resolution
          : data.resolutions[0]?.code;
      return { ...state, phase: "ready", data, resolution, loadError: undefined, loadBusy: undefined };
    }
    case "loadFailed":
      return { ...state, phase: "error", loadError: action.message, loadBusy: action.busy };
    case "signInRequired":
      return { ...state, phase: "signIn", loadError: undefined, loadBusy: undefined };
    case "reload":
      return { ...state, phase: "loading", loadError: undefined, loadBusy: undefined };
    case "openForm": {
      if (!state.data?.canRequest) return state;
      const draft: Record<string, LineDraft> = {};
      const lines = returnableLines(state.data);
      for (const l of lines) draft[l.lineItemId] = emptyDraft();
      // With a single returnable unit the obvious choice is pre-filled.
      const only = lines.length === 1 ? lines[0] : undefined;
      if (only && only.quantityLeft === 1) draft[only.lineItemId] = { ...emptyDraft(), quantity: 1 };
      return {
        ...state,
        view: "form",
        draft,
        preview: undefined,
        showErrors: false,
        serverErrors: {},
        serverLines: undefined,
        notice: undefined,
        idempotencyKey: action.idempotencyKey,
      };
    }
    case "closeForm":
      return { ...state, view: "overview", showErrors: false, serverErrors: {}, preview: undefined };
    case "setQuantity": {
      const line = state.data?.lines.find((l) => l.lineItemId === action.lineItemId);
      const max = line?.quantityLeft ?? 0;
      const q = Number.isFinite(action.quantity) ? Math.trunc(action.quantity) : 0;
      const quantity = Math.min(Math.max(q, 0), max);
      return updateLine(state, action.lineItemId, (d) => ({ ...d, quantity }));
    }
    case "setReason": {
      const line = state.data?.lines.find((l) => l.lineItemId === action.lineItemId);
      const reason = line?.reasons.find((r) => r.code === action.reason);
      return updateLine(state, action.lineItemId, (d) => ({
        ...d,
        reason: action.reason,
        // Keep only the conditions the new reason asks for.
        conditions: d.conditions.filter((c) => reason?.conditions.includes(c)),
      }));
    }
    case "toggleCondition":
      return updateLine(state, action.lineItemId, (d) => ({
        ...d,
        conditions: action.checked
          ? d.conditions.includes(action.condition)
            ? d.conditions
            : [...d.conditions, action.condition]
          : d.conditions.filter((c) => c !== action.condition),
      }));
    case "setNote":
      return updateLine(state, action.lineItemId, (d) => ({ ...d, note: action.note }));
    case "setVariant":
      return updateLine(state, action.lineItemId, (d) => ({ ...d, variant: action.variant }));
    case "photoAdded":
      return updateLine(state, action.lineItemId, (d) => ({ ...d, photos: [...d.photos, action.photo] }));
    case "photoUploaded":
      return updateLine(state, action.lineItemId, (d) => ({
        ...d,
        photos: d.photos.map((p) =>
          p.id === action.photoId ? { ...p, status: "done" as const, resourceUrl: action.resourceUrl } : p,
        ),
      }));
    case "photoFailed":
      return updateLine(state, action.lineItemId, (d) => ({
        ...d,
        photos: d.photos.map((p) => (p.id === action.photoId ? { ...p, status: "error" as const } : p)),
      }));
    case "removePhoto":
      return updateLine(state, action.lineItemId, (d) => ({
        ...d,
        photos: d.photos.filter((p) => p.id !== action.photoId),
      }));
    case "setResolution":
      return { ...state, resolution: action.resolution, serverErrors: {} };
    case "previewStarted":
      return { ...state, previewPending: true };
    case "previewReceived":
      return { ...state, previewPending: false, preview: action.preview };
    case "previewFailed":
      return { ...state, previewPending: false };
    case "submitAttempted":
      return { ...state, showErrors: true };
    case "submitStarted":
      return { ...state, submitting: true, showErrors: true, serverErrors: {}, serverLines: undefined };
    case "submitSucceeded":
      return {
        ...state,
        submitting: false,
        view: "overview",
        data: upsertRequest(state.data, action.request),
        draft: {},
        preview: undefined,
        showErrors: false,
        notice: { tone: "success", key: "notice.submitted" },
        idempotencyKey: "",
      };
    case "submitFailed":
      return {
        ...state,
        submitting: false,
        serverErrors: action.busy ? { busy: action.message } : action.field ? { [action.field]: action.message } : { form: action.message },
        serverLines: action.lines,
      };
    case "cancelStarted":
      return { ...state, cancelling: action.requestId, notice: undefined };
    case "cancelSucceeded":
      return {
        ...state,
        cancelling: undefined,
        data: upsertRequest(state.data, action.request),
        notice: { tone: "info", key: "notice.cancelled" },
      };
    case "cancelFailed":
      return {
        ...state,
        cancelling: undefined,
        notice: action.busy ? { tone: "critical", key: "errors.busy" } : { tone: "critical", key: "notice.error", message: action.message },
      };
    case "dismissNotice":
      return { ...state, notice: undefined };
  }
}
