/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL answers in tests are read loosely; assertions check their shape */
import { describe, expect, it } from "vitest";
import { clientForSuite } from "./suiteClient";

const NOW = new Date("2026-11-20T00:00:00Z");
const c = clientForSuite({ clock: () => NOW });

const RETURNABLE = `query Returnable($orderId: ID!) {
  returnableFulfillments(orderId: $orderId, first: 5) {
    nodes { returnableFulfillmentLineItems(first: 10) { nodes { quantity fulfillmentLineItem { id lineItem { id variant { id } } } } } }
  }
}`;
const CREATE = `mutation Create($input: ReturnInput!) {
  returnCreate(returnInput: $input) {
    return { id status returnLineItems(first: 5) { nodes { id } }
      exchangeLineItems(first: 5) { nodes { id quantity processedQuantity unprocessedQuantity variantId lineItems { id variant { id } discountedTotalSet { shopMoney { amount } } } } } }
    userErrors { field message code }
  }
}`;
const PROCESS = `mutation Process($input: ReturnProcessInput!) {
  returnProcess(input: $input) {
    return { id exchangeLineItems(first: 5) { nodes { id processedQuantity unprocessedQuantity lineItems { id } } } }
    userErrors { field message code }
  }
}`;
const FOS = `query Fos($id: ID!) {
  order(id: $id) { fulfillmentOrders(first: 10) { nodes { id status fulfillmentHolds { reason } lineItems(first: 5) { nodes { totalQuantity variant { id title } } } } } }
}`;
const STOCK = `query Stock($id: ID!) { productVariant(id: $id) { id title inventoryQuantity availableForSale selectedOptions { name value } } }`;

async function returnableLine() {
  const orders = await c.gql(`query Mine { orders(first: 50, query: "customer_id:1") { nodes { id returnStatus } } }`);
  for (const o of orders.body.data.orders.nodes as any[]) {
    if (o.returnStatus !== "NO_RETURN") continue;
    const rf = await c.gql(RETURNABLE, { orderId: o.id });
    const line = rf.body.data.returnableFulfillments.nodes.flatMap((n: any) => n.returnableFulfillmentLineItems.nodes).find((l: any) => l.fulfillmentLineItem.lineItem.variant);
    if (line) return { orderId: o.id as string, fli: line.fulfillmentLineItem.id as string, variantId: line.fulfillmentLineItem.lineItem.variant.id as string };
  }
  throw new Error("no returnable line in the seed");
}

async function reason() {
  const r = await c.gql(`query Reasons { returnReasonDefinitions(first: 20) { nodes { id handle } } }`);
  return r.body.data.returnReasonDefinitions.nodes.find((x: any) => x.handle === "damaged-or-defective").id as string;
}

