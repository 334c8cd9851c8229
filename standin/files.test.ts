import { describe, expect, it } from "vitest";
import { clientForSuite } from "./suiteClient";

const c = clientForSuite({ clock: () => new Date("2026-11-20T00:00:00Z") });

describe("metafields", () => {
  it("metafieldsSet with $app resolves to app--<id> and reads back on shop and product", async () => {
    const shop = (await c.gql(`query S { shop { id } }`)).body.data.shop.id;
    const set = await c.gql(
      `mutation Set($m: [MetafieldsSetInput!]!) { metafieldsSet(metafields: $m) { metafields { id namespace key value type } userErrors { field message code } } }`,
      { m: [
        { ownerId: shop, namespace: "$app", key: "policy", type: "json", value: JSON.stringify({ windowDays: 30 }) },
        { ownerId: "gid://shopify/Product/101", namespace: "$app", key: "returnable", type: "boolean", value: "false" },
      ] },
    );
    expect(set.body.data.metafieldsSet.userErrors).toEqual([]);
    expect(set.body.data.metafieldsSet.metafields[0].namespace).toBe("app--1");
    const read = await c.gql(`query R { shop { metafield(namespace: "$app", key: "policy") { jsonValue } } product(id: "gid://shopify/Product/101") { metafield(namespace: "$app", key: "returnable") { value } } }`);
    expect(read.body.data.shop.metafield.jsonValue).toEqual({ windowDays: 30 });
    expect(read.body.data.product.metafield.value).toBe("false");
    const bad = await c.gql(`mutation Set($m: [MetafieldsSetInput!]!) { metafieldsSet(metafields: $m) { metafields { id } userErrors { field message } } }`, { m: [{ ownerId: shop, namespace: "$app", key: "bad_json", type: "json", value: "{nope" }] });
    expect(bad.body.data.metafieldsSet.userErrors[0].field).toEqual(["metafields", "0", "value"]);
  });
});

describe("staged uploads", () => {
  it("stagedUploadsCreate gives a target on the stand-in that accepts the file, then fileCreate", async () => {
    const staged = await c.gql(
      `mutation Stage($input: [StagedUploadInput!]!) { stagedUploadsCreate(input: $input) { stagedTargets { url resourceUrl parameters { name value } } userErrors { field message } } }`,
      { input: [{ resource: "IMAGE", filename: "damage.jpg", mimeType: "image/jpeg", httpMethod: "POST" }] },
    );
    const target = staged.body.data.stagedUploadsCreate.stagedTargets[0];
    const early = await c.gql(`mutation F($files: [FileCreateInput!]!) { fileCreate(files: $files) { files { id } userErrors { field message } } }`, { files: [{ originalSource: target.resourceUrl, contentType: "IMAGE" }] });
    expect(early.body.data.fileCreate.userErrors[0].field).toEqual(["files", "0", "originalSource"]);
    const form = new FormData();
    for (const p of target.parameters) form.append(p.name, p.value);
    form.append("file", new Blob([Buffer.from("fake-jpeg-bytes")], { type: "image/jpeg" }), "damage.jpg");
    const up = await fetch(target.url, { method: "POST", body: form });
    expect(up.status).toBe(201);
    const created = await c.gql(`mutation F($files: [FileCreateInput!]!) { fileCreate(files: $files) { files { id fileStatus ... on MediaImage { image { url } } } userErrors { field message } } }`, { files: [{ originalSource: target.resourceUrl, contentType: "IMAGE", alt: "damage" }] });
    expect(created.body.data.fileCreate.userErrors).toEqual([]);
    expect(created.body.data.fileCreate.files[0]).toMatchObject({ fileStatus: "READY", image: { url: target.resourceUrl } });
    const bytes = await (await fetch(target.resourceUrl)).text();
    expect(bytes).toBe("fake-jpeg-bytes");
  });
  it("the upload target answers CORS like Shopify's staged upload storage: preflight, and the page's origin on the upload's answer", async () => {
    const origin = "https://extensions.shopifycdn.com";
    const staged = await c.gql(
      `mutation Stage($input: [StagedUploadInput!]!) { stagedUploadsCreate(input: $input) { stagedTargets { url resourceUrl parameters { name value } } userErrors { field message } } }`,
      { input: [{ resource: "IMAGE", filename: "damage.jpg", mimeType: "image/jpeg", httpMethod: "POST" }] },
    );
    const target = staged.body.data.stagedUploadsCreate.stagedTargets[0];
    const pre = await fetch(target.url, { method: "OPTIONS", headers: { Origin: origin, "Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "content-type" } });
    expect(pre.status).toBe(200);
    expect(pre.headers.get("access-control-allow-origin")).toBe(origin);
    expect(pre.headers.get("access-control-allow-methods")).toMatch(/POST/);
    expect(pre.headers.get("access-control-allow-headers")).toBe("content-type");

    const form = new FormData();
    for (const p of target.parameters) form.append(p.name, p.value);
    form.append("file", new Blob([Buffer.from("jpeg")], { type: "image/jpeg" }), "damage.jpg");
    const up = await fetch(target.url, { method: "POST", body: form, headers: { Origin: origin } });
    expect(up.status).toBe(201);
    expect(up.headers.get("access-control-allow-origin")).toBe(origin);

    const bad = new FormData();
    bad.append("key", "tmp/unknown");
    bad.append("file", new Blob([Buffer.from("x")]), "x.jpg");
    const refused = await fetch(target.url, { method: "POST", body: bad, headers: { Origin: origin } });
    expect(refused.status).toBe(400);
    expect(refused.headers.get("access-control-allow-origin")).toBe(origin); // the page can read why
  });
});
