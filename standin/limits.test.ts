/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL answers in tests are read loosely; assertions check their shape */
// The documented input limits of the inputs the app sends are refused as Shopify's userErrors, at the
// limit's edge (the longest accepted value passes, one more character is refused), counted in
// characters as Shopify counts them (an emoji is one).
import { describe, expect, it } from "vitest";
import { clientForSuite } from "./suiteClient";

const NOW = new Date("2026-11-20T00:00:00Z");

const c = clientForSuite({ clock: () => NOW });

const REQUEST = `mutation Req($input: ReturnRequestInput!) {
  returnRequest(input: $input) { return { id returnLineItems(first: 5) { nodes { customerNote } } } userErrors { field message code } }
}`;
const DECLINE = `mutation Decline($input: ReturnDeclineRequestInput!) {
  returnDeclineRequest(input: $input) { return { id status decline { note } } userErrors { field message code } }
}`;
const SET = `mutation Set($m: [MetafieldsSetInput!]!) { metafieldsSet(metafields: $m) { metafields { id } userErrors { field message code elementIndex } } }`;
const FILES = `mutation F($files: [FileCreateInput!]!) { fileCreate(files: $files) { files { id } userErrors { field message code } } }`;
const STAGE = `mutation Stage($input: [StagedUploadInput!]!) { stagedUploadsCreate(input: $input) { stagedTargets { url } userErrors { field message } } }`;

/** A fulfillment line of one of customer 1's orders with no return yet, and a reason id. */
async function returnable() {
  const orders = await c.gql(`query Mine { orders(first: 20, query: "customer_id:1") { nodes { id returnStatus } } }`);
  for (const o of orders.body.data.orders.nodes) {
    if (o.returnStatus !== "NO_RETURN") continue;
    const rf = await c.gql(
      `query R($id: ID!) { returnableFulfillments(orderId: $id, first: 5) { nodes { returnableFulfillmentLineItems(first: 10) { nodes { quantity fulfillmentLineItem { id } } } } } }`,
      { id: o.id },
    );
    const line = rf.body.data.returnableFulfillments.nodes.flatMap((n: any) => n.returnableFulfillmentLineItems.nodes).find((l: any) => l.quantity >= 2);
    if (line) {
      const reasons = await c.gql(`query Reasons { returnReasonDefinitions(first: 20) { nodes { id handle } } }`);
      return { orderId: o.id, fli: line.fulfillmentLineItem.id, reasonId: reasons.body.data.returnReasonDefinitions.nodes[0].id };
    }
  }
  throw new Error("no returnable line with 2 units in the demo seed");
}

