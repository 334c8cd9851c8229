/**
 * Decision 190, keep the item: the shopper keeps a line, so staff approve without a label and refund
 * without receiving. Shopify's records then say the item was not returned: the Return has no reverse
 * delivery and its line is processed with the NOT_RESTOCKED disposition. Against the in-process stand-in.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "~/db/test-db";
import { createRepos } from "~/db";
import type { AdminClient } from "~/shopify/admin-client";
import { startStandinWithAdmin } from "~/test/standin-admin";
import { RETURN_REQUEST } from "~/shopify/operations";
import type { Standin } from "../../../standin";
import { approveRequest, refundRequest } from "./index";
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

describe("keep the item at Shopify", () => {
  it("approved without a label and refunded without receipt: no reverse delivery, disposition NOT_RESTOCKED", async () => {
    const o = [...standin.store.orders.values()].find(
      (x) =>
        x.customerId &&
        x.returnIds.length === 0 &&
        x.refundIds.length === 0 &&
        x.transactions.some((t) => t.kind === "SALE" || t.kind === "CAPTURE") &&
        x.fulfillments.some((f) => f.status === "SUCCESS" && f.lines.length > 0),
    )!;
    const line = o.fulfillments.find((f) => f.status === "SUCCESS" && f.lines.length > 0)!.lines[0]!;
    const reason = standin.store.returnReasonDefinitions.find((d) => d.handle === "item-not-as-described")!;
    const res = await admin.mutate(RETURN_REQUEST, {
      input: { orderId: o.id, returnLineItems: [{ fulfillmentLineItemId: line.id, quantity: 1, returnReasonDefinitionId: reason.id }] },
    });
    const { request } = await createRepos(db.prisma).returnRequests.create(SHOP, {
      idempotencyKey: `keep-${o.id}`,
      orderId: o.id,
      orderName: o.name,
      customerId: o.customerId,
      currency: o.presentmentCurrencyCode,
      refundMinor: 100,
      shopifyReturnId: res.returnRequest!.return!.id,
      verdict: { decision: "review", lines: [{ lineItemId: line.lineItemId, eligible: true, keepItem: true }] },
      lines: [{ lineItemId: line.lineItemId, fulfillmentLineItemId: line.id, title: "Item", quantity: 1, reason: "NOT_AS_DESCRIBED", eligible: true }],
      now: clock,
    });

    expect((await approveRequest(deps(), SHOP, request.id, {})).ok).toBe(true);
    const refunded = await refundRequest(deps(), SHOP, request.id, { to: "original_payment" });
    expect(refunded.ok).toBe(true);

    const ret = standin.store.returns.get(request.shopifyReturnId!)!;
    expect(ret.rfos.flatMap((r) => r.deliveries)).toEqual([]);
    expect(ret.rfos.flatMap((r) => r.lines.flatMap((l) => l.disposed.map((d) => d.type)))).toEqual(["NOT_RESTOCKED"]);
    expect([...standin.store.refunds.values()].filter((r) => r.orderId === o.id)).toHaveLength(1);
  });
});
