// Fills the demo's returns queue through the app's own front doors, so every screen has something to show on
// first open and the app's records agree with the stand-in's Returns:
// - staff open the app (session token → token exchange → offline session) and save a policy that waits for
//   review, over the app's routes with admin session tokens minted by the stand-in;
// - shoppers submit requests over the shopper API with customer session tokens minted by the stand-in;
// - staff approve (with a return label), mark received, refund, credit and decline over the request page's
//   action, as the buttons do; one approval meets an armed Shopify userError and stays failed;
// - a shopper cancels one over the shopper API;
// - one Return is requested through Shopify's own self-serve returns: the stand-in creates it and sends the
//   signed returns/request webhook, which the app imports.
// Nothing is written to the app's database directly. Which orders are used depends only on the seeded store,
// so the story is the same for a given clock.
import type { Standin } from "../standin";
import { getPreset } from "../app/returns/presets";
import type { ReturnsOverview } from "../app/services/shopper/overview";

export type SeededState =
  | "requested"
  | "approved"
  | "received"
  | "refunded"
  | "credited"
  | "declined"
  | "cancelled"
  | "failed"
  | "self_serve";

export interface SeededRequest {
  state: SeededState;
  requestId: string;
  orderId: string;
  orderName: string;
  customerId: string;
}

// the shopper API's answer to GET /api/customer/orders/:orderId/returns
type Overview = ReturnsOverview;
type OverviewLine = ReturnsOverview["lines"][number];

// What each seeded request goes through, in queue order; the customers are taken in turn.
const PLAN: SeededState[] = ["requested", "approved", "received", "refunded", "credited", "declined", "cancelled", "failed", "requested", "self_serve"];
/** Alex Example (Customer/1) keeps most orders free for trying the customer account view; two requests are theirs. */
const ALEX = "gid://shopify/Customer/1";

