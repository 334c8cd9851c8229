/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL answers in tests are read loosely; assertions check their shape */
// A NZD shop's orders paid in AUD, USD and JPY: refunds, store credit and return fees are made in the
// currency the shopper paid, and the stand-in refuses what Shopify refuses (another currency, more than
// a payment still holds).
import { describe, expect, it } from "vitest";
import { clientForSuite } from "./suiteClient";
import { addOrder, type MadeOrderSpec } from "./seed/orders";

const NOW = new Date("2026-11-20T00:00:00Z");
const c = clientForSuite({ clock: () => NOW, seed: "demo" });
const ALEX = "gid://shopify/Customer/1";

const at = { processedAt: "2026-11-10T00:00:00Z", deliveredAt: "2026-11-12T00:00:00Z" };
const make = (spec: Partial<MadeOrderSpec> & Pick<MadeOrderSpec, "presentment" | "lines">) => addOrder(c.standin.store, { customerId: ALEX, ...at, ...spec });

const REQUEST = `mutation Req($input: ReturnRequestInput!) {
  returnRequest(input: $input) {
    return { id returnShippingFees { amountSet { shopMoney { amount currencyCode } presentmentMoney { amount currencyCode } } }
      returnLineItems(first: 5) { nodes { id ... on ReturnLineItem { restockingFee { percentage amountSet { shopMoney { amount currencyCode } presentmentMoney { amount currencyCode } } } } } } }
    userErrors { field message code }
  }
}`;
const APPROVE = `mutation Approve($input: ReturnApproveRequestInput!) { returnApproveRequest(input: $input) { return { id status } userErrors { field message } } }`;
const PROCESS = `mutation Process($input: ReturnProcessInput!) {
  returnProcess(input: $input) { return { id refunds(first: 5) { nodes { totalRefundedSet { shopMoney { amount currencyCode } presentmentMoney { amount currencyCode } } } } } userErrors { field message code } }
}`;
const REFUND = `mutation Refund($input: RefundInput!, $key: String!) {
  refundCreate(input: $input) @idempotent(key: $key) { refund { id totalRefundedSet { shopMoney { amount currencyCode } presentmentMoney { amount currencyCode } } } userErrors { field message } }
}`;
const NET = `query Net($id: ID!) { order(id: $id) { currencyCode presentmentCurrencyCode netPaymentSet { shopMoney { amount } presentmentMoney { amount } } totalRefundedSet { shopMoney { amount } presentmentMoney { amount } } } }`;

let keys = 0;
const refundCreate = (input: any) => c.gql(REFUND, { input, key: `presentment-${++keys}` });

async function openReturn(orderId: string, extra: any = {}) {
  const o = c.standin.store.orders.get(orderId)!;
  const fli = o.fulfillments[0]!.lines[0]!;
  const reason = c.standin.store.returnReasonDefinitions.find((d) => d.handle === "changed-my-mind")!.id;
  return c.gql(REQUEST, { input: { orderId, returnLineItems: [{ fulfillmentLineItemId: fli.id, quantity: 1, returnReasonDefinitionId: reason, ...(extra.line ?? {}) }], ...(extra.input ?? {}) } });
}

