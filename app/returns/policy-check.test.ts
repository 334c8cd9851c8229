// The policy:check command end to end: exit codes and the one-line error naming the field.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = join(dirname(fileURLToPath(import.meta.url)), "../..");
const tsxCli = join(root, "node_modules/tsx/dist/cli.mjs");
const sample = join(root, "app/returns/scenarios/ekoh.faults-within-7-days--wrong-item-last-ms.json");
const dir = mkdtempSync(join(tmpdir(), "policy-check-"));

function run(file: string) {
  return spawnSync(process.execPath, [tsxCli, join(root, "scripts/policy-check.ts"), file], { cwd: root, encoding: "utf8", timeout: 60_000 });
}
function withFile(name: string, content: string) {
  const f = join(dir, name);
  writeFileSync(f, content);
  return f;
}
interface Scn {
  now?: string;
  policy: unknown;
  shop: { timezone: string };
  order: { lines: Array<Record<string, unknown>> };
  request: { lines: Array<Record<string, unknown>> };
}
function mutate(fn: (s: Scn) => void) {
  const s = JSON.parse(readFileSync(sample, "utf8")) as Scn;
  fn(s);
  return JSON.stringify(s);
}

describe("scripts/policy-check.ts", () => {
  it("prints the evaluation and exits 0", () => {
    const r = run(sample);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.eligible).toBe(true);
    expect(out.lines[0].deadline).toBe("2026-03-08T10:59:59.999Z");
  });

  it("exits 0 for an ineligible request too", () => {
    const r = run(withFile("late.json", mutate((s) => (s.now = "2026-04-01T00:00:00Z"))));
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).lines[0].codes).toEqual(["OUTSIDE_WINDOW"]);
  });

  for (const [name, fn, field] of [
    ["bad reason", (s: Scn) => (s.request.lines[0]!.reason = "BROKEN"), "request.lines[0].reason"],
    ["bad price", (s: Scn) => (s.order.lines[0]!.unitPrice = 12.5), "order.lines[0].unitPrice"],
    ["missing now", (s: Scn) => delete s.now, "now"],
    ["unknown preset", (s: Scn) => (s.policy = "nope"), "policy"],
    ["bad time zone", (s: Scn) => (s.shop.timezone = "Mars/Olympus"), "shop.timezone"],
    ["unknown line", (s: Scn) => (s.request.lines[0]!.lineId = "gid://shopify/LineItem/999"), "request.lines[0].lineId"],
    ["bad inline policy", (s: Scn) => (s.policy = { schemaVersion: 1, version: 1, name: "x" }), "policy.id"],
  ] as Array<[string, (s: Scn) => void, string]>) {
    it(`exits 2 naming ${field} (${name})`, () => {
      const r = run(withFile(`${name.replace(/ /g, "-")}.json`, mutate(fn)));
      expect(r.status).toBe(2);
      expect(r.stdout).toBe("");
      const lines = r.stderr.trim().split("\n");
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain(field);
    });
  }

  it("exits 2 on invalid JSON and on a missing file", () => {
    const bad = run(withFile("bad.json", "{"));
    expect(bad.status).toBe(2);
    expect(bad.stderr.trim().split("\n")).toHaveLength(1);
    const missing = run(join(dir, "missing.json"));
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain("missing.json");
  });
});
