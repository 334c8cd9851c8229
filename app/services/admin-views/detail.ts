// Request detail read model: the request and lines, the engine's verdict rule by rule with the policy
// version it was judged by, the money preview, and the audit timeline. Another shop's id -> null.
import { type ReturnEventRecord, type ReturnRequestWithLines } from "~/db";
import { formatMoney, type TraceEntry } from "~/returns";
import type { ServiceContext } from "~/services/context";

export interface DetailLine {
  id: string;
  title: string;
  quantity: number;
  reason: string;
  note: string | null;
  conditions: string[];
  photos: string[];
  eligible: boolean;
  codes: string[];
  refundMinor: number;
  /** from the stored verdict, matched by position */
  explanation: string | null;
  deadline: string | null;
  route: string | null;
  trace: TraceEntry[];
}

export interface RequestDetail {
  request: Omit<ReturnRequestWithLines, "lines" | "verdict" | "createdAt" | "updatedAt" | "lastErrorAt"> & {
    createdAt: string;
    updatedAt: string;
    lastErrorAt: string | null;
  };
  lines: DetailLine[];
  verdict: { decision: string | null; eligible: boolean | null; policyId: string | null; evaluatedAt: string | null };
  policy: { version: number; name: string | null; createdAt: string } | null;
  money: {
    currency: string;
    refundMinor: number;
    feesMinor: number;
    /** refund + fees = value of the returned items before deductions */
    grossMinor: number;
    /** store credit is issued for the same amount as the refund */
    storeCreditMinor: number;
    formatted: { refund: string; fees: string; gross: string; storeCredit: string };
  };
  events: { id: number; type: string; actor: string; at: string; summary: string; shopifyErrors: string[] }[];
}

const strings = (v: unknown): string[] =>
  Array.isArray(v) ? v.map((x) => (typeof x === "string" ? x : typeof x === "object" && x && "url" in x ? String((x as { url: unknown }).url) : null)).filter((x): x is string => x !== null) : [];

interface VerdictLine {
  explanation?: unknown;
  deadline?: unknown;
  route?: unknown;
  trace?: unknown;
  lineId?: unknown;
  lineItemId?: unknown;
}

function verdictLines(verdict: unknown): VerdictLine[] {
  if (verdict && typeof verdict === "object" && Array.isArray((verdict as { lines?: unknown }).lines)) {
    return (verdict as { lines: VerdictLine[] }).lines;
  }
  return [];
}

function traceOf(v: unknown): TraceEntry[] {
  if (!Array.isArray(v)) return [];
  return v
    .filter((e): e is Record<string, unknown> => typeof e === "object" && e !== null && typeof (e as { rule?: unknown }).rule === "string")
    .map((e) => ({
      rule: String(e.rule),
      pass: e.pass === true,
      ...(typeof e.code === "string" ? { code: e.code as TraceEntry["code"] } : {}),
      ...(typeof e.detail === "string" ? { detail: e.detail } : {}),
    }));
}

/** Shopify errors recorded on an event (ShopifyUserError payloads or transport messages), as sentences. */
export function shopifyErrorsOf(e: Pick<ReturnEventRecord, "payload" | "shopifyResponse">): string[] {
  const out: string[] = [];
  for (const src of [e.shopifyResponse, e.payload]) {
    if (!src || typeof src !== "object") continue;
    const o = src as Record<string, unknown>;
    const errs = (o.userErrors ?? o.shopifyErrors ?? (o.error as Record<string, unknown> | undefined)?.shopifyErrors) as unknown;
    if (Array.isArray(errs)) {
      for (const er of errs) {
        if (er && typeof er === "object" && typeof (er as { message?: unknown }).message === "string") {
          const f = (er as { field?: unknown }).field;
          const field = Array.isArray(f) && f.length > 0 ? ` (${f.join(".")})` : "";
          out.push(`${(er as { message: string }).message}${field}`);
        }
      }
    }
    if (typeof o.error === "string") out.push(o.error);
    else if (o.error && typeof o.error === "object" && typeof (o.error as { message?: unknown }).message === "string") {
      out.push((o.error as { message: string }).message);
    }
  }
  return [...new Set(out)];
}

