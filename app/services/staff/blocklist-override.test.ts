/**
 * Decision 190: a request from a blocklisted customer is held for staff; approving it from the detail
 * screen needs an explicit override, which the timeline records. Against the in-process stand-in, on
 * SQLite (PostgreSQL when DATABASE_URL says so).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "~/db/test-db";
import { createRepos } from "~/db";
import type { AdminClient } from "~/shopify/admin-client";
import { startStandinWithAdmin } from "~/test/standin-admin";
import { RETURN_REQUEST } from "~/shopify/operations";
import type { Standin } from "../../../standin";
import { runStaffIntent } from "./screen";
import type { StaffDeps } from "./types";

const SHOP = "demo-returns.myshopify.com";
const clock = new Date("2026-11-20T01:00:00Z");

let db: TestDatabase;
let standin: Standin;
let admin: AdminClient;
const deps = (): StaffDeps => ({ repos: createRepos(db.prisma), admin, now: () => clock, actor: "staff:42" });

beforeAll(async () => {
  db = await createTestDatabase();
  ({ standin, admin } = await startStandinWithAdmin({}, { sleep: async () => {}, retry: { maxAttempts: 2 } }));
});

afterAll(async () => {
  await standin?.close();
  await db?.cleanup();
});

async function blockedRequest() {
  const o = [...standin.store.orders.values()].find((x) => x.customerId && x.returnIds.length === 0 && x.fulfillments.some((f) => f.status === "SUCCESS" && f.lines.length > 0))!;
  const line = o.fulfillments.find((f) => f.status === "SUCCESS" && f.lines.length > 0)!.lines[0]!;
  const reason = standin.store.returnReasonDefinitions.find((d) => d.handle === "changed-my-mind")!;
  const res = await admin.mutate(RETURN_REQUEST, { input: { orderId: o.id, returnLineItems: [{ fulfillmentLineItemId: line.id, quantity: 1, returnReasonDefinitionId: reason.id }] } });
  const { request } = await createRepos(db.prisma).returnRequests.create(SHOP, {
    idempotencyKey: `bl-${o.id}`,
    orderId: o.id,
    orderName: o.name,
    customerId: o.customerId,
    currency: o.presentmentCurrencyCode,
    shopifyReturnId: res.returnRequest!.return!.id,
    verdict: {
      decision: "review",
      screening: { outcome: "blocked", findings: [{ code: "BLOCKED_CUSTOMER", detail: "customer is on the blocklist" }], history: null },
    },
    lines: [{ lineItemId: line.lineItemId, fulfillmentLineItemId: line.id, title: "Item", quantity: 1, reason: "UNWANTED", eligible: true }],
    now: clock,
  });
  return request;
}

const form = (fields: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.set(k, v);
  return f;
};

describe("blocklist override", () => {
  it("refuses to approve without the override, naming it, and approves with it, recording who overrode", async () => {
    const request = await blockedRequest();
    const refused = await runStaffIntent(deps(), SHOP, request.id, form({ intent: "approve" }), false);
    expect(refused.status).toBe(422);
    expect(refused.answer).toMatchObject({ ok: false, field: "overrideBlocklist" });
    expect(standin.store.returns.get(request.shopifyReturnId!)!.status).toBe("REQUESTED");

    const ok = await runStaffIntent(deps(), SHOP, request.id, form({ intent: "approve", overrideBlocklist: "true", note: "Known customer" }), false);
    expect(ok.status).toBe(200);
    expect(standin.store.returns.get(request.shopifyReturnId!)!.status).toBe("OPEN");
    const events = await createRepos(db.prisma).events.listForRequest(SHOP, request.id);
    expect(events.map((e) => [e.type, e.actor])).toEqual([
      ["approved", "staff:42"],
      ["blocklist_override", "staff:42"],
    ]);
  });
});
