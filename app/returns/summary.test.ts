import { describe, expect, it } from "vitest";
import { getPreset, parsePolicy } from "./index";
import { describeMatcher, summarizePolicy, summarizePolicyText } from "./summary";

describe("summarizePolicy", () => {
  it("reads the EKOH-STORE preset like a store page: faults only, 7 days, photos, exclusions, timelines", () => {
    const text = summarizePolicyText(getPreset("ekoh-store")!, "NZD");
    expect(text).toContain("within 7 days of delivery");
    expect(text).toContain("We don't accept returns for a change of mind.");
    expect(text).toContain("Please include a photo when the reason is “defective” or “arrived damaged”.");
    expect(text).toContain("Products tagged “perishable” can't be returned for a change of mind.");
    expect(text).toContain("(final sale)");
    expect(text).toContain("must be returned to where they were bought");
    expect(text).toContain("refunds take 5–20 business days within the country");
    expect(text).toContain("reviewed by our team before you send anything back");
  });

  it("reads the EKR Auto warranty and conditions", () => {
    const sections = summarizePolicy(getPreset("ekr-auto")!, "NZD");
    const warranty = sections.find((s) => s.heading === "Warranty");
    expect(warranty?.paragraphs[0]).toBe(
      "Products of type “Custom Seat Cover” are covered for 2 years from delivery if they are defective or arrived damaged; we offer a replacement.",
    );
    const cond = sections.find((s) => s.heading === "Condition of the items")!;
    expect(cond.paragraphs[0]).toBe(
      "Change of mind: items must be unused, with tags attached and in the original packaging.",
    );
  });

  it("states fees in the shop currency from integer minor units", () => {
    const p = getPreset("standard-30-day")!;
    p.fees = { restockingBps: 1250, returnShippingFeeMinor: 850, appliesTo: ["change_of_mind"] };
    const text = summarizePolicyText(parsePolicy(p), "NZD");
    expect(text).toContain("We deduct a 12.50% restocking fee and a return shipping fee of NZ$8.50 from refunds for change-of-mind returns.");
    const jpy = summarizePolicyText(parsePolicy({ ...p, fees: { ...p.fees, restockingBps: 0, returnShippingFeeMinor: 500 } }), "JPY");
    expect(jpy).toContain("return shipping fee of ¥500");
  });

  it("says how much more store credit is worth when the policy gives a bonus, and nothing when it gives none", () => {
    const p = getPreset("standard-30-day")!;
    expect(summarizePolicyText(parsePolicy(p), "NZD")).not.toContain("Store credit is worth");
    const bonus = parsePolicy({ ...p, resolutions: { ...p.resolutions, return: ["refund", "store_credit"], storeCreditBonusBps: 1000 } });
    expect(summarizePolicyText(bonus, "NZD")).toContain("Store credit is worth 10% more than a refund.");
  });

  it("says there is no fee when there is none, and describes the approval mode", () => {
    const p = getPreset("standard-30-day")!;
    const text = summarizePolicyText(p);
    expect(text).toContain("There is no restocking or return shipping fee.");
    expect(text).toContain("approved straight away; others are reviewed");
  });

  it("describes every matcher kind", () => {
    expect(describeMatcher({ kind: "vendor", values: ["Acme", "Globex"] })).toBe("products from “Acme” or “Globex”");
    expect(describeMatcher({ kind: "collection", values: ["Outlet"] })).toBe("products in the “Outlet” collection");
    expect(describeMatcher({ kind: "lineItemProperty", keys: ["Engraving"] })).toBe("items ordered with “Engraving” options");
    expect(describeMatcher({ kind: "giftCard" })).toBe("gift cards");
    expect(describeMatcher({ kind: "onSale" })).toBe("items bought at a discount");
  });

  it("is deterministic", () => {
    const p = getPreset("ekoh-store")!;
    expect(summarizePolicyText(p)).toBe(summarizePolicyText(structuredClone(p)));
  });
});
