import { describe, expect, it } from "vitest";
import { stricterThan } from "./generosity";
import { getPreset } from "./presets";
import { policyInForce } from "./versioning";

const base = () => getPreset("standard-30-day")!;

describe("stricterThan: may a version apply to earlier orders?", () => {
  it("a version is as generous as itself, and longer windows or fewer photos are more generous", () => {
    expect(stricterThan(base(), base())).toEqual([]);
    const kinder = base();
    kinder.windows.change_of_mind = { days: 60, from: "delivery" };
    kinder.evidence.minPhotos = {};
    kinder.rules = kinder.rules.filter((r) => r.code !== "FINAL_SALE");
    expect(stricterThan(kinder, base())).toEqual([]);
  });

  it("names each way a version is stricter, in words", () => {
    const strict = base();
    strict.windows.change_of_mind = { days: 14, from: "delivery" };
    strict.reasons.accepted = strict.reasons.accepted.filter((r) => r !== "STYLE");
    strict.rules.push({ id: "clearance", match: [{ kind: "collection", values: ["clearance"] }], appliesTo: ["*"], code: "FINAL_SALE" });
    strict.fees = { restockingBps: 1000, returnShippingFeeMinor: 0, appliesTo: ["change_of_mind"] };
    strict.resolutions.return = ["refund"];
    const out = stricterThan(strict, base());
    expect(out).toContain("It no longer accepts returns for “style”.");
    expect(out).toContain("Its window for change-of-mind returns is shorter.");
    expect(out).toContain("Its rule “clearance” excludes items the earlier version accepted.");
    expect(out).toContain("It charges more in fees (change-of-mind returns).");
    expect(out).toContain("It offers fewer resolutions for returns.");
    expect(out.join(" ")).not.toMatch(/change_of_mind|UNWANTED|STYLE/);
    const moved = base();
    moved.reasons.groups.STYLE = "faults";
    moved.windows.faults = { days: 7, from: "delivery" };
    expect(stricterThan(moved, base())).toEqual(["Its window for returns of faulty items is shorter.", "Its window for “style” is shorter."]);
  });

  it("counting from dispatch instead of delivery, or dropping a warranty, is stricter", () => {
    const prev = getPreset("ekr-auto")!;
    const next = getPreset("ekr-auto")!;
    next.windows.faults = { days: 30, from: "fulfillment" };
    next.warranties = [];
    expect(stricterThan(next, prev)).toEqual(["Its window for returns of faulty items is shorter.", "Its warranty “seat cover two year” covers less."]);
  });
});

describe("policyInForce with a version applied to earlier orders", () => {
  const at = (d: string) => new Date(`${d}T00:00:00Z`);
  const versions = [
    { version: 1, createdAt: at("2026-01-01") },
    { version: 2, createdAt: at("2026-03-01"), appliesToEarlierOrders: true },
    { version: 3, createdAt: at("2026-05-01") },
  ];
  it("covers orders placed before it was saved, and gives way to later versions for later orders", () => {
    expect(policyInForce(versions, at("2025-12-01"))?.version).toBe(2);
    expect(policyInForce(versions, at("2026-02-01"))?.version).toBe(2);
    expect(policyInForce(versions, at("2026-04-01"))?.version).toBe(2);
    expect(policyInForce(versions, at("2026-06-01"))?.version).toBe(3);
    expect(policyInForce(versions.map((v) => ({ ...v, appliesToEarlierOrders: false })), at("2026-02-01"))?.version).toBe(1);
  });
});
