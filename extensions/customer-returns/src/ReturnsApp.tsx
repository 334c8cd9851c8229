/** @jsxImportSource preact */
// Container: owns the reducer and the side effects (load, debounced preview, uploads, submit, cancel).
import { useCallback, useEffect, useMemo, useReducer, useRef } from "preact/hooks";
import { ApiError, isSignInRequired, type ResolutionCode, type ReturnsApi } from "./api";
import { failure, initialState, reducer, type State } from "./state";
import { isValid, serverFieldKey, toPreviewBody, toSubmitBody, validateDraft } from "./validate";
import { uuid } from "./host";
import type { Handlers, T } from "./View";

export const PREVIEW_DEBOUNCE_MS = 400;

export interface UseReturnsOptions {
  /** Open the form as soon as the order loads and something can be returned (the action modal). */
  autoOpen?: boolean;
  /** The host says the buyer is not signed in (pre-authenticated order status page): ask nothing of the app. */
  signedOut?: boolean;
}

export function useReturns(orderId: string, client: ReturnsApi, opts: UseReturnsOptions = {}) {
  const [state, dispatch] = useReducer(reducer, undefined, initialState);
  const live = useRef<State>(state);
  live.current = state;
  const photoSeq = useRef(0);

  const load = useCallback(() => {
    if (opts.signedOut) {
      dispatch({ type: "signInRequired" });
      return;
    }
    if (!orderId) return;
    if (live.current.phase === "signIn") dispatch({ type: "reload" });
    client.getReturns(orderId).then(
      (data) => {
        dispatch({ type: "loaded", data });
        if (opts.autoOpen && data.canRequest) dispatch({ type: "openForm", idempotencyKey: uuid() });
      },
      (e) => dispatch(isSignInRequired(e) ? { type: "signInRequired" } : { type: "loadFailed", ...failure(e) }),
    );
  }, [orderId, client, opts.autoOpen, opts.signedOut]);

  useEffect(load, [load]);

  // After a submit or cancel the remaining quantities and canRequest change: re-read them quietly.
  const refresh = () => {
    client.getReturns(orderId).then((data) => dispatch({ type: "loaded", data }), () => {});
  };

  // Per-line engine feedback while the shopper edits, debounced; stale answers are dropped.
  const previewSeq = useRef(0);
  const previewBody = useMemo(
    () => (state.view === "form" ? toPreviewBody(state) : null),
    [state.view, state.draft, state.resolution, state.data],
  );
  const previewKey = previewBody ? JSON.stringify(previewBody) : "";
  useEffect(() => {
    if (!previewBody) return;
    const seq = ++previewSeq.current;
    const timer = setTimeout(() => {
      dispatch({ type: "previewStarted" });
      client.preview(orderId, previewBody).then(
        (preview) => seq === previewSeq.current && dispatch({ type: "previewReceived", preview }),
        () => seq === previewSeq.current && dispatch({ type: "previewFailed" }),
      );
    }, PREVIEW_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [previewKey]);

  const on: Handlers = {
    retry: () => {
      dispatch({ type: "reload" });
      load();
    },
    openForm: () => dispatch({ type: "openForm", idempotencyKey: uuid() }),
    closeForm: () => dispatch({ type: "closeForm" }),
    setQuantity: (lineItemId, quantity) => dispatch({ type: "setQuantity", lineItemId, quantity }),
    setReason: (lineItemId, reason) => dispatch({ type: "setReason", lineItemId, reason }),
    toggleCondition: (lineItemId, condition, checked) => dispatch({ type: "toggleCondition", lineItemId, condition, checked }),
    setNote: (lineItemId, note) => dispatch({ type: "setNote", lineItemId, note }),
    setVariant: (lineItemId, variant) => dispatch({ type: "setVariant", lineItemId, variant }),
    addFiles: (lineItemId, files) => {
      for (const file of files) {
        const photoId = `p${++photoSeq.current}`;
        dispatch({ type: "photoAdded", lineItemId, photo: { id: photoId, name: file.name, status: "uploading" } });
        client.uploadFile(file).then(
          (resourceUrl) => dispatch({ type: "photoUploaded", lineItemId, photoId, resourceUrl }),
          () => dispatch({ type: "photoFailed", lineItemId, photoId }),
        );
      }
    },
    removePhoto: (lineItemId, photoId) => dispatch({ type: "removePhoto", lineItemId, photoId }),
    setResolution: (code) => dispatch({ type: "setResolution", resolution: code as ResolutionCode }),
    submit: () => {
      const s = live.current;
      if (s.submitting) return;
      dispatch({ type: "submitAttempted" });
      if (!isValid(validateDraft(s))) return;
      dispatch({ type: "submitStarted" });
      client.submit(orderId, toSubmitBody(s)).then(
        (request) => {
          dispatch({ type: "submitSucceeded", request });
          refresh();
        },
        (e) => {
          const field = e instanceof ApiError && e.field ? serverFieldKey(s, e.field) : undefined;
          dispatch({
            type: "submitFailed",
            ...failure(e),
            field,
            lines: e instanceof ApiError ? e.lines : undefined,
          });
        },
      );
    },
    cancel: (requestId) => {
      dispatch({ type: "cancelStarted", requestId });
      client.cancel(requestId).then(
        (request) => {
          dispatch({ type: "cancelSucceeded", request });
          refresh();
        },
        (e) => dispatch({ type: "cancelFailed", ...failure(e) }),
      );
    },
  };
  return { state, on };
}

export type { T };
