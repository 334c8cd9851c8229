import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiError, createReturnsApi, retryAfterSeconds, type FetchLike, type SubmitBody } from "./api";
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

  it("sends the extension's locale with every call, so the app answers in the screen's language", async () => {
    const f = fakeFetch((c) => (c.url.includes("/cancel") ? json(200, { request: requestFixture() }) : json(200, overviewFixture())));
    const api = createReturnsApi({ appUrl: "https://app.example", getToken: async () => "t", fetch: f.fetch, locale: "fr-CA" });
    await api.getReturns("1001");
    await api.cancel("rr1");
    expect(f.calls.map((c) => c.url)).toEqual([
      "https://app.example/api/customer/orders/1001/returns?locale=fr-CA",
      "https://app.example/api/customer/returns/rr1/cancel?locale=fr-CA",
    ]);
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

describe("a busy store (429)", () => {
  const busy = (retryAfter: string | null = "5") =>
    new Response(JSON.stringify({ error: { code: "busy", message: "The store is busy; please try again in a few seconds" } }), {
      status: 429,
      headers: { "Content-Type": "application/json", ...(retryAfter === null ? {} : { "Retry-After": retryAfter }) },
    });
  /** Answers from the list in order (the last one repeats); records every call and every wait. */
  function scripted(answers: (() => Response)[]) {
    const f = fakeFetch(() => answers[Math.min(f.calls.length - 1, answers.length - 1)]!());
    const waits: number[] = [];
    const api = createReturnsApi({
      appUrl: "https://app.example",
      getToken: async () => "tok",
      fetch: f.fetch,
      sleep: async (ms) => {
        waits.push(ms);
      },
    });
    return { api, calls: f.calls, waits };
  }
  const body: SubmitBody = { idempotencyKey: "key-123456", lines: [], resolution: "refund" };

  it("is its own error kind with the server's Retry-After, clamped to 1..30 s, default 5", async () => {
    const err = await scripted([() => busy("7")]).api.cancel("r").catch((e) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ status: 429, code: "busy", retryAfterSeconds: 7 });
    expect([null, "", "abc", "1.5", "Wed, 21 Oct 2026 07:28:00 GMT"].map(retryAfterSeconds)).toEqual([5, 5, 5, 5, 5]);
    expect(["0", "1", "30", "31", "3600", " 12 "].map(retryAfterSeconds)).toEqual([1, 1, 30, 30, 30, 12]);
    // A 429 without the app's JSON (a proxy's) is busy too.
    const bare = await scripted([() => new Response("Too Many Requests", { status: 429 })]).api.cancel("r").catch((e) => e);
    expect(bare).toMatchObject({ status: 429, code: "busy", retryAfterSeconds: 5 });
  });

  it("GET: busy then success gives the overview after one wait of Retry-After", async () => {
    const s = scripted([() => busy("3"), () => json(200, overviewFixture())]);
    const data = await s.api.getReturns("1001");
    expect(data.order.name).toBe("#1001");
    expect(s.calls).toHaveLength(2);
    expect(s.waits).toEqual([3000]);
  });

  it("GET: gives up after 2 retries with the busy error", async () => {
    const s = scripted([() => busy()]);
    await expect(s.api.getReturns("1001")).rejects.toMatchObject({ code: "busy" });
    expect(s.calls).toHaveLength(3);
    expect(s.waits).toEqual([5000, 5000]);
  });

  it("submit: retried with the same body, so the same idempotencyKey", async () => {
    const s = scripted([() => busy(), () => busy("2"), () => json(201, { request: requestFixture() })]);
    const r = await s.api.submit("1001", body);
    expect(r.id).toBe("rr_1");
    expect(s.calls).toHaveLength(3);
    expect(s.waits).toEqual([5000, 2000]);
    const sent = s.calls.map((c) => JSON.parse(String(c.init?.body)) as SubmitBody);
    expect(sent.map((b) => b.idempotencyKey)).toEqual(["key-123456", "key-123456", "key-123456"]);
    expect(sent.every((b) => JSON.stringify(b) === JSON.stringify(body))).toBe(true);
    expect(s.calls.every((c) => c.init?.method === "POST")).toBe(true);
  });

  it("submit: other errors are not retried", async () => {
    const s = scripted([() => json(500, { error: { code: "internal", message: "Something went wrong" } })]);
    await expect(s.api.submit("1001", body)).rejects.toMatchObject({ code: "internal" });
    expect(s.calls).toHaveLength(1);
    expect(s.waits).toEqual([]);
  });

  it("cancel, preview and uploads are not retried: one call, the busy error", async () => {
    const s = scripted([() => busy()]);
    await expect(s.api.cancel("rr_1")).rejects.toMatchObject({ code: "busy" });
    await expect(s.api.preview("1001", { lines: [] })).rejects.toMatchObject({ code: "busy" });
    await expect(s.api.stageUpload({ filename: "a.png", mimeType: "image/png", fileSize: 1 })).rejects.toMatchObject({ code: "busy" });
    await expect(s.api.uploadFile(new File(["x"], "a.png"))).rejects.toMatchObject({ code: "busy" });
    expect(s.calls).toHaveLength(4);
    expect(s.waits).toEqual([]);
  });

  describe("with the default sleep", () => {
    afterEach(() => {
      vi.useRealTimers();
    });

    it("waits exactly Retry-After before asking again (fake timers)", async () => {
      vi.useFakeTimers();
      const f = fakeFetch((c) => (f.calls.indexOf(c) === 0 ? busy("4") : json(200, overviewFixture())));
      const done = client(f.fetch).getReturns("1001");
      await vi.advanceTimersByTimeAsync(3999);
      expect(f.calls).toHaveLength(1);
      await vi.advanceTimersByTimeAsync(1);
      expect(f.calls).toHaveLength(2);
      expect((await done).order.name).toBe("#1001");
    });
  });
});
