// A refund to store credit comes out of what the order can still refund, like a refund to a payment
// (SuggestedStoreCreditRefund.maximumRefundable): so a store credit bonus over the refund cannot ride
// on the return's refund and is credited on its own with storeCreditAccountCredit (decision 220), which
// the account records as an ADJUSTMENT, while the refund's credit is an ORDER_REFUND.
import { describe, expect, it } from "vitest";
import { clientForSuite } from "./suiteClient";
import { addOrder } from "./seed/orders";

const NOW = new Date("2026-11-20T00:00:00Z");
const c = clientForSuite({ clock: () => NOW, seed: "demo" });
const ALEX = "gid://shopify/Customer/1";

const REQUEST = `mutation Req($input: ReturnRequestInput!) { returnRequest(input: $input) { return { id returnLineItems(first: 5) { nodes { id } } } userErrors { field message } } }`;
const APPROVE = `mutation Approve($input: ReturnApproveRequestInput!) { returnApproveRequest(input: $input) { return { id status } userErrors { field message } } }`;
const PROCESS = `mutation Process($input: ReturnProcessInput!) { returnProcess(input: $input) { return { id refunds(first: 5) { nodes { id } } } userErrors { field message } } }`;
const CREDIT = `mutation Credit($id: ID!, $creditInput: StoreCreditAccountCreditInput!) { storeCreditAccountCredit(id: $id, creditInput: $creditInput) { storeCreditAccountTransaction { id amount { amount currencyCode } } userErrors { field message code } } }`;
const CREDITS = `query Credits($id: ID!) { customer(id: $id) { storeCreditAccounts(first: 1, query: "currency_code:NZD") { nodes { transactions(first: 10, reverse: true, query: "type:credit") { nodes { ... on StoreCreditAccountCreditTransaction { event amount { amount } } } } } } } }`;

describe("refunds to store credit at the stand-in", () => {
  it("are capped by what the order can refund, earlier store credit included; a bonus is an ADJUSTMENT credit beside them", async () => {
    const o = addOrder(c.standin.store, { customerId: ALEX, processedAt: "2026-11-10T00:00:00Z", deliveredAt: "2026-11-12T00:00:00Z", presentment: "NZD", lines: [{ title: "Mats", unitPresentment: 5000, quantity: 2 }] });
    const fli = o.fulfillments[0]!.lines[0]!;
    const reason = c.standin.store.returnReasonDefinitions.find((d) => d.handle === "changed-my-mind")!.id;
    const ret = (await c.gql(REQUEST, { input: { orderId: o.id, returnLineItems: [{ fulfillmentLineItemId: fli.id, quantity: 2, returnReasonDefinitionId: reason }] } })).body.data.returnRequest.return;
    await c.gql(APPROVE, { input: { id: ret.id } });
    const lineId = ret.returnLineItems.nodes[0].id;
    const credit = (amount: string) =>
      c.gql(PROCESS, { input: { returnId: ret.id, returnLineItems: [{ id: lineId, quantity: 1 }], financialTransfer: { issueRefund: { orderTransactions: [], refundMethods: [{ storeCreditRefund: { amount: { amount, currencyCode: "NZD" } } }] } } } });
    // the order took NZ$100.00: a refund of it plus a 10% bonus is more than it can refund
    const over = await credit("110.00");
    expect(over.body.data.returnProcess.userErrors[0].message).toMatch(/greater than net payment received/);
    expect(c.standin.store.returns.get(ret.id)!.lines[0]!.processedQuantity).toBe(0);
    expect((await credit("60.00")).body.data.returnProcess.userErrors).toEqual([]);
    // NZ$40.00 is left to refund: the earlier store credit counts
    expect((await credit("45.00")).body.data.returnProcess.userErrors[0].message).toMatch(/greater than net payment received/);
    expect((await credit("40.00")).body.data.returnProcess.userErrors).toEqual([]);
    const bonus = await c.gql(CREDIT, { id: ALEX, creditInput: { creditAmount: { amount: "10.00", currencyCode: "NZD" } } });
    expect(bonus.body.data.storeCreditAccountCredit.userErrors).toEqual([]);
    const list = (await c.gql(CREDITS, { id: ALEX })).body.data.customer.storeCreditAccounts.nodes[0].transactions.nodes;
    expect(list.slice(0, 3)).toEqual([
      { event: "ADJUSTMENT", amount: { amount: "10.0" } },
      { event: "ORDER_REFUND", amount: { amount: "40.0" } },
      { event: "ORDER_REFUND", amount: { amount: "60.0" } },
    ]);
  });
});
