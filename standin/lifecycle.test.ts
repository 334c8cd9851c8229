/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL answers in tests are read loosely; assertions check their shape */
import { describe, expect, it } from "vitest";
import { clientForSuite } from "./suiteClient";
import { startWithClient } from "./testClient";

const NOW = new Date("2026-11-20T00:00:00Z");

const c = clientForSuite({ clock: () => NOW });

const RETURNABLE = `query Returnable($orderId: ID!) {
  returnableFulfillments(orderId: $orderId, first: 5) {
    nodes { id fulfillment { id } returnableFulfillmentLineItems(first: 10) { nodes { quantity fulfillmentLineItem { id lineItem { id title } } } } }
  }
}`;
const REQUEST = `mutation Req($input: ReturnRequestInput!) {
  returnRequest(input: $input) { return { id name status totalQuantity order { id returnStatus } returnLineItems(first: 5) { nodes { id quantity ... on ReturnLineItem { returnReasonDefinition { handle } } } } } userErrors { field message code } }
}`;
const APPROVE = `mutation Approve($input: ReturnApproveRequestInput!) {
  returnApproveRequest(input: $input) { return { id status reverseFulfillmentOrders(first: 2) { nodes { id status lineItems(first: 5) { nodes { id totalQuantity } } } } order { returnStatus } } userErrors { field message code } }
}`;
const PROCESS = `mutation Process($input: ReturnProcessInput!) {
  returnProcess(input: $input) { return { id status refunds(first: 5) { nodes { id totalRefundedSet { shopMoney { amount currencyCode } } } } returnLineItems(first: 5) { nodes { id processedQuantity unprocessedQuantity } } } userErrors { field message code } }
}`;
const CLOSE = `mutation Close($id: ID!) { returnClose(id: $id) { return { id status closedAt order { returnStatus } } userErrors { field message code } } }`;
const REFUND = `mutation Refund($input: RefundInput!, $key: String!) {
  refundCreate(input: $input) @idempotent(key: $key) { refund { id totalRefundedSet { shopMoney { amount } } } order { id totalRefundedSet { shopMoney { amount } } } userErrors { field message } }
}`;

async function alexOrder(name: string) {
  const r = await c.gql(`query Find($q: String!) { orders(first: 1, query: $q) { nodes { id name customer { id } transactions { id kind } } } }`, { q: `name:${name}` });
  return r.body.data.orders.nodes[0];
}

