// The acting staff member's name, from the online token exchange Shopify answers with `associated_user`
// (the stand-in answers it as Shopify does), kept per shop; unknown stays unknown ("Staff" on screens).
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createRepos } from "~/db";
import { createTestDatabase, type TestDatabase } from "~/db/test-db";
import { startStandin, type Standin } from "../../standin";
import { httpStaffNameLookup, learnStaffName, STAFF_NAME_MAX_AGE_MS, staffDisplayName, type StaffNameLookup } from "./staff-names";

const KEY = "staff-names-key";
const SECRET = "staff-names-secret-0123456789";
let db: TestDatabase;
let standin: Standin;

beforeAll(async () => {
  db = await createTestDatabase();
  standin = await startStandin({ apiKey: KEY, apiSecret: SECRET, webhooks: [], seed: "empty" });
});
afterAll(async () => {
  await standin?.close();
  await db?.cleanup();
});

describe("staff names", () => {
  it("reads the name from the online token exchange's associated_user, for the token's own user", async () => {
    const lookup = httpStaffNameLookup({ apiKey: KEY, apiSecret: SECRET, env: { SHOPIFY_ADMIN_ORIGIN: standin.url, NODE_ENV: "development" } });
    const user = await lookup(standin.shop, standin.mintAdminSessionToken({ userId: 2 }));
    expect(String(user?.id)).toBe("2");
    expect(staffDisplayName(user)).toMatch(/^\S+ \S+$/);
    // a token for another app is refused
    const refused = httpStaffNameLookup({ apiKey: KEY, apiSecret: "wrong-secret", env: { SHOPIFY_ADMIN_ORIGIN: standin.url, NODE_ENV: "development" } });
    await expect(refused(standin.shop, standin.mintAdminSessionToken({ userId: 2 }))).rejects.toThrow(/401/);
  });

  it("is the first and last name, else the e-mail, else nothing", () => {
    expect(staffDisplayName({ first_name: " Mere ", last_name: "Tamihana", email: "mere@example.com" })).toBe("Mere Tamihana");
    expect(staffDisplayName({ first_name: "", last_name: null, email: "mere@example.com" })).toBe("mere@example.com");
    expect(staffDisplayName({ first_name: "", email: "" })).toBeNull();
    expect(staffDisplayName(null)).toBeNull();
  });

  it("is learned once per staff member and shop, again after 30 days, and a failure never stops the action", async () => {
    const repos = createRepos(db.prisma);
    const shop = standin.shop;
    let now = new Date("2026-12-01T00:00:00Z");
    const lookup = vi.fn<StaffNameLookup>(async () => ({ id: 7, first_name: "Sam", last_name: "Lee" }));
    const deps = { repos, now: () => now, lookup };
    await learnStaffName(deps, shop, "7", "token");
    await learnStaffName(deps, shop, "7", "token");
    expect(lookup).toHaveBeenCalledTimes(1);
    expect(await repos.staffMembers.namesFor(shop, ["staff:7", "staff:8", "staff:unknown", "customer:gid://shopify/Customer/1", "auto"])).toEqual({ "staff:7": "Sam Lee" });
    expect(await repos.staffMembers.namesFor("other-shop.myshopify.com", ["staff:7"])).toEqual({});

    now = new Date(now.getTime() + STAFF_NAME_MAX_AGE_MS + 1);
    lookup.mockResolvedValueOnce({ id: 7, first_name: "Sam", last_name: "Lee-Walker" });
    await learnStaffName(deps, shop, "7", "token");
    expect(await repos.staffMembers.namesFor(shop, ["staff:7"])).toEqual({ "staff:7": "Sam Lee-Walker" });

    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    try {
      await learnStaffName({ ...deps, lookup: async () => Promise.reject(new Error("token endpoint answered 503")) }, shop, "8", "token");
      // an answer about someone else is not taken
      await learnStaffName({ ...deps, lookup: async () => ({ id: 9, first_name: "Not", last_name: "Them" }) }, shop, "8", "token");
    } finally {
      warn.mockRestore();
    }
    expect(await repos.staffMembers.namesFor(shop, ["staff:8"])).toEqual({});
  });
});
