/* eslint-disable @typescript-eslint/no-explicit-any -- token endpoint answers are read loosely; assertions check their shape */
import { afterEach, describe, expect, it } from "vitest";
import { exchange, startWithClient, TEST_KEY, TEST_SECRET, type Client } from "./testClient";
import { signJwt, verifyJwt, adminSessionClaims } from "./tokens";
import { tomlScopes } from "./index";

let c: Client | undefined;
afterEach(async () => {
  await c?.standin.close();
  c = undefined;
});

const NOW = new Date("2026-11-20T00:00:00Z");
const OFFLINE = "urn:shopify:params:oauth:token-type:offline-access-token";
const ONLINE = "urn:shopify:params:oauth:token-type:online-access-token";
const DAY = 86_400_000;

const gql = (cl: Client, token: string) =>
  fetch(`${cl.standin.url}/admin/api/2026-07/graphql.json`, { method: "POST", headers: { "Content-Type": "application/json", "X-Shopify-Access-Token": token }, body: JSON.stringify({ query: "query S { shop { name } }" }) });

const post = (cl: Client, body: Record<string, string>) =>
  fetch(`${cl.standin.url}/admin/oauth/access_token`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ client_id: TEST_KEY, client_secret: TEST_SECRET, ...body }) }).then(async (r) => ({ status: r.status, body: (await r.json()) as any }));

const refresh = (cl: Client, refreshToken: string) => post(cl, { grant_type: "refresh_token", refresh_token: refreshToken });
const migrate = (cl: Client, token: string, extra: Record<string, string> = { expiring: "1" }) =>
  post(cl, { grant_type: "urn:ietf:params:oauth:grant-type:token-exchange", subject_token: token, subject_token_type: OFFLINE, requested_token_type: OFFLINE, ...extra });

const NO_ACTIVE_REFRESH = { status: 401, body: { error: "invalid_request", error_description: "This request requires an active refresh_token" } };

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
    expect(Object.keys(off.body).sort()).toEqual(["access_token", "expires_in", "refresh_token", "refresh_token_expires_in", "scope"]);
    expect(off.body.access_token).toMatch(/^shpat_/);
    expect(off.body.scope).toBe(tomlScopes());
    expect((await gql(c, off.body.access_token)).status).toBe(200);
    const on = await exchange(c.standin, c.standin.mintAdminSessionToken({ userId: 7 }), ONLINE);
    expect(on.body).toMatchObject({ expires_in: 86399, associated_user: { id: 7 } });
    // Shopify answers the scopes the user and the app share; the stand-in grants the user all of the app's
    expect(on.body.associated_user_scope).toBe(off.body.scope);
    expect(on.body.scope).toBe(off.body.scope);
    expect((await gql(c, on.body.access_token)).status).toBe(200);
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

describe("non-expiring offline tokens", () => {
  const nonExpiring = async (cl: Client) => {
    const r = await exchange(cl.standin, cl.standin.mintAdminSessionToken(), OFFLINE, { expiring: false });
    expect(Object.keys(r.body).sort()).toEqual(["access_token", "scope"]);
    return r.body.access_token as string;
  };

  it("are refused with 403 for a public app created on/after 2026-04-01 (the default)", async () => {
    c = await startWithClient({ clock: () => NOW });
    const res = await gql(c, await nonExpiring(c));
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({ errors: "Non-expiring access tokens are no longer accepted for the Admin API. Start using expiring offline tokens." });
  });

  it("still work for an older public app until 2027-01-01, and for a custom app after it", async () => {
    let now = Date.parse("2026-12-31T23:59:00Z");
    c = await startWithClient({ clock: () => new Date(now), app: { createdAt: new Date("2025-06-01T00:00:00Z") } });
    const token = await nonExpiring(c);
    expect((await gql(c, token)).status).toBe(200);
    now = Date.parse("2027-01-01T00:00:00Z");
    expect((await gql(c, token)).status).toBe(403);
    await c.standin.close();
    c = await startWithClient({ clock: () => new Date(now), app: { distribution: "custom" } });
    expect((await gql(c, await nonExpiring(c))).status).toBe(200);
  });
});

