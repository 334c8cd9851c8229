// Staff amount override (issue 14): an item came back used, so staff lower what goes back. Lower only,
// with a reason (shown in the timeline), never above what Shopify will refund on the order (its payments
// less what was already refunded, read at Shopify), and only before money moved. No money moves here:
// the refund action that follows asks for confirmation with the new amount.
import { formatMoney, MoneyError, parseMoney } from "~/returns";
import { StaleRecordError } from "~/db";
import { AMOUNT_OVERRIDDEN } from "~/services/admin-views/detail";
import { readReturnForRefund } from "./shopify-steps";
import { failure, type ActionResult, type StaffDeps } from "./types";

const OPEN_FOR_OVERRIDE = ["requested", "approved", "received"];
export const OVERRIDE_REASON_MAX = 500;

function invalid(field: string, message: string): ActionResult {
  return { ok: false, status: 422, error: { code: "invalid_argument", field, message: `${field}: ${message}` } };
}

/** What Shopify will refund on the order: successful sales and captures less refunds, presentment money. */
function refundableAtShopify(transactions: readonly { kind: string; status: string; amountSet: { presentmentMoney: { amount: string; currencyCode: string } } }[], currency: string): number {
  let n = 0;
  for (const t of transactions) {
    if (t.status !== "SUCCESS" || t.amountSet.presentmentMoney.currencyCode !== currency) continue;
    const m = parseMoney(t.amountSet.presentmentMoney.amount, currency);
    if (t.kind === "SALE" || t.kind === "CAPTURE") n += m;
    if (t.kind === "REFUND") n -= m;
  }
  return Math.max(0, n);
}

export async function overrideAmount(
  deps: StaffDeps,
  shop: string,
  requestId: string,
  raw: { amount?: unknown; reason?: unknown },
): Promise<ActionResult> {
  const reason = typeof raw.reason === "string" ? raw.reason.trim() : "";
  if (reason === "") return invalid("reason", "say why the amount is lowered (the timeline shows it)");
  if (reason.length > OVERRIDE_REASON_MAX) return invalid("reason", `must be at most ${OVERRIDE_REASON_MAX} characters`);
  const request = await deps.repos.returnRequests.findById(shop, requestId).catch(() => null);
  if (!request) return failure(404, "not_found", `return request ${requestId} not found`);
  if (!OPEN_FOR_OVERRIDE.includes(request.status)) return failure(409, "invalid_transition", "The amount can only be changed before the money goes back.");
  let amountMinor: number;
  try {
    amountMinor = parseMoney(typeof raw.amount === "string" ? raw.amount : "", request.currency);
  } catch (e) {
    if (e instanceof MoneyError) return invalid("amount", `enter an amount in ${request.currency}, like 12.50`);
    throw e;
  }
  const fmt = (m: number) => formatMoney(m, request.currency);
  if (amountMinor <= 0) return invalid("amount", "must be more than zero; to give nothing back, decline or close the return");
  if (amountMinor >= request.refundMinor) return invalid("amount", `can only be lowered: enter less than ${fmt(request.refundMinor)}`);
  if (request.shopifyReturnId) {
    const { ret } = await readReturnForRefund(deps.admin, request.shopifyReturnId, request.lines.length);
    const most = refundableAtShopify(ret.order.transactions, request.currency);
    if (amountMinor > most) return invalid("amount", `Shopify will refund at most ${fmt(most)} on this order`);
  }
  let current = request;
  for (let i = 0; i < 8; i++) {
    try {
      const updated = await deps.repos.returnRequests.transition(shop, requestId, {
        expectedLockVersion: current.lockVersion,
        from: [current.status],
        patch: { refundMinor: amountMinor },
        now: deps.now(),
      });
      await deps.repos.events.append(shop, {
        requestId,
        type: AMOUNT_OVERRIDDEN,
        actor: deps.actor,
        at: deps.now(),
        payload: { fromMinor: current.refundMinor, toMinor: amountMinor, reason, newAmount: `${fmt(current.refundMinor)} → ${fmt(amountMinor)}` },
      });
      return { ok: true, request: updated };
    } catch (e) {
      if (!(e instanceof StaleRecordError)) throw e;
      const again = await deps.repos.returnRequests.findById(shop, requestId);
      if (!again || !OPEN_FOR_OVERRIDE.includes(again.status)) return failure(409, "invalid_transition", "The amount can only be changed before the money goes back.");
      if (amountMinor >= again.refundMinor) return invalid("amount", `can only be lowered: enter less than ${fmt(again.refundMinor)}`);
      current = again;
    }
  }
  throw new Error(`return request ${requestId}: could not record the override after repeated concurrent changes`);
}
