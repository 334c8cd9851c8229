// Conformance: every scenario in ./scenarios (and the shared contract examples when present)
// must produce what its expect block says, with the same comparison as shared/scenarios/check.mjs,
// plus `resolutions` when the scenario states them.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { runScenario } from "./scenario";
import { sharedPath } from "../../standin";

const here = dirname(fileURLToPath(import.meta.url));
const ownDir = join(here, "scenarios");
const sharedDir = sharedPath("scenarios", "examples");

interface ExpectLine { lineId: string; eligible: boolean; route?: string; codes?: string[]; deadline?: string | null; keepItem?: boolean }
interface Expect {
  eligible: boolean;
  lines: ExpectLine[];
  resolutions?: string[];
  /** decision 190: the approval decision and the customer history screening */
  decision?: string;
  screening?: { outcome: string; codes?: string[] };
}

function files(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(".json")).sort().map((f) => join(dir, f)) : [];
}
const own = files(ownDir);

describe("conformance suite", () => {
  it("has at least 60 scenarios covering both seed policies", () => {
    expect(own.length).toBeGreaterThanOrEqual(60);
    const clauses = new Set(own.map((f) => (JSON.parse(readFileSync(f, "utf8")) as { clause: string }).clause));
    for (const c of [
      "ekr.window-30-days", "ekr.no-fault-conditions", "ekr.faults-no-condition-no-photo", "ekr.custom-not-returnable-no-fault",
      "ekr.gift-card-never", "ekr.sale-items-returnable", "ekr.every-channel-accepted", "ekr.seat-cover-warranty", "ekr.resolutions",
      "ekoh.no-change-of-mind", "ekoh.faults-within-7-days", "ekoh.photo-for-defective-damaged", "ekoh.no-conditions-for-faults",
      "ekoh.marketplace-retail-partner-excluded", "ekoh.non-returnable-categories",
      "time.auckland-dst-end", "time.auckland-dst-start", "time.los-angeles-dst-start", "time.los-angeles-dst-end",
    ]) expect(clauses, c).toContain(c);
  });

  for (const f of [...own, ...files(sharedDir)]) {
    const name = f.split("/").slice(-2).join("/");
    it(name, () => {
      const s = JSON.parse(readFileSync(f, "utf8")) as { expect: Expect };
      const out = runScenario(s);
      expect(out.eligible).toBe(s.expect.eligible);
      for (const el of s.expect.lines) {
        const got = out.lines.find((l) => l.lineId === el.lineId);
        expect(got, `answer for ${el.lineId}`).toBeDefined();
        if (!got) continue;
        expect(got.eligible, `${el.lineId} eligible`).toBe(el.eligible);
        if (el.route) expect(got.route).toBe(el.route);
        for (const c of el.codes ?? []) expect(got.codes).toContain(c);
        if (el.codes && el.codes.length === 0) expect(got.codes).toEqual([]);
        if (el.deadline !== undefined) {
          if (el.deadline === null) expect(got.deadline).toBeNull();
          else expect(got.deadline && Date.parse(got.deadline)).toBe(Date.parse(el.deadline));
        }
        expect(got.explanation.length).toBeGreaterThan(0);
        if (el.keepItem !== undefined) expect(got.keepItem, `${el.lineId} keepItem`).toBe(el.keepItem);
        if (el.keepItem) expect(got.explanation).toMatch(/send this item back/);
      }
      if (s.expect.resolutions) expect(out.resolutions).toEqual(s.expect.resolutions);
      if (s.expect.decision) expect(out.decision).toBe(s.expect.decision);
      if (s.expect.screening) {
        expect(out.screening.outcome).toBe(s.expect.screening.outcome);
        if (s.expect.screening.codes) expect(out.screening.findings.map((f) => f.code)).toEqual(s.expect.screening.codes);
        expect(out.screening.explanation.length > 0).toBe(s.expect.screening.outcome !== "clear");
      }
    });
  }
});
