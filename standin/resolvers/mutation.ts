/* eslint-disable @typescript-eslint/no-explicit-any -- resolver args arrive already coerced by graphql-js against the real schema; their shapes are the schema's, not re-declared here */
import type { Ctx } from "./context";
import { tag } from "./context";
import { ue, TopLevelError } from "../state/errors";
import {
  approveReturn,
  cancelReturn,
  closeReturn,
  createReturn,
  declineReturn,
  processReturnLines,
  removeFromReturn,
  reopenReturn,
  type Result,
} from "../state/returns";
import { createRefund, type RefundInput } from "../state/refunds";
import { creditAccount, debitAccount } from "../state/storeCredit";
import { findFulfillmentLine, findReverseDelivery, findRfo, findRfoLine, gidType, newId } from "../state/store";
import { resolveNamespace } from "./metafields";
import { fileAltError, metafieldInputErrors, stagedUploadErrors } from "../state/limits";
import { subsOf, webhookView } from "./query";
import { iso } from "../clock";
import { returnPayload, refundPayload } from "../webhookPayloads";
import { exchangeProcessErrors, exchangeValue, processExchangeLines } from "../state/exchanges";
import { discountedUnit } from "../state/refunds";

type M = Record<string, (src: unknown, args: any, ctx: Ctx) => unknown>;

function answer(ctx: Ctx, r: Result, topic: string | null) {
  if (r.ret && r.userErrors.length === 0 && topic) ctx.emit(topic, returnPayload(ctx.store, r.ret));
  return { return: tag(ctx, "Return", r.ret), userErrors: r.userErrors };
}

