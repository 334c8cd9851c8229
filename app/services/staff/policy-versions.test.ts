import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "~/db/test-db";
import { getPreset } from "~/returns";
import { serviceContext } from "~/services/context";
import { applyVersionToEarlierOrders, savePolicyVersion } from "./policy-versions";
import { policyForOrder } from "~/services/policy-for-order";

const SHOP = "policy-save.myshopify.com";
const NOW = new Date("2026-11-20T00:00:00Z");
let db: TestDatabase;
const ctx = () => serviceContext({ db: db.prisma, now: () => NOW });

beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db?.cleanup();
});

describe("savePolicyVersion: the one way a policy version is made", () => {
  it("saves the first version from a preset, publishes once, and refuses a second first version", async () => {
    const published: string[] = [];
    const publish = async (shop: string) => published.push(shop);
    const first = await savePolicyVersion(ctx(), SHOP, { draft: getPreset("ekoh-store"), presetId: "ekoh-store", actor: "staff:1", firstOnly: true }, publish);
    expect(first).toEqual({ ok: true, version: 1 });
    expect(published).toEqual([SHOP]);
    const again = await savePolicyVersion(ctx(), SHOP, { draft: getPreset("ekr-auto"), presetId: "ekr-auto", actor: "staff:1", firstOnly: true }, publish);
    expect(again).toMatchObject({ ok: false, status: 409, field: "presetId" });
    expect(published).toEqual([SHOP]);
    const stored = await ctx().repos.policies.active(SHOP);
    expect(stored).toMatchObject({ version: 1, presetId: "ekoh-store", createdBy: "staff:1" });
    expect(stored!.policy).toEqual({ ...getPreset("ekoh-store"), version: 1 });
  });

  it("numbers an edited draft as the next version, and refuses a bad one with every field's error without publishing", async () => {
    const publish = async () => {
      throw new Error("must not publish a refused draft");
    };
    const bad = { ...getPreset("standard-30-day")!, name: " " };
    bad.windows.faults = { days: -2, from: "delivery" };
    const refused = await savePolicyVersion(ctx(), SHOP, { draft: bad, presetId: null, actor: "staff:2" }, publish);
    expect(refused).toMatchObject({ ok: false, status: 422 });
    if (refused.ok) return;
    expect(refused.errors).toMatchObject({ "windows.faults.days": "must be 0 or more", name: "must not be empty" });
    expect(refused.errors[refused.field]).toBeDefined();
    const good = await savePolicyVersion(ctx(), SHOP, { draft: getPreset("standard-30-day"), presetId: "not-a-preset", actor: "staff:2" }, async () => null);
    expect(good).toEqual({ ok: true, version: 2 });
    expect(await ctx().repos.policies.get(SHOP, 2)).toMatchObject({ presetId: null, policy: { version: 2 } });
  });

  it("applies the version in force to earlier orders only when it is at least as generous, and orders placed earlier then get it", async () => {
    const shop = "policy-earlier.myshopify.com";
    const at = (iso: string) => () => new Date(iso);
    const save = (draft: unknown, now: string) =>
      savePolicyVersion(serviceContext({ db: db.prisma, now: at(now) }), shop, { draft, presetId: null, actor: "staff:1" }, async () => null);
    const v1 = getPreset("standard-30-day")!;
    expect(await save(v1, "2026-01-01T00:00:00Z")).toEqual({ ok: true, version: 1 });
    const strict = getPreset("standard-30-day")!;
    strict.windows.change_of_mind = { days: 14, from: "delivery" };
    expect(await save(strict, "2026-03-01T00:00:00Z")).toEqual({ ok: true, version: 2 });
    // stricter than version 1: refused, with the reason in words; nothing changes
    const refused = await applyVersionToEarlierOrders(ctx(), shop, 2);
    expect(refused).toMatchObject({ ok: false, status: 422, field: "version", stricter: ["Its window for change-of-mind returns is shorter."] });
    expect((await policyForOrder(ctx().repos, shop, "2026-02-01T00:00:00Z")).version).toBe(1);
    // only the version in force can be applied
    expect(await applyVersionToEarlierOrders(ctx(), shop, 1)).toMatchObject({ ok: false, status: 409 });
    // a more generous version 3 (60 days) may, and an order placed under version 1 is then judged by it
    const kind = getPreset("standard-30-day")!;
    kind.windows.change_of_mind = { days: 60, from: "delivery" };
    expect(await save(kind, "2026-05-01T00:00:00Z")).toEqual({ ok: true, version: 3 });
    expect(await applyVersionToEarlierOrders(ctx(), shop, 3)).toEqual({ ok: true, version: 3 });
    expect(await ctx().repos.policies.get(shop, 3)).toMatchObject({ appliesToEarlierOrders: true });
    expect((await policyForOrder(ctx().repos, shop, "2026-02-01T00:00:00Z")).version).toBe(3);
    expect((await policyForOrder(ctx().repos, shop, "2025-06-01T00:00:00Z")).version).toBe(3);
    // another shop's versions are untouched
    expect(await applyVersionToEarlierOrders(ctx(), "other-earlier.myshopify.com", 3)).toMatchObject({ ok: false, status: 404 });
  });
});
