// Render tests: each UI state rendered to a string of s-* elements, asserted on what a shopper (and a screen
// reader) gets: labels, options, errors, statuses.
import { readFileSync, readdirSync } from "node:fs";
import { h } from "preact";
import { renderToString } from "preact-render-to-string";
import { describe, expect, it } from "vitest";
import { createTranslate, type Messages } from "../../../preview/i18n";
import { createReturnsApi, isSignInRequired, type FetchLike, type SubmitBody } from "./api";
import { overviewFixture, previewFixture, requestFixture } from "./fixtures";
import { failure, initialState, reducer, type Action, type State } from "./state";
import { ReturnsBody, type Handlers } from "./View";

const dir = new URL("../locales/", import.meta.url);
const read = (f: string) => JSON.parse(readFileSync(new URL(f, dir), "utf8")) as Messages;
const en = read("en.default.json");
const noop = () => {};
const on: Handlers = {
  retry: noop, openForm: noop, closeForm: noop, setQuantity: noop, setReason: noop, toggleCondition: noop,
  setNote: noop, setVariant: noop, addFiles: noop, removePhoto: noop, setResolution: noop, submit: noop, cancel: noop,
};
const L1 = "gid://shopify/LineItem/1";

function html(state: State, locale = "en", messages = en) {
  return renderToString(h(ReturnsBody, { state, t: createTranslate(messages, en, locale), locale, on }));
}
const stateOf = (actions: Action[]) => actions.reduce(reducer, initialState());
const loaded = (over: Partial<ReturnType<typeof overviewFixture>> = {}): Action => ({ type: "loaded", data: { ...overviewFixture(), ...over } });