export async function seedReturnRequests(opts: { appUrl: string; standin: Standin; log?: (l: string) => void }): Promise<SeededRequest[]> {
  const { appUrl, standin } = opts;
  const log = opts.log ?? (() => {});
  const shop = standin.shop;
  const host = Buffer.from(`admin.shopify.com/store/${shop.replace(".myshopify.com", "")}`).toString("base64url");

  const customerFetch = (customerId: string, path: string, init: RequestInit = {}) =>
    fetch(`${appUrl}${path}`, {
      ...init,
      headers: {
        authorization: `Bearer ${standin.mintCustomerSessionToken({ customerId })}`,
        "content-type": "application/json",
        origin: "https://extensions.shopifycdn.com",
        ...init.headers,
      },
    });
  // A Remix action over single fetch (`<path>.data`), as the page's forms post it.
  const staffAction = async (path: string, form: Record<string, string>) => {
    const res = await fetch(`${appUrl}${path}.data`, {
      method: "POST",
      headers: { authorization: `Bearer ${standin.mintAdminSessionToken()}`, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(form),
    });
    return { status: res.status, text: await res.text() };
  };
  const must = async (what: string, p: Promise<{ status: number; text: string }>) => {
    const r = await p;
    if (r.status !== 200) throw new Error(`demo seed: ${what} answered ${r.status}: ${r.text.slice(0, 400)}`);
  };

  // 1. Staff open the app: the session token is exchanged for the shop's offline token.
  const home = await fetch(`${appUrl}/app?embedded=1&shop=${shop}&host=${host}&id_token=${standin.mintAdminSessionToken()}`);
  if (home.status !== 200) throw new Error(`demo seed: the app's home answered ${home.status}`);
  await home.text();

  // 2. A policy where requests wait for staff (the standard preset approves eligible requests by itself).
  const policy = getPreset("standard-30-day")!;
  policy.approval = { mode: "manual" };
  await must("saving the policy", staffAction("/app/policy", { intent: "save", policy: JSON.stringify(policy), presetId: "standard-30-day" }));

  // 3. Orders to return: delivered, returnable without photos; one per request, customers in turn.
  const orders = [...standin.store.orders.values()].filter((o) => o.customerId).sort((a, b) => b.number - a.number);
  const byCustomer = new Map<string, typeof orders>();
  for (const o of orders) byCustomer.set(o.customerId!, [...(byCustomer.get(o.customerId!) ?? []), o]);
  const customers = [...byCustomer.keys()].sort((a, b) => Number(a.split("/").pop()) - Number(b.split("/").pop()));
  const alexBudget = { left: 2 };
  const seeded: SeededRequest[] = [];
  let turn = 0;

  async function nextReturnable(): Promise<{ order: (typeof orders)[number]; overview: Overview; line: OverviewLine; reason: OverviewLine["reasons"][number] }> {
    for (let tries = 0; tries < customers.length; tries++) {
      const customerId = customers[turn++ % customers.length]!;
      if (customerId === ALEX && alexBudget.left === 0) continue;
      for (const order of byCustomer.get(customerId)!) {
        if (seeded.some((s) => s.orderId === order.id)) continue;
        if (!order.fulfillments.some((f) => f.deliveredAt)) continue;
        const res = await customerFetch(customerId, `/api/customer/orders/${order.id.split("/").pop()}/returns`);
        if (res.status !== 200) continue;
        const overview = (await res.json()) as Overview;
        if (!overview.canRequest || overview.requests.length > 0) continue;
        for (const line of overview.lines) {
          const reason = line.reasons.find((r) => r.minPhotos === 0);
          if (line.quantityLeft > 0 && reason) {
            if (customerId === ALEX) alexBudget.left -= 1;
            return { order, overview, line, reason };
          }
        }
      }
    }
    throw new Error("demo seed: no returnable order left");
  }

  // Shoppers submit one after another (the queue's order is the plan's); staff then work on the requests at
  // the same time, as several staff members would; the failed call and the self-serve import come last.
  const staffWork: Promise<void>[] = [];
  const afterwards: (() => Promise<void>)[] = [];
  for (const [i, state] of PLAN.entries()) {
    const { order, overview, line, reason } = await nextReturnable();
    const customerId = order.customerId!;
    const numericId = order.id.split("/").pop()!;
    if (state === "self_serve") {
      afterwards.push(async () => {
        // Shopify's own self-serve returns: Shopify creates the Return and tells the app with a signed webhook.
        const fli = order.fulfillments.flatMap((f) => f.lines).find((l) => l.lineItemId === line.lineItemId)!;
        const changedMind = standin.store.returnReasonDefinitions.find((d) => d.handle === "changed-my-mind")!;
        await standin.selfServeReturn({
          orderId: order.id,
          returnLineItems: [{ fulfillmentLineItemId: fli.id, quantity: 1, returnReasonDefinitionId: changedMind.id, customerNote: "Bought two by mistake" }],
        });
        const requestId = await waitForRequest(() => customerFetch(customerId, `/api/customer/orders/${numericId}/returns`));
        seeded.push({ state, requestId, orderId: order.id, orderName: order.name, customerId });
      });
      continue;
    }
    const resolution = state === "credited" && overview.resolutions.some((r) => r.code === "store_credit") ? "store_credit" : "refund";
    const submit = await customerFetch(customerId, `/api/customer/orders/${numericId}/returns`, {
      method: "POST",
      body: JSON.stringify({
        idempotencyKey: `demo-seed-${i + 1}`,
        lines: [{ lineItemId: line.lineItemId, quantity: 1, reason: reason.code, conditions: reason.conditions, photos: [], note: NOTES[i % NOTES.length] }],
        resolution,
      }),
    });
    if (submit.status !== 201) throw new Error(`demo seed: submitting for ${order.name} answered ${submit.status}: ${await submit.text()}`);
    const { request } = (await submit.json()) as { request: { id: string } };
    seeded.push({ state, requestId: request.id, orderId: order.id, orderName: order.name, customerId });
    const path = `/app/requests/${request.id}`;
    const act = (form: Record<string, string>) => must(`${form.intent} on ${order.name}`, staffAction(path, form));
    if (state === "failed") {
      afterwards.push(async () => {
        // Shopify refuses the approval once; the request keeps the error and offers "retry".
        standin.faults.inject({ operationName: "ReturnApproveRequest", kind: "userErrors", times: 1 });
        const r = await staffAction(path, { intent: "approve" });
        if (r.status === 200) throw new Error(`demo seed: the approval of ${order.name} should have failed at Shopify`);
      });
      continue;
    }
    staffWork.push(
      (async () => {
        if (state === "approved" || state === "received" || state === "refunded" || state === "credited") {
          await act({
            intent: "approve",
            returnLabelUrl: `https://labels.example.com/nzpost/${order.number}.pdf`,
            trackingNumber: `NZR${order.number}01`,
            carrierName: "NZ Post",
          });
        }
        if (state === "received" || state === "refunded" || state === "credited") await act({ intent: "receive", restock: "true" });
        if (state === "refunded") await act({ intent: "refund", to: "original_payment" });
        if (state === "credited") await act({ intent: "refund", to: "store_credit" });
        if (state === "declined") await act({ intent: "decline", reason: "OTHER", message: "The tags have been removed, so we can't take it back as a change of mind." });
        if (state === "cancelled") {
          const res = await customerFetch(customerId, `/api/customer/returns/${encodeURIComponent(request.id)}/cancel`, { method: "POST", body: "{}" });
          if (res.status !== 200) throw new Error(`demo seed: cancelling ${order.name} answered ${res.status}: ${await res.text()}`);
        }
      })(),
    );
  }
  await Promise.all(staffWork);
  for (const run of afterwards) await run();
  await standin.webhooksIdle();
  log(`seeded ${seeded.length} return requests: ${seeded.map((s) => `${s.orderName} ${s.state}`).join(", ")}`);
  return seeded;
}

const NOTES = ["Not what I expected", "Ordered the wrong one", "Changed my mind", "Bought one too many", "Didn't need it after all"];

/** The app imports a webhook on its job worker: wait until the order shows the imported request. */
async function waitForRequest(read: () => Promise<Response>, timeoutMs = 60_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const res = await read();
    if (res.status === 200) {
      const body = (await res.json()) as Overview;
      if (body.requests[0]) return body.requests[0].id;
    } else await res.text();
    // each look reads the order at Shopify (an overview costs ~100-200 points of a 100 points/s bucket):
    // looking ten times a second starved the very webhook job it waits for
    await new Promise((r) => setTimeout(r, 1_000));
  }
  throw new Error("demo seed: the app did not import the self-serve return in time");
}
