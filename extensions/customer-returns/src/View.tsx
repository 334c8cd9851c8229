/** @jsxImportSource preact */
// Presentational components: a pure function of State (render tests in View.test.ts cover every state).
import { useState } from "preact/hooks";
import type { ReturnRequest, ReturnableLine } from "./api";
import { conditionKey, formatDate, formatMoney, statusKey, statusTone } from "./format";
import { returnableLines, type State } from "./state";
import { lineKey, NOTE_MAX, validateDraft, type ValidationErrors } from "./validate";

export type T = (key: string, params?: Record<string, string | number>) => string;

export interface Handlers {
  retry(): void;
  openForm(): void;
  closeForm(): void;
  setQuantity(lineItemId: string, q: number): void;
  setReason(lineItemId: string, reason: string): void;
  toggleCondition(lineItemId: string, condition: string, checked: boolean): void;
  setNote(lineItemId: string, note: string): void;
  setVariant(lineItemId: string, variant: string): void;
  addFiles(lineItemId: string, files: readonly File[]): void;
  removePhoto(lineItemId: string, photoId: string): void;
  setResolution(code: string): void;
  submit(): void;
  cancel(requestId: string): void;
  /** Present where the host can ask the buyer to sign in (the pre-authenticated order status page). */
  signIn?(): void;
}

export interface ViewProps {
  state: State;
  t: T;
  locale: string;
  on: Handlers;
  /** Where "Request return" leads instead of opening the form in place (the order's request page). */
  requestHref?: string;
}

type Target = EventTarget & { value?: string; checked?: boolean; files?: readonly File[] };
const val = (e: Event) => String((e.currentTarget as Target).value ?? "");

export function Loading({ t }: { t: T }) {
  return <s-spinner accessibilityLabel={t("loading")} />;
}

export function LoadError({ state, t, on }: ViewProps) {
  return (
    <s-banner tone="critical" heading={t("errors.load")}>
      <s-stack gap="small">
        {state.loadBusy ? <s-text>{t("errors.busy")}</s-text> : state.loadError && <s-text>{state.loadError}</s-text>}
        <s-button variant="secondary" onClick={on.retry}>
          {t("retry")}
        </s-button>
      </s-stack>
    </s-banner>
  );
}

/** The session names no signed-in customer: a sign-in prompt where the host offers one, else why not. */
export function SignIn({ t, on }: ViewProps) {
  if (!on.signIn) return <s-text color="subdued">{t("signIn.unavailable")}</s-text>;
  return (
    <s-stack gap="small">
      <s-text>{t("signIn.message")}</s-text>
      <s-button onClick={on.signIn}>{t("signIn.action")}</s-button>
    </s-stack>
  );
}