describe("exchange line items (returnCreate, returnProcess)", () => {
  it("sizes carry their stock and options", async () => {
    const v = await c.gql(STOCK, { id: "gid://shopify/ProductVariant/1031" });
    expect(v.body.data.productVariant).toMatchObject({ title: "Large", inventoryQuantity: 12, availableForSale: true, selectedOptions: [{ name: "Size", value: "Large" }] });
    const out = await c.gql(STOCK, { id: "gid://shopify/ProductVariant/1033" });
    expect(out.body.data.productVariant).toMatchObject({ inventoryQuantity: 0, availableForSale: false });
  });

  it("a requested return cannot take exchange items: ReturnRequestInput has no such field", async () => {
    const { orderId, fli } = await returnableLine();
    const r = await c.gql(`mutation R($input: ReturnRequestInput!) { returnRequest(input: $input) { return { id } userErrors { message } } }`, {
      input: { orderId, returnLineItems: [{ fulfillmentLineItemId: fli, quantity: 1, returnReasonDefinitionId: await reason() }], exchangeLineItems: [{ variantId: "gid://shopify/ProductVariant/1031", quantity: 1 }] },
    });
    expect(r.body.errors?.[0]?.message).toMatch(/exchangeLineItems/);
  });

  it("refuses an unknown variant, a zero quantity and a discount over 100%, naming the field", async () => {
    const { orderId, fli } = await returnableLine();
    const line = { fulfillmentLineItemId: fli, quantity: 1, returnReasonDefinitionId: await reason() };
    const bad = await c.gql(CREATE, {
      input: {
        orderId,
        returnLineItems: [line],
        exchangeLineItems: [
          { variantId: "gid://shopify/ProductVariant/999999", quantity: 1 },
          { variantId: "gid://shopify/ProductVariant/1031", quantity: 0 },
          { variantId: "gid://shopify/ProductVariant/1031", quantity: 1, appliedDiscount: { value: { percentage: 120 } } },
        ],
      },
    });
    expect(bad.body.data.returnCreate.return).toBeNull();
    expect(bad.body.data.returnCreate.userErrors.map((e: any) => e.field)).toEqual([
      ["returnInput", "exchangeLineItems", "0", "variantId"],
      ["returnInput", "exchangeLineItems", "1", "quantity"],
      ["returnInput", "exchangeLineItems", "2", "appliedDiscount", "value", "percentage"],
    ]);
  });

  it("a free replacement: processed with the returned item, its fulfillment order is released and stock committed", async () => {
    const { orderId, fli, variantId } = await returnableLine();
    const before = (await c.gql(STOCK, { id: variantId })).body.data.productVariant.inventoryQuantity;
    const created = await c.gql(CREATE, {
      input: {
        orderId,
        returnLineItems: [{ fulfillmentLineItemId: fli, quantity: 1, returnReasonDefinitionId: await reason() }],
        exchangeLineItems: [{ variantId, quantity: 1, appliedDiscount: { description: "Warranty replacement", value: { percentage: 100 } } }],
      },
    });
    expect(created.body.data.returnCreate.userErrors).toEqual([]);
    const ret = created.body.data.returnCreate.return;
    expect(ret.status).toBe("OPEN");
    const ex = ret.exchangeLineItems.nodes[0];
    expect(ex).toMatchObject({ quantity: 1, processedQuantity: 0, unprocessedQuantity: 1, variantId, lineItems: [] });
    expect((await c.gql(FOS, { id: orderId })).body.data.order.fulfillmentOrders.nodes).toEqual([]);

    const p = await c.gql(PROCESS, { input: { returnId: ret.id, returnLineItems: [{ id: ret.returnLineItems.nodes[0].id, quantity: 1 }], exchangeLineItems: [{ id: ex.id, quantity: 1 }] } });
    expect(p.body.data.returnProcess.userErrors).toEqual([]);
    expect(p.body.data.returnProcess.return.exchangeLineItems.nodes[0]).toMatchObject({ processedQuantity: 1, unprocessedQuantity: 0 });
    const fos = (await c.gql(FOS, { id: orderId })).body.data.order.fulfillmentOrders.nodes;
    expect(fos).toHaveLength(1);
    expect(fos[0]).toMatchObject({ status: "OPEN", fulfillmentHolds: [], lineItems: { nodes: [{ totalQuantity: 1, variant: { id: variantId } }] } });
    const after = (await c.gql(STOCK, { id: variantId })).body.data.productVariant.inventoryQuantity;
    if (before !== null) expect(after).toBe(before - 1);

    const again = await c.gql(PROCESS, { input: { returnId: ret.id, exchangeLineItems: [{ id: ex.id, quantity: 1 }] } });
    expect(again.body.data.returnProcess.userErrors[0]).toMatchObject({ field: ["input", "exchangeLineItems", "0", "quantity"] });
    const cancel = await c.gql(`mutation C($id: ID!) { returnCancel(id: $id) { return { id } userErrors { message } } }`, { id: ret.id });
    expect(cancel.body.data.returnCancel.return).toBeNull();
  });

  it("exchange items processed with nothing paying for them are held awaiting payment", async () => {
    const { orderId, fli } = await returnableLine();
    const created = await c.gql(CREATE, {
      input: { orderId, returnLineItems: [{ fulfillmentLineItemId: fli, quantity: 1, returnReasonDefinitionId: await reason() }], exchangeLineItems: [{ variantId: "gid://shopify/ProductVariant/1032", quantity: 1 }] },
    });
    const ret = created.body.data.returnCreate.return;
    const p = await c.gql(PROCESS, { input: { returnId: ret.id, exchangeLineItems: [{ id: ret.exchangeLineItems.nodes[0].id, quantity: 1 }] } });
    expect(p.body.data.returnProcess.userErrors).toEqual([]);
    const fos = (await c.gql(FOS, { id: orderId })).body.data.order.fulfillmentOrders.nodes;
    expect(fos.at(-1)).toMatchObject({ status: "ON_HOLD", fulfillmentHolds: [{ reason: "AWAITING_PAYMENT" }] });
  });
});