describe("presentment money at the stand-in", () => {
  it("a JPY order on a NZD shop: amounts are whole yen, shop money at the order's rate", async () => {
    const o = make({ presentment: "JPY", rate: { shop: 10000, presentment: 9000 }, lines: [{ title: "Seat cover", unitPresentment: 9000, quantity: 1 }] });
    const r = await c.gql(NET, { id: o.id });
    expect(r.body.data.order).toMatchObject({ currencyCode: "NZD", presentmentCurrencyCode: "JPY", netPaymentSet: { shopMoney: { amount: "100.0" }, presentmentMoney: { amount: "9000.0" } } });
  });

  it("refundCreate: refused in the shop's currency or without a currency on a foreign order, made in the presentment currency", async () => {
    const o = make({ presentment: "AUD", rate: { shop: 10000, presentment: 9200 }, lines: [{ title: "Mats", unitPresentment: 9200, quantity: 1 }] });
    const parentId = o.transactions[0]!.id;
    const tx = (amount: string) => [{ amount, gateway: "shopify_payments", kind: "REFUND", orderId: o.id, parentId }];
    const wrong = await refundCreate({ orderId: o.id, currency: "NZD", transactions: tx("10.00") });
    expect(wrong.body.data.refundCreate.refund).toBeNull();
    expect(wrong.body.data.refundCreate.userErrors[0].field).toEqual(["currency"]);
    const missing = await refundCreate({ orderId: o.id, transactions: tx("10.00") });
    expect(missing.body.data.refundCreate.userErrors[0].field).toEqual(["currency"]);
    const ok = await refundCreate({ orderId: o.id, currency: "AUD", transactions: tx("46.00") });
    expect(ok.body.data.refundCreate.userErrors).toEqual([]);
    expect(ok.body.data.refundCreate.refund.totalRefundedSet).toEqual({ shopMoney: { amount: "50.0", currencyCode: "NZD" }, presentmentMoney: { amount: "46.0", currencyCode: "AUD" } });
    const net = await c.gql(NET, { id: o.id });
    expect(net.body.data.order.netPaymentSet.presentmentMoney.amount).toBe("46.0");
  });

  it("refuses more than one payment still holds after an earlier (admin) refund, with Shopify's over-refund answer", async () => {
    const o = make({ presentment: "USD", rate: { shop: 10000, presentment: 6000 }, lines: [{ title: "Bottle", unitPresentment: 3000, quantity: 2 }], payments: [{ gateway: "shopify_payments", presentment: 4000 }, { gateway: "gift_card", presentment: 2000 }] });
    const [card, gift] = o.transactions;
    const on = (parentId: string, amount: string) => ({ amount, gateway: "x", kind: "REFUND", orderId: o.id, parentId });
    // made in the Shopify admin: 30.00 back to the card
    expect((await refundCreate({ orderId: o.id, currency: "USD", transactions: [on(card!.id, "30.00")] })).body.data.refundCreate.userErrors).toEqual([]);
    const over = await refundCreate({ orderId: o.id, currency: "USD", transactions: [on(card!.id, "15.00")] });
    expect(over.body.data.refundCreate.userErrors).toEqual([{ field: null, message: "Refund amount $15.00 is greater than net payment received $10.00" }]);
    const total = await refundCreate({ orderId: o.id, currency: "USD", transactions: [on(card!.id, "10.00"), on(gift!.id, "20.01")] });
    expect(total.body.data.refundCreate.userErrors[0].message).toBe("Refund amount $30.01 is greater than net payment received $30.00");
    const split = await refundCreate({ orderId: o.id, currency: "USD", transactions: [on(card!.id, "10.00"), on(gift!.id, "20.00")] });
    expect(split.body.data.refundCreate.userErrors).toEqual([]);
    const gifted = c.standin.store.orders.get(o.id)!.transactions.filter((t) => t.kind === "REFUND" && t.parentId === gift!.id);
    expect(gifted.map((t) => t.gateway)).toEqual(["gift_card"]);
  });

  it("returnRequest records fees in the presentment currency and refuses a shipping fee in another", async () => {
    const o = make({ presentment: "JPY", rate: { shop: 10000, presentment: 9000 }, lines: [{ title: "Seat cover", unitPresentment: 4500, quantity: 1 }] });
    const wrong = await openReturn(o.id, { input: { returnShippingFee: { amount: { amount: "8.50", currencyCode: "NZD" } } } });
    expect(wrong.body.data.returnRequest.return).toBeNull();
    expect(wrong.body.data.returnRequest.userErrors[0].field).toEqual(["input", "returnShippingFee", "amount", "currencyCode"]);
    const r = await openReturn(o.id, { input: { returnShippingFee: { amount: { amount: "765", currencyCode: "JPY" } } }, line: { restockingFee: { percentage: 12.5 } } });
    const ret = r.body.data.returnRequest.return;
    expect(ret.returnShippingFees).toEqual([{ amountSet: { shopMoney: { amount: "8.5", currencyCode: "NZD" }, presentmentMoney: { amount: "765.0", currencyCode: "JPY" } } }]);
    expect(ret.returnLineItems.nodes[0].restockingFee).toEqual({ percentage: 12.5, amountSet: { shopMoney: { amount: "6.25", currencyCode: "NZD" }, presentmentMoney: { amount: "563.0", currencyCode: "JPY" } } });
  });

  it("returnProcess: a refund or store credit in the shop's currency is refused and changes nothing; in yen it is made", async () => {
    const o = make({ presentment: "JPY", rate: { shop: 10000, presentment: 9000 }, lines: [{ title: "Seat cover", unitPresentment: 4500, quantity: 2 }] });
    const ret = (await openReturn(o.id)).body.data.returnRequest.return;
    await c.gql(APPROVE, { input: { id: ret.id } });
    const lineId = ret.returnLineItems.nodes[0].id;
    const parentId = o.transactions[0]!.id;
    const process = (amount: any, credit = false) =>
      c.gql(PROCESS, {
        input: {
          returnId: ret.id,
          returnLineItems: [{ id: lineId, quantity: 1 }],
          financialTransfer: { issueRefund: credit ? { orderTransactions: [], refundMethods: [{ storeCreditRefund: { amount } }] } : { orderTransactions: [{ parentId, transactionAmount: amount }] } },
        },
      });
    const nzd = await process({ amount: "50.00", currencyCode: "NZD" });
    expect(nzd.body.data.returnProcess.userErrors[0].field).toEqual(["input", "financialTransfer", "issueRefund", "orderTransactions", "0", "transactionAmount", "currencyCode"]);
    const credit = await process({ amount: "50.00", currencyCode: "NZD" }, true);
    expect(credit.body.data.returnProcess.userErrors[0].message).toMatch(/presentment currency JPY/);
    expect(c.standin.store.returns.get(ret.id)!.lines[0]!.processedQuantity).toBe(0);
    const yen = await process({ amount: "4500", currencyCode: "JPY" });
    expect(yen.body.data.returnProcess.userErrors).toEqual([]);
    expect(yen.body.data.returnProcess.return.refunds.nodes[0].totalRefundedSet).toEqual({ shopMoney: { amount: "50.0", currencyCode: "NZD" }, presentmentMoney: { amount: "4500.0", currencyCode: "JPY" } });
  });
});
