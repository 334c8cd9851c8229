// Typed client for the app's customer returns API (the contract in docs/decisions/060-ui-extensions.md).
// The extension never talks to Shopify's Admin API: every call goes to the app, authenticated with the
// customer account session token from `shopify.sessionToken.get()`.

export type ReturnStatus =
  | "requested"
  | "approved"
  | "declined"
  | "received"
  | "refunded"
  | "credited"
  | "closed"
  | "cancelled"
  /** the store (Shopify) did not accept the request; statusMessage says why */
  | "refused";

export type ResolutionCode = "refund" | "store_credit" | "replacement" | "exchange";

export interface ReasonOption {
  code: string;
  label: string;
  /** Conditions the shopper must confirm for this reason (e.g. "unused"). */
  conditions: string[];
  /** Photos required as evidence; 0 = none. */
  minPhotos: number;
}

export interface ReturnableLine {
  lineItemId: string;
  title: string;
  imageUrl?: string;
  /** the merchant's alt text for the image; absent: none (the title beside it names the product) */
  imageAlt?: string;
  quantityLeft: number;
  /** Decimal string in the order currency, e.g. "12.50". */
  unitPrice: string;
  reasons: ReasonOption[];
  deadline: string;
  note?: string;
}

export interface Resolution {
  code: ResolutionCode;
  label: string;
}

export interface RequestLine {
  lineItemId: string;
  title: string;
  quantity: number;
  reason: string;
}

export interface Money {
  amount: string;
  currency: string;
}

export interface ReturnRequest {
  id: string;
  status: ReturnStatus;
  createdAt: string;
  statusMessage: string;
  /** how the money comes back: store credit is labelled as such, never "Refund" */
  resolution?: ResolutionCode;
  /** what staff wrote to the shopper when approving */
  staffNote?: string;
  tracking?: { number: string; carrier?: string };
  declineReason?: string;
  returnLabelUrl?: string;
  instructions?: string;
  lines: RequestLine[];
  refund?: Money;
  storeCredit?: true;
  canCancel: boolean;
  /** a replacement's or exchange's new items: where they are, in the shopper's words, and the carrier's tracking page */
  newItems?: { message: string; trackingUrl?: string };
}

export interface ReturnsOverview {
  order: { id: string; name: string; currency: string };
  canRequest: boolean;
  closedReason?: string;
  lines: ReturnableLine[];
  resolutions: Resolution[];
  refundTimeline?: { earliest: string; latest: string; bankDays: number };
  requests: ReturnRequest[];
}

export interface DraftLineBody {
  lineItemId: string;
  quantity: number;
  reason: string;
  conditions: string[];
  note: string;
}

export interface PreviewBody {
  lines: (DraftLineBody & { photos: number })[];
  resolution?: ResolutionCode;
}

export interface PreviewLine {
  lineItemId: string;
  eligible: boolean;
  codes: string[];
  explanation: string;
}

export interface PreviewResult {
  eligible: boolean;
  lines: PreviewLine[];
  resolutions: Resolution[];
  refund: Money;
  /** when store credit is offered: what it gives, the refund plus the shop's bonus (`bonus` "0.00" when none) */
  storeCredit?: Money & { bonus: string };
  /** staff look at the request first (the shop's policy on return history), in the shopper's words */
  review?: { outcome: "hold" | "blocked"; message: string };
  /** line item ids the shopper keeps: no need to send them back */
  keep?: string[];
  /** for a replacement or exchange: per line, what the shopper may get (labels in their words, with the difference) */
  exchange?: { kind: "replacement" | "exchange"; currency: string; lines: ExchangeLine[] };
}

export interface ExchangeChoice {
  variantId: string;
  title: string;
  price: string;
  back?: string;
  /** costs this much more than what comes back: shown, not choosable */
  more?: string;
  /** "Large · NZ$89.00 · same price" */
  label: string;
}

export interface ExchangeLine {
  lineItemId: string;
  choices: ExchangeChoice[];
  /** why there is nothing to choose */
  none?: string;
}

export interface SubmitBody {
  idempotencyKey: string;
  lines: (DraftLineBody & { photos: string[]; exchangeVariantId?: string })[];
  resolution: ResolutionCode;
}

export interface StagedUploadTarget {
  url: string;
  resourceUrl: string;
  parameters: { name: string; value: string }[];
}

export interface ApiErrorBody {
  code: string;
  message: string;
  field?: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
    /** Per-line engine verdicts on a 422. */
    readonly lines?: PreviewLine[],
    /** On a "busy" answer (429): how long to wait before asking again. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export interface ReturnsApiOptions {
  appUrl: string;
  /**
   * The customer account's language for this extension (`localization.extensionLanguage`), sent with every
   * call as `?locale=` so the app's words (explanations, statuses, reasons) match the extension's own, not
   * whatever the browser's Accept-Language says: one language per screen.
   */
  locale?: string;
  getToken: () => Promise<string>;
  fetch?: FetchLike;
  /** Waits between retries of a "busy" answer (tests inject one); default setTimeout. */
  sleep?: (ms: number) => Promise<void>;
}

/** Retries after a "busy" answer, for calls that are safe to repeat (GETs, and submit: it carries its idempotencyKey). */
export const BUSY_RETRIES = 2;