function eventSummary(e: ReturnEventRecord): string {
  const p = (e.payload && typeof e.payload === "object" ? e.payload : {}) as Record<string, unknown>;
  const bits: string[] = [];
  for (const k of ["from", "to", "reason", "message", "note", "restock", "resolution", "trackingNumber", "amount"]) {
    const v = p[k];
    if (v !== undefined && v !== null && v !== "" && typeof v !== "object") bits.push(`${k}: ${String(v)}`);
  }
  return bits.join(" · ");
}

export async function loadRequestDetail(ctx: Pick<ServiceContext, "repos">, shop: string, id: string): Promise<RequestDetail | null> {
  const { repos } = ctx;
  const r = await repos.returnRequests.findById(shop, id);
  if (!r) return null;
  const [events, policy] = await Promise.all([
    repos.events.listForRequest(shop, id),
    r.policyVersion !== null ? repos.policies.get(shop, r.policyVersion) : Promise.resolve(null),
  ]);
  const vLines = verdictLines(r.verdict);
  const v = (r.verdict && typeof r.verdict === "object" ? r.verdict : {}) as Record<string, unknown>;
  const { lines, verdict: _v, createdAt, updatedAt, lastErrorAt, ...rest } = r;
  void _v;
  const gross = r.refundMinor + r.feesMinor;
  return {
    request: { ...rest, createdAt: createdAt.toISOString(), updatedAt: updatedAt.toISOString(), lastErrorAt: lastErrorAt?.toISOString() ?? null },
    lines: lines.map((l, i) => {
      // by line item id; by position only when the stored verdict carries no ids
      const keyed = vLines.some((x) => typeof x.lineItemId === "string" || typeof x.lineId === "string");
      const vl = keyed ? vLines.find((x) => x.lineItemId === l.lineItemId || x.lineId === l.lineItemId) : vLines[i];
      return {
        id: l.id,
        title: l.title,
        quantity: l.quantity,
        reason: l.reason,
        note: l.note,
        conditions: strings(l.conditions),
        photos: strings(l.photos),
        eligible: l.eligible,
        codes: strings(l.codes),
        refundMinor: l.refundMinor,
        explanation: typeof vl?.explanation === "string" ? vl.explanation : null,
        deadline: typeof vl?.deadline === "string" ? vl.deadline : null,
        route: typeof vl?.route === "string" ? vl.route : null,
        trace: traceOf(vl?.trace),
      };
    }),
    verdict: {
      decision: typeof v.decision === "string" ? v.decision : null,
      eligible: typeof v.eligible === "boolean" ? v.eligible : null,
      policyId: typeof v.policyId === "string" ? v.policyId : null,
      evaluatedAt: typeof v.evaluatedAt === "string" ? v.evaluatedAt : null,
    },
    policy: policy
      ? {
          version: policy.version,
          name:
            policy.policy && typeof policy.policy === "object" && typeof (policy.policy as { name?: unknown }).name === "string"
              ? (policy.policy as { name: string }).name
              : null,
          createdAt: policy.createdAt.toISOString(),
        }
      : null,
    money: {
      currency: r.currency,
      refundMinor: r.refundMinor,
      feesMinor: r.feesMinor,
      grossMinor: gross,
      storeCreditMinor: r.refundMinor,
      formatted: {
        refund: formatMoney(r.refundMinor, r.currency),
        fees: formatMoney(r.feesMinor, r.currency),
        gross: formatMoney(gross, r.currency),
        storeCredit: formatMoney(r.refundMinor, r.currency),
      },
    },
    events: events.map((e) => ({
      id: e.id,
      type: e.type,
      actor: e.actor,
      at: e.at.toISOString(),
      summary: eventSummary(e),
      shopifyErrors: shopifyErrorsOf(e),
    })),
  };
}