function RequestCard({ r, state, t, locale, on }: ViewProps & { r: ReturnRequest }) {
  const date = formatDate(r.createdAt, locale);
  // a shopper is asked before a request is cancelled (one more step in the card, not a second modal)
  const [asking, setAsking] = useState(false);
  return (
    <s-box border="base" padding="base" borderRadius="base">
      <s-stack gap="small-200">
        <s-stack direction="inline" gap="small-200" alignItems="center">
          <s-heading>{t("requestCard.title", { date })}</s-heading>
          <s-badge tone={statusTone(r.status)}>{t(statusKey(r.status))}</s-badge>
        </s-stack>
        <s-text>{r.statusMessage}</s-text>
        {r.newItems && <s-text>{r.newItems.message}</s-text>}
        {r.newItems?.trackingUrl && (
          <s-link href={r.newItems.trackingUrl} target="_blank">
            {t("requestCard.track")}
          </s-link>
        )}
        <s-unordered-list>
          {r.lines.map((l) => (
            <s-list-item key={l.lineItemId}>{t("requestCard.line", { quantity: l.quantity, title: l.title, reason: l.reason })}</s-list-item>
          ))}
        </s-unordered-list>
        {r.status === "declined" && r.declineReason && <s-text>{t("requestCard.declineReason", { reason: r.declineReason })}</s-text>}
        {r.returnLabelUrl && (
          <s-link href={r.returnLabelUrl} target="_blank">
            {t("requestCard.label")}
          </s-link>
        )}
        {r.instructions && (
          <s-stack gap="small-300">
            <s-text type="strong">{t("requestCard.instructions")}</s-text>
            <s-paragraph>{r.instructions}</s-paragraph>
          </s-stack>
        )}
        {r.staffNote && (
          <s-stack gap="small-300">
            <s-text type="strong">{t("requestCard.staffNote")}</s-text>
            <s-paragraph>{r.staffNote}</s-paragraph>
          </s-stack>
        )}
        {r.tracking && (
          <s-text>
            {r.tracking.carrier
              ? t("requestCard.trackingWithCarrier", { number: r.tracking.number, carrier: r.tracking.carrier })
              : t("requestCard.tracking", { number: r.tracking.number })}
          </s-text>
        )}
        {r.refund && (
          <s-text>
            {t(r.storeCredit || r.status === "credited" || r.resolution === "store_credit" ? "requestCard.storeCredit" : "requestCard.refund", {
              amount: formatMoney(r.refund.amount, r.refund.currency, locale),
            })}
          </s-text>
        )}
        {r.canCancel && r.status === "requested" && !asking && (
          <s-button
            variant="secondary"
            tone="critical"
            loading={state.cancelling === r.id}
            accessibilityLabel={t("requestCard.cancelLabel", { date })}
            onClick={() => setAsking(true)}
          >
            {t("requestCard.cancel")}
          </s-button>
        )}
        {r.canCancel && r.status === "requested" && asking && (
          <s-stack gap="small-200">
            <s-text>{t("requestCard.cancelConfirm")}</s-text>
            <s-stack direction="inline" gap="small-200">
              <s-button
                variant="primary"
                tone="critical"
                loading={state.cancelling === r.id}
                onClick={() => {
                  setAsking(false);
                  on.cancel(r.id);
                }}
              >
                {t("requestCard.cancelConfirmYes")}
              </s-button>
              <s-button variant="secondary" onClick={() => setAsking(false)}>
                {t("requestCard.cancelKeep")}
              </s-button>
            </s-stack>
          </s-stack>
        )}
      </s-stack>
    </s-box>
  );
}

export function Notice({ state, t }: ViewProps) {
  const n = state.notice;
  if (!n) return null;
  return (
    <s-banner tone={n.tone}>
      <s-text>{n.message ? `${t(n.key)} ${n.message}` : t(n.key)}</s-text>
    </s-banner>
  );
}

export function Overview(props: ViewProps) {
  const { state, t, on } = props;
  const data = state.data!;
  return (
    <s-stack gap="base">
      <Notice {...props} />
      {data.requests.map((r) => (
        <RequestCard key={r.id} r={r} {...props} />
      ))}
      {data.canRequest ? (
        <s-button href={props.requestHref} onClick={props.requestHref ? undefined : on.openForm}>
          {t("request")}
        </s-button>
      ) : data.closedReason ? (
        <s-text color="subdued">{data.closedReason}</s-text>
      ) : (
        // The order's menu item leads to the request page on every order without asking first: say so there when
        // there is nothing (the status block, which links to the page, hides itself then).
        !props.requestHref && !data.requests.length && <s-text color="subdued">{t("nothingToReturn")}</s-text>
      )}
    </s-stack>
  );
}