/**
 * Seconds to wait from a Retry-After header (delta-seconds), clamped to 1..30; 5 when absent or unreadable.
 * In the customer account the extension runs cross-origin and the app does not list Retry-After in
 * Access-Control-Expose-Headers, so there the browser hides it and the 5 s default applies.
 */
export function retryAfterSeconds(header: string | null): number {
  const n = header && /^\s*\d+\s*$/.test(header) ? Number(header) : 5;
  return Math.min(Math.max(n, 1), 30);
}

/**
 * The session token names no customer (401 "sign_in_required"): the buyer opened the order status page from
 * a link without signing in (pre-authenticated), or the app has no access to customer data. Not retried.
 */
export const isSignInRequired = (e: unknown): e is ApiError => e instanceof ApiError && e.code === "sign_in_required";

/** The app is throttled (429 "busy"): the same call may succeed after a pause. */
export const isBusy = (e: unknown): e is ApiError => e instanceof ApiError && e.code === "busy";

/** Accepts numeric ids and gids; the path segment is always url-encoded. */
export function orderPathId(orderId: string): string {
  return encodeURIComponent(orderId);
}

export function createReturnsApi(options: ReturnsApiOptions) {
  const base = options.appUrl.replace(/\/+$/, "");
  const doFetch: FetchLike = options.fetch ?? ((i, init) => fetch(i, init));
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));

  /** One call, retried up to `retries` times while the app answers "busy" (the body is sent unchanged). */
  async function call<T>(method: "GET" | "POST", path: string, body?: unknown, retries = 0): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await callOnce<T>(method, path, body);
      } catch (e) {
        if (!isBusy(e) || attempt >= retries) throw e;
        await sleep(e.retryAfterSeconds! * 1000);
      }
    }
  }

  const withLocale = (path: string) =>
    options.locale ? `${path}${path.includes("?") ? "&" : "?"}locale=${encodeURIComponent(options.locale)}` : path;

  async function callOnce<T>(method: "GET" | "POST", path: string, body?: unknown): Promise<T> {
    const token = await options.getToken();
    const headers: Record<string, string> = { Authorization: `Bearer ${token}`, Accept: "application/json" };
    if (body !== undefined) headers["Content-Type"] = "application/json";
    let res: Response;
    try {
      res = await doFetch(base + withLocale(path), {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (e) {
      throw new ApiError(0, "network", e instanceof Error ? e.message : String(e));
    }
    const text = await res.text();
    let json: unknown = undefined;
    if (text) {
      try {
        json = JSON.parse(text);
      } catch {
        if (res.status !== 429) throw new ApiError(res.status, "bad_response", `Unexpected response (${res.status})`);
      }
    }
    if (!res.ok) {
      const err = (json as { error?: ApiErrorBody; lines?: PreviewLine[] } | undefined) ?? {};
      // Any 429 means "slow down" (the app's own is { code: "busy" } with Retry-After: 5).
      const busy = res.status === 429;
      throw new ApiError(
        res.status,
        busy ? "busy" : err.error?.code ?? "http_" + res.status,
        err.error?.message ?? `Request failed (${res.status})`,
        err.error?.field,
        err.lines,
        busy ? retryAfterSeconds(res.headers.get("Retry-After")) : undefined,
      );
    }
    return json as T;
  }

  return {
    getReturns(orderId: string) {
      return call<ReturnsOverview>("GET", `/api/customer/orders/${orderPathId(orderId)}/returns`, undefined, BUSY_RETRIES);
    },
    // Not retried: a failed preview is quiet and the next edit asks again.
    preview(orderId: string, body: PreviewBody) {
      return call<PreviewResult>("POST", `/api/customer/orders/${orderPathId(orderId)}/returns/preview`, body);
    },
    /** Retried on "busy" with the same body, so the same idempotencyKey: the app makes at most one request per key. */
    async submit(orderId: string, body: SubmitBody) {
      const r = await call<{ request: ReturnRequest }>(
        "POST",
        `/api/customer/orders/${orderPathId(orderId)}/returns`,
        body,
        BUSY_RETRIES,
      );
      return r.request;
    },
    // Not retried automatically: it carries no idempotency key; on "busy" the shopper sees why and can press Cancel again.
    async cancel(requestId: string) {
      const r = await call<{ request: ReturnRequest }>(
        "POST",
        `/api/customer/returns/${encodeURIComponent(requestId)}/cancel`,
        {},
      );
      return r.request;
    },
    // Not retried automatically: each call stages a new upload target at Shopify.
    stageUpload(file: { filename: string; mimeType: string; fileSize: number }) {
      return call<StagedUploadTarget>("POST", "/api/customer/uploads", file);
    },
    /** POSTs the file to the staged target (parameters first, then the file) and returns its resourceUrl. */
    async uploadFile(file: File): Promise<string> {
      const target = await this.stageUpload({
        filename: file.name,
        mimeType: file.type || "application/octet-stream",
        fileSize: file.size,
      });
      const form = new FormData();
      for (const p of target.parameters) form.append(p.name, p.value);
      form.append("file", file);
      let res: Response;
      try {
        res = await doFetch(target.url, { method: "POST", body: form });
      } catch (e) {
        throw new ApiError(0, "upload_failed", e instanceof Error ? e.message : String(e));
      }
      if (!res.ok) throw new ApiError(res.status, "upload_failed", `Upload failed (${res.status})`);
      return target.resourceUrl;
    },
  };
}

export type ReturnsApi = ReturnType<typeof createReturnsApi>;
