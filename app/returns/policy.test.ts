import { describe, expect, it } from "vitest";
import { getPreset, presets, PRESET_IDS } from "./presets";
import { parsePolicy, PolicyError, safeParsePolicy, formatPath, type Policy } from "./policy";

const base = (): Policy => structuredClone(presets["ekoh-store"]);

function fieldOf(value: unknown): string {
  try {
    parsePolicy(value);
  } catch (e) {
    expect(e).toBeInstanceOf(PolicyError);
    return (e as PolicyError).field;
  }
  throw new Error("expected a PolicyError");
}

describe("policy schema", () => {
  it("every preset round-trips through JSON and the schema", () => {
    for (const id of PRESET_IDS) {
      const p = presets[id];
      expect(parsePolicy(JSON.stringify(p))).toEqual(p);
      expect(p.schemaVersion).toBe(1);
    }
  });

  it("getPreset returns a copy and undefined for unknown ids", () => {
    const p = getPreset("ekr-auto");
    expect(p).toBeDefined();
    p!.windows.faults = null;
    expect(presets["ekr-auto"].windows.faults).not.toBeNull();
    expect(getPreset("nope")).toBeUndefined();
  });

  it("names windows.faults.days when days is negative", () => {
    const p = base();
    p.windows.faults!.days = -1;
    expect(fieldOf(p)).toBe("windows.faults.days");
  });

  it("names windows.faults.days when days is fractional", () => {
    const p = base();
    p.windows.faults!.days = 7.5;
    expect(fieldOf(p)).toBe("windows.faults.days");
  });

  it("names schemaVersion", () => {
    const p = base();
    p.schemaVersion = 2 as never;
    expect(fieldOf(p)).toBe("schemaVersion");
  });

  it("names an unknown reason in reasons.accepted", () => {
    const p = base();
    p.reasons.accepted = ["DEFECTIVE", "BROKEN" as never];
    expect(fieldOf(p)).toBe("reasons.accepted[1]");
  });

  it("names a bad rule code inside rules", () => {
    const p = base();
    p.rules[2]!.code = "NOPE" as never;
    expect(fieldOf(p)).toBe("rules[2].code");
  });

  it("names a bad matcher kind", () => {
    const p = base();
    p.rules[0]!.match[0] = { kind: "colour", values: ["red"] } as never;
    expect(fieldOf(p)).toMatch(/^rules\[0\]\.match\[0\]/);
  });

  it("names restocking fee above 100%", () => {
    const p = base();
    p.fees.restockingBps = 10_001;
    expect(fieldOf(p)).toBe("fees.restockingBps");
  });

  it("names an accepted reason whose group has no window", () => {
    const p = base();
    p.reasons.accepted.push("UNWANTED");
    expect(fieldOf(p)).toBe("reasons.accepted[4]");
  });

  it("names a missing reason group", () => {
    const p = base();
    delete (p.reasons.groups as Partial<Policy["reasons"]["groups"]>).COLOR;
    expect(fieldOf(p)).toBe("reasons.groups.COLOR");
  });

  it("names a refund timeline whose min exceeds max", () => {
    const p = base();
    p.refundTimelines!.domestic = { min: 30, max: 5 };
    expect(fieldOf(p)).toBe("refundTimelines.domestic.max");
  });

  it("names the approval mode", () => {
    const p = base();
    p.approval.mode = "yolo" as never;
    expect(fieldOf(p)).toBe("approval.mode");
  });

  it("reports invalid JSON text at the root", () => {
    expect(fieldOf("{nope")).toBe("(root)");
  });

  it("safeParsePolicy returns the error instead of throwing", () => {
    const r = safeParsePolicy({ schemaVersion: 1 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.issues.length).toBeGreaterThan(1);
  });

  it("formats paths with an optional prefix", () => {
    expect(formatPath(["rules", 0, "match"], "policy")).toBe("policy.rules[0].match");
    expect(formatPath([])).toBe("(root)");
  });
});

describe("policyMatchesCollections", () => {
  it("is true only when a rule or warranty matches on a collection", async () => {
    const { policyMatchesCollections } = await import("./matching");
    for (const id of PRESET_IDS) expect(policyMatchesCollections(getPreset(id))).toBe(false);
    const withRule = base();
    withRule.rules.push({ id: "sale", match: [{ kind: "collection", values: ["clearance"] }], appliesTo: ["*"], code: withRule.rules[0]?.code ?? "final_sale" } as Policy["rules"][number]);
    expect(policyMatchesCollections(parsePolicy(withRule))).toBe(true);
  });
});