function LineForm(props: ViewProps & { line: ReturnableLine; errors: ValidationErrors }) {
  const { line, state, t, locale, on, errors } = props;
  const id = line.lineItemId;
  const d = state.draft[id];
  if (!d) return null;
  const err = (field: string) => {
    const k = lineKey(id, field);
    const e = state.serverErrors[k] ?? (state.showErrors ? errors[k] : undefined);
    return e === undefined ? undefined : state.serverErrors[k] ? e : t(e, field === "photos" ? { count: reason?.minPhotos ?? 1 } : {});
  };
  const reason = line.reasons.find((r) => r.code === d.reason);
  const feedback = (state.serverLines ?? state.preview?.lines)?.find((l) => l.lineItemId === id);
  // the replacement or exchange this line would get (the preview reads the store's stock for it)
  const ex = state.preview?.exchange;
  const pick = ex?.lines.find((l) => l.lineItemId === id);
  return (
    <s-box border="base" padding="base" borderRadius="base">
      <s-stack gap="small">
        <s-stack direction="inline" gap="small" alignItems="center">
          {/* Shopify's host renders the picture (a CDN URL from the order's line item); its alt text is the merchant's
              https://shopify.dev/docs/api/customer-account-ui-extensions/2025-10/web-components/media-and-visuals/product-thumbnail */}
          {line.imageUrl && <s-product-thumbnail src={line.imageUrl} alt={line.imageAlt ?? ""} size="small" />}
          <s-text type="strong">{line.title}</s-text>
          <s-text color="subdued">{t("form.returnBy", { date: formatDate(line.deadline, locale) })}</s-text>
        </s-stack>
        {line.note && <s-text color="subdued">{line.note}</s-text>}
        <s-number-field
          label={t("form.quantity", { count: line.quantityLeft })}
          value={String(d.quantity)}
          min={0}
          max={line.quantityLeft}
          step={1}
          error={err("quantity")}
          onInput={(e: Event) => on.setQuantity(id, parseInt(val(e) || "0", 10))}
        />
        {d.quantity > 0 && (
          <s-select label={t("form.reason")} placeholder={t("form.reasonPlaceholder")} value={d.reason} error={err("reason")} onChange={(e: Event) => on.setReason(id, val(e))}>
            {line.reasons.map((r) => (
              <s-option key={r.code} value={r.code}>
                {r.label}
              </s-option>
            ))}
          </s-select>
        )}
        {d.quantity > 0 &&
          reason?.conditions.map((c) => (
            <s-checkbox
              key={c}
              label={t(conditionKey(c))}
              checked={d.conditions.includes(c)}
              error={err(`condition:${c}`)}
              onChange={(e: Event) => on.toggleCondition(id, c, !!(e.currentTarget as Target).checked)}
            />
          ))}
        {d.quantity > 0 && reason && reason.minPhotos > 0 && (
          <s-stack gap="small-200">
            <s-drop-zone
              label={t("form.photos", { count: reason.minPhotos })}
              accept="image/*"
              multiple
              error={err("photos")}
              onChange={(e: Event) => on.addFiles(id, (e.currentTarget as Target).files ?? [])}
            />
            {d.photos.map((p) => (
              <s-stack key={p.id} direction="inline" gap="small-200" alignItems="center">
                <s-text tone={p.status === "error" ? "critical" : "auto"}>
                  {t(p.status === "done" ? "form.photoDone" : p.status === "error" ? "form.photoFailed" : "form.photoUploading", { name: p.name })}
                </s-text>
                <s-button variant="secondary" accessibilityLabel={t("form.removePhoto", { name: p.name })} onClick={() => on.removePhoto(id, p.id)}>
                  {t("form.remove")}
                </s-button>
              </s-stack>
            ))}
          </s-stack>
        )}
        {d.quantity > 0 && (
          <s-stack gap="small-300">
            <s-text-area label={t("form.note")} value={d.note} maxLength={NOTE_MAX} error={err("note")} onInput={(e: Event) => on.setNote(id, val(e))} />
            <s-text color="subdued">{t("form.noteLeft", { count: Math.max(0, NOTE_MAX - d.note.length) })}</s-text>
          </s-stack>
        )}
        {d.quantity > 0 && pick && (ex!.kind === "exchange" && pick.choices.length ? (
          <s-select label={t("form.variant")} placeholder={t("form.variantPlaceholder")} value={d.variant} error={err("exchangeVariantId")} onChange={(e: Event) => on.setVariant(id, val(e))}>
            {pick.choices.map((c) => (
              <s-option key={c.variantId} value={c.variantId} disabled={!!c.more}>
                {c.label}
              </s-option>
            ))}
          </s-select>
        ) : (
          <s-text tone={pick.choices[0] ? "auto" : "critical"}>{pick.choices[0] ? t("form.replacement", { item: pick.choices[0].label }) : pick.none}</s-text>
        ))}
        {/* the engine's verdict once the shopper has said why: never a red line before they did anything */}
        {d.quantity > 0 && d.reason !== "" && feedback && (
          <s-text tone={feedback.eligible ? "success" : "critical"}>{feedback.explanation}</s-text>
        )}
      </s-stack>
    </s-box>
  );
}