describe("returns UI states", () => {
  it("loading: a labelled spinner", () => {
    expect(html(initialState())).toBe('<s-spinner accessibilityLabel="Loading return options"></s-spinner>');
  });

  it("load error: critical banner with the message and a retry button", () => {
    const out = html(stateOf([{ type: "loadFailed", message: "Network down" }]));
    expect(out).toContain(`<s-banner tone="critical" heading="We couldn't load your return options.">`);
    expect(out).toContain("<s-text>Network down</s-text>");
    expect(out).toContain(">Try again</s-button>");
  });

  it("overview: offers 'Request return' when possible", () => {
    const out = html(stateOf([loaded()]));
    expect(out).toContain("<s-button>Request return</s-button>");
  });

  it("overview: 'Request return' links to the order's request page where the block is given its address", () => {
    const requestHref = "extension:customer-returns-page/customer-account.order.page.render/1001/";
    const out = renderToString(h(ReturnsBody, { state: stateOf([loaded()]), t: createTranslate(en, en, "en"), locale: "en", on, requestHref }));
    expect(out).toContain(`<s-button href="${requestHref}">Request return</s-button>`);
  });

  it("form: each line shows its product's picture with the merchant's alt text, or none where the line has no image", () => {
    const [shirt, card] = overviewFixture().lines;
    const withImage = { ...shirt!, imageUrl: "https://cdn.shopify.com/s/files/shirt.png", imageAlt: "Linen shirt in sand, front" };
    const out = html(stateOf([loaded({ lines: [withImage, card!] }), { type: "openForm", idempotencyKey: "k" }]));
    expect(out).toContain('<s-product-thumbnail src="https://cdn.shopify.com/s/files/shirt.png" alt="Linen shirt in sand, front" size="small"></s-product-thumbnail>');
    // without alt text the picture is decorative: the title beside it names the product
    const plain = html(stateOf([loaded({ lines: [{ ...withImage, imageAlt: undefined }] }), { type: "openForm", idempotencyKey: "k" }]));
    expect(plain).toContain('<s-product-thumbnail src="https://cdn.shopify.com/s/files/shirt.png" alt size="small"></s-product-thumbnail>'); // alt=""
    expect(html(stateOf([loaded(), { type: "openForm", idempotencyKey: "k" }]))).not.toContain("s-product-thumbnail");
  });

  it("overview: one short line why not, and no button, when nothing can be returned", () => {
    const out = html(stateOf([loaded({ canRequest: false, closedReason: "The return window closed on 20 December." })]));
    expect(out).not.toContain("Request return");
    expect(out).toContain('<s-text color="subdued">The return window closed on 20 December.</s-text>');
  });

  it("requested: status, lines and an accessible cancel button", () => {
    const out = html(stateOf([loaded({ requests: [requestFixture()] })]));
    expect(out).toContain("<s-heading>Return requested on 20 November 2026</s-heading>");
    expect(out).toContain('<s-badge tone="auto">Requested</s-badge>');
    expect(out).toContain("<s-list-item>1 × Linen shirt (Too small)</s-list-item>");
    expect(out).toContain('accessibilityLabel="Cancel the return requested on 20 November 2026"');
    expect(out).toContain(">Cancel request</s-button>");
  });

  it("approved: label link and instructions, no cancel", () => {
    const r = requestFixture({ status: "approved", canCancel: false, returnLabelUrl: "https://labels.example/1.pdf", instructions: "Drop it at any post office." });
    const out = html(stateOf([loaded({ requests: [r] })]));
    expect(out).toContain('<s-badge tone="auto">Approved</s-badge>');
    expect(out).toContain('<s-link href="https://labels.example/1.pdf" target="_blank">Download return label</s-link>');
    expect(out).toContain("<s-paragraph>Drop it at any post office.</s-paragraph>");
    expect(out).not.toContain("Cancel request");
  });

  it("declined with reason; refunded with amount; cancelled", () => {
    const out = html(
      stateOf([
        loaded({
          requests: [
            requestFixture({ id: "a", status: "declined", canCancel: false, declineReason: "Item was worn." }),
            requestFixture({ id: "b", status: "refunded", canCancel: false, refund: { amount: "49.90", currency: "EUR" } }),
            requestFixture({ id: "c", status: "cancelled", canCancel: false }),
            requestFixture({ id: "d", status: "credited", canCancel: false, refund: { amount: "20.00", currency: "EUR" }, storeCredit: true }),
          ],
        }),
      ]),
    );
    expect(out).toContain('<s-badge tone="critical">Declined</s-badge>');
    expect(out).toContain("<s-text>Reason: Item was worn.</s-text>");
    expect(out).toContain("<s-text>Refund: €49.90</s-text>");
    // store credit is never called a refund
    expect(out).toContain("<s-text>Store credit: €20.00</s-text>");
    expect(out).not.toContain("Refund: €20.00");
    expect(out).toContain('<s-badge tone="neutral">Cancelled</s-badge>');
  });

  it("approved: the store's note and the tracking number reach the shopper; store credit is called store credit", () => {
    const r = requestFixture({ status: "approved", canCancel: false, staffNote: "Keep the tags on, please.", tracking: { number: "NZ123", carrier: "NZ Post" } });
    const credited = requestFixture({ id: "d", status: "credited", canCancel: false, resolution: "store_credit", refund: { amount: "89.00", currency: "NZD" } });
    const out = html(stateOf([loaded({ requests: [r, credited] })]));
    expect(out).toContain("<s-text type=\"strong\">A note from the store</s-text>");
    expect(out).toContain("<s-paragraph>Keep the tags on, please.</s-paragraph>");
    expect(out).toContain("<s-text>Tracking number: NZ123 (NZ Post)</s-text>");
    expect(out).toContain("<s-text>Store credit: NZ$89.00</s-text>");
    expect(out).not.toContain("Refund: NZ$89.00");
  });

  it("form: an exchange offers the sizes in stock with price and difference, a dearer one shown but not choosable; the missing choice is named", () => {
    const exchange = {
      kind: "exchange" as const,
      currency: "NZD",
      lines: [
        {
          lineItemId: L1,
          choices: [
            { variantId: "gid://shopify/ProductVariant/11", title: "Large", price: "89.00", label: "Large · NZ$89.00 · same price" },
            { variantId: "gid://shopify/ProductVariant/12", title: "Compact", price: "79.00", back: "10.00", label: "Compact · NZ$79.00 · NZ$10.00 back" },
            { variantId: "gid://shopify/ProductVariant/13", title: "XL", price: "99.00", more: "10.00", label: "XL · NZ$99.00 · costs NZ$10.00 more — not possible here" },
          ],
        },
      ],
    };
    const withExchange = loaded({ resolutions: [...overviewFixture().resolutions, { code: "exchange", label: "Exchange" }] });
    const s = stateOf([
      withExchange,
      { type: "openForm", idempotencyKey: "k" },
      { type: "setQuantity", lineItemId: L1, quantity: 1 },
      { type: "setReason", lineItemId: L1, reason: "SIZE_TOO_SMALL" },
      { type: "setResolution", resolution: "exchange" },
      { type: "previewReceived", preview: previewFixture({ exchange }) },
      { type: "submitAttempted" },
    ]);
    const out = html(s);
    expect(out).toContain('<s-select label="New size or option" placeholder="Choose the new size or option" value error="Choose the new size or option.">');
    expect(out).toContain('<s-option value="gid://shopify/ProductVariant/11">Large · NZ$89.00 · same price</s-option>');
    expect(out).toContain('<s-option value="gid://shopify/ProductVariant/12">Compact · NZ$79.00 · NZ$10.00 back</s-option>');
    expect(out).toContain('<s-option value="gid://shopify/ProductVariant/13" disabled>XL · NZ$99.00 · costs NZ$10.00 more — not possible here</s-option>');
    // the refund estimate of a plain return is not shown for an exchange: the difference is on each choice
    expect(out).not.toContain("Estimated amount");
    const chosen = reducer(s, { type: "setVariant", lineItemId: L1, variant: "gid://shopify/ProductVariant/11" });
    expect(html(chosen)).toContain('value="gid://shopify/ProductVariant/11"><s-option');
    expect(html(chosen)).not.toContain("Choose the new size or option.");
  });

  it("form: store credit worth choosing says how much more it gives than a refund, beside the choice; nothing extra without a bonus", () => {
    const base: Action[] = [loaded(), { type: "openForm", idempotencyKey: "k" }, { type: "setQuantity", lineItemId: L1, quantity: 1 }, { type: "setReason", lineItemId: L1, reason: "SIZE_TOO_SMALL" }];
    const resolutions = overviewFixture().resolutions;
    const preview = previewFixture({ resolutions, refund: { amount: "50.00", currency: "NZD" }, storeCredit: { amount: "55.00", bonus: "5.00", currency: "NZD" } });
    const out = html(stateOf([...base, { type: "previewReceived", preview }]));
    expect(out).toContain("</s-select><s-text>Store credit: NZ$55.00 (NZ$5.00 more than a refund)</s-text>");
    // the estimate follows the choice: the refund for a refund, the credit with its bonus for store credit
    expect(out).toContain("Estimated amount: NZ$50.00");
    const credit = html(stateOf([...base, { type: "setResolution", resolution: "store_credit" }, { type: "previewReceived", preview }]));
    expect(credit).toContain("Estimated amount: NZ$55.00");
    expect(html(stateOf([...base, { type: "previewReceived", preview }]), "de", read("de.json"))).toMatch(/Guthaben: 55,00\sNZ\$ \(5,00\sNZ\$ mehr als eine Erstattung\)/);
    expect(html(stateOf([...base, { type: "previewReceived", preview }]), "fr", read("fr.json"))).toMatch(/Avoir : 55,00\s\$NZ \(5,00\s\$NZ de plus qu'un remboursement\)/);
    const noBonus = previewFixture({ resolutions, refund: { amount: "50.00", currency: "NZD" }, storeCredit: { amount: "50.00", bonus: "0.00", currency: "NZD" } });
    expect(html(stateOf([...base, { type: "previewReceived", preview: noBonus }]))).not.toContain("more than a refund");
  });

  it("form: a replacement names the item it sends, or why none can be sent", () => {
    const base: Action[] = [loaded(), { type: "openForm", idempotencyKey: "k" }, { type: "setQuantity", lineItemId: L1, quantity: 1 }];
    const one = { kind: "replacement" as const, currency: "EUR", lines: [{ lineItemId: L1, choices: [{ variantId: "gid://shopify/ProductVariant/1", title: "Linen shirt", price: "0.00", label: "Linen shirt · free" }] }] };
    expect(html(stateOf([...base, { type: "previewReceived", preview: previewFixture({ exchange: one }) }]))).toContain("<s-text tone=\"auto\">Replacement: Linen shirt · free</s-text>");
    const none = { ...one, lines: [{ lineItemId: L1, choices: [], none: "This item is out of stock, so it cannot be replaced now" }] };
    expect(html(stateOf([...base, { type: "previewReceived", preview: previewFixture({ exchange: none }) }]))).toContain('<s-text tone="critical">This item is out of stock, so it cannot be replaced now</s-text>');
  });

  it("status: the new item of a replacement, with the carrier's tracking page", () => {
    const r = requestFixture({
      status: "received",
      canCancel: false,
      resolution: "replacement",
      newItems: { message: "Your replacement (1 × Seat cover) has shipped. Tracking number: NZP1 (NZ Post)", trackingUrl: "https://track.example/NZP1" },
    });
    const out = html(stateOf([loaded({ requests: [r] })]));
    expect(out).toContain("<s-text>Your replacement (1 × Seat cover) has shipped. Tracking number: NZP1 (NZ Post)</s-text>");
    expect(out).toContain('<s-link href="https://track.example/NZP1" target="_blank">Track your new item</s-link>');
  });

  it("form: no amount and no red verdict before the shopper has chosen a reason", () => {
    const zero = { ...previewFixture(), refund: { amount: "0.00", currency: "NZD" } };
    const bad = { ...zero, lines: zero.lines.map((l) => ({ ...l, eligible: false, explanation: "Reason not accepted." })) };
    const out = html(
      stateOf([loaded(), { type: "openForm", idempotencyKey: "k" }, { type: "setQuantity", lineItemId: L1, quantity: 1 }, { type: "previewReceived", preview: bad }]),
    );
    expect(out).not.toContain("Estimated amount");
    expect(out).not.toContain("Reason not accepted.");
    expect(out).not.toContain('tone="critical"');
  });

  it("form: only returnable lines, labelled quantity with the remaining maximum", () => {
    const out = html(stateOf([loaded(), { type: "openForm", idempotencyKey: "k" }]));
    expect(out).toContain("Linen shirt");
    expect(out).not.toContain("Gift card");
    expect(out).toContain('<s-number-field label="Quantity to return (up to 2)" value="0" min="0" max="2" step="1">');
    expect(out).toContain("Return by 20 December 2026");
    expect(out).not.toContain("<s-select label=\"Reason\""); // appears once a quantity is chosen
    expect(out).toContain('<s-select label="Resolution" value="refund"><s-option value="refund">Refund to original payment</s-option><s-option value="store_credit">Store credit</s-option></s-select>');
  });

  it("form: reason options, required conditions as labelled checkboxes", () => {
    const out = html(
      stateOf([
        loaded(),
        { type: "openForm", idempotencyKey: "k" },
        { type: "setQuantity", lineItemId: L1, quantity: 1 },
        { type: "setReason", lineItemId: L1, reason: "SIZE_TOO_SMALL" },
        { type: "toggleCondition", lineItemId: L1, condition: "unused", checked: true },
      ]),
    );
    expect(out).toContain('<s-select label="Reason" placeholder="Choose a reason" value="SIZE_TOO_SMALL"><s-option value="SIZE_TOO_SMALL">Too small</s-option><s-option value="DEFECTIVE">Defective</s-option></s-select>');
    expect(out).toContain('<s-checkbox label="The item is unused" checked></s-checkbox>');
    expect(out).toContain('<s-checkbox label="Tags are still attached"></s-checkbox>');
    expect(out).toContain('<s-text-area label="Note (optional)" value maxlength="300"></s-text-area>');
    expect(out).toContain('<s-text color="subdued">300 characters left</s-text>');
    expect(out).not.toContain("s-drop-zone");
  });

  it("form: photo upload where evidence is required, with per-photo status", () => {
    const out = html(
      stateOf([
        loaded(),
        { type: "openForm", idempotencyKey: "k" },
        { type: "setQuantity", lineItemId: L1, quantity: 1 },
        { type: "setReason", lineItemId: L1, reason: "DEFECTIVE" },
        { type: "photoAdded", lineItemId: L1, photo: { id: "p1", name: "crack.jpg", status: "uploading" } },
      ]),
    );
    expect(out).toContain('<s-drop-zone label="Add a photo of the problem" accept="image/*" multiple></s-drop-zone>');
    expect(out).toContain("crack.jpg: uploading…");
    expect(out).toContain('accessibilityLabel="Remove crack.jpg"');
  });

  it("form: errors appear on the fields only after a submit attempt", () => {
    const base: Action[] = [loaded(), { type: "openForm", idempotencyKey: "k" }, { type: "setQuantity", lineItemId: L1, quantity: 1 }];
    expect(html(stateOf(base))).not.toContain("error=");
    const out = html(stateOf([...base, { type: "submitAttempted" }]));
    expect(out).toContain('<s-select label="Reason" placeholder="Choose a reason" value error="Choose a reason.">');
  });

  it("form: engine feedback per line, estimated amount and refund dates", () => {
    const out = html(
      stateOf([
        loaded(),
        { type: "openForm", idempotencyKey: "k" },
        { type: "setQuantity", lineItemId: L1, quantity: 1 },
        // the verdict shows once the shopper has said why (the window depends on the reason)
        { type: "setReason", lineItemId: L1, reason: overviewFixture().lines[0]!.reasons[0]!.code },
        { type: "previewReceived", preview: previewFixture({ lines: [{ lineItemId: L1, eligible: false, codes: ["WINDOW_CLOSED"], explanation: "The return window has closed." }] }) },
      ]),
    );
    expect(out).toContain('<s-text tone="critical">The return window has closed.</s-text>');
    expect(out).toContain('<s-text type="strong">Estimated amount: €49.90</s-text>');
    expect(out).toContain('<s-text color="subdued">Expected between 1 December 2026 and 8 December 2026</s-text>');
  });

  it("form: a server error names the field it belongs to", () => {
    const out = html(
      stateOf([
        loaded(),
        { type: "openForm", idempotencyKey: "k" },
        { type: "setQuantity", lineItemId: L1, quantity: 1 },
        { type: "submitFailed", message: "Only 1 left to return.", field: `line:${L1}:quantity` },
      ]),
    );
    expect(out).toContain('error="Only 1 left to return."');
  });

  it("form: the note counts down to Shopify's 300-character limit", () => {
    const typed = (note: string) =>
      html(stateOf([loaded(), { type: "openForm", idempotencyKey: "k" }, { type: "setQuantity", lineItemId: L1, quantity: 1 }, { type: "setNote", lineItemId: L1, note }]));
    expect(typed("Seam split")).toContain('<s-text color="subdued">290 characters left</s-text>');
    expect(typed("x".repeat(299))).toContain('<s-text color="subdued">1 character left</s-text>');
    expect(typed("x".repeat(300))).toContain('<s-text color="subdued">0 characters left</s-text>');
  });

  it("signed out on the order status page: a sign-in prompt (not an error and 'Try again') that calls the host's sign-in", () => {
    let prompts = 0;
    const s = stateOf([{ type: "signInRequired" }]);
    const out = renderToString(h(ReturnsBody, { state: s, t: createTranslate(en, en, "en"), locale: "en", on: { ...on, signIn: () => void prompts++ } }));
    expect(out).toBe("<s-stack gap=\"small\"><s-text>Sign in to request a return or follow the returns on this order.</s-text><s-button>Sign in</s-button></s-stack>");
    expect(out).not.toContain("Try again");
    expect(out).not.toContain("s-banner");
    // where the host cannot ask the buyer to sign in (the modal; or a signed-in buyer whose token names no
    // customer because the app lacks customer data access) it says returns are unavailable, without a button
    const none = html(s);
    expect(none).toBe("<s-text color=\"subdued\">Returns can't be requested here right now. Please contact the store.</s-text>");
    expect(prompts).toBe(0);
  });

  it("request page: says so when nothing on the order can be returned (the menu item leads there on every order); the block does not", () => {
    const s = stateOf([loaded({ canRequest: false, closedReason: undefined, requests: [] })]);
    expect(html(s)).toContain('<s-text color="subdued">Nothing on this order can be returned right now.</s-text>');
    const block = renderToString(h(ReturnsBody, { state: s, t: createTranslate(en, en, "en"), locale: "en", on, requestHref: "extension:x" }));
    expect(block).not.toContain("Nothing on this order");
  });

  it("renders in German", () => {
    const out = html(stateOf([loaded({ requests: [requestFixture()] })]), "de", read("de.json"));
    expect(out).toContain("Rücksendung anfordern");
    expect(out).toContain("Rücksendung angefordert am 20. November 2026");
  });
});

// The client (fake fetch, injected sleep) feeding the reducer the way ReturnsApp does, rendered.
describe("a busy store (429 busy with Retry-After)", () => {
  const busy = () =>
    new Response(JSON.stringify({ error: { code: "busy", message: "The store is busy; please try again in a few seconds" } }), {
      status: 429,
      headers: { "Content-Type": "application/json", "Retry-After": "5" },
    });
  const ok = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });
  function app(answers: (() => Response)[]) {
    const bodies: (string | undefined)[] = [];
    const waits: number[] = [];
    const fetch: FetchLike = async (_url, init) => {
      bodies.push(init?.body as string | undefined);
      return answers[Math.min(bodies.length - 1, answers.length - 1)]!();
    };
    const api = createReturnsApi({ appUrl: "https://app.example", getToken: async () => "tok", fetch, sleep: async (ms) => void waits.push(ms) });
    return { api, bodies, waits };
  }
  const settle = <T>(p: Promise<T>, done: (v: T) => Action, failed: (f: ReturnType<typeof failure>) => Action) =>
    p.then(done, (e: unknown) => failed(failure(e)));

  it("busy, then the overview: one result and no error shown", async () => {
    const a = app([busy, () => ok(200, overviewFixture())]);
    const action = await settle(a.api.getReturns("1001"), (data) => ({ type: "loaded", data }), (f) => ({ type: "loadFailed", ...f }));
    const out = html(stateOf([action]));
    expect(action.type).toBe("loaded");
    expect(a.bodies).toHaveLength(2);
    expect(a.waits).toEqual([5000]);
    expect(out).not.toContain("s-banner");
    expect(out).not.toContain("busy");
    expect(out).toContain("<s-button>Request return</s-button>");
  });

  it("busy three times: the busy message (not the server's text) and the retry button", async () => {
    const a = app([busy]);
    const action = await settle(a.api.getReturns("1001"), (data) => ({ type: "loaded", data }), (f) => ({ type: "loadFailed", ...f }));
    expect(a.bodies).toHaveLength(3);
    expect(a.waits).toEqual([5000, 5000]);
    const s = stateOf([action]);
    const out = html(s);
    expect(out).toContain(`<s-banner tone="critical" heading="We couldn't load your return options.">`);
    expect(out).toContain("<s-text>The store is busy right now. Please try again in a moment.</s-text>");
    expect(out).toContain(">Try again</s-button>");
    expect(out).not.toContain("please try again in a few seconds");
    expect(html(s, "de", read("de.json"))).toContain("<s-text>Der Shop ist gerade ausgelastet. Bitte versuche es gleich noch einmal.</s-text>");
  });

  it("submit busy three times: the same idempotencyKey each time, then the busy message over the kept form", async () => {
    const a = app([busy]);
    const base = stateOf([loaded(), { type: "openForm", idempotencyKey: "key-123456" }, { type: "setQuantity", lineItemId: L1, quantity: 1 }, { type: "submitStarted" }]);
    const body: SubmitBody = { idempotencyKey: base.idempotencyKey, lines: [], resolution: "refund" };
    const action = await settle(a.api.submit("1001", body), (request) => ({ type: "submitSucceeded", request }), (f) => ({ type: "submitFailed", ...f }));
    expect(a.bodies.map((b) => (JSON.parse(b!) as SubmitBody).idempotencyKey)).toEqual(["key-123456", "key-123456", "key-123456"]);
    const s = reducer(base, action);
    const out = html(s);
    expect(out).toContain(`<s-banner tone="critical" heading="We couldn't send your request."><s-text>The store is busy right now. Please try again in a moment.</s-text></s-banner>`);
    expect(out).toContain(">Submit request</s-button>");
    expect(s.idempotencyKey).toBe("key-123456");
  });

  it("submit busy then created: the request shows, no error", async () => {
    const a = app([busy, () => ok(201, { request: requestFixture() })]);
    const base = stateOf([loaded(), { type: "openForm", idempotencyKey: "key-123456" }, { type: "submitStarted" }]);
    const action = await settle(a.api.submit("1001", { idempotencyKey: "key-123456", lines: [], resolution: "refund" }), (request) => ({ type: "submitSucceeded", request }), (f) => ({ type: "submitFailed", ...f }));
    const out = html(reducer(base, action));
    expect(out).toContain("Your return request was sent.");
    expect(out).not.toContain('<s-banner tone="critical"');
    expect(out).not.toContain("busy");
  });

  it("cancel is not retried: one call, then the busy message", async () => {
    const a = app([busy]);
    const base = stateOf([loaded({ requests: [requestFixture()] }), { type: "cancelStarted", requestId: "rr_1" }]);
    const action = await settle(a.api.cancel("rr_1"), (request) => ({ type: "cancelSucceeded", request }), (f) => ({ type: "cancelFailed", ...f }));
    expect(a.bodies).toHaveLength(1);
    expect(html(reducer(base, action))).toContain('<s-banner tone="critical"><s-text>The store is busy right now. Please try again in a moment.</s-text></s-banner>');
  });
});