describe("expiring offline tokens", () => {
  it("an access token past its hour answers 401 with Shopify's body", async () => {
    let now = NOW.getTime();
    c = await startWithClient({ clock: () => new Date(now) });
    const first = await exchange(c.standin, c.standin.mintAdminSessionToken());
    expect(first.body).toMatchObject({ expires_in: 3600, refresh_token_expires_in: 7776000 });
    now += 3599_000;
    expect((await gql(c, first.body.access_token)).status).toBe(200);
    now += 1_000;
    const res = await gql(c, first.body.access_token);
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ errors: "[API] Invalid API key or access token (unrecognized login or wrong password)" });
  });

  it("refresh rotates; the used token stays good for a retry until its replacement is used, then it and any other replacement retire", async () => {
    let now = NOW.getTime();
    c = await startWithClient({ clock: () => new Date(now) });
    const r0 = (await exchange(c.standin, c.standin.mintAdminSessionToken())).body.refresh_token as string;
    now += 3601_000;
    const lost = await refresh(c, r0); // Shopify answered, the app never stored it
    expect(lost).toMatchObject({ status: 200, body: { expires_in: 3600, refresh_token_expires_in: 7776000 } });
    expect(lost.body.refresh_token).not.toBe(r0);
    const retry = await refresh(c, r0);
    expect(retry.status).toBe(200);
    expect(retry.body.access_token).not.toBe(lost.body.access_token);
    expect((await gql(c, retry.body.access_token)).status).toBe(200);
    // the app moves on with the retry's pair: using its refresh token retires r0 and the lost pair's refresh token
    const next = await refresh(c, retry.body.refresh_token);
    expect(next.status).toBe(200);
    expect(await refresh(c, r0)).toEqual(NO_ACTIVE_REFRESH);
    expect(await refresh(c, lost.body.refresh_token)).toEqual(NO_ACTIVE_REFRESH);
    expect((await refresh(c, next.body.refresh_token)).status).toBe(200);
    expect(await refresh(c, "shprt_unknown")).toEqual(NO_ACTIVE_REFRESH);
  });

  it("a used refresh token can be retried for 30 days at most; an unused one lasts 90 days", async () => {
    let now = NOW.getTime();
    c = await startWithClient({ clock: () => new Date(now) });
    const a = (await exchange(c.standin, c.standin.mintAdminSessionToken())).body.refresh_token as string;
    const b = (await exchange(c.standin, c.standin.mintAdminSessionToken())).body.refresh_token as string;
    expect((await refresh(c, a)).status).toBe(200);
    now += 30 * DAY - 1_000;
    expect((await refresh(c, a)).status).toBe(200);
    now += 1_000;
    expect(await refresh(c, a)).toEqual(NO_ACTIVE_REFRESH);
    now = NOW.getTime() + 90 * DAY - 1_000;
    expect((await refresh(c, b)).status).toBe(200);
    const d = (await exchange(c.standin, c.standin.mintAdminSessionToken())).body.refresh_token as string;
    now += 90 * DAY;
    expect(await refresh(c, d)).toEqual(NO_ACTIVE_REFRESH);
  });

  it("uninstalling revokes refresh tokens too", async () => {
    c = await startWithClient({ clock: () => NOW });
    const r = (await exchange(c.standin, c.standin.mintAdminSessionToken())).body.refresh_token as string;
    await fetch(`${c.standin.url}/_standin/uninstall`, { method: "POST" });
    expect(await refresh(c, r)).toEqual(NO_ACTIVE_REFRESH);
  });
});

describe("migrating a non-expiring token (token exchange with an offline token as the subject)", () => {
  it("issues an expiring pair, retires the original, and answers a retry with the same pair until the pair is refreshed", async () => {
    let now = NOW.getTime();
    c = await startWithClient({ clock: () => new Date(now), app: { createdAt: new Date("2025-06-01T00:00:00Z") } });
    const old = (await exchange(c.standin, c.standin.mintAdminSessionToken(), OFFLINE, { expiring: false })).body.access_token as string;
    expect(await migrate(c, old, {})).toMatchObject({ status: 400, body: { error: "invalid_request" } });
    const first = await migrate(c, old);
    expect(first).toMatchObject({ status: 200, body: { expires_in: 3600, refresh_token_expires_in: 7776000 } });
    expect((await gql(c, old)).status).toBe(401);
    expect((await gql(c, first.body.access_token)).status).toBe(200);
    now += 2 * 3600_000; // the answer was lost; the access token has expired meanwhile
    const again = await migrate(c, old);
    expect(again.status).toBe(200);
    expect(again.body.access_token).toBe(first.body.access_token);
    expect(again.body.refresh_token).toBe(first.body.refresh_token);
    expect(again.body.expires_in).toBe(3600);
    expect(again.body.refresh_token_expires_in).toBe(7776000 - 7200);
    expect((await gql(c, again.body.access_token)).status).toBe(200);
    expect((await refresh(c, again.body.refresh_token)).status).toBe(200);
    expect(await migrate(c, old)).toMatchObject({ status: 400, body: { error: "invalid_subject_token" } });
  });

  it("recovery ends after 7 days or at a later ID-token exchange; after 2027-01-01 public apps cannot migrate", async () => {
    let now = NOW.getTime();
    c = await startWithClient({ clock: () => new Date(now), app: { createdAt: new Date("2025-06-01T00:00:00Z") } });
    const nonExpiring = async () => (await exchange(c!.standin, c!.standin.mintAdminSessionToken(), OFFLINE, { expiring: false })).body.access_token as string;
    const a = await nonExpiring();
    expect((await migrate(c, a)).status).toBe(200);
    now += 7 * DAY;
    expect((await migrate(c, a)).status).toBe(400);
    const b = await nonExpiring();
    expect((await migrate(c, b)).status).toBe(200);
    await exchange(c.standin, c.standin.mintAdminSessionToken());
    expect((await migrate(c, b)).status).toBe(400);
    const late = await nonExpiring();
    now = Date.parse("2027-01-01T00:00:00Z");
    expect(await migrate(c, late)).toMatchObject({ status: 400, body: { error: "invalid_subject_token" } });
    expect(await migrate(c, "shpat_never_issued")).toMatchObject({ status: 400, body: { error: "invalid_subject_token" } });
  });
});