export function ReturnForm(props: ViewProps) {
  const { state, t, locale, on } = props;
  const data = state.data!;
  const errors = validateDraft(state);
  const resolutions = state.preview?.resolutions.length ? state.preview.resolutions : data.resolutions;
  const formError =
    state.serverErrors.busy !== undefined
      ? t("errors.busy")
      : state.serverErrors.form ?? (state.showErrors && errors.form ? t(errors.form) : undefined);
  const resolutionError = state.serverErrors.resolution ?? (state.showErrors && errors.resolution ? t(errors.resolution) : undefined);
  const refund = state.preview?.refund;
  // store credit worth choosing (decision 220): what it gives when it is more than a refund
  const credit = state.preview?.storeCredit;
  const money = (m: { amount: string; currency: string }) => formatMoney(m.amount, m.currency, locale);
  const tl = data.refundTimeline;
  return (
    <s-stack gap="base">
      {formError && (
        <s-banner tone="critical" heading={t("errors.submit")}>
          <s-text>{formError}</s-text>
        </s-banner>
      )}
      {returnableLines(data).map((line) => (
        <LineForm key={line.lineItemId} line={line} errors={errors} {...props} />
      ))}
      <s-select label={t("form.resolution")} value={state.resolution ?? ""} error={resolutionError} onChange={(e: Event) => on.setResolution(val(e))}>
        {resolutions.map((r) => (
          <s-option key={r.code} value={r.code}>
            {r.label}
          </s-option>
        ))}
      </s-select>
      {credit && /[1-9]/.test(credit.bonus) && (
        <s-text>{t("form.storeCredit", { amount: money(credit), bonus: money({ amount: credit.bonus, currency: credit.currency }) })}</s-text>
      )}
      <s-stack gap="small-300">
        {state.previewPending && <s-text color="subdued">{t("form.checking")}</s-text>}
        {state.preview?.review && <s-banner tone="info">{state.preview.review.message}</s-banner>}
        {refund && !state.preview?.exchange && /[1-9]/.test(refund.amount) && <s-text type="strong">{t("form.refundEstimate", { amount: money(state.resolution === "store_credit" && credit ? credit : refund) })}</s-text>}
        {tl && state.resolution === "refund" && (
          <s-text color="subdued">{t("form.refundDates", { earliest: formatDate(tl.earliest, locale), latest: formatDate(tl.latest, locale) })}</s-text>
        )}
      </s-stack>
      <s-stack direction="inline" gap="small">
        <s-button onClick={on.submit} loading={state.submitting}>
          {t("form.submit")}
        </s-button>
        <s-button variant="secondary" onClick={on.closeForm}>
          {t("form.back")}
        </s-button>
      </s-stack>
    </s-stack>
  );
}

/** Body of the returns UI for the current state (without the block/modal chrome). */
export function ReturnsBody(props: ViewProps) {
  const { state, t } = props;
  if (state.phase === "loading") return <Loading t={t} />;
  if (state.phase === "signIn") return <SignIn {...props} />;
  if (state.phase === "error" || !state.data) return <LoadError {...props} />;
  return state.view === "form" ? <ReturnForm {...props} /> : <Overview {...props} />;
}