describe("signed out (401 sign_in_required)", () => {
  it("the client does not retry it and the reducer shows the sign-in prompt", async () => {
    let calls = 0;
    const fetch: FetchLike = async () => {
      calls++;
      return new Response(JSON.stringify({ error: { code: "sign_in_required", message: "Sign in to see returns for this order" } }), { status: 401, headers: { "Content-Type": "application/json" } });
    };
    const api = createReturnsApi({ appUrl: "https://app.example", getToken: async () => "tok", fetch, sleep: async () => {} });
    const e = await api.getReturns("1001").catch((x: unknown) => x);
    expect(isSignInRequired(e)).toBe(true);
    expect(calls).toBe(1);
    expect(stateOf([{ type: "signInRequired" }]).phase).toBe("signIn");
  });
});

describe("locales", () => {
  const src = readdirSync(new URL(".", import.meta.url))
    .filter((f) => f.endsWith(".tsx"))
    .map((f) => readFileSync(new URL(f, import.meta.url), "utf8"))
    .join("\n");
  const literalKeys = [...src.matchAll(/\bt\("([a-zA-Z.]+)"/g)].map((m) => m[1]!);
  const extraKeys = [
    ...["requested", "approved", "declined", "received", "refunded", "credited", "closed", "cancelled"].map((s) => `status.${s}`),
    ...["unused", "unopened", "tags_attached", "original_packaging"].map((c) => `conditions.${c}`),
    ...["noLines", "quantity", "reason", "condition", "photos", "photosUploading", "noteTooLong", "resolution", "variant"].map((e) => `errors.${e}`),
    "notice.submitted", "notice.cancelled", "notice.error", "form.photoDone", "form.photoFailed", "form.photoUploading",
    "signIn.message", "signIn.action", "signIn.unavailable", "nothingToReturn", "form.noteLeft",
  ];
  const files = readdirSync(dir).filter((f) => f.endsWith(".json"));

  it("has en (default), fr, de, es", () => {
    expect(files.sort()).toEqual(["de.json", "en.default.json", "es.json", "fr.json"]);
  });

  it.each(files)("%s translates every key the UI uses", (file) => {
    const messages = read(file);
    const t = createTranslate(messages, {}, "en");
    expect(literalKeys.length).toBeGreaterThan(20);
    for (const key of new Set([...literalKeys, ...extraKeys])) {
      expect(t(key, { count: 2 }), `${file}: ${key}`).not.toBe(key);
    }
  });
});
