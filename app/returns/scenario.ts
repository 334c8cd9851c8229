// The scenario file format of the shared scenario contract (`shared/scenarios/README.md` beside the repository): parse and validate one,
// naming the bad field, then evaluate it.
import { z } from "zod";
import { PolicyError, parsePolicy, zodToPolicyError, type Policy } from "./policy";
import { getPreset, PRESET_IDS } from "./presets";
import { isoInstantSchema, localeSchema, orderSchema, returnRequestSchema, shopSchema } from "./order";
import type { Order, ReturnRequest, Shop } from "./order";
import type { Locale } from "./policy";
import { evaluate, type Evaluation } from "./engine";
import { customerHistorySchema, type CustomerHistory } from "./screening";

export interface Scenario {
  policy: Policy;
  now: string;
  shop: Shop;
  order: Order;
  request: ReturnRequest;
  locale?: Locale;
  /** Optional customer history (decision 190). */
  customer?: CustomerHistory;
}

const envelope = z.object({
  policy: z.union([z.string(), z.record(z.string(), z.unknown())], { error: "must be a preset id or a policy object" }),
  now: isoInstantSchema,
  shop: shopSchema,
  order: orderSchema,
  request: returnRequestSchema,
  locale: localeSchema.optional(),
  customer: customerHistorySchema.optional(),
});

/** Validate a parsed scenario. Throws PolicyError whose `field` names the bad field (e.g. "order.lines[0].unitPrice"). */
export function parseScenario(value: unknown): Scenario {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new PolicyError([{ field: "(root)", message: "a scenario must be a JSON object" }]);
  }
  const r = envelope.safeParse(value);
  if (!r.success) throw zodToPolicyError(r.error);
  const s = r.data;
  let policy: Policy;
  if (typeof s.policy === "string") {
    const p = getPreset(s.policy);
    if (!p) throw new PolicyError([{ field: "policy", message: `unknown preset "${s.policy}" (known: ${PRESET_IDS.join(", ")})` }]);
    policy = p;
  } else {
    policy = parsePolicy(s.policy, "policy");
  }
  if (s.order.currency !== s.shop.currency) {
    // Allowed (multi-currency orders), money stays in the order's currency.
  }
  const ids = new Set(s.order.lines.map((l) => l.id));
  s.request.lines.forEach((l, i) => {
    if (!ids.has(l.lineId)) throw new PolicyError([{ field: `request.lines[${i}].lineId`, message: `no order line with id ${l.lineId}` }]);
  });
  return { policy, now: s.now, shop: s.shop, order: s.order, request: s.request, ...(s.locale ? { locale: s.locale } : {}), ...(s.customer ? { customer: s.customer } : {}) };
}

export function runScenario(value: unknown): Evaluation {
  const s = parseScenario(value);
  return evaluate(s);
}