export const mutationResolvers: M = {
  returnRequest: (_s, { input }, ctx) => answer(ctx, createReturn(ctx.store, ctx.clock, input, { status: "REQUESTED", fieldRoot: "input" }), "returns/request"),
  returnCreate: (_s, { returnInput }, ctx) => answer(ctx, createReturn(ctx.store, ctx.clock, returnInput, { status: "OPEN", fieldRoot: "returnInput" }), "returns/approve"),
  returnApproveRequest: (_s, { input }, ctx) => answer(ctx, approveReturn(ctx.store, ctx.clock, input.id), "returns/approve"),
  returnDeclineRequest: (_s, { input }, ctx) => answer(ctx, declineReturn(ctx.store, ctx.clock, input), "returns/decline"),
  returnClose: (_s, { id }, ctx) => {
    const was = ctx.store.returns.get(id)?.status;
    const r = closeReturn(ctx.store, ctx.clock, id);
    return answer(ctx, r, was !== "CLOSED" ? "returns/close" : null);
  },
  returnReopen: (_s, { id }, ctx) => {
    const was = ctx.store.returns.get(id)?.status;
    return answer(ctx, reopenReturn(ctx.store, ctx.clock, id), was !== "OPEN" ? "returns/reopen" : null);
  },
  returnCancel: (_s, { id }, ctx) => {
    const was = ctx.store.returns.get(id)?.status;
    return answer(ctx, cancelReturn(ctx.store, ctx.clock, id), was !== "CANCELED" ? "returns/cancel" : null);
  },
  removeFromReturn: (_s, args, ctx) => answer(ctx, removeFromReturn(ctx.store, ctx.clock, args), "returns/update"),
  returnProcess: (_s, { input }, ctx) => {
    const ret = ctx.store.returns.get(input.returnId);
    // validate the refund part before touching quantities, so a failed refund leaves the return unchanged
    const r = processReturnLines(ctx.store, input.returnId, []);
    if (!r.ret) return answer(ctx, r, null);
    const lines = (input.returnLineItems ?? []) as { id: string; quantity: number }[];
    const exchanges = (input.exchangeLineItems ?? []) as { id: string; quantity: number }[];
    const exchangeErrors = exchangeProcessErrors(ret!, exchanges);
    if (exchangeErrors.length) return answer(ctx, { ret: null, userErrors: exchangeErrors }, null);
    const dry = structuredClone(ret!.lines);
    const check = processReturnLines(ctx.store, input.returnId, lines);
    if (check.userErrors.length) {
      ret!.lines = dry;
      return answer(ctx, check, null);
    }
    const order = ctx.store.orders.get(ret!.orderId)!;
    const issue = input.financialTransfer?.issueRefund;
    let refunded = 0;
    const refundLineItems = lines.map((l) => {
      const rl = ret!.lines.find((x) => x.id === l.id)!;
      return { lineItemId: rl.lineItemId, quantity: l.quantity, restockType: "NO_RESTOCK" };
    });
    // transactionAmount is "in the presentment currency of the order"
    // (https://shopify.dev/docs/api/admin-graphql/latest/input-objects/ReturnRefundOrderTransactionInput)
    const wrong = ((issue?.orderTransactions ?? []) as { transactionAmount: { currencyCode: string } }[]).findIndex((t) => t.transactionAmount.currencyCode !== order.presentmentCurrencyCode);
    if (wrong >= 0) {
      ret!.lines = dry;
      return {
        return: null,
        userErrors: [ue(["input", "financialTransfer", "issueRefund", "orderTransactions", wrong, "transactionAmount", "currencyCode"], `Currency must be the order's presentment currency ${order.presentmentCurrencyCode}`, "INVALID")],
      };
    }
    if (issue || input.refundShipping) {
      const refundInput: RefundInput = {
        orderId: order.id,
        currency: order.presentmentCurrencyCode,
        note: input.note ?? null,
        refundLineItems,
        shipping: input.refundShipping ? { amount: input.refundShipping.shippingRefundAmount?.amount ?? null, fullRefund: input.refundShipping.fullRefund ?? null } : null,
        transactions: (issue?.orderTransactions ?? []).map((t: { transactionAmount: { amount: string }; parentId: string }) => {
          const parent = order.transactions.find((x) => x.id === t.parentId);
          return { amount: t.transactionAmount.amount, gateway: parent?.gateway ?? "manual", kind: "REFUND", orderId: order.id, parentId: t.parentId };
        }),
        refundMethods: issue?.refundMethods ?? null,
        allowOverRefunding: issue?.allowOverRefunding ?? null,
      };
      const rf = createRefund(ctx.store, ctx.clock, refundInput, { returnId: ret!.id });
      if (rf.userErrors.length) {
        ret!.lines = dry;
        return { return: null, userErrors: rf.userErrors.map((e) => ({ ...e, code: e.code ?? "INVALID" })) };
      }
      ret!.refundIds.push(rf.refund!.id);
      for (const l of lines) ret!.lines.find((x) => x.id === l.id)!.refundedQuantity += l.quantity;
      ctx.emit("refunds/create", refundPayload(ctx.store, rf.refund!));
      refunded = rf.refund!.total;
    }
    if (exchanges.length) {
      // the returned items' value pays for the exchange items; what the refund took is no longer there
      const order = ctx.store.orders.get(ret!.orderId)!;
      const credit = lines.reduce((a, l) => {
        const li = order.lineItems.find((x) => x.id === ret!.lines.find((r) => r.id === l.id)!.lineItemId)!;
        return a + discountedUnit(li) * l.quantity;
      }, 0);
      processExchangeLines(ctx.store, ctx.clock, ret!, exchanges, exchangeValue(ret!, exchanges) > credit - refunded);
    }
    ctx.emit("returns/process", returnPayload(ctx.store, ret!));
    return { return: tag(ctx, "Return", ret!), userErrors: [] };
  },
  reverseDeliveryCreateWithShipping: (_s, a, ctx) => {
    if (gidType(a.reverseFulfillmentOrderId) !== "ReverseFulfillmentOrder") throw new TopLevelError(`Invalid id: ${a.reverseFulfillmentOrderId}`, "RESOURCE_NOT_FOUND");
    const found = findRfo(ctx.store, a.reverseFulfillmentOrderId);
    if (!found) return { reverseDelivery: null, userErrors: [ue(["reverseFulfillmentOrderId"], "Reverse fulfillment order was not found.", "NOT_FOUND")] };
    const items = (a.reverseDeliveryLineItems as { reverseFulfillmentOrderLineItemId: string; quantity: number }[]).length
      ? (a.reverseDeliveryLineItems as { reverseFulfillmentOrderLineItemId: string; quantity: number }[])
      : found.rfo.lines.map((l) => ({ reverseFulfillmentOrderLineItemId: l.id, quantity: l.totalQuantity }));
    const used = new Map<string, number>();
    for (const [i, it] of items.entries()) {
      if (gidType(it.reverseFulfillmentOrderLineItemId) !== "ReverseFulfillmentOrderLineItem") throw new TopLevelError(`Invalid id: ${it.reverseFulfillmentOrderLineItemId}`, "RESOURCE_NOT_FOUND");
      const line = found.rfo.lines.find((l) => l.id === it.reverseFulfillmentOrderLineItemId);
      if (!line) return { reverseDelivery: null, userErrors: [ue(["reverseDeliveryLineItems", i, "reverseFulfillmentOrderLineItemId"], "must exist", null)] };
      // checked per request against the returned quantity (earlier deliveries do not count: 2026-04 capture)
      const want = (used.get(line.id) ?? 0) + it.quantity;
      if (want > line.totalQuantity) return { reverseDelivery: null, userErrors: [ue(["reverseDeliveryLineItems", i, "quantity"], "cannot deliver more items than are returned", null)] };
      used.set(line.id, want);
    }
    const d = {
      id: newId(ctx.store, "ReverseDelivery"),
      lines: items.map((it) => ({ id: newId(ctx.store, "ReverseDeliveryLineItem"), rfoLineId: it.reverseFulfillmentOrderLineItemId, quantity: it.quantity })),
      trackingNumber: a.trackingInput?.number ?? null,
      trackingUrl: a.trackingInput?.url ?? null,
      carrierName: null,
      labelUrl: a.labelInput?.fileUrl ?? null,
    };
    found.rfo.deliveries.push(d);
    return { reverseDelivery: tag(ctx, "ReverseDelivery", d), userErrors: [] };
  },
  reverseFulfillmentOrderDispose: (_s, a, ctx) => {
    const inputs = a.dispositionInputs as { reverseFulfillmentOrderLineItemId: string; quantity: number; dispositionType: string; locationId?: string | null }[];
    for (const i of inputs) {
      if (gidType(i.reverseFulfillmentOrderLineItemId) !== "ReverseFulfillmentOrderLineItem") throw new TopLevelError(`Invalid id: ${i.reverseFulfillmentOrderLineItemId}`, "RESOURCE_NOT_FOUND");
      if (i.locationId && gidType(i.locationId) !== "Location") throw new TopLevelError(`Invalid id: ${i.locationId}`, "RESOURCE_NOT_FOUND");
    }
    const none = { reverseFulfillmentOrderLineItems: null };
    if (inputs.length === 0) return { ...none, userErrors: [ue(["dispositionInputs"], "The array cannot be empty.", "BLANK")] };
    const rfoIds = new Set(inputs.map((i) => findRfoLine(ctx.store, i.reverseFulfillmentOrderLineItemId)?.rfo.id ?? "missing"));
    if (rfoIds.size !== 1 || rfoIds.has("missing"))
      return { ...none, userErrors: [ue(["dispositionInputs"], "Cannot dispose items from more than one reverse fulfillment order.", "INVALID")] };
    const errors = [];
    for (const [n, i] of inputs.entries()) {
      const f = findRfoLine(ctx.store, i.reverseFulfillmentOrderLineItemId)!;
      const fl = findFulfillmentLine(ctx.store, f.line.fulfillmentLineItemId);
      const li = fl?.order.lineItems.find((x) => x.id === fl.line.lineItemId);
      if (i.dispositionType === "RESTOCKED" && li && !li.variantId)
        errors.push(ue(["dispositionInputs", n, "dispositionType"], "RESTOCKED is an invalid disposition type for a custom line item.", "INVALID"));
      if (i.locationId && !ctx.store.locations.has(i.locationId)) errors.push(ue(["dispositionInputs", n, "locationId"], "Location not found.", "NOT_FOUND"));
    }
    if (errors.length) return { ...none, userErrors: errors };
    const out = [];
    for (const i of inputs) {
      const f = findRfoLine(ctx.store, i.reverseFulfillmentOrderLineItemId)!;
      f.line.disposed.push({ type: i.dispositionType, quantity: i.quantity, locationId: i.locationId ?? null });
      out.push(tag(ctx, "ReverseFulfillmentOrderLineItem", f.line));
    }
    return { reverseFulfillmentOrderLineItems: out, userErrors: [] };
  },
  reverseDeliveryShippingUpdate: (_s, a, ctx) => {
    if (gidType(a.reverseDeliveryId) !== "ReverseDelivery") throw new TopLevelError(`Invalid id: ${a.reverseDeliveryId}`, "RESOURCE_NOT_FOUND");
    const d = findReverseDelivery(ctx.store, a.reverseDeliveryId);
    if (!d) return { reverseDelivery: null, userErrors: [ue(["reverseDeliveryId"], "Reverse delivery was not found.", "NOT_FOUND")] };
    if (a.trackingInput) {
      d.trackingNumber = a.trackingInput.number ?? d.trackingNumber;
      d.trackingUrl = a.trackingInput.url ?? d.trackingUrl;
    }
    if (a.labelInput) d.labelUrl = a.labelInput.fileUrl;
    return { reverseDelivery: tag(ctx, "ReverseDelivery", d), userErrors: [] };
  },
  webhookSubscriptionCreate: (_s, a, ctx) => {
    const subs = subsOf(ctx);
    const uri = a.webhookSubscription.uri as string | undefined;
    if (!uri) return { webhookSubscription: null, userErrors: [{ field: ["webhookSubscription", "callbackUrl"], message: "Address can't be blank" }] };
    const topic = (a.topic as string).toLowerCase().replace("_", "/");
    if (subs.some((w) => w.topic === topic && w.uri === uri))
      return { webhookSubscription: null, userErrors: [{ field: ["webhookSubscription", "callbackUrl"], message: "Address for this topic has already been taken" }] };
    subs.push({ topic, uri });
    return { webhookSubscription: webhookView(subs[subs.length - 1]!, subs.length - 1), userErrors: [] };
  },
  webhookSubscriptionDelete: (_s, a, ctx) => {
    const subs = subsOf(ctx);
    const i = Number(String(a.id).split("/").pop()) - 1;
    if (!subs[i]) return { deletedWebhookSubscriptionId: null, userErrors: [{ field: ["id"], message: "Webhook subscription does not exist" }] };
    subs.splice(i, 1);
    return { deletedWebhookSubscriptionId: a.id, userErrors: [] };
  },
  refundCreate: (_s, { input }, ctx) => {
    const key = ctx.idempotencyKey;
    if (key == null) throw new TopLevelError("The @idempotent directive with a key is required for refundCreate.", "BAD_REQUEST");
    if (key.trim() === "") throw new TopLevelError("The idempotency key cannot be an empty string or whitespace only.", "BAD_REQUEST");
    const seen = ctx.store.idempotency.get(key);
    if (seen) {
      const refund = seen.refundId ? ctx.store.refunds.get(seen.refundId) : null;
      return { refund: tag(ctx, "Refund", refund), order: tag(ctx, "Order", ctx.store.orders.get(refund?.orderId ?? input.orderId)), userErrors: (seen.payload as { userErrors: unknown[] }).userErrors };
    }
    const r = createRefund(ctx.store, ctx.clock, input as RefundInput);
    ctx.store.idempotency.set(key, { refundId: r.refund?.id ?? null, payload: { userErrors: r.userErrors } });
    if (r.refund) ctx.emit("refunds/create", refundPayload(ctx.store, r.refund));
    return { refund: tag(ctx, "Refund", r.refund), order: tag(ctx, "Order", r.order), userErrors: r.userErrors };
  },
  storeCreditAccountCredit: (_s, { id, creditInput }, ctx) => {
    resultOnlyCurrency(creditInput.creditAmount.currencyCode);
    const r = creditAccount(ctx.store, ctx.clock, id, creditInput.creditAmount, creditInput.expiresAt ?? null);
    return { storeCreditAccountTransaction: r.acc ? tag(ctx, "StoreCreditAccountCreditTransaction", { ...r.acc.transactions.find((t) => t.id === r.txnId)!, __account: r.acc }) : null, userErrors: r.userErrors };
  },
  storeCreditAccountDebit: (_s, { id, debitInput }, ctx) => {
    resultOnlyCurrency(debitInput.debitAmount.currencyCode);
    const r = debitAccount(ctx.store, ctx.clock, id, debitInput.debitAmount);
    return { storeCreditAccountTransaction: r.acc ? tag(ctx, "StoreCreditAccountDebitTransaction", { ...r.acc.transactions.find((t) => t.id === r.txnId)!, __account: r.acc }) : null, userErrors: r.userErrors };
  },
  metafieldsSet: (_s, { metafields }, ctx) => {
    const inputs = metafields as { ownerId: string; namespace?: string; key: string; value: string; type?: string; compareDigest?: string }[];
    const errors = [];
    for (const [i, m] of inputs.entries()) {
      const t = gidType(m.ownerId);
      const ownerOk = (t === "Shop" && m.ownerId === ctx.store.shop.id) || (t === "Product" && ctx.store.products.has(m.ownerId)) || (t === "Customer" && ctx.store.customers.has(m.ownerId)) || (t === "Order" && ctx.store.orders.has(m.ownerId)) || t === "AppInstallation";
      if (!ownerOk) errors.push({ field: ["metafields", String(i), "ownerId"], message: "Owner does not exist.", code: "INVALID_VALUE", elementIndex: null });
      if (!m.type && !findMetafield(ctx, m)) errors.push({ field: ["metafields", String(i), "type"], message: "Type can't be blank", code: "BLANK", elementIndex: null });
      for (const e of metafieldInputErrors(i, m, findMetafield(ctx, m)?.type ?? null)) errors.push({ ...e, elementIndex: null });
      if (m.type?.startsWith("json")) {
        try {
          JSON.parse(m.value);
        } catch {
          errors.push({ field: ["metafields", String(i), "value"], message: "Value is invalid JSON.", code: "INVALID_VALUE", elementIndex: null });
        }
      }
    }
    if (errors.length) return { metafields: null, userErrors: errors };
    const now = iso(ctx.clock());
    const out = inputs.map((m) => {
      const existing = findMetafield(ctx, m);
      if (existing) {
        existing.value = m.value;
        existing.type = m.type ?? existing.type;
        existing.updatedAt = now;
        return tag(ctx, "Metafield", existing);
      }
      const rec = { id: newId(ctx.store, "Metafield"), ownerId: m.ownerId, namespace: resolveNamespace(ctx, m.namespace ?? "$app"), key: m.key, type: m.type!, value: m.value, createdAt: now, updatedAt: now };
      ctx.store.metafields.set(rec.id, rec);
      return tag(ctx, "Metafield", rec);
    });
    for (const m of inputs) if (gidType(m.ownerId) === "Product") ctx.emit("products/update", { id: Number(m.ownerId.split("/").pop()), admin_graphql_api_id: m.ownerId, updated_at: now });
    return { metafields: out, userErrors: [] };
  },
  stagedUploadsCreate: (_s, { input }, ctx) => {
    const inputs = input as { filename: string; mimeType: string; resource: string; fileSize?: string }[];
    const errors = inputs.flatMap((f, i) => stagedUploadErrors(i, f));
    if (errors.length) return { stagedTargets: null, userErrors: errors };
    const targets = inputs.map((f) => {
      const key = `tmp/${ctx.store.shop.appId}/${newId(ctx.store, "StagedUpload").split("/").pop()}/${f.filename}`;
      ctx.store.uploads.set(key, { key, filename: f.filename, mimeType: f.mimeType, bytes: 0, uploadedAt: null });
      return { url: `${ctx.origin}/_standin/uploads`, resourceUrl: `${ctx.origin}/_standin/uploads/${key}`, parameters: [{ name: "key", value: key }, { name: "Content-Type", value: f.mimeType }] };
    });
    return { stagedTargets: targets, userErrors: [] };
  },
  fileCreate: (_s, { files }, ctx) => {
    const inputs = files as { originalSource: string; alt?: string; filename?: string; contentType?: string }[];
    const errors = [];
    for (const [i, f] of inputs.entries()) {
      const altError = fileAltError(i, f.alt);
      if (altError) errors.push(altError);
      const prefix = `${ctx.origin}/_standin/uploads/`;
      if (f.originalSource.startsWith(prefix)) {
        const up = ctx.store.uploads.get(f.originalSource.slice(prefix.length));
        if (!up?.uploadedAt) errors.push({ field: ["files", String(i), "originalSource"], message: "File has not been uploaded to the staged target.", code: "INVALID" });
      }
    }
    if (errors.length) return { files: null, userErrors: errors };
    const now = iso(ctx.clock());
    const out = inputs.map((f) => {
      const isImage = f.contentType === "IMAGE" || /\.(png|jpe?g|gif|webp)$/i.test(f.filename ?? f.originalSource);
      const rec = { id: newId(ctx.store, isImage ? "MediaImage" : "GenericFile"), url: f.originalSource, alt: f.alt ?? null, filename: f.filename ?? null, contentType: isImage ? "IMAGE" : "FILE", createdAt: now };
      ctx.store.files.set(rec.id, rec);
      return tag(ctx, isImage ? "MediaImage" : "GenericFile", rec);
    });
    return { files: out, userErrors: [] };
  },
};

/** CurrencyCode values Shopify only ever returns (store-credit capture: USDC, XXX) */
function resultOnlyCurrency(code: string) {
  if (code === "USDC" || code === "XXX") throw new TopLevelError(`CurrencyCode "${code}" is invalid. It can only be used as a result and not as an input value.`, "CURRENCY_CODE_INVALID");
}

function findMetafield(ctx: Ctx, m: { ownerId: string; namespace?: string; key: string }) {
  const ns = resolveNamespace(ctx, m.namespace ?? "$app");
  return [...ctx.store.metafields.values()].find((x) => x.ownerId === m.ownerId && x.namespace === ns && x.key === m.key);
}