describe("returns lifecycle over GraphQL", () => {
  it("request -> approve -> process with refund -> close, with Order.returnStatus following", async () => {
    const orders = await c.gql(`query Mine { orders(first: 20, query: "customer_id:1") { nodes { id name returnStatus } } }`);
    expect(orders.body.data.orders.nodes.length).toBeGreaterThanOrEqual(6);
    const order = orders.body.data.orders.nodes.find((o: any) => o.returnStatus === "NO_RETURN");
    const rf = await c.gql(RETURNABLE, { orderId: order.id });
    const line = rf.body.data.returnableFulfillments.nodes[0].returnableFulfillmentLineItems.nodes[0];
    expect(line.quantity).toBeGreaterThan(0);
    const reasons = await c.gql(`query Reasons { returnReasonDefinitions(first: 20) { nodes { id handle name } } }`);
    const reason = reasons.body.data.returnReasonDefinitions.nodes.find((r: any) => r.handle === "changed-my-mind");

    const tooMany = await c.gql(REQUEST, { input: { orderId: order.id, returnLineItems: [{ fulfillmentLineItemId: line.fulfillmentLineItem.id, quantity: line.quantity + 1, returnReasonDefinitionId: reason.id }] } });
    expect(tooMany.body.data.returnRequest.return).toBeNull();
    expect(tooMany.body.data.returnRequest.userErrors[0].field).toEqual(["input", "returnLineItems", "0", "quantity"]);

    const req = await c.gql(REQUEST, { input: { orderId: order.id, returnLineItems: [{ fulfillmentLineItemId: line.fulfillmentLineItem.id, quantity: 1, returnReasonDefinitionId: reason.id }] } });
    expect(req.body.data.returnRequest.userErrors).toEqual([]);
    const ret = req.body.data.returnRequest.return;
    expect(ret.status).toBe("REQUESTED");
    expect(ret.name).toBe(`${order.name}-R1`);
    expect(ret.order.returnStatus).toBe("RETURN_REQUESTED");
    expect(ret.returnLineItems.nodes[0].returnReasonDefinition.handle).toBe("changed-my-mind");

    const ap = await c.gql(APPROVE, { input: { id: ret.id } });
    expect(ap.body.data.returnApproveRequest.return.status).toBe("OPEN");
    expect(ap.body.data.returnApproveRequest.return.order.returnStatus).toBe("IN_PROGRESS");
    expect(ap.body.data.returnApproveRequest.return.reverseFulfillmentOrders.nodes).toHaveLength(1);
    const again = await c.gql(APPROVE, { input: { id: ret.id } });
    expect(again.body.data.returnApproveRequest.userErrors[0].code).toBe("INVALID_STATE");

    const outcome = await c.gql(
      `query Outcome($id: ID!, $items: [SuggestedOutcomeReturnLineItemInput!]!) { return(id: $id) { suggestedFinancialOutcome(returnLineItems: $items, exchangeLineItems: []) {
        discountedSubtotal { shopMoney { amount } } financialTransfer { __typename ... on RefundReturnOutcome { amount { shopMoney { amount currencyCode } } suggestedTransactions { kind gateway parentTransaction { kind } } } } } } }`,
      { id: ret.id, items: [{ id: ret.returnLineItems.nodes[0].id, quantity: 1 }] },
    );
    const so = outcome.body.data.return.suggestedFinancialOutcome;
    expect(so.financialTransfer.__typename).toBe("RefundReturnOutcome");
    expect(so.financialTransfer.amount.shopMoney.amount).toBe(so.discountedSubtotal.shopMoney.amount);
    expect(so.financialTransfer.suggestedTransactions[0]).toMatchObject({ kind: "SUGGESTED_REFUND", parentTransaction: { kind: "SALE" } });

    const full = await alexOrder(order.name);
    const sale = full.transactions.find((t: any) => t.kind === "SALE");
    const pr = await c.gql(PROCESS, {
      input: {
        returnId: ret.id,
        returnLineItems: [{ id: ret.returnLineItems.nodes[0].id, quantity: 1 }],
        financialTransfer: { issueRefund: { orderTransactions: [{ parentId: sale.id, transactionAmount: { amount: "5.00", currencyCode: "NZD" } }] } },
      },
    });
    expect(pr.body.data.returnProcess.userErrors).toEqual([]);
    expect(pr.body.data.returnProcess.return.status).toBe("OPEN");
    expect(pr.body.data.returnProcess.return.returnLineItems.nodes[0]).toMatchObject({ processedQuantity: 1, unprocessedQuantity: 0 });
    expect(pr.body.data.returnProcess.return.refunds.nodes[0].totalRefundedSet.shopMoney).toEqual({ amount: "5.0", currencyCode: "NZD" });

    const cancel = await c.gql(`mutation Cancel($id: ID!) { returnCancel(id: $id) { return { id } userErrors { field message code } } }`, { id: ret.id });
    expect(cancel.body.data.returnCancel.userErrors).toEqual([{ field: ["id"], message: "Return is not cancelable.", code: "INVALID_STATE" }]);

    const cl = await c.gql(CLOSE, { id: ret.id });
    expect(cl.body.data.returnClose.return.status).toBe("CLOSED");
    expect(cl.body.data.returnClose.return.closedAt).toBe("2026-11-20T00:00:00Z");
    expect(cl.body.data.returnClose.return.order.returnStatus).toBe("RETURNED");
  });

  it("refundCreate with the same idempotency key creates one refund", async () => {
    const order = await alexOrder("#1050").then(async (o) => o ?? (await c.gql(`query A { orders(first: 1, query: "customer_id:2") { nodes { id name transactions { id kind } } } }`)).body.data.orders.nodes[0]);
    const sale = order.transactions.find((t: any) => t.kind === "SALE");
    const input = { orderId: order.id, transactions: [{ orderId: order.id, parentId: sale.id, kind: "REFUND", gateway: "shopify_payments", amount: "2.50" }] };
    const a = await c.gql(REFUND, { input, key: "refund-abc-1" });
    const b = await c.gql(REFUND, { input, key: "refund-abc-1" });
    expect(a.body.data.refundCreate.userErrors).toEqual([]);
    expect(b.body.data.refundCreate.refund.id).toBe(a.body.data.refundCreate.refund.id);
    expect(b.body.data.refundCreate.order.totalRefundedSet.shopMoney.amount).toBe("2.5");
    const other = await c.gql(REFUND, { input, key: "refund-abc-2" });
    expect(other.body.data.refundCreate.refund.id).not.toBe(a.body.data.refundCreate.refund.id);
    expect(other.body.data.refundCreate.order.totalRefundedSet.shopMoney.amount).toBe("5.0");
  });

  it("refundCreate without @idempotent is refused, and over-refunds get Shopify's message", async () => {
    const order = (await c.gql(`query A { orders(first: 1, query: "customer_id:3") { nodes { id transactions { id kind } } } }`)).body.data.orders.nodes[0];
    const noKey = await c.gql(`mutation R($input: RefundInput!) { refundCreate(input: $input) { refund { id } userErrors { field message } } }`, { input: { orderId: order.id } });
    expect(noKey.body.errors[0].extensions.code).toBe("BAD_REQUEST");
    const sale = order.transactions[0];
    const over = await c.gql(REFUND, { input: { orderId: order.id, transactions: [{ orderId: order.id, parentId: sale.id, kind: "REFUND", gateway: "manual", amount: "99999.00" }] }, key: "over-1" });
    expect(over.body.data.refundCreate.userErrors[0].message).toMatch(/^Refund amount \$99999\.00 is greater than net payment received \$\d+\.\d\d$/);
  });
});

describe("order access window", () => {
  it("without read_all_orders only the last 60 days of orders are visible", async () => {
    const narrow = await startWithClient({ clock: () => NOW, scopes: "read_orders,write_returns" });
    try {
      const all = [...narrow.standin.store.orders.values()];
      const old = all.find((o) => Date.parse(o.processedAt) < NOW.getTime() - 60 * 86_400_000)!;
      const recent = all.find((o) => Date.parse(o.processedAt) > NOW.getTime() - 10 * 86_400_000)!;
      const r = await narrow.gql(`query V($old: ID!, $recent: ID!) { old: order(id: $old) { id } recent: order(id: $recent) { id } orders(first: 100) { nodes { id } } }`, { old: old.id, recent: recent.id });
      expect(r.body.data.old).toBeNull();
      expect(r.body.data.recent.id).toBe(recent.id);
      expect(r.body.data.orders.nodes.map((n: any) => n.id)).not.toContain(old.id);
      const wide = await c.gql(`query V($old: ID!) { order(id: $old) { id } }`, { old: old.id });
      expect(wide.body.data.order.id).toBe(old.id);
    } finally {
      await narrow.standin.close();
    }
  });
});