describe("input limits Shopify documents", () => {
  it("returnRequest: a customerNote over 300 characters is TOO_LONG and makes no Return; 300 (emoji count once) is kept", async () => {
    const { orderId, fli, reasonId } = await returnable();
    const line = (customerNote: string) => ({ orderId, returnLineItems: [{ fulfillmentLineItemId: fli, quantity: 1, returnReasonDefinitionId: reasonId, customerNote }] });
    const returnsBefore = c.standin.store.returns.size;

    const long = await c.gql(REQUEST, { input: line("x".repeat(301)) });
    expect(long.body.data.returnRequest.return).toBeNull();
    expect(long.body.data.returnRequest.userErrors).toEqual([
      { field: ["input", "returnLineItems", "0", "customerNote"], message: "Return line items customer note is too long (maximum is 300 characters)", code: "TOO_LONG" },
    ]);
    expect(c.standin.store.returns.size).toBe(returnsBefore);

    // 300 characters of which one is an emoji (two UTF-16 units): Shopify counts characters.
    const edge = "📦" + "y".repeat(299);
    const ok = await c.gql(REQUEST, { input: line(edge) });
    expect(ok.body.data.returnRequest.userErrors).toEqual([]);
    expect(ok.body.data.returnRequest.return.returnLineItems.nodes[0].customerNote).toBe(edge);
  });

  it("returnDeclineRequest: a declineNote over 500 characters is TOO_LONG and leaves the return REQUESTED; 500 declines", async () => {
    const { orderId, fli, reasonId } = await returnable();
    const req = await c.gql(REQUEST, { input: { orderId, returnLineItems: [{ fulfillmentLineItemId: fli, quantity: 1, returnReasonDefinitionId: reasonId }] } });
    const id = req.body.data.returnRequest.return.id;

    const long = await c.gql(DECLINE, { input: { id, declineReason: "OTHER", declineNote: "n".repeat(501) } });
    expect(long.body.data.returnDeclineRequest).toEqual({
      return: null,
      userErrors: [{ field: ["input", "declineNote"], message: "Decline note is too long (maximum is 500 characters)", code: "TOO_LONG" }],
    });
    expect(c.standin.store.returns.get(id)!.status).toBe("REQUESTED");

    const ok = await c.gql(DECLINE, { input: { id, declineReason: "OTHER", declineNote: "n".repeat(500) } });
    expect(ok.body.data.returnDeclineRequest.userErrors).toEqual([]);
    expect(ok.body.data.returnDeclineRequest.return.decline.note).toHaveLength(500);
  });

  it("metafieldsSet: json over 128KB, other types over 64KB, key outside 2-64 and namespace outside 3-255 are refused, nothing is written", async () => {
    const shop = (await c.gql(`query S { shop { id } }`)).body.data.shop.id;
    const before = c.standin.store.metafields.size;
    const json128k = JSON.stringify("a".repeat(128 * 1024 - 2)); // exactly 131,072 bytes
    const bad = await c.gql(SET, {
      m: [
        { ownerId: shop, namespace: "$app", key: "big_json", type: "json", value: JSON.stringify("a".repeat(128 * 1024 - 1)) },
        { ownerId: shop, namespace: "$app", key: "big_text", type: "multi_line_text_field", value: "é".repeat(32 * 1024 + 1) },
        { ownerId: shop, namespace: "$app", key: "k", type: "boolean", value: "true" },
        { ownerId: shop, namespace: "ab", key: "ok_key", type: "boolean", value: "true" },
        { ownerId: shop, namespace: "$app", key: "k".repeat(65), type: "boolean", value: "true" },
      ],
    });
    expect(bad.body.data.metafieldsSet.metafields).toBeNull();
    expect(bad.body.data.metafieldsSet.userErrors.map((e: any) => [e.field.join("."), e.code])).toEqual([
      ["metafields.0.value", "TOO_LONG"],
      ["metafields.1.value", "TOO_LONG"],
      ["metafields.2.key", "TOO_SHORT"],
      ["metafields.3.namespace", "TOO_SHORT"],
      ["metafields.4.key", "TOO_LONG"],
    ]);
    expect(c.standin.store.metafields.size).toBe(before);

    const ok = await c.gql(SET, { m: [{ ownerId: shop, namespace: "$app", key: "big_json", type: "json", value: json128k }] });
    expect(ok.body.data.metafieldsSet.userErrors).toEqual([]);
  });

  it("fileCreate: alt over 512 characters is ALT_VALUE_LIMIT_EXCEEDED; stagedUploadsCreate: VIDEO needs a fileSize", async () => {
    const alt = await c.gql(FILES, { files: [{ originalSource: "https://example.com/a.jpg", contentType: "IMAGE", alt: "a".repeat(513) }] });
    expect(alt.body.data.fileCreate).toEqual({
      files: null,
      userErrors: [{ field: ["files", "0", "alt"], message: "The alt value exceeds the maximum limit of 512 characters.", code: "ALT_VALUE_LIMIT_EXCEEDED" }],
    });
    const video = await c.gql(STAGE, { input: [{ resource: "VIDEO", filename: "unboxing.mp4", mimeType: "video/mp4", httpMethod: "POST" }] });
    expect(video.body.data.stagedUploadsCreate.stagedTargets).toBeNull();
    expect(video.body.data.stagedUploadsCreate.userErrors[0].field).toEqual(["input", "0", "fileSize"]);
    const image = await c.gql(STAGE, { input: [{ resource: "IMAGE", filename: "damage.jpg", mimeType: "image/jpeg", httpMethod: "POST" }] });
    expect(image.body.data.stagedUploadsCreate.userErrors).toEqual([]);
  });
});
