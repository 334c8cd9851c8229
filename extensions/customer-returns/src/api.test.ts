import { describe, expect, it } from "vitest";
import { ApiError, createReturnsApi, type FetchLike } from "./api";
import { overviewFixture, requestFixture } from "./fixtures";

interface Call {
  url: string;
  init?: RequestInit;
}

function fakeFetch(respond: (c: Call) => Response) {
  const calls: Call[] = [];
  const fetch: FetchLike = async (url, init) => {
    const c = { url, init };
    calls.push(c);
    return respond(c);
  };
  return { calls, fetch };
}
const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });
const client = (fetch: FetchLike) => createReturnsApi({ appUrl: "https://app.example/", getToken: async () => "tok-1", fetch });

describe("returns API client", () => {
  it("GETs the overview with the bearer token and a url-encoded gid", async () => {
    const f = fakeFetch(() => json(200, overviewFixture()));
    const data = await client(f.fetch).getReturns("gid://shopify/Order/1001");
    expect(data.order.name).toBe("#1001");
    expect(f.calls[0]!.url).toBe("https://app.example/api/customer/orders/gid%3A%2F%2Fshopify%2FOrder%2F1001/returns");
    expect(f.calls[0]!.init?.method).toBe("GET");
    expect((f.calls[0]!.init?.headers as Record<string, string>).Authorization).toBe("Bearer tok-1");
  });

  it("POSTs submit and cancel as JSON and unwraps the request", async () => {
    const f = fakeFetch((c) => json(c.url.endsWith("/cancel") ? 200 : 201, { request: requestFixture() }));
    const api = client(f.fetch);
    const r = await api.submit("1001", { idempotencyKey: "k", lines: [], resolution: "refund" });
    expect(r.id).toBe("rr_1");
    expect(JSON.parse(String(f.calls[0]!.init?.body))).toEqual({ idempotencyKey: "k", lines: [], resolution: "refund" });
    expect((f.calls[0]!.init?.headers as Record<string, string>)["Content-Type"]).toBe("application/json");
    await api.cancel("rr 1");
    expect(f.calls[1]!.url).toBe("https://app.example/api/customer/returns/rr%201/cancel");
  });

  it("maps a 400 to an ApiError naming the field", async () => {
    const f = fakeFetch(() => json(400, { error: { code: "invalid", field: "lines[0].quantity", message: "Too many" } }));
    const err = await client(f.fetch).submit("1", { idempotencyKey: "k", lines: [], resolution: "refund" }).catch((e) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ status: 400, code: "invalid", field: "lines[0].quantity", message: "Too many" });
  });

  it("keeps the engine's per-line verdicts on a 422", async () => {
    const lines = [{ lineItemId: "a", eligible: false, codes: ["WINDOW_CLOSED"], explanation: "Closed." }];
    const f = fakeFetch(() => json(422, { error: { code: "ineligible", message: "Not eligible" }, lines }));
    const err = await client(f.fetch).submit("1", { idempotencyKey: "k", lines: [], resolution: "refund" }).catch((e) => e);
    expect(err).toMatchObject({ status: 422, code: "ineligible", lines });
  });

  it("reports network failures and non-JSON answers as ApiErrors", async () => {
    const down: FetchLike = async () => {
      throw new TypeError("Failed to fetch");
    };
    await expect(client(down).getReturns("1")).rejects.toMatchObject({ status: 0, code: "network" });
    const html = fakeFetch(() => new Response("<html>", { status: 502 }));
    await expect(client(html.fetch).getReturns("1")).rejects.toMatchObject({ status: 502, code: "bad_response" });
  });

  it("stages an upload then POSTs parameters before the file, returning the resourceUrl", async () => {
    const f = fakeFetch((c) =>
      c.url.endsWith("/api/customer/uploads")
        ? json(200, { url: "https://uploads.example/", resourceUrl: "https://uploads.example/tmp/1/a.png", parameters: [{ name: "key", value: "tmp/1" }, { name: "policy", value: "p" }] })
        : new Response(null, { status: 204 }),
    );
    const file = new File([new Uint8Array([1, 2, 3])], "a.png", { type: "image/png" });
    const url = await client(f.fetch).uploadFile(file);
    expect(url).toBe("https://uploads.example/tmp/1/a.png");
    expect(JSON.parse(String(f.calls[0]!.init?.body))).toEqual({ filename: "a.png", mimeType: "image/png", fileSize: 3 });
    const form = f.calls[1]!.init?.body as FormData;
    expect(f.calls[1]!.url).toBe("https://uploads.example/");
    expect([...form.keys()]).toEqual(["key", "policy", "file"]);
    expect((f.calls[1]!.init?.headers as Record<string, string> | undefined)?.Authorization).toBeUndefined(); // never leak the token to the bucket
  });

  it("fails the upload when the storage target refuses it", async () => {
    const f = fakeFetch((c) => (c.url.endsWith("/uploads") ? json(200, { url: "https://u/", resourceUrl: "r", parameters: [] }) : new Response("denied", { status: 403 })));
    await expect(client(f.fetch).uploadFile(new File(["x"], "x.jpg"))).rejects.toMatchObject({ code: "upload_failed", status: 403 });
  });
});
