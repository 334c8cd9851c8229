/* eslint-disable @typescript-eslint/no-explicit-any -- token endpoint answers are read loosely; assertions check their shape */
import { afterEach, describe, expect, it } from "vitest";
import { exchange, startWithClient, TEST_KEY, TEST_SECRET, type Client } from "./testClient";
import { signJwt, verifyJwt, adminSessionClaims } from "./tokens";

let c: Client | undefined;
afterEach(async () => {
  await c?.standin.close();
  c = undefined;
});

const NOW = new Date("2026-11-20T00:00:00Z");

describe("session tokens", () => {
  it("admin tokens carry Shopify's claims and verify with the app secret", async () => {
    c = await startWithClient({ clock: () => NOW });
    const t = c.standin.mintAdminSessionToken({ userId: 42 });
    const v = verifyJwt(t, TEST_SECRET, { audience: TEST_KEY, now: NOW });
    expect(v.ok).toBe(true);
    if (!v.ok) return;
    expect(v.claims).toMatchObject({ iss: "https://demo-returns.myshopify.com/admin", dest: "https://demo-returns.myshopify.com", aud: TEST_KEY, sub: "42" });
    expect(v.claims.exp).toBe(Math.floor(NOW.getTime() / 1000) + 60);
    expect(typeof v.claims.jti).toBe("string");
    expect(typeof v.claims.sid).toBe("string");
    expect(verifyJwt(t, "other-secret", { now: NOW })).toEqual({ ok: false, reason: "bad signature" });
  });

  it("customer account tokens: dest is the shop domain, sub the customer GID; HTTP helper returns them", async () => {
    c = await startWithClient({ clock: () => NOW });
    const res = await fetch(`${c.standin.url}/_standin/session-token?kind=customer&customerId=${encodeURIComponent("gid://shopify/Customer/1")}`);
    const { token } = (await res.json()) as { token: string };
    const v = verifyJwt(token, TEST_SECRET, { audience: TEST_KEY, now: NOW });
    expect(v.ok && v.claims).toMatchObject({ dest: "demo-returns.myshopify.com", sub: "gid://shopify/Customer/1", aud: TEST_KEY });
  });
});

describe("token exchange", () => {
  it("issues offline and online tokens; only issued tokens open the GraphQL endpoint", async () => {
    c = await startWithClient({ clock: () => NOW });
    const off = await exchange(c.standin, c.standin.mintAdminSessionToken());
    expect(off.status).toBe(200);
    expect(Object.keys(off.body).sort()).toEqual(["access_token", "scope"]);
    expect(off.body.access_token).toMatch(/^shpat_/);
    const on = await exchange(c.standin, c.standin.mintAdminSessionToken({ userId: 7 }), "urn:shopify:params:oauth:token-type:online-access-token");
    expect(on.body).toMatchObject({ expires_in: 86399, associated_user: { id: 7 } });
    expect(typeof on.body.associated_user_scope).toBe("string");
    const res = await fetch(`${c.standin.url}/admin/api/2026-07/graphql.json`, { method: "POST", headers: { "Content-Type": "application/json", "X-Shopify-Access-Token": on.body.access_token }, body: JSON.stringify({ query: "query S { shop { name } }" }) });
    expect(res.status).toBe(200);
  });

  it("expiring offline tokens come with a rotating refresh token", async () => {
    let now = NOW.getTime();
    c = await startWithClient({ clock: () => new Date(now) });
    const post = (body: Record<string, string>) =>
      fetch(`${c!.standin.url}/admin/oauth/access_token`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ client_id: TEST_KEY, client_secret: TEST_SECRET, ...body }) }).then(async (r) => ({ status: r.status, body: (await r.json()) as any }));
    const first = await post({ grant_type: "urn:ietf:params:oauth:grant-type:token-exchange", subject_token: c.standin.mintAdminSessionToken(), subject_token_type: "urn:ietf:params:oauth:token-type:id_token", requested_token_type: "urn:shopify:params:oauth:token-type:offline-access-token", expiring: "1" });
    expect(first.body).toMatchObject({ expires_in: 3600, refresh_token_expires_in: 7776000 });
    const gql = (token: string) => fetch(`${c!.standin.url}/admin/api/2026-07/graphql.json`, { method: "POST", headers: { "Content-Type": "application/json", "X-Shopify-Access-Token": token }, body: JSON.stringify({ query: "query S { shop { name } }" }) });
    expect((await gql(first.body.access_token)).status).toBe(200);
    now += 3601_000;
    expect((await gql(first.body.access_token)).status).toBe(401);
    const refreshed = await post({ grant_type: "refresh_token", refresh_token: first.body.refresh_token });
    expect(refreshed.status).toBe(200);
    expect((await gql(refreshed.body.access_token)).status).toBe(200);
    const reused = await post({ grant_type: "refresh_token", refresh_token: first.body.refresh_token });
    expect(reused).toMatchObject({ status: 400, body: { error: "invalid_grant" } });
  });

  it("rejects forged, expired, wrong-audience tokens and bad client credentials with 4xx error JSON", async () => {
    c = await startWithClient({ clock: () => NOW });
    const forged = signJwt(adminSessionClaims("demo-returns.myshopify.com", TEST_KEY, NOW), "not-the-secret");
    const expired = signJwt(adminSessionClaims("demo-returns.myshopify.com", TEST_KEY, new Date(NOW.getTime() - 3_600_000)), TEST_SECRET);
    const wrongAud = signJwt(adminSessionClaims("demo-returns.myshopify.com", "someone-else", NOW), TEST_SECRET);
    const otherShop = signJwt(adminSessionClaims("other.myshopify.com", TEST_KEY, NOW), TEST_SECRET);
    for (const t of [forged, expired, wrongAud, otherShop]) {
      const r = await exchange(c.standin, t);
      expect(r.status).toBe(400);
      expect(r.body.error).toBe("invalid_subject_token");
    }
    const form = await fetch(`${c.standin.url}/admin/oauth/access_token`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ client_id: TEST_KEY, client_secret: "wrong", grant_type: "urn:ietf:params:oauth:grant-type:token-exchange", subject_token: c.standin.mintAdminSessionToken(), subject_token_type: "urn:ietf:params:oauth:token-type:id_token" }),
    });
    expect(form.status).toBe(401);
    expect(((await form.json()) as { error: string }).error).toBe("invalid_client");
  });
});
