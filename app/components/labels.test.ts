import { describe, expect, it } from "vitest";
import { LOCALES, REASONS, RESOLUTIONS } from "~/returns";
import { REASON_LABEL as CORE_REASON_LABEL, REASON_PHRASE, RESOLUTION_LABEL as CORE_RESOLUTION_LABEL, RESOLUTION_PHRASE } from "~/returns/labels";
import { REASON_LABELS as SHOPPER_REASON, RESOLUTION_LABELS as SHOPPER_RESOLUTION } from "~/services/shopper/locale";
import { REQUEST_STATUSES } from "~/returns/request-state";
import { REASON_LABEL, RESOLUTION_LABEL, STATUS_LABEL, STATUS_VALUES, traceLabel } from "./labels";

describe("one vocabulary for reasons and resolutions", () => {
  // Every table keyed by the core's codes; a code added to the core without words fails here, whichever
  // table lacks them (the types say the same, but a table typed Record<string, …> would not).
  const tables: [string, readonly string[], Record<string, unknown>][] = [
    ["staff reason labels", REASONS, CORE_REASON_LABEL],
    ["summary reason phrases", REASONS, REASON_PHRASE],
    ["staff resolution labels", RESOLUTIONS, CORE_RESOLUTION_LABEL],
    ["summary resolution phrases", RESOLUTIONS, RESOLUTION_PHRASE],
    ...LOCALES.map((l): [string, readonly string[], Record<string, unknown>] => [
      `shopper reasons (${l})`,
      REASONS,
      Object.fromEntries(Object.entries(SHOPPER_REASON).map(([k, v]) => [k, v[l]])),
    ]),
    ...LOCALES.map((l): [string, readonly string[], Record<string, unknown>] => [
      `shopper resolutions (${l})`,
      RESOLUTIONS,
      Object.fromEntries(Object.entries(SHOPPER_RESOLUTION).map(([k, v]) => [k, v[l]])),
    ]),
  ];

  it.each(tables)("%s: words for every code, and no word for a code the core does not have", (_name, codes, table) => {
    const missing = codes.filter((c) => typeof table[c] !== "string" || (table[c] as string).trim() === "");
    expect(missing).toEqual([]);
    expect(Object.keys(table).filter((k) => !codes.includes(k))).toEqual([]);
  });

  it("the admin screens show the core's words", () => {
    expect(REASON_LABEL).toBe(CORE_REASON_LABEL);
    expect(RESOLUTION_LABEL).toBe(CORE_RESOLUTION_LABEL);
  });
});

describe("traceLabel", () => {
  const inAuckland = (iso: string) =>
    new Date(iso).toLocaleString("en", { timeZone: "Pacific/Auckland", day: "numeric", month: "short", year: "numeric" });

  it("names the engine's checks in words and shows instants in the shop's time zone", () => {
    expect(traceLabel({ rule: "window", pass: true, detail: "return window ends 2026-12-08T10:59:59.999Z" }, inAuckland)).toBe(
      "Within the return window (ends Dec 8, 2026)",
    );
    expect(traceLabel({ rule: "window", pass: false, detail: "warranty window ends 2026-12-08T10:59:59.999Z" }, inAuckland)).toBe(
      "Outside the warranty (it ended Dec 8, 2026)",
    );
    expect(traceLabel({ rule: "evidence", pass: false, detail: "0/1 photos" }, inAuckland)).toBe("Photos missing (0 of 1 attached)");
    expect(traceLabel({ rule: "evidence", pass: true, detail: "0/0 photos" }, inAuckland)).toBe("No photos needed");
  });

  it("writes reasons, channels and conditions in words, not codes", () => {
    expect(traceLabel({ rule: "reason", pass: true, detail: "UNWANTED" }, inAuckland)).toBe("Reason accepted (changed mind)");
    expect(traceLabel({ rule: "reason", pass: true, detail: "DEFECTIVE covered by warranty seat-cover" }, inAuckland)).toBe("Covered by the warranty (defective)");
    expect(traceLabel({ rule: "channel", pass: true, detail: "online_store" }, inAuckland)).toBe("Bought through the online store, which the policy accepts");
    expect(traceLabel({ rule: "channel", pass: false, detail: "pos" }, inAuckland)).toBe("Bought through point of sale, which the policy excludes");
    expect(traceLabel({ rule: "conditions", pass: false, detail: "unused,tags_attached" }, inAuckland)).toBe("The customer did not confirm: unused, tags attached");
    expect(traceLabel({ rule: "quantity", pass: true, detail: "asked 1, available 2" }, inAuckland)).toBe("Quantity can still be returned (1 asked, 2 left to return)");
  });

  it("says what a passed exclusion rule means for the item (not a gift card), and unknown checks in words", () => {
    expect(traceLabel({ rule: "rule:gift-card", pass: true, code: "GIFT_CARD" }, inAuckland)).toBe("Not a gift card");
    expect(traceLabel({ rule: "rule:gift-card", pass: false, code: "GIFT_CARD" }, inAuckland)).toBe("A gift card, which can't be returned");
    expect(traceLabel({ rule: "rule:final-sale", pass: true, code: "FINAL_SALE" }, inAuckland)).toBe("Not a final-sale item (final sale)");
    expect(traceLabel({ rule: "rule:perishable", pass: false, code: "EXCLUDED_ITEM" }, inAuckland)).toBe("Excluded from returns (perishable)");
    expect(traceLabel({ rule: "something-new" }, inAuckland)).toBe("something new");
  });
});

describe("status words", () => {
  it("every stored status and the shown replaced / exchanged have words; the queue filters only by stored ones", () => {
    for (const s of [...REQUEST_STATUSES, "replaced", "exchanged"]) expect(STATUS_LABEL[s]).toBeTruthy();
    expect(STATUS_LABEL.replaced).toBe("Replaced");
    expect(STATUS_LABEL.exchanged).toBe("Exchanged");
    expect([...STATUS_VALUES].sort()).toEqual([...REQUEST_STATUSES].sort());
  });
});
